import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { memberships, organizations, people } from "../../../db/schema/index.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

/*
 * The outcomes a state reports: yes/no outcomes rolled up as the share of partnerships that
 * achieved them, leveraged funding by source, and businesses engaged counted from the table.
 */

let ctx: TestContext;
type User = Awaited<ReturnType<typeof signUp>>;
let convener: User;
let outsider: User;
/** Six partnerships of one convener: benchmarks and shares need at least five peers. */
const partnerships: { id: string; slug: string }[] = [];

const snapshot = async () =>
  queryRows<Record<string, unknown>>(
    ctx.deps.db,
    sql`select partnership_id, indicator_key, kind, period, value, visibility from measurements
        order by partnership_id, indicator_key, kind, period`,
  );
function put(id: string, items: object[]) {
  return ctx.app.inject({
    method: "PUT",
    url: `/api/partnerships/${id}/measurements`,
    headers: { cookie: convener.cookie },
    payload: { items },
  });
}
function get(url: string, cookie?: string) {
  return ctx.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
}
const actual = (indicator: string, value: number, visibility = "community", period = "2025") => ({
  indicator,
  period,
  value,
  kind: "actual",
  visibility,
});
type RollupItem = {
  indicator: string;
  rollup: string;
  reporting: number;
  total: number | null;
  share?: number | null;
  bySector: { share?: number | null; reporting: number }[];
};
type RollupAnswer = {
  items: RollupItem[];
  fundingBySource: { source: string; reporting: number; total: number }[];
  partnershipsReporting: number;
};
const rollup = async (cookie?: string) =>
  (await get("/api/community/rollup?period=2025", cookie)).json<RollupAnswer>();

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  outsider = await signUp(ctx, "Olive Outsider");
  for (let i = 0; i < 6; i++) {
    partnerships.push(
      await createPartnership(ctx, convener.cookie, { name: `Outcomes Partnership ${i + 1}` }),
    );
  }
});
afterAll(() => ctx.close());

describe("the catalog's outcomes", () => {
  it("lists yes/no outcomes rolled up as a share, leveraged funding per source and the computed business indicators", async () => {
    const res = await get("/api/indicators");
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Record<string, unknown>[] }>().items;
    const byKey = new Map(items.map((i) => [i.key, i]));
    for (const key of ["shared_data_support_orgs", "joint_projects_implemented", "hr_policies_changed"]) {
      expect(byKey.get(key)).toMatchObject({ unit: "yes_no", rollup: "share", area: "systems_change" });
    }
    for (const source of ["federal", "state", "local", "private", "philanthropic"]) {
      expect(byKey.get(`leveraged_funding_${source}`)).toMatchObject({
        unit: "dollars",
        rollup: "sum",
        fundingSource: source,
      });
    }
    expect(byKey.get("businesses_engaged")).toMatchObject({
      area: "businesses",
      unit: "count",
      computed: true,
    });
    expect(byKey.get("employer_value_worth")).toMatchObject({
      area: "businesses",
      rollup: "compare",
      computed: true,
    });
    // Other indicators say nothing of a source or computation.
    expect(byKey.get("jobs_created")).not.toHaveProperty("fundingSource");
    expect(byKey.get("jobs_created")).not.toHaveProperty("computed");
  });
});

