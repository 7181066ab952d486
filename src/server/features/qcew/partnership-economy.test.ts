import { sql } from "drizzle-orm";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PanelFigures, PanelYear, PartnershipEconomy } from "../../../core/qcew/partnership-panel.js";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";
import { importReferenceFile } from "../reference/import.js";
import { importQcewFile, importQcewStream } from "./import.js";

// Real BLS 2020 area files and the derived national stand-in (fixtures/README.md).
const fixtures = new URL("../../../../fixtures/", import.meta.url);
const path = (name: string) => new URL(name, fixtures).pathname;
const centralOhio = ["39041", "39045", "39047", "39049", "39073"];

let ctx: TestContext;
let cookie: string;
/** Manufacturing in the five counties, created before any QCEW file is imported. */
let manufacturing: { id: string; slug: string; version: number };

beforeAll(async () => {
  ctx = await createTestContext();
  ({ cookie } = await signUp(ctx, "Convener"));
  manufacturing = await createPartnership(ctx, cookie, {
    name: "Central Ohio Manufacturing Partnership",
    counties: centralOhio,
    naics: ["31-33"],
  });
});
afterAll(() => ctx.close());

const panel = async (id: string) => {
  const res = await ctx.app.inject({ url: `/api/partnerships/${id}/regional-economy` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PartnershipEconomy>();
};
const only = (figures: PanelFigures | null | undefined): PanelYear => {
  expect(figures?.years).toHaveLength(1);
  return figures!.years[0];
};
const qcewValues = async (id: string) => {
  const res = await ctx.app.inject({ url: `/api/partnerships/${id}/measurements`, headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res
    .json<{
      items: {
        indicator: string;
        period: string;
        value: number;
        source: string;
        visibility: string;
        kind: string;
        enteredBy: unknown;
      }[];
    }>()
    .items.filter((m) => m.indicator.startsWith("qcew_"))
    .sort((a, b) => a.indicator.localeCompare(b.indicator));
};

describe("before any QCEW file is imported", () => {
  it("answers an empty panel (no years, no source) and writes no values", async () => {
    const answer = await panel(manufacturing.id);
    expect(answer.years).toEqual([]);
    expect(answer.year).toBeNull();
    expect(answer.source).toBeNull();
    expect(answer.codes).toEqual([]);
    expect(answer.counties.map((c) => c.fips).sort()).toEqual(centralOhio);
    expect(await qcewValues(manufacturing.id)).toEqual([]);
  });

  it("answers 404 for an unknown partnership, also by slug", async () => {
    const res = await ctx.app.inject({ url: "/api/partnerships/no-such-partnership/regional-economy" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("with the five Central Ohio 2020 files and the national file", () => {
  beforeAll(async () => {
    for (const fips of centralOhio)
      await importQcewFile(ctx.deps, path(`qcew/morpc-qcew-2020-a-${fips}.csv`), { via: "cli" });
    await importQcewFile(ctx.deps, path("qcew/derived-US000-2020-a.csv"), { via: "cli" });
  });

  it("shows manufacturing (31-33, private) with the exact sums of the five files, its one-year change and LQ", async () => {
    // Opened by slug, as the public profile does.
    const answer = await panel(manufacturing.slug);
    expect(answer.years).toEqual([2020]);
    expect(answer.source).toBe("BLS QCEW, 2020 annual averages");
    expect(answer.combined).toBeNull();
    const [code] = answer.codes;
    expect(code.code).toBe("31-33");
    expect(code.title).toBe("Manufacturing");
    const year = only(code);
    expect(year.status).toBe("figures");
    expect(year.naicsVersion).toBe(2017);
    expect(year.ownership).toBe("private");
    // 6,088 + 4,119 + 1,780 + 36,262 + 951 private manufacturing jobs.
    expect(year.jobs).toEqual({ value: 49_200, complete: true, undisclosedAreas: 0 });
    expect(year.establishments).toBe(1_299);
    // Total wages 3,253,691,633 over 49,200 jobs.
    expect(year.averagePay!.value).toBeCloseTo(66_131.94, 2);
    expect(year.averagePay!.complete).toBe(true);
    // The US base of the derived national file: 12,250,702 of 140,000,000 jobs.
    expect(year.locationQuotient!.value).toBeCloseTo(49_200 / 870_961 / (12_250_702 / 140_000_000), 6);
    expect(year.locationQuotient!.value).toBeCloseTo(0.6456, 4);
    // BLS's oty columns: -328 - 131 + 12 - 1,187 + 60.
    expect(code.oneYear).toMatchObject({ fromYear: 2019, toYear: 2020, change: -1_574, later: 49_200 });
    expect(code.overYears).toBeNull();
  });

  it("writes the figures as public BLS QCEW values after the import, entered by nobody", async () => {
    expect(await qcewValues(manufacturing.id)).toMatchObject([
      { indicator: "qcew_industry_average_pay", period: "2020", value: 66_132, source: "BLS QCEW" },
      { indicator: "qcew_industry_establishments", period: "2020", value: 1_299, source: "BLS QCEW" },
      { indicator: "qcew_industry_jobs", period: "2020", value: 49_200, source: "BLS QCEW" },
    ]);
    for (const value of await qcewValues(manufacturing.id)) {
      expect(value.visibility).toBe("public");
      expect(value.kind).toBe("actual");
      expect(value.enteredBy).toBeNull();
    }
    const answer = await panel(manufacturing.id);
    expect(answer.indicators.map((i) => [i.key, i.value, i.skipped])).toEqual([
      ["qcew_industry_jobs", 49_200, null],
      ["qcew_industry_establishments", 1_299, null],
      ["qcew_industry_average_pay", 66_132, null],
    ]);
  });

  it("says 'at least' for restaurants (7225), whose Hocking County figure BLS did not disclose, and writes no lower bound", async () => {
    const restaurants = await createPartnership(ctx, cookie, {
      name: "Central Ohio Restaurants",
      counties: centralOhio,
      naics: ["7225"],
    });
    const answer = await panel(restaurants.id);
    const year = only(answer.codes[0]);
    expect(year.jobs).toEqual({ value: 58_416, complete: false, undisclosedAreas: 1 });
    expect(year.undisclosedCounties).toEqual(["39073"]);
    expect(year.averagePay!.complete).toBe(false);
    expect(year.locationQuotient!.complete).toBe(false);
    expect(year.establishments).toBe(3_113);
    expect(answer.source).toBe("BLS QCEW, 2020 annual averages; 1 of 5 counties not disclosed");
    // The one-year change leaves Hocking out of both years and says so.
    expect(answer.codes[0].oneYear).toMatchObject({ complete: false, undisclosedAreas: 1, change: -9_940 });
    expect(answer.indicators).toEqual([
      expect.objectContaining({
        key: "qcew_industry_jobs",
        value: null,
        skipped: expect.stringMatching(/1 county did not disclose/),
      }),
      expect.objectContaining({ key: "qcew_industry_establishments", value: 3_113, skipped: null }),
      expect.objectContaining({
        key: "qcew_industry_average_pay",
        value: null,
        skipped:
          "not written: 1 county did not disclose its jobs and wages, so the average covers only the others",
      }),
    ]);
    expect((await qcewValues(restaurants.id)).map((v) => [v.indicator, v.value])).toEqual([
      ["qcew_industry_establishments", 3_113],
    ]);
  });

  it("shows several codes per code and together, counting a code inside another once", async () => {
    const both = await createPartnership(ctx, cookie, {
      name: "Central Ohio Makers and Builders",
      counties: centralOhio,
      naics: ["31-33", "2382", "3363"],
    });
    const answer = await panel(both.id);
    expect(answer.codes.map((c) => [c.code, only(c).jobs?.value])).toEqual([
      ["31-33", 49_200],
      ["2382", 13_213],
      // Motor vehicle parts: Fairfield and Fayette not disclosed.
      ["3363", 2_834],
    ]);
    expect(only(answer.codes[2]).jobs!.complete).toBe(false);
    const together = only(answer.combined);
    // 3363 is inside 31-33: 49,200 + 13,213, complete.
    expect(together.jobs).toEqual({ value: 62_413, complete: true, undisclosedAreas: 0 });
    expect(together.establishments).toBe(1_299 + 731);
    expect(together.averagePay!.value).toBeCloseTo((3_253_691_633 + 905_320_038) / 62_413, 6);
    expect(together.locationQuotient!.value).toBeCloseTo(
      62_413 / 870_961 / ((12_250_702 + 2_211_523) / 140_000_000),
      6,
    );
    expect(answer.notes.join(" ")).toContain("count 3363 once, within 31-33");
    expect((await qcewValues(both.id)).find((v) => v.indicator === "qcew_industry_jobs")?.value).toBe(62_413);
  });

  it("names a code the year's NAICS version does not have (513210 is NAICS 2022; 2020 data is NAICS 2017) instead of showing nothing", async () => {
    await importReferenceFile(
      ctx.deps.db,
      readFileSync(path("reference/census_naics_2022_sample_raw.csv"), "utf8"),
    );
    const software = await createPartnership(ctx, cookie, {
      name: "Central Ohio Software",
      counties: centralOhio,
      naics: ["513210", "5112"],
    });
    const answer = await panel(software.id);
    const year = only(answer.codes[0]);
    expect(year.status).toBe("not_in_version");
    expect(year.notice).toBe(
      "513210 is not a code of NAICS 2017, which the BLS QCEW 2020 figures use, so there are no figures for it in 2020.",
    );
    expect(year.jobs).toBeNull();
    // Software publishers, a 2017 code (gone in 2022): 134 + 24 + 1,265 jobs, Fayette and Hocking have none.
    expect(only(answer.codes[1]).jobs).toEqual({ value: 1_423, complete: true, undisclosedAreas: 0 });
    // Together: the sum says it leaves 513210 out, and no value is written for the year.
    expect(only(answer.combined).notice).toBe(
      "Leaves out 513210: 513210 is not a code of NAICS 2017, which the BLS QCEW 2020 figures use, so there are no figures for it in 2020.",
    );
    expect(answer.indicators.every((i) => i.value === null && i.skipped?.includes("513210"))).toBe(true);
    expect(await qcewValues(software.id)).toEqual([]);
  });

  it("says when the imported files hold no industries at a code's level (the fixtures carry no 6-digit rows)", async () => {
    const hospitals = await createPartnership(ctx, cookie, {
      name: "Central Ohio Hospitals",
      counties: centralOhio,
      naics: ["622110"],
    });
    const year = only((await panel(hospitals.id)).codes[0]);
    expect(year.status).toBe("level_missing");
    expect(year.notice).toContain("hold no 6-digit industries");
  });

  it("feeds the community roll-up as public values: jobs and establishments summed, pay compared", async () => {
    const res = await ctx.app.inject({ url: "/api/community/rollup?period=2020" });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{
      items: { indicator: string; reporting: number; total: number | null; median: number | null }[];
    }>().items;
    const of = (key: string) => items.find((i) => i.indicator === key);
    // Manufacturing 49,200 and makers and builders 62,413; restaurants, software and hospitals wrote no jobs.
    expect(of("qcew_industry_jobs")).toMatchObject({ reporting: 2, total: 111_613 });
    // 1,299 + 3,113 (restaurants) + 2,030.
    expect(of("qcew_industry_establishments")).toMatchObject({ reporting: 3, total: 6_442 });
    expect(of("qcew_industry_average_pay")).toMatchObject({
      reporting: 2,
      total: null,
      median: (66_132 + 66_637) / 2,
    });
  });

  it("follows a change of counties: Franklin alone", async () => {
    const current = await ctx.app.inject({ url: `/api/partnerships/${manufacturing.id}` });
    const res = await ctx.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${manufacturing.id}`,
      headers: { cookie },
      payload: { version: current.json<{ version: number }>().version, counties: ["39049"] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const values = await qcewValues(manufacturing.id);
    expect(values.map((v) => [v.indicator, v.value])).toEqual([
      ["qcew_industry_average_pay", Math.round(2_460_707_998 / 36_262)],
      ["qcew_industry_establishments", 974],
      ["qcew_industry_jobs", 36_262],
    ]);
  });

  it("remembers the values it deletes when a partnership's codes no longer have figures, for a sync to learn", async () => {
    const moving = await createPartnership(ctx, cookie, {
      name: "Central Ohio Makers",
      counties: centralOhio,
      naics: ["31-33"],
    });
    const written = await qcewValues(moving.id);
    expect(written).toHaveLength(3);
    const current = await ctx.app.inject({ url: `/api/partnerships/${moving.id}` });
    const res = await ctx.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${moving.id}`,
      headers: { cookie },
      // The fixtures hold no 6-digit industries: automobile manufacturing has no figures, the values go.
      payload: { version: current.json<{ version: number }>().version, naics: ["336111"] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await qcewValues(moving.id)).toEqual([]);
    const deletions = await queryRows<{ visibility: string }>(
      ctx.deps.db,
      sql`select visibility from measurement_deletions where partnership_id = ${moving.id}`,
    );
    expect(deletions.map((d) => d.visibility)).toEqual(["public", "public", "public"]);
  });

  it("refuses a hand-entered value of a BLS QCEW indicator (400 naming it), by JSON and by CSV", async () => {
    const res = await ctx.app.inject({
      method: "PUT",
      url: `/api/partnerships/${manufacturing.id}/measurements`,
      headers: { cookie },
      payload: {
        items: [
          { indicator: "qcew_industry_jobs", kind: "actual", period: "2020", value: 1, visibility: "public" },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json<{ errors: { field: string; message: string }[] }>().errors).toEqual([
      {
        field: "items.0.indicator",
        message:
          "Jobs in the industry in the region (BLS QCEW) comes from BLS QCEW: Shared Table computes it from the imported files, so it cannot be entered by hand",
      },
    ]);
    const csv = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${manufacturing.id}/measurements/import`,
      headers: { cookie, "content-type": "text/csv" },
      payload: "indicator,kind,period,value,visibility\nqcew_industry_establishments,actual,2020,5,public\n",
    });
    expect(csv.statusCode, csv.body).toBe(400);
    expect(csv.body).toContain("comes from BLS QCEW");
    expect(
      (await qcewValues(manufacturing.id)).find((v) => v.indicator === "qcew_industry_jobs")?.value,
    ).toBe(36_262);
  });
});

describe("over two imported years of different NAICS versions", () => {
  it("gives the change between the years, a value per year, and names codes by each year's version", async () => {
    // A made-up 2022 for the test: Franklin's 2020 file with the year changed and its private
    // manufacturing 37,000 jobs instead of 36,262. 2022 data is coded in NAICS 2022, whose
    // codes are known here from the Census 2022 sample imported above.
    const [header, ...lines] = readFileSync(path("qcew/morpc-qcew-2020-a-39049.csv"), "utf8")
      .trim()
      .split("\n");
    const body = lines.map((line) => {
      const cells = line.split(",");
      cells[5] = "2022";
      if (cells[1] === "5" && cells[2] === "31-33") cells[9] = "37000";
      return cells.join(",");
    });
    await importQcewStream(ctx.deps, Readable.from([[header, ...body].join("\n")]), {
      fileName: "2022-morpc-qcew-2020-a-39049.csv",
      via: "cli",
    });

    // Manufacturing, now in Franklin County alone.
    const answer = await panel(manufacturing.id);
    expect(answer.years).toEqual([2020, 2022]);
    expect(answer.source).toBe("BLS QCEW, 2022 annual averages");
    const [code] = answer.codes;
    expect(code.years.map((y) => [y.year, y.naicsVersion, y.jobs?.value])).toEqual([
      [2020, 2017, 36_262],
      [2022, 2022, 37_000],
    ]);
    expect(code.overYears).toMatchObject({
      fromYear: 2020,
      toYear: 2022,
      earlier: 36_262,
      later: 37_000,
      change: 738,
    });
    expect(
      (await qcewValues(manufacturing.id))
        .filter((v) => v.indicator === "qcew_industry_jobs")
        .map((v) => [v.period, v.value]),
    ).toEqual([
      ["2020", 36_262],
      ["2022", 37_000],
    ]);

    // 5112 (software publishers) is gone from NAICS 2022; 513210 took its place.
    const software = await ctx.app.inject({
      url: "/api/partnerships/central-ohio-software/regional-economy",
    });
    expect(software.statusCode, software.body).toBe(200);
    const bySoftware = software.json<PartnershipEconomy>();
    const publishers = bySoftware.codes.find((c) => c.code === "5112")!;
    expect(publishers.years.map((y) => [y.year, y.status])).toEqual([
      [2020, "figures"],
      [2022, "not_in_version"],
    ]);
    expect(publishers.years[1].notice).toBe(
      "5112 is not a code of NAICS 2022, which the BLS QCEW 2022 figures use, so there are no figures for it in 2022.",
    );
    // In 2022 the code exists; the made-up file, cut like the fixtures, has no 6-digit rows.
    expect(bySoftware.codes.find((c) => c.code === "513210")!.years.map((y) => y.status)).toEqual([
      "not_in_version",
      "level_missing",
    ]);
    expect(bySoftware.notes.join(" ")).toContain(
      "No BLS QCEW figures for 2022 are imported for 39041, 39045, 39047, 39073",
    );
  });
});
