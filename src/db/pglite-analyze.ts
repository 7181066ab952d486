import { sql } from "drizzle-orm";
import type { Executor } from "./open.js";
import { queryRows } from "./query.js";

/**
 * PGlite has no autovacuum, so nothing refreshes the planner's statistics as tables grow: a
 * table created empty keeps looking empty, and a statement kept prepared keeps the plan made for
 * that (PostgreSQL plans a kept statement again when a table's statistics change). This does what
 * autovacuum's analyze would: each table changed by more than 50 rows plus a tenth of its rows
 * since it was last analyzed is analyzed again. The housekeeping timer runs it once a minute.
 */
export async function analyzeChangedTables(db: Executor): Promise<string[]> {
  const changed = await queryRows<{ name: string }>(
    db,
    sql`select format('%I.%I', s.schemaname, s.relname) as name
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
        order by s.n_mod_since_analyze desc`,
  );
  for (const { name } of changed) await db.execute(sql.raw(`analyze ${name}`));
  return changed.map((r) => r.name);
}
