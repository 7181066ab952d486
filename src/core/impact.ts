import { rules } from "./rules.js";
import { labelsOf, msg, say, type MessageDescriptor } from "./i18n/msg.js";
import { z } from "zod";
import { formatDollars, formatNumber, tickStep, ticksBy } from "./format.js";
import {
  fundingSourceLabels,
  fundingSources,
  indicatorUnits,
  type FundingSource,
  type IndicatorUnit,
} from "./indicator-units.js";
import { uuidSchema } from "./ids.js";

/*
 * Impact: the indicator catalog, measurements, benchmarks among peers and the community roll-up
 * (DOMAIN.md, "Impact indicators", "Benchmarking", "Data rules"). The statistics here are pure
 * and exact so the server, the web and the tests agree on every number.
 */

export const impactAreas = [
  "businesses",
  "regional_economy",
  "people",
  "community",
  "public_programs",
  "systems_change",
] as const;
export type ImpactArea = (typeof impactAreas)[number];
export const impactAreaMessages = {
  businesses: msg({ id: "vocab.impactArea.businesses", defaultMessage: "For businesses" }),
  regional_economy: msg({
    id: "vocab.impactArea.regional_economy",
    defaultMessage: "For the regional economy",
  }),
  people: msg({ id: "vocab.impactArea.people", defaultMessage: "For students, jobseekers and workers" }),
  community: msg({ id: "vocab.impactArea.community", defaultMessage: "For community development" }),
  public_programs: msg({ id: "vocab.impactArea.public_programs", defaultMessage: "On public programs" }),
  systems_change: msg({ id: "vocab.impactArea.systems_change", defaultMessage: "For systems change" }),
} satisfies Record<ImpactArea, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const impactAreaLabels: Record<ImpactArea, string> = labelsOf(impactAreaMessages);

export { fundingSourceLabels, fundingSources, indicatorUnits, type FundingSource, type IndicatorUnit };
export const directions = ["higher", "lower"] as const;
export type Direction = (typeof directions)[number];
/** sum: counts and dollars; compare: quartiles of rates; share: of partnerships saying yes (yes_no). */
export const rollupRules = ["sum", "compare", "share"] as const;
export type RollupRule = (typeof rollupRules)[number];
export const measurementKinds = ["actual", "baseline", "target"] as const;
export type MeasurementKind = (typeof measurementKinds)[number];
export const visibilities = ["partnership", "community", "public"] as const;
export type Visibility = (typeof visibilities)[number];
export const visibilityMessages = {
  partnership: msg({ id: "vocab.visibility.partnership", defaultMessage: "Members only" }),
  community: msg({ id: "vocab.visibility.community", defaultMessage: "Community of Practice" }),
  public: msg({ id: "vocab.visibility.public", defaultMessage: "Public" }),
} satisfies Record<Visibility, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const visibilityLabels: Record<Visibility, string> = labelsOf(visibilityMessages);
export const peerGroups = ["all", "industry", "state", "setting"] as const;
export type PeerGroup = (typeof peerGroups)[number];
export const peerGroupMessages = {
  all: msg({ id: "vocab.peerGroup.all", defaultMessage: "All partnerships" }),
  industry: msg({ id: "vocab.peerGroup.industry", defaultMessage: "Same industry sector" }),
  state: msg({ id: "vocab.peerGroup.state", defaultMessage: "Same state" }),
  setting: msg({ id: "vocab.peerGroup.setting", defaultMessage: "Same setting (metro, rural, mixed)" }),
} satisfies Record<PeerGroup, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const peerGroupLabels: Record<PeerGroup, string> = labelsOf(peerGroupMessages);

/** A benchmark with fewer peers than this shows only the count: it would reveal them. */
export const MIN_PEERS = 5;

/** What a caller may see: members see everything, signed-in practitioners community and public. */
export type Audience = "member" | "practitioner" | "public";
export function visibleTo(audience: Audience): Visibility[] {
  if (audience === "member") return ["partnership", "community", "public"];
  if (audience === "practitioner") return ["community", "public"];
  return ["public"];
}
/** Values that may feed a benchmark or roll-up for this audience (never members-only values). */
export function sharedVisibleTo(audience: Audience): Visibility[] {
  return audience === "public" ? ["public"] : ["community", "public"];
}

// ---- periods -------------------------------------------------------------------------------

