/**
 * The self-assessment's arithmetic (DOMAIN.md, "The self-assessment"), with no zod and no I/O so
 * the server and the web share it cheaply.
 *
 * A statement is answered on four levels: 0 not yet, 1 emerging, 2 established, 3 exemplary.
 * A characteristic's score is the mean of its statements scaled to 0-100; the overall score is
 * the mean of the characteristics (so a characteristic with fewer statements weighs the same).
 * Bands: under 40 not yet Next Gen, 40 to under 70 emerging, 70 and over Next Gen.
 */
import { rules } from "./rules.js";
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";

export const levels = [0, 1, 2, 3] as const;
export type Level = (typeof levels)[number];
export const levelKeys = ["not_yet", "emerging", "established", "exemplary"] as const;
export type LevelKey = (typeof levelKeys)[number];
export const levelMessages = {
  not_yet: msg({ id: "vocab.level.not_yet", defaultMessage: "Not yet" }),
  emerging: msg({ id: "vocab.level.emerging", defaultMessage: "Emerging" }),
  established: msg({ id: "vocab.level.established", defaultMessage: "Established" }),
  exemplary: msg({ id: "vocab.level.exemplary", defaultMessage: "Exemplary" }),
} satisfies Record<LevelKey, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const levelLabels: Record<LevelKey, string> = labelsOf(levelMessages);

/**
 * A mean level 0-3 for a reader: a whole level with its name on the scale ("0 – not yet",
 * "3 – exemplary"), a level between two as its number without trailing zeros ("2.33", "1.5").
 */
export function levelText(value: number | null): string {
  if (value === null) return "none";
  const key = Number.isInteger(value) ? levelKeys[value] : undefined;
  return key ? `${value} – ${levelLabels[key].toLowerCase()}` : String(Number(value.toFixed(2)));
}

export const bands = ["not_yet", "emerging", "next_gen"] as const;
export type Band = (typeof bands)[number];
export const bandMessages = {
  not_yet: msg({ id: "vocab.band.not_yet", defaultMessage: "Not yet Next Gen" }),
  emerging: msg({ id: "vocab.band.emerging", defaultMessage: "Emerging Next Gen" }),
  next_gen: msg({ id: "vocab.band.next_gen", defaultMessage: "Next Gen" }),
} satisfies Record<Band, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const bandLabels: Record<Band, string> = labelsOf(bandMessages);

/** Version 1's five characteristics, in its order. */
export const characteristicsV1 = [
  "industry_driven",
  "community_supported",
  "sustainable",
  "regional_sector",
  "action_results",
] as const;

/**
 * The six of the published "Is your partnership Next Gen?" indicators, in their order (version 2
 * on). Five keep version 1's keys because they answer the same question; `industry_solutions`
 * (industry-identified solutions with economic impact) is new.
 */
export const characteristicsIndicators = [
  "regional_sector",
  "industry_driven",
  "industry_solutions",
  "community_supported",
  "action_results",
  "sustainable",
] as const;

/** Every characteristic any version uses. */
export const characteristicKeys = characteristicsIndicators;
export type CharacteristicKey = (typeof characteristicKeys)[number];

/** The sets a rubric may hold, each in its order: version 1's five or the indicators' six. */
export const characteristicSets: readonly (readonly CharacteristicKey[])[] = [
  characteristicsV1,
  characteristicsIndicators,
];

/** Facts the software already knows about a partnership, shown beside the matching statements. */
export const signalKeys = [
  "business_attendance_share",
  "business_champions",
  "meetings_last_12_months",
  "public_partner_kinds",
  "business_seniority",
  "priorities_beyond_workforce",
  "action_plan_updated",
  "regional_economy",
] as const;
export type SignalKey = (typeof signalKeys)[number];

/** Where a statement's help lives: a toolkit section (title only) or an in-app page. */
export interface RubricResource {
  title: string;
  /** An in-app path such as "/next-gen-check", or a workspace section such as "members". */
  href?: string;
  /** When set, href is a section of the partnership's workspace (/p/:slug/<href>). */
  workspace?: boolean;
}

export interface RubricStatement {
  key: string;
  text: string;
  levels: Record<LevelKey, string>;
  resources: RubricResource[];
  signal?: SignalKey;
}

