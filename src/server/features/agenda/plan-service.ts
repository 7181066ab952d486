/**
 * The shared action plan: priorities with their teams, champions and actions, what is due in
 * the next 60 days and what is late. One statement reads the rows (plan-query.ts); they are
 * assembled here, as are a single team's or action's (the drizzle reads below).
 */
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import {
  businessLedShare,
  dueState,
  utcDate,
  type Action,
  type ActionPlan,
  type ActionTeam,
  type PlanActionRef,
  type Priority,
  type TeamPerson,
} from "../../../core/agenda.js";
import type { Executor } from "../../../db/open.js";
import {
  actions,
  actionTeamMembers,
  actionTeams,
  memberships,
  organizations,
  people,
  priorities,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { formerMemberSql } from "../members/former.js";
import { partnershipAccess } from "./lookup.js";
import { canAddActions, canEditAction, permissions, type AgendaCaller } from "./policy.js";
import { planRows, type PlanRows } from "./plan-query.js";

type ActionRow = Awaited<ReturnType<typeof actionRows>>[number];

export async function actionRows(db: Executor, where: SQL | undefined) {
  return db
    .select({
      id: actions.id,
      teamId: actions.teamId,
      title: actions.title,
      ownerId: actions.ownerId,
      ownerName: people.name,
      ownerFormer: formerMemberSql(
        actions.ownerId,
        sql`(select t.partnership_id from action_teams t where t.id = ${actions.teamId})`,
      ),
      dueDate: actions.dueDate,
      status: actions.status,
      progress: actions.progress,
      result: actions.result,
      version: actions.version,
      createdAt: actions.createdAt,
      updatedAt: actions.updatedAt,
      completedAt: actions.completedAt,
      updateCount:
        sql<number>`(select count(*)::int from action_updates u where u.action_id = ${actions.id})`.mapWith(
          Number,
        ),
    })
    .from(actions)
    .leftJoin(people, eq(people.id, actions.ownerId))
    .where(and(isNull(actions.deletedAt), where))
    .orderBy(sql`${actions.dueDate} asc nulls last`, asc(actions.createdAt));
}

export function actionJson(
  row: ActionRow,
  today: string,
  caller: AgendaCaller,
  championIds: readonly string[],
): Action {
  return {
    id: row.id,
    teamId: row.teamId,
    title: row.title,
    owner:
      row.ownerId && row.ownerName
        ? { personId: row.ownerId, name: row.ownerName, former: row.ownerFormer }
        : null,
    dueDate: row.dueDate,
    status: row.status,
    progress: row.progress,
    result: row.result,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    late: dueState(row, today) === "late",
    updateCount: row.updateCount,
    canEdit: canEditAction(caller, row, championIds),
  };
}

export async function teamMemberRows(db: Executor, where: SQL | undefined) {
  return db
    .select({
      teamId: actionTeamMembers.teamId,
      personId: actionTeamMembers.personId,
      name: people.name,
      role: actionTeamMembers.role,
      organization: organizations.name,
    })
    .from(actionTeamMembers)
    .innerJoin(actionTeams, eq(actionTeams.id, actionTeamMembers.teamId))
    .innerJoin(people, eq(people.id, actionTeamMembers.personId))
    .leftJoin(
      memberships,
      and(eq(memberships.personId, people.id), eq(memberships.partnershipId, actionTeams.partnershipId)),
    )
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(isNull(actionTeamMembers.leftAt), where))
    .orderBy(asc(people.name));
}

export async function teamRows(db: Executor, where: SQL | undefined) {
  return db
    .select({
      id: actionTeams.id,
      priorityId: actionTeams.priorityId,
      name: actionTeams.name,
      createdAt: actionTeams.createdAt,
    })
    .from(actionTeams)
    .where(where)
    .orderBy(asc(actionTeams.createdAt), asc(actionTeams.name));
}

