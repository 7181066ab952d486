import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

/*
 * The entry grid's writes: baselines and targets with the year they refer to, quarters, and
 * the version each value was read at (a stale one answers 409 and stores nothing); the CSV
 * import by key or name, and its template of the partnership's indicators.
 */

let ctx: TestContext;
let convener: Awaited<ReturnType<typeof signUp>>;
let admin: Awaited<ReturnType<typeof signUp>>;
let own: { id: string; slug: string };

interface Stored {
  indicator: string;
  period: string;
  kind: string;
  value: number;
  visibility: string;
  version: number;
}

const snapshot = () =>
  queryRows<Record<string, unknown>>(
    ctx.deps.db,
    sql`select indicator_key, kind, period, value, visibility, source, note, version
        from measurements where partnership_id = ${own.id} order by indicator_key, kind, period`,
  );
const put = (items: object[]) =>
  ctx.app.inject({
    method: "PUT",
    url: `/api/partnerships/${own.id}/measurements`,
    headers: { cookie: convener.cookie },
    payload: { items },
  });
const stored = async (indicator: string) =>
  (
    await ctx.app.inject({
      method: "GET",
      url: `/api/partnerships/${own.id}/measurements?indicator=${indicator}`,
      headers: { cookie: convener.cookie },
    })
  ).json<{ items: Stored[] }>().items;
const importCsv = (lines: string[]) =>
  ctx.app.inject({
    method: "POST",
    url: `/api/partnerships/${own.id}/measurements/import`,
    headers: { cookie: convener.cookie, "content-type": "text/csv" },
    payload: lines.join("\r\n"),
  });
const item = (indicator: string, kind: string, period: string, value: number, version?: number) => ({
  indicator,
  kind,
  period,
  value,
  visibility: "community",
  ...(version === undefined ? {} : { version }),
});

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  own = await createPartnership(ctx, convener.cookie, { name: "Own Manufacturing Partnership" });
});
afterAll(() => ctx.close());

