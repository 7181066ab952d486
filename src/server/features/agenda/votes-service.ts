/** Opportunities and vote rounds: raise, open, vote, close, and the results. */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  checkDotBallot,
  checkRatingBallot,
  DEFAULT_DOTS,
  tallyDots,
  tallyRatings,
  type Ballot,
  type BallotBody,
  type OpportunitiesResponse,
  type Opportunity,
  type OpportunityBody,
  type VoteResults,
  type VoteRoundBody,
  type VoteRoundDetail,
  type VoteRoundsResponse,
  type VoteRoundSummary,
} from "../../../core/agenda.js";
import type { Executor } from "../../../db/open.js";
import { queryRows, readTogether } from "../../../db/query.js";
import {
  ballotEntries,
  ballots,
  opportunities,
  voteRoundItems,
  voteRounds,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { AppError, fieldsDetail } from "../../errors.js";
import { dayValue } from "./format.js";
import { recordActivity } from "../activity/record.js";
import { formerMemberSql } from "../members/former.js";
import { partnershipAccess, roundAccess } from "./lookup.js";
import { can, permissions, voteNote, type AgendaCaller } from "./policy.js";
import { checkClosingDate, pastClosingDate } from "./vote-deadlines.js";
import { tellVoters } from "./vote-notices.js";
import { liveVoteHub } from "./live-hub.js";
import type { Theme } from "../../../core/vocabulary.js";

interface OpportunityRow {
  id: string;
  partnership_id: string;
  title: string;
  description: string;
  theme: Theme | null;
  raised_by: string | null;
  raised_by_name: string | null;
  raised_by_former: boolean;
  created_at: Date | string;
  round_count: number;
  priority_id: string | null;
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

async function opportunityRows(db: Executor, partnershipId: string, id?: string): Promise<Opportunity[]> {
  const rows = await queryRows<OpportunityRow>(
    db,
    sql`select o.id, o.partnership_id, o.title, o.description, o.theme, o.raised_by, p.name as raised_by_name,
          ${formerMemberSql(sql`o.raised_by`, sql`o.partnership_id`)} as raised_by_former,
          o.created_at,
          (select count(*)::int from vote_round_items i where i.opportunity_id = o.id) as round_count,
          (select pr.id from priorities pr where pr.opportunity_id = o.id order by pr.created_at limit 1) as priority_id
        from opportunities o left join people p on p.id = o.raised_by
        where o.partnership_id = ${partnershipId} and o.deleted_at is null
          ${id ? sql`and o.id = ${id}` : sql``}
        order by o.created_at desc, o.title`,
  );
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnership_id,
    title: r.title,
    description: r.description,
    theme: r.theme,
    raisedBy:
      r.raised_by && r.raised_by_name
        ? { personId: r.raised_by, name: r.raised_by_name, former: r.raised_by_former === true }
        : null,
    createdAt: iso(r.created_at),
    roundCount: r.round_count,
    priorityId: r.priority_id,
  }));
}

export async function listOpportunities(
  deps: AppDeps,
  actor: Actor | null,
  partnershipId: string,
): Promise<OpportunitiesResponse> {
  const { partnership, caller } = await partnershipAccess(deps.db, partnershipId, actor, "view");
  return { items: await opportunityRows(deps.db, partnership.id), permissions: permissions(caller) };
}

export async function raiseOpportunity(
  deps: AppDeps,
  actor: Actor,
  partnershipId: string,
  body: OpportunityBody,
): Promise<Opportunity> {
  return deps.db.transaction(async (tx) => {
    const { partnership } = await partnershipAccess(tx, partnershipId, actor, "raise");
    const [row] = await tx
      .insert(opportunities)
      .values({
        partnershipId: partnership.id,
        title: body.title,
        description: body.description ?? "",
        theme: body.theme,
        raisedBy: actor.personId,
        createdAt: deps.now(),
      })
      .returning({ id: opportunities.id });
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "opportunity.raised",
      summary: msg(
        { id: "activity.opportunityRaised", defaultMessage: "Opportunity raised: {title}" },
        { title: body.title },
      ),
      subjectType: "opportunity",
      subjectId: row.id,
      actorPersonId: actor.personId,
    });
    const [created] = await opportunityRows(tx, partnership.id, row.id);
    return created;
  });
}

