import { and, eq, isNull } from "drizzle-orm";
import type { AgendaPermissions } from "../../../core/agenda.js";
import { businessRoles, type Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { memberships } from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { AppError } from "../../errors.js";
import { translate } from "../../i18n/intl.js";
import { scopeRead } from "../coordinators/scope.js";

/** The caller as the agenda sees them in one partnership. */
export interface AgendaCaller {
  actor: Actor | null;
  role: Role | null;
}

export type AgendaAction = "view" | "raise" | "manage" | "vote";

export async function agendaCaller(
  db: Executor,
  partnershipId: string,
  actor: Actor | null,
  /** Set for a read: a coordinator of the partnership's scope then reads it as an observer. */
  reading?: string,
): Promise<AgendaCaller> {
  if (!actor) return { actor, role: null };
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(
        eq(memberships.partnershipId, partnershipId),
        eq(memberships.personId, actor.personId),
        isNull(memberships.leftAt),
      ),
    );
  return callerWithRole(db, partnershipId, actor, row?.role ?? null, reading);
}

/** As agendaCaller, with the caller's own seat already read (findPartnershipAs). */
export async function callerWithRole(
  db: Executor,
  partnershipId: string,
  actor: Actor | null,
  role: Role | null,
  reading?: string,
): Promise<AgendaCaller> {
  if (!actor) return { actor, role: null };
  if (role === null && reading && (await scopeRead(db, partnershipId, actor, reading))) {
    return { actor, role: "observer" };
  }
  return { actor, role };
}

/** Business people: the only ones who vote and who may champion an action team (rule 1). */
export function isBusinessRole(role: Role | null): boolean {
  return role !== null && businessRoles.includes(role);
}

/**
 * Who may do what to a partnership's agenda. Members see it all; business members, champions
 * and conveners record opportunities; only business people vote; conveners (and community
 * admins) run rounds, choose priorities and form teams.
 */
export function can(caller: AgendaCaller, action: AgendaAction): boolean {
  const { actor, role } = caller;
  if (!actor) return false;
  switch (action) {
    case "view":
      return actor.isAdmin || role !== null;
    case "raise":
      return actor.isAdmin || isBusinessRole(role) || role === "convener";
    case "manage":
      return actor.isAdmin || role === "convener";
    case "vote":
      return isBusinessRole(role);
  }
}

export function permissions(caller: AgendaCaller): AgendaPermissions {
  return { raise: can(caller, "raise"), manage: can(caller, "manage") };
}

const refusals: Record<AgendaAction, Msg> = {
  view: msg({
    id: "server.agenda.refusal.view",
    defaultMessage: "Only members of this partnership may see its agenda. Ask a convener for an invitation.",
  }),
  raise: msg({
    id: "server.agenda.refusal.raise",
    defaultMessage: "Only business members, champions and conveners record opportunities.",
  }),
  manage: msg({
    id: "server.agenda.refusal.manage",
    defaultMessage: "Only a convener of this partnership may do this.",
  }),
  vote: msg({
    id: "server.agenda.refusal.vote",
    defaultMessage:
      "Only business members and champions vote: the partnership is industry-driven. " +
      "You can follow the round and see its results once it closes.",
  }),
};

/** Throws 401 for a signed-out caller and 403 (with the reason) for one without the right. */
export function authorize(caller: AgendaCaller, action: AgendaAction): void {
  if (can(caller, action)) return;
  if (!caller.actor)
    throw new AppError(
      "unauthenticated",
      msg({ id: "server.agenda.signInToDoThis", defaultMessage: "Sign in to do this." }),
    );
  throw new AppError("forbidden", refusals[action]);
}

/** Why the caller cannot vote in a round, for the page (in the reader's language); null when they can. */
export function voteNote(caller: AgendaCaller, status: "open" | "closed", locale: AppLocale): string | null {
  if (status === "closed") {
    return translate(
      locale,
      msg({ id: "server.agenda.roundClosed", defaultMessage: "This round is closed." }),
    );
  }
  if (can(caller, "vote")) return null;
  return translate(locale, refusals.vote);
}

/**
 * Actions: conveners and admins edit any; a team's champions edit their team's actions; an
 * owner edits their own. Adding actions to a team: conveners and the team's champions.
 */
export function canEditAction(
  caller: AgendaCaller,
  action: { ownerId: string | null },
  championIds: readonly string[],
): boolean {
  if (can(caller, "manage")) return true;
  if (!caller.actor || caller.role === null) return false;
  const me = caller.actor.personId;
  return action.ownerId === me || championIds.includes(me);
}

export function canAddActions(caller: AgendaCaller, championIds: readonly string[]): boolean {
  if (can(caller, "manage")) return true;
  if (!caller.actor || caller.role === null) return false;
  return championIds.includes(caller.actor.personId);
}
