/**
 * The shared agenda: opportunities, vote rounds and ballots, priorities, action teams and
 * actions. API schemas (shared by server and web) and the pure rules: ballot validation, tallies,
 * rating means, the order of results, and which actions are due soon or late.
 */
import { rules } from "./rules.js";
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
import { z } from "zod";
import { limits } from "./limits.js";
import { historyPerson } from "./members.js";
import { uuidSchema } from "./ids.js";
import { themes } from "./vocabulary.js";

/* ------------------------------------------------------------------ vocabularies */

export const voteMethods = ["dots", "rating"] as const;
export type VoteMethod = (typeof voteMethods)[number];
export const voteMethodMessages = {
  dots: msg({ id: "vocab.voteMethod.dots", defaultMessage: "Dot vote" }),
  rating: msg({ id: "vocab.voteMethod.rating", defaultMessage: "Importance and feasibility" }),
} satisfies Record<VoteMethod, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const voteMethodLabels: Record<VoteMethod, string> = labelsOf(voteMethodMessages);

export const priorityStatuses = ["active", "achieved", "retired"] as const;
export type PriorityStatus = (typeof priorityStatuses)[number];
export const priorityStatusMessages = {
  active: msg({ id: "vocab.priorityStatus.active", defaultMessage: "Active" }),
  achieved: msg({ id: "vocab.priorityStatus.achieved", defaultMessage: "Achieved" }),
  retired: msg({ id: "vocab.priorityStatus.retired", defaultMessage: "Retired" }),
} satisfies Record<PriorityStatus, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const priorityStatusLabels: Record<PriorityStatus, string> = labelsOf(priorityStatusMessages);

export const actionStatuses = ["planned", "in_progress", "done", "stuck"] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const actionStatusMessages = {
  planned: msg({ id: "vocab.actionStatus.planned", defaultMessage: "Planned" }),
  in_progress: msg({ id: "vocab.actionStatus.in_progress", defaultMessage: "In progress" }),
  done: msg({ id: "vocab.actionStatus.done", defaultMessage: "Done" }),
  stuck: msg({ id: "vocab.actionStatus.stuck", defaultMessage: "Stuck" }),
} satisfies Record<ActionStatus, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const actionStatusLabels: Record<ActionStatus, string> = labelsOf(actionStatusMessages);

export const teamRoles = ["champion", "member", "support"] as const;
export type TeamRole = (typeof teamRoles)[number];

/** Dots each voter spreads unless the convener says otherwise. */
export const DEFAULT_DOTS = 5;
export const MAX_DOTS = 50;
export const MAX_ROUND_ITEMS = 40;
/** A closing date is at most this many days ahead: a vote is a meeting's business, not a year's. */
export const MAX_ROUND_DAYS = 90;
/** Voters who have not voted are reminded this many hours before a round's closing date. */
export const VOTE_REMINDER_HOURS = 24;
/** The action plan shows what is due within this many days. */
export const DUE_SOON_DAYS = 60;
/** An action's owner is reminded this many days before its due date. */
export const REMINDER_DAYS = 3;
export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** The middle of the 1-5 scale: the lines of the importance/feasibility 2x2. */
export const RATING_MIDPOINT = 3;

export const agendaLimits = {
  title: 200,
  text: limits.description,
  note: 2000,
} as const;

/* ------------------------------------------------------------------ small schemas */

const title = z
  .string()
  .trim()
  .min(3, { error: () => rules.mustBeAtLeast3Characters })
  .max(agendaLimits.title, { error: `must be at most ${agendaLimits.title} characters` });
const longText = z
  .string()
  .trim()
  .max(agendaLimits.text, { error: `must be at most ${agendaLimits.text} characters` });
export const isoDateString = z.iso.date({ error: () => rules.mustBeADateAsYYYYMM });
const personRef = z.object({ personId: uuidSchema, name: z.string() });
const uniqueIds = (what: string) =>
  z
    .array(z.uuid({ error: `each must be the id of ${what}` }))
    .refine((ids) => new Set(ids).size === ids.length, {
      error: () => rules.listsSomeoneOrSomethingTwice,
    });

/* ------------------------------------------------------------------ opportunities */

/** What an opportunity or priority is about: chosen when it is raised (the community roll-up counts them). */
const theme = z.enum(themes, { error: `choose what it is about: one of ${themes.join(", ")}` });

export const opportunityBody = z.strictObject({
  title,
  description: longText.optional(),
  theme,
});
export type OpportunityBody = z.infer<typeof opportunityBody>;

