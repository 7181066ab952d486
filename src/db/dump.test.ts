import { describe, expect, it } from "vitest";
import { allSchemaTables, exportDatabase, importDatabase, tablesInOrder } from "./dump.js";
import {
  createPartnership,
  createTestContext,
  openReferenceDatabase,
  signUp,
} from "../server/test-support.js";

describe("export and import of the whole database", () => {
  it("knows every table of the schema", () => {
    expect([...tablesInOrder].sort()).toEqual(allSchemaTables().sort());
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
    await expect(importDatabase(target.db, first)).rejects.toThrow(/not empty/);
    await target.close();
  });

  it("refuses a file that is not an export", async () => {
    const target = await openReferenceDatabase();
    await expect(importDatabase(target.db, { tables: {} })).rejects.toThrow();
    await target.close();
  });
});
