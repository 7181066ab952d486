/**
 * One BLS QCEW CSV record (an object keyed by header, as csv-parse with `columns: true` yields
 * it, from quoted or unquoted files alike) to a typed, validated QcewRow.
 *
 * Suppression: BLS publishes a cell it does not disclose (code `N`) as 0. Those zeros are unknown
 * values, never zeros, so they become `null` here. Establishment counts are published even for
 * suppressed cells (the real files carry them), so they stay numbers.
 *
 * Quarterly employment: BLS's quarterly county releases report the third month of the quarter
 * (e.g. "March employment"), so `employment` of a quarterly row is `month3_emplvl`, and its
 * `lqEmployment` / `otyEmploymentChg` are the month-3 columns; the three months stay in
 * `month1Employment`..`month3Employment` for whoever wants the average.
 */
import { z } from "zod";
import {
  QCEW_ANNUAL_COLUMNS,
  QCEW_QUARTERLY_COLUMNS,
  type QcewAnnualColumn,
  type QcewLayout,
  type QcewQuarterlyColumn,
} from "./columns.js";

export {
  QCEW_ANNUAL_COLUMNS,
  QCEW_COLUMNS,
  QCEW_KEY_COLUMNS,
  QCEW_QUARTERLY_COLUMNS,
  detectLayout,
  type LayoutDetection,
  type QcewColumn,
  type QcewLayout,
} from "./columns.js";

export interface QcewRow {
  layout: QcewLayout;
  year: number;
  /** null for annual averages (qtr "A"), else 1-4. */
  quarter: 1 | 2 | 3 | 4 | null;
  /** "39049" county, "39000" state, "C1814" MSA, "US000" nation. */
  areaFips: string;
  /** 0 total, 1 federal, 2 state, 3 local, 5 private (see levels.ts). */
  ownCode: number;
  /** NAICS code, a range sector like "31-33", or a BLS aggregate ("10" all industries, "1011" ...). */
  industryCode: string;
  agglvlCode: number;
  sizeCode: number;
  /** false when disclosure_code is `N`: employment and wages are then null. */
  disclosed: boolean;
  establishments: number;
  /** Annual average, or month 3 of a quarter. */
  employment: number | null;
  month1Employment: number | null;
  month2Employment: number | null;
  month3Employment: number | null;
  totalWages: number | null;
  taxableWages: number | null;
  contributions: number | null;
  avgWeeklyWage: number | null;
  /** Annual files only. */
  avgAnnualPay: number | null;

  /** false when lq_disclosure_code is `N` (e.g. the US figure is suppressed): lq values are null. */
  lqDisclosed: boolean;
  lqEstablishments: number | null;
  lqEmployment: number | null;
  lqMonth1Employment: number | null;
  lqMonth2Employment: number | null;
  lqMonth3Employment: number | null;
  lqTotalWages: number | null;
  lqTaxableWages: number | null;
  lqContributions: number | null;
  lqAvgWeeklyWage: number | null;
  lqAvgAnnualPay: number | null;

  /** false when oty_disclosure_code is `N` (this or last year's cell suppressed). */
  otyDisclosed: boolean;
  otyEstablishmentsChg: number | null;
  otyEstablishmentsPctChg: number | null;
  otyEmploymentChg: number | null;
  otyEmploymentPctChg: number | null;
  otyMonth1EmploymentChg: number | null;
  otyMonth1EmploymentPctChg: number | null;
  otyMonth2EmploymentChg: number | null;
  otyMonth2EmploymentPctChg: number | null;
  otyMonth3EmploymentChg: number | null;
  otyMonth3EmploymentPctChg: number | null;
  otyTotalWagesChg: number | null;
  otyTotalWagesPctChg: number | null;
  otyTaxableWagesChg: number | null;
  otyTaxableWagesPctChg: number | null;
  otyContributionsChg: number | null;
  otyContributionsPctChg: number | null;
  otyAvgWeeklyWageChg: number | null;
  otyAvgWeeklyWagePctChg: number | null;
  otyAvgAnnualPayChg: number | null;
  otyAvgAnnualPayPctChg: number | null;
}

/** One thing wrong with one cell, for an import report that lists every bad row. */
export interface QcewCellError {
  column: string;
  /** The cell as it was in the file; undefined when the column was absent. */
  value: string | undefined;
  reason: string;
  /** `annual_avg_emplvl: "12x" is not a whole number` */
  message: string;
}

