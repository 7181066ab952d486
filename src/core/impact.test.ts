import { describe, expect, it } from "vitest";
import {
  allowedRange,
  benchmarkOf,
  changeAgainstBaseline,
  comparePeriods,
  histogram,
  indicatorBody,
  parseNumber,
  parsePeriod,
  percentileAmong,
  percentileCont,
  quartiles,
  rollupOf,
  valueProblem,
} from "./impact.js";

describe("quartiles (linear interpolation, as percentile_cont)", () => {
  it("answers exact values on an odd count", () => {
    expect(quartiles([5, 1, 4, 2, 3])).toEqual({ q1: 2, median: 3, q3: 4 });
  });
  it("interpolates between ranks on an even count", () => {
    expect(quartiles([40, 10, 30, 20])).toEqual({ q1: 17.5, median: 25, q3: 32.5 });
  });
  it("interpolates on uneven gaps", () => {
    // positions 1.25, 2.5 and 3.75 of [1, 2, 4, 8, 16, 32]; PostgreSQL answers {1.5,2.5,6,14}
    expect(quartiles([32, 16, 8, 4, 2, 1])).toEqual({ q1: 2.5, median: 6, q3: 14 });
    expect(percentileCont([1, 2, 4, 8, 16, 32], 0.1)).toBeCloseTo(1.5, 10);
  });
  it("has one value for one peer and none for none", () => {
    expect(quartiles([7])).toEqual({ q1: 7, median: 7, q3: 7 });
    expect(quartiles([])).toBeNull();
  });
});

describe("percentile among peers", () => {
  const peers = [10, 20, 30, 30, 40];
  it("counts half of the ties", () => {
    // better than 10 and 20, ties two: (2 + 1) / 5
    expect(percentileAmong(30, peers, "higher")).toBe(60);
  });
  it("follows the direction when lower is better", () => {
    // better than 40 only, ties two: (1 + 1) / 5
    expect(percentileAmong(30, peers, "lower")).toBe(40);
    expect(percentileAmong(5, peers, "lower")).toBe(100);
    expect(percentileAmong(5, peers, "higher")).toBe(0);
  });
  it("answers 50 when every peer ties", () => {
    expect(percentileAmong(3, [3, 3, 3, 3, 3], "higher")).toBe(50);
  });
});

describe("benchmark suppression", () => {
  it("shows only the count with 4 peers", () => {
    expect(benchmarkOf(12, [1, 2, 3, 4], "higher")).toEqual({ peers: 4, suppressed: true });
  });
  it("shows the numbers with 5 peers", () => {
    const b = benchmarkOf(25, [10, 20, 30, 40, 50], "higher");
    expect(b).toMatchObject({ peers: 5, suppressed: false, q1: 20, median: 30, q3: 40, value: 25 });
    expect(b.suppressed === false && b.percentile).toBe(40);
  });
  it("has no percentile without an own value", () => {
    const b = benchmarkOf(null, [1, 2, 3, 4, 5], "lower");
    expect(b).toMatchObject({ suppressed: false, value: null, percentile: null });
  });
});

describe("roll-up rules", () => {
  it("sums counts and dollars", () => {
    expect(rollupOf([3, 4, 5.5], "sum")).toEqual({ rule: "sum", reporting: 3, total: 12.5 });
  });
  it("compares rates with median and quartiles, never sums", () => {
    expect(rollupOf([80, 60, 90, 70], "compare")).toEqual({
      rule: "compare",
      reporting: 4,
      q1: 67.5,
      median: 75,
      q3: 82.5,
    });
    expect(rollupOf([], "compare")).toEqual({
      rule: "compare",
      reporting: 0,
      q1: null,
      median: null,
      q3: null,
    });
  });
  it("refuses to sum percents or days in the catalog", () => {
    const body = {
      key: "x_rate",
      name: "Some rate",
      area: "businesses",
      unit: "percent",
      direction: "higher",
    };
    expect(indicatorBody.safeParse({ ...body, rollup: "sum" }).success).toBe(false);
    expect(indicatorBody.safeParse({ ...body, rollup: "compare" }).success).toBe(true);
  });
});

