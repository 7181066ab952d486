import { describe, expect, it } from "vitest";
import {
  answerProblems,
  bandOf,
  changeSince,
  characteristicsIndicators,
  characteristicsV1,
  groupVisibility,
  isGap,
  levelText,
  MIN_RESPONDENTS,
  mean,
  rubricContentSchema,
  roundTo,
  scaleLevel,
  scoreAnswers,
  scoreResponses,
  statementKeys,
  type RubricContent,
  type ScoredResponse,
} from "./assessment.js";
import { rubricV1 } from "../server/features/assessment/rubric-v1.js";
import { rubricV2 } from "../server/features/assessment/rubric-v2.js";

const levels = { not_yet: "n", emerging: "e", established: "s", exemplary: "x" };
const statement = (key: string) => ({ key, text: key, levels, resources: [] });

/** Five characteristics with 1, 2, 3, 1 and 1 statements: the weights must not follow the count. */
const rubric: RubricContent = {
  characteristics: [
    { key: "industry_driven", name: "A", summary: "", statements: [statement("a1")] },
    { key: "community_supported", name: "B", summary: "", statements: [statement("b1"), statement("b2")] },
    {
      key: "sustainable",
      name: "C",
      summary: "",
      statements: [statement("c1"), statement("c2"), statement("c3")],
    },
    { key: "regional_sector", name: "D", summary: "", statements: [statement("d1")] },
    { key: "action_results", name: "E", summary: "", statements: [statement("e1")] },
  ],
};
const all = (level: number) => ({
  a1: level,
  b1: level,
  b2: level,
  c1: level,
  c2: level,
  c3: level,
  d1: level,
  e1: level,
});

describe("the arithmetic", () => {
  it("takes means and scales mean levels to 0-100", () => {
    expect(mean([1, 2])).toBe(1.5);
    expect(mean([])).toBeNull();
    expect(scaleLevel(0)).toBe(0);
    expect(scaleLevel(1.5)).toBe(50);
    expect(scaleLevel(3)).toBe(100);
    expect(roundTo(scaleLevel(1), 1)).toBe(33.3);
    expect(roundTo(scaleLevel(2), 1)).toBe(66.7);
  });

  it("rounds halves up even where binary fractions fall short", () => {
    expect(1.005 * 100).toBeLessThan(100.5); // why roundTo does not simply Math.round(x * 100)
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(39.95, 1)).toBe(40);
    expect(roundTo(39.94, 1)).toBe(39.9);
    expect(roundTo(-0.25, 1)).toBe(-0.3);
  });

  it("puts the band edges exactly at 40 and 70", () => {
    expect(bandOf(0)).toBe("not_yet");
    expect(bandOf(39.9)).toBe("not_yet");
    expect(bandOf(40.0)).toBe("emerging");
    expect(bandOf(69.9)).toBe("emerging");
    expect(bandOf(70.0)).toBe("next_gen");
    expect(bandOf(100)).toBe("next_gen");
    // The band follows the score as shown: 39.95 is shown as 40.0.
    expect(bandOf(39.94)).toBe("not_yet");
    expect(bandOf(39.95)).toBe("emerging");
  });

  it("writes a whole level with its name, 0 included, and a mean between levels as its number", () => {
    expect(levelText(0)).toBe("0 – not yet");
    expect(levelText(1)).toBe("1 – emerging");
    expect(levelText(2)).toBe("2 – established");
    expect(levelText(3)).toBe("3 – exemplary");
    expect(levelText(1.5)).toBe("1.5");
    expect(levelText(7 / 3)).toBe("2.33");
    expect(levelText(0.1)).toBe("0.1");
    expect(levelText(null)).toBe("none");
  });

  it("flags a gap at a difference of exactly one level, either way", () => {
    expect(isGap(2, 1)).toBe(true);
    expect(isGap(1, 2)).toBe(true);
    expect(isGap(2.5, 1.5)).toBe(true);
    expect(isGap(7 / 3, 4 / 3)).toBe(true);
    expect(isGap(1.99, 1)).toBe(false);
    expect(isGap(2, 1.5)).toBe(false);
  });
});

