import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { asc, sql } from "drizzle-orm";
import { eventKindMessages } from "../../../core/event-vocabulary.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { intlFor } from "../../i18n/intl.js";
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
export function buildEventCalendar(
  deps: AppDeps,
  locale: AppLocale,
  rows: EventRow[],
  name: string,
  withLink: boolean,
): string {
  const intl = intlFor(locale);
  const host = new URL(deps.config.publicUrl).hostname;
  const calendar = ical({
    name,
    prodId: { company: "Shared Table", product: "events", language: intl.locale.slice(0, 2).toUpperCase() },
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
      description: [
        intl.formatMessage(
          {
            id: "calendar.event.of",
            defaultMessage: "{kind} of the Next Gen Community of Practice (times planned in {zone}).",
          },
          { kind: intl.formatMessage(eventKindMessages[e.kind]), zone: e.timeZone },
        ),
        link
          ? intl.formatMessage({ id: "calendar.event.join", defaultMessage: "Join: {link}" }, { link })
          : "",
        intl.formatMessage({ id: "calendar.event.details", defaultMessage: "Details: {page}" }, { page }),
      ]
        .filter(Boolean)
        .join("\n"),
      location:
        e.place ||
        link ||
        (e.online ? intl.formatMessage({ id: "calendar.event.online", defaultMessage: "Online" }) : null),
      // The event's page in the app (/events/:slug), also for people with a seat: the join link
      // is in the description and the location, and a calendar's URL names the event's own page.
      url: page,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** Every event not yet over, soonest first: the feed people subscribe to, in the asker's language. */
export async function upcomingCalendar(deps: AppDeps, locale: AppLocale): Promise<string> {
  const rows = await deps.db
    .select()
    .from(events)
    .where(sql`${events.endsAt} > ${deps.now().toISOString()}::timestamptz`)
    .orderBy(asc(events.startsAt));
  const name = intlFor(locale).formatMessage({
    id: "calendar.events.name",
    defaultMessage: "Next Gen Community of Practice: events",
  });
  return buildEventCalendar(deps, locale, rows, name, false);
}

/** One event; a registered caller's copy carries the join link. */
export async function oneEventCalendar(
  deps: AppDeps,
  locale: AppLocale,
  actor: Actor | null,
  idOrSlug: string,
) {
  const row = await findEvent(deps.db, idOrSlug);
  const mine = actor ? await myRegistration(deps.db, row.id, actor.userId) : null;
  return {
    slug: row.slug,
    text: buildEventCalendar(
      deps,
      locale,
      [row],
      row.title,
      mine?.status === "confirmed" || (actor?.isAdmin ?? false),
    ),
  };
}
