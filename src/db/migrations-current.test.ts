import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isUpToDate, newestApplied, newestMigrationMillis } from "./migrations-current.js";
import { openDatabase } from "./open.js";
import { projectPath } from "./project-root.js";
import { queryRows } from "./query.js";
import { sql } from "drizzle-orm";

const folder = projectPath("src", "db", "migrations");

describe("the migrations fast path", () => {
  it("finds a migrated database up to date and reopens it without migrating again", async () => {
    const dir = mkdtempSync(join(tmpdir(), "st-migrations-"));
    const first = await openDatabase({ dataDir: dir });
    const run = async (statement: string) => ({
      rows: await queryRows<Record<string, unknown>>(first.db, sql.raw(statement)),
    });
    const applied = await newestApplied(run);
    expect(Number(applied)).toBe(newestMigrationMillis(folder));
    expect(isUpToDate(applied, folder)).toBe(true);
    const [before] = await queryRows<{ n: number }>(
      first.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await first.close();

    const again = await openDatabase({ dataDir: dir });
    const [after] = await queryRows<{ n: number }>(
      again.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(after?.n).toBe(before?.n);
    await again.close();
  });

  it("says a new database and one behind the journal need migrating", () => {
    expect(isUpToDate(null, folder)).toBe(false);
    expect(isUpToDate(String(newestMigrationMillis(folder) - 1), folder)).toBe(false);

    // A journal with one more migration than the database has seen.
    const newer = mkdtempSync(join(tmpdir(), "st-journal-"));
    cpSync(folder, newer, { recursive: true });
    const journalPath = join(newer, "meta", "_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8")) as {
      entries: { when: number; tag: string }[];
    };
    const newest = newestMigrationMillis(folder);
    journal.entries.push({
      ...journal.entries[journal.entries.length - 1],
      when: newest + 1,
      tag: "9999_next",
    });
    writeFileSync(journalPath, JSON.stringify(journal));
    expect(isUpToDate(String(newest), newer)).toBe(false);
    expect(isUpToDate(String(newest + 1), newer)).toBe(true);
  });
});
