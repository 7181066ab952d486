import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IndustryRanking } from "../../../core/qcew/ranking.js";
import type { RegionEconomy } from "../../../core/qcew/profile.js";
import { createTestContext, type TestContext } from "../../test-support.js";
import { importQcewFile } from "../qcew/import.js";

// The fixtures hold sectors and 4-digit industry groups. Real BLS 2020 area files of five Central Ohio counties and the derived national stand-in (fixtures/README.md).
const fixtures = new URL("../../../../fixtures/qcew/", import.meta.url);
const path = (name: string) => new URL(name, fixtures).pathname;
const centralOhio = ["39041", "39045", "39047", "39049", "39073"].join(",");

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  for (const fips of centralOhio.split(","))
    await importQcewFile(ctx.deps, path(`morpc-qcew-2020-a-${fips}.csv`), { via: "cli" });
});
afterAll(() => ctx.close());

const get = (query: string) => ctx.app.inject({ url: `/api/regions/ranking?${query}` });
async function ranking(query: string): Promise<IndustryRanking> {
  const res = await get(query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<IndustryRanking>();
}
async function economy(query: string): Promise<RegionEconomy> {
  const res = await ctx.app.inject({ url: `/api/regions/economy?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RegionEconomy>();
}

describe("GET /api/regions/ranking", () => {
  it("answers 400 naming the field for bad input, and 404 when nothing is imported", async () => {
    for (const [query, field] of [
      ["concentration=6", "concentration"],
      ["size=-1", "size"],
      ["growth=two", "growth"],
      ["pay=1.5", "pay"],
      ["minJobs=-5", "minJobs"],
      ["concentration=0&size=0&growth=0&pay=0", "concentration"],
      ["level=2", "level"],
      ["colour=red", "colour"],
    ] as const) {
      const res = await get(`counties=${centralOhio}&${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(res.body, query).toContain(field);
    }
    const none = await get("");
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("counties");
    const notImported = await get("counties=08031");
    expect(notImported.statusCode).toBe(404);
    expect(notImported.json<{ detail: string }>().detail).toMatch(/No BLS QCEW figures are imported/);
  });

  it("without the national file: says concentration is missing for every industry, never zero", async () => {
    const r = await ranking(`counties=${centralOhio}&level=4`);
    expect(r.candidates).toBeGreaterThan(200);
    expect(r.missing.concentration).toBe(r.candidates);
    for (const row of r.rows) {
      expect(row.criteria.concentration.value).toBeNull();
      expect(row.criteria.concentration.score).toBeNull();
      expect(row.criteria.concentration.missing).toMatch(/national file \(US000\) for 2020 is not imported/);
      expect(row.criteriaUsed).toBeLessThanOrEqual(3);
    }
    expect(r.notes.join(" ")).toMatch(/concentration is left out/);
  });

  describe("with the national file", () => {
    beforeAll(async () => {
      await importQcewFile(ctx.deps, path("derived-US000-2020-a.csv"), { via: "cli" });
    });

    it("ranks Central Ohio's 4-digit industries and marks and counts the incomplete ones (restaurants, Hocking not disclosed)", async () => {
      const r = await ranking(`counties=${centralOhio}&level=4`);
      const p = await economy(`counties=${centralOhio}&level=4`);
      expect(r.year).toBe(2020);
      expect(r.level).toBe("4");
      expect(r.weights).toEqual({ concentration: 3, size: 2, growth: 2, pay: 2 });
      expect(r.growthBasis).toBe("one-year");
      expect(r.growthFromYear).toBe(2019);
      expect(r.candidates).toBe(p.industries.length);
      expect(r.rows.map((x) => x.rank)).toEqual(r.rows.map((_, i) => i + 1));
      const restaurants = r.rows.find((x) => x.code === "7225")!;
      expect(restaurants.complete).toBe(false);
      expect(restaurants.criteria.size).toMatchObject({ value: 58_416, complete: false });
      expect(restaurants.partnership).toEqual({ code: "7225", widened: false });
      const incompleteInProfile = p.industries.filter(
        (i) =>
          !i.jobs.complete ||
          !i.locationQuotient.complete ||
          !i.payRatio.complete ||
          (i.oneYear !== null && !i.oneYear.complete),
      ).length;
      expect(r.incomplete).toBe(incompleteInProfile);
      expect(r.incomplete).toBeGreaterThan(0);
      // Scores descend.
      const scores = r.rows.map((x) => x.score ?? -1);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(r.normalization).toMatch(/0 to 100/);
    });

    it("concentration alone puts the region's highest location quotient first with 100, the lowest last with 0", async () => {
      const r = await ranking(`counties=${centralOhio}&level=4&concentration=5&size=0&growth=0&pay=0`);
      const p = await economy(`counties=${centralOhio}&level=4`);
      const withLq = p.industries.filter((i) => i.locationQuotient.value !== null);
      const highest = withLq.reduce((a, b) =>
        b.locationQuotient.value! > a.locationQuotient.value! ? b : a,
      );
      const lowest = withLq.reduce((a, b) => (b.locationQuotient.value! < a.locationQuotient.value! ? b : a));
      expect(r.rows[0].code).toBe(highest.code);
      expect(r.rows[0].score).toBe(100);
      expect(r.rows[0].criteria.concentration.value).toBe(highest.locationQuotient.value);
      const last = r.rows.filter((x) => x.score !== null).at(-1)!;
      expect(last.criteria.concentration.value).toBe(lowest.locationQuotient.value);
      expect(last.score).toBe(0);
      expect(r.rows[0].criteriaWeighted).toBe(1);
    });

    it("keeps only industries with at least minJobs jobs", async () => {
      const p = await economy(`counties=${centralOhio}&level=4`);
      const r = await ranking(`counties=${centralOhio}&level=4&minJobs=5000`);
      expect(r.industries).toBe(p.industries.length);
      expect(r.candidates).toBe(p.industries.filter((i) => i.jobs.value >= 5000).length);
      expect(r.candidates).toBeLessThan(r.industries);
      expect(r.rows.every((x) => (x.criteria.size.value ?? 0) >= 5000)).toBe(true);
      expect(r.minJobs).toBe(5000);
    });

    it("sectors map to a code a partnership accepts (31-33 stays 31-33)", async () => {
      const r = await ranking(`counties=${centralOhio}&level=sector`);
      expect(r.rows.find((x) => x.code === "31-33")?.partnership).toEqual({ code: "31-33", widened: false });
    });
  });
});
