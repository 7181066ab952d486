import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrackedIndicator } from "../../../core/impact.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

/*
 * A public page must tell "not shared publicly" from "no values yet": it learns how many values
 * it may not read, never the values themselves.
 */

let ctx: TestContext;
let convener: Awaited<ReturnType<typeof signUp>>;
let stranger: Awaited<ReturnType<typeof signUp>>;
let partnership: { id: string; slug: string };

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Hana Hidden");
  stranger = await signUp(ctx, "Sam Stranger");
  partnership = await createPartnership(ctx, convener.cookie, { name: "Quiet Manufacturing Partnership" });
  const items = [
    { indicator: "jobs_created", period: "2025", value: 40, kind: "actual", visibility: "partnership" },
    { indicator: "jobs_created", period: "2024", value: 30, kind: "actual", visibility: "community" },
    { indicator: "time_to_hire_days", period: "2025", value: 21, kind: "actual", visibility: "public" },
  ];
  const saved = await ctx.app.inject({
    method: "PUT",
    url: `/api/partnerships/${partnership.id}/measurements`,
    headers: { cookie: convener.cookie },
    payload: { items },
  });
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(() => ctx.close());

async function tracked(cookie?: string) {
  const response = await ctx.app.inject({
    url: `/api/partnerships/${partnership.slug}/indicators`,
    headers: cookie ? { cookie } : {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return { body: response.body, items: response.json<{ items: TrackedIndicator[] }>().items };
}

describe("values the caller may not read", () => {
  it("are counted, not shown: two for the public, one for a signed-in practitioner, none for members", async () => {
    const hidden = (items: TrackedIndicator[], key: string) => items.find((i) => i.key === key)?.hiddenValues;
    const visitor = await tracked();
    expect(hidden(visitor.items, "jobs_created")).toBe(2);
    expect(hidden(visitor.items, "time_to_hire_days")).toBe(0);
    expect(visitor.body).not.toContain("40");
    const practitioner = await tracked(stranger.cookie);
    expect(hidden(practitioner.items, "jobs_created")).toBe(1);
    const member = await tracked(convener.cookie);
    expect(hidden(member.items, "jobs_created")).toBe(0);
  });
});