describe("scoring a round", () => {
  it("weighs characteristics equally whatever their number of statements", () => {
    const answers = { a1: 3, b1: 0, b2: 3, c1: 1, c2: 1, c3: 2, d1: 0, e1: 2 };
    const three = [1, 2, 3].map(() => ({ sector: "business" as const, answers }));
    const results = scoreResponses(rubric, three);
    expect(results.characteristics.map((c) => c.all)).toEqual([100, 50, 44.4, 0, 66.7]);
    // (100 + 50 + 44.44 + 0 + 66.67) / 5 = 52.22; the mean of the eight statements would be 50.
    expect(results.overall).toBe(52.2);
    expect(results.band).toBe("emerging");
  });

  it("scores all, business and public respondents, and flags gaps of one level or more", () => {
    const responses: ScoredResponse[] = [
      { sector: "business", answers: { ...all(2), a1: 3, b1: 2 } },
      { sector: "business", answers: { ...all(2), a1: 2, b1: 2 } },
      { sector: "business", answers: { ...all(2), a1: 3, b1: 2 } },
      { sector: "public", answers: { ...all(2), a1: 2, b1: 1 } },
      { sector: "public", answers: { ...all(2), a1: 1, b1: 2 } },
      { sector: "public", answers: { ...all(2), a1: 1, b1: 2 } },
    ];
    const results = scoreResponses(rubric, responses);
    expect(results.respondents).toEqual({ all: 6, business: 3, public: 3 });
    expect(results.visibility).toEqual({ all: "shown", business: "shown", public: "shown" });
    const a = results.characteristics.find((c) => c.key === "industry_driven")!;
    // a1: business 8 / 3 = 2.667 → 88.9; public 4 / 3 = 1.333 → 44.4; all 12 / 6 = 2 → 66.7.
    expect(a).toEqual({ key: "industry_driven", all: 66.7, business: 88.9, public: 44.4 });
    const b = results.characteristics.find((c) => c.key === "community_supported")!;
    // b1: business 2, public 5 / 3, all 11 / 6; b2: 2 everywhere.
    // business 66.7; public (1.667 + 2) / 2 / 3 = 61.1; all (1.833 + 2) / 2 / 3 = 63.9.
    expect(b).toEqual({ key: "community_supported", all: 63.9, business: 66.7, public: 61.1 });
    // One and a third levels apart on a1 is a gap; a third of a level on b1 is not.
    expect(results.gaps).toEqual([{ statement: "a1", business: 2.67, public: 1.33, difference: 1.33 }]);
    expect(results.statements.find((s) => s.key === "b1")).toEqual({
      key: "b1",
      all: 1.83,
      business: 2,
      public: 1.67,
    });
  });

  it("counts a difference of one level built from thirds as a gap", () => {
    const responses: ScoredResponse[] = [
      { sector: "business", answers: { ...all(1), e1: 3 } },
      { sector: "business", answers: { ...all(1), e1: 2 } },
      { sector: "business", answers: { ...all(1), e1: 2 } },
      { sector: "public", answers: { ...all(1), e1: 1 } },
      { sector: "public", answers: { ...all(1), e1: 2 } },
      { sector: "public", answers: { ...all(1), e1: 1 } },
    ];
    expect(scoreResponses(rubric, responses).gaps).toEqual([
      { statement: "e1", business: 2.33, public: 1.33, difference: 1 },
    ]);
  });

  it("shows a group with no respondents as none, not as zero", () => {
    const three = [1, 2, 3].map(() => ({ sector: "business" as const, answers: all(3) }));
    const results = scoreResponses(rubric, three);
    expect(results.respondents).toEqual({ all: 3, business: 3, public: 0 });
    expect(results.visibility).toEqual({ all: "shown", business: "shown", public: "none" });
    expect(results.characteristics.every((c) => c.public === null && c.business === 100)).toBe(true);
    expect(results.statements[0]).toEqual({ key: "a1", all: 3, business: 3, public: null });
    expect(results.gaps).toEqual([]);
    const nobody = scoreResponses(rubric, []);
    expect(nobody.visibility).toEqual({ all: "none", business: "none", public: "none" });
    expect(nobody.overall).toBeNull();
    expect(nobody.band).toBeNull();
    expect(nobody.characteristics[0]).toEqual({
      key: "industry_driven",
      all: null,
      business: null,
      public: null,
    });
  });
});

