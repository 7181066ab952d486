/**
 * One PGlite database per test worker, handed from test file to test file and put back as the
 * template was between them. Loading the template takes about 1.3 s a file (unpacking 44 MB and
 * starting PostgreSQL in WebAssembly); putting back what a file changed takes a few
 * milliseconds, because a file changes a few tables.
 *
 * What changed is read from the rows themselves, so nothing in the app has to report it: a row
 * written after the snapshot carries a newer transaction id (xmin), and a delete shows in the
 * count. Changed tables are emptied (with every table that refers to them, as TRUNCATE requires)
 * and refilled from copies taken when the database was first borrowed.
 */
import { sql } from "drizzle-orm";
import type { Database, Executor } from "../db/open.js";
import { queryRows } from "../db/query.js";

/** Where the copies of the template's non-empty tables live, away from the app's schema. */
const SAVED = "test_pool_saved";

interface Snapshot {
  /** The last transaction id of the snapshot: rows written later have a larger xmin. */
  xid: string;
  /** Every table of the app with its row count in the template. */
  rows: Map<string, number>;
  /** For each table, the tables whose foreign keys refer to it. */
  referrers: Map<string, string[]>;
}

interface Pooled {
  database: Database;
  snapshot: Snapshot;
}

/** Databases waiting for the next file. Most files use one; a few use two or three at once. */
const idle: Pooled[] = [];
const MAX_IDLE = 3;

const query = <T>(db: Executor, text: string): Promise<T[]> => queryRows<T>(db, sql.raw(text));

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Takes the snapshot of a database just opened from the template: run once per database. */
async function takeSnapshot(db: Executor): Promise<Snapshot> {
  const tables = await query<{ name: string }>(
    db,
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  );
  // The app's keys are UUIDs; a sequence would need putting back too, which this does not do.
  if ((await query(db, `select 1 from pg_sequences where schemaname = 'public'`)).length)
    throw new Error("the test pool cannot reset sequences: teach it to");
  const rows = new Map<string, number>();
  await db.execute(sql.raw(`create schema ${SAVED}`));
  for (const { name } of tables) {
    const [count] = await query<{ n: number }>(db, `select count(*)::int as n from public.${quote(name)}`);
    const n = count?.n ?? 0;
    rows.set(name, n);
    if (n > 0)
      await db.execute(
        sql.raw(`create table ${SAVED}.${quote(name)} as select * from public.${quote(name)}`),
      );
  }
  const referrers = new Map<string, string[]>();
  const keys = await query<{ child: string; parent: string }>(
    db,
    `select distinct c.relname as child, p.relname as parent from pg_constraint k
     join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
     join pg_namespace n on n.oid = c.relnamespace
     where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  for (const { child, parent } of keys) referrers.set(parent, [...(referrers.get(parent) ?? []), child]);
  return { xid: await lastTransaction(db), rows, referrers };
}

/** The id of a transaction that ends now: every row written from here on has a larger xmin. */
async function lastTransaction(db: Executor): Promise<string> {
  const [row] = await query<{ xid: string }>(db, `select txid_current()::text as xid`);
  if (!row) throw new Error("no transaction id");
  return row.xid;
}

/** The tables whose rows differ from the snapshot's. */
async function changedTables(db: Executor, snapshot: Snapshot): Promise<string[]> {
  const checks = [...snapshot.rows.keys()].map(
    (table) =>
      `select '${table.replaceAll("'", "''")}' as name, count(*)::int as n,
       coalesce(bool_or(xmin::text::bigint > ${snapshot.xid}), false) as written from public.${quote(table)}`,
  );
  const rows = await query<{ name: string; n: number; written: boolean }>(db, checks.join(" union all "));
  return rows.filter((r) => r.written || r.n !== snapshot.rows.get(r.name)).map((r) => r.name);
}

/** Puts every table back as the snapshot had it, and moves its mark past the refilled rows. */
async function restore(db: Executor, snapshot: Snapshot): Promise<void> {
  // A file that ended in the middle of something must not hand its locks to the next one.
  await db.execute(sql.raw("select pg_advisory_unlock_all()"));
  const changed = await changedTables(db, snapshot);
  if (!changed.length) return;
  // TRUNCATE refuses to empty a table without the tables that refer to it.
  const emptied = new Set<string>();
  const visit = (table: string) => {
    if (emptied.has(table)) return;
    emptied.add(table);
    for (const child of snapshot.referrers.get(table) ?? []) visit(child);
  };
  changed.forEach(visit);
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`truncate ${[...emptied].map((t) => `public.${quote(t)}`).join(", ")}`));
    // The copies agree with each other: their keys need no checking, whatever the order.
    await tx.execute(sql.raw("set local session_replication_role = replica"));
    for (const table of emptied)
      if ((snapshot.rows.get(table) ?? 0) > 0)
        await tx.execute(
          sql.raw(`insert into public.${quote(table)} select * from ${SAVED}.${quote(table)}`),
        );
  });
  snapshot.xid = await lastTransaction(db);
  const left = await changedTables(db, snapshot);
  if (left.length) throw new Error(`the test pool could not put back ${left.join(", ")}`);
}

/**
 * A database equal to the template: an idle one of this worker, or a new one from `open` (the
 * template loader). `giveBack` resets it for the next file, or closes it when it cannot.
 */
export async function borrowTemplateDatabase(
  open: () => Promise<Database>,
): Promise<{ database: Database; giveBack(): Promise<void> }> {
  let pooled = idle.pop();
  if (!pooled) {
    const database = await open();
    if (database.engine !== "pglite") throw new Error("the test pool holds PGlite databases only");
    pooled = { database, snapshot: await takeSnapshot(database.db) };
  }
  const taken = pooled;
  return {
    database: taken.database,
    async giveBack() {
      if (idle.length >= MAX_IDLE) return taken.database.close();
      try {
        await restore(taken.database.db, taken.snapshot);
        idle.push(taken);
      } catch (error) {
        // The next file then loads the template afresh: slower, never wrong.
        console.warn(`test pool: a database was closed instead of reused: ${String(error)}`);
        await taken.database.close();
      }
    },
  };
}
