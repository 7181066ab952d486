import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import type { IntlShape } from "@formatjs/intl";
import { meetingKindMessages } from "../../../core/meeting-time.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import type { Executor } from "../../../db/open.js";
import { meetingAttendance, meetingGuests, meetings } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { findPartnership } from "../partnerships/service.js";
import { authorizeMeeting } from "./policy.js";
import { findMeeting } from "./lookup.js";
import { intlFor } from "../../i18n/intl.js";
import { readTogether } from "../../../db/query.js";

type MeetingRow = typeof meetings.$inferSelect;
interface PartnershipRef {
  slug: string;
  name: string;
}
/** Who came, counted by sector (guests included), as the meeting page shows it. */
export interface AttendanceCount {
  business: number;
  public: number;
  guests: number;
}
/** A meeting with what a member's calendar shows beside it. */
export interface MemberFeedItem {
  meeting: MeetingRow;
  partnership: PartnershipRef;
  attendance: AttendanceCount;
}

/** A meeting without an end time is shown as one hour long, as calendar apps would guess. */
const DEFAULT_LENGTH_MS = 60 * 60 * 1000;

/** Pages of the web app a calendar links to (src/web/app/routes.tsx: /p/:slug, /p/:slug/meetings/:id). */
export const calendarPages = {
  profile: (deps: AppDeps, slug: string) => `${deps.config.publicUrl}/p/${encodeURIComponent(slug)}`,
  meeting: (deps: AppDeps, slug: string, id: string) =>
    `${deps.config.publicUrl}/p/${encodeURIComponent(slug)}/meetings/${id}`,
  mine: (deps: AppDeps) => `${deps.config.publicUrl}/me`,
};

/*
 * Calendars are iCalendar (RFC 5545). Times are written in UTC (`DTSTART:...Z`), which RFC 5545
 * allows without a VTIMEZONE, so every client places the meeting at the right instant; the
 * meeting's own zone is named in the description. UIDs are the meeting's id (stable across
 * edits) and SEQUENCE is its version, so subscribed calendars replace an edited meeting instead
 * of adding a copy.
 */
