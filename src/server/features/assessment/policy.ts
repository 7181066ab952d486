import { and, eq, isNull } from "drizzle-orm";
import { sectorOf, type Role, type Sector } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { assessmentRounds, memberships, organizations, partnerships } from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";

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
  if (!uuid.test(id)) throw notFound("The assessment round");
  const [row] = await tx
    .select({
      round: assessmentRounds,
      partnershipName: partnerships.name,
      partnershipSlug: partnerships.slug,
    })
    .from(assessmentRounds)
    .innerJoin(partnerships, eq(partnerships.id, assessmentRounds.partnershipId))
    .where(and(eq(assessmentRounds.id, id), isNull(partnerships.deletedAt)));
  if (!row) throw notFound("The assessment round");
  return row;
}

/**
 * Who may see a round at all: its members, and admins (who see who answered, never what).
 * Everyone else gets 404: a round's existence is the partnership's own business.
 */
export function requireRoundVisible(actor: Actor | null, seat: Seat | null): void {
  if (seat || actor?.isAdmin) return;
  if (!actor) throw new AppError("unauthenticated", "Sign in to see this assessment round.");
  throw notFound("The assessment round");
}
