import { sql, type SQL } from "drizzle-orm";

/**
 * Statements run often are kept prepared, and PostgreSQL may then settle on one generic plan for
 * every value (src/db/pglite-statements.ts, postgres-statements.ts). That suits lookups by id; it
 * does not suit a text search, whose best plan depends on how many rows the words match (a
 * phrase search of the resource library ran 44 ms planned per call and 75 ms on a generic plan).
 * A statement that starts with this marker is planned on each call.
 */
export const PLAN_EACH_CALL = "/* plan each call */";

export function planEachCall(statement: SQL): SQL {
  return sql`${sql.raw(PLAN_EACH_CALL)} ${statement}`;
}
