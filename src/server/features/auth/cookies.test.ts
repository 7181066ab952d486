import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ PUBLIC_URL: "https://partnerships.example.org" });
});
afterAll(() => ctx.close());

describe("behind https", () => {
  it("marks the session cookie Secure, HttpOnly and SameSite=Lax", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: "secure@example.org", password: "a long password", name: "Secure" },
    });
    const cookie = res.cookies.find((c) => c.name === "st_session")!;
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax", path: "/" });
    expect(res.headers["strict-transport-security"]).toBeDefined();
  });
});
