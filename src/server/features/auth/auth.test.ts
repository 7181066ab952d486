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

async function lastMailTo(email: string) {
  const rows = await queryRows<{ text: string; subject: string }>(
    ctx.deps.db,
    sql`select subject, text from outbox where "to" = ${email} order by created_at desc limit 1`,
  );
  return rows[0];
}

describe("sign up, sign in, sign out", () => {
  it("signs up with a session cookie that is HttpOnly and SameSite=Lax", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: "Ana@Example.org", password: "a long password", name: "Ana Ruiz" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: "ana@example.org",
      name: "Ana Ruiz",
      isAdmin: false,
      partnerships: [],
    });
    const cookie = res.cookies.find((c) => c.name === "st_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.secure).toBeFalsy();
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie: sessionCookie(res) } });
    expect(me.json()).toMatchObject({ email: "ana@example.org" });
  });

  it("stores a scrypt hash, never the password", async () => {
    const [row] = await queryRows<{ password_hash: string }>(
      ctx.deps.db,
      sql`select password_hash from users where email = 'ana@example.org'`,
    );
    expect(row.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(row.password_hash).not.toContain("a long password");
  });

  it("refuses a second account with the same address and saves nothing", async () => {
    const before = await count("users");
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: "ana@example.org", password: "another password", name: "Other" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: "email", message: expect.stringContaining("already exists") },
    ]);
    expect(await count("users")).toBe(before);
  });

  it("names each bad field, refuses unknown fields, malformed JSON and a missing body", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: "nope", password: "short", name: "", role: "admin" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const fields = res
      .json<{ errors: { field: string }[] }>()
      .errors.map((e) => e.field)
      .sort();
    expect(fields).toEqual(["email", "name", "password", "role"]);
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

  it("signs in and out; a signed-out cookie no longer works", async () => {
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "ana@example.org", password: "a long password" },
    });
    expect(login.statusCode).toBe(200);
    const cookie = sessionCookie(login);
    const out = await ctx.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.headers["content-type"]).toContain("application/problem+json");
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

describe("repeated failed sign-ins", () => {
  it("are refused for a while after ten failures, even with the right password", async () => {
    const { email } = await signUp(ctx);
    const attempt = (password: string) =>
      ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
    const statuses: number[] = [];
    ctx.sleeps.length = 0;
    for (let i = 0; i < 10; i++) statuses.push((await attempt("wrong password")).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    // The first three attempts are not slowed; after that each waits longer than the one before.
    expect(ctx.sleeps).toEqual([250, 500, 1000, 2000, 4000, 4000, 4000]);
    const locked = await attempt("correct horse battery");
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    ctx.advance(16 * 60_000);
    expect((await attempt("correct horse battery")).statusCode).toBe(200);
  });
});

describe("password reset", () => {
  it("e-mails a link that works once and then signs everyone out", async () => {
    const { email, cookie } = await signUp(ctx);
    const ask = await ctx.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email } });
    expect(ask.statusCode).toBe(202);
    const mail = await lastMailTo(email);
    const token = /\/reset-password\/([\w-]+)/.exec(mail.text)![1];
    expect(mail.text).toContain("http://shared-table.test/reset-password/");
    const reset = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "a brand new password" },
    });
    expect(reset.statusCode).toBe(204);
    expect((await ctx.app.inject({ url: "/api/me", headers: { cookie } })).statusCode).toBe(401);
    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "yet another password" },
    });
    expect(again.statusCode).toBe(410);
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password: "a brand new password" },
    });
    expect(login.statusCode).toBe(200);
  });

  it("expires after an hour", async () => {
    const { email } = await signUp(ctx);
    await ctx.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email } });
    const token = /\/reset-password\/([\w-]+)/.exec((await lastMailTo(email)).text)![1];
    ctx.advance(61 * 60_000);
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/password-reset/confirm",
      payload: { token, password: "a brand new password" },
    });
    expect(res.statusCode).toBe(410);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const before = await count("outbox");
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/password-reset",
      payload: { email: "ghost@example.org" },
    });
    expect(res.statusCode).toBe(202);
    expect(await count("outbox")).toBe(before);
  });
});
