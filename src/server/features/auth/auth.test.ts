import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, sessionCookie, type TestContext } from "../../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const count = async (table: string) =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

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

describe("password rules on sign-up", () => {
  it.each([
    ["too short", "short pw", "at least 10 characters"],
    ["a common password", "password123", "too easy to guess"],
    ["one repeated character", "zzzzzzzzzzzz", "one character repeated"],
    ["the e-mail address", "rosa.parks-2026!", "your name or e-mail address"],
    ["the name", "xx-Bernadette-77", "your name or e-mail address"],
  ])("refuses %s, naming the field and saving nothing", async (_, password, message) => {
    const before = await count("users");
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: "rosa.parks@example.org", password, name: "Bernadette Quill" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().errors).toEqual([{ field: "password", message: expect.stringContaining(message) }]);
    if (message !== "at least 10 characters") {
      expect(res.json().detail).toContain("add another word or two; avoid names and common phrases");
    }
    expect(await count("users")).toBe(before);
  });

  it("accepts a long passphrase", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: {
        email: "rosa.parks@example.org",
        password: "lantern orchard quietly",
        name: "Bernadette Quill",
      },
    });
    expect(res.statusCode).toBe(201);
  });
});