export interface RubricCharacteristic {
  key: CharacteristicKey;
  name: string;
  summary: string;
  statements: RubricStatement[];
}

export interface RubricContent {
  characteristics: RubricCharacteristic[];
}

export type Answers = Record<string, number>;
export type Sector = "business" | "public";
export interface ScoredResponse {
  sector: Sector;
  answers: Answers;
}

export const GAP_THRESHOLD = 1;
/** Differences are sums of fractions: 2.333… − 1.333… must count as exactly one level. */
const EPSILON = 1e-9;

/** Rounds half away from zero at `digits` decimals, robust to binary fractions (39.95 → 40.0). */
export function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  const shifted = Math.abs(value) * factor;
  const rounded = Math.round(Number(shifted.toPrecision(12))) / factor;
  return value < 0 ? -rounded : rounded;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** A mean level (0-3) as a score on 0-100. */
export function scaleLevel(meanLevel: number): number {
  return (meanLevel / 3) * 100;
}

/** The band of a score as shown (rounded to one decimal), so what people read and the band agree. */
export function bandOf(score: number): Band {
  const shown = roundTo(score, 1);
  if (shown < 40) return "not_yet";
  if (shown < 70) return "emerging";
  return "next_gen";
}

/** Whether two mean levels differ by one level or more: the places where the partnership should talk. */
export function isGap(business: number, publicLevel: number): boolean {
  return Math.abs(business - publicLevel) >= GAP_THRESHOLD - EPSILON;
}

export function statementKeys(rubric: RubricContent): string[] {
  return rubric.characteristics.flatMap((c) => c.statements.map((s) => s.key));
}

/** The mean level of each statement over some responses; null when nobody answered. */
function statementMeans(rubric: RubricContent, responses: readonly ScoredResponse[]) {
  const out = new Map<string, number | null>();
  for (const key of statementKeys(rubric)) {
    out.set(key, mean(responses.map((r) => r.answers[key]).filter((v): v is number => v !== undefined)));
  }
  return out;
}

/** Unrounded 0-100 score of each characteristic; null when nobody in the group answered it. */
function characteristicScores(rubric: RubricContent, means: Map<string, number | null>) {
  return rubric.characteristics.map((c) => {
    const answered = c.statements.map((s) => means.get(s.key)).filter((v): v is number => v != null);
    const m = mean(answered);
    return { key: c.key, score: m === null ? null : scaleLevel(m) };
  });
}

/**
 * A group's results (all, business or public respondents) are shown only when at least this
 * many people of the group answered, so that no one's answers can be inferred (DOMAIN.md).
 */
export const MIN_RESPONDENTS = 3;

export const resultGroups = ["all", "business", "public"] as const;
export type ResultGroup = (typeof resultGroups)[number];

/**
 * Why a group's results are shown or not: `shown`; `none` (nobody of the group answered);
 * `too_few` (1 or 2 answered); `reveals_other` (enough answered, but the other sector has 1 or 2
 * respondents, whose answers would be this group's results subtracted from everyone's).
 */
export const groupVisibilities = ["shown", "none", "too_few", "reveals_other"] as const;
export type GroupVisibility = (typeof groupVisibilities)[number];
export type RespondentCounts = Record<ResultGroup, number>;

/**
 * Which groups' results may be shown, from the number of respondents of each. Everyone's results
 * mix both sectors, so they stay when the split would reveal someone: with 3 business and 1
 * public respondent, 4 × everyone's mean − 3 × the business mean is the public partner's answer.
 */
export function groupVisibility(counts: RespondentCounts): Record<ResultGroup, GroupVisibility> {
  const own = (n: number): GroupVisibility => (n === 0 ? "none" : n < MIN_RESPONDENTS ? "too_few" : "shown");
  const sector = (n: number, other: number): GroupVisibility =>
    own(n) === "shown" && own(other) === "too_few" ? "reveals_other" : own(n);
  return {
    all: own(counts.all),
    business: sector(counts.business, counts.public),
    public: sector(counts.public, counts.business),
  };
}

/** How many people answered, in all and by sector: counts may always be shown. */
export function countRespondents(responses: readonly ScoredResponse[]): RespondentCounts {
  const business = responses.filter((r) => r.sector === "business").length;
  return { all: responses.length, business, public: responses.length - business };
}

