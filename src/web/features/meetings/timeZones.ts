import { timeZoneChoices, type TimeZoneChoice } from "../../../core/time-zone-choices.js";
import { formatTag } from "../../../core/format.js";

/** The browser's own zone: the default where nothing better is known. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const HOUR_MS = 3_600_000;
let cached: { key: string; choices: TimeZoneChoice[] } | null = null;

/**
 * The zones to pick from: `first` (a partnership's zones) and the current one, then the US zones,
 * then every zone the browser knows. Made once per hour and choice of first zones: forms call this
 * on every render, and naming the zones asks Intl about each of them.
 */
export function timeZoneOptions(current: string, first: readonly string[] = []): TimeZoneChoice[] {
  const hour = Math.floor(Date.now() / HOUR_MS);
  const leading = [...new Set([...first, current].filter(Boolean))];
  // The names are in the reader's language: a change of language names them again.
  const key = `${hour}|${formatTag()}|${leading.join(",")}`;
  if (cached?.key !== key) {
    const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    cached = { key, choices: timeZoneChoices(new Date(hour * HOUR_MS), all, leading) };
  }
  return cached.choices;
}