export type QcewParseResult = { ok: true; row: QcewRow } | { ok: false; errors: QcewCellError[] };

// ---- cell readers --------------------------------------------------------------------------
// Plain functions rather than one Zod schema per cell: an import reads millions of rows, and a
// per-cell transform pipeline costs ~10 µs a row where these cost ~1 µs. Zod still owns the
// record (every column present and text) and reports the issues, each with its column as path.

/** What a reader returns for a cell it rejects. */
class Invalid {
  constructor(readonly reason: string) {}
}
type Reader<T> = (text: string) => T | Invalid;

const WHOLE = /^\d+$/;
const SIGNED_WHOLE = /^-?\d+$/;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;
const SIGNED_DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

// Whole numbers up to 2^53 - 1 are exact in a double; the nation's total wages (~1e13) fit.
const TOO_LARGE = new Invalid("is too large to store exactly (2^53 or more)");
const exact = (value: number) => (Number.isSafeInteger(value) ? value : TOO_LARGE);
const NOT_WHOLE = new Invalid("is not a whole number");
const NOT_COUNT = new Invalid("is not a whole number of zero or more");
const NOT_RATIO = new Invalid("is not a number of zero or more");
const NOT_NUMBER = new Invalid("is not a number");

const wholeNumber: Reader<number> = (t) =>
  WHOLE.test(t) ? exact(Number(t)) : SIGNED_WHOLE.test(t) ? NOT_COUNT : NOT_WHOLE;
/** An over-the-year change; an empty cell (BLS writes none, a derived file may) is no value. */
const change: Reader<number | null> = (t) =>
  t === "" ? null : SIGNED_WHOLE.test(t) ? exact(Number(t)) : NOT_WHOLE;
/** BLS writes "1.0", "0.04", "-5.0"; an empty cell (some tools write one) is no value. */
const ratio: Reader<number | null> = (t) => (t === "" ? null : DECIMAL.test(t) ? Number(t) : NOT_RATIO);
const percent: Reader<number | null> = (t) =>
  t === "" ? null : SIGNED_DECIMAL.test(t) ? Number(t) : NOT_NUMBER;

/**
 * true when disclosed. BLS documents blank (or a space) and `N`; its quarterly files also carry
 * `-` on cells with no establishments this period (all zeros). Nothing says those zeros are
 * real, so `-` counts as not disclosed: unknown, never zero.
 */
const NOT_DISCLOSURE = new Invalid("is not a disclosure code (blank, N or -)");
const disclosureCode: Reader<boolean> = (t) =>
  t === "" || t === " " ? true : t === "N" || t === "-" ? false : NOT_DISCLOSURE;

const matching = (pattern: RegExp, reason: string): Reader<string> => {
  const invalid = new Invalid(reason);
  return (t) => (pattern.test(t) ? t : invalid);
};
const digits = (pattern: RegExp, reason: string): Reader<number> => {
  const invalid = new Invalid(reason);
  return (t) => (pattern.test(t) ? Number(t) : invalid);
};
const NOT_ANNUAL = new Invalid("is not the annual-average quarter code (A)");
const NOT_QUARTER = new Invalid("is not a quarter (1, 2, 3 or 4)");

const keyReaders = {
  area_fips: matching(
    /^[0-9A-Z]{5}$/,
    'is not an area code (five characters like "39049", "C1814" or "US000")',
  ),
  own_code: digits(/^\d$/, "is not an ownership code (one digit)"),
  industry_code: matching(
    /^(\d{2,6}|\d\d-\d\d)$/,
    "is not an industry code (2 to 6 digits, or a range like 31-33)",
  ),
  agglvl_code: digits(/^\d\d$/, "is not an aggregation level code (two digits)"),
  size_code: digits(/^\d$/, "is not a size code (one digit)"),
  year: digits(/^(19|20)\d\d$/, "is not a year"),
  disclosure_code: disclosureCode,
};

