/**
 * "My actions and meetings": every open action the person owns and their partnerships' next
 * meetings, whatever the date, for the phone page that also opens offline.
 */
import { sql } from "drizzle-orm";
import { dueState, utcDate, type ActionStatus } from "../../../core/agenda.js";
import type { MeetingKind } from "../../../core/meeting-time.js";
import {
  MY_PLAN_ACTIONS,
  MY_PLAN_MEETINGS,
  type MyPlan,
  type MyPlanAction,
  type MyPlanMeeting,
} from "../../../core/my-plan.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

async function myActions(deps: AppDeps, actor: Actor, today: string): Promise<MyPlanAction[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    due_date: string | null;
    status: ActionStatus;
    progress: number;
    priority_title: string;
    partnership_name: string;
    slug: string;
  }>(
    deps.db,
    // As on the action plan: actions of active priorities, owned by someone still at the table.
    sql`select a.id, a.title, a.due_date::text as due_date, a.status, a.progress,
          pr.title as priority_title, p.name as partnership_name, p.slug
        from actions a
        join action_teams t on t.id = a.team_id
        join priorities pr on pr.id = t.priority_id and pr.status = 'active'
        join partnerships p on p.id = a.partnership_id and p.deleted_at is null
        join memberships m on m.partnership_id = p.id and m.person_id = a.owner_id and m.left_at is null
        where a.owner_id = ${actor.personId} and a.deleted_at is null and a.status <> 'done'
        order by (a.due_date < ${today}::date) desc nulls last, a.due_date nulls last, a.created_at, a.id
        limit ${MY_PLAN_ACTIONS}`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    partnershipName: r.partnership_name,
    partnershipSlug: r.slug,
    priorityTitle: r.priority_title,
    dueDate: r.due_date,
    status: r.status,
    progress: r.progress,
    late: dueState({ status: r.status, dueDate: r.due_date }, today) === "late",
    link: `/p/${r.slug}/agenda/plan`,
  }));
}

async function myMeetings(deps: AppDeps, actor: Actor, now: Date): Promise<MyPlanMeeting[]> {
  const rows = await queryRows<{
    id: string;
    title: string;
    kind: MeetingKind;
    starts_at: Date | string;
    ends_at: Date | string | null;
    time_zone: string;
    place: string;
    link: string;
    partnership_name: string;
    slug: string;
  }>(
    deps.db,
    sql`select mt.id, mt.title, mt.kind, mt.starts_at, mt.ends_at, mt.time_zone, mt.place, mt.link,
          p.name as partnership_name, p.slug
        from meetings mt
        join memberships m on m.partnership_id = mt.partnership_id and m.person_id = ${actor.personId}
          and m.left_at is null
        join partnerships p on p.id = mt.partnership_id and p.deleted_at is null
        where mt.deleted_at is null and not mt.cancelled
          and coalesce(mt.ends_at, mt.starts_at) >= ${now.toISOString()}::timestamptz
        order by mt.starts_at, mt.id
        limit ${MY_PLAN_MEETINGS}`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    startsAt: iso(r.starts_at),
    endsAt: r.ends_at === null ? null : iso(r.ends_at),
    timeZone: r.time_zone,
    place: r.place,
    callLink: r.link,
    partnershipName: r.partnership_name,
    partnershipSlug: r.slug,
    link: `/p/${r.slug}/meetings/${r.id}`,
  }));
}

export async function myPlan(deps: AppDeps, actor: Actor): Promise<MyPlan> {
  const now = deps.now();
  const [actions, meetings] = await Promise.all([
    myActions(deps, actor, utcDate(now)),
    myMeetings(deps, actor, now),
  ]);
  return { userId: actor.userId, actions, meetings, generatedAt: now.toISOString() };
}
