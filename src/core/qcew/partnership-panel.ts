/**
 * The partnership's own regional economy panel: jobs, establishments and average annual pay of
 * the partnership's industry codes in its counties, from the imported BLS QCEW annual averages,
 * per code and all codes together, over the imported years, with the location quotient and the
 * source line. Shared by the server, the web panels and the tests.
 *
 * Industry codes follow the NAICS version of each data year (BLS files of 2017-2021 use NAICS
 * 2017, from 2022 on NAICS 2022): a partnership's code that the year's version does not have gets
 * a notice naming the code and the version instead of an empty panel.
 */
import { z } from "zod";
import { formatCount, formatCountOf } from "../format.js";
import { regionSum } from "./profile.js";

/** The NAICS version BLS QCEW files of a data year are coded in. */
export function naicsVersionOfYear(year: number): number {
  if (year >= 2022) return 2022;
  if (year >= 2017) return 2017;
  if (year >= 2012) return 2012;
  if (year >= 2007) return 2007;
  return 2002;
}

/** The indicators of the "For the regional economy" area the panel's figures fill in. */
export const QCEW_INDICATORS = {
  jobs: "qcew_industry_jobs",
  establishments: "qcew_industry_establishments",
  averagePay: "qcew_industry_average_pay",
} as const;
export const qcewIndicatorKeys: readonly string[] = Object.values(QCEW_INDICATORS);
/** The source of every value written from the imported files. */
export const QCEW_SOURCE = "BLS QCEW";

export function isQcewIndicator(key: string): boolean {
  return qcewIndicatorKeys.includes(key);
}

const measure = z.object({ value: z.number().nullable(), complete: z.boolean() });
const change = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  earlier: z.number(),
  later: z.number(),
  change: z.number(),
  percent: z.number().nullable(),
  complete: z.boolean(),
  undisclosedAreas: z.number().int(),
});
export type PanelChange = z.infer<typeof change>;

/** Which ownership the figures cover: BLS's all-ownership industry total, or private only. */
export const panelOwnership = z.enum(["all", "private"]);
export type PanelOwnership = z.infer<typeof panelOwnership>;

export const panelYear = z.object({
  year: z.number().int(),
  naicsVersion: z.number().int(),
  /**
   * figures: the code's figures; not_in_version: the year's NAICS version has no such code;
   * level_missing: the imported files of the year hold no industries at the code's level;
   * not_published: BLS publishes no industry figures at this code's level (e.g. a two-digit
   * "31", which BLS publishes as sector 31-33).
   */
  status: z.enum(["figures", "not_in_version", "level_missing", "not_published"]),
  notice: z.string().nullable(),
  ownership: panelOwnership.nullable(),
  jobs: regionSum.nullable(),
  establishments: z.number().int().nullable(),
  averagePay: measure.nullable(),
  /** Counties with an undisclosed cell of the figures. */
  undisclosedCounties: z.array(z.string()),
  locationQuotient: measure.extend({ reason: z.string().nullable() }).nullable(),
});
export type PanelYear = z.infer<typeof panelYear>;

export const panelFigures = z.object({
  /** A partnership code, or "all" for the codes together. */
  code: z.string(),
  title: z.string(),
  /** Every imported year, oldest first. */
  years: z.array(panelYear),
  /** The latest year's over-the-year change, from BLS's oty columns (a year needs no earlier file). */
  oneYear: change.nullable(),
  /** From the earliest to the latest imported year, when two or more are imported. */
  overYears: change.nullable(),
});
export type PanelFigures = z.infer<typeof panelFigures>;

export const panelIndicatorValue = z.object({
  key: z.string(),
  name: z.string(),
  period: z.string(),
  /** The value written as the indicator's actual value; null when it was not written. */
  value: z.number().nullable(),
  /** Why no value was written (a county held the figure back, a code not in the year's version). */
  skipped: z.string().nullable(),
});
export type PanelIndicatorValue = z.infer<typeof panelIndicatorValue>;

export const partnershipEconomy = z.object({
  partnership: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  counties: z.array(z.object({ fips: z.string(), name: z.string(), state: z.string() })),
  /** Imported annual years with figures for the partnership's counties, oldest first; empty when none. */
  years: z.array(z.number().int()),
  /** The latest of them; null when nothing is imported. */
  year: z.number().int().nullable(),
  codes: z.array(panelFigures),
  /** All codes together, when there are several (a code inside another of them is counted once). */
  combined: panelFigures.nullable(),
  /** The values the panel writes as the partnership's indicator values, latest year first. */
  indicators: z.array(panelIndicatorValue),
  notes: z.array(z.string()),
  /** "BLS QCEW, 2020 annual averages; 1 of 5 counties not disclosed"; null when nothing is imported. */
  source: z.string().nullable(),
});
export type PartnershipEconomy = z.infer<typeof partnershipEconomy>;

/** The source line: the data year and how many counties held a figure back. */
export function panelSourceLine(year: number, undisclosed: number, counties: number): string {
  const base = `BLS QCEW, ${year} annual averages`;
  return undisclosed > 0
    ? `${base}; ${undisclosed} of ${formatCount(counties)} counties not disclosed`
    : base;
}

/** The notice for a code the data year's NAICS version does not have. */
export function notInVersionNotice(code: string, year: number): string {
  const version = naicsVersionOfYear(year);
  return `${code} is not a code of NAICS ${version}, which the BLS QCEW ${year} figures use, so there are no figures for it in ${year}.`;
}

/** Why an incomplete figure is not written as an indicator value. */
export function undisclosedSkip(undisclosedAreas: number): string {
  return `not written: ${formatCountOf(undisclosedAreas, "county", "counties")} did not disclose it, so only a lower bound is known`;
}

/** Why an average pay over the disclosed counties only is not written as the region's. */
export function undisclosedPaySkip(undisclosedAreas: number): string {
  return `not written: ${formatCountOf(undisclosedAreas, "county", "counties")} did not disclose its jobs and wages, so the average covers only the others`;
}
