/**
 * The signed-in home page: what is on the person's plate across their partnerships, new replies
 * in the discussions they follow, and the next community events. Independent flat queries, run
 * side by side and assembled here.
 */
import { sql } from "drizzle-orm";
import { addDays, dueState, utcDate, type ActionStatus } from "../../../core/agenda.js";
import {
  DUE_WINDOW_DAYS,
  type DueItem,
  type HomeEvent,
  type MeHome,
  type NewRepliesItem,
} from "../../../core/home.js";
import type { MyRegistration } from "../../../core/events.js";
import type { MeetingKind } from "../../../core/meeting-time.js";
import { businessRoles } from "../../../core/vocabulary.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { myRegistrations } from "../events/lookup.js";
import { listEvents } from "../events/service.js";

const MAX_ACTIONS = 20;
const MAX_MEETINGS = 10;
const MAX_THREADS = 5;
const EVENTS = 3;

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

interface PartnershipCols {
  partnership_name: string;
  slug: string;
}

async function dueActions(deps: AppDeps, actor: Actor, today: string): Promise<DueItem[]> {
  const rows = await queryRows<
    PartnershipCols & { id: string; title: string; due_date: string; status: ActionStatus; progress: number }
  >(
    deps.db,
    // Actions of active priorities only, as on the action plan; the owner must still sit at the table.
    sql`select a.id, a.title, a.due_date::text as due_date, a.status, a.progress,
          p.name as partnership_name, p.slug
        from actions a
        join action_teams t on t.id = a.team_id
        join priorities pr on pr.id = t.priority_id and pr.status = 'active'
        join partnerships p on p.id = a.partnership_id and p.deleted_at is null
        join memberships m on m.partnership_id = p.id and m.person_id = a.owner_id and m.left_at is null
        where a.owner_id = ${actor.personId} and a.deleted_at is null and a.status <> 'done'
          and a.due_date is not null and a.due_date <= ${addDays(today, DUE_WINDOW_DAYS)}::date
        order by a.due_date, a.created_at, a.id
        limit ${MAX_ACTIONS}`,
  );
  return rows.map((r) => ({
    kind: "action",
    id: r.id,
    title: r.title,
    partnershipName: r.partnership_name,
    partnershipSlug: r.slug,
    link: `/p/${r.slug}/agenda/plan`,
    dueDate: r.due_date,
    late: dueState({ status: r.status, dueDate: r.due_date }, today) === "late",
    status: r.status,
    progress: r.progress,
  }));
}

/** Open vote rounds where the person may vote (business people only, rule 1) and has not. */
async function votesToCast(deps: AppDeps, actor: Actor): Promise<DueItem[]> {
  const voters = sql.join(
    businessRoles.map((r) => sql`${r}`),
    sql`, `,
  );
  const rows = await queryRows<
    PartnershipCols & { id: string; title: string; method: "dots" | "rating"; opened_at: Date | string }
  >(
    deps.db,
    sql`select r.id, r.title, r.method, r.created_at as opened_at, p.name as partnership_name, p.slug
        from vote_rounds r
        join memberships m on m.partnership_id = r.partnership_id and m.person_id = ${actor.personId}
          and m.left_at is null and m.role in (${voters})
        join partnerships p on p.id = r.partnership_id and p.deleted_at is null
        where r.status = 'open'
          and not exists (select 1 from ballots b where b.round_id = r.id and b.person_id = ${actor.personId})
        order by r.created_at, r.id`,
  );
  return rows.map((r) => ({
    kind: "vote",
    id: r.id,
    title: r.title,
    partnershipName: r.partnership_name,
    partnershipSlug: r.slug,
    link: `/p/${r.slug}/agenda/votes/${r.id}`,
    method: r.method,
    openedAt: iso(r.opened_at),
  }));
}

/** Open self-assessment rounds of the person's partnerships (every member is asked) not yet answered. */
async function assessmentsToAnswer(deps: AppDeps, actor: Actor): Promise<DueItem[]> {
  const rows = await queryRows<PartnershipCols & { id: string; title: string; opened_at: Date | string }>(
    deps.db,
    sql`select r.id, r.title, r.opened_at, p.name as partnership_name, p.slug
        from assessment_rounds r
        join memberships m on m.partnership_id = r.partnership_id and m.person_id = ${actor.personId}
          and m.left_at is null
        join partnerships p on p.id = r.partnership_id and p.deleted_at is null
        where r.status = 'open'
          and not exists (select 1 from assessment_responses x
                           where x.round_id = r.id and x.person_id = ${actor.personId})
        order by r.opened_at, r.id`,
  );
  return rows.map((r) => ({
    kind: "assessment",
    id: r.id,
    title: r.title,
    partnershipName: r.partnership_name,
    partnershipSlug: r.slug,
    link: `/assessments/${r.id}`,
    openedAt: iso(r.opened_at),
  }));
}

