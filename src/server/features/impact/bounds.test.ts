import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

/*
 * Values are bounded by their indicator's unit at every entry (JSON, grid, CSV), so one huge
 * value cannot turn the community's totals into Infinity (served as null) for everyone.
 */

let ctx: TestContext;
let convener: Awaited<ReturnType<typeof signUp>>;
let own: { id: string };
let other: { id: string };

const snapshot = () =>
  queryRows<Record<string, unknown>>(
    ctx.deps.db,
    sql`select partnership_id, indicator_key, kind, period, value, visibility, version
        from measurements order by partnership_id, indicator_key, kind, period`,
  );
const put = (id: string, items: object[]) =>
  ctx.app.inject({
    method: "PUT",
    url: `/api/partnerships/${id}/measurements`,
    headers: { cookie: convener.cookie },
    payload: { items },
  });
const item = (indicator: string, value: number, kind = "actual") => ({
  indicator,
  period: "2025",
  value,
  kind,
  visibility: "public",
});
const label = (kind: string) => (kind === "actual" ? "2025" : `${kind} 2025`);
type RollupItem = { indicator: string; total: number | null; median: number | null; q3: number | null };
const rollup = async () => {
  const res = await ctx.app.inject({ method: "GET", url: "/api/community/rollup?period=2025" });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: RollupItem[] }>().items;
};

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  own = await createPartnership(ctx, convener.cookie, { name: "Own Manufacturing Partnership" });
  other = await createPartnership(ctx, convener.cookie, { name: "Other Manufacturing Partnership" });
  expect((await put(own.id, [item("jobs_created", 1e9), item("time_to_hire_days", 30)])).statusCode).toBe(
    200,
  );
  expect((await put(other.id, [item("jobs_created", 1e9), item("time_to_hire_days", 40)])).statusCode).toBe(
    200,
  );
});
afterAll(() => ctx.close());

describe("values bounded by their unit", () => {
  it("refuses 1.7e308 (actual, target or baseline), naming the item, and the roll-up stays finite", async () => {
    const before = await snapshot();
    for (const kind of ["actual", "target", "baseline"]) {
      const res = await put(own.id, [item("time_to_hire_days", 20), item("jobs_created", 1.7e308, kind)]);
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json<{ errors: unknown[] }>().errors).toEqual([
        {
          field: "items.1.value",
          message: `New jobs created, ${label(kind)}: must be at most 1,000,000,000 (a count)`,
        },
      ]);
    }
    const days = await put(own.id, [item("time_to_hire_days", 1.7e308)]);
    expect(days.json<{ errors: unknown[] }>().errors).toEqual([
      {
        field: "items.0.value",
        message: "Median time-to-hire for critical occupations, 2025: must be at most 3,650 (days)",
      },
    ]);
    expect(await snapshot()).toEqual(before);
    const items = await rollup();
    expect(items.find((i) => i.indicator === "jobs_created")?.total).toBe(2e9);
    expect(items.find((i) => i.indicator === "time_to_hire_days")).toMatchObject({ median: 35 });
    for (const i of items) {
      for (const n of [i.total, i.median, i.q3]) if (n !== null) expect(Number.isFinite(n)).toBe(true);
    }
  });

  it("takes dollars in cents and no finer, and whole counts only", async () => {
    const before = await snapshot();
    const res = await put(own.id, [
      item("shared_training_savings", 1250.255),
      item("shared_training_savings", 1e12 + 1, "target"),
      item("jobs_created", 2.5, "baseline"),
      item("time_to_hire_days", 3651, "target"),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      {
        field: "items.0.value",
        message: "Savings from shared training, 2025: must have at most 2 decimals (cents)",
      },
      {
        field: "items.1.value",
        message: "Savings from shared training, target 2025: must be at most 1,000,000,000,000 (dollars)",
      },
      {
        field: "items.2.value",
        message: "New jobs created, baseline 2025: must be a whole number (a count)",
      },
      {
        field: "items.3.value",
        message: "Median time-to-hire for critical occupations, target 2025: must be at most 3,650 (days)",
      },
    ]);
    expect(await snapshot()).toEqual(before);
    const ok = await put(own.id, [
      item("shared_training_savings", 1250.25),
      item("time_to_hire_days", 3650, "target"),
    ]);
    expect(ok.statusCode).toBe(200);
  });

  it("refuses an out-of-range CSV row, naming its row and column, and imports nothing", async () => {
    const before = await snapshot();
    const file = [
      "indicator,period,value,kind,visibility",
      "jobs_created,2024,12,actual,public",
      `jobs_created,2023,${"9".repeat(309)},actual,public`,
      "jobs_created,2022,1000000001,target,public",
      "shared_training_savings,2023,10.005,actual,public",
    ].join("\n");
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${own.id}/measurements/import`,
      headers: { "content-type": "text/csv", cookie: convener.cookie },
      payload: file,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      {
        field: "rows.2.value",
        row: 2,
        column: "value",
        message: "New jobs created, 2023: must be at most 1,000,000,000 (a count)",
      },
      {
        field: "rows.3.value",
        row: 3,
        column: "value",
        message: "New jobs created, target 2022: must be at most 1,000,000,000 (a count)",
      },
      {
        field: "rows.4.value",
        row: 4,
        column: "value",
        message: "Savings from shared training, 2023: must have at most 2 decimals (cents)",
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });
});
