import type { PartnershipCode } from "../../../core/qcew/ranking.js";
import { buildQuery } from "../../lib/api.js";

/** "Central Ohio Food Manufacturing Partnership": the region's name, the industry, "Partnership". */
export function suggestedPartnershipName(regionName: string, industryTitle: string): string {
  return [regionName.trim(), industryTitle.trim(), "Partnership"].filter(Boolean).join(" ").slice(0, 200);
}

/** A region's name until the team types its own: the metro area's city, or its counties. */
export function defaultRegionName(region: {
  cbsa: { title: string } | null;
  counties: { name: string }[];
}): string {
  if (region.cbsa) return region.cbsa.title.split(",")[0].split("-")[0].trim();
  const names = region.counties.map((c) => c.name.replace(/ County$/, ""));
  if (names.length === 1) return `${names[0]} County`;
  if (names.length === 2) return `${names[0]} and ${names[1]}`;
  return `${names[0]} area`;
}

/**
 * The new-partnership form's address, filled in with the industry and the counties; `widened`
 * carries the ranked code when the partnership has to take a broader one.
 */
export function startPartnershipHref(input: {
  regionName: string;
  industry: { code: string; title: string };
  partnership: PartnershipCode;
  counties: string[];
}): string {
  return `/partnerships/new${buildQuery({
    name: suggestedPartnershipName(input.regionName, input.industry.title),
    naics: input.partnership.code,
    counties: input.counties,
    from: "region",
    widenedFrom: input.partnership.widened ? input.industry.code : undefined,
  })}`;
}
