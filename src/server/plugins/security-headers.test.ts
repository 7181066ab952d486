import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("security headers", () => {
  it("come on answers, refusals and errors alike, the policy as written", async () => {
    const answers = await Promise.all([
      ctx.app.inject({ url: "/api/health" }),
      ctx.app.inject({ url: "/api/discussions" }), // 401: signed in only
      ctx.app.inject({ url: "/api/partnerships/not-a-partnership" }), // 404
      ctx.app.inject({
        method: "POST",
        url: "/api/auth/login",
        headers: { "content-type": "application/json" },
        payload: "{",
      }), // 400
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 400]);
    for (const answer of answers) {
      const csp = String(answer.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("img-src 'self' data: https:");
      expect(csp).toContain("frame-ancestors 'self'");
      // Plain http in tests: no upgrade of every request to https.
      expect(csp).not.toContain("upgrade-insecure-requests");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(answer.headers["referrer-policy"]).toBe("no-referrer");
      expect(answer.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      expect(answer.headers["x-powered-by"]).toBeUndefined();
    }
  });
});