const annualReaders = {
  ...keyReaders,
  qtr: ((t) => (t === "A" ? null : NOT_ANNUAL)) as Reader<null>,
  annual_avg_estabs: wholeNumber,
  annual_avg_emplvl: wholeNumber,
  total_annual_wages: wholeNumber,
  taxable_annual_wages: wholeNumber,
  annual_contributions: wholeNumber,
  annual_avg_wkly_wage: wholeNumber,
  avg_annual_pay: wholeNumber,
  lq_disclosure_code: disclosureCode,
  lq_annual_avg_estabs: ratio,
  lq_annual_avg_emplvl: ratio,
  lq_total_annual_wages: ratio,
  lq_taxable_annual_wages: ratio,
  lq_annual_contributions: ratio,
  lq_annual_avg_wkly_wage: ratio,
  lq_avg_annual_pay: ratio,
  oty_disclosure_code: disclosureCode,
  oty_annual_avg_estabs_chg: change,
  oty_annual_avg_estabs_pct_chg: percent,
  oty_annual_avg_emplvl_chg: change,
  oty_annual_avg_emplvl_pct_chg: percent,
  oty_total_annual_wages_chg: change,
  oty_total_annual_wages_pct_chg: percent,
  oty_taxable_annual_wages_chg: change,
  oty_taxable_annual_wages_pct_chg: percent,
  oty_annual_contributions_chg: change,
  oty_annual_contributions_pct_chg: percent,
  oty_annual_avg_wkly_wage_chg: change,
  oty_annual_avg_wkly_wage_pct_chg: percent,
  oty_avg_annual_pay_chg: change,
  oty_avg_annual_pay_pct_chg: percent,
} satisfies Record<QcewAnnualColumn, Reader<unknown>>;

const quarterlyReaders = {
  ...keyReaders,
  qtr: ((t) =>
    t === "1" || t === "2" || t === "3" || t === "4" ? (Number(t) as 1 | 2 | 3 | 4) : NOT_QUARTER) as Reader<
    1 | 2 | 3 | 4
  >,
  qtrly_estabs: wholeNumber,
  month1_emplvl: wholeNumber,
  month2_emplvl: wholeNumber,
  month3_emplvl: wholeNumber,
  total_qtrly_wages: wholeNumber,
  taxable_qtrly_wages: wholeNumber,
  qtrly_contributions: wholeNumber,
  avg_wkly_wage: wholeNumber,
  lq_disclosure_code: disclosureCode,
  lq_qtrly_estabs: ratio,
  lq_month1_emplvl: ratio,
  lq_month2_emplvl: ratio,
  lq_month3_emplvl: ratio,
  lq_total_qtrly_wages: ratio,
  lq_taxable_qtrly_wages: ratio,
  lq_qtrly_contributions: ratio,
  lq_avg_wkly_wage: ratio,
  oty_disclosure_code: disclosureCode,
  oty_qtrly_estabs_chg: change,
  oty_qtrly_estabs_pct_chg: percent,
  oty_month1_emplvl_chg: change,
  oty_month1_emplvl_pct_chg: percent,
  oty_month2_emplvl_chg: change,
  oty_month2_emplvl_pct_chg: percent,
  oty_month3_emplvl_chg: change,
  oty_month3_emplvl_pct_chg: percent,
  oty_total_qtrly_wages_chg: change,
  oty_total_qtrly_wages_pct_chg: percent,
  oty_taxable_qtrly_wages_chg: change,
  oty_taxable_qtrly_wages_pct_chg: percent,
  oty_qtrly_contributions_chg: change,
  oty_qtrly_contributions_pct_chg: percent,
  oty_avg_wkly_wage_chg: change,
  oty_avg_wkly_wage_pct_chg: percent,
} satisfies Record<QcewQuarterlyColumn, Reader<unknown>>;

type Cells<R extends Record<string, Reader<unknown>>> = {
  [K in keyof R]: R[K] extends Reader<infer T> ? T : never;
};

/**
 * A Zod schema of a record: every cell read by its column's reader. Missing columns are reported
 * alongside bad cells (not instead of them), so one pass lists everything wrong with a row.
 */
function recordSchema<R extends Record<string, Reader<unknown>>>(
  columns: readonly (keyof R & string)[],
  readers: R,
) {
  return z
    .custom<Readonly<Record<string, unknown>>>(
      (v) => typeof v === "object" && v !== null,
      "is not a CSV record",
    )
    .transform((record, ctx) => {
      const out: Record<string, unknown> = {};
      for (const column of columns) {
        const cellText = record[column];
        if (typeof cellText !== "string") {
          ctx.issues.push({ code: "custom", message: "is missing", input: cellText, path: [column] });
          continue;
        }
        const value = readers[column](cellText);
        if (value instanceof Invalid)
          ctx.issues.push({ code: "custom", message: value.reason, input: cellText, path: [column] });
        else out[column] = value;
      }
      return out as Cells<R>;
    });
}

