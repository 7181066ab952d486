import { sql } from "drizzle-orm";
import { queryRows } from "../../db/query.js";
import type { AppDeps } from "../deps.js";

/** A file on disk younger than this may belong to an upload whose row is about to commit. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/**
 * Deletes files on disk that no row names any more: a material, resource or meeting file removed,
 * or an upload whose transaction failed after its file was kept. Answers how many were deleted.
 */
export async function removeOrphanFiles(deps: AppDeps, graceMs = ORPHAN_GRACE_MS): Promise<number> {
  if (deps.files.kind !== "disk") return 0;
  const rows = await queryRows<{ sha256: string }>(
    deps.db,
    sql`select sha256 from resource_files
        union select sha256 from event_material_files
        union select sha256 from meeting_files`,
  );
  return deps.files.removeOrphans(new Set(rows.map((r) => r.sha256)), graceMs);
}
