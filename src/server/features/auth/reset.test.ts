import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { queryRows } from "../../../db/query.js";
import * as tokens from "../../lib/tokens.js";
import { createTestContext, sessionCookie, signUp, type TestContext } from "../../test-support.js";

// Watch the token work of the reset request without changing it.
vi.mock("../../lib/tokens.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../lib/tokens.js")>();
  return { ...original, newToken: vi.fn(original.newToken) };
});

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const count = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(ctx.deps.db, query))[0].n;
const resetMails = (email: string) =>
  queryRows<{ text: string }>(
    ctx.deps.db,
    sql`select text from outbox where "to" = ${email} and subject like 'Reset%' order by created_at`,
  );
const tokenOf = (mail: { text: string }) => /\/reset-password\/([\w-]+)/.exec(mail.text)![1];
const ask = (email: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email } });
const confirm = (token: string, password: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/password-reset/confirm", payload: { token, password } });
const login = (email: string, password: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
const passwordHash = async (userId: string) =>
  (
    await queryRows<{ h: string }>(
      ctx.deps.db,
      sql`select password_hash as h from users where id = ${userId}`,
    )
  )[0].h;

describe("password reset", () => {
  it("e-mails a link that works once and then signs everyone out", async () => {
    const { email, cookie } = await signUp(ctx);
    expect((await ask(email)).statusCode).toBe(202);
    const [mail] = await resetMails(email);
    expect(mail.text).toContain("http://shared-table.test/reset-password/");
    expect((await confirm(tokenOf(mail), "a brand new password")).statusCode).toBe(204);
    expect((await ctx.app.inject({ url: "/api/me", headers: { cookie } })).json()).toBeNull();
    expect((await confirm(tokenOf(mail), "yet another password")).statusCode).toBe(410);
    expect((await login(email, "a brand new password")).statusCode).toBe(200);
  });

  it("expires after an hour", async () => {
    const { email } = await signUp(ctx);
    await ask(email);
    const [mail] = await resetMails(email);
    ctx.advance(61 * 60_000);
    expect((await confirm(tokenOf(mail), "a brand new password")).statusCode).toBe(410);
  });

  it("voids an older link when a new one is requested", async () => {
    const { email, userId } = await signUp(ctx);
    await ask(email);
    await ask(email);
    const [older, newer] = await resetMails(email);
    const before = await passwordHash(userId);
    const res = await confirm(tokenOf(older), "a brand new password");
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({
      reason: "replaced",
      detail: expect.stringContaining("replaced by a newer one"),
    });
    expect(await passwordHash(userId)).toBe(before);
    expect((await confirm(tokenOf(newer), "a brand new password")).statusCode).toBe(204);
  });

  it("voids every other link when one is used", async () => {
    const { email, userId } = await signUp(ctx);
    await ask(email);
    const [first] = await resetMails(email);
    // A link made before the newest one, still unused (say, requested in parallel).
    await ctx.deps.db.execute(
      sql`insert into password_resets (token_hash, user_id, expires_at)
          values (${tokens.hashToken("a-parallel-token-of-enough-length")}, ${userId}, now() + interval '1 hour')`,
    );
    expect((await confirm(tokenOf(first), "a brand new password")).statusCode).toBe(204);
    const after = await passwordHash(userId);
    expect((await confirm("a-parallel-token-of-enough-length", "another new password")).statusCode).toBe(410);
    expect(await passwordHash(userId)).toBe(after);
  });

  it("sends at most three mails per address per hour, answering the same to every request", async () => {
    const { email } = await signUp(ctx);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await ask(email));
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202, 202, 202]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await resetMails(email)).toHaveLength(3);
    ctx.advance(61 * 60_000);
    await ask(email);
    expect(await resetMails(email)).toHaveLength(4);
  });

  it("refuses a weak new password, naming the field, and changes nothing", async () => {
    const { email, userId } = await signUp(ctx, "Orla Finnegan");
    await ask(email);
    const [mail] = await resetMails(email);
    const before = await passwordHash(userId);
    for (const weak of ["password1234", "orla-finnegan-1", "qqqqqqqqqqqq"]) {
      const res = await confirm(tokenOf(mail), weak);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: "password", message: expect.stringContaining("add another word") },
      ]);
    }
    expect(await passwordHash(userId)).toBe(before);
    // The link was not spent by the refusals.
    expect((await confirm(tokenOf(mail), "lantern orchard quietly")).statusCode).toBe(204);
  });

  it("does the same work for an unknown address as for a known one, and sends nothing", async () => {
    const { email } = await signUp(ctx);
    const newToken = vi.mocked(tokens.newToken);
    const outboxBefore = await count(sql`select count(*)::int as n from outbox`);
    newToken.mockClear();
    const unknown = await ask("ghost@example.org");
    const unknownCalls = newToken.mock.calls.length;
    newToken.mockClear();
    const known = await ask(email);
    const knownCalls = newToken.mock.calls.length;
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(unknownCalls).toBe(1);
    expect(knownCalls).toBe(1);
    // Both requests were recorded the same way; only the known one sent mail.
    expect(
      await count(
        sql`select count(*)::int as n from reset_requests where email in ('ghost@example.org', ${email})`,
      ),
    ).toBe(2);
    expect(await count(sql`select count(*)::int as n from outbox`)).toBe(outboxBefore + 1);
  });

  it("lets the link's owner sign in again after a lock, and clears the failures", async () => {
    const { email } = await signUp(ctx);
    for (let i = 0; i < 10; i++) await login(email, "wrong password");
    await ask(email);
    const [mail] = await resetMails(email);
    expect((await confirm(tokenOf(mail), "a brand new password")).statusCode).toBe(204);
    const res = await login(email, "a brand new password");
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).toMatch(/^st_session=/);
  });
});