export interface Results {
  respondents: RespondentCounts;
  visibility: Record<ResultGroup, GroupVisibility>;
  overall: number | null;
  band: Band | null;
  characteristics: {
    key: CharacteristicKey;
    all: number | null;
    business: number | null;
    public: number | null;
  }[];
  statements: { key: string; all: number | null; business: number | null; public: number | null }[];
  gaps: { statement: string; business: number; public: number; difference: number }[];
}

/**
 * The arithmetic over the responses each group contributes. Callers decide what each group may
 * contribute: `scoreResponses` passes nothing for a hidden group, so nothing about it comes out.
 */
function scoreGroups(
  rubric: RubricContent,
  groups: Record<ResultGroup, readonly ScoredResponse[]>,
): Omit<Results, "respondents" | "visibility"> {
  const means = {
    all: statementMeans(rubric, groups.all),
    business: statementMeans(rubric, groups.business),
    public: statementMeans(rubric, groups.public),
  };
  const scores = {
    all: characteristicScores(rubric, means.all),
    business: characteristicScores(rubric, means.business),
    public: characteristicScores(rubric, means.public),
  };
  const allScores = scores.all.map((c) => c.score).filter((v): v is number => v !== null);
  const overallRaw = mean(allScores);
  const r1 = (v: number | null) => (v === null ? null : roundTo(v, 1));
  const r2 = (v: number | null | undefined) => (v == null ? null : roundTo(v, 2));

  // A statement where either side has no (shown) mean is skipped: there is nothing to compare.
  const gaps: Results["gaps"] = [];
  for (const key of statementKeys(rubric)) {
    const b = means.business.get(key);
    const p = means.public.get(key);
    if (b == null || p == null || !isGap(b, p)) continue;
    gaps.push({
      statement: key,
      business: roundTo(b, 2),
      public: roundTo(p, 2),
      difference: roundTo(b - p, 2),
    });
  }
  gaps.sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference));

  return {
    overall: r1(overallRaw),
    band: overallRaw === null ? null : bandOf(overallRaw),
    characteristics: rubric.characteristics.map((c, i) => ({
      key: c.key,
      all: r1(scores.all[i]?.score ?? null),
      business: r1(scores.business[i]?.score ?? null),
      public: r1(scores.public[i]?.score ?? null),
    })),
    statements: statementKeys(rubric).map((key) => ({
      key,
      all: r2(means.all.get(key)),
      business: r2(means.business.get(key)),
      public: r2(means.public.get(key)),
    })),
    gaps,
  };
}

/**
 * Scores a round for all respondents, business respondents and public respondents, showing only
 * the groups `groupVisibility` allows: a hidden group's answers enter no score, no mean and no
 * gap, and its values are null like those of a group with nobody in it. Scores are rounded to
 * one decimal, mean levels to two.
 */
export function scoreResponses(rubric: RubricContent, responses: readonly ScoredResponse[]): Results {
  const members = {
    all: responses,
    business: responses.filter((r) => r.sector === "business"),
    public: responses.filter((r) => r.sector === "public"),
  };
  const respondents = countRespondents(responses);
  const visibility = groupVisibility(respondents);
  const shown = (group: ResultGroup) => (visibility[group] === "shown" ? members[group] : []);
  return {
    respondents,
    visibility,
    ...scoreGroups(rubric, { all: shown("all"), business: shown("business"), public: shown("public") }),
  };
}

export interface QuickResult {
  overall: number;
  band: Band;
  characteristics: { key: CharacteristicKey; score: number }[];
  workOnFirst: { statement: string; characteristic: CharacteristicKey; level: number }[];
}

/**
 * One person's answers, scored. "What to work on first": the lowest-answered statements, taking
 * first those of the weakest characteristic, at most three, never one already exemplary.
 */
