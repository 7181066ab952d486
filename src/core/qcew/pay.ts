/**
 * Average pay of a region: total wages over jobs, summed over counties first (an average of the
 * counties' averages would weigh a small county like a large one). BLS rounds its own
 * avg_annual_pay the same way: Franklin County 2020, 45,718,355,278 / 727,016 = 62,885.
 *
 * Wages and jobs of a cell are suppressed together, so when figures are incomplete both sums
 * cover the same disclosed counties: the average is theirs, not a bound (complete: false).
 */
import type { RegionSum } from "./region.js";

export interface RegionPay {
  /** Pay per job over the period the wages cover (a year for annual files); null with no jobs. */
  value: number | null;
  complete: boolean;
  undisclosedAreas: number;
}

export function averagePay(wages: RegionSum, jobs: RegionSum): RegionPay {
  return {
    value: jobs.value > 0 ? wages.value / jobs.value : null,
    complete: wages.complete && jobs.complete,
    undisclosedAreas: Math.max(wages.undisclosedAreas, jobs.undisclosedAreas),
  };
}

/**
 * An industry's pay against the region's average over all industries (1.25 = 25% above);
 * what a team asks of a candidate industry: "does it pay better than the region does?"
 */
export function payRatio(
  industry: RegionPay,
  region: RegionPay,
): { value: number | null; complete: boolean } {
  return {
    value:
      industry.value === null || region.value === null || region.value === 0
        ? null
        : industry.value / region.value,
    complete: industry.complete && region.complete,
  };
}

/** Weekly wage from a period's pay per job: 52 weeks a year, 13 a quarter, as BLS divides. */
export function weeklyWage(payPerJob: number, period: "annual" | "quarterly"): number {
  return payPerJob / (period === "annual" ? 52 : 13);
}
