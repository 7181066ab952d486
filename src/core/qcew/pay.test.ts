import { describe, expect, it } from "vitest";
import { averagePay, payRatio, weeklyWage } from "./pay.js";
import { sumOverAreas } from "./region.js";
import { CENTRAL_OHIO, annualCountyFile, fixtureRows } from "./testing.js";

const rows = Object.values(CENTRAL_OHIO).flatMap((fips) => fixtureRows(annualCountyFile(fips)));
const region = (pick: (r: (typeof rows)[number]) => boolean) => {
  const chosen = rows.filter(pick);
  return averagePay(
    sumOverAreas(chosen.map((r) => ({ areaFips: r.areaFips, value: r.totalWages }))),
    sumOverAreas(chosen.map((r) => ({ areaFips: r.areaFips, value: r.employment }))),
  );
};

describe("average pay", () => {
  it("reproduces BLS's avg_annual_pay and weekly wage for Franklin County", () => {
    const franklin = region((r) => r.areaFips === CENTRAL_OHIO.franklin && r.agglvlCode === 70);
    // 45,718,355,278 / 727,016 = 62,884.94; BLS publishes 62,885 and 1,209 a week
    expect(Math.round(franklin.value!)).toBe(62885);
    expect(Math.round(weeklyWage(franklin.value!, "annual"))).toBe(1209);
  });

  it("averages a region over its jobs, not over its counties' averages", () => {
    const all = region((r) => r.agglvlCode === 70);
    // 53,482,188,812 / 870,961
    expect(all).toEqual({ value: 53482188812 / 870961, complete: true, undisclosedAreas: 0 });
    expect(all.value).toBeCloseTo(61405.95, 2);
  });

  it("compares an industry's pay with the region's, incomplete when a county is undisclosed", () => {
    const all = region((r) => r.agglvlCode === 70);
    const health = region((r) => r.ownCode === 5 && r.industryCode === "62");
    // 6,481,319,687 / 123,742 (Fayette not disclosed)
    expect(health.value).toBeCloseTo(52377.69, 2);
    expect(health.complete).toBe(false);
    expect(health.undisclosedAreas).toBe(1);
    const ratio = payRatio(health, all);
    expect(ratio.value).toBeCloseTo(0.852974, 6);
    expect(ratio.complete).toBe(false);
  });

  it("has no average without jobs", () => {
    expect(averagePay(sumOverAreas([]), sumOverAreas([])).value).toBeNull();
    expect(
      payRatio(
        { value: null, complete: true, undisclosedAreas: 0 },
        { value: 5, complete: true, undisclosedAreas: 0 },
      ).value,
    ).toBeNull();
    expect(weeklyWage(1300, "quarterly")).toBe(100);
  });
});
