import { describe, expect, it } from "vitest";
import type { IndustryFigures, RegionEconomy } from "./profile.js";
import {
  codesToLookUp,
  DEFAULT_WEIGHTS,
  partnershipCodeFor,
  percentileScores,
  rankIndustries,
  rankingQuery,
} from "./ranking.js";

function industry(
  code: string,
  f: {
    jobs: number;
    jobsComplete?: boolean;
    lq: number | null;
    lqComplete?: boolean;
    oneYear: number | null;
    fiveYear?: number | null;
    pay: number | null;
  },
): IndustryFigures {
  const jobsComplete = f.jobsComplete ?? true;
  const change = (percent: number | null, fromYear: number) => ({
    fromYear,
    earlier: 0,
    later: f.jobs,
    change: 0,
    percent,
    complete: jobsComplete,
    undisclosedAreas: jobsComplete ? 0 : 1,
  });
  return {
    code,
    title: `Industry ${code}`,
    jobs: { value: f.jobs, complete: jobsComplete, undisclosedAreas: jobsComplete ? 0 : 1 },
    share: { value: null, complete: jobsComplete },
    establishments: 1,
    averagePay: { value: null, complete: true },
    payRatio: { value: f.pay, complete: true },
    locationQuotient: {
      value: f.lq,
      complete: f.lqComplete ?? jobsComplete,
      reason: f.lq === null ? "the national file (US000) for 2020 is not imported" : null,
    },
    oneYear: change(f.oneYear, 2019),
    fiveYear: f.fiveYear === undefined ? null : change(f.fiveYear, 2015),
    shiftShare: null,
  };
}

function profile(industries: IndustryFigures[], notes: string[] = []): RegionEconomy {
  const totals = {
    year: 2020,
    jobs: { value: 10_000, complete: true, undisclosedAreas: 0 },
    establishments: 10,
    averagePay: { value: 50_000, complete: true },
    countiesMissing: [],
  };
  return {
    counties: [{ fips: "39049", name: "Franklin County", state: "OH" }],
    cbsa: null,
    year: 2020,
    level: "3",
    ownership: "private",
    ownerships: ["private"],
    totals,
    years: [totals],
    industries,
    notes,
    source: "BLS QCEW, 2020 annual averages",
  };
}

const known = new Set(["311", "622", "722", "31-33", "541"]);

describe("percentileScores", () => {
  it("scores by position among the present values, ties sharing the average, nulls left out", () => {
    // Sorted present values 1, 2, 2, 5: positions 0, 1.5, 1.5, 3 over 3.
    expect(percentileScores([5, 2, null, 1, 2])).toEqual([100, 50, null, 0, 50]);
    expect(percentileScores([7])).toEqual([100]);
    expect(percentileScores([null, null])).toEqual([null, null]);
  });
});

describe("partnershipCodeFor", () => {
  it("keeps a reference code, widens an unknown one to its nearest known ancestor, or gives up", () => {
    expect(partnershipCodeFor("311", known)).toEqual({ code: "311", widened: false });
    // 311811 (retail bakeries) is not in this set; 3118 is not either; 311 is.
    expect(partnershipCodeFor("311811", known)).toEqual({ code: "311", widened: true });
    // A manufacturing code whose two-digit prefix is missing widens to the range sector.
    expect(partnershipCodeFor("339", known)).toEqual({ code: "31-33", widened: true });
    expect(partnershipCodeFor("99", known)).toBeNull();
    expect(codesToLookUp(["3118", "622"]).sort()).toEqual(["31", "31-33", "311", "3118", "62", "622"]);
  });
});

