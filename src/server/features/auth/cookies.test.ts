import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, type TestContext } from "../../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ PUBLIC_URL: "https://partnerships.example.org" });
});
afterAll(() => ctx.close());

describe("behind https", () => {
  it("marks the session cookie Secure, HttpOnly and SameSite=Lax", async () => {
    const asked = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: "secure@example.org", name: "Secure" },
    });
    const browser = asked.cookies.find((c) => c.name === "st_link_browser")!;
    expect(browser).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/api/auth" });
    const [mail] = await queryRows<{ text: string }>(
      ctx.deps.db,
      sql`select text from outbox where "to" = 'secure@example.org'`,
    );
    expect(mail.text).toContain("https://partnerships.example.org/signup/link?token=");
    const token = /token=([\w.-]+)/.exec(mail.text)![1];
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-up-link",
      payload: { token },
      cookies: { st_link_browser: browser.value },
    });
    const cookie = res.cookies.find((c) => c.name === "st_session")!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
    expect(res.headers["strict-transport-security"]).toBeDefined();
  });
});
