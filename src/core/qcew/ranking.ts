/**
 * Choosing an industry: the region's candidate industries ranked on four criteria a regional
 * support team weighs (concentration, size, growth, pay). Pure: the server feeds it one region
 * profile and it makes one pass over the industries, so a national-size profile ranks fast.
 *
 * Each criterion becomes a 0-100 score by percentile rank among the candidates (the highest
 * scores 100, the lowest 0, ties share the average), which one sentence explains and which a
 * single huge industry cannot squash the way a min-max scale would. A candidate's score is the
 * weighted mean of the criteria it has: a criterion it lacks (no LQ without the national file)
 * is left out of its mean and said so, never counted as zero.
 */
import { rules } from "../rules.js";
import { z } from "zod";
import { naicsAncestors } from "../naics.js";
import { NAICS_LEVEL_CHOICES, ownershipChoice, regionEconomyQuery, type RegionEconomy } from "./profile.js";

export const CRITERIA = ["concentration", "size", "growth", "pay"] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_LABELS: Record<Criterion, string> = {
  concentration: "Concentration (location quotient)",
  size: "Size (jobs)",
  growth: "Growth (% change in jobs)",
  pay: "Pay (against the region's average)",
};

/** Concentration leads, as in the sector-strategy toolkits; the others count as much as each other. */
export const DEFAULT_WEIGHTS: Record<Criterion, number> = { concentration: 3, size: 2, growth: 2, pay: 2 };

export const NORMALIZATION_SENTENCE =
  "Each criterion is scored 0 to 100 by where the industry stands among the candidates (the highest scores 100, the lowest 0, the middle 50), and the total is the weighted average of the criteria the industry has figures for.";

const weight = (criterion: Criterion) =>
  z.coerce
    .number({ error: () => rules.mustBeAWholeNumber0To5 })
    .int("must be a whole number from 0 to 5")
    .min(0, "must be a whole number from 0 to 5")
    .max(5, "must be a whole number from 0 to 5")
    .default(DEFAULT_WEIGHTS[criterion]);

export const rankingWeights = z.object({
  concentration: weight("concentration"),
  size: weight("size"),
  growth: weight("growth"),
  pay: weight("pay"),
});
export type RankingWeights = z.infer<typeof rankingWeights>;

/** The region query of /regions/economy plus the four weights and an optional minimum of jobs. */
export const rankingQuery = z
  .strictObject({
    ...regionEconomyQuery.shape,
    ...rankingWeights.shape,
    minJobs: z.coerce
      .number({ error: () => rules.mustBeAWholeNumberOfJobs })
      .int("must be a whole number of jobs")
      .min(0, "must be 0 or more")
      .max(100_000_000, "must be at most 100,000,000")
      .optional(),
  })
  .superRefine((query, context) => {
    if (!query.counties && !query.cbsa)
      context.addIssue({ code: "custom", path: ["counties"], message: rules.nameCountiesOrACbsa });
    if (query.counties && query.cbsa)
      context.addIssue({ code: "custom", path: ["cbsa"], message: rules.nameCountiesOrACbsaNotBoth });
    if (CRITERIA.every((c) => query[c] === 0))
      context.addIssue({
        code: "custom",
        path: ["concentration"],
        message: rules.giveAtLeastOneCriterionAWeight,
      });
  });
export type RankingQuery = z.infer<typeof rankingQuery>;

const criterionFigure = z.object({
  /** The figure itself: LQ, jobs, percent change (5 = +5%), pay ratio; null when missing. */
  value: z.number().nullable(),
  /** False when a county did not disclose it: the value is then a lower bound or a partial. */
  complete: z.boolean(),
  /** 0-100 among the candidates that have the figure; null when the industry lacks it. */
  score: z.number().nullable(),
  /** Why the figure is missing, when it is. */
  missing: z.string().nullable(),
});
export type CriterionFigure = z.infer<typeof criterionFigure>;

