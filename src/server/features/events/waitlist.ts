import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { AppDeps } from "../../deps.js";
import { notify } from "../notifications/notify.js";
import type { EventRow } from "./lookup.js";
import { confirmationMail } from "./mail.js";

/**
 * Moves the first people on the waitlist into the seats that are free, in waitlist order, and
 * tells each by e-mail (with the .ics) and in the app. The caller holds the event row locked
 * (`for update`), so two cancellations at once cannot hand out the same seat.
 */
export async function promoteWaitlisted(deps: AppDeps, tx: Executor, event: EventRow): Promise<number> {
  if (event.cancelled || event.startsAt <= deps.now()) return 0;
  const [{ confirmed }] = await queryRows<{ confirmed: number }>(
    tx,
    sql`select count(*)::int as confirmed from event_registrations
         where event_id = ${event.id} and status = 'confirmed'`,
  );
  const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - confirmed;
  if (free <= 0) return 0;
  const moved = await queryRows<{
    id: string;
    email: string;
    name: string;
    locale: string | null;
    user_id: string;
  }>(
    tx,
    sql`with next as (
          select id from event_registrations
           where event_id = ${event.id} and status = 'waitlisted'
           order by position, created_at limit ${Math.min(free, 10_000)})
        update event_registrations r
           set status = 'confirmed', position = null, updated_at = ${deps.now().toISOString()}::timestamptz
          from next, users u
         where r.id = next.id and u.id = r.user_id
        returning r.id, r.user_id, u.email, u.name, u.locale`,
  );
  for (const person of moved) {
    await deps.mailer.enqueue(tx, confirmationMail(deps, event, person, true));
    await notify(tx, {
      userId: person.user_id,
      kind: "registration",
      title: `A place opened up: you're in for ${event.title}`,
      link: `/events/${event.slug}`,
    });
  }
  return moved.length;
}
