import { formatCountOf } from "../../../core/format.js";
import type { RegionEconomy } from "../../../core/qcew/profile.js";
import { toCsv } from "../impact/csv.js";

export const PROFILE_CSV_COLUMNS = [
  "naics code",
  "industry",
  "jobs (annual average)",
  "share of region jobs (%)",
  "establishments",
  "average annual pay (USD)",
  "pay vs region average (ratio)",
  "location quotient (US = 1)",
  "one-year change in jobs",
  "one-year change in jobs (%)",
  "five-year change in jobs",
  "five-year change in jobs (%)",
  "note",
] as const;

const round = (value: number | null, digits: number) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * The industry table of a region as CSV. A figure a county held back makes a sum a lower bound:
 * jobs and the location quotient read "at least N"; pay (of the disclosed counties only) and
 * changes (which cannot be bounded) are left empty; the note says which and how many counties.
 */
export function regionEconomyCsv(profile: RegionEconomy): string {
  const rows = profile.industries.map((i) => {
    const notes: string[] = [];
    if (!i.jobs.complete)
      notes.push(
        `${formatCountOf(i.jobs.undisclosedAreas, "county", "counties")} not disclosed by the BLS: jobs and LQ are lower bounds; pay and change left out`,
      );
    if (i.locationQuotient.value === null && i.locationQuotient.reason)
      notes.push(`no LQ: ${i.locationQuotient.reason}`);
    const bound = (text: string | number | null, complete: boolean) =>
      text === null ? null : complete ? text : `at least ${text}`;
    const oneYear = i.oneYear?.complete ? i.oneYear : null;
    const fiveYear = i.fiveYear?.complete ? i.fiveYear : null;
    return [
      i.code,
      i.title,
      bound(i.jobs.value, i.jobs.complete),
      i.jobs.complete ? round(i.share.value === null ? null : i.share.value * 100, 2) : null,
      i.establishments,
      i.averagePay.complete ? round(i.averagePay.value, 0) : null,
      i.payRatio.complete ? round(i.payRatio.value, 3) : null,
      bound(round(i.locationQuotient.value, 2), i.locationQuotient.complete),
      oneYear ? oneYear.change : null,
      oneYear ? round(oneYear.percent, 1) : null,
      fiveYear ? fiveYear.change : null,
      fiveYear ? round(fiveYear.percent, 1) : null,
      notes.join("; ") || null,
    ];
  });
  return toCsv(PROFILE_CSV_COLUMNS, rows);
}

export function regionEconomyFilename(profile: RegionEconomy): string {
  const where = profile.cbsa
    ? `cbsa-${profile.cbsa.code}`
    : profile.counties
        .map((c) => c.fips)
        .slice(0, 5)
        .join("-");
  const more = !profile.cbsa && profile.counties.length > 5 ? `-and-${profile.counties.length - 5}-more` : "";
  return `qcew-${where}${more}-${profile.year}-${profile.level === "sector" ? "sectors" : `naics${profile.level}`}-${profile.ownership}.csv`;
}
