/**
 * Sums over the counties of a region that never mistake a suppressed cell for zero.
 *
 * BLS publishes an undisclosed cell as 0 with code `N`; the parser turns it into null. A sum
 * that meets one is a lower bound: "at least 12,400 jobs, 1 of 5 counties not disclosed".
 * A county with no row at all for an industry has no covered establishments in it, so it adds
 * a true zero and the sum stays complete.
 */

/** One area's value of one measure; null when BLS did not disclose it. */
export interface AreaValue {
  areaFips: string;
  value: number | null;
}

export interface RegionSum {
  /** The sum of the disclosed values: exact when complete, otherwise a lower bound. */
  value: number;
  complete: boolean;
  /** How many distinct areas had an undisclosed value (an area counts once however many rows it has). */
  undisclosedAreas: number;
}

/** Sums values over areas; several values of one area (e.g. two industry codes) are all added. */
export function sumOverAreas(values: Iterable<AreaValue>): RegionSum {
  let value = 0;
  const undisclosed = new Set<string>();
  for (const item of values) {
    if (item.value === null) undisclosed.add(item.areaFips);
    else value += item.value;
  }
  return { value, complete: undisclosed.size === 0, undisclosedAreas: undisclosed.size };
}

/** A region sum from the sum of the disclosed values and how many areas held theirs back. */
export function regionSum(value: number, undisclosedAreas: number): RegionSum {
  return { value, complete: undisclosedAreas === 0, undisclosedAreas };
}

/** A region sum of a known total, for figures that are never suppressed (e.g. a national file's). */
export function knownSum(value: number): RegionSum {
  return { value, complete: true, undisclosedAreas: 0 };
}

/** Share of a part in a whole (0-1), null when the whole is zero; incomplete if either is. */
export function shareOf(part: RegionSum, whole: RegionSum): { value: number | null; complete: boolean } {
  return {
    value: whole.value === 0 ? null : part.value / whole.value,
    complete: part.complete && whole.complete,
  };
}
