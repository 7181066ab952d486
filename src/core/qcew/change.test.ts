import { describe, expect, it } from "vitest";
import { changeBetween, otyChangeOverAreas } from "./change.js";
import { CENTRAL_OHIO, annualCountyFile, fixtureRows } from "./testing.js";

const counties = Object.values(CENTRAL_OHIO);
const rows = counties.flatMap((fips) => fixtureRows(annualCountyFile(fips)));
const otyCells = (own: number, industry: string) =>
  rows
    .filter((r) => r.ownCode === own && r.industryCode === industry)
    .map((r) => ({ areaFips: r.areaFips, current: r.employment, change: r.otyEmploymentChg }));

describe("over-the-year change from BLS's oty_ columns", () => {
  it("Central Ohio lost 46,756 jobs from 2019 to 2020 (-5.09%)", () => {
    // 2020: 84,743 + 42,120 + 10,609 + 727,016 + 6,473 = 870,961
    // change: -5,784 - 1,928 - 525 - 38,413 - 106 = -46,756; 2019 = 917,717
    const result = otyChangeOverAreas(otyCells(0, "10"));
    expect(result).toMatchObject({
      earlier: 917717,
      later: 870961,
      change: -46756,
      complete: true,
      undisclosedAreas: 0,
    });
    expect(result.percent).toBeCloseTo(-5.0948168, 6);
  });

  it("Franklin County's own figure agrees with BLS's percent (-5.0)", () => {
    const result = otyChangeOverAreas(otyCells(0, "10").filter((c) => c.areaFips === CENTRAL_OHIO.franklin));
    expect(result.earlier).toBe(765429);
    expect(Number(result.percent!.toFixed(1))).toBe(-5);
  });

  it("leaves out counties whose figure or change is undisclosed, and says how many", () => {
    // Private health care (62): Fayette not disclosed; Hocking's 639 jobs disclosed but its
    // over-the-year change not. Counted: Delaware 8,451 (-103), Fairfield 7,154 (-274),
    // Franklin 107,498 (-6,643).
    const result = otyChangeOverAreas(otyCells(5, "62"));
    expect(result).toMatchObject({
      earlier: 130123,
      later: 123103,
      change: -7020,
      complete: false,
      undisclosedAreas: 2,
    });
    expect(result.percent).toBeCloseTo(-5.3948956, 6);
  });
});

describe("change between two imported years", () => {
  it("matches counties, counts a county without a row as a true zero and leaves out undisclosed ones", () => {
    const result = changeBetween(
      [
        { areaFips: "39041", value: 100 },
        { areaFips: "39045", value: 50 },
        { areaFips: "39047", value: 30 },
      ],
      [
        { areaFips: "39041", value: 130 },
        { areaFips: "39047", value: null },
        { areaFips: "39073", value: 5 },
      ],
    );
    // 39041 100 -> 130, 39045 50 -> 0 (no row: no establishments), 39073 0 -> 5, 39047 left out
    expect(result).toEqual({
      earlier: 150,
      later: 135,
      change: -15,
      percent: -10,
      complete: false,
      undisclosedAreas: 1,
    });
  });

  it("has no percent when the earlier value is zero", () => {
    expect(changeBetween([], [{ areaFips: "39041", value: 7 }])).toMatchObject({
      change: 7,
      percent: null,
      complete: true,
    });
  });
});