describe("rankIndustries", () => {
  // Three candidates with hand-picked figures:
  //   311: LQ 2.0, 1,000 jobs, +10%, pay 1.2   -> scores 100, 0, 100, 50
  //   622: LQ 1.0, 5,000 jobs, +2%, pay 1.5    -> scores 50, 100, 50, 100
  //   722: LQ 0.5, 3,000 jobs, -4%, pay 0.4    -> scores 0, 50, 0, 0
  const three = [
    industry("311", { jobs: 1000, lq: 2, oneYear: 0.1, pay: 1.2 }),
    industry("622", { jobs: 5000, lq: 1, oneYear: 0.02, pay: 1.5 }),
    industry("722", { jobs: 3000, lq: 0.5, oneYear: -0.04, pay: 0.4 }),
  ];

  it("weights the percentile scores: default weights 3, 2, 2, 2 (exact totals)", () => {
    const r = rankIndustries(profile(three), { weights: DEFAULT_WEIGHTS, knownCodes: known });
    // 311: (3x100 + 2x0 + 2x100 + 2x50) / 9 = 600/9 = 66.7
    // 622: (3x50 + 2x100 + 2x50 + 2x100) / 9 = 650/9 = 72.2
    // 722: (0 + 2x50 + 0 + 0) / 9 = 100/9 = 11.1
    expect(r.rows.map((x) => [x.rank, x.code, x.score])).toEqual([
      [1, "622", 72.2],
      [2, "311", 66.7],
      [3, "722", 11.1],
    ]);
    expect(r.rows[1].criteria.concentration).toEqual({ value: 2, complete: true, score: 100, missing: null });
    expect(r.rows[1].criteria.size).toEqual({ value: 1000, complete: true, score: 0, missing: null });
    expect(r.growthBasis).toBe("one-year");
    expect(r.growthFromYear).toBe(2019);
    expect(r.candidates).toBe(3);
    expect(r.incomplete).toBe(0);
    expect(r.rows[0].partnership).toEqual({ code: "622", widened: false });
  });

  it("follows the weights: concentration alone puts the most concentrated first", () => {
    const r = rankIndustries(profile(three), {
      weights: { concentration: 5, size: 0, growth: 0, pay: 0 },
      knownCodes: known,
    });
    expect(r.rows.map((x) => [x.code, x.score, x.criteriaUsed, x.criteriaWeighted])).toEqual([
      ["311", 100, 1, 1],
      ["622", 50, 1, 1],
      ["722", 0, 1, 1],
    ]);
  });

  it("ranks an incomplete industry with its lower bounds and counts it", () => {
    const withSuppressed = [
      ...three,
      industry("541", { jobs: 2000, jobsComplete: false, lq: 1.5, oneYear: 0.05, pay: 1.0 }),
    ];
    const r = rankIndustries(profile(withSuppressed), { weights: DEFAULT_WEIGHTS, knownCodes: known });
    // Four candidates: scores over 3 steps. 541: LQ 1.5 -> 2/3 = 66.7; jobs 2000 -> 1/3 = 33.3;
    // growth 5% -> 2/3 = 66.7; pay 1.0 -> 1/3 = 33.3; total (3x66.67 + 2x33.33 + 2x66.67 + 2x33.33)/9 = 51.9
    const row = r.rows.find((x) => x.code === "541")!;
    expect(row.complete).toBe(false);
    expect(row.score).toBe(51.9);
    expect(row.criteria.size).toEqual({ value: 2000, complete: false, score: 33.3, missing: null });
    expect(r.incomplete).toBe(1);
  });

  it("says a criterion is missing instead of scoring it zero, and leaves it out of the mean", () => {
    const noLq = three.map((i) => ({
      ...i,
      locationQuotient: {
        value: null,
        complete: true,
        reason: "the national file (US000) for 2020 is not imported",
      },
    }));
    const r = rankIndustries(profile(noLq, ["Location quotients need the national file (US000) for 2020."]), {
      weights: DEFAULT_WEIGHTS,
      knownCodes: known,
    });
    // Without LQ: 311 (0 + 200 + 100)/6 = 50; 622 (200 + 100 + 200)/6 = 83.3; 722 (100)/6 = 16.7
    expect(r.rows.map((x) => [x.code, x.score, x.criteriaUsed])).toEqual([
      ["622", 83.3, 3],
      ["311", 50, 3],
      ["722", 16.7, 3],
    ]);
    expect(r.rows[0].criteria.concentration).toEqual({
      value: null,
      complete: true,
      score: null,
      missing: "the national file (US000) for 2020 is not imported",
    });
    expect(r.missing).toEqual({ concentration: 3, size: 0, growth: 0, pay: 0 });
    expect(r.notes.at(-1)).toMatch(/concentration is left out/);
  });

  it("uses five-year growth when the earlier year is imported, and filters by minimum jobs", () => {
    const withFive = [
      industry("311", { jobs: 1000, lq: 2, oneYear: 0.1, fiveYear: -0.2, pay: 1.2 }),
      industry("622", { jobs: 5000, lq: 1, oneYear: 0.02, fiveYear: 0.3, pay: 1.5 }),
      industry("722", { jobs: 3000, lq: 0.5, oneYear: 0.5, fiveYear: -0.04, pay: 0.4 }),
    ];
    const r = rankIndustries(profile(withFive), {
      weights: { concentration: 0, size: 0, growth: 1, pay: 0 },
      minJobs: 2000,
      knownCodes: known,
    });
    expect(r.growthBasis).toBe("five-year");
    expect(r.growthFromYear).toBe(2015);
    expect(r.industries).toBe(3);
    expect(r.candidates).toBe(2);
    expect(r.minJobs).toBe(2000);
    expect(r.rows.map((x) => [x.code, x.score, x.criteria.growth.value])).toEqual([
      ["622", 100, 0.3],
      ["722", 0, -0.04],
    ]);
    // An industry with no row five years back has no five-year change: no growth score, not zero.
    const absent = rankIndustries(
      profile(withFive.map((i) => (i.code === "722" ? { ...i, fiveYear: null } : i))),
      {
        weights: { concentration: 0, size: 0, growth: 1, pay: 0 },
        knownCodes: known,
      },
    );
    const row = absent.rows.find((x) => x.code === "722")!;
    expect(row.score).toBeNull();
    expect(row.rank).toBe(3);
    expect(row.criteria.growth.missing).toBe("no figures for 2015");
  });
});

describe("rankingQuery", () => {
  it("takes the region query and weights, defaults the weights, names bad fields", () => {
    const ok = rankingQuery.parse({ counties: "39049,39041", level: "3", pay: "5" });
    expect(ok).toMatchObject({ counties: ["39049", "39041"], concentration: 3, size: 2, growth: 2, pay: 5 });
    const bad = (q: Record<string, string>) => rankingQuery.safeParse(q).error?.issues.map((i) => i.path[0]);
    expect(bad({ counties: "39049", growth: "6" })).toEqual(["growth"]);
    expect(bad({ counties: "39049", size: "1.5" })).toEqual(["size"]);
    expect(bad({ counties: "39049", minJobs: "-1" })).toEqual(["minJobs"]);
    expect(bad({ counties: "39049", concentration: "0", size: "0", growth: "0", pay: "0" })).toEqual([
      "concentration",
    ]);
    expect(bad({ level: "3" })).toEqual(["counties"]);
  });
});
