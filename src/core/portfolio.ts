/**
 * A coordinator's portfolio: every partnership of a scope with the few figures that say whether it
 * is alive and industry-driven, and flags where it needs a call. The arithmetic here is pure, so
 * the server, its exports and the web page agree on it.
 */
import { rules } from "./rules.js";
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
import { z } from "zod";
import { bands, type Band } from "./assessment-scoring.js";
import { scopeKinds, scopeSelectionQuery } from "./coordinators.js";
import { uuidSchema } from "./ids.js";
import { stages, type Stage } from "./vocabulary.js";

export const portfolioFlags = [
  "no_full_meeting_6_months",
  "public_outnumber_business",
  "no_values_this_year",
] as const;
export type PortfolioFlag = (typeof portfolioFlags)[number];
export const portfolioFlagMessages = {
  no_full_meeting_6_months: msg({
    id: "vocab.portfolioFlag.no_full_meeting_6_months",
    defaultMessage: "No full meeting in 6 months",
  }),
  public_outnumber_business: msg({
    id: "vocab.portfolioFlag.public_outnumber_business",
    defaultMessage: "Public partners outnumber business",
  }),
  no_values_this_year: msg({
    id: "vocab.portfolioFlag.no_values_this_year",
    defaultMessage: "No values this year",
  }),
} satisfies Record<PortfolioFlag, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const portfolioFlagLabels: Record<PortfolioFlag, string> = labelsOf(portfolioFlagMessages);

/** Months without a full partnership meeting after which a partnership is flagged. */
export const QUIET_MONTHS = 6;
/** How many of the last full meetings the business-share trend shows. */
export const TREND_MEETINGS = 3;

/**
 * Sort orders: ascending, or descending with a leading "-". `months` puts a partnership that never
 * met after every one that did (it has waited longest); missing shares and bands go last either way.
 */
export const portfolioSortFields = [
  "name",
  "stage",
  "months",
  "late",
  "share",
  "band",
  "indicators",
  "flags",
] as const;
export type PortfolioSortField = (typeof portfolioSortFields)[number];
export type PortfolioSort = PortfolioSortField | `-${PortfolioSortField}`;
export const portfolioSorts: readonly PortfolioSort[] = portfolioSortFields.flatMap((f) => [
  f,
  `-${f}` as const,
]);
export const portfolioSortMessages = {
  name: msg({ id: "vocab.portfolioSort.name", defaultMessage: "Name" }),
  stage: msg({ id: "vocab.portfolioSort.stage", defaultMessage: "Stage" }),
  months: msg({ id: "vocab.portfolioSort.months", defaultMessage: "Months since full meeting" }),
  late: msg({ id: "vocab.portfolioSort.late", defaultMessage: "Late actions" }),
  share: msg({ id: "vocab.portfolioSort.share", defaultMessage: "Business share at last full meeting" }),
  band: msg({ id: "vocab.portfolioSort.band", defaultMessage: "Self-assessment band" }),
  indicators: msg({ id: "vocab.portfolioSort.indicators", defaultMessage: "Indicators reported last year" }),
  flags: msg({ id: "vocab.portfolioSort.flags", defaultMessage: "Number of flags" }),
} satisfies Record<PortfolioSortField, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const portfolioSortLabels: Record<PortfolioSortField, string> = labelsOf(portfolioSortMessages);

const stateFips = z.string().regex(/^\d{2}$/, { error: () => rules.mustBeATwoDigitStateFIPS });

/** The selection (scope or state) plus filters and a sort order, all optional. */
export const portfolioQuery = scopeSelectionQuery.extend({
  stage: z.enum(stages).optional(),
  flag: z.enum(portfolioFlags).optional(),
  /** Only partnerships with a county in this state (FIPS); unlike `state`, it needs no right to the whole state. */
  inState: stateFips.optional(),
  /** Words of the partnership's name. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(portfolioSorts).default("name"),
});
export type PortfolioQuery = z.infer<typeof portfolioQuery>;

export const portfolioItemSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  slug: z.string(),
  stage: z.enum(stages),
  /** State abbreviations its counties touch, and the counties (five-digit FIPS), for the map. */
  states: z.array(z.string()),
  counties: z.array(z.string()),
  /** The day of the last full partnership or launch meeting held, in the meeting's time zone. */
  lastFullMeeting: z.string().nullable(),
  monthsSinceFullMeeting: z.number().int().nullable(),
  /** Business share of attendance (0-1) at the last full meetings, oldest first; null: no attendance taken. */
  businessShareTrend: z.array(z.number().nullable()),
  teams: z.object({ active: z.number().int(), withBusinessChampion: z.number().int() }),
  /** Open actions of active priorities due before today. */
  lateActions: z.number().int(),
  /** The band of the latest closed self-assessment round; null when none, or its results are hidden. */
  assessmentBand: z.enum(bands).nullable(),
  assessedAt: z.string().nullable(),
  /** Tracked indicators, and how many have a value for `lastYear`. */
  indicators: z.object({ tracked: z.number().int(), withValueLastYear: z.number().int() }),
  valuesThisYear: z.number().int(),
  /** Active members by role: business (champions and business members) and public (support team and conveners). */
  members: z.object({ business: z.number().int(), public: z.number().int() }),
  flags: z.array(z.enum(portfolioFlags)),
  /** The caller's own role when they sit at its table. */
  role: z.string().nullable(),
});
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;

