import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

const journalSchema = z.object({ entries: z.array(z.object({ when: z.number(), tag: z.string() })).min(1) });

/** The `when` of the newest migration in the folder's journal (drizzle-kit's meta/_journal.json). */
export function newestMigrationMillis(migrationsFolder: string): number {
  const journal = journalSchema.parse(
    JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")),
  );
  return Math.max(...journal.entries.map((e) => e.when));
}

type RunQuery = (statement: string) => Promise<{ rows: Record<string, unknown>[] }>;

/**
 * The journal time of the newest migration the database has applied (drizzle records each in
 * drizzle.__drizzle_migrations), or null for a new database. Two statements: a table a query
 * names must exist when it is parsed, so the table's presence is asked first.
 */
export async function newestApplied(run: RunQuery): Promise<string | null> {
  const [present] = (await run(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`))
    .rows;
  if (present?.present !== true) return null;
  const [row] = (await run(`select max(created_at)::text as newest from drizzle.__drizzle_migrations`)).rows;
  return typeof row?.newest === "string" ? row.newest : null;
}

/**
 * True when nothing is left to migrate. Drizzle's migrator would find the same, but only after
 * reading and hashing every migration file and running DDL and an empty transaction: on every
 * start of an up-to-date database (nearly every start) this one query replaces all that.
 */
export function isUpToDate(applied: string | null, migrationsFolder: string): boolean {
  return applied !== null && Number(applied) >= newestMigrationMillis(migrationsFolder);
}
