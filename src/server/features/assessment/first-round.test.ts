import { afterAll, beforeAll, expect, it } from "vitest";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

// The rubric is seeded on first use. Opening a round was the first use inside a transaction,
// and seeding through a second connection waited for that transaction (PGlite has only one).
it("opens the first round on a database whose rubric was never asked for", async () => {
  const convener = await signUp(ctx, "Casey Convener");
  const partnership = await createPartnership(ctx, convener.cookie);
  const res = await ctx.app.inject({
    method: "POST",
    url: `/api/partnerships/${partnership.id}/assessments`,
    headers: { cookie: convener.cookie },
    payload: { title: "First check" },
  });
  expect(res.statusCode).toBe(201);
  const rubric = await ctx.app.inject({ method: "GET", url: "/api/assessment/rubric" });
  // Both released versions were seeded inside that transaction; the round is on the newest.
  expect(rubric.json<{ version: number }>().version).toBe(2);
  expect(res.json<{ version: number }>().version).toBe(2);
}, 15_000);
