import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, sessionCookie, signUp, type TestContext } from "../../test-support.js";
import { describeRequester, EMAIL_LINKS_PER_ADDRESS } from "./email-link.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

let ipCounter = 0;
/** A client address of its own, so that tests meet the per-address rule, not the per-network one. */
const freshIp = () => `10.2.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;
const CHROME_ON_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

/** Asks for a link; answers the response and the asking browser's cookie. */
async function ask(email: string, options: { next?: string; ip?: string; cookie?: string } = {}) {
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/email-link",
    payload: { email, ...(options.next ? { next: options.next } : {}) },
    remoteAddress: options.ip ?? freshIp(),
    headers: { "user-agent": CHROME_ON_WINDOWS, ...(options.cookie ? { cookie: options.cookie } : {}) },
  });
  const set = response.cookies.find((c) => c.name === "st_link_browser");
  return { response, browser: set ? `st_link_browser=${set.value}` : options.cookie };
}

const linkMails = (email: string) =>
  queryRows<{ text: string }>(
    ctx.deps.db,
    sql`select text from outbox where "to" = ${email} and subject like '%sign-in link%' order by created_at`,
  );
const tokenOf = (text: string) => /\/signin\/link\/([\w-]+)/.exec(text)![1];
const use = (token: string, cookie?: string, confirmOtherBrowser?: boolean) =>
  ctx.app.inject({
    method: "POST",
    url: "/api/auth/sign-in-link",
    payload: { token, ...(confirmOtherBrowser === undefined ? {} : { confirmOtherBrowser }) },
    ...(cookie ? { headers: { cookie } } : {}),
  });
const sessionsOf = async (userId: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from sessions where user_id = ${userId}`,
    )
  )[0].n;

describe("signing in by a link asked for by e-mail", () => {
  it("mails a link that signs the asking browser in once, lands where the person was going, and says where it was asked from", async () => {
    const { email, userId } = await signUp(ctx, "Lena Link");
    const { response, browser } = await ask(email.toUpperCase(), {
      next: "/p/some-table/agenda",
      ip: "203.0.113.9",
    });
    expect(response.statusCode).toBe(202);
    expect(response.json().detail).toContain("If an account uses");
    const [mail] = await linkMails(email);
    expect(mail?.text).toContain("203.0.113.9, Chrome on Windows");
    expect(mail?.text).toContain("within 15 minutes");
    const token = tokenOf(mail.text);

    // Opening the page describes the link and changes nothing.
    const described = await ctx.app.inject({
      url: `/api/auth/sign-in-link/${token}`,
      headers: { cookie: browser! },
    });
    expect(described.json()).toMatchObject({
      email,
      purpose: "requested",
      sameBrowser: true,
      requestedFrom: "203.0.113.9, Chrome on Windows",
      next: "/p/some-table/agenda",
    });
    const before = await sessionsOf(userId);
    const signedIn = await use(token, browser);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ email, next: "/p/some-table/agenda" });
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie: sessionCookie(signedIn) } });
    expect(me.json()).toMatchObject({ email });
    expect(await sessionsOf(userId)).toBe(before + 1);

    // Refused after use: for the page and for the sign-in, and no session is made.
    expect((await use(token, browser)).statusCode).toBe(410);
    const page = await ctx.app.inject({ url: `/api/auth/sign-in-link/${token}` });
    expect(page.statusCode).toBe(410);
    expect(page.headers["content-type"]).toContain("application/problem+json");
    expect(await sessionsOf(userId)).toBe(before + 1);
  });

  it("answers an unknown address exactly as a known one, and mails nothing", async () => {
    const unknown = `nobody-${Date.now()}@example.org`;
    const { email } = await signUp(ctx);
    const a = await ask(unknown);
    const b = await ask(email);
    expect(a.response.statusCode).toBe(b.response.statusCode);
    expect(a.response.json().detail.replace(unknown, "X")).toBe(b.response.json().detail.replace(email, "X"));
    expect(await linkMails(unknown)).toHaveLength(0);
    expect(await linkMails(email)).toHaveLength(1);
  });

  it("asks another browser to confirm before signing it in, and leaves the link unused until it does", async () => {
    const { email, userId } = await signUp(ctx);
    await ask(email);
    const token = tokenOf((await linkMails(email))[0].text);
    const before = await sessionsOf(userId);
    const page = await ctx.app.inject({ url: `/api/auth/sign-in-link/${token}` });
    expect(page.json()).toMatchObject({ sameBrowser: false });
    const refused = await use(token, "st_link_browser=some-other-browser");
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain("asked for in another browser");
    expect(await sessionsOf(userId)).toBe(before);
    const confirmed = await use(token, undefined, true);
    expect(confirmed.statusCode).toBe(200);
    expect(await sessionsOf(userId)).toBe(before + 1);
  });

  it("refuses an expired link, a tampered one and a bad return path", async () => {
    const { email } = await signUp(ctx);
    const { browser } = await ask(email);
    const token = tokenOf((await linkMails(email))[0].text);
    expect((await use(`${token.slice(0, -2)}xx`, browser)).statusCode).toBe(410);
    ctx.advance(16 * 60_000);
    expect((await use(token, browser)).statusCode).toBe(410);
    for (const next of ["//evil.example.org/x", "https://evil.example.org", "/a b", "relative"]) {
      const bad = await ask(email, { next });
      expect(bad.response.statusCode).toBe(400);
      expect(bad.response.json().errors[0].field).toBe("next");
    }
    const tooShort = await ctx.app.inject({ url: "/api/auth/sign-in-link/short" });
    expect(tooShort.statusCode).toBe(400);
  });

  it(`mails one address at most ${EMAIL_LINKS_PER_ADDRESS} links in 15 minutes, answering the rest the same`, async () => {
    const { email } = await signUp(ctx);
    // The sign-up link mailed a moment ago counts in the same window: start a fresh one.
    ctx.advance(16 * 60_000);
    for (let i = 0; i < EMAIL_LINKS_PER_ADDRESS + 2; i++)
      expect((await ask(email)).response.statusCode).toBe(202);
    expect(await linkMails(email)).toHaveLength(EMAIL_LINKS_PER_ADDRESS);
    ctx.advance(16 * 60_000);
    await ask(email);
    expect(await linkMails(email)).toHaveLength(EMAIL_LINKS_PER_ADDRESS + 1);
  });

  it("refuses a network past LINK_REQUESTS_PER_IP (60) requests in 15 minutes with 429 and Retry-After; others still ask", async () => {
    const perIp = ctx.deps.config.LINK_REQUESTS_PER_IP;
    expect(perIp).toBe(60);
    const ip = "198.51.100.77";
    const answers = await Promise.all(
      Array.from({ length: perIp + 5 }, (_, i) => ask(`spray-${i}@example.org`, { ip })),
    );
    const statuses = answers.map((a) => a.response.statusCode);
    expect(statuses.filter((s) => s === 202)).toHaveLength(perIp);
    const refused = answers.find((a) => a.response.statusCode === 429)!.response;
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect(refused.json().detail).toContain("from your network");
    expect((await ask("someone@example.org")).response.statusCode).toBe(202);
  });
});

describe("describeRequester", () => {
  it("names the address and the browser, or says it does not know the browser", () => {
    expect(describeRequester("203.0.113.9", CHROME_ON_WINDOWS)).toBe("203.0.113.9, Chrome on Windows");
    expect(
      describeRequester(
        "::1",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("::1, Safari on iOS");
    expect(describeRequester("::1", undefined)).toBe("::1, an unknown browser");
  });
});
