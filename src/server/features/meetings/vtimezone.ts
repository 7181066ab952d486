/**
 * Wall times in a meeting's own zone for iCalendar invitations (`DTSTART;TZID=America/Denver:...`)
 * and the VTIMEZONE that defines the zone (RFC 5545 3.6.5), both from the runtime's own time
 * zone data (Intl): no zone database to ship. The VTIMEZONE lists the zone's actual changes of
 * offset from a year before to two years after the meeting, each as its own observance, which
 * every client reads without having to interpret recurrence rules.
 */
import type { ICalDayJsStub } from "ical-generator";
import { zoneAbbreviation, zoneOffsetMs } from "../../../core/meeting-time.js";

const two = (n: number) => String(n).padStart(2, "0");

function wall(instant: Date, zone: string) {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, zone));
  return {
    date: `${local.getUTCFullYear()}${two(local.getUTCMonth() + 1)}${two(local.getUTCDate())}`,
    time: `${two(local.getUTCHours())}${two(local.getUTCMinutes())}${two(local.getUTCSeconds())}`,
  };
}

/**
 * An instant that ical-generator writes as wall time in the zone it is asked for (it speaks to
 * date libraries through this small interface; a native Date would be written in the server's
 * own zone).
 */
export class ZonedTime implements ICalDayJsStub {
  constructor(
    private readonly instant: Date,
    private readonly zone = "UTC",
  ) {}
  format(pattern?: string): string {
    const w = wall(this.instant, this.zone);
    if (pattern === "YYYYMMDD") return w.date;
    if (pattern === "HHmmss") return w.time;
    return this.instant.toISOString();
  }
  isValid(): boolean {
    return !Number.isNaN(this.instant.getTime());
  }
  toDate(): Date {
    return this.instant;
  }
  toJSON(): string {
    return this.instant.toISOString();
  }
  tz(zone?: string): ZonedTime {
    return new ZonedTime(this.instant, zone ?? this.zone);
  }
  utc(): ZonedTime {
    return new ZonedTime(this.instant, "UTC");
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "-0700" */
function offsetText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
}

/** The instants in [from, to) at which the zone's offset changes, to the minute. */
export function offsetChanges(zone: string, from: Date, to: Date): Date[] {
  const changes: Date[] = [];
  let before = from.getTime();
  let offset = zoneOffsetMs(from, zone);
  for (let t = before + DAY; t < to.getTime() + DAY; t += DAY) {
    const next = zoneOffsetMs(new Date(t), zone);
    if (next !== offset) {
      // Between `before` (old offset) and `t` (new): narrow to the minute.
      let lo = before;
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (zoneOffsetMs(new Date(mid), zone) === offset) lo = mid;
        else hi = mid;
      }
      if (hi < to.getTime()) changes.push(new Date(hi));
      offset = next;
    }
    before = t;
  }
  return changes;
}

/** The VTIMEZONE of `zone`, covering the years around `around` (the meeting's start). */
export function vtimezone(zone: string, around: Date): string {
  const year = around.getUTCFullYear();
  const from = new Date(Date.UTC(year - 1, 0, 1));
  const to = new Date(Date.UTC(year + 2, 11, 31));
  const changes = offsetChanges(zone, from, to);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  const observance = (at: Date, offsetFrom: number, offsetTo: number, standardMs: number) => {
    const kind = offsetTo > standardMs ? "DAYLIGHT" : "STANDARD";
    // DTSTART of an observance is the wall time of the change in the offset in effect before it.
    const local = wall(new Date(at.getTime() + offsetFrom), "UTC");
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${local.date}T${local.time}`,
      `TZOFFSETFROM:${offsetText(offsetFrom)}`,
      `TZOFFSETTO:${offsetText(offsetTo)}`,
      `TZNAME:${zoneAbbreviation(new Date(at.getTime() + HOUR), zone)}`,
      `END:${kind}`,
    );
  };
  // Standard time is the lower of the year's offsets (true north and south of the equator).
  const standardOf = (at: Date) => {
    const y = at.getUTCFullYear();
    return Math.min(
      zoneOffsetMs(new Date(Date.UTC(y, 0, 1)), zone),
      zoneOffsetMs(new Date(Date.UTC(y, 6, 1)), zone),
    );
  };
  const first = zoneOffsetMs(from, zone);
  // What was in effect when the list starts, as an observance that begins at the list's start.
  observance(from, first, first, standardOf(from));
  for (const at of changes) {
    observance(
      at,
      zoneOffsetMs(new Date(at.getTime() - 60_000), zone),
      zoneOffsetMs(at, zone),
      standardOf(at),
    );
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