/** The cells of an annual record, validated and typed (not yet suppression-aware). */
export const qcewAnnualRecordSchema = recordSchema(QCEW_ANNUAL_COLUMNS, annualReaders);
/** The cells of a quarterly record, validated and typed (not yet suppression-aware). */
export const qcewQuarterlyRecordSchema = recordSchema(QCEW_QUARTERLY_COLUMNS, quarterlyReaders);

// ---- record to row --------------------------------------------------------------------------

/** A suppressed cell's published 0 is unknown. */
const shown = (disclosed: boolean, value: number | null) => (disclosed ? value : null);

function annualRow(r: z.output<typeof qcewAnnualRecordSchema>): QcewRow {
  const d = r.disclosure_code;
  const lq = r.lq_disclosure_code;
  const oty = r.oty_disclosure_code;
  return {
    layout: "annual",
    year: r.year,
    quarter: null,
    areaFips: r.area_fips,
    ownCode: r.own_code,
    industryCode: r.industry_code,
    agglvlCode: r.agglvl_code,
    sizeCode: r.size_code,
    disclosed: d,
    establishments: r.annual_avg_estabs,
    employment: shown(d, r.annual_avg_emplvl),
    month1Employment: null,
    month2Employment: null,
    month3Employment: null,
    totalWages: shown(d, r.total_annual_wages),
    taxableWages: shown(d, r.taxable_annual_wages),
    contributions: shown(d, r.annual_contributions),
    avgWeeklyWage: shown(d, r.annual_avg_wkly_wage),
    avgAnnualPay: shown(d, r.avg_annual_pay),
    lqDisclosed: lq,
    lqEstablishments: r.lq_annual_avg_estabs,
    lqEmployment: shown(lq, r.lq_annual_avg_emplvl),
    lqMonth1Employment: null,
    lqMonth2Employment: null,
    lqMonth3Employment: null,
    lqTotalWages: shown(lq, r.lq_total_annual_wages),
    lqTaxableWages: shown(lq, r.lq_taxable_annual_wages),
    lqContributions: shown(lq, r.lq_annual_contributions),
    lqAvgWeeklyWage: shown(lq, r.lq_annual_avg_wkly_wage),
    lqAvgAnnualPay: shown(lq, r.lq_avg_annual_pay),
    otyDisclosed: oty,
    otyEstablishmentsChg: r.oty_annual_avg_estabs_chg,
    otyEstablishmentsPctChg: r.oty_annual_avg_estabs_pct_chg,
    otyEmploymentChg: shown(oty, r.oty_annual_avg_emplvl_chg),
    otyEmploymentPctChg: shown(oty, r.oty_annual_avg_emplvl_pct_chg),
    otyMonth1EmploymentChg: null,
    otyMonth1EmploymentPctChg: null,
    otyMonth2EmploymentChg: null,
    otyMonth2EmploymentPctChg: null,
    otyMonth3EmploymentChg: null,
    otyMonth3EmploymentPctChg: null,
    otyTotalWagesChg: shown(oty, r.oty_total_annual_wages_chg),
    otyTotalWagesPctChg: shown(oty, r.oty_total_annual_wages_pct_chg),
    otyTaxableWagesChg: shown(oty, r.oty_taxable_annual_wages_chg),
    otyTaxableWagesPctChg: shown(oty, r.oty_taxable_annual_wages_pct_chg),
    otyContributionsChg: shown(oty, r.oty_annual_contributions_chg),
    otyContributionsPctChg: shown(oty, r.oty_annual_contributions_pct_chg),
    otyAvgWeeklyWageChg: shown(oty, r.oty_annual_avg_wkly_wage_chg),
    otyAvgWeeklyWagePctChg: shown(oty, r.oty_annual_avg_wkly_wage_pct_chg),
    otyAvgAnnualPayChg: shown(oty, r.oty_avg_annual_pay_chg),
    otyAvgAnnualPayPctChg: shown(oty, r.oty_avg_annual_pay_pct_chg),
  };
}

