/** A day as people write it in messages and e-mails: "March 5, 2026" (UTC). */
export function formatDay(at: Date | string): string {
  const d = typeof at === "string" ? new Date(`${at.slice(0, 10)}T00:00:00Z`) : at;
  return d.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}
