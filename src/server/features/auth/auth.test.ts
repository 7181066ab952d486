import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, sessionCookie, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const count = async (table: string) =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

/** Asks to sign up as a browser does: answers the response and the browser's link cookie. */
async function ask(email: string, name: string, ip = "203.0.113.20") {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: { email, name },
    remoteAddress: ip,
  });
  const browser = res.cookies.find((c) => c.name === "st_link_browser")?.value ?? "";
  return { res, browser };
}

async function newestMail(to: string) {
  const [mail] = await queryRows<{ subject: string; text: string }>(
    ctx.deps.db,
    sql`select subject, text from outbox where "to" = ${to} order by created_at desc, id desc limit 1`,
  );
  return mail;
}

const linkIn = (text: string) => /\/signup\/link\?token=([\w.-]+)/.exec(text)?.[1] ?? "";

function useLink(token: string, browser?: string, extra: object = {}) {
  return ctx.app.inject({
    method: "POST",
    url: "/api/auth/sign-up-link",
    payload: { token, ...extra },
    cookies: browser ? { st_link_browser: browser } : {},
  });
}

describe("signing up by a mailed link, with no password", () => {
  it("mails a link that makes the account; nothing is made before it is opened", async () => {
    const users = await count("users");
    const { res, browser } = await ask("Ana@Example.org", "Ana Ruiz");
    expect(res.statusCode).toBe(202);
    expect(res.json().detail).toBe(
      "We e-mailed a link to ana@example.org: open it within 15 minutes to finish. If the address already has an account, the link signs you in to it.",
    );
    expect(await count("users")).toBe(users);
    const mail = await newestMail("ana@example.org");
    expect(mail.subject).toBe("Finish creating your Shared Table account");
    expect(mail.text).toContain("It was asked for from 203.0.113.20");

    const token = linkIn(mail.text);
    const info = await ctx.app.inject({
      url: `/api/auth/sign-up-link?token=${token}`,
      cookies: { st_link_browser: browser },
    });
    expect(info.json()).toMatchObject({ email: "ana@example.org", name: "Ana Ruiz", sameBrowser: true });
    expect(await count("users")).toBe(users);

    const made = await useLink(token, browser);
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      email: "ana@example.org",
      name: "Ana Ruiz",
      isAdmin: false,
      hasPassword: false,
      partnerships: [],
      next: null,
    });
    const cookie = made.cookies.find((c) => c.name === "st_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.secure).toBeFalsy();
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie: sessionCookie(made) } });
    expect(me.json()).toMatchObject({ email: "ana@example.org" });
    expect(await count("users")).toBe(users + 1);
  });

  it("answers an address that has an account exactly as a new one, and mails its owner a sign-in link", async () => {
    const users = await count("users");
    const taken = await ask("ana@example.org", "Someone Else");
    const fresh = await ask("new.person@example.org", "New Person");
    expect(taken.res.statusCode).toBe(fresh.res.statusCode);
    expect(taken.res.json().detail.replace("ana@example.org", "X")).toBe(
      fresh.res.json().detail.replace("new.person@example.org", "X"),
    );
    const mail = await newestMail("ana@example.org");
    expect(mail.subject).toBe("Your Shared Table sign-in link");
    expect(mail.text).toContain("You already have one");
    expect(mail.text).toMatch(/\/signin\/link\/[\w-]+/);
    expect(await count("users")).toBe(users);
  });

  it("works once, unchanged, within 15 minutes; another browser must confirm", async () => {
    const { browser } = await ask("bo@example.org", "Bo Baker");
    const token = linkIn((await newestMail("bo@example.org")).text);
    const users = await count("users");

    const [payload, signature] = token.split(".");
    const forged = JSON.parse(Buffer.from(payload, "base64url").toString()) as { e: string };
    forged.e = "mallory@example.org";
    const tampered = `${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${signature}`;
    for (const bad of [tampered, `${token}x`, token.replace(".", "")]) {
      const res = await useLink(bad, browser, { confirmOtherBrowser: true });
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toContain("not complete or was changed");
    }

    const elsewhere = await useLink(token);
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().detail).toContain("asked for in another browser");
    expect(await count("users")).toBe(users);

    const confirmed = await useLink(token, undefined, { confirmOtherBrowser: true, name: "Bo Baker-Hill" });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json()).toMatchObject({ email: "bo@example.org", name: "Bo Baker-Hill" });
    const again = await useLink(token, browser);
    expect(again.statusCode).toBe(410);
    expect((await ctx.app.inject({ url: `/api/auth/sign-up-link?token=${token}` })).statusCode).toBe(410);
    expect(await count("users")).toBe(users + 1);

    const late = await ask("cy@example.org", "Cy Late");
    const lateToken = linkIn((await newestMail("cy@example.org")).text);
    ctx.advance(16 * 60_000);
    expect((await useLink(lateToken, late.browser)).statusCode).toBe(410);
    expect(await count("users")).toBe(users + 1);
  });

  it("lands where the person was going", async () => {
    const { browser } = await ctx.app
      .inject({
        method: "POST",
        url: "/api/auth/signup",
        payload: { email: "dee@example.org", name: "Dee", next: "/resources" },
      })
      .then((res) => ({ browser: res.cookies.find((c) => c.name === "st_link_browser")!.value }));
    const made = await useLink(linkIn((await newestMail("dee@example.org")).text), browser);
    expect(made.json().next).toBe("/resources");
  });

  it("names each bad field, refuses unknown fields (a password among them), malformed JSON and a missing body", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: "nope", password: "short", name: "", role: "admin", next: "//evil.example" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const fields = res
      .json<{ errors: { field: string }[] }>()
      .errors.map((e) => e.field)
      .sort();
    expect(fields).toEqual(["email", "name", "next", "password", "role"]);
    const malformed = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({
      status: 400,
      title: expect.any(String),
      detail: expect.any(String),
    });
    const missing = await ctx.app.inject({ method: "POST", url: "/api/auth/login" });
    expect(missing.statusCode).toBe(400);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("passwords, added on the account page", () => {
  let ana: string;
  beforeAll(async () => {
    const { browser } = await ask("rosa.parks@example.org", "Bernadette Quill");
    const made = await useLink(linkIn((await newestMail("rosa.parks@example.org")).text), browser);
    ana = sessionCookie(made);
  });

  it.each([
    ["too short", "short pw", "at least 10 characters"],
    ["a common password", "password123", "too easy to guess"],
    ["one repeated character", "zzzzzzzzzzzz", "one character repeated"],
    ["the e-mail address", "rosa.parks-2026!", "your name or e-mail address"],
    ["the name", "xx-Bernadette-77", "your name or e-mail address"],
  ])("refuses %s, naming the field and saving nothing", async (_, password, message) => {
    const res = await ctx.app.inject({
      method: "PATCH",
      url: "/api/me",
      payload: { newPassword: password },
      headers: { cookie: ana },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors).toEqual([{ field: "newPassword", message: expect.stringContaining(message) }]);
    if (message !== "at least 10 characters") {
      expect(res.json().detail).toContain("add another word or two; avoid names and common phrases");
    }
    const [row] = await queryRows<{ password_hash: string | null }>(
      ctx.deps.db,
      sql`select password_hash from users where email = 'rosa.parks@example.org'`,
    );
    expect(row.password_hash).toBeNull();
  });

  it("accepts a long passphrase and stores a scrypt hash, never the password", async () => {
    const res = await ctx.app.inject({
      method: "PATCH",
      url: "/api/me",
      payload: { newPassword: "lantern orchard quietly" },
      headers: { cookie: ana },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().hasPassword).toBe(true);
    const [row] = await queryRows<{ password_hash: string }>(
      ctx.deps.db,
      sql`select password_hash from users where email = 'rosa.parks@example.org'`,
    );
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.password_hash).not.toContain("lantern");
  });
});

describe("sign in, sign out", () => {
  it("signs in and out; a signed-out cookie no longer works", async () => {
    const user = await signUp(ctx, "Sam Signin");
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: user.email, password: "correct horse battery" },
    });
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookie(login);
    const out = await ctx.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.body).toBe("null");
  });

  it("answers a visitor's GET /api/me with 200 and null, not an error", async () => {
    const me = await ctx.app.inject({ url: "/api/me" });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toBeNull();
  });

  it("refuses a wrong password with 401 without saying whether the account exists", async () => {
    const wrong = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "ana@example.org", password: "not the password" },
    });
    const unknown = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "nobody@example.org", password: "not the password" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });
});