export const opportunitySchema = z.object({
  id: uuidSchema,
  partnershipId: uuidSchema,
  title: z.string(),
  description: z.string(),
  /** Null for opportunities raised before themes existed. */
  theme: z.enum(themes).nullable(),
  raisedBy: historyPerson.nullable(),
  createdAt: z.string(),
  /** Rounds that put this opportunity to a vote. */
  roundCount: z.number().int(),
  /** The priority made from it, if any. */
  priorityId: uuidSchema.nullable(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;

export const agendaPermissions = z.object({
  /** Record opportunities: business members, champions and conveners. */
  raise: z.boolean(),
  /** Open and close rounds, make priorities, form teams: conveners and community admins. */
  manage: z.boolean(),
});
export type AgendaPermissions = z.infer<typeof agendaPermissions>;

export const opportunitiesResponse = z.object({
  items: z.array(opportunitySchema),
  permissions: agendaPermissions,
});
export type OpportunitiesResponse = z.infer<typeof opportunitiesResponse>;

/* ------------------------------------------------------------------ vote rounds */

export const voteRoundBody = z
  .strictObject({
    title,
    method: z.enum(voteMethods),
    dotsPerVoter: z
      .number()
      .int({ error: () => rules.mustBeAWholeNumber })
      .min(1, { error: () => rules.mustBeAtLeast1 })
      .max(MAX_DOTS, { error: `must be at most ${MAX_DOTS}` })
      .optional(),
    opportunityIds: uniqueIds("an opportunity of this partnership")
      .min(2, { error: () => rules.chooseAtLeast2OpportunitiesToVote })
      .max(MAX_ROUND_ITEMS, { error: `choose at most ${MAX_ROUND_ITEMS} opportunities` }),
    /** When the round closes by itself; the server checks it is ahead, within MAX_ROUND_DAYS. */
    closesAt: z.iso.datetime({ offset: true, error: () => rules.mustBeADateAndTimeSuch4 }).optional(),
  })
  .check((ctx) => {
    if (ctx.value.method === "rating" && ctx.value.dotsPerVoter !== undefined) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["dotsPerVoter"],
        message: rules.onlyADotVoteHasDotsLeave,
      });
    }
  });
export type VoteRoundBody = z.infer<typeof voteRoundBody>;

export const allocationSchema = z.strictObject({
  opportunityId: z.uuid({ error: () => rules.mustBeTheIdOfAnOpportunity }),
  dots: z.number().int({ error: () => rules.mustBeAWholeNumber }),
});
export const ratingSchema = z.strictObject({
  opportunityId: z.uuid({ error: () => rules.mustBeTheIdOfAnOpportunity }),
  importance: z.number().int({ error: () => rules.mustBeAWholeNumber1To5 }),
  feasibility: z.number().int({ error: () => rules.mustBeAWholeNumber1To5 }),
});
export type Allocation = z.infer<typeof allocationSchema>;
export type RatingEntry = z.infer<typeof ratingSchema>;

/** Either allocations of dots (a dot vote) or ratings (a rating round), never both. */
export const ballotBody = z
  .strictObject({
    allocations: z.array(allocationSchema).max(MAX_ROUND_ITEMS).optional(),
    ratings: z.array(ratingSchema).max(MAX_ROUND_ITEMS).optional(),
  })
  .check((ctx) => {
    if ((ctx.value.allocations === undefined) === (ctx.value.ratings === undefined)) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: [],
        message: rules.sendEitherAllocationsADotVoteOr,
      });
    }
  });
export type BallotBody = z.infer<typeof ballotBody>;

export const ballotSchema = z.object({
  allocations: z.array(z.object({ opportunityId: uuidSchema, dots: z.number().int() })).optional(),
  ratings: z
    .array(
      z.object({ opportunityId: uuidSchema, importance: z.number().int(), feasibility: z.number().int() }),
    )
    .optional(),
  updatedAt: z.string(),
});
export type Ballot = z.infer<typeof ballotSchema>;

export const roundItemSchema = z.object({
  opportunityId: uuidSchema,
  title: z.string(),
  description: z.string(),
});

export const roundPermissions = z.object({
  /** A business member or champion of the partnership, while the round is open. */
  vote: z.boolean(),
  manage: z.boolean(),
  /** Results are shown once the round is closed, to every member. */
  seeResults: z.boolean(),
});

