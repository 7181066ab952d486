/**
 * The column names of the BLS QCEW open-data CSV files, in BLS's order. Area slices, industry
 * slices and the annual "singlefile" share these headers: 38 columns for annual averages, 42 for
 * a quarter (three monthly employment levels instead of one annual average).
 */

import { IntlMessageFormat } from "intl-messageformat";
import { msg, type Msg } from "../i18n/msg.js";

/** The eight columns that say which cell a row is; the same in both layouts. */
export const QCEW_KEY_COLUMNS = [
  "area_fips",
  "own_code",
  "industry_code",
  "agglvl_code",
  "size_code",
  "year",
  "qtr",
  "disclosure_code",
] as const;

export const QCEW_ANNUAL_COLUMNS = [
  ...QCEW_KEY_COLUMNS,
  "annual_avg_estabs",
  "annual_avg_emplvl",
  "total_annual_wages",
  "taxable_annual_wages",
  "annual_contributions",
  "annual_avg_wkly_wage",
  "avg_annual_pay",
  "lq_disclosure_code",
  "lq_annual_avg_estabs",
  "lq_annual_avg_emplvl",
  "lq_total_annual_wages",
  "lq_taxable_annual_wages",
  "lq_annual_contributions",
  "lq_annual_avg_wkly_wage",
  "lq_avg_annual_pay",
  "oty_disclosure_code",
  "oty_annual_avg_estabs_chg",
  "oty_annual_avg_estabs_pct_chg",
  "oty_annual_avg_emplvl_chg",
  "oty_annual_avg_emplvl_pct_chg",
  "oty_total_annual_wages_chg",
  "oty_total_annual_wages_pct_chg",
  "oty_taxable_annual_wages_chg",
  "oty_taxable_annual_wages_pct_chg",
  "oty_annual_contributions_chg",
  "oty_annual_contributions_pct_chg",
  "oty_annual_avg_wkly_wage_chg",
  "oty_annual_avg_wkly_wage_pct_chg",
  "oty_avg_annual_pay_chg",
  "oty_avg_annual_pay_pct_chg",
] as const;

export const QCEW_QUARTERLY_COLUMNS = [
  ...QCEW_KEY_COLUMNS,
  "qtrly_estabs",
  "month1_emplvl",
  "month2_emplvl",
  "month3_emplvl",
  "total_qtrly_wages",
  "taxable_qtrly_wages",
  "qtrly_contributions",
  "avg_wkly_wage",
  "lq_disclosure_code",
  "lq_qtrly_estabs",
  "lq_month1_emplvl",
  "lq_month2_emplvl",
  "lq_month3_emplvl",
  "lq_total_qtrly_wages",
  "lq_taxable_qtrly_wages",
  "lq_qtrly_contributions",
  "lq_avg_wkly_wage",
  "oty_disclosure_code",
  "oty_qtrly_estabs_chg",
  "oty_qtrly_estabs_pct_chg",
  "oty_month1_emplvl_chg",
  "oty_month1_emplvl_pct_chg",
  "oty_month2_emplvl_chg",
  "oty_month2_emplvl_pct_chg",
  "oty_month3_emplvl_chg",
  "oty_month3_emplvl_pct_chg",
  "oty_total_qtrly_wages_chg",
  "oty_total_qtrly_wages_pct_chg",
  "oty_taxable_qtrly_wages_chg",
  "oty_taxable_qtrly_wages_pct_chg",
  "oty_qtrly_contributions_chg",
  "oty_qtrly_contributions_pct_chg",
  "oty_avg_wkly_wage_chg",
  "oty_avg_wkly_wage_pct_chg",
] as const;

export type QcewLayout = "annual" | "quarterly";
export type QcewAnnualColumn = (typeof QCEW_ANNUAL_COLUMNS)[number];
export type QcewQuarterlyColumn = (typeof QCEW_QUARTERLY_COLUMNS)[number];
export type QcewColumn = QcewAnnualColumn | QcewQuarterlyColumn;

export const QCEW_COLUMNS: Record<QcewLayout, readonly QcewColumn[]> = {
  annual: QCEW_ANNUAL_COLUMNS,
  quarterly: QCEW_QUARTERLY_COLUMNS,
};

export type LayoutDetection =
  | { ok: true; layout: QcewLayout }
  /** `message` in English (logs, the command line); `words` for a reader's language. */
  | { ok: false; missing: string[]; message: string; words: Msg };

/**
 * Which layout a header row has. Extra columns are allowed (ignored by the parser); a missing
 * one is not. When neither layout fits, the message names the missing columns of the nearer
 * layout, so whoever uploaded a wrong file sees what it lacks, not just "not a QCEW file".
 */
export function detectLayout(header: readonly string[]): LayoutDetection {
  // BLS files are plain ASCII, but a file re-saved by a spreadsheet may start with a byte-order mark.
  const present = new Set(header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h).trim()));
  const missingFrom = (columns: readonly string[]) => columns.filter((c) => !present.has(c));
  const annualMissing = missingFrom(QCEW_ANNUAL_COLUMNS);
  if (annualMissing.length === 0) return { ok: true, layout: "annual" };
  const quarterlyMissing = missingFrom(QCEW_QUARTERLY_COLUMNS);
  if (quarterlyMissing.length === 0) return { ok: true, layout: "quarterly" };

  const [layout, missing] =
    annualMissing.length <= quarterlyMissing.length
      ? (["annual", annualMissing] as const)
      : (["quarterly", quarterlyMissing] as const);
  const total = QCEW_COLUMNS[layout].length;
  const words =
    missing.length === total
      ? msg(
          {
            id: "qcew.layout.notQcew",
            defaultMessage:
              "Not a BLS QCEW CSV file: none of its {total} columns (area_fips, own_code, industry_code, ...) is in the header.",
          },
          { total },
        )
      : msg(
          {
            id: "qcew.layout.incomplete",
            defaultMessage:
              "Not a complete BLS QCEW {layout, select, annual {annual} other {quarterly}} CSV file: the header lacks {count} of its {total} columns: {missing}.",
          },
          { layout, count: missing.length, total, missing: missing.join(", ") },
        );
  const message = new IntlMessageFormat(words.defaultMessage, "en-US").format(words.values) as string;
  return { ok: false, missing, message, words };
}