export function scoreAnswers(rubric: RubricContent, answers: Answers): QuickResult {
  // One person's own answers, shown to that person only: the group minimum does not apply.
  const mine = [{ sector: "business", answers }] as const;
  const results = scoreGroups(rubric, { all: mine, business: [], public: [] });
  const characteristics = results.characteristics.map((c) => ({ key: c.key, score: c.all ?? 0 }));
  const scoreOf = new Map(characteristics.map((c) => [c.key, c.score]));
  const candidates = rubric.characteristics.flatMap((c) =>
    c.statements.map((s, order) => ({
      statement: s.key,
      characteristic: c.key,
      level: answers[s.key] ?? 0,
      order,
    })),
  );
  const workOnFirst = candidates
    .filter((c) => c.level < 3)
    .sort(
      (a, b) =>
        a.level - b.level || (scoreOf.get(a.characteristic) ?? 0) - (scoreOf.get(b.characteristic) ?? 0),
    )
    .slice(0, 3)
    .map(({ statement, characteristic, level }) => ({ statement, characteristic, level }));
  return { overall: results.overall ?? 0, band: results.band ?? "not_yet", characteristics, workOnFirst };
}

export interface AnswerProblem {
  field: string;
  message: string;
}

/**
 * Everything wrong with a set of answers against a rubric, each named: a missing statement, an
 * unknown statement key, a level that is not a whole number from 0 to 3.
 */
export function answerProblems(rubric: RubricContent, answers: Record<string, unknown>): AnswerProblem[] {
  const keys = statementKeys(rubric);
  const known = new Set(keys);
  const problems: AnswerProblem[] = [];
  for (const key of keys) {
    if (!(key in answers)) {
      problems.push({
        field: `answers.${key}`,
        message: rules.isMissingChooseALevelFrom0,
      });
    }
  }
  for (const [key, value] of Object.entries(answers)) {
    if (!known.has(key)) {
      problems.push({ field: `answers.${key}`, message: rules.isNotAStatementOfThisRubric });
    } else if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 3) {
      problems.push({ field: `answers.${key}`, message: rules.mustBeAWholeNumber0To3 });
    }
  }
  return problems;
}

/**
 * How a round compares with the previous closed one: `first` (there is none), `same` (the same
 * characteristics) or `mapped` (rubric versions with different sets: only the characteristics
 * both hold are compared, and the overall change is taken over those alone).
 */
export const comparisons = ["first", "same", "mapped"] as const;
export type Comparison = (typeof comparisons)[number];

interface Scored {
  overall: number | null;
  characteristics: { key: CharacteristicKey; all: number | null }[];
}

export interface Change {
  overall: number | null;
  characteristics: { key: string; change: number | null }[];
  comparison: Comparison;
  /** Characteristics only one of the two rounds holds: `new` in this one, or `dropped` from the previous. */
  notCompared: { key: CharacteristicKey; reason: "new" | "dropped" }[];
}

/**
 * The change of each score since the previous closed round; null where either side is missing.
 * Across rubric versions, characteristics map by key, and the overall change is the change of
 * the mean of the characteristics both rounds score, so that a characteristic one version lacks
 * moves nothing.
 */
export function changeSince(previous: Scored | undefined, current: Scored): Change {
  const diff = (a: number | null | undefined, b: number | null | undefined) =>
    a == null || b == null ? null : roundTo(b - a, 1);
  const before = new Map(previous?.characteristics.map((c) => [c.key, c.all]));
  const characteristics = current.characteristics.map((c) => ({
    key: c.key,
    change: diff(before.get(c.key), c.all),
  }));
  if (!previous) return { overall: null, characteristics, comparison: "first", notCompared: [] };
  const now = new Set(current.characteristics.map((c) => c.key));
  const notCompared = [
    ...current.characteristics
      .filter((c) => !before.has(c.key))
      .map((c) => ({ key: c.key, reason: "new" as const })),
    ...previous.characteristics
      .filter((c) => !now.has(c.key))
      .map((c) => ({ key: c.key, reason: "dropped" as const })),
  ];
  if (!notCompared.length) {
    return {
      overall: diff(previous.overall, current.overall),
      characteristics,
      comparison: "same",
      notCompared,
    };
  }
  const shared = current.characteristics.flatMap((c) => {
    const was = before.get(c.key);
    return c.all != null && was != null ? [{ was, is: c.all }] : [];
  });
  const overall =
    current.overall == null || previous.overall == null || !shared.length
      ? null
      : diff(mean(shared.map((s) => s.was)), mean(shared.map((s) => s.is)));
  return { overall, characteristics, comparison: "mapped", notCompared };
}
