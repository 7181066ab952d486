/** The units an impact indicator is measured in: the formatter and the impact rules both read them. */
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
export const indicatorUnits = ["count", "percent", "days", "dollars", "yes_no"] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

/** Where leveraged funding came from: reports add the dollars up by source. */
export const fundingSources = ["federal", "state", "local", "private", "philanthropic"] as const;
export type FundingSource = (typeof fundingSources)[number];
export const fundingSourceMessages = {
  federal: msg({ id: "vocab.fundingSource.federal", defaultMessage: "Federal" }),
  state: msg({ id: "vocab.fundingSource.state", defaultMessage: "State" }),
  local: msg({ id: "vocab.fundingSource.local", defaultMessage: "Local" }),
  private: msg({ id: "vocab.fundingSource.private", defaultMessage: "Private" }),
  philanthropic: msg({ id: "vocab.fundingSource.philanthropic", defaultMessage: "Philanthropic" }),
} satisfies Record<FundingSource, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const fundingSourceLabels: Record<FundingSource, string> = labelsOf(fundingSourceMessages);