describe("baselines, targets and quarters from the grid", () => {
  it("stores a baseline and a target with their years and a quarter, each at version 1", async () => {
    const res = await put([
      item("jobs_created", "baseline", "2021", 120, 0),
      item("jobs_created", "target", "2027", 450, 0),
      item("jobs_created", "actual", "2025-Q2", 60, 0),
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ written: 3 });
    expect((await stored("jobs_created")).map((m) => [m.kind, m.period, m.value, m.version])).toEqual([
      ["baseline", "2021", 120, 1],
      ["actual", "2025-Q2", 60, 1],
      ["target", "2027", 450, 1],
    ]);
  });

  it("edits a quarter at the version it was read and keeps the earlier value", async () => {
    const res = await put([item("jobs_created", "actual", "2025-Q2", 64, 1)]);
    expect(res.statusCode).toBe(200);
    expect((await stored("jobs_created")).find((m) => m.period === "2025-Q2")).toMatchObject({
      value: 64,
      version: 2,
    });
    const revisions = await queryRows<{ value: number; version: number }>(
      ctx.deps.db,
      sql`select r.value, r.version from measurement_revisions r join measurements m on m.id = r.measurement_id
          where m.partnership_id = ${own.id} and m.period = '2025-Q2'`,
    );
    expect(revisions).toEqual([{ value: 60, version: 1 }]);
  });

  it("answers 409 with the current values to a stale version, naming the indicator, and stores nothing", async () => {
    const before = await snapshot();
    const res = await put([
      item("jobs_created", "target", "2028", 500, 0),
      item("jobs_created", "actual", "2025-Q2", 70, 1),
      // A value the writer saw as empty that someone entered since.
      item("jobs_created", "baseline", "2021", 130, 0),
    ]);
    expect(res.statusCode).toBe(409);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    const body = res.json<{ detail: string; current: { items: Stored[] } }>();
    expect(body.detail).toBe(
      "Someone changed New jobs created, Q2 2025; New jobs created, baseline 2021 since you opened them. Nothing was saved.",
    );
    expect(body.current.items.map((m) => [m.kind, m.period, m.value, m.version])).toEqual([
      ["actual", "2025-Q2", 64, 2],
      ["baseline", "2021", 120, 1],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("lets exactly one of two first entries of the same value win", async () => {
    const [a, b] = await Promise.all([
      put([item("local_hires", "target", "2026", 10, 0)]),
      put([item("local_hires", "target", "2026", 20, 0)]),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [row] = await stored("local_hires");
    expect(row.version).toBe(1);
    expect(row.value).toBe(a.statusCode === 200 ? 10 : 20);
  });

  it("refuses a bad target or quarter naming the indicator by its name, and stores nothing", async () => {
    const before = await snapshot();
    const res = await put([
      item("staff_retention_rate", "target", "2027", 104, 0),
      item("time_to_hire_days", "actual", "2025-Q3", -2, 0),
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      {
        field: "items.0.value",
        message: "Staff retention rate, target 2027: must be a percent between 0 and 100",
      },
      {
        field: "items.1.value",
        message: "Median time-to-hire for critical occupations, Q3 2025: must not be negative (days)",
      },
    ]);
    const negativeVersion = await put([item("jobs_created", "actual", "2024", 1, -1)]);
    expect(negativeVersion.statusCode).toBe(400);
    expect(negativeVersion.json<{ errors: { field: string }[] }>().errors[0].field).toBe("items.0.version");
    expect(await snapshot()).toEqual(before);
  });
});

describe("the CSV import by key or name", () => {
  const header = "indicator,period,value,kind,visibility,source,note";

  it("reads an indicator's key or exact name in any case, trimmed", async () => {
    const res = await importCsv([
      header,
      "  new jobs CREATED ,2024,30,actual,public,,",
      "Staff Retention Rate,2024-Q4,82.5,actual,community,,",
      "PLACEMENTS,2024,12,baseline,community,,",
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 3 });
    expect((await stored("jobs_created")).find((m) => m.period === "2024")).toMatchObject({ value: 30 });
    expect(await stored("staff_retention_rate")).toEqual([
      expect.objectContaining({ period: "2024-Q4", value: 82.5, kind: "actual" }),
    ]);
    expect(await stored("placements")).toEqual([
      expect.objectContaining({ period: "2024", value: 12, kind: "baseline" }),
    ]);
  });

  it("reads a header written in Spanish, whatever its case and accents", async () => {
    const res = await importCsv([
      "Indicador,Período,VALOR,tipo,Visibilidad,Fuente,Nota",
      "placements,2022,7,actual,community,,",
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 1 });
    expect(await stored("placements")).toContainEqual(expect.objectContaining({ period: "2022", value: 7 }));
  });

  it("refuses a file with a bad row named by its indicator's name, and imports none of it", async () => {
    const before = await snapshot();
    const res = await importCsv([
      header,
      "New jobs created,2023,40,actual,public,,",
      "Staff retention rate,2023,120,target,public,,",
      "Jobs we made,2023,5,actual,public,,",
    ]);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ detail: string; errors: unknown[] }>();
    expect(body.detail).toBe("Nothing was imported: 2 rows need fixing.");
    expect(body.errors).toEqual([
      {
        field: "rows.2.value",
        row: 2,
        column: "value",
        message: "Staff retention rate, target 2023: must be a percent between 0 and 100",
      },
      {
        field: "rows.3.indicator",
        row: 3,
        column: "indicator",
        message: '"Jobs we made" is neither the key nor the name of an indicator of the catalog',
      },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("reads a shipped indicator's Spanish name, and names it in the reader's language when a row is wrong", async () => {
    const inSpanish = (lines: string[]) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/partnerships/${own.id}/measurements/import`,
        headers: { cookie: convener.cookie, "content-type": "text/csv", "accept-language": "es" },
        payload: lines.join("\r\n"),
      });
    const before = await snapshot();
    const wrong = await inSpanish([
      "Indicador,Período,Valor,Tipo,Visibilidad",
      "nuevos empleos creados,2021,9,actual,public",
      "Tasa de retención del personal,2021,140,actual,public",
    ]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ errors: { message: string }[] }>().errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Tasa de retención del personal, 2021: /),
    ]);
    // The same mistake read by an English speaker names the indicator in English.
    const english = await importCsv([header, "Tasa de retención del personal,2021,140,actual,public,,"]);
    expect(english.json<{ errors: { message: string }[] }>().errors[0].message).toMatch(
      /^Staff retention rate, 2021: must be a percent/,
    );
    expect(await snapshot()).toEqual(before);

    const right = await inSpanish([
      "Indicador,Período,Valor,Tipo,Visibilidad",
      "nuevos empleos creados,2021,9,actual,public",
    ]);
    expect(right.statusCode, right.body).toBe(200);
    expect(await stored("jobs_created")).toContainEqual(
      expect.objectContaining({ period: "2021", value: 9 }),
    );
  });

  it("asks for the key when two indicators share a name", async () => {
    for (const key of ["mentor_hours", "mentor_hours_alt"]) {
      const created = await ctx.app.inject({
        method: "POST",
        url: "/api/indicators",
        headers: { cookie: admin.cookie },
        payload: {
          key,
          name: "Mentor hours",
          area: "people",
          unit: "count",
          direction: "higher",
          rollup: "sum",
        },
      });
      expect(created.statusCode).toBe(201);
    }
    const res = await importCsv([header, "mentor hours,2024,5,actual,public,,"]);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { message: string }[] }>().errors[0].message).toBe(
      '"mentor hours" names 2 indicators; use the key: mentor_hours, mentor_hours_alt',
    );
    const byKey = await importCsv([header, "Mentor_Hours_Alt,2024,5,actual,public,,"]);
    expect(byKey.json()).toEqual({ imported: 1 });
    expect(await stored("mentor_hours_alt")).toHaveLength(1);
  });
});

describe("the import template", () => {
  it("lists every tracked indicator with its key, name, unit and allowed values, and imports once filled", async () => {
    const url = `/api/partnerships/${own.id}/indicators`;
    const current = (await ctx.app.inject({ method: "GET", url })).json<{ items: { key: string }[] }>();
    const chosen = await ctx.app.inject({
      method: "PUT",
      url,
      headers: { cookie: convener.cookie },
      payload: { keys: [...current.items.map((i) => i.key), "time_to_hire_days"] },
    });
    expect(chosen.statusCode).toBe(200);
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/partnerships/${own.id}/measurements/template.csv`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    const lines = res.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe("indicator,name,unit,allowed values,period,value,kind,visibility,source,note");
    const tracked = (
      await ctx.app.inject({ method: "GET", url: `/api/partnerships/${own.id}/indicators` })
    ).json<{ items: { key: string }[] }>().items;
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(tracked.map((t) => t.key));
    expect(lines).toContain(
      "staff_retention_rate,Staff retention rate,percent,a percent from 0 to 100,,,,,,",
    );
    expect(lines).toContain(
      'time_to_hire_days,Median time-to-hire for critical occupations,days,"days from 0 to 3,650",,,,,,',
    );

    // Untouched, it holds no values; filled in one row, the blank rows are skipped and a bad
    // row is reported at its own line of the file.
    const before = await snapshot();
    const blank = await importCsv(lines);
    expect(blank.statusCode).toBe(400);
    expect(blank.json<{ detail: string }>().detail).toBe(
      "Nothing was imported: the file has no values: fill the period, value, kind and visibility of a row.",
    );
    const at = lines.findIndex((l) => l.startsWith("time_to_hire_days,"));
    const bad = [...lines];
    bad[at] = bad[at].replace(/,,,,,,$/, ",2024,5000,actual,community,,");
    const refused = await importCsv(bad);
    expect(refused.json<{ errors: unknown[] }>().errors).toEqual([
      {
        field: `rows.${at}.value`,
        row: at,
        column: "value",
        message: "Median time-to-hire for critical occupations, 2024: must be at most 3,650 (days)",
      },
    ]);
    expect(await snapshot()).toEqual(before);
    const filled = [...lines];
    filled[at] = filled[at].replace(/,,,,,,$/, ",2024,45,actual,community,HR survey,");
    const ok = await importCsv(filled);
    expect(ok.json()).toEqual({ imported: 1 });
    expect(await stored("time_to_hire_days")).toEqual([
      expect.objectContaining({ period: "2024", value: 45, kind: "actual" }),
    ]);
  });

  it("answers 404 for a partnership that does not exist", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/partnerships/00000000-0000-4000-8000-000000000000/measurements/template.csv",
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });
});