/** Meetings of the person's partnerships that have not ended and start within the window. */
async function meetingsAhead(deps: AppDeps, actor: Actor, now: Date): Promise<DueItem[]> {
  const horizon = new Date(now.getTime() + DUE_WINDOW_DAYS * 86_400_000);
  const rows = await queryRows<
    PartnershipCols & {
      id: string;
      title: string;
      kind: MeetingKind;
      starts_at: Date | string;
      time_zone: string;
    }
  >(
    deps.db,
    sql`select mt.id, mt.title, mt.kind, mt.starts_at, mt.time_zone, p.name as partnership_name, p.slug
        from meetings mt
        join memberships m on m.partnership_id = mt.partnership_id and m.person_id = ${actor.personId}
          and m.left_at is null
        join partnerships p on p.id = mt.partnership_id and p.deleted_at is null
        where mt.deleted_at is null and not mt.cancelled
          and coalesce(mt.ends_at, mt.starts_at) >= ${now.toISOString()}::timestamptz
          and mt.starts_at <= ${horizon.toISOString()}::timestamptz
        order by mt.starts_at, mt.id
        limit ${MAX_MEETINGS}`,
  );
  return rows.map((r) => ({
    kind: "meeting",
    id: r.id,
    title: r.title,
    partnershipName: r.partnership_name,
    partnershipSlug: r.slug,
    link: `/p/${r.slug}/meetings/${r.id}`,
    meetingKind: r.kind,
    startsAt: iso(r.starts_at),
    timeZone: r.time_zone,
  }));
}

/**
 * Soonest first: late actions (they are overdue), then open rounds (they wait on the person now,
 * oldest first), then actions and meetings by date.
 */
export function sortDue(items: DueItem[]): DueItem[] {
  const rank = (i: DueItem) => (i.kind === "action" ? (i.late ? 0 : 2) : i.kind === "meeting" ? 2 : 1);
  const when = (i: DueItem) =>
    i.kind === "action"
      ? Date.parse(`${i.dueDate}T00:00:00Z`)
      : i.kind === "meeting"
        ? Date.parse(i.startsAt)
        : Date.parse(i.openedAt);
  return [...items].sort((a, b) => rank(a) - rank(b) || when(a) - when(b));
}

/** Followed threads with visible replies by others since the person last opened them. */
async function newReplies(deps: AppDeps, actor: Actor): Promise<NewRepliesItem[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    new_replies: number;
    last_reply_at: Date | string;
    last_author: string;
  }>(
    deps.db,
    sql`select t.id, t.title, count(*)::int as new_replies, max(r.created_at) as last_reply_at,
          (array_agg(u.name order by r.created_at desc, r.id desc))[1] as last_author
        from thread_follows f
        join discussion_threads t on t.id = f.thread_id and not t.hidden
        join discussion_replies r on r.thread_id = t.id and not r.hidden and r.author_id <> f.user_id
          and r.created_at > coalesce(f.last_read_at, f.created_at)
        join users u on u.id = r.author_id
        where f.user_id = ${actor.userId}
        group by t.id, t.title
        order by max(r.created_at) desc, t.id
        limit ${MAX_THREADS}`,
  );
  return rows.map((r) => ({
    threadId: r.id,
    title: r.title,
    newReplies: r.new_replies,
    lastReplyAt: iso(r.last_reply_at),
    lastReplyAuthor: r.last_author,
  }));
}

const registrationOf = (r: MyRegistration | undefined) =>
  r ? { status: r.status, waitlistPosition: r.waitlistPosition } : null;

/** The next events that are not cancelled, with the person's registration for each (one query for all). */
async function upcomingEvents(deps: AppDeps, actor: Actor): Promise<HomeEvent[]> {
  const next = (await listEvents(deps, actor, "upcoming", { limit: EVENTS, withoutCancelled: true })).items;
  const mine = await myRegistrations(
    deps.db,
    next.map((e) => e.id),
    actor.userId,
  );
  return next.map((e) => ({
    id: e.id,
    slug: e.slug,
    title: e.title,
    kind: e.kind,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    online: e.online,
    place: e.place,
    placesLeft: e.placesLeft,
    myRegistration: registrationOf(mine.get(e.id)),
  }));
}

export async function meHome(deps: AppDeps, actor: Actor): Promise<MeHome> {
  const now = deps.now();
  const today = utcDate(now);
  const [actions, votes, assessments, meetings, replies, events] = await Promise.all([
    dueActions(deps, actor, today),
    votesToCast(deps, actor),
    assessmentsToAnswer(deps, actor),
    meetingsAhead(deps, actor, now),
    newReplies(deps, actor),
    upcomingEvents(deps, actor),
  ]);
  return {
    due: sortDue([...actions, ...votes, ...assessments, ...meetings]),
    newReplies: replies,
    upcomingEvents: events,
  };
}