export const voteRoundSummary = z.object({
  id: uuidSchema,
  partnershipId: uuidSchema,
  title: z.string(),
  method: z.enum(voteMethods),
  dotsPerVoter: z.number().int().nullable(),
  status: z.enum(["open", "closed"]),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  /** When the round closes by itself (null: when the convener closes it). */
  closesAt: z.string().nullable(),
  itemCount: z.number().int(),
  /** How many people have cast a ballot (shown while open, instead of the tally). */
  voterCount: z.number().int(),
});
export type VoteRoundSummary = z.infer<typeof voteRoundSummary>;

export const voteRoundDetail = voteRoundSummary.extend({
  items: z.array(roundItemSchema),
  myBallot: ballotSchema.nullable(),
  permissions: roundPermissions,
  /** Why the caller cannot vote, in words for the page (null when they can). */
  voteNote: z.string().nullable(),
});
export type VoteRoundDetail = z.infer<typeof voteRoundDetail>;

export const voteRoundsResponse = z.object({
  items: z.array(voteRoundSummary),
  permissions: agendaPermissions,
});
export type VoteRoundsResponse = z.infer<typeof voteRoundsResponse>;

export const resultItemSchema = z.object({
  opportunityId: uuidSchema,
  title: z.string(),
  rank: z.number().int(),
  voters: z.number().int(),
  dots: z.number().int().optional(),
  importance: z.number().nullable().optional(),
  feasibility: z.number().nullable().optional(),
  priorityId: uuidSchema.nullable(),
});
export type ResultItem = z.infer<typeof resultItemSchema>;

export const voteResultsSchema = z.object({
  roundId: uuidSchema,
  method: z.enum(voteMethods),
  status: z.enum(["open", "closed"]),
  /** True while the round is open: the tally stays hidden so that no one is swayed. */
  hidden: z.boolean(),
  voterCount: z.number().int(),
  items: z.array(resultItemSchema),
});
export type VoteResults = z.infer<typeof voteResultsSchema>;

/* ------------------------------------------------------------------ priorities and teams */

export const priorityBody = z.strictObject({
  title,
  opportunityId: z.uuid({ error: () => rules.mustBeTheIdOfAnOpportunity2 }).optional(),
  problem: longText.optional(),
  goal: longText.optional(),
  /** Required unless the opportunity it comes from has one (then that one is the default). */
  theme: theme.optional(),
});
export type PriorityBody = z.infer<typeof priorityBody>;

export const priorityPatch = z.strictObject({
  version: z.number().int().min(1),
  title: title.optional(),
  problem: longText.optional(),
  goal: longText.optional(),
  theme: theme.optional(),
  status: z.enum(priorityStatuses).optional(),
});
export type PriorityPatch = z.infer<typeof priorityPatch>;

export const actionTeamBody = z.strictObject({
  name: title,
  championIds: uniqueIds("a business member of this partnership").min(1, {
    error: () => rules.nameAtLeastOneChampionABusiness,
  }),
  memberIds: uniqueIds("a member of this partnership").max(100).optional(),
});
export type ActionTeamBody = z.infer<typeof actionTeamBody>;

const teamPerson = personRef.extend({ organization: z.string().nullable(), role: z.enum(teamRoles) });
export type TeamPerson = z.infer<typeof teamPerson>;

const actionStatusEnum = z.enum(actionStatuses);
const progress = z
  .number()
  .int({ error: () => rules.mustBeAWholeNumber })
  .min(0, { error: () => rules.mustBeFrom0To100 })
  .max(100, { error: () => rules.mustBeFrom0To100 });

export const actionBody = z.strictObject({
  title,
  ownerId: z
    .uuid({ error: () => rules.mustBeTheIdOfAMember })
    .nullable()
    .optional(),
  dueDate: isoDateString.nullable().optional(),
  status: actionStatusEnum.optional(),
  progress: progress.optional(),
});
export type ActionBody = z.infer<typeof actionBody>;

export const actionPatch = z.strictObject({
  version: z.number().int().min(1),
  title: title.optional(),
  ownerId: z
    .uuid({ error: () => rules.mustBeTheIdOfAMember })
    .nullable()
    .optional(),
  dueDate: isoDateString.nullable().optional(),
  status: actionStatusEnum.optional(),
  progress: progress.optional(),
  result: longText.optional(),
});
export type ActionPatch = z.infer<typeof actionPatch>;