describe("keeping each person's answers private", () => {
  const noScores = (results: ReturnType<typeof scoreResponses>, group: "all" | "business" | "public") =>
    results.characteristics.every((c) => c[group] === null) &&
    results.statements.every((s) => s[group] === null);

  it("shows a group only from 3 respondents, and a sector only when the other is not 1 or 2", () => {
    expect(MIN_RESPONDENTS).toBe(3);
    expect(groupVisibility({ all: 2, business: 1, public: 1 })).toEqual({
      all: "too_few",
      business: "too_few",
      public: "too_few",
    });
    expect(groupVisibility({ all: 4, business: 2, public: 2 })).toEqual({
      all: "shown",
      business: "too_few",
      public: "too_few",
    });
    expect(groupVisibility({ all: 4, business: 3, public: 1 })).toEqual({
      all: "shown",
      business: "reveals_other",
      public: "too_few",
    });
    expect(groupVisibility({ all: 7, business: 2, public: 5 })).toEqual({
      all: "shown",
      business: "too_few",
      public: "reveals_other",
    });
    expect(groupVisibility({ all: 3, business: 0, public: 3 })).toEqual({
      all: "shown",
      business: "none",
      public: "shown",
    });
    expect(groupVisibility({ all: 6, business: 3, public: 3 })).toEqual({
      all: "shown",
      business: "shown",
      public: "shown",
    });
  });

  it("shows nothing derived from one business and one public respondent, only the counts", () => {
    const results = scoreResponses(rubric, [
      { sector: "business", answers: { ...all(3), a1: 0 } },
      { sector: "public", answers: all(0) },
    ]);
    expect(results).toEqual({
      respondents: { all: 2, business: 1, public: 1 },
      visibility: { all: "too_few", business: "too_few", public: "too_few" },
      overall: null,
      band: null,
      characteristics: rubric.characteristics.map((c) => ({
        key: c.key,
        all: null,
        business: null,
        public: null,
      })),
      statements: Object.keys(all(0)).map((key) => ({ key, all: null, business: null, public: null })),
      gaps: [],
    });
  });

  it("shows everyone's scores but no split when the split would reveal the one public partner", () => {
    const results = scoreResponses(rubric, [
      { sector: "business", answers: all(2) },
      { sector: "business", answers: all(2) },
      { sector: "business", answers: { ...all(2), e1: 3 } },
      { sector: "public", answers: { ...all(2), a1: 0, e1: 0 } },
    ]);
    expect(results.visibility).toEqual({ all: "shown", business: "reveals_other", public: "too_few" });
    expect(noScores(results, "business")).toBe(true);
    expect(noScores(results, "public")).toBe(true);
    // Business 2 and public 0 on a1 would be a gap of two levels; it is not shown.
    expect(results.gaps).toEqual([]);
    // a1: (2 + 2 + 2 + 0) / 4 = 1.5 → 50; e1: (2 + 2 + 3 + 0) / 4 = 1.75 → 58.3; others 66.7.
    expect(results.characteristics.map((c) => c.all)).toEqual([50, 66.7, 66.7, 66.7, 58.3]);
    expect(results.statements.find((s) => s.key === "e1")).toEqual({
      key: "e1",
      all: 1.75,
      business: null,
      public: null,
    });
    // (50 + 66.67 × 3 + 58.33) / 5 = 61.67
    expect(results.overall).toBe(61.7);
    expect(results.band).toBe("emerging");
  });

  it("shows everyone's scores but neither sector with two of each", () => {
    const results = scoreResponses(rubric, [
      { sector: "business", answers: all(3) },
      { sector: "business", answers: all(3) },
      { sector: "public", answers: all(1) },
      { sector: "public", answers: all(1) },
    ]);
    expect(results.visibility).toEqual({ all: "shown", business: "too_few", public: "too_few" });
    expect(results.overall).toBe(66.7);
    expect(noScores(results, "business") && noScores(results, "public")).toBe(true);
    expect(results.gaps).toEqual([]);
  });
});