export const periodPattern = /^(\d{4})(?:-Q([1-4]))?$/;
export const PERIOD_MIN_YEAR = 1990;
export const PERIOD_MAX_YEAR = 2100;

/** A year `2025` or a quarter `2025-Q3`, or null when the text is neither. */
export function parsePeriod(text: string): { year: number; quarter: number | null } | null {
  const match = periodPattern.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < PERIOD_MIN_YEAR || year > PERIOD_MAX_YEAR) return null;
  return { year, quarter: match[2] ? Number(match[2]) : null };
}

/** Orders periods in time; a year comes after its quarters (it summarizes them). */
export function comparePeriods(a: string, b: string): number {
  const key = (p: string) => {
    const parsed = parsePeriod(p);
    return parsed ? parsed.year * 10 + (parsed.quarter ?? 5) : 0;
  };
  return key(a) - key(b);
}

// ---- values --------------------------------------------------------------------------------

/**
 * The range each unit allows. Far above any real partnership (a billion people, a trillion
 * dollars, ten years), and low enough that a community total of every partnership stays a
 * finite number: one value of 1.7e308 would turn every roll-up into Infinity.
 */
export const unitBounds: Record<IndicatorUnit, { max: number; decimals: number | null; label: string }> = {
  count: { max: 1e9, decimals: 0, label: "a count" },
  percent: { max: 100, decimals: null, label: "a percent" },
  days: { max: 3650, decimals: null, label: "days" },
  dollars: { max: 1e12, decimals: 2, label: "dollars" },
  yes_no: { max: 1, decimals: 0, label: "yes (1) or no (0)" },
};

/** A unit in the words a value's problem names it by. */
const unitWordMessages = {
  count: msg({ id: "vocab.unitWord.count", defaultMessage: "a count" }),
  percent: msg({ id: "vocab.unitWord.percent", defaultMessage: "a percent" }),
  days: msg({ id: "vocab.unitWord.days", defaultMessage: "days" }),
  dollars: msg({ id: "vocab.unitWord.dollars", defaultMessage: "dollars" }),
  yes_no: msg({ id: "vocab.unitWord.yesNo", defaultMessage: "yes (1) or no (0)" }),
} satisfies Record<IndicatorUnit, MessageDescriptor>;

/** Why a value does not fit its indicator's unit, or null when it fits. */
export function valueProblem(unit: IndicatorUnit, value: number): string | null {
  // Infinity (a number too long to hold) fails the bounds below with their message.
  if (Number.isNaN(value))
    return say(msg({ id: "vocab.value.notNumber", defaultMessage: "must be a number" }));
  if (unit === "yes_no")
    return value === 0 || value === 1
      ? null
      : say(msg({ id: "vocab.value.yesNo", defaultMessage: "must be 1 (yes) or 0 (no)" }));
  const { max, decimals } = unitBounds[unit];
  if (unit === "percent")
    return value < 0 || value > max
      ? say(msg({ id: "vocab.value.percent", defaultMessage: "must be a percent between 0 and 100" }))
      : null;
  const label = say(unitWordMessages[unit]);
  if (value < 0)
    return say(msg({ id: "vocab.value.negative", defaultMessage: "must not be negative ({unit})" }), {
      unit: label,
    });
  if (value > max)
    return say(msg({ id: "vocab.value.tooLarge", defaultMessage: "must be at most {max} ({unit})" }), {
      max: formatNumber(max),
      unit: label,
    });
  if (decimals === 0 && !Number.isInteger(value))
    return say(msg({ id: "vocab.value.whole", defaultMessage: "must be a whole number ({unit})" }), {
      unit: label,
    });
  if (decimals === 2 && Number(value.toFixed(2)) !== value)
    return say(msg({ id: "vocab.value.cents", defaultMessage: "must have at most 2 decimals (cents)" }));
  return null;
}

/** What a unit allows, in words, for a template or a form: "a whole number from 0 to 1,000,000,000". */
export function allowedRange(unit: IndicatorUnit): string {
  const { max } = unitBounds[unit];
  if (unit === "count")
    return say(msg({ id: "vocab.range.count", defaultMessage: "a whole number from 0 to {max}" }), {
      max: formatNumber(max),
    });
  if (unit === "percent")
    return say(msg({ id: "vocab.range.percent", defaultMessage: "a percent from 0 to {max}" }), {
      max: String(max),
    });
  if (unit === "days")
    return say(msg({ id: "vocab.range.days", defaultMessage: "days from 0 to {max}" }), {
      max: formatNumber(max),
    });
  if (unit === "yes_no") return say(msg({ id: "vocab.range.yesNo", defaultMessage: "yes or no (1 or 0)" }));
  return say(
    msg({ id: "vocab.range.dollars", defaultMessage: "dollars from {min} to {max}, cents allowed" }),
    {
      min: formatDollars(0),
      max: formatDollars(max),
    },
  );
}