export const actionUpdateBody = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(agendaLimits.note, { error: `must be at most ${agendaLimits.note} characters` }),
  progress: progress.optional(),
  status: actionStatusEnum.optional(),
});
export type ActionUpdateBody = z.infer<typeof actionUpdateBody>;

export const actionUpdateSchema = z.object({
  id: uuidSchema,
  note: z.string(),
  progress: z.number().int().nullable(),
  status: actionStatusEnum.nullable(),
  author: historyPerson.nullable(),
  createdAt: z.string(),
});
export type ActionUpdate = z.infer<typeof actionUpdateSchema>;

export const actionSchema = z.object({
  id: uuidSchema,
  teamId: uuidSchema,
  title: z.string(),
  owner: historyPerson.nullable(),
  dueDate: z.string().nullable(),
  status: actionStatusEnum,
  progress: z.number().int(),
  result: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  late: z.boolean(),
  updateCount: z.number().int(),
  /** Whether the caller may edit it: conveners, the team's champions and the owner. */
  canEdit: z.boolean(),
});
export type Action = z.infer<typeof actionSchema>;

export const actionDetail = actionSchema.extend({ updates: z.array(actionUpdateSchema) });
export type ActionDetail = z.infer<typeof actionDetail>;

export const actionTeamSchema = z.object({
  id: uuidSchema,
  priorityId: uuidSchema,
  name: z.string(),
  champions: z.array(teamPerson),
  members: z.array(teamPerson),
  createdAt: z.string(),
  /** Whether the caller may add actions: conveners and the team's champions. */
  canAddActions: z.boolean(),
  /** Whether the caller is on the team (to offer signing up or leaving). */
  isMember: z.boolean(),
  actions: z.array(actionSchema),
});
export type ActionTeam = z.infer<typeof actionTeamSchema>;

export const prioritySchema = z.object({
  id: uuidSchema,
  partnershipId: uuidSchema,
  opportunityId: uuidSchema.nullable(),
  title: z.string(),
  problem: z.string(),
  goal: z.string(),
  theme: z.enum(themes).nullable(),
  status: z.enum(priorityStatuses),
  chosenAt: z.string(),
  version: z.number().int(),
  teams: z.array(actionTeamSchema),
});
export type Priority = z.infer<typeof prioritySchema>;

export const planActionRef = z.object({
  id: uuidSchema,
  title: z.string(),
  dueDate: z.string(),
  status: actionStatusEnum,
  progress: z.number().int(),
  owner: historyPerson.nullable(),
  teamId: uuidSchema,
  teamName: z.string(),
  priorityId: uuidSchema,
  priorityTitle: z.string(),
});
export type PlanActionRef = z.infer<typeof planActionRef>;

export const actionPlanSchema = z.object({
  partnershipId: uuidSchema,
  /** The day the plan was computed for (UTC), YYYY-MM-DD. */
  today: z.string(),
  priorities: z.array(prioritySchema),
  /** Open actions of active priorities due from today through the next 60 days, soonest first. */
  dueSoon: z.array(planActionRef),
  /** Open actions of active priorities whose due date has passed, oldest first. */
  late: z.array(planActionRef),
  summary: z.object({
    activePriorities: z.number().int(),
    teams: z.number().int(),
    /** Share of teams with at least one business champion (rule 1), 0-1. */
    businessLedShare: z.number().nullable(),
    openActions: z.number().int(),
    doneActions: z.number().int(),
  }),
  permissions: agendaPermissions,
});
export type ActionPlan = z.infer<typeof actionPlanSchema>;

/* ------------------------------------------------------------------ pure rules */

export interface RuleViolation {
  field: string;
  message: string;
}

/**
 * Checks a dot ballot against its round: whole, non-negative dots, only the round's items, each
 * at most once, at least one dot and no more than the voter has. Answers every violation found.
 */
export function checkDotBallot(
  allocations: readonly Allocation[],
  roundItems: readonly string[],
  dotsPerVoter: number,
): RuleViolation[] {
  const problems: RuleViolation[] = [];
  const inRound = new Set(roundItems);
  const seen = new Set<string>();
  let total = 0;
  allocations.forEach((a, i) => {
    if (!inRound.has(a.opportunityId)) {
      problems.push({
        field: `allocations.${i}.opportunityId`,
        message: rules.isNotAnOpportunityOfThisRound,
      });
    } else if (seen.has(a.opportunityId)) {
      problems.push({
        field: `allocations.${i}.opportunityId`,
        message: rules.appearsTwicePutAllTheDotsFor,
      });
    }
    seen.add(a.opportunityId);
    if (!Number.isInteger(a.dots)) {
      problems.push({ field: `allocations.${i}.dots`, message: rules.mustBeAWholeNumber });
    } else if (a.dots < 0) {
      problems.push({ field: `allocations.${i}.dots`, message: rules.cannotBeNegative });
    } else {
      total += a.dots;
    }
  });
  if (total > dotsPerVoter) {
    problems.push({
      field: "allocations",
      message: `uses ${total} dots but each voter has ${dotsPerVoter}`,
    });
  } else if (problems.length === 0 && total === 0) {
    problems.push({ field: "allocations", message: rules.placeAtLeastOneDot });
  }
  return problems;
}