describe("the quick check", () => {
  it("scores one person's answers and picks the lowest statements of the weakest characteristics", () => {
    const quick = scoreAnswers(rubric, { a1: 3, b1: 1, b2: 2, c1: 0, c2: 3, c3: 3, d1: 1, e1: 2 });
    expect(quick.characteristics).toEqual([
      { key: "industry_driven", score: 100 },
      { key: "community_supported", score: 50 },
      { key: "sustainable", score: 66.7 },
      { key: "regional_sector", score: 33.3 },
      { key: "action_results", score: 66.7 },
    ]);
    expect(quick.overall).toBe(63.3);
    expect(quick.band).toBe("emerging");
    expect(quick.workOnFirst).toEqual([
      { statement: "c1", characteristic: "sustainable", level: 0 },
      { statement: "d1", characteristic: "regional_sector", level: 1 },
      { statement: "b1", characteristic: "community_supported", level: 1 },
    ]);
  });

  it("never suggests an exemplary statement", () => {
    expect(scoreAnswers(rubric, all(3)).workOnFirst).toEqual([]);
    expect(scoreAnswers(rubric, all(3)).overall).toBe(100);
    expect(scoreAnswers(rubric, all(0)).band).toBe("not_yet");
  });
});

describe("checking answers", () => {
  it("names every missing statement, unknown key and bad level", () => {
    const problems = answerProblems(rubric, {
      a1: 3,
      b1: 4,
      b2: 1.5,
      c1: -1,
      c2: "2",
      c3: 2,
      d1: 0,
      nope: 1,
    });
    expect(problems).toEqual([
      { field: "answers.e1", message: "is missing: choose a level from 0 (not yet) to 3 (exemplary)" },
      { field: "answers.b1", message: "must be a whole number from 0 to 3" },
      { field: "answers.b2", message: "must be a whole number from 0 to 3" },
      { field: "answers.c1", message: "must be a whole number from 0 to 3" },
      { field: "answers.c2", message: "must be a whole number from 0 to 3" },
      { field: "answers.nope", message: "is not a statement of this rubric; remove it" },
    ]);
    expect(answerProblems(rubric, all(0))).toEqual([]);
  });
});

describe("change since the last round", () => {
  it("subtracts per characteristic and is null without a previous round", () => {
    const before = { overall: 52.2, characteristics: [{ key: "industry_driven" as const, all: 40 }] };
    const after = { overall: 61.5, characteristics: [{ key: "industry_driven" as const, all: 55.6 }] };
    expect(changeSince(before, after)).toEqual({
      overall: 9.3,
      characteristics: [{ key: "industry_driven", change: 15.6 }],
      comparison: "same",
      notCompared: [],
    });
    expect(changeSince(undefined, after)).toMatchObject({ overall: null, comparison: "first" });
  });

  it("across versions compares the characteristics both hold and says which it could not", () => {
    // Version 1: five characteristics, overall 50. Version 2: the same five plus industry_solutions.
    const v1 = {
      overall: 50,
      characteristics: characteristicsV1.map((key, i) => ({ key, all: [40, 50, 60, 45, 55][i] })),
    };
    const scoresV2: Record<string, number> = {
      regional_sector: 50,
      industry_driven: 52.5,
      industry_solutions: 10,
      community_supported: 60,
      action_results: 70,
      sustainable: 66.7,
    };
    const v2 = {
      overall: 51.5,
      characteristics: characteristicsIndicators.map((key) => ({ key, all: scoresV2[key] })),
    };
    const change = changeSince(v1, v2);
    // Shared five: before (40 + 50 + 60 + 45 + 55) / 5 = 50; after (50 + 52.5 + 60 + 70 + 66.7) / 5
    // = 59.84; so +9.8, although the overall scores (50 -> 51.5) differ by 1.5 only because the new
    // characteristic scores 10.
    expect(change.overall).toBe(9.8);
    expect(change.comparison).toBe("mapped");
    expect(change.notCompared).toEqual([{ key: "industry_solutions", reason: "new" }]);
    expect(change.characteristics).toEqual([
      { key: "regional_sector", change: 5 },
      { key: "industry_driven", change: 12.5 },
      { key: "industry_solutions", change: null },
      { key: "community_supported", change: 10 },
      { key: "action_results", change: 15 },
      { key: "sustainable", change: 6.7 },
    ]);
    // Back from six to five: industry_solutions is dropped, not compared.
    expect(changeSince(v2, v1)).toMatchObject({
      overall: -9.8,
      comparison: "mapped",
      notCompared: [{ key: "industry_solutions", reason: "dropped" }],
    });
    // A hidden side compares nothing.
    const hidden = { overall: null, characteristics: v1.characteristics.map((c) => ({ ...c, all: null })) };
    expect(changeSince(hidden, v2).overall).toBeNull();
  });
});

