/**
 * Change of a measure over time for a region, from BLS's over-the-year columns (one imported
 * year is enough: last year = this year - oty_..._chg) or between two imported years.
 *
 * A county whose figure is undisclosed in either year is left out of BOTH years, so the change
 * compares like with like; the result then covers only the disclosed counties and says so
 * (complete: false). It is not a bound: the missing county may have grown or shrunk.
 */

export interface RegionChange {
  /** The earlier year's value over the counted areas. */
  earlier: number;
  /** The later year's value over the same areas. */
  later: number;
  change: number;
  /** Percent change (5 means +5%); null when the earlier value is 0. */
  percent: number | null;
  complete: boolean;
  /** Areas left out because a year's figure or BLS's change was not disclosed. */
  undisclosedAreas: number;
}

/** One area's current value and BLS's over-the-year change of it; null when undisclosed. */
export interface AreaOtyValue {
  areaFips: string;
  current: number | null;
  change: number | null;
}

function summarize(
  pairs: Iterable<{ areaFips: string; earlier: number | null; later: number | null }>,
): RegionChange {
  const known = new Map<string, { earlier: number; later: number }>();
  const undisclosed = new Set<string>();
  for (const { areaFips, earlier, later } of pairs) {
    if (earlier === null || later === null) {
      undisclosed.add(areaFips);
      continue;
    }
    const sum = known.get(areaFips) ?? { earlier: 0, later: 0 };
    sum.earlier += earlier;
    sum.later += later;
    known.set(areaFips, sum);
  }
  let earlier = 0;
  let later = 0;
  for (const [areaFips, sum] of known) {
    // An area with one undisclosed row (of several industry codes) is left out entirely.
    if (undisclosed.has(areaFips)) continue;
    earlier += sum.earlier;
    later += sum.later;
  }
  return regionChange(earlier, later, undisclosed.size);
}

/**
 * A change from its two sums over the counted areas and the number of areas left out: what
 * the functions below return, and what a database that summed the same areas hands back.
 */
export function regionChange(earlier: number, later: number, undisclosedAreas: number): RegionChange {
  const change = later - earlier;
  return {
    earlier,
    later,
    change,
    percent: earlier === 0 ? null : (change / earlier) * 100,
    complete: undisclosedAreas === 0,
    undisclosedAreas,
  };
}

/** Over-the-year change summed over a region from the oty_*_chg columns of one year's rows. */
export function otyChangeOverAreas(rows: Iterable<AreaOtyValue>): RegionChange {
  return summarize(
    [...rows].map(({ areaFips, current, change }) => ({
      areaFips,
      later: current,
      earlier: current === null || change === null ? null : current - change,
    })),
  );
}

/**
 * Change between two imported years. Areas are matched by FIPS; an area with rows in one year
 * only had no establishments in that industry in the other year, a true zero.
 */
export function changeBetween(
  earlier: Iterable<{ areaFips: string; value: number | null }>,
  later: Iterable<{ areaFips: string; value: number | null }>,
): RegionChange {
  const byArea = new Map<string, { earlier: number | null; later: number | null }>();
  const add = (areaFips: string, key: "earlier" | "later", value: number | null) => {
    const entry = byArea.get(areaFips) ?? { earlier: 0, later: 0 };
    entry[key] = entry[key] === null || value === null ? null : entry[key] + value;
    byArea.set(areaFips, entry);
  };
  for (const { areaFips, value } of earlier) add(areaFips, "earlier", value);
  for (const { areaFips, value } of later) add(areaFips, "later", value);
  return summarize([...byArea].map(([areaFips, values]) => ({ areaFips, ...values })));
}
