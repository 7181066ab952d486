import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locationQuotient } from "../../../core/qcew/location-quotient.js";
import { sumOverAreas } from "../../../core/qcew/region.js";
import { queryRows } from "../../../db/query.js";
import { createTestContext, type TestContext } from "../../test-support.js";
import { importQcewFile, importQcewStream, MAX_LISTED_BAD_ROWS, QcewImportError } from "./import.js";
import { industrySums } from "./industry-sums.js";

// Real BLS rows cut from the 2020 files (fixtures/README.md says which); never the full files beside the repository.
const fixtures = new URL("../../../../fixtures/qcew/", import.meta.url);
const path = (name: string) => new URL(name, fixtures).pathname;
const read = (name: string) => readFileSync(new URL(name, fixtures), "utf8");
const counties = ["39041", "39045", "39047", "39049", "39073"];
const annual = (fips: string) => `morpc-qcew-2020-a-${fips}.csv`;
const six = [...counties.map(annual), "morpc-qcew-2020-1-39041.csv"];

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const importText = (text: string, fileName = "test.csv") =>
  importQcewStream(ctx.deps, Readable.from([text]), { fileName, via: "cli" });
const refusal = async (text: string) => {
  const error = await importText(text).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(QcewImportError);
  return error as QcewImportError;
};
const one = async <T>(query: ReturnType<typeof sql>) => (await queryRows<T>(ctx.deps.db, query))[0];
/** Everything stored for an area and period, in a stable order, as text (a byte-for-byte comparison). */
const stored = (area: string, quarter = 0) =>
  queryRows<{ r: string }>(
    ctx.deps.db,
    sql`select r::text as r from qcew_rows r where area_fips = ${area} and year = 2020 and quarter = ${quarter}
        order by own_code, industry_code, size_code`,
  ).then((rows) => rows.map((x) => x.r));
const franklinJobs = () =>
  one<{ total: number | null; owners: number | null; rows: number }>(sql`
    select sum(employment) filter (where agglvl_code = 70 and own_code = 0)::int as total,
           sum(employment) filter (where agglvl_code = 71)::int as owners,
           count(*)::int as rows
    from qcew_rows where area_fips = '39049' and year = 2020 and quarter = 0`);
const dataLines = (name: string) => read(name).trim().split("\n").length - 1;

/** The Franklin file as BLS serves it: every text field in double quotes, numbers bare. */
function quoted(text: string): string {
  const [head, ...rows] = text.trim().split("\n");
  const header = head.split(",");
  const textColumns = new Set(
    header.flatMap((name, i) => (i < 8 || name.endsWith("disclosure_code") ? [i] : [])),
  );
  return [
    header.map((h) => `"${h}"`).join(","),
    ...rows.map((row) =>
      row
        .split(",")
        .map((cell, i) => (textColumns.has(i) ? `"${cell}"` : cell))
        .join(","),
    ),
  ].join("\r\n");
}

/** The file with one cell changed: `line` counts from 1 at the header, `column` is a header name. */
function withCell(text: string, line: number, column: string, value: string): string {
  const lines = text.split("\n");
  const index = lines[0].split(",").indexOf(column);
  const cells = lines[line - 1].split(",");
  cells[index] = value;
  lines[line - 1] = cells.join(",");
  return lines.join("\n");
}