describe("rubric version 2", () => {
  it("holds the six characteristics of the published indicators in their order, 3-5 statements each", () => {
    expect(rubricContentSchema.safeParse(rubricV2).success).toBe(true);
    expect(rubricV2.characteristics.map((c) => c.key)).toEqual([...characteristicsIndicators]);
    for (const c of rubricV2.characteristics) {
      expect(c.statements.length).toBeGreaterThanOrEqual(3);
      expect(c.statements.length).toBeLessThanOrEqual(5);
    }
    expect(statementKeys(rubricV2)).toHaveLength(22);
  });

  it("shows evidence from the workspace beside the statements that have it", () => {
    const signals = rubricV2.characteristics.flatMap((c) =>
      c.statements.flatMap((s) => (s.signal ? [`${c.key}.${s.key}:${s.signal}`] : [])),
    );
    expect(signals).toEqual([
      "regional_sector.labor_market_region:regional_economy",
      "regional_sector.industry_data:regional_economy",
      "industry_driven.business_majority:business_attendance_share",
      "industry_driven.influential_leaders:business_seniority",
      "industry_driven.business_champions:business_champions",
      "industry_solutions.beyond_workforce:priorities_beyond_workforce",
      "community_supported.core_public_partners:public_partner_kinds",
      "action_results.action_plan_current:action_plan_updated",
      "sustainable.meets_regularly:meetings_last_12_months",
    ]);
  });

  it("refuses a rubric whose characteristics are no known set, or out of order", () => {
    const four = { characteristics: rubricV2.characteristics.slice(0, 4) };
    expect(rubricContentSchema.safeParse(four).error?.issues[0]).toMatchObject({
      path: ["characteristics"],
      message: "must hold the 5 characteristics of version 1 or the 6 of the Next Gen indicators (now 4)",
    });
    const swapped = {
      characteristics: [
        rubricV2.characteristics[1],
        rubricV2.characteristics[0],
        ...rubricV2.characteristics.slice(2),
      ],
    };
    expect(rubricContentSchema.safeParse(swapped).error?.issues[0]).toMatchObject({
      path: ["characteristics", 0, "key"],
      message: "must be regional_sector: the characteristics keep their order",
    });
  });
});

describe("rubric version 1", () => {
  it("is valid: five characteristics in order, 15-25 statements with unique keys", () => {
    expect(rubricContentSchema.safeParse(rubricV1).success).toBe(true);
    const count = rubricV1.characteristics.reduce((n, c) => n + c.statements.length, 0);
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(25);
  });

  it("refuses a rubric with too few statements or a repeated key", () => {
    const small = {
      characteristics: rubricV1.characteristics.map((c) => ({ ...c, statements: c.statements.slice(0, 2) })),
    };
    const result = rubricContentSchema.safeParse(small);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("15 to 25 statements");
  });
});
