import { eq, or, sql } from "drizzle-orm";
import type { MyRegistration } from "../../../core/events.js";
import { queryRows } from "../../../db/query.js";
import type { Executor } from "../../../db/open.js";
import { events } from "../../../db/schema/index.js";
import { notFound } from "../../errors.js";

export type EventRow = typeof events.$inferSelect;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An event by id or by slug (pages use slugs); `lock` takes the row for the rest of the transaction. */
export async function findEvent(tx: Executor, idOrSlug: string, lock = false): Promise<EventRow> {
  const where = uuidPattern.test(idOrSlug)
    ? or(eq(events.id, idOrSlug), eq(events.slug, idOrSlug))
    : eq(events.slug, idOrSlug);
  const query = tx.select().from(events).where(where).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("The event");
  return row;
}

/** The caller's registration, with their place on the waitlist counted from its order. */
export async function myRegistration(
  tx: Executor,
  eventId: string,
  userId: string,
): Promise<MyRegistration | null> {
  const [row] = await queryRows<{ id: string; status: MyRegistration["status"]; ahead: number | null }>(
    tx,
    sql`select r.id, r.status,
               case when r.status = 'waitlisted' then (
                 select count(*)::int from event_registrations w
                  where w.event_id = r.event_id and w.status = 'waitlisted' and w.position <= r.position)
               end as ahead
          from event_registrations r
         where r.event_id = ${eventId} and r.user_id = ${userId}`,
  );
  return row ? { id: row.id, status: row.status, waitlistPosition: row.ahead } : null;
}
