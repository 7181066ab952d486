import { is, type SQL } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Executor } from "./open.js";

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`, typed here once. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/**
 * Whether `db` is a transaction: one connection of its own, running one statement at a time,
 * where a statement prepared on the pool cannot run.
 */
export function inTransaction(db: Executor): boolean {
  return is(db, PgTransaction);
}

type Reads = readonly (() => PromiseLike<unknown>)[];

/**
 * Independent reads: at once over the pool (each on a connection of its own), one after another
 * inside a transaction. A transaction has one connection, and node-postgres queues overlapping
 * queries on it today but says it will refuse them; PGlite runs one statement at a time anyway.
 */
export async function readTogether<const T extends Reads>(
  db: Executor,
  reads: T,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  type Answers = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
  if (!inTransaction(db)) return (await Promise.all(reads.map((read) => read()))) as Answers;
  const answers: unknown[] = [];
  for (const read of reads) answers.push(await read());
  return answers as Answers;
}
