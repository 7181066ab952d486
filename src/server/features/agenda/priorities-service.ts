/** Priorities and their action teams. */
import { and, eq, isNull, sql } from "drizzle-orm";
import {
  utcDate,
  type ActionTeam,
  type ActionTeamBody,
  type Priority,
  type PriorityBody,
  type PriorityPatch,
  type PriorityStatus,
} from "../../../core/agenda.js";
import type { Executor } from "../../../db/open.js";
import { themes } from "../../../core/vocabulary.js";
import {
  actionTeamMembers,
  actionTeams,
  agendaRevisions,
  opportunities,
  priorities,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { translate } from "../../i18n/intl.js";
import { recordActivity } from "../activity/record.js";
import { isBusinessRole, type AgendaCaller } from "./policy.js";
import {
  checkUuid,
  membersAmong,
  notAMember,
  partnershipAccess,
  personName,
  priorityAccess,
  teamAccess,
} from "./lookup.js";
import { assembleTeams, loadPriorities, actionRows, teamMemberRows, teamRows } from "./plan-service.js";
import { actions } from "../../../db/schema/index.js";

async function onePriority(db: Executor, id: string, partnershipId: string, caller: AgendaCaller, now: Date) {
  const [p] = await loadPriorities(db, partnershipId, caller, utcDate(now), id);
  return p;
}

export async function getPriority(deps: AppDeps, actor: Actor | null, id: string): Promise<Priority> {
  const { priority, caller } = await priorityAccess(deps.db, id, actor, "view");
  return onePriority(deps.db, priority.id, priority.partnershipId, caller, deps.now());
}

export async function createPriority(
  deps: AppDeps,
  actor: Actor,
  partnershipId: string,
  body: PriorityBody,
): Promise<Priority> {
  return deps.db.transaction(async (tx) => {
    const { partnership, caller } = await partnershipAccess(tx, partnershipId, actor, "manage");
    let theme = body.theme ?? null;
    if (body.opportunityId) {
      const [opportunity] = await tx
        .select({ id: opportunities.id, theme: opportunities.theme })
        .from(opportunities)
        .where(
          and(
            eq(opportunities.id, body.opportunityId),
            eq(opportunities.partnershipId, partnership.id),
            isNull(opportunities.deletedAt),
          ),
        );
      if (!opportunity) {
        throw fieldError(
          "opportunityId",
          msg({
            id: "server.agenda.field.notAnOpportunity",
            defaultMessage: "is not an opportunity of this partnership",
          }),
        );
      }
      theme ??= opportunity.theme;
    }
    // Chosen when raised: a priority says what it is about, or takes it from its opportunity.
    if (!theme) {
      throw fieldError(
        "theme",
        msg(
          {
            id: "server.agenda.field.chooseTheme",
            defaultMessage: "choose what it is about: one of {themes}",
          },
          { themes: themes.join(", ") },
        ),
      );
    }
    const [row] = await tx
      .insert(priorities)
      .values({
        partnershipId: partnership.id,
        opportunityId: body.opportunityId ?? null,
        title: body.title,
        problem: body.problem ?? "",
        goal: body.goal ?? "",
        theme,
        chosenAt: deps.now(),
        createdAt: deps.now(),
        updatedAt: deps.now(),
      })
      .returning({ id: priorities.id });
    await recordActivity(tx, {
      partnershipId: partnership.id,
      kind: "priority.chosen",
      summary: msg(
        { id: "activity.priorityChosen", defaultMessage: "Priority chosen: {title}" },
        { title: body.title },
      ),
      subjectType: "priority",
      subjectId: row.id,
      actorPersonId: actor.personId,
    });
    return onePriority(tx, row.id, partnership.id, caller, deps.now());
  });
}

const statusActivity: Record<PriorityStatus, { kind: string; words: string }> = {
  active: { kind: "priority.chosen", words: "Priority made active again" },
  achieved: { kind: "priority.achieved", words: "Priority achieved" },
  retired: { kind: "priority.retired", words: "Priority retired" },
};

/** Edits a priority; a stale version answers 409 with the current record. Keeps the old one. */
export async function updatePriority(
  deps: AppDeps,
  actor: Actor,
  id: string,
  patch: PriorityPatch,
): Promise<Priority> {
  return deps.db.transaction(async (tx) => {
    const { priority: current, caller } = await priorityAccess(tx, id, actor, "manage");
    const { version, ...changes } = patch;
    const updated = await tx
      .update(priorities)
      .set({ ...changes, version: sql`${priorities.version} + 1`, updatedAt: deps.now() })
      .where(and(eq(priorities.id, current.id), eq(priorities.version, version)))
      .returning({ id: priorities.id });
    if (updated.length === 0) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.agenda.priorityConflict",
            defaultMessage:
              "This priority was changed by someone else (you edited version {version}, it is now {current}). " +
              "Reload it, then apply your changes again.",
          },
          { version: String(version), current: String(current.version) },
        ),
        { current: await onePriority(tx, current.id, current.partnershipId, caller, deps.now()) },
      );
    }
    await tx.insert(agendaRevisions).values({
      entity: "priority",
      entityId: current.id,
      version: current.version,
      snapshot: JSON.stringify(current),
      changedBy: actor.userId,
      changedAt: deps.now(),
    });
    if (changes.status && changes.status !== current.status) {
      const a = statusActivity[changes.status];
      await recordActivity(tx, {
        partnershipId: current.partnershipId,
        kind: a.kind,
        summary: `${a.words}: ${changes.title ?? current.title}`,
        subjectType: "priority",
        subjectId: current.id,
        actorPersonId: actor.personId,
      });
    }
    return onePriority(tx, current.id, current.partnershipId, caller, deps.now());
  });
}

