/**
 * The rows of an action plan (priorities, their teams, the teams' people and actions) in one
 * round trip: PostgreSQL builds the four lists as one JSON value, in the order and shape that the
 * four drizzle reads of plan-service.ts answer. Each statement costs the server and the
 * database a round trip and drizzle a build of its SQL; the plan took four of them.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { Theme } from "../../../core/vocabulary.js";
import { isoTimestamp } from "../../lib/sql.js";
import { formerMemberSql } from "../members/former.js";

/** The rows, as the drizzle reads of plan-service.ts type them. */
export interface PlanPriorityRow {
  id: string;
  partnershipId: string;
  opportunityId: string | null;
  title: string;
  problem: string;
  goal: string;
  theme: Theme | null;
  status: "active" | "achieved" | "retired";
  chosenAt: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}
export interface PlanTeamRow {
  id: string;
  priorityId: string;
  name: string;
  createdAt: Date;
}
export interface PlanMemberRow {
  teamId: string;
  personId: string;
  name: string;
  role: "champion" | "member" | "support";
  organization: string | null;
}
export interface PlanActionRow {
  id: string;
  teamId: string;
  title: string;
  ownerId: string | null;
  ownerName: string | null;
  ownerFormer: boolean;
  dueDate: string | null;
  status: "planned" | "in_progress" | "done" | "stuck";
  progress: number;
  result: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  updateCount: number;
}
type PriorityRow = PlanPriorityRow;
type TeamRow = PlanTeamRow;
type MemberRow = PlanMemberRow;
type ActionRow = PlanActionRow;

/** As JSON carries them: timestamps as ISO text. */
type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

export interface PlanRows {
  priorities: PriorityRow[];
  teams: TeamRow[];
  members: MemberRow[];
  actions: ActionRow[];
}

const iso = isoTimestamp;

/** Everything of one partnership, or (`only`) of one of its priorities. */
export async function planRows(db: Executor, partnershipId: string, only?: string): Promise<PlanRows> {
  const priorityFilter: SQL = only ? sql`p.id = ${only}` : sql`p.partnership_id = ${partnershipId}`;
  const teamFilter: SQL = only ? sql`t.priority_id = ${only}` : sql`t.partnership_id = ${partnershipId}`;
  const actionFilter: SQL = only
    ? sql`a.team_id in (select id from action_teams where priority_id = ${only})`
    : sql`a.partnership_id = ${partnershipId}`;
  const [row] = await queryRows<{
    plan: {
      priorities: Json<PriorityRow>[];
      teams: Json<TeamRow>[];
      members: MemberRow[];
      actions: Json<ActionRow>[];
    };
  }>(
    db,
    sql`
    select json_build_object(
      'priorities', (select coalesce(json_agg(json_build_object(
          'id', p.id, 'partnershipId', p.partnership_id, 'opportunityId', p.opportunity_id,
          'title', p.title, 'problem', p.problem, 'goal', p.goal, 'theme', p.theme, 'status', p.status,
          'chosenAt', ${iso("p.chosen_at")}, 'version', p.version,
          'createdAt', ${iso("p.created_at")}, 'updatedAt', ${iso("p.updated_at")})
          order by case p.status when 'active' then 0 when 'achieved' then 1 else 2 end,
                   p.chosen_at desc, p.title asc), '[]'::json)
        from priorities p where ${priorityFilter}),
      'teams', (select coalesce(json_agg(json_build_object(
          'id', t.id, 'priorityId', t.priority_id, 'name', t.name, 'createdAt', ${iso("t.created_at")})
          order by t.created_at asc, t.name asc), '[]'::json)
        from action_teams t where ${teamFilter}),
      'members', (select coalesce(json_agg(json_build_object(
          'teamId', m.team_id, 'personId', m.person_id, 'name', pe.name, 'role', m.role,
          'organization', o.name)
          order by pe.name asc), '[]'::json)
        from action_team_members m
        join action_teams t on t.id = m.team_id
        join people pe on pe.id = m.person_id
        left join memberships ms on ms.person_id = pe.id and ms.partnership_id = t.partnership_id
        left join organizations o on o.id = ms.organization_id
        where m.left_at is null and ${teamFilter}),
      'actions', (select coalesce(json_agg(json_build_object(
          'id', a.id, 'teamId', a.team_id, 'title', a.title, 'ownerId', a.owner_id,
          'ownerName', pe.name,
          'ownerFormer', ${formerMemberSql(sql.raw("a.owner_id"), sql.raw("a.partnership_id"))},
          'dueDate', a.due_date, 'status', a.status, 'progress', a.progress, 'result', a.result,
          'version', a.version, 'createdAt', ${iso("a.created_at")}, 'updatedAt', ${iso("a.updated_at")},
          'completedAt', ${iso("a.completed_at")},
          'updateCount', (select count(*) from action_updates u where u.action_id = a.id))
          order by a.due_date asc nulls last, a.created_at asc), '[]'::json)
        from actions a left join people pe on pe.id = a.owner_id
        where a.deleted_at is null and ${actionFilter})
    ) as plan`,
  );
  const plan = row.plan;
  return {
    priorities: plan.priorities.map((p) => ({
      ...p,
      chosenAt: new Date(p.chosenAt),
      createdAt: new Date(p.createdAt),
      updatedAt: new Date(p.updatedAt),
    })),
    teams: plan.teams.map((t) => ({ ...t, createdAt: new Date(t.createdAt) })),
    members: plan.members,
    actions: plan.actions.map((a) => ({
      ...a,
      createdAt: new Date(a.createdAt),
      updatedAt: new Date(a.updatedAt),
      completedAt: a.completedAt === null ? null : new Date(a.completedAt),
    })),
  };
}