export const portfolioScopeTab = z.object({
  id: uuidSchema,
  kind: z.enum(scopeKinds),
  name: z.string(),
  stateFips: z.string(),
});

export const portfolioSchema = z.object({
  /** What the page covers, in words: "Colorado", "Northeast Ohio", "Your scopes". */
  label: z.string(),
  selection: z.object({ scope: uuidSchema.nullable(), state: z.string().nullable() }),
  /** The caller's scopes, one page each. */
  scopes: z.array(portfolioScopeTab),
  today: z.string(),
  year: z.number().int(),
  lastYear: z.number().int(),
  /** Partnerships of the selection before the filters; items are those that pass them. */
  total: z.number().int(),
  /** How many of the selection carry each flag (before the filters), for the flag buttons. */
  flagCounts: z.object(
    Object.fromEntries(portfolioFlags.map((f) => [f, z.number().int()])) as Record<
      PortfolioFlag,
      z.ZodNumber
    >,
  ),
  items: z.array(portfolioItemSchema),
});
export type Portfolio = z.infer<typeof portfolioSchema>;

/* ------------------------------------------------------------------ pure rules */

/** Whole calendar months from one day to another (YYYY-MM-DD): 2026-01-31 → 2026-03-01 is 1. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  const months = (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
  return Math.max(0, months);
}

/** A share rounded to three decimals, or null when nobody was counted. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;
}

export interface FlagFacts {
  monthsSinceFullMeeting: number | null;
  /** Whole months since the partnership was created: one that never met is flagged once it is that old. */
  monthsSinceCreated: number;
  members: { business: number; public: number };
  valuesThisYear: number;
}

export function flagsOf(f: FlagFacts): PortfolioFlag[] {
  const flags: PortfolioFlag[] = [];
  const quiet = f.monthsSinceFullMeeting ?? f.monthsSinceCreated;
  if (quiet >= QUIET_MONTHS) flags.push("no_full_meeting_6_months");
  if (f.members.public > f.members.business) flags.push("public_outnumber_business");
  if (f.valuesThisYear === 0) flags.push("no_values_this_year");
  return flags;
}

/**
 * The business share of each of the last full meetings, oldest first, from meetings given newest
 * first (as the database ranks them); at most TREND_MEETINGS.
 */
export function shareTrend(newestFirst: readonly { business: number; total: number }[]): (number | null)[] {
  return newestFirst
    .slice(0, TREND_MEETINGS)
    .map((m) => shareOf(m.business, m.total))
    .reverse();
}

export interface PortfolioFilters {
  stage?: Stage;
  flag?: PortfolioFlag;
  inState?: string;
  q?: string;
}

export function filterPortfolio(items: readonly PortfolioItem[], f: PortfolioFilters): PortfolioItem[] {
  const words = (f.q ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  return items.filter(
    (i) =>
      (!f.stage || i.stage === f.stage) &&
      (!f.flag || i.flags.includes(f.flag)) &&
      (!f.inState || i.counties.some((c) => c.startsWith(f.inState ?? ""))) &&
      words.every((w) => i.name.toLowerCase().includes(w)),
  );
}

const bandRank: Record<Band, number> = { not_yet: 0, emerging: 1, next_gen: 2 };

/** The value a sort compares; null sorts last in both directions. */
function sortValue(i: PortfolioItem, field: PortfolioSortField): number | string | null {
  switch (field) {
    case "name":
      return i.name.toLowerCase();
    case "stage":
      return stages.indexOf(i.stage);
    case "months":
      return i.monthsSinceFullMeeting ?? Number.POSITIVE_INFINITY;
    case "late":
      return i.lateActions;
    case "share":
      return i.businessShareTrend.at(-1) ?? null;
    case "band":
      return i.assessmentBand === null ? null : bandRank[i.assessmentBand];
    case "indicators":
      return i.indicators.tracked === 0 ? null : i.indicators.withValueLastYear / i.indicators.tracked;
    case "flags":
      return i.flags.length;
  }
}

export function sortPortfolio(items: readonly PortfolioItem[], sort: PortfolioSort): PortfolioItem[] {
  const descending = sort.startsWith("-");
  const field = (descending ? sort.slice(1) : sort) as PortfolioSortField;
  const byName = (a: PortfolioItem, b: PortfolioItem) =>
    a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return [...items].sort((a, b) => {
    const x = sortValue(a, field);
    const y = sortValue(b, field);
    if (x === y) return byName(a, b);
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === "string" && typeof y === "string" ? x.localeCompare(y) : x < y ? -1 : 1;
    return (descending ? -order : order) || byName(a, b);
  });
}
