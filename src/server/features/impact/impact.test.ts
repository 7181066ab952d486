import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
type User = Awaited<ReturnType<typeof signUp>>;
let convener: User;
let peerConvener: User;
let outsider: User;
let admin: User;
let own: { id: string; slug: string };
const peers: { id: string }[] = [];

const count = async (table: string) =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
const snapshot = async () =>
  queryRows<Record<string, unknown>>(
    ctx.deps.db,
    sql`select partnership_id, indicator_key, kind, period, value, visibility, source, note, version
        from measurements order by partnership_id, indicator_key, kind, period`,
  );

function put(id: string, cookie: string | undefined, items: object[]) {
  return ctx.app.inject({
    method: "PUT",
    url: `/api/partnerships/${id}/measurements`,
    headers: cookie ? { cookie } : {},
    payload: { items },
  });
}
function get(url: string, cookie?: string) {
  return ctx.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
}
const actual = (indicator: string, value: number, visibility: string, period = "2025") => ({
  indicator,
  period,
  value,
  kind: "actual",
  visibility,
});

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  peerConvener = await signUp(ctx, "Pat Peer");
  outsider = await signUp(ctx, "Olive Outsider");
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  own = await createPartnership(ctx, convener.cookie, { name: "Own Manufacturing Partnership" });
  for (const [i, naics] of [["31-33"], ["31-33"], ["332"], ["31-33"], ["31-33"], ["622"]].entries()) {
    peers.push(
      await createPartnership(ctx, peerConvener.cookie, { name: `Peer Partnership ${i + 1}`, naics }),
    );
  }
});
afterAll(() => ctx.close());

describe("indicator catalog", () => {
  it("lists the default catalog with its six areas", async () => {
    const res = await get("/api/indicators");
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { key: string; area: string; unit: string; rollup: string }[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((i) => i.area))).toEqual(
      new Set(["businesses", "regional_economy", "people", "community", "public_programs", "systems_change"]),
    );
    expect(items.find((i) => i.key === "time_to_hire_days")).toMatchObject({
      unit: "days",
      direction: "lower",
      rollup: "compare",
    });
    expect(items.find((i) => i.key === "jobs_created")).toMatchObject({ unit: "count", rollup: "sum" });
  });

  it("lets only a community admin add and retire; a retired indicator keeps its data and takes no new values", async () => {
    const body = {
      key: "mentors_matched",
      name: "Mentors matched",
      area: "people",
      unit: "count",
      direction: "higher",
      rollup: "sum",
    };
    const refused = await ctx.app.inject({
      method: "POST",
      url: "/api/indicators",
      headers: { cookie: convener.cookie },
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    expect(
      (await get("/api/indicators")).json<{ items: { key: string }[] }>().items.map((i) => i.key),
    ).not.toContain("mentors_matched");
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/indicators",
      headers: { cookie: admin.cookie },
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    expect(
      (await put(own.id, convener.cookie, [actual("mentors_matched", 4, "public", "2023")])).statusCode,
    ).toBe(200);
    const retired = await ctx.app.inject({
      method: "PATCH",
      url: "/api/indicators/mentors_matched",
      headers: { cookie: admin.cookie },
      payload: { retired: true },
    });
    expect(retired.json()).toMatchObject({ retired: true });
    const late = await put(own.id, convener.cookie, [actual("mentors_matched", 5, "public", "2024")]);
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0]).toMatchObject({ field: "items.0.indicator" });
    const kept = await get(`/api/partnerships/${own.id}/measurements?indicator=mentors_matched`);
    expect(kept.json().items).toHaveLength(1);
    expect(
      (await get("/api/indicators")).json<{ items: { key: string }[] }>().items.map((i) => i.key),
    ).not.toContain("mentors_matched");
  });
});

