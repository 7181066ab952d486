import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const resetMails = (email: string) =>
  queryRows<{ text: string }>(
    ctx.deps.db,
    sql`select text from outbox where "to" = ${email} and subject like 'Reset%' order by created_at`,
  );
const tokenOf = (mail: { text: string }) => /\/reset-password\/([\w-]+)/.exec(mail.text)![1];
const ask = (email: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/password-reset", payload: { email } });
const check = (token: string) => ctx.app.inject({ method: "GET", url: `/api/auth/password-reset/${token}` });
const confirm = (token: string, password: string) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/password-reset/confirm", payload: { token, password } });
const linkOf = async (email: string, index = -1) => tokenOf((await resetMails(email)).at(index)!);

describe("checking a reset link before the password form", () => {
  it("answers that a fresh link works, until when, and does not use it", async () => {
    const { email } = await signUp(ctx);
    const asked = ctx.deps.now().getTime();
    await ask(email);
    const answered = ctx.deps.now().getTime();
    const token = await linkOf(email);
    const first = await check(token);
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("no-store");
    const body = first.json<{ valid: boolean; expiresAt: string }>();
    expect(body.valid).toBe(true);
    // An hour from when the link was made.
    const expires = Date.parse(body.expiresAt);
    expect(expires).toBeGreaterThanOrEqual(asked + 60 * 60_000);
    expect(expires).toBeLessThanOrEqual(answered + 60 * 60_000);
    // Asking again changes nothing: the link still works, and then sets the password.
    expect((await check(token)).statusCode).toBe(200);
    expect((await confirm(token, "lantern orchard quietly")).statusCode).toBe(204);
  });

  it("names nothing about the account: no address, no name", async () => {
    const { email } = await signUp(ctx, "Priya Secretkeeper");
    await ask(email);
    const res = await check(await linkOf(email));
    expect(res.body).not.toContain(email);
    expect(res.body).not.toContain("Priya");
    expect(Object.keys(res.json<object>()).sort()).toEqual(["expiresAt", "valid"]);
  });

  it("says a used link was already used", async () => {
    const { email } = await signUp(ctx);
    await ask(email);
    const token = await linkOf(email);
    expect((await confirm(token, "lantern orchard quietly")).statusCode).toBe(204);
    const res = await check(token);
    expect(res.statusCode).toBe(410);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json()).toMatchObject({
      status: 410,
      reason: "used",
      detail: expect.stringContaining("This link was already used"),
    });
    // Setting a password through it gives the same reason.
    expect((await confirm(token, "another good passphrase")).json()).toMatchObject({ reason: "used" });
  });

  it("says an old link has expired", async () => {
    const { email } = await signUp(ctx);
    await ask(email);
    const token = await linkOf(email);
    ctx.advance(59 * 60_000);
    expect((await check(token)).statusCode).toBe(200);
    ctx.advance(2 * 60_000);
    const res = await check(token);
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ reason: "expired", detail: expect.stringContaining("has expired") });
  });

  it("says a link was replaced by a newer one, and the newer one works", async () => {
    const { email } = await signUp(ctx);
    await ask(email);
    ctx.advance(5 * 60_000);
    await ask(email);
    const older = await linkOf(email, 0);
    const newer = await linkOf(email, 1);
    const res = await check(older);
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({
      reason: "replaced",
      detail: expect.stringContaining("This link was replaced by a newer one"),
    });
    expect((await check(newer)).statusCode).toBe(200);
    // Once the newer one is used, the older still reads as replaced, the newer as used.
    expect((await confirm(newer, "lantern orchard quietly")).statusCode).toBe(204);
    expect((await check(older)).json()).toMatchObject({ reason: "replaced" });
    expect((await check(newer)).json()).toMatchObject({ reason: "used" });
  });

  it("reads a link used before a newer one was asked for as used, not replaced", async () => {
    const { email } = await signUp(ctx);
    await ask(email);
    const first = await linkOf(email);
    expect((await confirm(first, "lantern orchard quietly")).statusCode).toBe(204);
    ctx.advance(60_000);
    await ask(email);
    expect((await check(first)).json()).toMatchObject({ reason: "used" });
    expect((await check(await linkOf(email))).statusCode).toBe(200);
  });

  it("answers 404 for a link that never existed, and 400 naming the token when it is malformed", async () => {
    const res = await check("a-token-that-was-never-mailed-to-anyone");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, detail: expect.stringContaining("not valid") });
    const short = await check("short");
    expect(short.statusCode).toBe(400);
    expect(short.json().detail).toContain("token");
  });

  it("answers 404 once the account was deleted", async () => {
    const { email, cookie } = await signUp(ctx);
    await ask(email);
    const token = await linkOf(email);
    const gone = await ctx.app.inject({
      method: "DELETE",
      url: "/api/me",
      headers: { cookie, origin: "http://shared-table.test" },
      payload: { currentPassword: "correct horse battery" },
    });
    expect(gone.statusCode).toBe(204);
    expect((await check(token)).statusCode).toBe(404);
  });
});
