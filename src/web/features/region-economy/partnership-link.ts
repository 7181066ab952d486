import type { IntlShape } from "react-intl";
import type { PartnershipCode } from "../../../core/qcew/ranking.js";
import { buildQuery } from "../../lib/api.js";

/** "Central Ohio Food Manufacturing Partnership": the region's name, the industry, "Partnership". */
export function suggestedPartnershipName(intl: IntlShape, regionName: string, industryTitle: string): string {
  const region = regionName.trim();
  const industry = industryTitle.trim();
  const parts = region && industry ? "both" : region ? "region" : industry ? "industry" : "none";
  return intl
    .formatMessage(
      {
        id: "regionEconomy.link.suggestedName",
        defaultMessage:
          "{parts, select, both {{region} {industry} Partnership} region {{region} Partnership} industry {{industry} Partnership} other {Partnership}}",
      },
      { parts, region, industry },
    )
    .slice(0, 200);
}

/** A region's name until the team types its own: the metro area's city, or its counties. */
export function defaultRegionName(
  intl: IntlShape,
  region: {
    cbsa: { title: string } | null;
    counties: { name: string }[];
  },
): string {
  if (region.cbsa) return region.cbsa.title.split(",")[0].split("-")[0].trim();
  const names = region.counties.map((c) => c.name.replace(/ County$/, ""));
  if (names.length === 1)
    return intl.formatMessage(
      { id: "regionEconomy.link.oneCounty", defaultMessage: "{name} County" },
      { name: names[0] },
    );
  if (names.length === 2)
    return intl.formatMessage(
      { id: "regionEconomy.link.twoCounties", defaultMessage: "{first} and {second}" },
      { first: names[0], second: names[1] },
    );
  return intl.formatMessage(
    { id: "regionEconomy.link.area", defaultMessage: "{name} area" },
    { name: names[0] },
  );
}

/**
 * The new-partnership form's address, filled in with the industry and the counties; `widened`
 * carries the ranked code when the partnership has to take a broader one.
 */
export function startPartnershipHref(
  intl: IntlShape,
  input: {
    regionName: string;
    industry: { code: string; title: string };
    partnership: PartnershipCode;
    counties: string[];
  },
): string {
  return `/partnerships/new${buildQuery({
    name: suggestedPartnershipName(intl, input.regionName, input.industry.title),
    naics: input.partnership.code,
    counties: input.counties,
    from: "region",
    widenedFrom: input.partnership.widened ? input.industry.code : undefined,
  })}`;
}
