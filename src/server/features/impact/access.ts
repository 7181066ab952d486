import type { Audience } from "../../../core/impact.js";
import type { Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import type { Actor } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError } from "../../errors.js";
import { findPartnershipAs, type PartnershipRow } from "../partnerships/find.js";
import { scopeRead } from "../coordinators/scope.js";

const signIn = () =>
  new AppError(
    "unauthenticated",
    msg({ id: "server.impact.signInToDoThis", defaultMessage: "Sign in to do this." }),
  );

export interface ImpactAccess {
  partnership: PartnershipRow;
  role: Role | null;
  /** Which measurements and stories the caller may read. */
  audience: Audience;
  /** Members enter values, stories and the story behind the numbers. */
  canEnter: boolean;
  /** Conveners decide how the partnership appears to peers. */
  canManage: boolean;
}

/** What a caller may see and do with one partnership's impact data. */
export async function impactAccess(
  db: Executor,
  idOrSlug: string,
  actor: Actor | null,
): Promise<ImpactAccess> {
  // The partnership and the caller's role in one round trip: benchmarks answer on every click.
  const { partnership, role } = await findPartnershipAs(db, idOrSlug, actor);
  // A coordinator of the partnership's scope reads what members read (logged), and enters nothing.
  const scoped = role === null && (await scopeRead(db, partnership.id, actor, "impact values"));
  const audience: Audience = role !== null || scoped ? "member" : actor ? "practitioner" : "public";
  return { partnership, role, audience, canEnter: role !== null, canManage: role === "convener" };
}

export function requireEnter(actor: Actor | null, access: ImpactAccess): Actor {
  if (actor && access.canEnter) return actor;
  if (!actor) throw signIn();
  throw new AppError(
    "forbidden",
    msg({
      id: "server.impact.enterMembersOnly",
      defaultMessage: "Only members of this partnership may enter its impact data.",
    }),
  );
}

export function requireManage(actor: Actor | null, access: ImpactAccess): Actor {
  if (actor && (access.canManage || actor.isAdmin)) return actor;
  if (!actor) throw signIn();
  throw new AppError(
    "forbidden",
    msg({
      id: "server.impact.manageConvenersOnly",
      defaultMessage: "Only a convener of this partnership may change this.",
    }),
  );
}
