/** Finding agenda records and the people they name, shared by the agenda's services. */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import {
  actions,
  actionTeamMembers,
  actionTeams,
  memberships,
  organizations,
  people,
  priorities,
  voteRounds,
} from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError } from "../../errors.js";
import { findPartnershipAs, type PartnershipRow } from "../partnerships/find.js";
import { authorize, callerWithRole, type AgendaAction, type AgendaCaller } from "./policy.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "… was not found.", for each kind of agenda record. */
const missing = {
  round: msg({ id: "server.agenda.notFound.round", defaultMessage: "The vote round was not found." }),
  priority: msg({ id: "server.agenda.notFound.priority", defaultMessage: "The priority was not found." }),
  team: msg({ id: "server.agenda.notFound.team", defaultMessage: "The action team was not found." }),
  action: msg({ id: "server.agenda.notFound.action", defaultMessage: "The action was not found." }),
};
export type AgendaRecord = keyof typeof missing;

/** 404 for an agenda record that is not there. */
export const notFoundError = (what: AgendaRecord) => new AppError("not_found", missing[what]);

/** An id that is not a UUID cannot name a record: 404 rather than a database error. */
export function checkUuid(id: string, what: AgendaRecord): void {
  if (!uuidPattern.test(id)) throw notFoundError(what);
}

/**
 * The partnership (404 when gone) and the caller in it, in one round trip (findPartnershipAs);
 * `reading` lets a coordinator of its scope read as an observer (logged).
 */
async function seatedCaller(
  tx: Executor,
  idOrSlug: string,
  actor: Actor | null,
  reading?: string,
): Promise<{ partnership: PartnershipRow; caller: AgendaCaller; agendaStamp: number | null }> {
  const { partnership, role, agendaStamp } = await findPartnershipAs(tx, idOrSlug, actor);
  return {
    partnership,
    caller: await callerWithRole(tx, partnership.id, actor, role, reading),
    agendaStamp,
  };
}

/** The partnership (by id or slug) and the caller, after checking the caller may do `action`. */
export async function partnershipAccess(
  tx: Executor,
  idOrSlug: string,
  actor: Actor | null,
  action: AgendaAction,
): Promise<{ partnership: PartnershipRow; caller: AgendaCaller; agendaStamp: number | null }> {
  const seated = await seatedCaller(tx, idOrSlug, actor, action === "view" ? "action plan" : undefined);
  authorize(seated.caller, "view");
  authorize(seated.caller, action);
  return seated;
}

type RoundRow = typeof voteRounds.$inferSelect;

/** A vote round (locked for update inside a write) and the caller in its partnership. */
export async function roundAccess(
  tx: Executor,
  roundId: string,
  actor: Actor | null,
  action: AgendaAction,
  /** true takes the round alone ("update"); "share" beside others, keeping a close waiting. */
  lock: boolean | "share" | "update" = false,
): Promise<{ round: RoundRow; caller: AgendaCaller }> {
  checkUuid(roundId, "round");
  const query = tx.select().from(voteRounds).where(eq(voteRounds.id, roundId));
  const mode = lock === true ? "update" : lock;
  const [round] = mode ? await query.for(mode) : await query;
  if (!round) throw notFoundError("round");
  const { caller } = await seatedCaller(
    tx,
    round.partnershipId,
    actor,
    action === "view" ? "a vote round" : undefined,
  );
  // Someone who may not see the agenda learns that first, whatever else they asked.
  authorize(caller, "view");
  authorize(caller, action);
  return { round, caller };
}

type PriorityRow = typeof priorities.$inferSelect;

export async function priorityAccess(
  tx: Executor,
  priorityId: string,
  actor: Actor | null,
  action: AgendaAction,
): Promise<{ priority: PriorityRow; caller: AgendaCaller }> {
  checkUuid(priorityId, "priority");
  const [priority] = await tx.select().from(priorities).where(eq(priorities.id, priorityId));
  if (!priority) throw notFoundError("priority");
  const { caller } = await seatedCaller(
    tx,
    priority.partnershipId,
    actor,
    action === "view" ? "a priority" : undefined,
  );
  authorize(caller, "view");
  authorize(caller, action);
  return { priority, caller };
}

