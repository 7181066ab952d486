import type { SQL } from "drizzle-orm";
import type { Executor } from "./open.js";

/** Runs raw SQL and returns its rows; both drivers answer `{ rows }`, typed here once. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