/** Checks a rating ballot: each rated item in the round, once, importance and feasibility 1-5. */
export function checkRatingBallot(
  ratings: readonly RatingEntry[],
  roundItems: readonly string[],
): RuleViolation[] {
  const problems: RuleViolation[] = [];
  const inRound = new Set(roundItems);
  const seen = new Set<string>();
  ratings.forEach((r, i) => {
    if (!inRound.has(r.opportunityId)) {
      problems.push({ field: `ratings.${i}.opportunityId`, message: rules.isNotAnOpportunityOfThisRound });
    } else if (seen.has(r.opportunityId)) {
      problems.push({
        field: `ratings.${i}.opportunityId`,
        message: rules.appearsTwiceRateEachOpportunityOnce,
      });
    }
    seen.add(r.opportunityId);
    for (const key of ["importance", "feasibility"] as const) {
      const v = r[key];
      if (!Number.isInteger(v) || v < RATING_MIN || v > RATING_MAX) {
        problems.push({
          field: `ratings.${i}.${key}`,
          message: `must be a whole number from ${RATING_MIN} to ${RATING_MAX}`,
        });
      }
    }
  });
  if (ratings.length === 0) problems.push({ field: "ratings", message: rules.rateAtLeastOneOpportunity });
  return problems;
}

/** Dots a voter has left to place. */
export function dotsLeft(allocations: readonly { dots: number }[], dotsPerVoter: number): number {
  return dotsPerVoter - allocations.reduce((sum, a) => sum + (a.dots > 0 ? a.dots : 0), 0);
}

export interface TallyItem {
  opportunityId: string;
  title: string;
}

export interface DotEntry {
  ballotId: string;
  opportunityId: string;
  dots: number;
}

export interface DotResult {
  opportunityId: string;
  title: string;
  rank: number;
  dots: number;
  voters: number;
}

/**
 * Rank numbers as people read them: ties share a rank, and the next rank skips (1, 2, 2, 4).
 * `sameAs` says whether an item ties with the one before it.
 */
function withRanks<T>(sorted: readonly T[], sameAs: (a: T, b: T) => boolean): (T & { rank: number })[] {
  const out: (T & { rank: number })[] = [];
  let previous: (T & { rank: number }) | undefined;
  sorted.forEach((item, i) => {
    const rank = previous && sameAs(previous, item) ? previous.rank : i + 1;
    previous = { ...item, rank };
    out.push(previous);
  });
  return out;
}

/**
 * Dot vote results: dots per item and how many voters put at least one dot on it, most dots
 * first; ties by number of voters (broader support first), then by title.
 */
export function tallyDots(items: readonly TallyItem[], entries: readonly DotEntry[]): DotResult[] {
  const dots = new Map<string, number>();
  const voters = new Map<string, Set<string>>();
  for (const e of entries) {
    if (e.dots <= 0) continue;
    dots.set(e.opportunityId, (dots.get(e.opportunityId) ?? 0) + e.dots);
    const set = voters.get(e.opportunityId) ?? new Set<string>();
    set.add(e.ballotId);
    voters.set(e.opportunityId, set);
  }
  const rows = items.map((item) => ({
    opportunityId: item.opportunityId,
    title: item.title,
    dots: dots.get(item.opportunityId) ?? 0,
    voters: voters.get(item.opportunityId)?.size ?? 0,
  }));
  rows.sort((a, b) => b.dots - a.dots || b.voters - a.voters || a.title.localeCompare(b.title));
  return withRanks(rows, (a, b) => a.dots === b.dots && a.voters === b.voters);
}

export interface RatingTallyEntry {
  ballotId: string;
  opportunityId: string;
  importance: number;
  feasibility: number;
}

export interface RatingResult {
  opportunityId: string;
  title: string;
  rank: number;
  importance: number | null;
  feasibility: number | null;
  voters: number;
}

