import { describe, expect, it } from "vitest";
import { counterpartAgglvl } from "./levels.js";
import { locationQuotient } from "./location-quotient.js";
import { knownSum, sumOverAreas } from "./region.js";
import type { QcewRow } from "./rows.js";
import { CENTRAL_OHIO, DERIVED_US_FILE, annualCountyFile, fixtureRows } from "./testing.js";

const us = fixtureRows(DERIVED_US_FILE);
const usKey = (ownCode: number, industryCode: string, agglvl: number) =>
  `${ownCode}|${industryCode}|${agglvl}`;
const usByKey = new Map(us.map((r) => [usKey(r.ownCode, r.industryCode, r.agglvlCode), r]));
const usTotal = usByKey.get(usKey(0, "10", 10))?.employment ?? null;
const usRowFor = (row: QcewRow) =>
  usByKey.get(usKey(row.ownCode, row.industryCode, counterpartAgglvl(row.agglvlCode, "national") ?? -1));

const countyRows = Object.fromEntries(
  Object.values(CENTRAL_OHIO).map((fips) => [fips, fixtureRows(annualCountyFile(fips))]),
) as Record<string, QcewRow[]>;
const countyTotal = (fips: string) => countyRows[fips].find((r) => r.agglvlCode === 70)!;
const franklinLq = new Map(
  countyRows[CENTRAL_OHIO.franklin].map((r) => [
    `${r.ownCode}|${r.industryCode}|${r.agglvlCode}`,
    r.lqEmployment,
  ]),
);