/** The code a partnership can be registered under for a ranked industry (see partnershipCodeFor). */
export const partnershipCode = z.object({
  code: z.string(),
  /** True when the ranked code is not a reference NAICS code and a broader one stands for it. */
  widened: z.boolean(),
});
export type PartnershipCode = z.infer<typeof partnershipCode>;

export const rankedIndustry = z.object({
  rank: z.number().int(),
  code: z.string(),
  title: z.string(),
  /** Weighted 0-100 score; null when the industry has none of the weighted criteria. */
  score: z.number().nullable(),
  /** False when any of its figures left out a county that did not disclose it. */
  complete: z.boolean(),
  criteria: z.object({
    concentration: criterionFigure,
    size: criterionFigure,
    growth: criterionFigure,
    pay: criterionFigure,
  }),
  /** The weighted criteria the score rests on, e.g. 3 of 4 when the LQ is missing. */
  criteriaUsed: z.number().int(),
  criteriaWeighted: z.number().int(),
  partnership: partnershipCode.nullable(),
});
export type RankedIndustry = z.infer<typeof rankedIndustry>;

export const industryRanking = z.object({
  counties: z.array(z.object({ fips: z.string(), name: z.string(), state: z.string() })),
  cbsa: z.object({ code: z.string(), title: z.string() }).nullable(),
  year: z.number().int(),
  level: z.enum(NAICS_LEVEL_CHOICES),
  ownership: ownershipChoice,
  weights: rankingWeights,
  minJobs: z.number().int().nullable(),
  /** Growth over one year (BLS's over-the-year columns) or five years when that year is imported. */
  growthBasis: z.enum(["one-year", "five-year"]),
  growthFromYear: z.number().int(),
  /** Industries of the region at this level before the minimum-jobs filter. */
  industries: z.number().int(),
  candidates: z.number().int(),
  incomplete: z.number().int(),
  /** For each criterion, how many candidates lack it. */
  missing: z.object({
    concentration: z.number().int(),
    size: z.number().int(),
    growth: z.number().int(),
    pay: z.number().int(),
  }),
  normalization: z.string(),
  notes: z.array(z.string()),
  source: z.string(),
  rows: z.array(rankedIndustry),
});
export type IndustryRanking = z.infer<typeof industryRanking>;

/**
 * Percentile ranks 0-100 of the present values: (values below + half the other equal values)
 * over (count - 1). One value alone scores 100.
 */
export function percentileScores(values: readonly (number | null)[]): (number | null)[] {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = present.length;
  const rankOf = new Map<number, number>();
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && present[j + 1] === present[i]) j++;
    // i values below, (j - i) others equal: the average position of the tie.
    rankOf.set(present[i], n === 1 ? 100 : ((i + (j - i) / 2) / (n - 1)) * 100);
    i = j + 1;
  }
  return values.map((v) => (v === null ? null : rankOf.get(v)!));
}

/**
 * The code a partnership accepts for a ranked industry: the code itself when it is a reference
 * NAICS code, else its nearest broader reference code (a newer NAICS year's code, widened), else
 * null (QCEW's "99 Unclassified" has no NAICS code).
 */
export function partnershipCodeFor(code: string, known: ReadonlySet<string>): PartnershipCode | null {
  if (known.has(code)) return { code, widened: false };
  for (const broader of naicsAncestors(code)) if (known.has(broader)) return { code: broader, widened: true };
  return null;
}

/** Every code partnershipCodeFor may look at for these industries, for one reference lookup. */
export function codesToLookUp(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((c) => [c, ...naicsAncestors(c)]))];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export interface RankingOptions {
  weights: RankingWeights;
  minJobs?: number;
  /** The reference NAICS codes (from codesToLookUp) for the partnership code of each row. */
  knownCodes: ReadonlySet<string>;
}

