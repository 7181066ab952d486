import type { DigestChoice } from "../../../core/discussion-categories.js";

/** ISO 8601 week of a date, e.g. 2026-W48 (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** The period a digest covers: one per day or per ISO week, in UTC. */
export function digestPeriod(cadence: Exclude<DigestChoice, "none">, now: Date): string {
  return cadence === "daily" ? now.toISOString().slice(0, 10) : isoWeek(now);
}

export const digestWindowMs = (cadence: Exclude<DigestChoice, "none">) =>
  (cadence === "daily" ? 1 : 7) * 86_400_000;
