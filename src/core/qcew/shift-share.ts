/**
 * Shift-share split of an industry's job change in a region between two years, the classic
 * three parts that workforce boards report:
 *
 *   national growth  = E0 x g            (the change had the industry grown like all US jobs)
 *   industry mix     = E0 x (gi - g)     (how much faster or slower the industry grew nationally)
 *   regional share   = E0 x (ri - gi)    (the region's own edge: what local factors added)
 *
 * where E0 is the region's industry jobs in the earlier year, g the growth rate of all US jobs,
 * gi the industry's US growth rate and ri its growth rate in the region. The three add up to
 * E1 - E0. Regional share is computed as the remainder, so the parts always sum to the total
 * change even in floating point; `rounded` gives whole jobs that also sum exactly.
 */
import type { RegionChange } from "./change.js";

export interface ShiftShareInput {
  /** The region's industry jobs in the two years (from changeBetween or otyChangeOverAreas). */
  region: Pick<RegionChange, "earlier" | "later" | "complete" | "undisclosedAreas">;
  /** The industry's US jobs, same ownership, in the earlier and later year. */
  usIndustry: { earlier: number; later: number };
  /** All US jobs, all ownerships, in the earlier and later year. */
  usTotal: { earlier: number; later: number };
}

export interface ShiftShareParts {
  nationalGrowth: number;
  industryMix: number;
  regionalShare: number;
}

export interface ShiftShare extends ShiftShareParts {
  /** later - earlier: the sum of the three parts. */
  total: number;
  /** The parts in whole jobs; regional share absorbs the rounding so they still sum to total. */
  rounded: ShiftShareParts;
  /** US growth rates used (0.05 = +5%). */
  usGrowth: number;
  industryGrowth: number;
  complete: boolean;
  undisclosedAreas: number;
}

/** null when a US base is zero (no growth rate exists). */
export function shiftShare(input: ShiftShareInput): ShiftShare | null {
  const { region, usIndustry, usTotal } = input;
  if (usTotal.earlier <= 0 || usIndustry.earlier <= 0) return null;
  const usGrowth = usTotal.later / usTotal.earlier - 1;
  const industryGrowth = usIndustry.later / usIndustry.earlier - 1;
  const total = region.later - region.earlier;
  const nationalGrowth = region.earlier * usGrowth;
  const industryMix = region.earlier * (industryGrowth - usGrowth);
  const regionalShare = total - (nationalGrowth + industryMix);
  const roundedNational = Math.round(nationalGrowth);
  const roundedMix = Math.round(industryMix);
  return {
    nationalGrowth,
    industryMix,
    regionalShare,
    total,
    rounded: {
      nationalGrowth: roundedNational,
      industryMix: roundedMix,
      regionalShare: Math.round(total) - roundedNational - roundedMix,
    },
    usGrowth,
    industryGrowth,
    complete: region.complete,
    undisclosedAreas: region.undisclosedAreas,
  };
}
