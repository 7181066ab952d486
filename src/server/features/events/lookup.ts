import { msg } from "../../../core/i18n/msg.js";
import { eq, or, sql } from "drizzle-orm";
import type { MyRegistration } from "../../../core/events.js";
import { queryRows } from "../../../db/query.js";
import type { Executor } from "../../../db/open.js";
import { events } from "../../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";

export type EventRow = typeof events.$inferSelect;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An event by id or by slug (pages use slugs). `lock` takes the row for the rest of the
 * transaction: "update" alone (true means "update"), or "share" beside other sharers, which
 * still keeps an edit of the event (its capacity, a cancellation) waiting until they commit.
 */
export async function findEvent(
  tx: Executor,
  idOrSlug: string,
  lock: boolean | "share" | "update" = false,
): Promise<EventRow> {
  const where = uuidPattern.test(idOrSlug)
    ? or(eq(events.id, idOrSlug), eq(events.slug, idOrSlug))
    : eq(events.slug, idOrSlug);
  const query = tx.select().from(events).where(where).limit(1);
  const mode = lock === true ? "update" : lock;
  const [row] = mode ? await query.for(mode) : await query;
  if (!row)
    throw notFound(msg({ id: "server.events.theEventNotFound", defaultMessage: "The event was not found." }));
  return row;
}

/**
 * The event locked for a registration or a cancellation. Only a limited capacity needs them one
 * after another (each counts the seats the one before took); without a limit they share the row
 * and run side by side, where the exclusive lock made every registration of a popular event
 * wait in line, holding a database connection, for the one before to commit.
 */
export async function eventForSeats(tx: Executor, idOrSlug: string): Promise<EventRow> {
  const seen = await findEvent(tx, idOrSlug);
  const event = await findEvent(tx, seen.id, seen.capacity === null ? "share" : "update");
  if (seen.capacity === null && event.capacity !== null) {
    // A capacity was set between the two reads: the shared lock cannot become the exclusive one.
    throw new AppError(
      "conflict",
      msg({
        id: "server.events.thisEventSCapacityJust",
        defaultMessage: "This event's capacity just changed; please try again.",
      }),
    );
  }
  return event;
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
