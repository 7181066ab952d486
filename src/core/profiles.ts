/**
 * Benchmarking profiles: a partnership's own story told in the six parts of the Next Gen
 * Benchmarking Framework, with its measurable results read live from its impact indicators.
 * The API contract and the pure rules (the trend of an indicator) shared by server and web.
 */
import { rules } from "./rules.js";
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
import { z } from "zod";
import {
  directions,
  impactAreas,
  indicatorUnits,
  parsePeriod,
  visibilities,
  type Direction,
} from "./impact.js";
import { uuidSchema } from "./ids.js";
import { stateByAbbr } from "./geography.js";
import { settings, stages } from "./vocabulary.js";

/** The six parts, in the order the framework tells them. */
export const profileParts = [
  "motivations",
  "mechanisms",
  "moments",
  "results",
  "ingredients",
  "plans",
] as const;
export type ProfilePart = (typeof profileParts)[number];
export const profilePartMessages = {
  motivations: msg({ id: "vocab.profilePart.motivations", defaultMessage: "Motivations for launch" }),
  mechanisms: msg({ id: "vocab.profilePart.mechanisms", defaultMessage: "Mechanisms for change" }),
  moments: msg({ id: "vocab.profilePart.moments", defaultMessage: "Moments of transformation" }),
  results: msg({ id: "vocab.profilePart.results", defaultMessage: "Measurable results" }),
  ingredients: msg({ id: "vocab.profilePart.ingredients", defaultMessage: "Major ingredients for success" }),
  plans: msg({ id: "vocab.profilePart.plans", defaultMessage: "Plans for the future" }),
} satisfies Record<ProfilePart, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const profilePartLabels: Record<ProfilePart, string> = labelsOf(profilePartMessages);
const profilePartPromptMessages = {
  motivations: msg({
    id: "vocab.profilePrompt.motivations",
    defaultMessage: "Why the partnership started: the industry's needs and who brought people to the table.",
  }),
  mechanisms: msg({
    id: "vocab.profilePrompt.mechanisms",
    defaultMessage: "How the partnership works: its table, action teams and the way decisions are made.",
  }),
  moments: msg({
    id: "vocab.profilePrompt.moments",
    defaultMessage:
      "The turning points: when business leaders took the lead or public partners changed how they work.",
  }),
  results: msg({
    id: "vocab.profilePrompt.results",
    defaultMessage: "What the numbers below mean, and what they do not show.",
  }),
  ingredients: msg({
    id: "vocab.profilePrompt.ingredients",
    defaultMessage: "What made it work, for a partnership that wants to do the same.",
  }),
  plans: msg({
    id: "vocab.profilePrompt.plans",
    defaultMessage: "What comes next: priorities, new members, how the partnership will keep going.",
  }),
} satisfies Record<ProfilePart, MessageDescriptor>;
/** The editor's prompt for each part, in the reader's language (see labelsOf). */
export const profilePartPrompts: Record<ProfilePart, string> = labelsOf(profilePartPromptMessages);

export const PROFILE_PART_MAX = 8000;
export const PROFILE_MAX_INDICATORS = 6;
export const PROFILE_MAX_STORIES = 3;
export const PROFILE_COMPARE_MIN = 2;
export const PROFILE_COMPARE_MAX = 3;
const REVISION_MAX = 2_147_483_647;

export const profileStatuses = ["draft", "published"] as const;
export type ProfileStatus = (typeof profileStatuses)[number];

// ---- the trend of an indicator --------------------------------------------------------------

export interface PeriodValue {
  period: string;
  value: number;
}
export const trends = ["better", "worse", "steady"] as const;
export type Trend = (typeof trends)[number];

/** A period as a count of quarters; a year stands for its last quarter. */
function quarterIndex(period: string): number | null {
  const p = parsePeriod(period);
  return p ? p.year * 4 + (p.quarter ?? 4) : null;
}

export interface IndicatorTrend {
  latest: PeriodValue | null;
  /** The newest value at least a year older than the latest (2024 for 2025, 2024-Q3 for 2025-Q3). */
  yearBefore: PeriodValue | null;
  /** The oldest value, when there is more than one. */
  first: PeriodValue | null;
  /** What the latest is compared with: the value a year before, else the first. */
  basis: "year_before" | "first" | null;
  change: number | null;
  trend: Trend | null;
}

