import { and, eq, isNull } from "drizzle-orm";
import { sectorOf, type Role, type Sector } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { assessmentRounds, memberships, organizations, partnerships } from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { AppError } from "../../errors.js";
import { can } from "../partnerships/policy.js";

/** 404 for a round that is gone, or not the caller's to see. */
export const roundNotFound = () =>
  new AppError(
    "not_found",
    msg({ id: "server.assessment.roundNotFound", defaultMessage: "The assessment round was not found." }),
  );

/** Members of the partnership (and community admins) only: others are asked to sign in, or refused. */
export function requireMembers(actor: Actor | null, role: Role | null, refusal: Msg): void {
  if (can(actor, role, "viewMembers")) return;
  if (!actor) {
    throw new AppError(
      "unauthenticated",
      msg({ id: "server.assessment.signInToDoThis", defaultMessage: "Sign in to do this." }),
    );
  }
  throw new AppError("forbidden", refusal);
}

export interface Seat {
  role: Role;
  sector: Sector;
}

/** The caller's seat at a partnership's table (role and sector), or null when not a member. */
export async function seatIn(db: Executor, partnershipId: string, actor: Actor | null): Promise<Seat | null> {
  if (!actor) return null;
  const [row] = await db
    .select({ role: memberships.role, kind: organizations.kind })
    .from(memberships)
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(
      and(
        eq(memberships.partnershipId, partnershipId),
        eq(memberships.personId, actor.personId),
        isNull(memberships.leftAt),
      ),
    );
  return row ? { role: row.role, sector: sectorOf(row.kind, row.role) } : null;
}

/** Conveners run rounds; community admins may step in for a convener. */
export function mayManageRounds(actor: Actor | null, seat: Seat | null): boolean {
  return actor !== null && (actor.isAdmin || seat?.role === "convener");
}

/** A round with its partnership; 404 when either is gone. */
export async function findRound(tx: Executor, id: string) {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(id)) throw roundNotFound();
  const [row] = await tx
    .select({
      round: assessmentRounds,
      partnershipName: partnerships.name,
      partnershipSlug: partnerships.slug,
    })
    .from(assessmentRounds)
    .innerJoin(partnerships, eq(partnerships.id, assessmentRounds.partnershipId))
    .where(and(eq(assessmentRounds.id, id), isNull(partnerships.deletedAt)));
  if (!row) throw roundNotFound();
  return row;
}

/**
 * Who may see a round at all: its members, and admins (who see who answered, never what).
 * Everyone else gets 404: a round's existence is the partnership's own business.
 */
export function requireRoundVisible(actor: Actor | null, seat: Seat | null): void {
  if (seat || actor?.isAdmin) return;
  if (!actor) {
    throw new AppError(
      "unauthenticated",
      msg({
        id: "server.assessment.signInToSeeRound",
        defaultMessage: "Sign in to see this assessment round.",
      }),
    );
  }
  throw roundNotFound();
}