describe("measurements", () => {
  it("refuses every kind of bad input, naming the item, and stores nothing", async () => {
    const before = await snapshot();
    const cases: [object, string, RegExp][] = [
      [actual("no_such_indicator", 1, "public"), "items.0.indicator", /not an indicator/],
      [{ ...actual("jobs_created", 1, "public"), period: "2025-Q5" }, "items.0.period", /year|quarter/],
      [{ ...actual("jobs_created", 1, "public"), period: "25" }, "items.0.period", /year|quarter/],
      [actual("staff_retention_rate", 101, "public"), "items.0.value", /between 0 and 100/],
      [actual("jobs_created", -3, "public"), "items.0.value", /negative/],
      [{ ...actual("jobs_created", 1, "public"), value: "12" }, "items.0.value", /number/],
      [actual("jobs_created", 1, "everyone"), "items.0.visibility", /partnership, community or public/],
    ];
    for (const [item, field, message] of cases) {
      const res = await put(
        own.id,
        convener.cookie,
        [actual("jobs_created", 1, "public", "2020"), item].reverse(),
      );
      expect(res.statusCode, JSON.stringify(item)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, message: expect.stringMatching(message) })]),
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses anyone but the partnership's members and stores nothing", async () => {
    const before = await snapshot();
    expect((await put(own.id, undefined, [actual("jobs_created", 9, "public")])).statusCode).toBe(401);
    expect((await put(own.id, outsider.cookie, [actual("jobs_created", 9, "public")])).statusCode).toBe(403);
    expect((await put(own.id, admin.cookie, [actual("jobs_created", 9, "public")])).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps the earlier value when a value is edited", async () => {
    const first = await put(own.id, convener.cookie, [
      { ...actual("b2b_collaborations", 3, "community", "2024-Q2"), source: "Survey" },
    ]);
    expect(first.json()).toEqual({ written: 1 });
    const second = await put(own.id, convener.cookie, [
      actual("b2b_collaborations", 5, "community", "2024-Q2"),
    ]);
    expect(second.json()).toEqual({ written: 1 });
    const [row] = (
      await get(`/api/partnerships/${own.id}/measurements?indicator=b2b_collaborations`, convener.cookie)
    ).json<{
      items: { value: number; source: string; version: number; enteredBy: string }[];
    }>().items;
    // An omitted source keeps the one entered before.
    expect(row).toMatchObject({ value: 5, source: "Survey", version: 2, enteredBy: convener.userId });
    const revisions = await queryRows<{ value: number; version: number; replaced_by: string }>(
      ctx.deps.db,
      sql`select r.value, r.version, r.replaced_by from measurement_revisions r
          join measurements m on m.id = r.measurement_id where m.indicator_key = 'b2b_collaborations'`,
    );
    expect(revisions).toEqual([{ value: 3, version: 1, replaced_by: convener.userId }]);
    // The same value again changes nothing and keeps no new revision.
    expect(
      (await put(own.id, convener.cookie, [actual("b2b_collaborations", 5, "community", "2024-Q2")])).json(),
    ).toEqual({ written: 0 });
    expect(await count("measurement_revisions")).toBe(1);
    const tracked = await get(`/api/partnerships/${own.id}/indicators`);
    expect(tracked.json<{ items: { key: string }[] }>().items.map((i) => i.key)).toContain(
      "b2b_collaborations",
    );
  });
});

describe("tracking and catalog edits", () => {
  it("refuses a repeated indicator, kind and period in one write, naming both items", async () => {
    const res = await put(own.id, convener.cookie, [
      actual("local_hires", 1, "public", "2021"),
      actual("local_hires", 2, "public", "2021"),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: "items.1.period",
        message: "Local residents hired into local jobs, 2021 is given twice (also item 0)",
      },
    ]);
  });

  it("lets members choose tracked indicators but keeps those with values", async () => {
    const url = `/api/partnerships/${own.id}/indicators`;
    const keys = async () =>
      (await get(url))
        .json<{ items: { key: string }[] }>()
        .items.map((i) => i.key)
        .sort();
    const before = await keys();
    const refused = await ctx.app.inject({
      method: "PUT",
      url,
      headers: { cookie: outsider.cookie },
      payload: { keys: [] },
    });
    expect(refused.statusCode).toBe(403);
    expect(await keys()).toEqual(before);
    const dropAll = await ctx.app.inject({
      method: "PUT",
      url,
      headers: { cookie: convener.cookie },
      payload: { keys: [] },
    });
    expect(dropAll.statusCode).toBe(400);
    expect(await keys()).toEqual(before);
    const added = await ctx.app.inject({
      method: "PUT",
      url,
      headers: { cookie: convener.cookie },
      payload: { keys: [...before, "career_pathways"] },
    });
    expect(added.statusCode).toBe(200);
    expect(await keys()).toEqual([...before, "career_pathways"].sort());
    const removed = await ctx.app.inject({
      method: "PUT",
      url,
      headers: { cookie: convener.cookie },
      payload: { keys: before },
    });
    expect(removed.statusCode).toBe(200);
    expect(await keys()).toEqual(before);
  });

  it("refuses catalog edits by anyone but a community admin", async () => {
    const res = await ctx.app.inject({
      method: "PATCH",
      url: "/api/indicators/jobs_created",
      headers: { cookie: convener.cookie },
      payload: { name: "Jobs" },
    });
    expect(res.statusCode).toBe(403);
    const [row] = await queryRows<{ name: string }>(
      ctx.deps.db,
      sql`select name from indicators where key = 'jobs_created'`,
    );
    expect(row.name).toBe("New jobs created");
  });
});