/* ------------------------------------------------------------------ rounds */

interface RoundSummaryRow {
  id: string;
  partnership_id: string;
  title: string;
  method: "dots" | "rating";
  dots_per_voter: number | null;
  status: "open" | "closed";
  opened_at: Date | string;
  closed_at: Date | string | null;
  closes_at: Date | string | null;
  item_count: number;
  voter_count: number;
}

async function roundSummaries(db: Executor, where: ReturnType<typeof sql>): Promise<VoteRoundSummary[]> {
  const rows = await queryRows<RoundSummaryRow>(
    db,
    sql`select r.id, r.partnership_id, r.title, r.method, r.dots_per_voter, r.status, r.created_at as opened_at, r.closed_at, r.closes_at,
          (select count(*)::int from vote_round_items i where i.round_id = r.id) as item_count,
          (select count(*)::int from ballots b where b.round_id = r.id) as voter_count
        from vote_rounds r where ${where}
        order by (r.status = 'open') desc, r.created_at desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnership_id,
    title: r.title,
    method: r.method,
    dotsPerVoter: r.dots_per_voter,
    status: r.status,
    openedAt: iso(r.opened_at),
    closedAt: r.closed_at ? iso(r.closed_at) : null,
    closesAt: r.closes_at ? iso(r.closes_at) : null,
    itemCount: r.item_count,
    voterCount: r.voter_count,
  }));
}

export async function listRounds(
  deps: AppDeps,
  actor: Actor | null,
  partnershipId: string,
): Promise<VoteRoundsResponse> {
  const { partnership, caller } = await partnershipAccess(deps.db, partnershipId, actor, "view");
  return {
    items: await roundSummaries(deps.db, sql`r.partnership_id = ${partnership.id}`),
    permissions: permissions(caller),
  };
}

export async function roundItems(db: Executor, roundId: string) {
  return db
    .select({
      opportunityId: opportunities.id,
      title: opportunities.title,
      description: opportunities.description,
    })
    .from(voteRoundItems)
    .innerJoin(opportunities, eq(opportunities.id, voteRoundItems.opportunityId))
    .where(eq(voteRoundItems.roundId, roundId))
    .orderBy(asc(voteRoundItems.position));
}

export async function ballotOf(db: Executor, roundId: string, personId: string, method: "dots" | "rating") {
  const [ballot] = await db
    .select()
    .from(ballots)
    .where(and(eq(ballots.roundId, roundId), eq(ballots.personId, personId)));
  if (!ballot) return null;
  const entries = await db
    .select({
      opportunityId: ballotEntries.opportunityId,
      dots: ballotEntries.dots,
      importance: ballotEntries.importance,
      feasibility: ballotEntries.feasibility,
    })
    .from(ballotEntries)
    .innerJoin(
      voteRoundItems,
      and(eq(voteRoundItems.roundId, roundId), eq(voteRoundItems.opportunityId, ballotEntries.opportunityId)),
    )
    .where(eq(ballotEntries.ballotId, ballot.id))
    .orderBy(asc(voteRoundItems.position));
  const out: Ballot = { updatedAt: ballot.updatedAt.toISOString() };
  if (method === "dots") {
    out.allocations = entries.map((e) => ({ opportunityId: e.opportunityId, dots: e.dots ?? 0 }));
  } else {
    out.ratings = entries.map((e) => ({
      opportunityId: e.opportunityId,
      importance: e.importance ?? 0,
      feasibility: e.feasibility ?? 0,
    }));
  }
  return out;
}

async function roundDetail(
  db: Executor,
  roundId: string,
  caller: AgendaCaller,
  /** The reader's language, for the note on who votes. */
  locale: AppLocale,
  /** The items and the caller's ballot when the caller just wrote it (castBallot). */
  known?: { items: Awaited<ReturnType<typeof roundItems>>; ballot: Ballot },
): Promise<VoteRoundDetail> {
  const [summary] = await roundSummaries(db, sql`r.id = ${roundId}`);
  // One after another: also called inside a transaction, which runs one query at a time.
  const items = known?.items ?? (await roundItems(db, roundId));
  const myBallot =
    known?.ballot ??
    (caller.actor ? await ballotOf(db, roundId, caller.actor.personId, summary.method) : null);
  return {
    ...summary,
    items,
    myBallot,
    permissions: {
      vote: summary.status === "open" && can(caller, "vote"),
      manage: can(caller, "manage"),
      seeResults: summary.status === "closed",
    },
    voteNote: voteNote(caller, summary.status, locale),
  };
}

export async function getRound(
  deps: AppDeps,
  actor: Actor | null,
  roundId: string,
  locale: AppLocale,
): Promise<VoteRoundDetail> {
  const { caller } = await roundAccess(deps.db, roundId, actor, "view");
  return roundDetail(deps.db, roundId, caller, locale);
}

export async function openRound(
  deps: AppDeps,
  actor: Actor,
  partnershipId: string,
  body: VoteRoundBody,
  locale: AppLocale,
): Promise<VoteRoundDetail> {
  const closesAt = body.closesAt === undefined ? null : checkClosingDate(body.closesAt, deps.now());
  const opened = await deps.db.transaction(async (tx) => {
    const { partnership, caller } = await partnershipAccess(tx, partnershipId, actor, "manage");
    const found = await tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(
        and(
          eq(opportunities.partnershipId, partnership.id),
          isNull(opportunities.deletedAt),
          inArray(opportunities.id, body.opportunityIds),
        ),
      );
    const known = new Set(found.map((o) => o.id));
    const errors = body.opportunityIds.flatMap((id, i) =>
      known.has(id)
        ? []
        : [
            {
              field: `opportunityIds.${i}`,
              message: msg({
                id: "server.agenda.field.notAnOpportunity",
                defaultMessage: "is not an opportunity of this partnership",
              }),
            },
          ],
    );
    if (errors.length > 0) {
      throw new AppError("bad_request", fieldsDetail(errors), { errors });
    }
    const [round] = await tx
      .insert(voteRounds)
      .values({
        partnershipId: partnership.id,
        title: body.title,
        method: body.method,
        dotsPerVoter: body.method === "dots" ? (body.dotsPerVoter ?? DEFAULT_DOTS) : null,
        openedBy: actor.userId,
        openedAt: deps.now(),
        closesAt,
      })
      .returning({ id: voteRounds.id });
    await tx.insert(voteRoundItems).values(
      body.opportunityIds.map((opportunityId, position) => ({
        roundId: round.id,
        opportunityId,
        position,
      })),
    );
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "vote.opened",
      summary: msg(
        {
          id: "activity.voteOpened",
          defaultMessage:
            "Vote opened: {title} ({count, plural, one {# opportunity} other {# opportunities}})",
        },
        { title: body.title, count: body.opportunityIds.length },
      ),
      subjectType: "vote_round",
      subjectId: round.id,
      actorPersonId: actor.personId,
    });
    const detail = await roundDetail(tx, round.id, caller, locale);
    await tellVoters(deps, tx, actor, partnership, {
      id: round.id,
      title: detail.title,
      method: detail.method,
      dotsPerVoter: detail.dotsPerVoter,
      closesAt,
      itemTitles: detail.items.map((i) => i.title),
    });
    return detail;
  });
  deps.mailer.deliverSoon();
  return opened;
}

function refuse(errors: { field: string; message: string | Msg }[]): never {
  throw new AppError("bad_request", fieldsDetail(errors), { errors });
}

/**
 * Casts or replaces the caller's ballot. The round row is locked, so a ballot and the round's
 * closing never interleave: a ballot that arrives after the close is refused.
 */
export async function castBallot(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  body: BallotBody,
  locale: AppLocale,
): Promise<VoteRoundDetail> {
  const detail = await deps.db.transaction(async (tx) => {
    // Shared: ballots of one round go side by side (each person's own ballot row orders
    // theirs), while closing the round waits for those in progress.
    const { round, caller } = await roundAccess(tx, roundId, actor, "vote", "share");
    const written = await writeBallot(deps, tx, round, actor.personId, body);
    return roundDetail(tx, round.id, caller, locale, written);
  });
  // A projector showing the round live counts the new voter.
  liveVoteHub(deps).publish(detail.id, { type: "changed" });
  return detail;
}

/**
 * Writes `personId`'s ballot in a round locked by the caller, by the round's rules: refused once
 * the round is closed (or past its closing date), otherwise replacing any earlier ballot. Who may
 * vote has been checked already (a business member, or a business guest of a live vote).
 */
export async function writeBallot(
  deps: AppDeps,
  tx: Executor,
  round: typeof voteRounds.$inferSelect,
  personId: string,
  body: BallotBody,
): Promise<{ items: Awaited<ReturnType<typeof roundItems>>; ballot: Ballot }> {
  // Past its closing date a round is closed, even before the periodic job has marked it so.
  const closedAt = round.status === "closed" ? round.closedAt : pastClosingDate(round.closesAt, deps.now());
  if (round.status === "closed" || closedAt) {
    refuse([
      {
        field: "round",
        message: msg(
          {
            id: "server.agenda.field.roundClosedOn",
            defaultMessage:
              "this round closed on {day, date, long}; ballots can no longer be cast or changed",
          },
          { day: dayValue(closedAt ?? deps.now()) },
        ),
      },
    ]);
  }
  const roundItemRows = await roundItems(tx, round.id);
  const items = roundItemRows.map((i) => i.opportunityId);
  let entries: (typeof ballotEntries.$inferInsert)[];
  if (round.method === "dots") {
    if (!body.allocations) {
      refuse([
        {
          field: "ratings",
          message: msg({
            id: "server.agenda.field.dotVoteSendAllocations",
            defaultMessage: "this round is a dot vote; send allocations of dots",
          }),
        },
      ]);
    }
    const problems = checkDotBallot(body.allocations, items, round.dotsPerVoter ?? DEFAULT_DOTS);
    if (problems.length > 0) refuse(problems);
    entries = body.allocations
      .filter((a) => a.dots > 0)
      .map((a) => ({ ballotId: "", opportunityId: a.opportunityId, dots: a.dots }));
  } else {
    if (!body.ratings) {
      refuse([
        {
          field: "allocations",
          message: msg({
            id: "server.agenda.field.ratingSendRatings",
            defaultMessage: "this round rates importance and feasibility; send ratings",
          }),
        },
      ]);
    }
    const problems = checkRatingBallot(body.ratings, items);
    if (problems.length > 0) refuse(problems);
    entries = body.ratings.map((r) => ({
      ballotId: "",
      opportunityId: r.opportunityId,
      importance: r.importance,
      feasibility: r.feasibility,
    }));
  }
  const now = deps.now();
  const [ballot] = await tx
    .insert(ballots)
    .values({ roundId: round.id, personId, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [ballots.roundId, ballots.personId], set: { updatedAt: now } })
    .returning({ id: ballots.id });
  await tx.delete(ballotEntries).where(eq(ballotEntries.ballotId, ballot.id));
  await tx.insert(ballotEntries).values(entries.map((e) => ({ ...e, ballotId: ballot.id })));
  return { items: roundItemRows, ballot: ballotAnswer(round.method, entries, items, now) };
}

/**
 * A ballot as ballotOf reads it back (entries in the round's order, dots or ratings), from what
 * was just written: the answer to a vote needs no second read of it.
 */
function ballotAnswer(
  method: "dots" | "rating",
  entries: readonly (typeof ballotEntries.$inferInsert)[],
  itemOrder: readonly string[],
  updatedAt: Date,
): Ballot {
  const position = new Map(itemOrder.map((id, i) => [id, i]));
  const sorted = [...entries].sort(
    (a, b) => (position.get(a.opportunityId) ?? 0) - (position.get(b.opportunityId) ?? 0),
  );
  const out: Ballot = { updatedAt: updatedAt.toISOString() };
  if (method === "dots") {
    out.allocations = sorted.map((e) => ({ opportunityId: e.opportunityId, dots: e.dots ?? 0 }));
  } else {
    out.ratings = sorted.map((e) => ({
      opportunityId: e.opportunityId,
      importance: e.importance ?? 0,
      feasibility: e.feasibility ?? 0,
    }));
  }
  return out;
}

export async function closeRound(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  locale: AppLocale,
): Promise<VoteRoundDetail> {
  const closed = await deps.db.transaction(async (tx) => {
    const { round, caller } = await roundAccess(tx, roundId, actor, "manage", true);
    if (round.status === "closed") {
      refuse([
        {
          field: "round",
          message: msg(
            {
              id: "server.agenda.field.roundAlreadyClosedOn",
              defaultMessage: "this round was already closed on {day, date, long}",
            },
            { day: dayValue(round.closedAt ?? deps.now()) },
          ),
        },
      ]);
    }
    await tx
      .update(voteRounds)
      .set({ status: "closed", closedAt: deps.now(), closedBy: actor.userId })
      .where(eq(voteRounds.id, round.id));
    const detail = await roundDetail(tx, round.id, caller, locale);
    await recordActivity(tx, {
      partnershipId: round.partnershipId,
      kind: "vote.closed",
      summary: msg(
        {
          id: "activity.voteClosed",
          defaultMessage: "Vote closed: {title} ({voters, plural, one {# voter} other {# voters}})",
        },
        { title: round.title, voters: detail.voterCount },
      ),
      subjectType: "vote_round",
      subjectId: round.id,
      actorPersonId: actor.personId,
    });
    return detail;
  });
  // A projector showing the round live shows the results now.
  liveVoteHub(deps).publish(closed.id, { type: "changed" });
  return closed;
}

interface EntryRow {
  ballot_id: string;
  opportunity_id: string;
  dots: number | null;
  importance: number | null;
  feasibility: number | null;
}

/** The results of a closed round; while it is open, only how many have voted. */
export async function roundResults(
  deps: AppDeps,
  actor: Actor | null,
  roundId: string,
): Promise<VoteResults> {
  const { round } = await roundAccess(deps.db, roundId, actor, "view");
  const [{ n: voterCount }] = await queryRows<{ n: number }>(
    deps.db,
    sql`select count(*)::int as n from ballots where round_id = ${round.id}`,
  );
  const base = { roundId: round.id, method: round.method, status: round.status, voterCount };
  if (round.status === "open") return { ...base, hidden: true, items: [] };
  const [items, entries, made] = await readTogether(deps.db, [
    () => roundItems(deps.db, round.id),
    () =>
      queryRows<EntryRow>(
        deps.db,
        sql`select e.ballot_id, e.opportunity_id, e.dots, e.importance, e.feasibility
          from ballot_entries e join ballots b on b.id = e.ballot_id where b.round_id = ${round.id}`,
      ),
    () =>
      queryRows<{ opportunity_id: string; id: string }>(
        deps.db,
        sql`select distinct on (p.opportunity_id) p.opportunity_id, p.id from priorities p
          join vote_round_items i on i.opportunity_id = p.opportunity_id and i.round_id = ${round.id}
          order by p.opportunity_id, p.created_at`,
      ),
  ]);
  const priorityOf = new Map(made.map((m) => [m.opportunity_id, m.id]));
  const tallied =
    round.method === "dots"
      ? tallyDots(
          items,
          entries.map((e) => ({ ballotId: e.ballot_id, opportunityId: e.opportunity_id, dots: e.dots ?? 0 })),
        )
      : tallyRatings(
          items,
          entries.map((e) => ({
            ballotId: e.ballot_id,
            opportunityId: e.opportunity_id,
            importance: e.importance ?? 0,
            feasibility: e.feasibility ?? 0,
          })),
        );
  return {
    ...base,
    hidden: false,
    items: tallied.map((t) => ({ ...t, priorityId: priorityOf.get(t.opportunityId) ?? null })),
  };
}