export const measurementKindMessages = {
  actual: msg({ id: "vocab.measurementKind.actual", defaultMessage: "Actual" }),
  baseline: msg({ id: "vocab.measurementKind.baseline", defaultMessage: "Baseline" }),
  target: msg({ id: "vocab.measurementKind.target", defaultMessage: "Target" }),
} satisfies Record<MeasurementKind, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const measurementKindLabels: Record<MeasurementKind, string> = labelsOf(measurementKindMessages);

/** A period as people say it: "2025", "Q3 2025". */
export function periodLabel(period: string): string {
  const parsed = parsePeriod(period);
  return parsed?.quarter
    ? say(msg({ id: "vocab.period.quarter", defaultMessage: "Q{quarter} {year}" }), {
        quarter: String(parsed.quarter),
        year: String(parsed.year),
      })
    : period;
}

/** One value named as people say it: "New jobs created, Q2 2025", "Staff retention rate, target 2027". */
export function measurementLabel(name: string, kind: MeasurementKind, period: string): string {
  const when = periodLabel(period);
  return kind === "actual"
    ? `${name}, ${when}`
    : say(
        msg({
          id: "vocab.measurement.named",
          defaultMessage: "{name}, {kind, select, baseline {baseline} target {target} other {{kind}}} {when}",
        }),
        { name, kind, when },
      );
}

/**
 * Reads a number as people type it in a grid or a CSV: "1,250", "$3,000", "45%"; for a yes/no
 * outcome, "yes" and "no" too (1 and 0).
 */
export function parseNumber(text: string, unit?: IndicatorUnit): number | null {
  const word = text.trim().toLowerCase();
  if (unit === "yes_no" && (word === "yes" || word === "no")) return word === "yes" ? 1 : 0;
  const cleaned = text.trim().replace(/[$,%\s]/g, "");
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

// ---- statistics ----------------------------------------------------------------------------

/**
 * The p-quantile of values, interpolated linearly between the closest ranks: exactly what
 * PostgreSQL's `percentile_cont(p) within group (order by value)` answers.
 */
export function percentileCont(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  return percentileOfSorted(sortedNumbers(values), p);
}

/**
 * The values in ascending order, as a typed array: its sort compares numbers natively, several
 * times faster than an array's sort with a comparator on a benchmark's thousands of peers.
 */
function sortedNumbers(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/** As percentileCont, of values already sorted ascending (quartiles sort once for all three). */
function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const position = p * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const fraction = position - lower;
  return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction;
}

export interface Quartiles {
  q1: number;
  median: number;
  q3: number;
}
export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  const sorted = sortedNumbers(values);
  return {
    q1: percentileOfSorted(sorted, 0.25),
    median: percentileOfSorted(sorted, 0.5),
    q3: percentileOfSorted(sorted, 0.75),
  };
}

/**
 * Where a value stands among peers: 100 x (peers it does better than + half the peers it
 * ties) / peers, "better" following the indicator's direction.
 */
export function percentileAmong(
  value: number,
  peers: readonly number[],
  direction: Direction,
): number | null {
  if (peers.length === 0) return null;
  let better = 0;
  let ties = 0;
  for (const peer of peers) {
    if (peer === value) ties++;
    else if (direction === "higher" ? value > peer : value < peer) better++;
  }
  return (100 * (better + ties / 2)) / peers.length;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/**
 * Bins of the peers' values with round edges (1, 2 or 5 x 10^n wide, as chart axes step): the
 * distribution without naming anyone, in ranges people can read ("100 to 200", not "97.3 to 214.6").
 */
export function histogram(values: readonly number[], maxBins = 10): HistogramBin[] {
  if (values.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return [{ from: min, to: max, count: values.length }];
  const wanted = Math.min(maxBins, Math.max(1, Math.ceil(Math.sqrt(values.length))));
  let step = tickStep(min, max, wanted);
  let edges = ticksBy(min, max, step);
  // Round edges may add a bin or two; never more than maxBins: widen to the next 1, 2, 5 step.
  while (edges.length - 1 > maxBins) {
    const power = 10 ** Math.floor(Math.log10(step) + 1e-9);
    const factor = Math.round(step / power);
    step = factor === 1 ? 2 * power : factor === 2 ? 5 * power : 10 * power;
    edges = ticksBy(min, max, step);
  }
  const out: HistogramBin[] = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1], count: 0 }));
  const first = edges[0];
  // A value on an edge belongs to the bin it starts (0.6 / 0.2 is 2.9999999999999996 in floats);
  // the highest value to the last bin.
  for (const v of values) {
    const x = (v - first) / step;
    let bin = Math.floor(x);
    // Only a quotient a hair below the next whole number can round up to it (x is below a few
    // dozen); the string round trip is kept for those few and skipped for the rest.
    if (x - bin > 0.999999) bin = Math.floor(Number(x.toPrecision(12)));
    out[Math.min(out.length - 1, bin)].count++;
  }
  return out;
}