/** Ranks a region's industries; one pass to gather the figures, one per criterion to score them. */
export function rankIndustries(profile: RegionEconomy, options: RankingOptions): IndustryRanking {
  const { weights, minJobs } = options;
  const fiveYear = profile.industries.some((i) => i.fiveYear !== null);
  const growthFromYear = profile.year - (fiveYear ? 5 : 1);
  const lqMissingNational = profile.notes.length > 0;

  const candidates = profile.industries.filter((i) => minJobs === undefined || i.jobs.value >= minJobs);
  // Each criterion's figure is built once, with its score filled in below (no copies per row:
  // a 6-digit region has a thousand candidates).
  const figures = candidates.map((i) => {
    const growth = fiveYear ? i.fiveYear : i.oneYear;
    const jobsUnknown = i.jobs.value === 0 && !i.jobs.complete;
    const criteria: Record<Criterion, CriterionFigure> = {
      concentration: {
        value: i.locationQuotient.value,
        complete: i.locationQuotient.complete,
        score: null,
        missing:
          i.locationQuotient.value === null ? (i.locationQuotient.reason ?? "no location quotient") : null,
      },
      size: {
        value: jobsUnknown ? null : i.jobs.value,
        complete: i.jobs.complete,
        score: null,
        missing: jobsUnknown ? "no county disclosed its jobs" : null,
      },
      growth: {
        value: growth?.percent ?? null,
        complete: growth?.complete ?? true,
        score: null,
        missing:
          growth === null
            ? `no figures for ${growthFromYear}`
            : growth.percent === null
              ? `no jobs in ${growthFromYear} to compare with`
              : null,
      },
      pay: {
        value: i.payRatio.value,
        complete: i.payRatio.complete,
        score: null,
        missing: i.payRatio.value === null ? "average pay not disclosed" : null,
      },
    };
    return { industry: i, criteria };
  });

  const weighted = CRITERIA.filter((c) => weights[c] > 0);
  const missing = { concentration: 0, size: 0, growth: 0, pay: 0 };
  for (const c of CRITERIA) {
    const scores = percentileScores(figures.map((f) => f.criteria[c].value));
    figures.forEach((f, index) => {
      const score = scores[index];
      f.criteria[c].score = score === null ? null : round(score);
      if (score === null) missing[c]++;
    });
  }

  const rows = figures.map(({ industry: i, criteria }) => {
    let sum = 0;
    let weightSum = 0;
    let used = 0;
    for (const c of weighted) {
      const score = criteria[c].score;
      if (score === null) continue;
      sum += weights[c] * score;
      weightSum += weights[c];
      used++;
    }
    return {
      rank: 0,
      code: i.code,
      title: i.title,
      score: weightSum === 0 ? null : round(sum / weightSum),
      complete: CRITERIA.every((c) => criteria[c].complete),
      criteria,
      criteriaUsed: used,
      criteriaWeighted: weighted.length,
      partnership: partnershipCodeFor(i.code, options.knownCodes),
    } satisfies RankedIndustry;
  });

  // Highest score first; no score last; ties by more jobs, then by code, so the order is stable.
  rows.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) ||
      (b.criteria.size.value ?? -1) - (a.criteria.size.value ?? -1) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  rows.forEach((r, n) => (r.rank = n + 1));

  const notes = [...profile.notes];
  if (lqMissingNational && weights.concentration > 0)
    notes.push("Without location quotients, concentration is left out of every score.");
  return {
    counties: profile.counties,
    cbsa: profile.cbsa,
    year: profile.year,
    level: profile.level,
    ownership: profile.ownership,
    weights,
    minJobs: minJobs ?? null,
    growthBasis: fiveYear ? "five-year" : "one-year",
    growthFromYear,
    industries: profile.industries.length,
    candidates: rows.length,
    incomplete: rows.filter((r) => !r.complete).length,
    missing,
    normalization: NORMALIZATION_SENTENCE,
    notes,
    source: profile.source,
    rows,
  };
}