describe("yes/no values", () => {
  it("takes 1 and 0 and nothing else, naming the field; nothing is stored from a refused write", async () => {
    const before = await snapshot();
    for (const bad of [2, 0.5, -1, 1e300]) {
      const res = await put(partnerships[0].id, [
        actual("jobs_created", 4),
        actual("shared_data_support_orgs", bad),
      ]);
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors).toEqual([
        {
          field: "items.1.value",
          message: "Shared data across support organizations, 2025: must be 1 (yes) or 0 (no)",
        },
      ]);
    }
    expect(await snapshot()).toEqual(before);
    const ok = await put(partnerships[0].id, [
      actual("shared_data_support_orgs", 1),
      actual("hr_policies_changed", 0),
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it("reads Yes and No in a CSV import for a yes/no outcome only", async () => {
    const importCsv = (lines: string[]) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/partnerships/${partnerships[0].id}/measurements/import`,
        headers: { cookie: convener.cookie, "content-type": "text/csv" },
        payload: lines.join("\r\n"),
      });
    const bad = await importCsv([
      "indicator,period,value,kind,visibility",
      "hr_policies_changed,2024,Yes,actual,community",
      "jobs_created,2024,yes,actual,community",
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: "rows.2.value" })]);
    const ok = await importCsv([
      "indicator,period,value,kind,visibility",
      "hr_policies_changed,2024,Yes,actual,community",
      "joint_projects_implemented,2024,no,actual,community",
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    const stored = await queryRows<{ indicator_key: string; value: number }>(
      ctx.deps.db,
      sql`select indicator_key, value from measurements where period = '2024' order by indicator_key`,
    );
    expect(stored).toEqual([
      { indicator_key: "hr_policies_changed", value: 1 },
      { indicator_key: "joint_projects_implemented", value: 0 },
    ]);
  });

  it("refuses a yes/no indicator that would be summed, and a share rule for another unit", async () => {
    const admin = await signUp(ctx, "Ada Admin");
    await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
    const add = (unit: string, rollup: string) =>
      ctx.app.inject({
        method: "POST",
        url: "/api/indicators",
        headers: { cookie: admin.cookie },
        payload: {
          key: `x_${unit}_${rollup}`,
          name: "A test outcome",
          area: "community",
          unit,
          direction: "higher",
          rollup,
        },
      });
    for (const [unit, rollup] of [
      ["yes_no", "sum"],
      ["count", "share"],
    ]) {
      const res = await add(unit, rollup);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe("rollup");
    }
    expect((await add("yes_no", "share")).statusCode).toBe(201);
  });
});

describe("the roll-up of yes/no outcomes", () => {
  it("is the share of reporting partnerships that said yes: 3 of 5 is 0.6", async () => {
    // Partnership 1 said yes above; 2 and 5 yes, 3 and 4 no; 6 said yes to members only.
    const answers: [number, number, string][] = [
      [1, 1, "public"],
      [2, 0, "community"],
      [3, 0, "community"],
      [4, 1, "community"],
      [5, 1, "partnership"],
    ];
    for (const [i, value, visibility] of answers) {
      const res = await put(partnerships[i].id, [actual("shared_data_support_orgs", value, visibility)]);
      expect(res.statusCode, res.body).toBe(200);
    }
    const item = (await rollup(outsider.cookie)).items.find(
      (i) => i.indicator === "shared_data_support_orgs",
    )!;
    expect(item).toMatchObject({ rollup: "share", reporting: 5, share: 0.6, total: null });
    // The breakdown by sector holds the same five partnerships (one sector).
    expect(item.bySector).toEqual([expect.objectContaining({ reporting: 5, share: 0.6 })]);
    const csv = await get("/api/community/rollup.csv?period=2025", outsider.cookie);
    expect(csv.body).toContain(
      "2025,shared_data_support_orgs,Shared data across support organizations,yes_no,share,all,,5,,,,,0.6\r\n",
    );
  });

  it("hides the share below 5 partnerships: it would tell what each answered", async () => {
    for (const i of [0, 1, 2, 3]) {
      const res = await put(partnerships[i].id, [actual("joint_projects_implemented", i % 2)]);
      expect(res.statusCode, res.body).toBe(200);
    }
    const item = (await rollup(outsider.cookie)).items.find(
      (i) => i.indicator === "joint_projects_implemented",
    );
    expect(item).toMatchObject({ reporting: 4, share: null });
    // The public roll-up counts only public values: one partnership, no share.
    const open = (await rollup()).items.find((i) => i.indicator === "shared_data_support_orgs");
    expect(open).toMatchObject({ reporting: 1, share: null });
  });

  it("benchmarks a yes/no outcome as the share of peers, never with fewer than 5 peers", async () => {
    await put(partnerships[5].id, [actual("shared_data_support_orgs", 1)]);
    const url = (i: number, indicator: string) =>
      `/api/partnerships/${partnerships[i].id}/benchmarks?indicator=${indicator}&period=2025`;
    // Partnership 6 now shares its yes: partnership 1's peers are 2 to 6, of which 2, 5 and 6 said yes.
    const res = await get(url(0, "shared_data_support_orgs"), convener.cookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ suppressed: false, peers: 5, share: 0.6, value: 1 });
    const few = await get(url(0, "joint_projects_implemented"), convener.cookie);
    expect(few.json()).toEqual({
      indicator: "joint_projects_implemented",
      period: "2025",
      group: "all",
      peers: 3,
      suppressed: true,
    });
    // Another unit's benchmark carries no share.
    expect((await get(url(0, "jobs_created"), convener.cookie)).json()).not.toHaveProperty("share");
  });
});

describe("leveraged funding by source", () => {
  it("adds the dollars of each source exactly, to the cent", async () => {
    await put(partnerships[0].id, [
      actual("leveraged_funding_federal", 1000.5),
      actual("leveraged_funding_state", 250),
      actual("leveraged_funding_philanthropic", 0.1),
    ]);
    await put(partnerships[1].id, [
      actual("leveraged_funding_federal", 2000.25),
      actual("leveraged_funding_philanthropic", 0.2),
      actual("leveraged_funding_private", 99, "partnership"),
    ]);
    const r = await rollup(outsider.cookie);
    expect(r.fundingBySource).toEqual([
      { source: "federal", reporting: 2, total: 3000.75 },
      { source: "state", reporting: 1, total: 250 },
      { source: "philanthropic", reporting: 2, total: expect.closeTo(0.3, 10) },
    ]);
    expect(r.items.find((i) => i.indicator === "leveraged_funding_federal")).toMatchObject({
      rollup: "sum",
      reporting: 2,
      total: 3000.75,
    });
  });
});

describe("businesses engaged in the year", () => {
  let target: { id: string };
  beforeAll(async () => {
    target = partnerships[2];
    const db = ctx.deps.db;
    const org = async (name: string, kind: "business" | "workforce_development") =>
      (await db.insert(organizations).values({ partnershipId: target.id, name, kind }).returning())[0].id;
    const person = async (name: string) => (await db.insert(people).values({ name }).returning())[0].id;
    const seat = async (
      organizationId: string,
      role: "champion" | "business_member" | "support",
      joinedAt: string,
      leftAt: string | null = null,
    ) =>
      db.insert(memberships).values({
        partnershipId: target.id,
        personId: await person(`${role} ${joinedAt}`),
        organizationId,
        role,
        joinedAt: new Date(joinedAt),
        leftAt: leftAt ? new Date(leftAt) : null,
      });
    const acme = await org("Acme Tooling", "business");
    const bolt = await org("Bolt Works", "business");
    const late = await org("Late Joiner Inc", "business");
    const gone = await org("Gone Before Co", "business");
    const board = await org("Workforce Board", "workforce_development");
    await seat(acme, "business_member", "2024-03-01T00:00:00Z");
    await seat(acme, "champion", "2025-02-01T00:00:00Z");
    await seat(bolt, "champion", "2023-01-01T00:00:00Z", "2025-03-15T00:00:00Z");
    await seat(late, "business_member", "2026-01-01T00:00:00Z");
    await seat(gone, "business_member", "2022-01-01T00:00:00Z", "2024-12-31T23:59:59Z");
    await seat(board, "support", "2024-01-01T00:00:00Z");
    // Seated here in the database, not through the API that tells caches the table changed.
    ctx.deps.answers.invalidate();
  });

  it("counts business organizations with a business member at the table during the year", async () => {
    const at = async (period: string) =>
      get(`/api/partnerships/${target.id}/computed-values?period=${period}`, convener.cookie);
    const res = await at("2025");
    expect(res.statusCode, res.body).toBe(200);
    // Acme (two seats, counted once) and Bolt (left in March); not the 2026 joiner nor the 2024 leaver.
    expect(res.json()).toEqual({ period: "2025", items: [{ indicator: "businesses_engaged", value: 2 }] });
    expect((await at("2026")).json().items[0].value).toBe(2);
    expect((await at("2024")).json().items[0].value).toBe(3);
    expect((await at("2020")).json().items[0].value).toBe(0);
    expect((await at("25")).statusCode).toBe(400);
    expect((await get(`/api/partnerships/${target.id}/computed-values?period=2025`)).statusCode).toBe(401);
  });

  it("rolls up the counted businesses for signed-in readers", async () => {
    const item = (await rollup(outsider.cookie)).items.find((i) => i.indicator === "businesses_engaged");
    expect(item).toMatchObject({ rollup: "sum", reporting: 1, total: 2 });
    expect((await rollup()).items.find((i) => i.indicator === "businesses_engaged")).toBeUndefined();
  });

  it("refuses a typed value, saying it is computed; nothing is stored", async () => {
    const before = await snapshot();
    for (const key of ["businesses_engaged", "employer_value_worth"]) {
      const res = await put(target.id, [actual(key, 3)]);
      expect(res.statusCode).toBe(400);
      const [error] = res.json().errors;
      expect(error.field).toBe("items.0.indicator");
      expect(error.message).toContain("is computed");
    }
    expect(await snapshot()).toEqual(before);
  });
});
