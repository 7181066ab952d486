import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "./query.js";
import { allSchemaTables, derivedTables, exportDatabase, importDatabase, tablesInOrder } from "./dump.js";
import {
  createPartnership,
  createTestContext,
  openReferenceDatabase,
  signUp,
} from "../server/test-support.js";

describe("export and import of the whole database", () => {
  it("knows every table of the schema", () => {
    expect([...tablesInOrder].sort()).toEqual(
      allSchemaTables()
        .filter((t) => !derivedTables.has(t))
        .sort(),
    );
  });

  it("round-trips through an empty database without losing anything", async () => {
    const ctx = await createTestContext();
    const { cookie } = await signUp(ctx, "Round Trip");
    const p = await createPartnership(ctx, cookie, {
      description: 'Ünïcödé and "quotes"',
      launchDate: "2024-02-29",
    });
    await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${p.id}/organizations`,
      headers: { cookie },
      payload: { name: "Acme", kind: "business", naics: "3363", sizeBand: "10-49" },
    });
    const first = await exportDatabase(ctx.deps.db);
    await ctx.close();

    const target = await openReferenceDatabase();
    const counts = await importDatabase(target.db, JSON.parse(JSON.stringify(first)));
    expect(counts.partnerships).toBe(1);
    expect(counts.organizations).toBe(1);
    const second = await exportDatabase(target.db);
    expect(second.tables).toEqual(first.tables);
    // The directory's cards are built again from the imported rows.
    expect(
      await queryRows(target.db, sql`select name, business_count, public_count, listed from directory_cards`),
    ).toEqual([
      { name: "Metro Denver Manufacturing Partnership", business_count: 1, public_count: 0, listed: true },
    ]);
    await expect(importDatabase(target.db, first)).rejects.toThrow(/not empty/);
    await target.close();
  });

  it("refuses a file that is not an export", async () => {
    const target = await openReferenceDatabase();
    await expect(importDatabase(target.db, { tables: {} })).rejects.toThrow();
    await target.close();
  });
});
