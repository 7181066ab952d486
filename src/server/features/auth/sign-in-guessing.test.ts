import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { readConfig } from "../../config.js";
import { createTestContext, sessionCookie, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const PASSWORD = "correct horse battery";
let ipCounter = 0;
/** A client address of its own, so these tests meet the per-address rule, not the per-IP one. */
const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

const attempt = (email: string, password: string, ip = freshIp()) =>
  ctx.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password }, remoteAddress: ip });

const mailsTo = (email: string) =>
  queryRows<{ subject: string; text: string }>(
    ctx.deps.db,
    sql`select subject, text from outbox where "to" = ${email} order by created_at`,
  );
const sessionsOf = async (userId: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from sessions where user_id = ${userId}`,
    )
  )[0].n;

describe("guessing one address", () => {
  it("slows attempts after three failures", async () => {
    const { email } = await signUp(ctx);
    ctx.sleeps.length = 0;
    for (let i = 0; i < 9; i++) expect((await attempt(email, "wrong password")).statusCode).toBe(401);
    // The first three attempts are not slowed; after that each waits longer than the one before.
    expect(ctx.sleeps).toEqual([250, 500, 1000, 2000, 4000, 4000]);
  });

  it("checks at most ten of 100 parallel guesses; the right password then no longer signs in, a mailed link does", async () => {
    const { email, userId } = await signUp(ctx);
    const sessionsBefore = await sessionsOf(userId);
    const wrong = await Promise.all(
      Array.from({ length: 100 }, (_, i) => attempt(email, `wrong guess ${i}`)),
    );
    const statuses = wrong.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(90);
    const right = await attempt(email, PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.headers["content-type"]).toContain("application/problem+json");
    expect(right.json().detail).toContain("e-mailed a one-time sign-in link");
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
    expect(right.cookies.find((c) => c.name === "st_session")).toBeUndefined();
    expect(await sessionsOf(userId)).toBe(sessionsBefore);
    // One link for the owner, not one per attempt.
    const links = (await mailsTo(email)).filter((m) => m.subject.includes("sign-in link"));
    expect(links).toHaveLength(1);
    const token = /\/signin\/link\/([\w-]+)/.exec(links[0].text)![1];
    const viaLink = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in-link",
      payload: { token },
    });
    expect(viaLink.statusCode).toBe(200);
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie: sessionCookie(viaLink) } });
    expect(me.json()).toMatchObject({ email });
    // Works once.
    const again = await ctx.app.inject({ method: "POST", url: "/api/auth/sign-in-link", payload: { token } });
    expect(again.statusCode).toBe(410);
    // And it reset the counter: the password signs in again.
    expect((await attempt(email, PASSWORD)).statusCode).toBe(200);
  });

  it("answers a locked address the same for a wrong and a right password", async () => {
    const { email } = await signUp(ctx);
    for (let i = 0; i < 10; i++) await attempt(email, "wrong password");
    const wrong = await attempt(email, "still wrong");
    const right = await attempt(email, PASSWORD);
    expect([wrong.statusCode, right.statusCode]).toEqual([429, 429]);
    expect(wrong.json().detail).toBe(right.json().detail);
  });

  it("expires the link after 15 minutes", async () => {
    const { email } = await signUp(ctx);
    for (let i = 0; i < 10; i++) await attempt(email, "wrong password");
    const [mail] = (await mailsTo(email)).filter((m) => m.subject.includes("sign-in link"));
    const token = /\/signin\/link\/([\w-]+)/.exec(mail.text)![1];
    ctx.advance(16 * 60_000);
    const res = await ctx.app.inject({ method: "POST", url: "/api/auth/sign-in-link", payload: { token } });
    expect(res.statusCode).toBe(410);
    expect(res.json().detail).toContain("expired");
  });

  it("mails the owner a new link when the right password comes while the address is locked", async () => {
    const { email } = await signUp(ctx);
    for (let i = 0; i < 10; i++) await attempt(email, "wrong password");
    ctx.advance(6 * 60_000);
    await attempt(email, "wrong again"); // a wrong password mails nothing
    expect((await mailsTo(email)).filter((m) => m.subject.includes("sign-in link"))).toHaveLength(1);
    expect((await attempt(email, PASSWORD)).statusCode).toBe(429);
    expect((await mailsTo(email)).filter((m) => m.subject.includes("sign-in link"))).toHaveLength(2);
  });
});

describe("guessing from one client address", () => {
  let small: TestContext;
  beforeAll(async () => {
    small = await createTestContext({ LOGIN_FAILURES_PER_IP: "5" });
  });
  afterAll(() => small.close());
  const smallAttempt = (email: string, password: string, ip: string) =>
    small.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email, password },
      remoteAddress: ip,
    });

  it("allows 50 failures per address in 15 minutes unless LOGIN_FAILURES_PER_IP says otherwise", () => {
    expect(readConfig({}).LOGIN_FAILURES_PER_IP).toBe(50);
    expect(small.deps.config.LOGIN_FAILURES_PER_IP).toBe(5);
  });

  it("refuses a client address past its failures across addresses with 429 and Retry-After; other IPs still sign in", async () => {
    const { email, userId } = await signUp(small);
    const ip = "203.0.113.7";
    // Successful sign-ins do not count.
    for (let i = 0; i < 6; i++) expect((await smallAttempt(email, PASSWORD, ip)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) {
      expect((await smallAttempt(`nobody${i}@example.org`, "wrong password", ip)).statusCode).toBe(401);
    }
    const sessions = async () =>
      (
        await queryRows<{ n: number }>(
          small.deps.db,
          sql`select count(*)::int as n from sessions where user_id = ${userId}`,
        )
      )[0].n;
    const sessionsBefore = await sessions();
    const refused = await smallAttempt(email, PASSWORD, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json().detail).toContain("from your network");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(await sessions()).toBe(sessionsBefore);
    // The refused attempt did not count against the account.
    const rows = await queryRows(small.deps.db, sql`select * from login_throttle where email = ${email}`);
    expect(rows).toEqual([]);
    expect((await smallAttempt(email, PASSWORD, "203.0.113.8")).statusCode).toBe(200);
    small.advance(16 * 60_000);
    expect((await smallAttempt(email, PASSWORD, ip)).statusCode).toBe(200);
  });
});
