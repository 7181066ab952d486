import { and, eq, isNull, sql } from "drizzle-orm";
import type { Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { memberships, partnerships } from "../../../db/schema/index.js";
import type { Actor } from "../../deps.js";
import { notFound } from "../../errors.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a partnership's id-or-slug from a URL is an id (else it is a slug). */
export function isPartnershipId(idOrSlug: string): boolean {
  return uuidPattern.test(idOrSlug);
}

function byIdOrSlug(idOrSlug: string) {
  return isPartnershipId(idOrSlug) ? eq(partnerships.id, idOrSlug) : eq(partnerships.slug, idOrSlug);
}

export type PartnershipRow = typeof partnerships.$inferSelect;

/**
 * A partnership that is not deleted, by id or slug; 404 otherwise. On its own so that features
 * the partnership service itself calls (the regional economy's sync) can look one up too.
 */
export async function findPartnership(db: Executor, idOrSlug: string): Promise<PartnershipRow> {
  const [row] = await db
    .select()
    .from(partnerships)
    .where(and(byIdOrSlug(idOrSlug), isNull(partnerships.deletedAt)));
  if (!row) throw notFound("The partnership");
  return row;
}

/**
 * The partnership (404 as above) and the caller's own seat at it, in one round trip: nearly
 * every workspace request asks both, and each statement is a round trip for the server and the
 * database alike. A coordinator's scope is the caller's business (it is logged for reads).
 */
export async function findPartnershipAs(
  db: Executor,
  idOrSlug: string,
  actor: Actor | null,
): Promise<{ partnership: PartnershipRow; role: Role | null }> {
  const [row] = await db
    .select({ partnership: partnerships, role: memberships.role })
    .from(partnerships)
    .leftJoin(
      memberships,
      and(
        eq(memberships.partnershipId, partnerships.id),
        actor ? eq(memberships.personId, actor.personId) : sql`false`,
        isNull(memberships.leftAt),
      ),
    )
    .where(and(byIdOrSlug(idOrSlug), isNull(partnerships.deletedAt)))
    .limit(1);
  if (!row) throw notFound("The partnership");
  return row;
}
