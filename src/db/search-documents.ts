import { sql } from "drizzle-orm";
import type { Executor } from "./open.js";

/**
 * Recomputes every partnership's directory search document. Triggers keep each document current
 * when a partnership, its industries or its counties change (migration 0004); the names they are
 * made of (NAICS titles, counties' metro areas) change only by a reference import, which calls this.
 */
export async function refreshSearchDocuments(db: Executor): Promise<void> {
  await db.execute(
    sql`update partnerships set search_document = partnership_search_document(id, name, description)`,
  );
}