export type BenchmarkNumbers =
  | { peers: number; suppressed: true }
  | {
      peers: number;
      suppressed: false;
      q1: number;
      median: number;
      q3: number;
      value: number | null;
      percentile: number | null;
      distribution: HistogramBin[];
      /** The share of peers whose value is 1: what a yes/no outcome's benchmark shows. */
      share: number;
    };

/** The benchmark of one partnership's value among its peers' values (itself not included). */
export function benchmarkOf(
  own: number | null,
  peers: readonly number[],
  direction: Direction,
): BenchmarkNumbers {
  if (peers.length < MIN_PEERS) return { peers: peers.length, suppressed: true };
  const q = quartiles(peers)!;
  return {
    peers: peers.length,
    suppressed: false,
    ...q,
    share: shareOf(peers)!,
    value: own,
    percentile: own === null ? null : percentileAmong(own, peers, direction),
    distribution: histogram(peers),
  };
}

export type RollupNumbers =
  | { rule: "sum"; reporting: number; total: number }
  | { rule: "compare"; reporting: number; q1: number | null; median: number | null; q3: number | null }
  | { rule: "share"; reporting: number; share: number | null };

/**
 * The share of values that say yes (1), or null below MIN_PEERS: a share of fewer partnerships
 * would tell what each of them answered.
 */
export function shareOf(values: readonly number[]): number | null {
  if (values.length < MIN_PEERS) return null;
  return values.filter((v) => v === 1).length / values.length;
}

/**
 * Counts and dollars sum across partnerships; rates, medians and days are compared, never summed;
 * yes/no outcomes are the share of reporting partnerships that achieved them.
 */
export function rollupOf(values: readonly number[], rule: RollupRule): RollupNumbers {
  if (rule === "share") return { rule, reporting: values.length, share: shareOf(values) };
  if (rule === "sum") return { rule, reporting: values.length, total: values.reduce((s, v) => s + v, 0) };
  const q = quartiles(values);
  return { rule, reporting: values.length, q1: q?.q1 ?? null, median: q?.median ?? null, q3: q?.q3 ?? null };
}

/** The change of the latest actual value against the baseline, and whether it goes the good way. */
export function changeAgainstBaseline(
  baseline: number | null,
  latest: number | null,
  direction: Direction,
): { change: number; relative: number | null; improved: boolean } | null {
  if (baseline === null || latest === null) return null;
  const change = latest - baseline;
  return {
    change,
    relative: baseline === 0 ? null : (100 * change) / Math.abs(baseline),
    improved: direction === "higher" ? change > 0 : change < 0,
  };
}

// ---- API contract --------------------------------------------------------------------------

export const indicatorKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,59}$/, { error: () => rules.mustBeLowerCaseLettersDigitsAnd });

export const indicatorSchema = z.object({
  key: z.string(),
  name: z.string(),
  definition: z.string(),
  area: z.enum(impactAreas),
  unit: z.enum(indicatorUnits),
  direction: z.enum(directions),
  rollup: z.enum(rollupRules),
  retired: z.boolean(),
  /** A partnership's own indicator: tracked like the catalog's, never benchmarked or rolled up. */
  custom: z.boolean(),
  /** Leveraged funding only: where the dollars came from. */
  fundingSource: z.enum(fundingSources).optional(),
  /** Shared Table computes its values (from the table or a value check); nobody types them. */
  computed: z.boolean().optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/** A partnership's own indicator: the key is made for it, and the roll-up rule follows the unit. */
export const customIndicatorBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(3, { error: () => rules.mustBeAtLeast3Characters })
    .max(200),
  definition: z.string().trim().max(2000).default(""),
  area: z.enum(impactAreas),
  unit: z.enum(indicatorUnits),
  direction: z.enum(directions),
});
export type CustomIndicatorBody = z.infer<typeof customIndicatorBody>;