async function oneTeam(db: Executor, teamId: string, caller: AgendaCaller, now: Date): Promise<ActionTeam> {
  const filter = eq(actionTeams.id, teamId);
  // One after another: called inside a transaction, which is one connection and runs one query
  // at a time (node-postgres queues overlapping ones today and refuses them from version 9).
  const teams = await teamRows(db, filter);
  const members = await teamMemberRows(db, filter);
  const actionList = await actionRows(db, eq(actions.teamId, teamId));
  return assembleTeams(teams, members, actionList, utcDate(now), caller)[0];
}

/**
 * Forms an action team for an active priority. Champions must be business members or
 * champions of the partnership (rule 1): anyone else is refused, by name. Other members are
 * business members (role "member") or public partners (role "support").
 */
export async function createTeam(
  deps: AppDeps,
  actor: Actor,
  priorityId: string,
  body: ActionTeamBody,
): Promise<ActionTeam> {
  return deps.db.transaction(async (tx) => {
    const { priority, caller } = await priorityAccess(tx, priorityId, actor, "manage");
    if (priority.status !== "active") {
      throw new AppError(
        "bad_request",
        msg(
          {
            id: "server.agenda.priorityNotActive",
            defaultMessage:
              "This priority is {status, select, achieved {achieved} retired {retired} other {{status}}}; " +
              "action teams are formed for active priorities.",
          },
          { status: priority.status },
        ),
        {
          errors: [
            {
              field: "priority",
              message: msg(
                {
                  id: "server.agenda.field.priorityNotActive",
                  defaultMessage:
                    "is {status, select, achieved {achieved} retired {retired} other {{status}}}, not active",
                },
                { status: priority.status },
              ),
            },
          ],
        },
      );
    }
    const memberIds = (body.memberIds ?? []).filter((id) => !body.championIds.includes(id));
    const found = await membersAmong(tx, priority.partnershipId, [...body.championIds, ...memberIds]);
    const errors: { field: string; message: Msg }[] = [];
    for (const [i, id] of body.championIds.entries()) {
      const m = found.get(id);
      if (!m) {
        errors.push({
          field: `championIds.${i}`,
          message: notAMember(await personName(tx, id)),
        });
      } else if (!isBusinessRole(m.role)) {
        errors.push({
          field: `championIds.${i}`,
          message: msg(
            {
              id: "server.agenda.field.championNotBusiness",
              defaultMessage:
                "{name} is a {role, select, champion {business champion} business_member {business member} " +
                "support {support team member} convener {convener} observer {observer} other {{role}}}, " +
                "not a business member: an action team's champion must be a business member or business champion",
            },
            { name: m.name, role: m.role },
          ),
        });
      }
    }
    for (const [i, id] of (body.memberIds ?? []).entries()) {
      if (!found.has(id)) {
        errors.push({
          field: `memberIds.${i}`,
          message: notAMember(await personName(tx, id)),
        });
      }
    }
    if (errors.length > 0) {
      throw new AppError(
        "bad_request",
        (locale) => errors.map((e) => translate(locale, e.message)).join("; "),
        {
          errors,
        },
      );
    }
    const [team] = await tx
      .insert(actionTeams)
      .values({
        partnershipId: priority.partnershipId,
        priorityId: priority.id,
        name: body.name,
        createdAt: deps.now(),
      })
      .returning({ id: actionTeams.id });
    await tx.insert(actionTeamMembers).values([
      ...body.championIds.map((personId) => ({
        teamId: team.id,
        personId,
        role: "champion" as const,
        joinedAt: deps.now(),
      })),
      ...memberIds.map((personId) => ({
        teamId: team.id,
        personId,
        role: isBusinessRole(found.get(personId)!.role) ? ("member" as const) : ("support" as const),
        joinedAt: deps.now(),
      })),
    ]);
    const championNames = body.championIds.map((id) => found.get(id)!.name).join(", ");
    await recordActivity(tx, {
      partnershipId: priority.partnershipId,
      kind: "team.formed",
      summary: msg(
        {
          id: "activity.teamFormed",
          defaultMessage: "Action team formed: {team} ({priority}), championed by {champions}",
        },
        { team: body.name, priority: priority.title, champions: championNames },
      ),
      subjectType: "action_team",
      subjectId: team.id,
      actorPersonId: actor.personId,
    });
    return oneTeam(tx, team.id, caller, deps.now());
  });
}

