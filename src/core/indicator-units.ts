/** The units an impact indicator is measured in: the formatter and the impact rules both read them. */
export const indicatorUnits = ["count", "percent", "days", "dollars"] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];
