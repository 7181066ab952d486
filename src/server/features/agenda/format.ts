import { formatDate } from "../../../core/format.js";

/** A day as people write it in messages and e-mails: "March 5, 2026" (UTC), as the web app writes it. */
export function formatDay(at: Date | string): string {
  return formatDate(at);
}

/**
 * A day as a message value, for `{day, date, long}` ("March 5, 2026" in English): noon UTC of the
 * day `at` falls on in UTC, so the server's own time zone (within 12 hours of UTC) keeps the day.
 */
export function dayValue(at: Date | string): Date {
  const d = typeof at === "string" ? new Date(at) : at;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12));
}