function newCalendar(intl: IntlShape, name: string, url: string): ICalCalendar {
  return ical({
    name,
    prodId: { company: "Shared Table", product: "meetings", language: intl.locale.slice(0, 2).toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    url,
  });
}

/** The meeting's iCalendar UID, the same in every feed, file and invitation. */
export const uid = (deps: AppDeps, id: string) => `${id}@${new URL(deps.config.publicUrl).hostname}`;
/** When the meeting ends: its end time, or an hour after its start when it has none. */
export const endOf = (m: MeetingRow) => m.endsAt ?? new Date(m.startsAt.getTime() + DEFAULT_LENGTH_MS);
const status = (m: MeetingRow) => (m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED);

/**
 * What the public profile shows of a meeting the convener made public: title, kind and time,
 * and whether it was called off. No place, link, agenda, notes or attendance, and no edit times
 * (LAST-MODIFIED would tell when attendance or notes were recorded): DTSTAMP is the feed's time.
 */
function addPublicEvent(
  deps: AppDeps,
  intl: IntlShape,
  calendar: ICalCalendar,
  m: MeetingRow,
  p: PartnershipRef,
) {
  calendar.createEvent({
    id: uid(deps, m.id),
    sequence: m.version,
    stamp: deps.now(),
    start: m.startsAt,
    end: endOf(m),
    summary: m.title,
    categories: [{ name: intl.formatMessage(meetingKindMessages[m.kind]) }],
    description: meetingOf(intl, m, p),
    url: calendarPages.profile(deps, p.slug),
    status: status(m),
  });
}

/** The description's first line: what kind of meeting, whose, and the zone it was planned in. */
function meetingOf(intl: IntlShape, m: MeetingRow, p: PartnershipRef): string {
  return intl.formatMessage(
    {
      id: "calendar.meeting.of",
      defaultMessage: "{kind} meeting of {partnership} (times planned in {zone}).",
    },
    { kind: intl.formatMessage(meetingKindMessages[m.kind]), partnership: p.name, zone: m.timeZone },
  );
}

function attendanceLine(intl: IntlShape, a: AttendanceCount): string {
  const total = a.business + a.public;
  if (total === 0)
    return intl.formatMessage({
      id: "calendar.meeting.attendanceNone",
      defaultMessage: "Attendance: not recorded yet.",
    });
  return intl.formatMessage(
    {
      id: "calendar.meeting.attendance",
      defaultMessage:
        "Attendance: {business} business, {public, plural, one {# public partner} other {# public partners}}{guests, plural, =0 {} one {, including # guest} other {, including # guests}}.",
    },
    { business: a.business, public: a.public, guests: a.guests },
  );
}

/** Everything a member sees on the meeting's page, in the member's own calendar. */
function addMemberEvent(deps: AppDeps, intl: IntlShape, calendar: ICalCalendar, item: MemberFeedItem) {
  const { meeting: m, partnership: p } = item;
  const page = calendarPages.meeting(deps, p.slug, m.id);
  // A heading and its text: the member's words stay as they wrote them.
  const part = (heading: string, text: string) => `${heading}\n${text}`;
  const sections = [
    meetingOf(intl, m, p),
    m.link
      ? intl.formatMessage({ id: "calendar.meeting.join", defaultMessage: "Join: {link}" }, { link: m.link })
      : "",
    m.agenda
      ? part(intl.formatMessage({ id: "calendar.meeting.agenda", defaultMessage: "Agenda:" }), m.agenda)
      : "",
    m.notes
      ? part(intl.formatMessage({ id: "calendar.meeting.notes", defaultMessage: "Notes:" }), m.notes)
      : "",
    m.decisions
      ? part(
          intl.formatMessage({ id: "calendar.meeting.decisions", defaultMessage: "Decisions:" }),
          m.decisions,
        )
      : "",
    m.nextSteps
      ? part(
          intl.formatMessage({ id: "calendar.meeting.nextSteps", defaultMessage: "Next steps:" }),
          m.nextSteps,
        )
      : "",
    attendanceLine(intl, item.attendance),
    intl.formatMessage({ id: "calendar.meeting.page", defaultMessage: "Meeting page: {page}" }, { page }),
  ];
  calendar.createEvent({
    id: uid(deps, m.id),
    sequence: m.version,
    stamp: m.updatedAt,
    created: m.createdAt,
    lastModified: m.updatedAt,
    start: m.startsAt,
    end: endOf(m),
    summary: m.title,
    categories: [{ name: intl.formatMessage(meetingKindMessages[m.kind]) }],
    description: sections.filter(Boolean).join("\n\n"),
    location: m.place || m.link || null,
    url: page,
    status: status(m),
  });
}

/** Who came to each of the meetings, by sector; a meeting nobody was recorded at is absent. */
export async function attendanceCounts(tx: Executor, ids: string[]): Promise<Map<string, AttendanceCount>> {
  const counts = new Map<string, AttendanceCount>();
  if (ids.length === 0) return counts;
  const [members, guests] = await readTogether(tx, [
    () =>
      tx
        .select({ id: meetingAttendance.meetingId, sector: meetingAttendance.sector, n: count() })
        .from(meetingAttendance)
        .where(inArray(meetingAttendance.meetingId, ids))
        .groupBy(meetingAttendance.meetingId, meetingAttendance.sector),
    () =>
      tx
        .select({ id: meetingGuests.meetingId, sector: meetingGuests.sector, n: count() })
        .from(meetingGuests)
        .where(inArray(meetingGuests.meetingId, ids))
        .groupBy(meetingGuests.meetingId, meetingGuests.sector),
  ]);
  const entry = (id: string) => {
    const found = counts.get(id) ?? { business: 0, public: 0, guests: 0 };
    counts.set(id, found);
    return found;
  };
  for (const r of members) entry(r.id)[r.sector] += r.n;
  for (const r of guests) {
    const e = entry(r.id);
    e[r.sector] += r.n;
    e.guests += r.n;
  }
  return counts;
}

/** The partnership's public feed: only the meetings its convener marked public, in the asker's language. */
export async function partnershipCalendar(deps: AppDeps, locale: AppLocale, id: string): Promise<string> {
  const intl = intlFor(locale);
  const partnership = await findPartnership(deps.db, id);
  const rows = await deps.db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.partnershipId, partnership.id),
        eq(meetings.isPublic, true),
        isNull(meetings.deletedAt),
      ),
    )
    .orderBy(asc(meetings.startsAt));
  const calendar = newCalendar(
    intl,
    intl.formatMessage(
      { id: "calendar.partnership.name", defaultMessage: "{partnership}: public meetings" },
      { partnership: partnership.name },
    ),
    calendarPages.profile(deps, partnership.slug),
  );
  for (const m of rows) addPublicEvent(deps, intl, calendar, m, partnership);
  return calendar.toString();
}

/** A member's feed of the meetings of every partnership they belong to, in full, in their language. */
export function memberCalendar(
  deps: AppDeps,
  locale: AppLocale,
  name: string,
  items: MemberFeedItem[],
): string {
  const intl = intlFor(locale);
  const calendar = newCalendar(
    intl,
    intl.formatMessage(
      { id: "calendar.member.name", defaultMessage: "{name}: partnership meetings" },
      { name },
    ),
    calendarPages.mine(deps),
  );
  for (const item of items) addMemberEvent(deps, intl, calendar, item);
  return calendar.toString();
}

/** One meeting as a file, in full, for a member of its partnership (401 anonymous, 404 others). */
export async function meetingCalendar(
  deps: AppDeps,
  locale: AppLocale,
  actor: Actor | null,
  id: string,
): Promise<string> {
  const intl = intlFor(locale);
  const meeting = await findMeeting(deps.db, id);
  await authorizeMeeting(deps.db, meeting.partnershipId, actor);
  const partnership = await findPartnership(deps.db, meeting.partnershipId);
  const attendance = (await attendanceCounts(deps.db, [meeting.id])).get(meeting.id);
  const calendar = newCalendar(
    intl,
    meeting.title,
    calendarPages.meeting(deps, partnership.slug, meeting.id),
  );
  addMemberEvent(deps, intl, calendar, {
    meeting,
    partnership,
    attendance: attendance ?? { business: 0, public: 0, guests: 0 },
  });
  return calendar.toString();
}