/** Own indicators that several partnerships defined alike (same name and unit): candidates to adopt. */
export const alikeIndicatorsSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      unit: z.enum(indicatorUnits),
      partnerships: z.number().int(),
      indicators: z.array(z.object({ key: z.string(), partnership: z.string(), values: z.number().int() })),
    }),
  ),
});
export type AlikeIndicators = z.infer<typeof alikeIndicatorsSchema>;

export const indicatorBody = z
  .strictObject({
    key: indicatorKey,
    name: z
      .string()
      .trim()
      .min(3, { error: () => rules.mustBeAtLeast3Characters })
      .max(200),
    definition: z.string().trim().max(2000).default(""),
    area: z.enum(impactAreas),
    unit: z.enum(indicatorUnits),
    direction: z.enum(directions),
    rollup: z.enum(rollupRules),
  })
  .check((ctx) => {
    if ((ctx.value.unit === "yes_no") !== (ctx.value.rollup === "share")) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["rollup"],
        message: rules.yesNoOutcomesAndOnlyTheyRoll,
      });
    }
    if (ctx.value.rollup === "sum" && (ctx.value.unit === "percent" || ctx.value.unit === "days")) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["rollup"],
        message: rules.ratesAndDaysAreComparedAcrossPartnerships,
      });
    }
  });
export type IndicatorBody = z.infer<typeof indicatorBody>;
export const indicatorPatchBody = z.strictObject({
  name: z.string().trim().min(3).max(200).optional(),
  definition: z.string().trim().max(2000).optional(),
  area: z.enum(impactAreas).optional(),
  direction: z.enum(directions).optional(),
  retired: z.boolean().optional(),
});
export type IndicatorPatch = z.infer<typeof indicatorPatchBody>;

export const periodSchema = z.string().refine((p) => parsePeriod(p) !== null, {
  error: () => rules.mustBeAYear2025OrA,
});

export const measurementInput = z.strictObject({
  indicator: z.string().min(1).max(60),
  period: periodSchema,
  value: z
    .number({ error: () => rules.mustBeANumber })
    .refine(Number.isFinite, { error: () => rules.mustBeANumber }),
  kind: z.enum(measurementKinds),
  visibility: z.enum(visibilities, { error: () => rules.mustBePartnershipCommunityOrPublic }),
  source: z.string().trim().max(500).optional(),
  note: z.string().trim().max(2000).optional(),
  /**
   * The version of the value the writer saw (0: it saw none). When given, a value changed since
   * answers 409 with the current values and nothing is stored; without it, the write replaces.
   */
  version: z
    .number({ error: () => rules.mustBeAWholeNumber })
    .int()
    .min(0)
    .max(2_147_483_647)
    .optional(),
});
export type MeasurementInput = z.infer<typeof measurementInput>;
/** The 409 answer's `current`: the values that changed since the writer read them. */
export interface MeasurementConflict {
  items: Measurement[];
}
export const MAX_MEASUREMENTS_PER_WRITE = 5000;
export const measurementsBody = z.strictObject({
  items: z.array(measurementInput).min(1).max(MAX_MEASUREMENTS_PER_WRITE),
});

