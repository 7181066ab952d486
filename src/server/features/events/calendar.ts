import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { asc, sql } from "drizzle-orm";
import { eventKindLabels } from "../../../core/event-vocabulary.js";
import { events } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { findEvent, myRegistration, type EventRow } from "./lookup.js";

/**
 * Events as iCalendar (RFC 5545), in the same way as meeting calendars: times in UTC
 * (`DTSTART:...Z`, valid without a VTIMEZONE), the event's own zone named in the description,
 * UID = the event's id (stable across edits) and SEQUENCE = its version so subscribed calendars
 * replace an edited event instead of adding a copy. The join link is only written for people
 * with a seat (`withLink`); every URL is the event's page in the app.
 */
export function buildEventCalendar(deps: AppDeps, rows: EventRow[], name: string, withLink: boolean): string {
  const host = new URL(deps.config.publicUrl).hostname;
  const calendar = ical({
    name,
    prodId: { company: "Shared Table", product: "events", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    url: `${deps.config.publicUrl}/events`,
  });
  for (const e of rows) {
    const page = `${deps.config.publicUrl}/events/${e.slug}`;
    const link = withLink && e.link ? e.link : "";
    calendar.createEvent({
      id: `${e.id}@${host}`,
      sequence: e.version,
      stamp: e.updatedAt,
      created: e.createdAt,
      lastModified: e.updatedAt,
      start: e.startsAt,
      end: e.endsAt,
      summary: e.title,
      description:
        `${eventKindLabels[e.kind]} of the Next Gen Community of Practice (times planned in ${e.timeZone}).\n` +
        (link ? `Join: ${link}\n` : "") +
        `Details: ${page}`,
      location: e.place || link || (e.online ? "Online" : null),
      // The event's page in the app (/events/:slug), also for people with a seat: the join link
      // is in the description and the location, and a calendar's URL names the event's own page.
      url: page,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** Every event not yet over, soonest first: the feed people subscribe to. */
export async function upcomingCalendar(deps: AppDeps): Promise<string> {
  const rows = await deps.db
    .select()
    .from(events)
    .where(sql`${events.endsAt} > ${deps.now().toISOString()}::timestamptz`)
    .orderBy(asc(events.startsAt));
  return buildEventCalendar(deps, rows, "Next Gen Community of Practice: events", false);
}

/** One event; a registered caller's copy carries the join link. */
export async function oneEventCalendar(deps: AppDeps, actor: Actor | null, idOrSlug: string) {
  const row = await findEvent(deps.db, idOrSlug);
  const mine = actor ? await myRegistration(deps.db, row.id, actor.userId) : null;
  return {
    slug: row.slug,
    text: buildEventCalendar(
      deps,
      [row],
      row.title,
      mine?.status === "confirmed" || (actor?.isAdmin ?? false),
    ),
  };
}
