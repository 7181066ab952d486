/** How evidence sentences are written: shared by the checklist's two evidence readers. */

export const YEAR_MS = 365 * 86_400_000;

/** A timestamp column as the driver returns it (a Date on PostgreSQL, a string on some paths). */
export const at = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** "A, B and C", or "A, B, C and 2 more" past `max` names. */
export function names(list: readonly string[], max = 3): string {
  const shown = list.slice(0, max);
  const rest = list.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  return shown.length <= 1 ? shown.join("") : `${shown.slice(0, -1).join(", ")} and ${shown.at(-1)}`;
}