function quarterlyRow(r: z.output<typeof qcewQuarterlyRecordSchema>): QcewRow {
  const d = r.disclosure_code;
  const lq = r.lq_disclosure_code;
  const oty = r.oty_disclosure_code;
  return {
    layout: "quarterly",
    year: r.year,
    quarter: r.qtr,
    areaFips: r.area_fips,
    ownCode: r.own_code,
    industryCode: r.industry_code,
    agglvlCode: r.agglvl_code,
    sizeCode: r.size_code,
    disclosed: d,
    establishments: r.qtrly_estabs,
    employment: shown(d, r.month3_emplvl),
    month1Employment: shown(d, r.month1_emplvl),
    month2Employment: shown(d, r.month2_emplvl),
    month3Employment: shown(d, r.month3_emplvl),
    totalWages: shown(d, r.total_qtrly_wages),
    taxableWages: shown(d, r.taxable_qtrly_wages),
    contributions: shown(d, r.qtrly_contributions),
    avgWeeklyWage: shown(d, r.avg_wkly_wage),
    avgAnnualPay: null,
    lqDisclosed: lq,
    lqEstablishments: r.lq_qtrly_estabs,
    lqEmployment: shown(lq, r.lq_month3_emplvl),
    lqMonth1Employment: shown(lq, r.lq_month1_emplvl),
    lqMonth2Employment: shown(lq, r.lq_month2_emplvl),
    lqMonth3Employment: shown(lq, r.lq_month3_emplvl),
    lqTotalWages: shown(lq, r.lq_total_qtrly_wages),
    lqTaxableWages: shown(lq, r.lq_taxable_qtrly_wages),
    lqContributions: shown(lq, r.lq_qtrly_contributions),
    lqAvgWeeklyWage: shown(lq, r.lq_avg_wkly_wage),
    lqAvgAnnualPay: null,
    otyDisclosed: oty,
    otyEstablishmentsChg: r.oty_qtrly_estabs_chg,
    otyEstablishmentsPctChg: r.oty_qtrly_estabs_pct_chg,
    otyEmploymentChg: shown(oty, r.oty_month3_emplvl_chg),
    otyEmploymentPctChg: shown(oty, r.oty_month3_emplvl_pct_chg),
    otyMonth1EmploymentChg: shown(oty, r.oty_month1_emplvl_chg),
    otyMonth1EmploymentPctChg: shown(oty, r.oty_month1_emplvl_pct_chg),
    otyMonth2EmploymentChg: shown(oty, r.oty_month2_emplvl_chg),
    otyMonth2EmploymentPctChg: shown(oty, r.oty_month2_emplvl_pct_chg),
    otyMonth3EmploymentChg: shown(oty, r.oty_month3_emplvl_chg),
    otyMonth3EmploymentPctChg: shown(oty, r.oty_month3_emplvl_pct_chg),
    otyTotalWagesChg: shown(oty, r.oty_total_qtrly_wages_chg),
    otyTotalWagesPctChg: shown(oty, r.oty_total_qtrly_wages_pct_chg),
    otyTaxableWagesChg: shown(oty, r.oty_taxable_qtrly_wages_chg),
    otyTaxableWagesPctChg: shown(oty, r.oty_taxable_qtrly_wages_pct_chg),
    otyContributionsChg: shown(oty, r.oty_qtrly_contributions_chg),
    otyContributionsPctChg: shown(oty, r.oty_qtrly_contributions_pct_chg),
    otyAvgWeeklyWageChg: shown(oty, r.oty_avg_wkly_wage_chg),
    otyAvgWeeklyWagePctChg: shown(oty, r.oty_avg_wkly_wage_pct_chg),
    otyAvgAnnualPayChg: null,
    otyAvgAnnualPayPctChg: null,
  };
}

function cellErrors(record: Readonly<Record<string, unknown>>, issues: readonly z.core.$ZodIssue[]) {
  return issues.map((issue): QcewCellError => {
    const column = String(issue.path[0] ?? "record");
    const raw = typeof record === "object" && record !== null ? record[column] : undefined;
    const value = typeof raw === "string" ? raw : undefined;
    const message =
      value === undefined
        ? `${column}: ${issue.message}`
        : `${column}: ${JSON.stringify(value)} ${issue.message}`;
    return { column, value, reason: issue.message, message };
  });
}

/**
 * Validates one record of a file whose header `detectLayout` recognised. Returns every bad cell
 * (not only the first), each naming its column and the reason.
 */
export function parseQcewRecord(
  record: Readonly<Record<string, unknown>>,
  layout: QcewLayout,
): QcewParseResult {
  if (layout === "annual") {
    const parsed = qcewAnnualRecordSchema.safeParse(record);
    return parsed.success
      ? { ok: true, row: annualRow(parsed.data) }
      : { ok: false, errors: cellErrors(record, parsed.error.issues) };
  }
  const parsed = qcewQuarterlyRecordSchema.safeParse(record);
  return parsed.success
    ? { ok: true, row: quarterlyRow(parsed.data) }
    : { ok: false, errors: cellErrors(record, parsed.error.issues) };
}