describe("import", () => {
  const header = "indicator,period,value,kind,visibility,source,note";
  const good = [
    "credentials_attained,2022,40,actual,public,College records,",
    "credentials_attained,2023,55,actual,public,College records,",
    "credentials_attained,2022,35,baseline,community,,",
    "credentials_attained,2026,80,target,community,,",
    'placements,2023,"1,200",actual,community,Board data,"Includes ""bridge"" program"',
    "placements,2024-Q1,300,actual,partnership,,",
  ];
  const post = (body: string, cookie?: string) =>
    ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${own.id}/measurements/import`,
      headers: { "content-type": "text/csv", ...(cookie ? { cookie } : {}) },
      payload: body,
    });

  it("rejects the whole file when its 7th row is bad, reporting row 7, and stores nothing", async () => {
    const before = await snapshot();
    const file = [
      header,
      ...good,
      "staff_retention_rate,2023,120,actual,public,,",
      "jobs_created,2023,4,actual,public,,",
    ].join("\n");
    const res = await post(file, convener.cookie);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: "rows.7.value",
        row: 7,
        column: "value",
        message: "Staff retention rate, 2023: must be a percent between 0 and 100",
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("reports every bad row and column at once", async () => {
    const file = [
      header,
      "jobs_created,2025-Q9,ten,actual,public,,",
      "nope,2025,1,guess,secret,,",
      ...good,
    ].join("\n");
    const res = await post(file, convener.cookie);
    expect(res.statusCode).toBe(400);
    expect(
      res.json<{ errors: { row: number; column: string }[] }>().errors.map((e) => [e.row, e.column]),
    ).toEqual([
      [1, "period"],
      [1, "value"],
      [2, "indicator"],
      [2, "kind"],
      [2, "visibility"],
    ]);
    const unknown = await post([header, ...good, "nope,2025,1,actual,public,,"].join("\n"), convener.cookie);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ row: 7, column: "indicator" })]);
  });

  it("refuses outsiders before reading their file, and imports a good file", async () => {
    const before = await snapshot();
    expect((await post([header, ...good].join("\n"), outsider.cookie)).statusCode).toBe(403);
    expect((await post([header, ...good].join("\n"))).statusCode).toBe(401);
    expect(await snapshot()).toEqual(before);
    const res = await post([header, ...good].join("\r\n"), convener.cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 6 });
    const items = (
      await get(`/api/partnerships/${own.id}/measurements?indicator=placements`, convener.cookie)
    ).json<{
      items: { period: string; value: number; note: string }[];
    }>().items;
    expect(items.map((i) => [i.period, i.value])).toEqual([
      ["2023", 1200],
      ["2024-Q1", 300],
    ]);
    expect(items[0].note).toBe('Includes "bridge" program');
  });

  it("exports what the caller may see and offers a template", async () => {
    const member = await get(`/api/partnerships/${own.id}/measurements.csv`, convener.cookie);
    expect(member.headers["content-type"]).toContain("text/csv");
    expect(member.body.split("\r\n")[0]).toBe(
      "indicator,period,value,kind,visibility,source,note,entered_at",
    );
    expect(member.body).toContain("placements,2024-Q1,300,actual,partnership");
    const visitor = await get(`/api/partnerships/${own.id}/measurements.csv`);
    expect(visitor.body).not.toMatch(/,(community|partnership),/);
    expect(visitor.body).toContain("credentials_attained,2022,40,actual,public");
    const template = await get("/api/impact/template.csv");
    const lines = template.body.split("\r\n");
    expect(lines[0]).toBe("indicator,name,unit,allowed values,period,value,kind,visibility,source,note");
    expect(lines).toContain(
      'jobs_created,New jobs created,count,"a whole number from 0 to 1,000,000,000",,,,,,',
    );
  });
});

describe("visibility of measurements", () => {
  it("shows members everything, practitioners community and public, visitors public only", async () => {
    const kinds = async (cookie?: string) =>
      new Set(
        (await get(`/api/partnerships/${own.id}/measurements`, cookie))
          .json<{ items: { visibility: string }[] }>()
          .items.map((i) => i.visibility),
      );
    expect(await kinds(convener.cookie)).toEqual(new Set(["partnership", "community", "public"]));
    expect(await kinds(outsider.cookie)).toEqual(new Set(["community", "public"]));
    expect(await kinds()).toEqual(new Set(["public"]));
  });
});

describe("benchmarks", () => {
  const bench = (group = "all", cookie?: string, indicator = "jobs_created") =>
    get(`/api/partnerships/${own.id}/benchmarks?indicator=${indicator}&period=2025&peers=${group}`, cookie);

  it("shows only the count with 4 peers, and the numbers with 5", async () => {
    expect((await put(own.id, convener.cookie, [actual("jobs_created", 30, "partnership")])).statusCode).toBe(
      200,
    );
    const values: [number, string][] = [
      [10, "community"],
      [20, "public"],
      [30, "community"],
      [40, "public"],
      [50, "partnership"], // members only: never a peer
    ];
    for (const [i, [value, visibility]] of values.entries()) {
      expect(
        (await put(peers[i].id, peerConvener.cookie, [actual("jobs_created", value, visibility)])).statusCode,
      ).toBe(200);
    }
    const four = await bench("all", convener.cookie);
    expect(four.json()).toEqual({
      indicator: "jobs_created",
      period: "2025",
      group: "all",
      peers: 4,
      suppressed: true,
    });

    await put(peers[5].id, peerConvener.cookie, [actual("jobs_created", 30, "public")]);
    const five = await bench("all", convener.cookie);
    // Peers 10, 20, 30, 30, 40; own 30 beats two and ties two: (2 + 1) / 5.
    expect(five.json()).toMatchObject({
      peers: 5,
      suppressed: false,
      q1: 20,
      median: 30,
      q3: 30,
      value: 30,
      percentile: 60,
    });
    expect(
      five.json<{ distribution: { count: number }[] }>().distribution.reduce((s, b) => s + b.count, 0),
    ).toBe(5);
    expect(five.json().named).toEqual([]);
  });

  it("follows the peer group: the hospital partnership is not an industry peer", async () => {
    expect((await bench("industry", convener.cookie)).json()).toMatchObject({ peers: 4, suppressed: true });
    expect((await bench("setting", convener.cookie)).json()).toMatchObject({ peers: 5, suppressed: false });
  });

  it("ranks lower-is-better indicators the other way", async () => {
    const days = [20, 30, 40, 50, 60];
    for (const [i, value] of days.entries())
      await put(peers[i].id, peerConvener.cookie, [actual("time_to_hire_days", value, "community")]);
    await put(own.id, convener.cookie, [actual("time_to_hire_days", 25, "community")]);
    const res = await bench("all", convener.cookie, "time_to_hire_days");
    expect(res.json()).toMatchObject({ peers: 5, median: 40, value: 25, percentile: 80 });
  });

  it("gives a visitor only public values: public peers, and its own value only when public", async () => {
    const visitor = await bench("all");
    // Public peers are 20, 40 and 30: three, so only the count.
    expect(visitor.json()).toEqual({
      indicator: "jobs_created",
      period: "2025",
      group: "all",
      peers: 3,
      suppressed: true,
    });
    const practitioner = await bench("all", outsider.cookie);
    // Signed in but not a member: community peers count, own members-only value does not show.
    expect(practitioner.json()).toMatchObject({ peers: 5, value: null, percentile: null });
    for (const [i, value] of [1, 2, 3, 4, 5].entries())
      await put(peers[i].id, peerConvener.cookie, [actual("local_hires", value, "public")]);
    await put(own.id, convener.cookie, [actual("local_hires", 3, "community")]);
    const hires = await bench("all", undefined, "local_hires");
    expect(hires.json()).toMatchObject({ peers: 5, suppressed: false, value: null, percentile: null });
    await put(own.id, convener.cookie, [actual("local_hires", 3, "public")]);
    expect((await bench("all", undefined, "local_hires")).json()).toMatchObject({ value: 3, percentile: 50 });
  });

  it("names only peers that chose to be named", async () => {
    const refused = await ctx.app.inject({
      method: "PUT",
      url: `/api/partnerships/${peers[1].id}/impact-settings`,
      headers: { cookie: outsider.cookie },
      payload: { namedInBenchmarks: true },
    });
    expect(refused.statusCode).toBe(403);
    expect(await count("impact_settings")).toBe(0);
    const res = await ctx.app.inject({
      method: "PUT",
      url: `/api/partnerships/${peers[1].id}/impact-settings`,
      headers: { cookie: peerConvener.cookie },
      payload: { namedInBenchmarks: true },
    });
    expect(res.statusCode).toBe(200);
    expect((await bench("all", convener.cookie)).json().named).toEqual([
      { name: "Peer Partnership 2", slug: expect.any(String), value: 20 },
    ]);
  });

  it("keeps an answer until a value of its period changes, then makes it again at once", async () => {
    const first = (await bench("all", convener.cookie)).json<{ value: number; median: number }>();
    // Changed behind the API's back (no notice): the kept answer is what comes back.
    await ctx.deps.db.execute(
      sql`update measurements set value = value + 1000
          where partnership_id = ${own.id} and indicator_key = 'jobs_created' and period = '2025'`,
    );
    expect((await bench("all", convener.cookie)).json()).toEqual(first);
    // Values of another period leave it.
    await put(peers[0].id, peerConvener.cookie, [actual("jobs_created", 99, "public", "2024")]);
    expect((await bench("all", convener.cookie)).json()).toEqual(first);
    // A value of its period: every number read again, the own value as it now is included.
    await put(peers[0].id, peerConvener.cookie, [actual("jobs_created", 11, "community")]);
    const again = (await bench("all", convener.cookie)).json<{ value: number; median: number }>();
    expect(again.value).toBe(first.value + 1000);
    // Another caller's audience has its own answer: a visitor sees only the public peers' count.
    expect((await bench("all")).json()).toMatchObject({ peers: 3, suppressed: true });
    await ctx.deps.db.execute(
      sql`update measurements set value = value - 1000
          where partnership_id = ${own.id} and indicator_key = 'jobs_created' and period = '2025'`,
    );
    await put(peers[0].id, peerConvener.cookie, [actual("jobs_created", 10, "community")]);
  });

  it("refuses an unknown indicator and a bad period", async () => {
    expect((await get(`/api/partnerships/${own.id}/benchmarks?indicator=nope&period=2025`)).statusCode).toBe(
      400,
    );
    expect(
      (await get(`/api/partnerships/${own.id}/benchmarks?indicator=jobs_created&period=2025-13`)).statusCode,
    ).toBe(400);
  });
});

describe("community roll-up", () => {
  type RollupItem = { indicator: string; reporting: number; total: number | null; median: number | null };
  const rollup = async (cookie?: string) =>
    (await get("/api/community/rollup?period=2025", cookie)).json<{
      items: RollupItem[];
      audience: string;
    }>();

  it("sums counts from community and public values for practitioners", async () => {
    const r = await rollup(outsider.cookie);
    expect(r.audience).toBe("practitioner");
    // 10 + 20 + 30 + 40 + 30; the members-only 30 and 50 stay out.
    expect(r.items.find((i) => i.indicator === "jobs_created")).toMatchObject({ reporting: 5, total: 130 });
    expect(r.items.find((i) => i.indicator === "time_to_hire_days")).toMatchObject({
      reporting: 6,
      total: null,
      median: 35,
    });
  });

  it("builds the public roll-up and its CSV from public values only", async () => {
    const r = await rollup();
    expect(r.audience).toBe("public");
    expect(r.items.find((i) => i.indicator === "jobs_created")).toMatchObject({ reporting: 3, total: 90 });
    expect(r.items.find((i) => i.indicator === "time_to_hire_days")).toBeUndefined();
    const csv = await get("/api/community/rollup.csv?period=2025");
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("2025,jobs_created,New jobs created,count,sum,all,,3,90,,,");
    expect(csv.body).not.toContain("time_to_hire_days");
    // A Spanish reader's file: its header and the shipped indicator's name in Spanish.
    const spanish = await ctx.app.inject({
      method: "GET",
      url: "/api/community/rollup.csv?period=2025",
      headers: { "accept-language": "es" },
    });
    expect(spanish.body).toContain("2025,jobs_created,Nuevos empleos creados,count,sum,");
  });

  it("breaks totals down by sector and state, and refuses a period that is not a year", async () => {
    const item = (await rollup(outsider.cookie)).items.find(
      (i) => i.indicator === "jobs_created",
    ) as RollupItem & {
      bySector: { sector: string; total: number }[];
      byState: { state: string; total: number }[];
    };
    expect(item.byState).toEqual([expect.objectContaining({ state: "Colorado", total: 130 })]);
    expect(item.bySector.map((s) => s.total).sort()).toEqual([100, 30]);
    expect((await get("/api/community/rollup?period=2025-Q1")).statusCode).toBe(400);
  });

  it("follows new values at once (the cache is invalidated on writes)", async () => {
    await rollup();
    await put(peers[0].id, peerConvener.cookie, [actual("jobs_created", 100, "public")]);
    expect((await rollup()).items.find((i) => i.indicator === "jobs_created")).toMatchObject({
      reporting: 4,
      total: 190,
    });
  });
});

describe("stories", () => {
  it("sanitizes Markdown and shows a visitor only public stories", async () => {
    const post = (payload: object, cookie = convener.cookie) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/partnerships/${own.id}/stories`,
        headers: { cookie },
        payload,
      });
    const base = { date: "2025-05-01", area: "community", indicators: ["jobs_created"] };
    const pub = await post({
      ...base,
      title: "Machinists rebuild the youth center",
      body: "**Twelve** firms <script>alert(1)</script>[joined](javascript:alert(1))",
      visibility: "public",
    });
    expect(pub.statusCode).toBe(201);
    const html = pub.json<{ html: string }>().html;
    expect(html).toContain("<strong>Twelve</strong>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
    await post({ ...base, title: "Internal lessons learned", body: "", visibility: "partnership" });
    const before = await count("impact_stories");
    expect(
      (await post({ ...base, title: "Not mine", visibility: "public" }, outsider.cookie)).statusCode,
    ).toBe(403);
    expect(await count("impact_stories")).toBe(before);
    const titles = async (cookie?: string) =>
      (await get(`/api/partnerships/${own.id}/stories`, cookie))
        .json<{ items: { title: string }[] }>()
        .items.map((s) => s.title);
    expect(await titles()).toEqual(["Machinists rebuild the youth center"]);
    expect((await titles(convener.cookie)).sort()).toEqual([
      "Internal lessons learned",
      "Machinists rebuild the youth center",
    ]);
  });

  it("edits with a version and answers 409 to a stale one", async () => {
    const [story] = (await get(`/api/partnerships/${own.id}/stories`)).json<{
      items: { id: string; version: number }[];
    }>().items;
    const url = `/api/partnerships/${own.id}/stories/${story.id}`;
    const ok = await ctx.app.inject({
      method: "PATCH",
      url,
      headers: { cookie: convener.cookie },
      payload: { version: story.version, title: "Machinists rebuild the center" },
    });
    expect(ok.json()).toMatchObject({ version: 2, title: "Machinists rebuild the center" });
    const stale = await ctx.app.inject({
      method: "PATCH",
      url,
      headers: { cookie: convener.cookie },
      payload: { version: 1, title: "Old" },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2 });
    const outsiderDelete = await ctx.app.inject({
      method: "DELETE",
      url,
      headers: { cookie: outsider.cookie },
    });
    expect(outsiderDelete.statusCode).toBe(403);
    expect((await get(`/api/partnerships/${own.id}/stories`)).json().items).toHaveLength(1);
  });

  it("keeps the story behind the numbers with its visibility", async () => {
    const url = `/api/partnerships/${own.id}/indicators/jobs_created/story`;
    const payload = {
      whatHappened: "Two plants expanded",
      partners: "EDC",
      whatWorks: "",
      nextSteps: "",
      visibility: "community",
    };
    expect(
      (await ctx.app.inject({ method: "PUT", url, headers: { cookie: outsider.cookie }, payload }))
        .statusCode,
    ).toBe(403);
    const res = await ctx.app.inject({ method: "PUT", url, headers: { cookie: convener.cookie }, payload });
    expect(res.statusCode).toBe(200);
    const story = async (cookie?: string) =>
      (await get(`/api/partnerships/${own.id}/indicators`, cookie))
        .json<{ items: { key: string; story: { whatHappened: string } | null }[] }>()
        .items.find((i) => i.key === "jobs_created")?.story ?? null;
    expect(await story(outsider.cookie)).toMatchObject({ whatHappened: "Two plants expanded" });
    expect(await story()).toBeNull();
  });
});
