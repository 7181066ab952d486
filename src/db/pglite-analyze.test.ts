import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "./open.js";
import { analyzeChangedTables } from "./pglite-analyze.js";
import { queryRows } from "./query.js";

let database: Database;

beforeAll(async () => {
  database = await openDatabase();
  await database.db.execute(sql.raw("create table analyze_probe (id int primary key, note text)"));
});
afterAll(async () => {
  await database.close();
});

/** Counters reach the statistics views when the session flushes them. */
async function flushStatistics() {
  await database.db.execute(sql`select pg_stat_force_next_flush()`);
  await database.db.execute(sql`select 1`);
}

const rowsPlanned = async () =>
  (
    await queryRows<{ n: number }>(
      database.db,
      sql`select reltuples::int as n from pg_class where relname = 'analyze_probe'`,
    )
  )[0].n;

describe("analyzeChangedTables", () => {
  it("analyzes a table once enough of it changed, and leaves it alone after", async () => {
    await database.db.execute(sql`insert into analyze_probe select g, 'x' from generate_series(1, 40) g`);
    await flushStatistics();
    expect(await analyzeChangedTables(database.db)).not.toContain("public.analyze_probe");
    await database.db.execute(sql`insert into analyze_probe select g, 'y' from generate_series(41, 500) g`);
    await flushStatistics();
    expect(await analyzeChangedTables(database.db)).toContain("public.analyze_probe");
    expect(await rowsPlanned()).toBe(500);
    await flushStatistics();
    expect(await analyzeChangedTables(database.db)).not.toContain("public.analyze_probe");
    // 60 more rows of 500 is under the threshold of 50 + 10%.
    await database.db.execute(sql`insert into analyze_probe select g, 'z' from generate_series(501, 560) g`);
    await flushStatistics();
    expect(await analyzeChangedTables(database.db)).not.toContain("public.analyze_probe");
  });
});
