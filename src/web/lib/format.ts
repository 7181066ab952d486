/*
 * The web app's dates, times and counts come from the one formatter in core/format.ts, which the
 * server's messages and e-mails use too: every page writes a day as "March 5, 2024" and a moment
 * as "Mar 5, 2024, 3:04 PM".
 */
import { formatCountOf } from "../../core/format.js";

export { endSentence, formatDate, formatDateTime, formatTime } from "../../core/format.js";

/** "1 county", "3 counties": a count with its noun in agreement. */
export function plural(n: number, one: string, many: string): string {
  return formatCountOf(n, one, many);
}
