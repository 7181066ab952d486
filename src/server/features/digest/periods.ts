import type { DigestChoice } from "../../../core/discussion-categories.js";

type Cadence = Exclude<DigestChoice, "none">;
const DAY_MS = 86_400_000;

/** ISO 8601 week of a date, e.g. 2026-W48 (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** The period a digest covers: one per day or per ISO week, in UTC. */
export function digestPeriod(cadence: Cadence, now: Date): string {
  return cadence === "daily" ? now.toISOString().slice(0, 10) : isoWeek(now);
}

/** When the period of `now` began: midnight UTC, or Monday midnight UTC for a week. */
export function periodStart(cadence: Cadence, now: Date): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (cadence === "daily") return new Date(midnight);
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  return new Date(midnight - sinceMonday * DAY_MS);
}

export const digestWindowMs = (cadence: Cadence) => (cadence === "daily" ? 1 : 7) * DAY_MS;

/**
 * The latest sign-up that gets this period's digest: a whole period (a day, a week) before the
 * period began. A new subscriber's first weekly digest is the one of the first week that starts at
 * least seven days after they signed up, never one minutes after.
 */
export function signedUpBy(cadence: Cadence, now: Date): Date {
  return new Date(periodStart(cadence, now).getTime() - digestWindowMs(cadence));
}