export async function championIdsOf(tx: Executor, teamId: string): Promise<string[]> {
  const rows = await tx
    .select({ personId: actionTeamMembers.personId })
    .from(actionTeamMembers)
    .where(
      and(
        eq(actionTeamMembers.teamId, teamId),
        eq(actionTeamMembers.role, "champion"),
        isNull(actionTeamMembers.leftAt),
      ),
    );
  return rows.map((r) => r.personId);
}

type TeamRow = typeof actionTeams.$inferSelect;

export async function teamAccess(
  tx: Executor,
  teamId: string,
  actor: Actor | null,
): Promise<{ team: TeamRow; priority: PriorityRow; caller: AgendaCaller; championIds: string[] }> {
  checkUuid(teamId, "team");
  const [row] = await tx
    .select({ team: actionTeams, priority: priorities })
    .from(actionTeams)
    .innerJoin(priorities, eq(priorities.id, actionTeams.priorityId))
    .where(eq(actionTeams.id, teamId));
  if (!row) throw notFoundError("team");
  const { caller } = await seatedCaller(tx, row.team.partnershipId, actor);
  authorize(caller, "view");
  return { ...row, caller, championIds: await championIdsOf(tx, teamId) };
}

type ActionRow = typeof actions.$inferSelect;

export async function actionAccess(
  tx: Executor,
  actionId: string,
  actor: Actor | null,
  lock = false,
  /** Set for a read: a coordinator of the partnership's scope then reads it as an observer. */
  reading?: string,
): Promise<{ action: ActionRow; caller: AgendaCaller; championIds: string[] }> {
  checkUuid(actionId, "action");
  const query = tx
    .select()
    .from(actions)
    .where(and(eq(actions.id, actionId), isNull(actions.deletedAt)));
  const [action] = lock ? await query.for("update") : await query;
  if (!action) throw notFoundError("action");
  const { caller } = await seatedCaller(tx, action.partnershipId, actor, reading);
  authorize(caller, "view");
  return { action, caller, championIds: await championIdsOf(tx, action.teamId) };
}

export interface TableMember {
  personId: string;
  name: string;
  role: Role;
  organization: string | null;
  organizationKind: string | null;
}

/** The current members of a partnership among `personIds`, keyed by person id. */
export async function membersAmong(
  tx: Executor,
  partnershipId: string,
  personIds: readonly string[],
): Promise<Map<string, TableMember>> {
  if (personIds.length === 0) return new Map();
  const rows = await tx
    .select({
      personId: people.id,
      name: people.name,
      role: memberships.role,
      organization: organizations.name,
      organizationKind: organizations.kind,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.partnershipId, partnershipId),
        isNull(memberships.leftAt),
        inArray(memberships.personId, [...personIds]),
      ),
    );
  return new Map(rows.map((r) => [r.personId, r]));
}

/** A person's name for a message, or their id when they are not known. */
export async function personName(tx: Executor, personId: string): Promise<string> {
  const [row] = await tx.select({ name: people.name }).from(people).where(eq(people.id, personId));
  return row?.name ?? personId;
}

/** A field's message: the person named is not at the partnership's table. */
export const notAMember = (name: string) =>
  msg(
    { id: "server.agenda.field.notAMember", defaultMessage: "{name} is not a member of this partnership" },
    { name },
  );

/** 400 naming the field when `personId` is not at the partnership's table. */
export async function checkMember(
  tx: Executor,
  partnershipId: string,
  personId: string,
  field: string,
): Promise<TableMember> {
  const found = (await membersAmong(tx, partnershipId, [personId])).get(personId);
  if (found) return found;
  const name = uuidPattern.test(personId) ? await personName(tx, personId) : personId;
  throw new AppError(
    "bad_request",
    msg(
      {
        id: "server.agenda.notAMemberDetail",
        defaultMessage: "{field}: {name} is not a member of this partnership.",
      },
      { field, name },
    ),
    { errors: [{ field, message: notAMember(name) }] },
  );
}