/** Teams with their people and actions, as the API answers them. */
export function assembleTeams(
  teams: Awaited<ReturnType<typeof teamRows>>,
  memberRows: Awaited<ReturnType<typeof teamMemberRows>>,
  actionList: ActionRow[],
  today: string,
  caller: AgendaCaller,
): ActionTeam[] {
  const peopleByTeam = new Map<string, TeamPerson[]>();
  for (const m of memberRows) {
    const list = peopleByTeam.get(m.teamId) ?? [];
    list.push({ personId: m.personId, name: m.name, organization: m.organization, role: m.role });
    peopleByTeam.set(m.teamId, list);
  }
  const actionsByTeam = new Map<string, ActionRow[]>();
  for (const a of actionList) {
    const list = actionsByTeam.get(a.teamId) ?? [];
    list.push(a);
    actionsByTeam.set(a.teamId, list);
  }
  const me = caller.actor?.personId;
  return teams.map((t) => {
    const teamPeople = peopleByTeam.get(t.id) ?? [];
    const champions = teamPeople.filter((p) => p.role === "champion");
    const championIds = champions.map((c) => c.personId);
    return {
      id: t.id,
      priorityId: t.priorityId,
      name: t.name,
      champions,
      members: teamPeople.filter((p) => p.role !== "champion"),
      createdAt: t.createdAt.toISOString(),
      canAddActions: canAddActions(caller, championIds),
      isMember: me !== undefined && teamPeople.some((p) => p.personId === me),
      actions: (actionsByTeam.get(t.id) ?? []).map((a) => actionJson(a, today, caller, championIds)),
    };
  });
}

export async function priorityRows(db: Executor, where: SQL | undefined) {
  return db
    .select()
    .from(priorities)
    .where(where)
    .orderBy(
      sql`case ${priorities.status} when 'active' then 0 when 'achieved' then 1 else 2 end`,
      desc(priorities.chosenAt),
      asc(priorities.title),
    );
}

export function priorityJson(p: typeof priorities.$inferSelect, teams: ActionTeam[]): Priority {
  return {
    id: p.id,
    partnershipId: p.partnershipId,
    opportunityId: p.opportunityId,
    title: p.title,
    problem: p.problem,
    goal: p.goal,
    theme: p.theme,
    status: p.status,
    chosenAt: p.chosenAt.toISOString(),
    version: p.version,
    teams,
  };
}

/** Priorities (all, or `only` one) and everything under them. */
export async function loadPriorities(
  db: Executor,
  partnershipId: string,
  caller: AgendaCaller,
  today: string,
  only?: string,
): Promise<Priority[]> {
  return prioritiesOf(await planRows(db, partnershipId, only), caller, today);
}

/** The plan's rows put together for this caller and day (the rows themselves are not changed). */
function prioritiesOf(rows: PlanRows, caller: AgendaCaller, today: string): Priority[] {
  const assembled = assembleTeams(rows.teams, rows.members, rows.actions, today, caller);
  const teamsByPriority = new Map<string, ActionTeam[]>();
  for (const t of assembled) {
    const list = teamsByPriority.get(t.priorityId) ?? [];
    list.push(t);
    teamsByPriority.set(t.priorityId, list);
  }
  return rows.priorities.map((p) => priorityJson(p, teamsByPriority.get(p.id) ?? []));
}

export async function getActionPlan(
  deps: AppDeps,
  actor: Actor | null,
  partnershipId: string,
): Promise<ActionPlan> {
  const { partnership, caller, agendaStamp } = await partnershipAccess(deps.db, partnershipId, actor, "view");
  const today = utcDate(deps.now());
  // Kept with the stamp read with the partnership: a plan that has not changed is not read again.
  const rows = await deps.stamped.get(`plan:${partnership.id}`, agendaStamp, () =>
    planRows(deps.db, partnership.id),
  );
  const list = prioritiesOf(rows, caller, today);
  const dueSoon: PlanActionRef[] = [];
  const late: PlanActionRef[] = [];
  let openActions = 0;
  let doneActions = 0;
  const activeTeams: ActionTeam[] = [];
  for (const p of list) {
    for (const t of p.teams) {
      if (p.status === "active") activeTeams.push(t);
      for (const a of t.actions) {
        if (a.status === "done") doneActions++;
        else openActions++;
        if (p.status !== "active" || !a.dueDate) continue;
        const state = dueState(a, today);
        if (state !== "late" && state !== "due_soon") continue;
        const ref: PlanActionRef = {
          id: a.id,
          title: a.title,
          dueDate: a.dueDate,
          status: a.status,
          progress: a.progress,
          owner: a.owner,
          teamId: t.id,
          teamName: t.name,
          priorityId: p.id,
          priorityTitle: p.title,
        };
        (state === "late" ? late : dueSoon).push(ref);
      }
    }
  }
  const byDue = (a: PlanActionRef, b: PlanActionRef) =>
    a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title);
  dueSoon.sort(byDue);
  late.sort(byDue);
  return {
    partnershipId: partnership.id,
    today,
    priorities: list,
    dueSoon,
    late,
    summary: {
      activePriorities: list.filter((p) => p.status === "active").length,
      teams: activeTeams.length,
      businessLedShare: businessLedShare(activeTeams),
      openActions,
      doneActions,
    },
    permissions: permissions(caller),
  };
}