/**
 * The latest of the values the reader may see, what it is compared with, and whether it moved
 * the good way for the indicator's direction. Exact: the numbers as stored.
 */
export function indicatorTrend(values: readonly PeriodValue[], direction: Direction): IndicatorTrend {
  const dated = values
    .map((v) => ({ ...v, at: quarterIndex(v.period) }))
    .filter((v): v is PeriodValue & { at: number } => v.at !== null)
    .sort((a, b) => a.at - b.at);
  const none: IndicatorTrend = {
    latest: null,
    yearBefore: null,
    first: null,
    basis: null,
    change: null,
    trend: null,
  };
  const last = dated.at(-1);
  if (!last) return none;
  const plain = (v: { period: string; value: number }) => ({ period: v.period, value: v.value });
  const older = dated.filter((v) => v.at <= last.at - 4);
  const yearBefore = older.at(-1) ?? null;
  const first = dated.length > 1 ? dated[0] : null;
  const base = yearBefore ?? first;
  if (!base) return { ...none, latest: plain(last) };
  const change = last.value - base.value;
  const improved = direction === "higher" ? change > 0 : change < 0;
  return {
    latest: plain(last),
    yearBefore: yearBefore ? plain(yearBefore) : null,
    first: first ? plain(first) : null,
    basis: yearBefore ? "year_before" : "first",
    change,
    trend: change === 0 ? "steady" : improved ? "better" : "worse",
  };
}

// ---- API contract ---------------------------------------------------------------------------

const partText = z
  .string({ error: () => rules.mustBeText })
  .max(PROFILE_PART_MAX, { error: `must be at most ${PROFILE_PART_MAX.toLocaleString("en-US")} characters` });
const revision = z
  .number({ error: () => rules.mustBeAWholeNumber })
  .int({ error: () => rules.mustBeAWholeNumber })
  .min(0, { error: () => rules.mustBe0OrMore })
  .max(REVISION_MAX, { error: () => rules.isTooLarge });

/** A whole draft, all or nothing; `revision` is the one the writer read (0: there was none yet). */
export const profileDraftBody = z.strictObject({
  revision,
  motivations: partText,
  mechanisms: partText,
  moments: partText,
  results: partText,
  ingredients: partText,
  plans: partText,
  indicators: z
    .array(z.string().min(1).max(60), { error: () => rules.mustBeAListOfIndicatorKeys })
    .max(PROFILE_MAX_INDICATORS, { error: `choose at most ${PROFILE_MAX_INDICATORS} indicators` }),
  stories: z
    .array(uuidSchema, { error: () => rules.mustBeAListOfStoryIds })
    .max(PROFILE_MAX_STORIES, { error: `choose at most ${PROFILE_MAX_STORIES} stories` }),
});
export type ProfileDraftBody = z.infer<typeof profileDraftBody>;

export const profilePublishBody = z.strictObject({
  revision: revision.min(1, { error: () => rules.saveTheProfileBeforePublishingIt }),
  visibility: z.enum(visibilities, { error: () => rules.mustBePartnershipCommunityOrPublic }),
});
export type ProfilePublishBody = z.infer<typeof profilePublishBody>;
export const profileUnpublishBody = z.strictObject({ revision: revision.min(1) });

/** The NAICS sectors (two-digit codes and the three ranges). */
export const naicsSectors = [
  "11",
  "21",
  "22",
  "23",
  "31-33",
  "42",
  "44-45",
  "48-49",
  "51",
  "52",
  "53",
  "54",
  "55",
  "56",
  "61",
  "62",
  "71",
  "72",
  "81",
  "92",
] as const;

export const profileListQuery = z.strictObject({
  industry: z.enum(naicsSectors, { error: () => rules.mustBeANAICSSectorSuchAs }).optional(),
  state: z
    .string()
    .max(2, { error: () => rules.mustBeAStateSuchAsCO })
    .refine((s) => /^[A-Za-z]{2}$/.test(s) && stateByAbbr(s) !== undefined, {
      error: () => rules.mustBeAStateSuchAsCO,
    })
    .transform((s) => s.toUpperCase())
    .optional(),
  stage: z.enum(stages, { error: `must be one of ${stages.join(", ")}` }).optional(),
  setting: z.enum(settings, { error: `must be one of ${settings.join(", ")}` }).optional(),
  /** One partnership's profile only (id or slug): its pages link to it when the reader may read it. */
  partnership: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,119}$/i, { error: () => rules.mustBeAPartnershipSIdOr })
    .optional(),
});
export type ProfileListQuery = z.input<typeof profileListQuery>;

