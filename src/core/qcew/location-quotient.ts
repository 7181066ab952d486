/**
 * Location quotient of an industry in a region against the United States, the way BLS computes
 * its own `lq_` columns: the industry's share of ALL jobs in the region (own_code 0 total, county
 * agglvl 70) over its share of all jobs in the nation (own_code 0, agglvl 10). The base is the
 * all-ownership total even for a private-only industry row, so a region's private and government
 * rows of one industry are comparable with each other and with BLS's published values.
 */
import type { RegionSum } from "./region.js";

export interface LocationQuotientInput {
  /** The industry's jobs summed over the region's counties (any one ownership). */
  regionIndustry: RegionSum;
  /** All industries, all ownerships, summed over the region's counties. */
  regionTotal: RegionSum;
  /** The same industry and ownership in the national file; null when absent or undisclosed. */
  usIndustry: number | null;
  /** All industries, all ownerships, in the national file. */
  usTotal: number | null;
}

export interface LocationQuotient {
  /** null when it cannot be computed: no US figure, the US share is 0, or the region has no jobs. */
  value: number | null;
  /**
   * false when a region figure was incomplete. If only the industry was (the usual case) the
   * value is a lower bound, like the jobs it comes from.
   */
  complete: boolean;
  /** Counties whose industry or total figure was not disclosed. */
  undisclosedAreas: number;
}

export function locationQuotient(input: LocationQuotientInput): LocationQuotient {
  const { regionIndustry, regionTotal, usIndustry, usTotal } = input;
  const complete = regionIndustry.complete && regionTotal.complete;
  const undisclosedAreas = Math.max(regionIndustry.undisclosedAreas, regionTotal.undisclosedAreas);
  if (usIndustry === null || usTotal === null || usIndustry <= 0 || usTotal <= 0 || regionTotal.value <= 0) {
    return { value: null, complete, undisclosedAreas };
  }
  const regionShare = regionIndustry.value / regionTotal.value;
  const usShare = usIndustry / usTotal;
  return { value: regionShare / usShare, complete, undisclosedAreas };
}
