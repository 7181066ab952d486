import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { partnerships } from "../../../db/schema/index.js";
import { notFound } from "../../errors.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export type PartnershipRow = typeof partnerships.$inferSelect;

/**
 * A partnership that is not deleted, by id or slug; 404 otherwise. On its own so that features
 * the partnership service itself calls (the regional economy's sync) can look one up too.
 */
export async function findPartnership(db: Executor, idOrSlug: string): Promise<PartnershipRow> {
  const where = uuidPattern.test(idOrSlug) ? eq(partnerships.id, idOrSlug) : eq(partnerships.slug, idOrSlug);
  const [row] = await db
    .select()
    .from(partnerships)
    .where(and(where, isNull(partnerships.deletedAt)));
  if (!row) throw notFound("The partnership");
  return row;
}
