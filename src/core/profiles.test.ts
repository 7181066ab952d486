import { describe, expect, it } from "vitest";
import { indicatorTrend, profileCompareQuery, profileListQuery } from "./profiles.js";

describe("an indicator's trend on a profile", () => {
  it("compares the latest value with the one a year before, the good way for the direction", () => {
    const values = [
      { period: "2025", value: 48 },
      { period: "2023", value: 70 },
      { period: "2024", value: 60 },
    ];
    expect(indicatorTrend(values, "lower")).toEqual({
      latest: { period: "2025", value: 48 },
      yearBefore: { period: "2024", value: 60 },
      first: { period: "2023", value: 70 },
      basis: "year_before",
      change: -12,
      trend: "better",
    });
    expect(indicatorTrend(values, "higher").trend).toBe("worse");
  });

  it("finds the same quarter a year before, and falls back on the first value within a year", () => {
    const quarters = [
      { period: "2024-Q2", value: 10 },
      { period: "2024-Q3", value: 11 },
      { period: "2025-Q2", value: 15 },
      { period: "2025-Q3", value: 14 },
    ];
    expect(indicatorTrend(quarters, "higher")).toMatchObject({
      latest: { period: "2025-Q3", value: 14 },
      yearBefore: { period: "2024-Q3", value: 11 },
      change: 3,
    });
    // A year counts as its last quarter: 2024 is a year before 2025-Q4, not before 2025-Q3.
    expect(
      indicatorTrend(
        [
          { period: "2024", value: 8 },
          { period: "2025-Q3", value: 8 },
        ],
        "higher",
      ),
    ).toMatchObject({ yearBefore: null, basis: "first", change: 0, trend: "steady" });
  });

  it("shows a single value without a trend, and nothing without values", () => {
    expect(indicatorTrend([{ period: "2025", value: 3 }], "higher")).toEqual({
      latest: { period: "2025", value: 3 },
      yearBefore: null,
      first: null,
      basis: null,
      change: null,
      trend: null,
    });
    expect(indicatorTrend([], "higher").latest).toBeNull();
  });
});

describe("the profile queries", () => {
  it("reads a state in any case and refuses a sector that is not one", () => {
    expect(profileListQuery.parse({ state: "oh" })).toEqual({ state: "OH" });
    expect(profileListQuery.safeParse({ industry: "31" }).success).toBe(false);
  });

  it("takes 2 or 3 distinct ids or slugs", () => {
    expect(profileCompareQuery.parse({ ids: "a-b, c-d" }).ids).toEqual(["a-b", "c-d"]);
    expect(profileCompareQuery.safeParse({ ids: "a" }).success).toBe(false);
    expect(profileCompareQuery.safeParse({ ids: "a,b,c,d" }).success).toBe(false);
    expect(profileCompareQuery.safeParse({ ids: "a,A" }).success).toBe(false);
  });
});