describe("periods and values", () => {
  it("reads years and quarters only", () => {
    expect(parsePeriod("2025")).toEqual({ year: 2025, quarter: null });
    expect(parsePeriod("2025-Q3")).toEqual({ year: 2025, quarter: 3 });
    for (const bad of ["2025-Q5", "25", "2025Q3", "2025-q3", "2025-03", "1200"])
      expect(parsePeriod(bad)).toBeNull();
    expect(["2025", "2024", "2025-Q1", "2024-Q4"].sort(comparePeriods)).toEqual([
      "2024-Q4",
      "2024",
      "2025-Q1",
      "2025",
    ]);
  });
  it("checks values against the unit", () => {
    expect(valueProblem("percent", 100)).toBeNull();
    expect(valueProblem("percent", 100.5)).toMatch(/between 0 and 100/);
    expect(valueProblem("percent", -1)).toMatch(/between 0 and 100/);
    expect(valueProblem("count", -1)).toMatch(/negative/);
    expect(valueProblem("count", 1.5)).toMatch(/whole number/);
    expect(valueProblem("dollars", 1250.5)).toBeNull();
    expect(valueProblem("days", Number.NaN)).toMatch(/number/);
  });
  it("bounds every value by its unit, so no total can overflow", () => {
    expect(valueProblem("count", 1e9)).toBeNull();
    expect(valueProblem("count", 1e9 + 1)).toBe("must be at most 1,000,000,000 (a count)");
    expect(valueProblem("count", 1.7e308)).toMatch(/at most 1,000,000,000/);
    expect(valueProblem("percent", 1.7e308)).toMatch(/between 0 and 100/);
    expect(valueProblem("days", 3650)).toBeNull();
    expect(valueProblem("days", 12.5)).toBeNull();
    expect(valueProblem("days", 3651)).toBe("must be at most 3,650 (days)");
    expect(valueProblem("days", -1)).toMatch(/negative/);
    expect(valueProblem("dollars", 1e12)).toBeNull();
    expect(valueProblem("dollars", 1e12 + 1)).toBe("must be at most 1,000,000,000,000 (dollars)");
    expect(valueProblem("dollars", 1250.25)).toBeNull();
    expect(valueProblem("dollars", 19.99)).toBeNull();
    expect(valueProblem("dollars", 1250.255)).toBe("must have at most 2 decimals (cents)");
    expect(valueProblem("dollars", 999_999_999_999.99)).toBeNull();
    expect(valueProblem("count", Number.POSITIVE_INFINITY)).toMatch(/at most/);
    expect(valueProblem("dollars", Number.NEGATIVE_INFINITY)).toMatch(/negative/);
  });
  it("reads numbers as people type them", () => {
    expect(parseNumber("1,250")).toBe(1250);
    expect(parseNumber("$3,000.50")).toBe(3000.5);
    expect(parseNumber("45%")).toBe(45);
    expect(parseNumber("-2")).toBe(-2);
    expect(parseNumber("twelve")).toBeNull();
    expect(parseNumber("")).toBeNull();
  });
  it("measures change against the baseline in the good direction", () => {
    expect(changeAgainstBaseline(40, 30, "lower")).toEqual({ change: -10, relative: -25, improved: true });
    expect(changeAgainstBaseline(40, 30, "higher")).toMatchObject({ improved: false });
    expect(changeAgainstBaseline(0, 5, "higher")).toEqual({ change: 5, relative: null, improved: true });
    expect(changeAgainstBaseline(null, 5, "higher")).toBeNull();
  });
  it("bins the distribution", () => {
    const bins = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 10]);
    expect(bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 2, 2],
      [2, 4, 2],
      [4, 6, 2],
      [6, 8, 2],
      [8, 10, 2],
    ]);
  });
  it("bins at round edges that people can read, never more bins than asked", () => {
    expect(histogram([97.3, 120, 180, 214.6, 150]).map((b) => [b.from, b.to, b.count])).toEqual([
      [50, 100, 1],
      [100, 150, 1],
      [150, 200, 2],
      [200, 250, 1],
    ]);
    // 0.6 / 0.2 is 2.9999999999999996 in floats: the value still opens its own bin.
    const tenths = [0, 0.2, 0.4, 0.6, 0.8, ...Array.from({ length: 20 }, () => 1)];
    expect(histogram(tenths).map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 0.2, 1],
      [0.2, 0.4, 1],
      [0.4, 0.6, 1],
      [0.6, 0.8, 1],
      [0.8, 1, 21],
    ]);
    const many = histogram(
      Array.from({ length: 400 }, (_, i) => 3 + i * 1.37),
      10,
    );
    expect(many.length).toBeLessThanOrEqual(10);
    expect(many.reduce((s, b) => s + b.count, 0)).toBe(400);
    expect(histogram([7, 7, 7])).toEqual([{ from: 7, to: 7, count: 3 }]);
  });
  it("says what each unit allows", () => {
    expect(allowedRange("count")).toBe("a whole number from 0 to 1,000,000,000");
    expect(allowedRange("percent")).toBe("a percent from 0 to 100");
    expect(allowedRange("days")).toBe("days from 0 to 3,650");
    expect(allowedRange("dollars")).toBe("dollars from $0 to $1,000,000,000,000, cents allowed");
  });
});
