/**
 * Everything the signed-in home page shows, read in one statement: the person's open actions
 * due soon, votes and self-assessments waiting on them, meetings ahead, followed threads with
 * new replies and the next events. One round trip instead of nine: on the embedded engine each
 * query costs the server's only thread a millisecond or more, whatever it returns.
 */
import { sql } from "drizzle-orm";
import type { ActionStatus } from "../../../core/agenda.js";
import type { MyRegistration } from "../../../core/events.js";
import type { EventKind } from "../../../core/event-vocabulary.js";
import type { MeetingKind } from "../../../core/meeting-time.js";
import { businessRoles } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";

export const MAX_ACTIONS = 20;
export const MAX_MEETINGS = 10;
export const MAX_THREADS = 5;
export const EVENTS = 3;

interface InPartnership {
  partnership_name: string;
  slug: string;
}
/** Timestamps arrive as JSON text. */
export type ActionRow = InPartnership & {
  id: string;
  title: string;
  due_date: string;
  status: ActionStatus;
  progress: number;
};
export type VoteRow = InPartnership & {
  id: string;
  title: string;
  method: "dots" | "rating";
  opened_at: string;
};
export type AssessmentRow = InPartnership & { id: string; title: string; opened_at: string };
export type MeetingRow = InPartnership & {
  id: string;
  title: string;
  kind: MeetingKind;
  starts_at: string;
  time_zone: string;
};
export interface ThreadRow {
  id: string;
  title: string;
  new_replies: number;
  last_reply_at: string;
  last_author: string;
}
export interface EventRow {
  id: string;
  slug: string;
  title: string;
  kind: EventKind;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  online: boolean;
  place: string;
  capacity: number | null;
  confirmed: number;
  registration_status: MyRegistration["status"] | null;
  waitlist_position: number | null;
}

export interface HomeRows {
  actions: ActionRow[];
  votes: VoteRow[];
  assessments: AssessmentRow[];
  meetings: MeetingRow[];
  threads: ThreadRow[];
  events: EventRow[];
}

export async function readHome(
  db: Executor,
  who: { personId: string; userId: string },
  window: { lastDueDay: string; now: Date; horizon: Date },
): Promise<HomeRows> {
  const voters = sql.join(
    businessRoles.map((r) => sql`${r}`),
    sql`, `,
  );
  const now = window.now.toISOString();
  const [row] = await queryRows<HomeRows>(
    db,
    sql`with mine as materialized (
        select m.partnership_id, m.role, p.name as partnership_name, p.slug
        from memberships m join partnerships p on p.id = m.partnership_id and p.deleted_at is null
        where m.person_id = ${who.personId} and m.left_at is null
      ),
      -- Actions of active priorities only, as on the action plan; the owner sits at the table.
      actions as (
        select a.id, a.title, a.due_date::text as due_date, a.status, a.progress, mine.partnership_name, mine.slug,
               a.created_at
        from actions a
        join mine on mine.partnership_id = a.partnership_id
        join action_teams t on t.id = a.team_id
        join priorities pr on pr.id = t.priority_id and pr.status = 'active'
        where a.owner_id = ${who.personId} and a.deleted_at is null and a.status <> 'done'
          and a.due_date is not null and a.due_date <= ${window.lastDueDay}::date
        order by a.due_date, a.created_at, a.id
        limit ${MAX_ACTIONS}
      ),
      -- Open rounds where the person may vote (business people only, rule 1) and has not.
      votes as (
        select r.id, r.title, r.method, r.created_at as opened_at, mine.partnership_name, mine.slug
        from vote_rounds r
        join mine on mine.partnership_id = r.partnership_id and mine.role in (${voters})
        where r.status = 'open'
          and not exists (select 1 from ballots b where b.round_id = r.id and b.person_id = ${who.personId})
      ),
      -- Open self-assessments of the person's partnerships (every member is asked) not yet answered.
      assessments as (
        select r.id, r.title, r.opened_at, mine.partnership_name, mine.slug
        from assessment_rounds r
        join mine on mine.partnership_id = r.partnership_id
        where r.status = 'open'
          and not exists (select 1 from assessment_responses x
                           where x.round_id = r.id and x.person_id = ${who.personId})
      ),
      -- Meetings that have not ended and start within the window.
      meetings as (
        select mt.id, mt.title, mt.kind, mt.starts_at, mt.time_zone, mine.partnership_name, mine.slug
        from meetings mt
        join mine on mine.partnership_id = mt.partnership_id
        where mt.deleted_at is null and not mt.cancelled
          and coalesce(mt.ends_at, mt.starts_at) >= ${now}::timestamptz
          and mt.starts_at <= ${window.horizon.toISOString()}::timestamptz
        order by mt.starts_at, mt.id
        limit ${MAX_MEETINGS}
      ),
      -- Followed threads with visible replies by others since the person last opened them.
      threads as (
        select t.id, t.title, count(*)::int as new_replies, max(r.created_at) as last_reply_at,
          (array_agg(u.name order by r.created_at desc, r.id desc))[1] as last_author
        from thread_follows f
        join discussion_threads t on t.id = f.thread_id and not t.hidden
        join discussion_replies r on r.thread_id = t.id and not r.hidden and r.author_id <> f.user_id
          and r.created_at > coalesce(f.last_read_at, f.created_at)
        join users u on u.id = r.author_id
        where f.user_id = ${who.userId}
        group by t.id, t.title
        order by max(r.created_at) desc, t.id
        limit ${MAX_THREADS}
      ),
      -- The next events that still take place, with seats taken and the person's registration.
      events as (
        select e.id, e.slug, e.title, e.kind, e.starts_at, e.ends_at, e.time_zone, e.online, e.place, e.capacity,
          (select count(*)::int from event_registrations x where x.event_id = e.id and x.status = 'confirmed')
            as confirmed,
          mine.status as registration_status,
          case when mine.status = 'waitlisted' then (
            select count(*)::int from event_registrations w
            where w.event_id = e.id and w.status = 'waitlisted' and w.position <= mine.position) end
            as waitlist_position
        from events e
        left join event_registrations mine on mine.event_id = e.id and mine.user_id = ${who.userId}
        where e.ends_at > ${now}::timestamptz and not e.cancelled
        order by e.starts_at, e.id
        limit ${EVENTS}
      )
      select
        (select coalesce(json_agg(a order by a.due_date, a.created_at, a.id), '[]') from actions a) as actions,
        (select coalesce(json_agg(v order by v.opened_at, v.id), '[]') from votes v) as votes,
        (select coalesce(json_agg(s order by s.opened_at, s.id), '[]') from assessments s) as assessments,
        (select coalesce(json_agg(m order by m.starts_at, m.id), '[]') from meetings m) as meetings,
        (select coalesce(json_agg(t order by t.last_reply_at desc, t.id), '[]') from threads t) as threads,
        (select coalesce(json_agg(e order by e.starts_at, e.id), '[]') from events e) as events`,
  );
  return row;
}
