/** The units an impact indicator is measured in: the formatter and the impact rules both read them. */
export const indicatorUnits = ["count", "percent", "days", "dollars", "yes_no"] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

/** Where leveraged funding came from: reports add the dollars up by source. */
export const fundingSources = ["federal", "state", "local", "private", "philanthropic"] as const;
export type FundingSource = (typeof fundingSources)[number];
export const fundingSourceLabels: Record<FundingSource, string> = {
  federal: "Federal",
  state: "State",
  local: "Local",
  private: "Private",
  philanthropic: "Philanthropic",
};
