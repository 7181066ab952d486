/**
 * Zod-free meeting vocabulary, time-zone arithmetic and the attendance rule, so the web app can
 * import them cheaply. Time zones are IANA names (America/Denver); the arithmetic uses Intl, which
 * carries the zone database in Node and in every browser.
 */
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
import { finish, formatTag } from "./format.js";
export const meetingKinds = ["launch", "full_partnership", "action_team", "support_team"] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindMessages = {
  launch: msg({ id: "vocab.meetingKind.launch", defaultMessage: "Launch" }),
  full_partnership: msg({ id: "vocab.meetingKind.full_partnership", defaultMessage: "Full partnership" }),
  action_team: msg({ id: "vocab.meetingKind.action_team", defaultMessage: "Action team" }),
  support_team: msg({ id: "vocab.meetingKind.support_team", defaultMessage: "Support team" }),
} satisfies Record<MeetingKind, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const meetingKindLabels: Record<MeetingKind, string> = labelsOf(meetingKindMessages);
/** Meetings of the whole partnership, where business people should outnumber public partners (rule 1). */
export const businessLedKinds: readonly MeetingKind[] = ["launch", "full_partnership"];

export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const wallFormat = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = wallFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    wallFormat.set(timeZone, f);
  }
  return f;
}

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallParts(instant: Date, timeZone: string): WallParts {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (America/Denver in July: -6 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const absolutePattern = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The instant of a date and time. With an offset or Z it is taken as is; without one it is the
 * wall-clock time in `timeZone` (what a convener types: 8:00 in Denver). Null when it does not
 * parse or names a day that does not exist (February 30).
 */
export function resolveInstant(value: string, timeZone: string): Date | null {
  if (absolutePattern.test(value)) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  const m = localPattern.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((s) => Number(s ?? 0));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(guess).getUTCDate() !== day) return null;
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  // Across a change of offset (daylight saving) the first guess can be an hour off; one more pass fixes it.
  const second_ = guess - zoneOffsetMs(new Date(first), timeZone);
  return new Date(second_);
}

/** The wall-clock time of an instant in a zone, as YYYY-MM-DDTHH:mm (for forms). */
export function toWallTime(instant: Date, timeZone: string): string {
  const p = wallParts(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The zone's short name at an instant: MST, MDT, EST, or GMT+1 where no abbreviation is common. */
export function zoneAbbreviation(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(instant)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per zone and shape (they are slow to make); spaces plain, as every engine writes them. */
function formatIn(timeZone: string, shape: "day" | "dayOfYear" | "time", instant: Date): string {
  // In the reader's language (the formatter's), the zone's abbreviation stays the common English one.
  const tag = formatTag();
  const key = `${tag}|${shape}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    const day = { weekday: "short", month: "short", day: "numeric" } as const;
    f = new Intl.DateTimeFormat(tag, {
      timeZone,
      ...(shape === "time" ? { hour: "numeric", minute: "2-digit" } : day),
      ...(shape === "dayOfYear" ? { year: "numeric" } : {}),
    });
    formats.set(key, f);
  }
  return finish(f.format(instant).replace(/[\u202f\u2009\u00a0]/g, " "));
}

/** "Thu, Mar 5, 2026, 8:00 AM MST": a meeting's time in its own zone. */
export function formatMeetingTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  return `${formatIn(timeZone, "dayOfYear", instant)}, ${formatIn(timeZone, "time", instant)} ${zoneAbbreviation(instant, timeZone)}`;
}

/**
 * "Tue, Mar 10, 2026, 10:00–11:30 AM MDT": a meeting from its start to its end in its own zone
 * ("10:00 AM–2:30 PM" across noon; both days when it ends on another day). Without an end, its start.
 */
export function formatMeetingSpan(startIso: string, endIso: string | null, timeZone: string): string {
  if (!endIso) return formatMeetingTime(startIso, timeZone);
  const start = new Date(startIso);
  const end = new Date(endIso);
  const startZone = zoneAbbreviation(start, timeZone);
  const endZone = zoneAbbreviation(end, timeZone);
  const day = formatIn(timeZone, "dayOfYear", start);
  if (day !== formatIn(timeZone, "dayOfYear", end)) {
    const first = `${day}, ${formatIn(timeZone, "time", start)}`;
    const last = `${formatIn(timeZone, "dayOfYear", end)}, ${formatIn(timeZone, "time", end)} ${endZone}`;
    return startZone === endZone ? `${first} – ${last}` : `${first} ${startZone} – ${last}`;
  }
  const from = formatIn(timeZone, "time", start);
  const to = formatIn(timeZone, "time", end);
  // "10:00–11:30 AM": English names the half of the day once; other languages write each time whole.
  const period = (t: string) => / ([AP]M)$/.exec(t)?.[1];
  // A change of clocks inside the meeting (2 AM on a Sunday): name both zones.
  if (startZone !== endZone) return `${day}, ${from} ${startZone}–${to} ${endZone}`;
  const fromShort = period(from) && period(from) === period(to) ? from.replace(/ \S+$/, "") : from;
  return `${day}, ${fromShort}–${to} ${endZone}`;
}

/** "Thu, Dec 10, 10:00 AM EST": a time soon to come, for e-mails, in the reader's zone, named. */
export function formatMailTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  return `${formatIn(timeZone, "day", instant)}, ${formatIn(timeZone, "time", instant)} ${zoneAbbreviation(instant, timeZone)}`;
}

export interface AttendanceSummary {
  business: number;
  public: number;
  guests: number;
  /** Business people over everyone who came, 0-1; null when nobody is recorded. */
  businessShare: number | null;
  /** Business people were more than half of those present. */
  businessMajority: boolean;
}

/** Counts members and walk-in guests by sector; guests count on their own side too. */
export function summarizeAttendance(
  members: { sector: "business" | "public" }[],
  guests: { sector: "business" | "public" }[],
): AttendanceSummary {
  const all = [...members, ...guests];
  const business = all.filter((a) => a.sector === "business").length;
  const total = all.length;
  return {
    business,
    public: total - business,
    guests: guests.length,
    businessShare: total === 0 ? null : Math.round((business / total) * 1000) / 1000,
    businessMajority: business * 2 > total,
  };
}

/** Rule 1: a launch or full partnership meeting with people recorded but no business majority. */
export function lacksBusinessMajority(kind: MeetingKind, summary: AttendanceSummary): boolean {
  return (
    businessLedKinds.includes(kind) && summary.business + summary.public > 0 && !summary.businessMajority
  );
}