const idOrSlug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,119}$/i, { error: () => rules.mustBeIdsOrSlugs });
export const profileCompareQuery = z.strictObject({
  ids: z
    .string({ error: () => rules.name2Or3ProfilesSeparatedBy })
    .max(400, { error: () => rules.name2Or3ProfilesSeparatedBy })
    .transform((s) => s.split(",").map((part) => part.trim()))
    .pipe(
      z
        .array(idOrSlug)
        .min(PROFILE_COMPARE_MIN, { error: () => rules.name2Or3ProfilesSeparatedBy })
        .max(PROFILE_COMPARE_MAX, { error: () => rules.compareAtMost3ProfilesAtOnce })
        .refine((list) => new Set(list.map((x) => x.toLowerCase())).size === list.length, {
          error: () => rules.namesAProfileTwice,
        }),
    ),
});

const partnershipSummary = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  industries: z.array(z.object({ code: z.string(), title: z.string() })),
  /** State abbreviations of the counties of its region. */
  states: z.array(z.string()),
  stage: z.enum(stages),
  setting: z.enum(settings),
});

export const profileIndicatorSchema = z.object({
  key: z.string(),
  name: z.string(),
  area: z.enum(impactAreas),
  unit: z.enum(indicatorUnits),
  direction: z.enum(directions),
  custom: z.boolean(),
  latest: z.object({ period: z.string(), value: z.number() }).nullable(),
  yearBefore: z.object({ period: z.string(), value: z.number() }).nullable(),
  first: z.object({ period: z.string(), value: z.number() }).nullable(),
  basis: z.enum(["year_before", "first"]).nullable(),
  change: z.number().nullable(),
  trend: z.enum(trends).nullable(),
  /** Actual values that exist but that the reader may not see; never the values themselves. */
  hiddenValues: z.number().int(),
});
export type ProfileIndicator = z.infer<typeof profileIndicatorSchema>;

export const profileStorySchema = z.object({
  id: uuidSchema,
  title: z.string(),
  date: z.string(),
  area: z.enum(impactAreas),
  html: z.string(),
  visibility: z.enum(visibilities),
});
export type ProfileStory = z.infer<typeof profileStorySchema>;

export const profileSchema = z.object({
  partnership: partnershipSummary,
  /** False for a partnership whose profile is not written yet (the editor starts at revision 0). */
  exists: z.boolean(),
  status: z.enum(profileStatuses),
  visibility: z.enum(visibilities),
  revision: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  parts: z.array(z.object({ key: z.enum(profileParts), text: z.string(), html: z.string() })),
  results: z.object({
    indicators: z.array(profileIndicatorSchema),
    stories: z.array(profileStorySchema),
  }),
  /** For the editor: the keys and story ids chosen, even those the reader may not see. */
  chosen: z.object({ indicators: z.array(z.string()), stories: z.array(z.string()) }).nullable(),
  canEdit: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

export const profileListItem = z.object({
  partnership: partnershipSummary,
  visibility: z.enum(visibilities),
  publishedAt: z.string(),
  /** The start of the motivations, as plain words. */
  summary: z.string(),
  indicators: z.number().int(),
});
export type ProfileListItem = z.infer<typeof profileListItem>;

export const profileListResponse = z.object({
  items: z.array(profileListItem),
  /** The choices the published profiles the reader may see offer, for the filters. */
  facets: z.object({
    industries: z.array(z.object({ code: z.string(), title: z.string() })),
    states: z.array(z.object({ abbr: z.string(), name: z.string() })),
  }),
});
export type ProfileList = z.infer<typeof profileListResponse>;

export const profileCompareResponse = z.object({ items: z.array(profileSchema) });
export type ProfileComparison = z.infer<typeof profileCompareResponse>;