describe("importing BLS QCEW files", () => {
  it("imports the six county files: Franklin's 727,016 jobs and its ownership rows adding up", async () => {
    for (const name of six) {
      const report = await importQcewFile(ctx.deps, path(name), { via: "cli" });
      const [, , quarter, fips] = /^morpc-qcew-(\d+)-(a|\d)-(\d+)\.csv$/.exec(name) ?? [];
      expect(report).toMatchObject({
        fileName: name,
        year: 2020,
        quarter: quarter === "a" ? 0 : Number(quarter),
        layout: quarter === "a" ? "annual" : "quarterly",
        rows: dataLines(name),
        areas: [fips],
        replaced: "areas",
      });
    }
    expect(await franklinJobs()).toEqual({ total: 727_016, owners: 727_016, rows: 411 });
    // Every county's ownership rows add up to its total when all are disclosed, within the
    // rounding of BLS's annual averages (each of the 4 rows by under half a job).
    const sums = await queryRows<{ area: string; total: number; owners: number; hidden: number }>(
      ctx.deps.db,
      sql`select area_fips as area,
                 sum(employment) filter (where agglvl_code = 70)::int as total,
                 sum(employment) filter (where agglvl_code = 71)::int as owners,
                 count(*) filter (where agglvl_code = 71 and not disclosed)::int as hidden
          from qcew_rows where year = 2020 and quarter = 0 group by area_fips order by area_fips`,
    );
    expect(sums.map((s) => s.area)).toEqual(counties);
    for (const s of sums) if (s.hidden === 0) expect(Math.abs(s.owners - s.total)).toBeLessThanOrEqual(2);
    // A suppressed cell (N, published as 0) is stored as unknown, never as 0.
    const suppressed = await one<{ n: number; zeros: number }>(sql`
      select count(*)::int as n, count(*) filter (where employment is not null or total_wages is not null)::int as zeros
      from qcew_rows where not disclosed`);
    expect(suppressed.n).toBeGreaterThan(0);
    expect(suppressed.zeros).toBe(0);
    // The quarter keeps its three months; employment is the third.
    const q1 = await one<Record<string, number>>(sql`
      select employment, month1_employment as m1, month2_employment as m2, month3_employment as m3, avg_annual_pay as pay
      from qcew_rows where area_fips = '39041' and year = 2020 and quarter = 1 and own_code = 0 and industry_code = '10'`);
    expect(q1).toEqual({ employment: 87_534, m1: 87_877, m2: 88_082, m3: 87_534, pay: null });
    const imports = await one<{ n: number }>(sql`select count(*)::int as n from qcew_imports`);
    expect(imports.n).toBe(6);
  });

  it("imports BLS's quoted copy of a file exactly as the unquoted one", async () => {
    const before = await stored("39049");
    expect(before).toHaveLength(411);
    const report = await importText(quoted(read(annual("39049"))), "39049-quoted.csv");
    expect(report).toMatchObject({ rows: 411, areas: ["39049"], year: 2020, quarter: 0 });
    expect(await stored("39049")).toEqual(before);
  });

  it("refuses a file with bad rows, naming every line and column, and changes nothing", async () => {
    const before = await stored("39049");
    const imports = await one<{ n: number }>(sql`select count(*)::int as n from qcew_imports`);
    let text = read(annual("39049"));
    // A change that would show if anything were stored...
    text = withCell(text, 2, "annual_avg_emplvl", "1");
    // ...and the two bad rows.
    text = withCell(text, 5, "annual_avg_emplvl", "12x");
    text = withCell(text, 9, "own_code", "7");
    const error = await refusal(text);
    expect(error.badRows.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      { line: 5, column: "annual_avg_emplvl", reason: '"12x" is not a whole number' },
      { line: 9, column: "own_code", reason: expect.stringContaining('"7" is not a BLS ownership code') },
    ]);
    expect(error.moreBadRows).toBe(0);
    expect(error.message).toMatch(/Nothing was imported/);
    expect(await stored("39049")).toEqual(before);
    expect(await one<{ n: number }>(sql`select count(*)::int as n from qcew_imports`)).toEqual(imports);
  });

  it("reports a broken CSV record, a short row and a second period, and goes on reading", async () => {
    const lines = read(annual("39049")).split("\n");
    // A stray quote makes line 20 unreadable as CSV; line 30 lacks 18 of its 38 cells.
    lines[19] = lines[19].replace(/^39049/, '39049"');
    lines[29] = lines[29].split(",").slice(0, 20).join(",");
    const text = withCell(lines.join("\n"), 40, "year", "2019");
    const error = await refusal(text);
    expect(error.badRows.map((b) => [b.line, b.column])).toEqual([
      [20, "row"],
      [30, "row"],
      ...Array.from({ length: 18 }, () => [30, expect.any(String)]),
      [40, "year"],
    ]);
    expect(error.badRows[0]?.reason).toMatch(/is not a CSV record/);
    expect(error.badRows.find((b) => b.line === 40)?.reason).toMatch(/2019 annual.*began with 2020 annual/);
  });

  it("lists the first 1,000 bad rows and counts the rest", async () => {
    const [head, row] = read(annual("39049")).split("\n");
    const bad = row.replace(",727016,", ",many,");
    const error = await refusal([head, ...Array.from({ length: 1_200 }, () => bad)].join("\n"));
    expect(error.badRows).toHaveLength(MAX_LISTED_BAD_ROWS);
    expect(error.badRows[0]).toMatchObject({ line: 2, column: "annual_avg_emplvl" });
    expect(error.moreBadRows).toBe(200);
  });

  it("refuses a row that repeats a cell, an empty file and a file that is not QCEW", async () => {
    const [head, first, second] = read(annual("39049")).split("\n");
    const repeated = await refusal([head, first, second, first].join("\n"));
    expect(repeated.badRows.map(({ line, column, reason }) => ({ line, column, reason }))).toEqual([
      {
        line: 4,
        column: "area_fips, own_code, industry_code, size_code",
        reason: expect.stringContaining("repeats line 2"),
      },
    ]);
    expect((await refusal("")).badRows[0]).toMatchObject({ line: 1, column: "file" });
    expect((await refusal("code,title\n11,Farming\n")).badRows[0]?.reason).toMatch(/Not a BLS QCEW CSV file/);
    expect((await refusal(`${head}\n`)).badRows[0]?.reason).toMatch(/no rows/);
    expect(await franklinJobs()).toEqual({ total: 727_016, owners: 727_016, rows: 411 });
  });

  it("replaces an area's period on re-import instead of adding to it", async () => {
    await importQcewFile(ctx.deps, path(annual("39049")), { via: "cli" });
    expect(await franklinJobs()).toEqual({ total: 727_016, owners: 727_016, rows: 411 });
    // A revised file with fewer rows leaves none of the old ones behind.
    const lines = read(annual("39049")).split("\n");
    const revised = withCell(lines.slice(0, 101).join("\n"), 2, "annual_avg_emplvl", "727020");
    expect(await importText(revised)).toMatchObject({ rows: 100, replaced: "areas" });
    expect(await franklinJobs()).toMatchObject({ total: 727_020, rows: 100 });
    // The other periods and areas are untouched.
    expect(await stored("39041", 1)).toHaveLength(dataLines("morpc-qcew-2020-1-39041.csv"));
    await importQcewFile(ctx.deps, path(annual("39049")), { via: "cli" });
    expect(await franklinJobs()).toEqual({ total: 727_016, owners: 727_016, rows: 411 });
  });

  it("replaces only its industry's rows when the file is an industry slice", async () => {
    // An industry slice: one industry code (10, all industries) across areas.
    const rowsOf = (name: string) => read(name).trim().split("\n").slice(1);
    const [head] = read(annual("39049")).split("\n");
    const slice = [
      head,
      ...[annual("39049"), annual("39041")].flatMap((n) => rowsOf(n).filter((r) => r.split(",")[2] === "10")),
    ];
    const changed = withCell(slice.join("\n"), 2, "annual_avg_emplvl", "727017");
    expect(await importText(changed)).toMatchObject({ replaced: "industry", areas: ["39041", "39049"] });
    expect(await franklinJobs()).toMatchObject({ total: 727_017, rows: 411 });
    await importQcewFile(ctx.deps, path(annual("39049")), { via: "cli" });
  });
});

