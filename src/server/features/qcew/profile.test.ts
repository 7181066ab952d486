import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndustryFigures, RegionEconomy } from "../../../core/qcew/profile.js";
import { createTestContext, type TestContext } from "../../test-support.js";
import { importQcewFile, importQcewStream } from "./import.js";

// Real BLS 2020 area files and the derived national stand-in (fixtures/README.md); never the full files beside the repository.
const fixtures = new URL("../../../../fixtures/qcew/", import.meta.url);
const path = (name: string) => new URL(name, fixtures).pathname;
const centralOhio = ["39041", "39045", "39047", "39049", "39073"];

/** BLS's own published row of a county file, by ownership and industry. */
function published(fips: string, own: number, industry: string): Record<string, string> {
  const [header, ...lines] = readFileSync(path(`morpc-qcew-2020-a-${fips}.csv`), "utf8")
    .trim()
    .split("\n");
  const columns = header.split(",");
  for (const line of lines) {
    const cells = line.split(",");
    if (cells[1] === String(own) && cells[2] === industry)
      return Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
  }
  throw new Error(`no row ${fips} ${own} ${industry}`);
}

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  for (const fips of centralOhio)
    await importQcewFile(ctx.deps, path(`morpc-qcew-2020-a-${fips}.csv`), { via: "cli" });
});
afterAll(() => ctx.close());