/** Our LQ of one county's row against the derived national file, with BLS's base. */
function countyLq(row: QcewRow) {
  return locationQuotient({
    regionIndustry: sumOverAreas([{ areaFips: row.areaFips, value: row.employment }]),
    regionTotal: sumOverAreas([{ areaFips: row.areaFips, value: countyTotal(row.areaFips).employment }]),
    usIndustry: usRowFor(row)?.employment ?? null,
    usTotal,
  });
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

describe("location quotient against BLS's own lq_annual_avg_emplvl", () => {
  const others = [CENTRAL_OHIO.delaware, CENTRAL_OHIO.fairfield, CENTRAL_OHIO.fayette, CENTRAL_OHIO.hocking];
  const compared = others.flatMap((fips) =>
    countyRows[fips]
      .filter(
        (r) => r.disclosed && r.lqEmployment !== null && r.lqEmployment > 0 && usRowFor(r) !== undefined,
      )
      .map((row) => {
        const published = row.lqEmployment!;
        const ours = countyLq(row);
        const franklin = franklinLq.get(`${row.ownCode}|${row.industryCode}|${row.agglvlCode}`)!;
        return {
          row,
          published,
          ours,
          error: Math.abs(ours.value! / published - 1),
          // BLS rounds both LQs to two decimals: 0.05 stands for 0.045-0.055, itself up to 10% off.
          roundingSlack: 0.005 / published + 0.005 / franklin,
        };
      }),
  );

  it("compares every disclosed row of the other four counties that the national file has", () => {
    expect(compared).toHaveLength(485);
    expect(new Set(compared.map((c) => c.row.areaFips)).size).toBe(4);
    expect(compared.every((c) => c.ours.complete && c.ours.value !== null)).toBe(true);
  });

  it("matches within 3% on every row (beyond BLS's two-decimal rounding), to a median of about 0.4%", () => {
    const errors = compared.map((c) => c.error);
    const medianError = median(errors);
    console.log(`LQ vs BLS: ${compared.length} rows, median error ${(medianError * 100).toFixed(2)}%`);
    expect(medianError).toBeGreaterThan(0.002);
    expect(medianError).toBeLessThan(0.006);
    const outside = compared.filter((c) => c.error > 0.03 + c.roundingSlack);
    expect(outside.map((c) => `${c.row.areaFips} ${c.row.ownCode} ${c.row.industryCode}`)).toEqual([]);
    // Where both published LQs are 0.5 or more, rounding is under 2%: plain 3% holds.
    const wellRounded = compared.filter((c) => c.roundingSlack <= 0.02);
    expect(wellRounded.length).toBeGreaterThan(300);
    expect(wellRounded.filter((c) => c.error > 0.03)).toEqual([]);
  });

  it("fails when the base is the ownership's own total instead of all ownerships (the check can fail)", () => {
    const ownTotal = (fips: string, own: number) =>
      countyRows[fips].find((r) => r.agglvlCode === 71 && r.ownCode === own)?.employment ?? null;
    const usOwnTotal = (own: number) => usByKey.get(usKey(own, "10", 11))?.employment ?? null;
    const wrong = compared.filter((c) => {
      if (c.row.agglvlCode === 71) return false;
      const lq = locationQuotient({
        regionIndustry: knownSum(c.row.employment!),
        regionTotal: knownSum(ownTotal(c.row.areaFips, c.row.ownCode)!),
        usIndustry: usRowFor(c.row)!.employment,
        usTotal: usOwnTotal(c.row.ownCode),
      });
      return Math.abs(lq.value! / c.published - 1) > 0.03 + c.roundingSlack;
    });
    expect(wrong.length).toBeGreaterThan(200);
  });

  it("is null without a US figure, with a US share of 0, or with no jobs in the region", () => {
    const one = knownSum(10);
    expect(
      locationQuotient({ regionIndustry: one, regionTotal: one, usIndustry: null, usTotal: 100 }).value,
    ).toBeNull();
    expect(
      locationQuotient({ regionIndustry: one, regionTotal: one, usIndustry: 0, usTotal: 100 }).value,
    ).toBeNull();
    expect(
      locationQuotient({ regionIndustry: one, regionTotal: one, usIndustry: 5, usTotal: null }).value,
    ).toBeNull();
    expect(
      locationQuotient({ regionIndustry: knownSum(0), regionTotal: knownSum(0), usIndustry: 5, usTotal: 100 })
        .value,
    ).toBeNull();
    // (30 / 120) / (5 / 100) = 5
    expect(
      locationQuotient({
        regionIndustry: knownSum(30),
        regionTotal: knownSum(120),
        usIndustry: 5,
        usTotal: 100,
      }),
    ).toEqual({ value: 5, complete: true, undisclosedAreas: 0 });
  });
});

describe("a region of five counties with a suppressed county", () => {
  const counties = Object.values(CENTRAL_OHIO);
  const regionTotal = sumOverAreas(
    counties.map((fips) => ({ areaFips: fips, value: countyTotal(fips).employment })),
  );
  const industryCells = (own: number, code: string) =>
    counties.flatMap((fips) =>
      countyRows[fips]
        .filter((r) => r.ownCode === own && r.industryCode === code)
        .map((r) => ({
          areaFips: r.areaFips,
          value: r.employment,
        })),
    );

  it("sums all-ownership jobs of Central Ohio completely", () => {
    // 84,743 + 42,120 + 10,609 + 727,016 + 6,473
    expect(regionTotal).toEqual({ value: 870961, complete: true, undisclosedAreas: 0 });
  });

  it("health care and social assistance (private, 62) is not disclosed in Fayette: at least 123,742 jobs, LQ incomplete", () => {
    const cells = industryCells(5, "62");
    expect(cells.find((c) => c.areaFips === CENTRAL_OHIO.fayette)).toEqual({
      areaFips: "39047",
      value: null,
    });
    const jobs = sumOverAreas(cells);
    // 8,451 + 7,154 + 107,498 + 639, Fayette unknown (BLS published 0 with code N)
    expect(jobs).toEqual({ value: 123742, complete: false, undisclosedAreas: 1 });
    const lq = locationQuotient({
      regionIndustry: jobs,
      regionTotal,
      usIndustry: usByKey.get(usKey(5, "62", 14))!.employment,
      usTotal,
    });
    // (123,742 / 870,961) / (19,714,926 / 140,000,000)
    expect(lq.value).toBeCloseTo(1.0089074, 6);
    expect(lq.complete).toBe(false);
    expect(lq.undisclosedAreas).toBe(1);
  });

  it("restaurants (private, 7225) are not disclosed in Hocking: at least 58,416 jobs", () => {
    const jobs = sumOverAreas(industryCells(5, "7225"));
    expect(jobs).toEqual({ value: 58416, complete: false, undisclosedAreas: 1 });
    const lq = locationQuotient({ regionIndustry: jobs, regionTotal, usIndustry: 9012591, usTotal });
    expect(lq.value).toBeCloseTo(1.0418651, 6);
    expect(lq.complete).toBe(false);
  });

  it("counts a county once however many of its rows are undisclosed", () => {
    expect(
      sumOverAreas([
        { areaFips: "39047", value: null },
        { areaFips: "39047", value: null },
        { areaFips: "39041", value: 5 },
        { areaFips: "39041", value: 7 },
      ]),
    ).toEqual({ value: 12, complete: false, undisclosedAreas: 1 });
  });
});