export const measurementSchema = z.object({
  indicator: z.string(),
  period: z.string(),
  kind: z.enum(measurementKinds),
  value: z.number(),
  visibility: z.enum(visibilities),
  source: z.string(),
  note: z.string(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string(),
  version: z.number().int(),
});
export type Measurement = z.infer<typeof measurementSchema>;
export const measurementsQuery = z.strictObject({
  indicator: z.string().max(60).optional(),
  period: periodSchema.optional(),
});
export const measurementsResponse = z.object({ items: z.array(measurementSchema) });

export const storyBehind = z.strictObject({
  whatHappened: z.string().trim().max(4000).default(""),
  partners: z.string().trim().max(4000).default(""),
  whatWorks: z.string().trim().max(4000).default(""),
  nextSteps: z.string().trim().max(4000).default(""),
  visibility: z.enum(visibilities).default("partnership"),
});
export type StoryBehind = z.infer<typeof storyBehind>;

export const trackedIndicatorSchema = indicatorSchema.extend({
  /** Values that exist but that the caller may not read (not shared publicly, or members only). */
  hiddenValues: z.number().int(),
  story: z
    .object({
      whatHappened: z.string(),
      partners: z.string(),
      whatWorks: z.string(),
      nextSteps: z.string(),
      visibility: z.enum(visibilities),
      updatedAt: z.string(),
    })
    .nullable(),
});
export type TrackedIndicator = z.infer<typeof trackedIndicatorSchema>;
export const trackedResponse = z.object({
  items: z.array(trackedIndicatorSchema),
  canEdit: z.boolean(),
  /** Conveners (and community admins) choose whether peers see the partnership's name. */
  canManage: z.boolean(),
  namedInBenchmarks: z.boolean(),
});
export const trackBody = z.strictObject({ keys: z.array(z.string().min(1).max(60)).max(100) });
export const impactSettingsBody = z.strictObject({ namedInBenchmarks: z.boolean() });

export const benchmarksQuery = z.strictObject({
  indicator: z.string().min(1).max(60),
  period: periodSchema,
  peers: z.enum(peerGroups).default("all"),
});
const histogramBin = z.object({ from: z.number(), to: z.number(), count: z.number().int() });
export const benchmarkResponse = z.union([
  z.object({
    indicator: z.string(),
    period: z.string(),
    group: z.enum(peerGroups),
    peers: z.number().int(),
    suppressed: z.literal(true),
  }),
  z.object({
    indicator: z.string(),
    period: z.string(),
    group: z.enum(peerGroups),
    peers: z.number().int(),
    suppressed: z.literal(false),
    median: z.number(),
    q1: z.number(),
    q3: z.number(),
    value: z.number().nullable(),
    percentile: z.number().nullable(),
    distribution: z.array(histogramBin),
    /** Yes/no outcomes: the share of peers that said yes. */
    share: z.number().optional(),
    named: z.array(z.object({ name: z.string(), slug: z.string(), value: z.number() })),
  }),
]);
export type BenchmarkAnswer = z.infer<typeof benchmarkResponse>;

export const rollupQuery = z.strictObject({
  period: z.string().regex(/^\d{4}$/, { error: () => rules.mustBeAYearSuchAs2025 }),
});
const rollupNumbers = z.object({
  reporting: z.number().int(),
  total: z.number().nullable(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
  /** Yes/no outcomes: the share saying yes; null below 5 partnerships (it would reveal them). */
  share: z.number().nullable().optional(),
});
export const rollupResponse = z.object({
  period: z.string(),
  audience: z.enum(["practitioner", "public"]),
  partnershipsReporting: z.number().int(),
  items: z.array(
    z.object({
      indicator: z.string(),
      name: z.string(),
      area: z.enum(impactAreas),
      unit: z.enum(indicatorUnits),
      rollup: z.enum(rollupRules),
      ...rollupNumbers.shape,
      bySector: z.array(z.object({ sector: z.string(), ...rollupNumbers.shape })),
      byState: z.array(z.object({ state: z.string(), ...rollupNumbers.shape })),
    }),
  ),
  /** Leveraged funding added up by where it came from (federal, state, local, private, philanthropic). */
  fundingBySource: z
    .array(z.object({ source: z.enum(fundingSources), reporting: z.number().int(), total: z.number() }))
    .optional(),
});
export type Rollup = z.infer<typeof rollupResponse>;

export const storyBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(3, { error: () => rules.mustBeAtLeast3Characters })
    .max(200),
  date: z.iso.date({ error: () => rules.mustBeADateAsYYYYMM }),
  area: z.enum(impactAreas),
  body: z.string().max(20_000).default(""),
  indicators: z.array(z.string().min(1).max(60)).max(30).default([]),
  priorities: z.array(uuidSchema).max(30).default([]),
  visibility: z.enum(visibilities),
});
export type StoryBody = z.infer<typeof storyBody>;
export const storyPatchBody = storyBody.partial().extend({ version: z.number().int().positive() });
export type StoryPatch = z.infer<typeof storyPatchBody>;
export const storySchema = z.object({
  id: uuidSchema,
  title: z.string(),
  date: z.string(),
  area: z.enum(impactAreas),
  body: z.string(),
  html: z.string(),
  indicators: z.array(z.string()),
  priorities: z.array(z.string()),
  visibility: z.enum(visibilities),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Story = z.infer<typeof storySchema>;
