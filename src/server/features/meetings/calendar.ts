import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { and, asc, eq, isNull } from "drizzle-orm";
import { meetingKindLabels } from "../../../core/meeting-time.js";
import { meetings } from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { findPartnership } from "../partnerships/service.js";
import { findMeeting } from "./service.js";

type MeetingRow = typeof meetings.$inferSelect;
interface PartnershipRef {
  slug: string;
  name: string;
}

/** A meeting without an end time is shown as one hour long, as calendar apps would guess. */
const DEFAULT_LENGTH_MS = 60 * 60 * 1000;

/**
 * The public iCalendar (RFC 5545) view of meetings. What is public: the title, kind, time, place
 * and link, and whether it was cancelled, because the partnership invites businesses to come.
 * Agenda, notes, decisions, next steps and attendance stay with members.
 *
 * Times are written in UTC (`DTSTART:...Z`), which RFC 5545 allows without a VTIMEZONE, so
 * every client places the meeting at the right instant; the meeting's own zone is named in the
 * description. UIDs are the meeting's id (stable across edits) and SEQUENCE is its version, so
 * subscribed calendars replace an edited meeting instead of adding a copy.
 */
function buildCalendar(deps: AppDeps, partnership: PartnershipRef, rows: MeetingRow[], name: string): string {
  const host = new URL(deps.config.publicUrl).hostname;
  const calendar = ical({
    name,
    prodId: { company: "Shared Table", product: "meetings", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    url: `${deps.config.publicUrl}/partnerships/${partnership.slug}`,
  });
  for (const m of rows) {
    calendar.createEvent({
      id: `${m.id}@${host}`,
      sequence: m.version,
      stamp: m.updatedAt,
      created: m.createdAt,
      lastModified: m.updatedAt,
      start: m.startsAt,
      end: m.endsAt ?? new Date(m.startsAt.getTime() + DEFAULT_LENGTH_MS),
      summary: m.title,
      description:
        `${meetingKindLabels[m.kind]} meeting of ${partnership.name} (times planned in ${m.timeZone}).` +
        (m.link ? `\nJoin: ${m.link}` : ""),
      location: m.place || m.link || null,
      url: m.link || `${deps.config.publicUrl}/partnerships/${partnership.slug}`,
      status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

export async function partnershipCalendar(deps: AppDeps, id: string): Promise<string> {
  const partnership = await findPartnership(deps.db, id);
  const rows = await deps.db
    .select()
    .from(meetings)
    .where(and(eq(meetings.partnershipId, partnership.id), isNull(meetings.deletedAt)))
    .orderBy(asc(meetings.startsAt));
  return buildCalendar(deps, partnership, rows, `${partnership.name}: meetings`);
}

export async function meetingCalendar(deps: AppDeps, id: string): Promise<string> {
  const meeting = await findMeeting(deps.db, id);
  const partnership = await findPartnership(deps.db, meeting.partnershipId);
  return buildCalendar(deps, partnership, [meeting], meeting.title);
}
