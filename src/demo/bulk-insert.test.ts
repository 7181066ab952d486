/**
 * The demo loader's bulk insert (src/db/bulk-insert.ts) on the engine under test: every kind of
 * column the demo tables use reads back as drizzle's own insert would have stored it.
 */
import { asc, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRows } from "../db/bulk-insert.js";
import type { Database } from "../db/open.js";
import { events, jobs } from "../db/schema/index.js";
import { openReferenceDatabase } from "../server/test-support.js";

let database: Database;
beforeAll(async () => {
  database = await openReferenceDatabase();
});
afterAll(() => database.close());

const startsAt = new Date("2026-12-10T17:30:00.123Z");

describe("insertRows", () => {
  it("stores dates, arrays, nulls, quotes and defaults exactly, across batches", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({
      title: `Peer exchange "${i}" — O'Brien's \\ plant`,
      slug: `bulk-${i}`,
      kind: "peer_exchange" as const,
      startsAt: new Date(startsAt.getTime() + i * 86_400_000),
      endsAt: new Date(startsAt.getTime() + i * 86_400_000 + 3_600_000),
      timeZone: "America/Denver",
      // Some rows leave these out: they must take the column's default, not NULL.
      ...(i % 2 === 0 ? { audience: ["conveners", "business, leaders", "{braces}"], capacity: 25 } : {}),
      ...(i === 3 ? { capacity: null, description: "Line one\nline two\ttab" } : {}),
    }));
    await insertRows(database.db, events, rows, 3);
    const stored = await database.db
      .select()
      .from(events)
      .where(
        inArray(
          events.slug,
          rows.map((r) => r.slug),
        ),
      )
      .orderBy(asc(events.slug));
    expect(stored).toHaveLength(7);
    for (const [i, row] of stored.entries()) {
      expect(row.title).toBe(rows[i].title);
      expect(row.startsAt.toISOString()).toBe(rows[i].startsAt.toISOString());
      expect(row.audience).toEqual(i % 2 === 0 ? ["conveners", "business, leaders", "{braces}"] : []);
      expect(row.capacity).toBe(i % 2 === 0 ? 25 : null);
      expect(row.online).toBe(true);
      expect(row.version).toBe(1);
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.description).toBe(i === 3 ? "Line one\nline two\ttab" : "");
    }
  });

  it("keeps JSON as JSON and fails the whole batch on a bad row", async () => {
    await insertRows(database.db, jobs, [
      { kind: "bulk", key: "bulk:1", payload: { userId: "u1", weeks: [1, 2], note: 'says "hi"' } },
      { kind: "bulk", key: "bulk:2" },
    ]);
    const stored = await database.db
      .select()
      .from(jobs)
      .where(inArray(jobs.key, ["bulk:1", "bulk:2"]))
      .orderBy(asc(jobs.key));
    expect(stored.map((j) => j.payload)).toEqual([{ userId: "u1", weeks: [1, 2], note: 'says "hi"' }, {}]);
    expect(stored.map((j) => j.status)).toEqual(["pending", "pending"]);

    // A duplicate key in one statement: nothing of it is stored.
    await expect(
      insertRows(database.db, jobs, [
        { kind: "bulk", key: "bulk:3" },
        { kind: "bulk", key: "bulk:3" },
      ]),
    ).rejects.toThrow();
    expect(
      await database.db
        .select()
        .from(jobs)
        .where(inArray(jobs.key, ["bulk:3"])),
    ).toHaveLength(0);
  });
});
