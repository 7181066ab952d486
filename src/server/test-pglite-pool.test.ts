import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { describe, expect, inject, it } from "vitest";
import { openDatabase, type Db } from "../db/open.js";
import { queryRows } from "../db/query.js";
import { createPartnership, createTestContext, signUp } from "./test-support.js";

/** Every table of the app with its row count and a sum of its rows' hashes (whatever their order). */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  );
  const hashes: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ h: string }>(
      db,
      sql.raw(
        `select count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) as h from public."${name}" t`,
      ),
    );
    hashes[name] = row?.h ?? "";
  }
  return hashes;
}

describe.skipIf(process.env.TEST_ENGINE === "postgres")(
  "the PGlite database handed between test files",
  () => {
    it("comes back equal to the template, whatever the file before changed", async () => {
      const template = await openDatabase({
        loadDataDir: new Blob([await readFile(inject("pgliteTemplate"))]),
      });
      const expected = await fingerprint(template.db);
      await template.close();

      const first = await createTestContext();
      // Rows in empty tables, through the app (users, people, partnerships and what refers to them)...
      const { cookie } = await signUp(first);
      await createPartnership(first, cookie);
      // ...a changed row of the reference data, a deleted row of the catalogue, a deleted county.
      await first.deps.db.execute(sql`update naics_codes set title = 'Changed' where code = '3363'`);
      await first.deps.db.execute(sql`delete from indicators where key = (select min(key) from indicators)`);
      await first.deps.db.execute(
        sql`delete from counties where fips = (select max(fips) from counties where fips not in ('08031', '08005', '08059'))`,
      );
      const changed = await fingerprint(first.deps.db);
      for (const table of [
        "users",
        "partnerships",
        "partnership_counties",
        "naics_codes",
        "indicators",
        "counties",
      ])
        expect(changed[table], table).not.toBe(expected[table]);
      await first.close();

      const second = await createTestContext();
      try {
        // The same database, not a new copy of the template: the point is not to load it again.
        expect(second.deps.db).toBe(first.deps.db);
        expect(await fingerprint(second.deps.db)).toEqual(expected);
      } finally {
        await second.close();
      }
    });
  },
);
