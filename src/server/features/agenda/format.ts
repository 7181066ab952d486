import { formatDate } from "../../../core/format.js";

/** A day as people write it in messages and e-mails: "March 5, 2026" (UTC), as the web app writes it. */
export function formatDay(at: Date | string): string {
  return formatDate(at);
}
