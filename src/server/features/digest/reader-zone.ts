import { sql } from "drizzle-orm";
import { regionTimeZones } from "../../../core/us-time-zones.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";

/**
 * The zone a person reads times in, for e-mails: accounts have no zone setting, so it is the zone of
 * the partnership they joined first among those they still sit at (the one most of its counties
 * keep, when its region spans two). Null when they sit at none: the mail then names each time in
 * the zone of what it is about (an event's own).
 */
export async function readerTimeZone(tx: Executor, userId: string): Promise<string | null> {
  const rows = await queryRows<{ fips: string }>(
    tx,
    sql`select c.fips from partnership_counties c
        where c.partnership_id = (
          select m.partnership_id from people p
            join memberships m on m.person_id = p.id and m.left_at is null
            join partnerships pa on pa.id = m.partnership_id and pa.deleted_at is null
           where p.user_id = ${userId}
           order by m.joined_at, m.partnership_id
           limit 1)
        order by c.fips`,
  );
  const { zone, zones } = regionTimeZones(rows.map((r) => r.fips));
  return zone ?? zones[0] ?? null;
}