describe("the sums of a region over the imported files", () => {
  it("sums each sector over the counties as BLS published it, and the US rows give BLS's own LQ", async () => {
    await importQcewFile(ctx.deps, path("derived-US000-2020-a.csv"), { via: "cli" });
    const base = { agglvl: 74, usAgglvl: 14, ownCode: 5, year: 2020, earlierYear: null };
    const sums = await industrySums(ctx.deps.db, { ...base, counties });
    // Every private sector of the five files, each summed from the files' own cells.
    const published = counties.flatMap((fips) =>
      read(annual(fips))
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.split(","))
        .filter((cells) => cells[1] === "5" && cells[3] === "74")
        .map((cells) => ({ fips, code: cells[2], disclosure: cells[7], jobs: Number(cells[9]) })),
    );
    expect(sums.map((s) => s.code)).toEqual([...new Set(published.map((p) => p.code))].sort());
    for (const s of sums) {
      const cells = published.filter((p) => p.code === s.code);
      const hidden = cells.filter((p) => p.disclosure === "N");
      expect(s.jobs, s.code).toEqual({
        value: cells.filter((p) => p.disclosure !== "N").reduce((n, p) => n + p.jobs, 0),
        complete: hidden.length === 0,
        undisclosedAreas: hidden.length,
      });
    }
    expect(sums.some((s) => !s.jobs.complete)).toBe(true);

    // Franklin alone: its private health care (62) LQ with the core math is BLS's within 3%.
    const [franklin] = (await industrySums(ctx.deps.db, { ...base, counties: ["39049"] })).filter(
      (s) => s.code === "62",
    );
    const [usTotal] = await queryRows<{ jobs: number }>(
      ctx.deps.db,
      sql`select employment as jobs from qcew_rows where area_fips = 'US000' and agglvl_code = 10 and own_code = 0 and year = 2020`,
    );
    const lq = locationQuotient({
      regionIndustry: franklin.jobs,
      regionTotal: sumOverAreas([{ areaFips: "39049", value: 727_016 }]),
      usIndustry: franklin.usJobs,
      usTotal: usTotal.jobs,
    });
    const bls = Number(
      read(annual("39049"))
        .split("\n")
        .map((line) => line.split(","))
        .find((cells) => cells[1] === "5" && cells[2] === "62")![
        read(annual("39049")).split("\n")[0].split(",").indexOf("lq_annual_avg_emplvl")
      ],
    );
    expect(Math.abs(lq.value! / bls - 1)).toBeLessThan(0.03);
    // A year not imported has no industries.
    expect(await industrySums(ctx.deps.db, { ...base, counties, year: 2019 })).toEqual([]);
  });
});
