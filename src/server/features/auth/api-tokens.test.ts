import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOKEN_REQUESTS_PER_MINUTE } from "../../../core/api-tokens.js";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";
import { TokenRateLimiter } from "./api-tokens.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

type Made = { id: string; token: string; prefix: string; status: string; access: string };
const makeToken = async (cookie: string, body: Record<string, unknown>) => {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/me/tokens",
    headers: { cookie },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Made>();
};
const withToken = (
  token: string,
  method: "GET" | "PATCH" | "POST" | "DELETE",
  url: string,
  payload?: unknown,
) =>
  ctx.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
const partnershipName = async (id: string) =>
  (await queryRows<{ name: string }>(ctx.deps.db, sql`select name from partnerships where id = ${id}`))[0]
    .name;

describe("personal API tokens", () => {
  it("refuses visitors on every token route", async () => {
    for (const [method, url] of [
      ["GET", "/api/me/tokens"],
      ["POST", "/api/me/tokens"],
      ["DELETE", "/api/me/tokens/00000000-0000-4000-8000-000000000000"],
    ] as const) {
      const res = await ctx.app.inject({ method, url, payload: method === "POST" ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("shows a new token once, acts as its owner with it, and shows when it was last used", async () => {
    const owner = await signUp(ctx, "Tess Token");
    const made = await makeToken(owner.cookie, { name: "State sync", access: "read", expiresInDays: null });
    expect(made.token).toMatch(/^st_[A-Za-z0-9_-]{43}$/);
    expect(made.token.startsWith(made.prefix)).toBe(true);
    expect(made.status).toBe("active");

    const me = await withToken(made.token, "GET", "/api/me");
    expect(me.statusCode).toBe(200);
    expect(me.json<{ name: string }>().name).toBe("Tess Token");

    const list = await ctx.app.inject({ url: "/api/me/tokens", headers: { cookie: owner.cookie } });
    const [listed] = list.json<{ items: Record<string, unknown>[] }>().items;
    expect(listed).toMatchObject({ id: made.id, name: "State sync", access: "read", status: "active" });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.json())).not.toContain(made.token);
    const [stored] = await queryRows<{ token_hash: string }>(
      ctx.deps.db,
      sql`select token_hash from api_tokens where id = ${made.id}`,
    );
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("lets a read-only token read but not write, and a read-write token write, with the owner's rights", async () => {
    const convener = await signUp(ctx, "Carla Convener");
    const partnership = await createPartnership(ctx, convener.cookie, { name: "Token Test Partnership" });
    const reader = await makeToken(convener.cookie, { name: "Reader", access: "read", expiresInDays: 30 });
    const writer = await makeToken(convener.cookie, { name: "Writer", access: "write", expiresInDays: 30 });

    expect(
      (await withToken(reader.token, "GET", `/api/partnerships/${partnership.id}/members`)).statusCode,
    ).toBe(200);
    const refused = await withToken(reader.token, "PATCH", `/api/partnerships/${partnership.id}`, {
      name: "Renamed by a reader",
      version: partnership.version,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ reason: string }>().reason).toBe("token_read_only");
    expect(await partnershipName(partnership.id)).toBe("Token Test Partnership");

    const changed = await withToken(writer.token, "PATCH", `/api/partnerships/${partnership.id}`, {
      name: "Renamed by a script",
      version: partnership.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(await partnershipName(partnership.id)).toBe("Renamed by a script");

    // Someone else's token has only their rights.
    const stranger = await signUp(ctx, "Sam Stranger");
    const theirs = await makeToken(stranger.cookie, { name: "Theirs", access: "write", expiresInDays: null });
    const notTheirs = await withToken(theirs.token, "PATCH", `/api/partnerships/${partnership.id}`, {
      name: "Taken over",
      version: partnership.version + 1,
    });
    expect(notTheirs.statusCode).toBe(403);
    expect(await partnershipName(partnership.id)).toBe("Renamed by a script");
  });

  it("refuses an expired, a revoked, a mistyped and a malformed token with 401", async () => {
    const owner = await signUp(ctx, "Eve Expiry");
    const short = await makeToken(owner.cookie, { name: "Short", access: "write", expiresInDays: 1 });
    const revoked = await makeToken(owner.cookie, { name: "Revoked", access: "write", expiresInDays: null });

    ctx.advance(2 * 86_400_000);
    const expired = await withToken(short.token, "GET", "/api/me");
    expect(expired.statusCode).toBe(401);
    expect(expired.json<{ reason: string }>().reason).toBe("token_invalid");

    const revoke = await ctx.app.inject({
      method: "DELETE",
      url: `/api/me/tokens/${revoked.id}`,
      headers: { cookie: owner.cookie },
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json<{ status: string }>().status).toBe("revoked");
    expect((await withToken(revoked.token, "GET", "/api/me")).statusCode).toBe(401);

    expect((await withToken(`${revoked.token.slice(0, -1)}x`, "GET", "/api/me")).statusCode).toBe(401);
    const basic = await ctx.app.inject({ url: "/api/me", headers: { authorization: "Basic dXNlcjpwYXNz" } });
    expect(basic.statusCode).toBe(401);
    expect(basic.json<{ reason: string }>().reason).toBe("token_format");

    const list = await ctx.app.inject({ url: "/api/me/tokens", headers: { cookie: owner.cookie } });
    const byName = Object.fromEntries(
      list.json<{ items: { name: string; status: string }[] }>().items.map((t) => [t.name, t.status]),
    );
    expect(byName).toEqual({ Short: "expired", Revoked: "revoked" });
  });

  it("lets only the owner revoke a token, and never with a token", async () => {
    const owner = await signUp(ctx, "Olga Owner");
    const other = await signUp(ctx, "Otto Other");
    const made = await makeToken(owner.cookie, { name: "Mine", access: "write", expiresInDays: null });
    const notYours = await ctx.app.inject({
      method: "DELETE",
      url: `/api/me/tokens/${made.id}`,
      headers: { cookie: other.cookie },
    });
    expect(notYours.statusCode).toBe(404);
    expect((await withToken(made.token, "GET", "/api/me")).statusCode).toBe(200);

    expect((await withToken(made.token, "GET", "/api/me/tokens")).statusCode).toBe(403);
    const more = await withToken(made.token, "POST", "/api/me/tokens", {
      name: "Made by a token",
      access: "write",
      expiresInDays: null,
    });
    expect(more.statusCode).toBe(403);
    const count = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from api_tokens where user_id = ${owner.userId}`,
    );
    expect(count[0].n).toBe(1);
  });

  it("answers bad input with 400 naming the field", async () => {
    const owner = await signUp(ctx, "Bea Bad");
    for (const [body, field] of [
      [{ name: "", access: "read", expiresInDays: null }, "name"],
      [{ name: "x".repeat(81), access: "read", expiresInDays: null }, "name"],
      [{ name: "A", access: "admin", expiresInDays: null }, "access"],
      [{ name: "A", access: "read", expiresInDays: 0 }, "expiresInDays"],
      [{ name: "A", access: "read", expiresInDays: 1e9 }, "expiresInDays"],
      [{ name: "A", access: "read", expiresInDays: 1.5 }, "expiresInDays"],
    ] as const) {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/me/tokens",
        headers: { cookie: owner.cookie },
        payload: body,
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.body).toContain(field);
    }
    const badId = await ctx.app.inject({
      method: "DELETE",
      url: "/api/me/tokens/not-a-uuid",
      headers: { cookie: owner.cookie },
    });
    expect(badId.statusCode).toBe(400);
  });

  it(`tells a token that made more than ${TOKEN_REQUESTS_PER_MINUTE} requests in a minute to wait`, async () => {
    const owner = await signUp(ctx, "Rita Rate");
    const made = await makeToken(owner.cookie, { name: "Busy", access: "read", expiresInDays: null });
    for (let i = 0; i < TOKEN_REQUESTS_PER_MINUTE; i++) {
      const res = await withToken(made.token, "GET", "/api/health");
      if (res.statusCode !== 200) throw new Error(`request ${i + 1}: ${res.statusCode}`);
    }
    const over = await withToken(made.token, "GET", "/api/health");
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    ctx.advance(61_000);
    expect((await withToken(made.token, "GET", "/api/health")).statusCode).toBe(200);
  });

  it("stops an erased account's tokens", async () => {
    const owner = await signUp(ctx, "Gina Gone");
    const made = await makeToken(owner.cookie, { name: "Left behind", access: "read", expiresInDays: null });
    const erased = await ctx.app.inject({
      method: "DELETE",
      url: "/api/me",
      headers: { cookie: owner.cookie },
      payload: { currentPassword: "correct horse battery" },
    });
    expect(erased.statusCode, erased.body).toBeLessThan(300);
    expect((await withToken(made.token, "GET", "/api/me")).statusCode).toBe(401);
  });
});

describe("the token rate limiter", () => {
  it("counts per token and per minute", () => {
    const limiter = new TokenRateLimiter(2);
    expect([limiter.take("a", 0), limiter.take("a", 1000), limiter.take("b", 1000)]).toEqual([0, 0, 0]);
    expect(limiter.take("a", 30_000)).toBe(30);
    expect(limiter.take("a", 60_000)).toBe(0);
  });
});
