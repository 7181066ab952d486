import type { IntlShape } from "react-intl";
import { formatMeetingTime } from "../../../core/meeting-time.js";

/** "Thu, Mar 5, 2026, 8:00 AM to 9:30 AM MST", in the event's own zone; the end keeps its date if it differs. */
export function eventTimeText(intl: IntlShape, startsAt: string, endsAt: string, timeZone: string): string {
  const start = formatMeetingTime(startsAt, timeZone);
  const end = formatMeetingTime(endsAt, timeZone);
  const day = (s: string) => s.split(", ").slice(0, 3).join(", ");
  if (day(start) === day(end)) {
    const startTime = start.split(", ").slice(3).join(", ").replace(/ \S+$/, "");
    return intl.formatMessage(
      { id: "events.time.sameDay", defaultMessage: "{day}, {start} to {end}" },
      { day: day(start), start: startTime, end: end.split(", ").slice(3).join(", ") },
    );
  }
  return intl.formatMessage({ id: "events.time.range", defaultMessage: "{start} to {end}" }, { start, end });
}