/** A mean rounded to two decimals, or null when nobody rated. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
}

/**
 * Rating results: mean importance and feasibility per item (two decimals) and how many rated
 * it. Ordered by importance plus feasibility (the important things that can be done come
 * first), then importance, then number of voters, then title; unrated items last.
 */
export function tallyRatings(
  items: readonly TallyItem[],
  entries: readonly RatingTallyEntry[],
): RatingResult[] {
  const byItem = new Map<string, { importance: number[]; feasibility: number[] }>();
  for (const e of entries) {
    const r = byItem.get(e.opportunityId) ?? { importance: [], feasibility: [] };
    r.importance.push(e.importance);
    r.feasibility.push(e.feasibility);
    byItem.set(e.opportunityId, r);
  }
  const rows = items.map((item) => {
    const r = byItem.get(item.opportunityId);
    return {
      opportunityId: item.opportunityId,
      title: item.title,
      importance: r ? mean(r.importance) : null,
      feasibility: r ? mean(r.feasibility) : null,
      voters: r?.importance.length ?? 0,
    };
  });
  const score = (r: { importance: number | null; feasibility: number | null }) =>
    r.importance === null || r.feasibility === null ? -1 : r.importance + r.feasibility;
  rows.sort(
    (a, b) =>
      score(b) - score(a) ||
      (b.importance ?? -1) - (a.importance ?? -1) ||
      b.voters - a.voters ||
      a.title.localeCompare(b.title),
  );
  return withRanks(
    rows,
    (a, b) => a.importance === b.importance && a.feasibility === b.feasibility && a.voters === b.voters,
  );
}

export type Quadrant = "do_first" | "plan_for" | "quick_win" | "later";
export const quadrantMessages = {
  do_first: msg({ id: "vocab.quadrant.do_first", defaultMessage: "Important and feasible: act first" }),
  plan_for: msg({ id: "vocab.quadrant.plan_for", defaultMessage: "Important but hard: plan for it" }),
  quick_win: msg({
    id: "vocab.quadrant.quick_win",
    defaultMessage: "Feasible but less important: quick win",
  }),
  later: msg({ id: "vocab.quadrant.later", defaultMessage: "Less important and hard: later" }),
} satisfies Record<Quadrant, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const quadrantLabels: Record<Quadrant, string> = labelsOf(quadrantMessages);

/** Where an item sits on the importance/feasibility 2x2 (the midpoint counts as high). */
export function quadrantOf(importance: number, feasibility: number): Quadrant {
  const important = importance >= RATING_MIDPOINT;
  const feasible = feasibility >= RATING_MIDPOINT;
  if (important && feasible) return "do_first";
  if (important) return "plan_for";
  if (feasible) return "quick_win";
  return "later";
}

/** Whole days from `from` to `to` (YYYY-MM-DD calendar dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `date` (YYYY-MM-DD) moved by `days`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The UTC calendar date of an instant. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The earliest calendar date anywhere on Earth at an instant (UTC-12): a due date on or after
 * it is never "before the action was created", whatever the convener's time zone.
 */
export function earliestLocalDate(at: Date): string {
  return utcDate(new Date(at.getTime() - 12 * 3_600_000));
}

export type DueState = "none" | "done" | "late" | "due_soon" | "later";

/** Where an action stands against today: done, late, due within 60 days, later, or no date. */
export function dueState(
  action: { status: ActionStatus; dueDate: string | null },
  today: string,
  soonDays = DUE_SOON_DAYS,
): DueState {
  if (action.status === "done") return "done";
  if (!action.dueDate) return "none";
  const days = daysBetween(today, action.dueDate);
  if (days < 0) return "late";
  if (days <= soonDays) return "due_soon";
  return "later";
}

/** Which reminder, if any, an action's owner should get today. */
export function reminderKind(
  action: { status: ActionStatus; dueDate: string | null },
  today: string,
): "due_soon" | "late" | null {
  if (action.status === "done" || !action.dueDate) return null;
  const days = daysBetween(today, action.dueDate);
  if (days < 0) return "late";
  if (days <= REMINDER_DAYS) return "due_soon";
  return null;
}

/** Share of teams led by at least one business champion, or null without teams. */
export function businessLedShare(teams: readonly { champions: readonly unknown[] }[]): number | null {
  if (teams.length === 0) return null;
  return Math.round((teams.filter((t) => t.champions.length > 0).length / teams.length) * 1000) / 1000;
}
