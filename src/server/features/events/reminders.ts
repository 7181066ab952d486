/**
 * The day-before reminder to everyone with a confirmed seat. Run periodically by the server.
 * Each reminder is claimed in `reminder_log` (per registration, kind "event_day_before") inside
 * the transaction that queues the mail, so a restart or a second server never sends it twice.
 */
import { sql } from "drizzle-orm";
import { queryRows } from "../../../db/query.js";
import { events } from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { readerTimeZone } from "../digest/reader-zone.js";
import { unsubscribeLinker } from "../digest/unsubscribe.js";
import type { EventRow } from "./lookup.js";
import { reminderMail } from "./mail.js";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Reminders queued per run at most: a long backlog is worked off a batch a minute. */
const BATCH = 500;

/** Queues reminders for events starting within the next 24 hours; answers how many were queued. */
export async function sendEventReminders(deps: AppDeps): Promise<number> {
  const now = deps.now();
  const horizon = new Date(now.getTime() + DAY_MS);
  const queued = await deps.db.transaction(async (tx) => {
    // People who switched event reminders off are left out here, in the same query: no claim, no mail.
    const rows = await queryRows<{
      registration_id: string;
      event_id: string;
      user_id: string;
      email: string;
      name: string;
      locale: string | null;
    }>(
      tx,
      sql`select r.id as registration_id, r.event_id, u.id as user_id, u.email, u.name, u.locale
            from event_registrations r
            join events e on e.id = r.event_id
            join users u on u.id = r.user_id
            left join mail_preferences mp on mp.user_id = u.id
           where r.status = 'confirmed' and not e.cancelled
             and coalesce(mp.event_reminder_mail, true)
             and e.starts_at > ${now.toISOString()}::timestamptz
             and e.starts_at <= ${horizon.toISOString()}::timestamptz
             and not exists (select 1 from reminder_log l
                              where l.subject_id = r.id and l.kind = 'event_day_before')
           order by e.starts_at, r.id
           limit ${BATCH}`,
    );
    if (rows.length === 0) return 0;
    const eventIds = [...new Set(rows.map((r) => r.event_id))];
    const eventRows = await tx
      .select()
      .from(events)
      .where(
        sql`${events.id} in (${sql.join(
          eventIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
    const byId = new Map<string, EventRow>(eventRows.map((e) => [e.id, e]));
    const links = await unsubscribeLinker(deps, tx);
    let count = 0;
    for (const row of rows) {
      const event = byId.get(row.event_id);
      if (!event) continue;
      // The claim: a second server (or a second run) finds the row and sends nothing.
      const claimed = await queryRows<{ subject_id: string }>(
        tx,
        sql`insert into reminder_log (subject_id, kind, sent_at)
            values (${row.registration_id}, 'event_day_before', ${now.toISOString()}::timestamptz)
            on conflict do nothing returning subject_id`,
      );
      if (claimed.length === 0) continue;
      const zone = await readerTimeZone(tx, row.user_id);
      await deps.mailer.enqueue(
        tx,
        reminderMail(deps, event, row, links("event-reminders", row.user_id), zone),
      );
      count++;
    }
    return count;
  });
  if (queued > 0) deps.mailer.deliverSoon();
  return queued;
}
