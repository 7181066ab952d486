import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/open.js";
import { queryRows } from "../db/query.js";
import { openReferenceDatabase } from "../server/test-support.js";
import { users } from "../db/schema/index.js";
import { verifyPassword } from "../server/lib/passwords.js";
import { demoPassword, demoSignIns, loadDemoData } from "./load.js";

let database: Database;

beforeAll(async () => {
  database = await openReferenceDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("loadDemoData", () => {
  it("loads the demo set once, with working demo sign-ins", async () => {
    const first = await loadDemoData(database.db);
    expect(first.partnerships).toBe(14);
    expect(first.organizations).toBeGreaterThan(14 * 8);
    const [counts] = await queryRows<{ partnerships: number; memberships: number; unknown: number }>(
      database.db,
      sql`select (select count(*)::int from partnerships) as partnerships,
        (select count(*)::int from memberships) as memberships,
        (select count(*)::int from partnership_counties c where not exists
          (select 1 from counties k where k.fips = c.fips)) as unknown`,
    );
    expect(counts).toMatchObject({ partnerships: 14, unknown: 0 });
    expect(counts.memberships).toBeGreaterThan(first.people - 3);

    for (const signIn of demoSignIns) {
      const [user] = await database.db.select().from(users).where(eq(users.email, signIn.email));
      expect(await verifyPassword(demoPassword, user.passwordHash ?? "")).toBe(true);
    }

    // The demo state coordinator covers the state with the most demo partnerships.
    const [scope] = await queryRows<{ state_fips: string; in_scope: number; busiest: number }>(
      database.db,
      sql`select s.state_fips,
          (select count(distinct partnership_id)::int from partnership_counties c
            where c.state_fips = s.state_fips) as in_scope,
          (select max(n)::int from (select count(distinct partnership_id) as n
            from partnership_counties group by state_fips) t) as busiest
        from coordinator_scopes s join users u on u.id = s.user_id
        where u.email = 'coordinator@demo.sharedtable.org' and s.kind = 'state'`,
    );
    expect(scope.in_scope).toBe(scope.busiest);
    expect(scope.in_scope).toBeGreaterThan(1);

    expect(await loadDemoData(database.db)).toEqual({ partnerships: 0, organizations: 0, people: 0 });
  });
});