/**
 * A member signs up for an action team (business members as members, public partners as
 * support), or leaves it. Observers watch and do not sign up.
 */
export async function joinTeam(
  deps: AppDeps,
  actor: Actor,
  teamId: string,
  join: boolean,
): Promise<ActionTeam> {
  checkUuid(teamId, "team");
  return deps.db.transaction(async (tx) => {
    const { team, caller } = await teamAccess(tx, teamId, actor);
    if (caller.role === null || caller.role === "observer") {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.agenda.joinTeamRefused",
          defaultMessage:
            "Business members, champions, conveners and support team members sign up for action teams.",
        }),
      );
    }
    const [existing] = await tx
      .select()
      .from(actionTeamMembers)
      .where(and(eq(actionTeamMembers.teamId, team.id), eq(actionTeamMembers.personId, actor.personId)));
    if (join) {
      const role = isBusinessRole(caller.role) ? ("member" as const) : ("support" as const);
      if (!existing) {
        await tx
          .insert(actionTeamMembers)
          .values({ teamId: team.id, personId: actor.personId, role, joinedAt: deps.now() });
      } else if (existing.leftAt) {
        await tx
          .update(actionTeamMembers)
          .set({ leftAt: null, joinedAt: deps.now(), role: existing.role === "champion" ? "champion" : role })
          .where(and(eq(actionTeamMembers.teamId, team.id), eq(actionTeamMembers.personId, actor.personId)));
      }
    } else if (existing && !existing.leftAt) {
      if (existing.role === "champion") {
        const champions = await tx
          .select({ personId: actionTeamMembers.personId })
          .from(actionTeamMembers)
          .where(
            and(
              eq(actionTeamMembers.teamId, team.id),
              eq(actionTeamMembers.role, "champion"),
              isNull(actionTeamMembers.leftAt),
            ),
          );
        if (champions.length <= 1) {
          throw new AppError(
            "bad_request",
            msg({
              id: "server.agenda.onlyChampion",
              defaultMessage:
                "You are this team's only champion; ask a convener to name another business champion before you leave.",
            }),
          );
        }
      }
      await tx
        .update(actionTeamMembers)
        .set({ leftAt: deps.now() })
        .where(and(eq(actionTeamMembers.teamId, team.id), eq(actionTeamMembers.personId, actor.personId)));
    }
    return oneTeam(tx, team.id, caller, deps.now());
  });
}

export { oneTeam };