const get = (query: string) => ctx.app.inject({ url: `/api/regions/economy?${query}` });
const profile = async (query: string) => {
  const res = await get(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RegionEconomy>();
};
const industry = (p: RegionEconomy, code: string): IndustryFigures => {
  const found = p.industries.find((i) => i.code === code);
  if (!found) throw new Error(`no industry ${code}`);
  return found;
};

describe("a region's economy from the imported QCEW files", () => {
  it("says plainly when nothing is imported for the counties, and how an admin imports it", async () => {
    const res = await get("counties=08031,08005");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(res.json<{ detail: string }>().detail).toMatch(
      /No BLS QCEW figures are imported for these counties.*import/,
    );
    expect((await get("counties=39049&year=2019")).statusCode).toBe(404);
  });

  it("answers 400 naming the field for bad input", async () => {
    for (const [query, field] of [
      ["counties=3904", "counties"],
      ["counties=39049,abc", "counties"],
      ["", "counties"],
      [`counties=${Array.from({ length: 101 }, (_, i) => String(10001 + i)).join(",")}`, "counties"],
      ["counties=39049&cbsa=18140", "cbsa"],
      ["cbsa=1814", "cbsa"],
      ["counties=39049&level=2", "level"],
      ["counties=39049&ownership=everyone", "ownership"],
      ["counties=39049&year=twenty", "year"],
      ["counties=39049&colour=red", ""],
    ] as const) {
      const res = await get(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      if (field) expect(res.body, query).toContain(field);
    }
    // A CBSA the reference data does not know.
    const unknown = await get("cbsa=99999");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ errors: { field: string }[] }>().errors[0].field).toBe("cbsa");
  });

  it("sums Central Ohio's totals and gives 'at least' where a county held an industry back", async () => {
    const p = await profile(`counties=${centralOhio.join(",")}`);
    expect(p.year).toBe(2020);
    expect(p.source).toBe("BLS QCEW, 2020 annual averages");
    expect(p.counties.map((c) => `${c.name}, ${c.state}`)).toEqual([
      "Delaware, OH",
      "Fairfield, OH",
      "Fayette, OH",
      "Franklin, OH",
      "Hocking, OH",
    ]);
    expect(p.totals.jobs).toEqual({ value: 870_961, complete: true, undisclosedAreas: 0 });
    expect(p.totals.establishments).toBe(5891 + 3122 + 633 + 34674 + 564);
    expect(p.totals.averagePay.value).toBeCloseTo(
      (5279365599 + 1824734799 + 432240793 + 45718355278 + 227492343) / 870_961,
      6,
    );
    expect(p.years.map((y) => y.year)).toEqual([2020]);
    expect(p.ownerships).toContain("private");

    // Private health care (62): Fayette's is not disclosed.
    const health = industry(p, "62");
    expect(health.jobs).toEqual({ value: 123_742, complete: false, undisclosedAreas: 1 });
    expect(health.title).not.toBe("62");
    expect(health.share.complete).toBe(false);
    expect(health.share.value).toBeCloseTo(123_742 / 870_961, 9);
    expect(health.locationQuotient.complete).toBe(false);
    // Over the year, from the oty columns, without Fayette (suppressed) and Hocking (its change is
    // not disclosed, code N): both are left out of both years.
    expect(health.oneYear).toMatchObject({
      fromYear: 2019,
      change: -103 - 274 - 6643,
      complete: false,
      undisclosedAreas: 2,
    });
    expect(health.fiveYear).toBeNull();
    expect(health.shiftShare).toBeNull();

    // Private restaurants (7225): Hocking's is not disclosed.
    const four = await profile(`counties=${centralOhio.join(",")}&level=4&ownership=private`);
    const restaurants = industry(four, "7225");
    expect(restaurants.jobs).toEqual({ value: 58_416, complete: false, undisclosedAreas: 1 });
    expect(restaurants.oneYear).toMatchObject({ change: -1173 - 532 - 96 - 8139, complete: false });
    // A disclosed industry's change is complete: BLS's own oty sum.
    expect(four.industries.some((i) => i.oneYear?.complete)).toBe(true);
  });

  it("gives Franklin alone BLS's over-the-year change and its pay against the region's", async () => {
    const p = await profile("counties=39049&level=4");
    // One-year change of a disclosed industry is BLS's oty column.
    const row = published("39049", 5, "6233");
    expect(industry(p, "6233").oneYear).toMatchObject({
      change: Number(row.oty_annual_avg_emplvl_chg),
      later: Number(row.annual_avg_emplvl),
      complete: true,
    });
    // Pay against the region's average.
    const pay = industry(p, "6233");
    expect(pay.averagePay.value).toBeCloseTo(
      Number(row.total_annual_wages) / Number(row.annual_avg_emplvl),
      6,
    );
    expect(pay.payRatio.value).toBeCloseTo(pay.averagePay.value! / p.totals.averagePay.value!, 9);
  });

  it("has no location quotients, and says why, without the national file", async () => {
    const p = await profile("counties=39049&level=4");
    expect(p.notes).toEqual([
      "Location quotients need the national file (US000) for 2020, which is not imported.",
    ]);
    expect(industry(p, "6233").locationQuotient).toEqual({
      value: null,
      complete: true,
      reason: "the national file (US000) for 2020 is not imported",
    });
  });

  it("resolves a metro area to its counties from the reference data", async () => {
    // Columbus, OH (18140) includes Delaware, Fairfield, Franklin, Hocking and Licking; Fayette is not in it.
    await ctx.deps.db.execute(
      sql`update counties set cbsa_code = '18140', cbsa_title = 'Columbus, OH', cbsa_type = 'metro'
          where fips in ('39041', '39045', '39049', '39073', '39089')`,
    );
    const p = await profile("cbsa=18140");
    expect(p.cbsa).toEqual({ code: "18140", title: "Columbus, OH" });
    expect(p.counties.map((c) => c.fips)).toEqual(["39041", "39045", "39049", "39073", "39089"]);
    expect(p.totals.jobs.value).toBe(870_961 - 10_609);
    expect(p.totals.countiesMissing).toEqual(["39089"]);
    const metros = await ctx.app.inject({ url: "/api/regions/metros?q=columbus" });
    expect(metros.statusCode).toBe(200);
    expect(metros.json()).toEqual({
      items: [{ code: "18140", title: "Columbus, OH", type: "metro", counties: 5 }],
    });
    expect((await ctx.app.inject({ url: "/api/regions/metros?q=18140" })).json()).toMatchObject({
      items: [{ code: "18140" }],
    });
    expect((await ctx.app.inject({ url: "/api/regions/metros?q=nowhere" })).json()).toEqual({ items: [] });
  });

  it("answers the industry table as CSV, suppressed cells as 'at least N' with a note", async () => {
    const res = await ctx.app.inject({
      url: `/api/regions/economy.csv?counties=${centralOhio.join(",")}&level=4`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toBe(
      'attachment; filename="qcew-39041-39045-39047-39049-39073-2020-naics4-private.csv"',
    );
    const lines = res.body.trim().split("\r\n");
    expect(lines[0]).toBe(
      "naics code,industry,jobs (annual average),share of region jobs (%),establishments,average annual pay (USD),pay vs region average (ratio),location quotient (US = 1),one-year change in jobs,one-year change in jobs (%),five-year change in jobs,five-year change in jobs (%),note",
    );
    const restaurants = lines.find((l) => l.startsWith("7225,"))!;
    expect(restaurants).toContain(",at least 58416,");
    expect(restaurants).toMatch(/1 county not disclosed by the BLS/);
    expect((await ctx.app.inject({ url: "/api/regions/economy.csv?counties=x" })).statusCode).toBe(400);
  });
});

describe("with the national file imported", () => {
  beforeAll(async () => {
    await importQcewFile(ctx.deps, path("derived-US000-2020-a.csv"), { via: "cli" });
  });

  it("gives location quotients against US000 on the all-ownership base", async () => {
    const p = await profile("counties=39049&level=4");
    expect(p.notes).toEqual([]);
    for (const code of ["2212", "2362", "6233"]) {
      const bls = Number(published("39049", 5, code).lq_annual_avg_emplvl);
      const lq = industry(p, code).locationQuotient;
      expect(lq.value, code).not.toBeNull();
      expect(lq.complete).toBe(true);
      expect(Math.abs(lq.value! / bls - 1), code).toBeLessThan(0.03);
    }
    // Central Ohio: a suppressed county makes the LQ incomplete (a lower bound).
    const region = await profile(`counties=${centralOhio.join(",")}`);
    expect(industry(region, "62").locationQuotient).toMatchObject({ complete: false, reason: null });
    expect(industry(region, "62").locationQuotient.value).toBeGreaterThan(0);
  });

  it("gives the five-year change and a shift-share that sums to it when the year five back is imported", async () => {
    // A made-up 2015 for the test: the 2020 files with the year changed, Franklin's private
    // nursing care (6233) 4,000 instead of 4,185 jobs, its US figure 900,000 instead of 937,090
    // and all US jobs 130,000,000 instead of 140,000,000.
    const as2015 = (name: string, edit: (cells: string[]) => void) => {
      const [header, ...lines] = readFileSync(path(name), "utf8").trim().split("\n");
      const body = lines.map((line) => {
        const cells = line.split(",");
        cells[5] = "2015";
        edit(cells);
        return cells.join(",");
      });
      return importQcewStream(ctx.deps, Readable.from([[header, ...body].join("\n")]), {
        fileName: `2015-${name}`,
        via: "cli",
      });
    };
    await as2015("morpc-qcew-2020-a-39049.csv", (c) => {
      if (c[1] === "5" && c[2] === "6233") c[9] = "4000";
    });
    await as2015("derived-US000-2020-a.csv", (c) => {
      if (c[1] === "5" && c[2] === "6233") c[9] = "900000";
      if (c[1] === "0" && c[2] === "10") c[9] = "130000000";
    });
    const p = await profile("counties=39049&level=4");
    expect(p.year).toBe(2020);
    expect(p.years.map((y) => [y.year, y.jobs.value])).toEqual([
      [2015, 727_016],
      [2020, 727_016],
    ]);
    const nursing = industry(p, "6233");
    expect(nursing.fiveYear).toMatchObject({
      fromYear: 2015,
      earlier: 4000,
      later: 4185,
      change: 185,
      complete: true,
    });
    const shift = nursing.shiftShare!;
    expect(shift.fromYear).toBe(2015);
    expect(shift.total).toBe(185);
    expect(shift.nationalGrowth).toBeCloseTo(4000 * (140 / 130 - 1), 6);
    expect(shift.industryMix).toBeCloseTo(4000 * (937_090 / 900_000 - 140 / 130), 6);
    expect(shift.nationalGrowth + shift.industryMix + shift.regionalShare).toBeCloseTo(185, 6);
    // An earlier year asked for explicitly: 2015 itself has no five-year change.
    const earlier = await profile("counties=39049&level=4&year=2015");
    expect(earlier.year).toBe(2015);
    expect(industry(earlier, "6233").fiveYear).toBeNull();
    expect(industry(earlier, "6233").jobs.value).toBe(4000);
  });
});
