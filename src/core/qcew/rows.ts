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
import { ruleMessages } from "../rules.js";
import { msg, type Msg } from "../i18n/msg.js";
import { z } from "zod";
import {
  QCEW_COLUMNS,
  type QcewAnnualColumn,
  type QcewColumn,
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
  /** In English, for logs and the command line. */
  reason: string;
  /** The reason as a message, put in the reader's language where one is known (the API). */
  words: Msg;
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
  constructor(readonly reason: Msg) {}
}
type Reader<T> = (text: string) => T | Invalid;

const WHOLE = /^\d+$/;
const SIGNED_WHOLE = /^-?\d+$/;
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;
const SIGNED_DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

// Whole numbers up to 2^53 - 1 are exact in a double; the nation's total wages (~1e13) fit.
const TOO_LARGE = new Invalid(
  msg({ id: "qcew.cell.tooLarge", defaultMessage: "is too large to store exactly (2^53 or more)" }),
);
const exact = (value: number) => (Number.isSafeInteger(value) ? value : TOO_LARGE);
const NOT_WHOLE = new Invalid(msg({ id: "qcew.cell.notWhole", defaultMessage: "is not a whole number" }));
const NOT_COUNT = new Invalid(
  msg({ id: "qcew.cell.notCount", defaultMessage: "is not a whole number of zero or more" }),
);
const NOT_RATIO = new Invalid(
  msg({ id: "qcew.cell.notRatio", defaultMessage: "is not a number of zero or more" }),
);
const NOT_NUMBER = new Invalid(msg({ id: "qcew.cell.notNumber", defaultMessage: "is not a number" }));

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
const NOT_DISCLOSURE = new Invalid(
  msg({ id: "qcew.cell.notDisclosure", defaultMessage: "is not a disclosure code (blank, N or -)" }),
);
const disclosureCode: Reader<boolean> = (t) =>
  t === "" || t === " " ? true : t === "N" || t === "-" ? false : NOT_DISCLOSURE;

const matching = (pattern: RegExp, reason: Msg): Reader<string> => {
  const invalid = new Invalid(reason);
  return (t) => (pattern.test(t) ? t : invalid);
};
const digits = (pattern: RegExp, reason: Msg): Reader<number> => {
  const invalid = new Invalid(reason);
  return (t) => (pattern.test(t) ? Number(t) : invalid);
};
const NOT_ANNUAL = new Invalid(
  msg({ id: "qcew.cell.notAnnual", defaultMessage: "is not the annual-average quarter code (A)" }),
);
const NOT_QUARTER = new Invalid(
  msg({ id: "qcew.cell.notQuarter", defaultMessage: "is not a quarter (1, 2, 3 or 4)" }),
);

const keyReaders: Partial<Record<QcewColumn, Reader<unknown>>> = {
  area_fips: matching(
    /^[0-9A-Z]{5}$/,
    msg({
      id: "qcew.cell.notArea",
      defaultMessage: 'is not an area code (five characters like "39049", "C1814" or "US000")',
    }),
  ),
  own_code: digits(
    /^\d$/,
    msg({ id: "qcew.cell.notOwnership", defaultMessage: "is not an ownership code (one digit)" }),
  ),
  industry_code: matching(
    /^(\d{2,6}|\d\d-\d\d)$/,
    msg({
      id: "qcew.cell.notIndustry",
      defaultMessage: "is not an industry code (2 to 6 digits, or a range like 31-33)",
    }),
  ),
  agglvl_code: digits(
    /^\d\d$/,
    msg({ id: "qcew.cell.notAggregation", defaultMessage: "is not an aggregation level code (two digits)" }),
  ),
  size_code: digits(
    /^\d$/,
    msg({ id: "qcew.cell.notSize", defaultMessage: "is not a size code (one digit)" }),
  ),
  year: digits(/^(19|20)\d\d$/, msg({ id: "qcew.cell.notYear", defaultMessage: "is not a year" })),
};
const annualQuarter: Reader<null> = (t) => (t === "A" ? null : NOT_ANNUAL);
const quarter: Reader<1 | 2 | 3 | 4> = (t) =>
  t === "1" || t === "2" || t === "3" || t === "4" ? (Number(t) as 1 | 2 | 3 | 4) : NOT_QUARTER;

/**
 * The reader of a column, from BLS's naming: the key columns have their own; every disclosure
 * code reads alike; `lq_*` are ratios, `oty_*_pct_chg` percentages, other `oty_*` signed changes;
 * the rest (establishments, employment, wages, pay) whole numbers of zero or more.
 */
function readerOf(column: QcewColumn, layout: QcewLayout): Reader<unknown> {
  if (column === "qtr") return layout === "annual" ? annualQuarter : quarter;
  const key = keyReaders[column];
  if (key) return key;
  if (column.endsWith("disclosure_code")) return disclosureCode;
  if (column.startsWith("lq_")) return ratio;
  if (column.startsWith("oty_")) return column.endsWith("_pct_chg") ? percent : change;
  return wholeNumber;
}

// ---- record to row --------------------------------------------------------------------------

/** Which disclosure code hides a value: the cell's own, its LQ's or its over-the-year change's. */
type Gate = "d" | "lq" | "oty";
const GATE_COLUMN = { d: "disclosure_code", lq: "lq_disclosure_code", oty: "oty_disclosure_code" } as const;
/** Where a field of a row comes from: a column (hidden by a gate when not disclosed), or nothing. */
type Source<C extends QcewColumn> = readonly [C] | readonly [C, Gate] | null;
type RowFields<C extends QcewColumn> = Record<Exclude<keyof QcewRow, "layout">, Source<C>>;

/** Each field of an annual row and the column it is read from. */
const ANNUAL_FIELDS: RowFields<QcewAnnualColumn> = {
  year: ["year"],
  quarter: ["qtr"],
  areaFips: ["area_fips"],
  ownCode: ["own_code"],
  industryCode: ["industry_code"],
  agglvlCode: ["agglvl_code"],
  sizeCode: ["size_code"],
  disclosed: ["disclosure_code"],
  // Published even for suppressed cells.
  establishments: ["annual_avg_estabs"],
  employment: ["annual_avg_emplvl", "d"],
  month1Employment: null,
  month2Employment: null,
  month3Employment: null,
  totalWages: ["total_annual_wages", "d"],
  taxableWages: ["taxable_annual_wages", "d"],
  contributions: ["annual_contributions", "d"],
  avgWeeklyWage: ["annual_avg_wkly_wage", "d"],
  avgAnnualPay: ["avg_annual_pay", "d"],
  lqDisclosed: ["lq_disclosure_code"],
  lqEstablishments: ["lq_annual_avg_estabs"],
  lqEmployment: ["lq_annual_avg_emplvl", "lq"],
  lqMonth1Employment: null,
  lqMonth2Employment: null,
  lqMonth3Employment: null,
  lqTotalWages: ["lq_total_annual_wages", "lq"],
  lqTaxableWages: ["lq_taxable_annual_wages", "lq"],
  lqContributions: ["lq_annual_contributions", "lq"],
  lqAvgWeeklyWage: ["lq_annual_avg_wkly_wage", "lq"],
  lqAvgAnnualPay: ["lq_avg_annual_pay", "lq"],
  otyDisclosed: ["oty_disclosure_code"],
  otyEstablishmentsChg: ["oty_annual_avg_estabs_chg"],
  otyEstablishmentsPctChg: ["oty_annual_avg_estabs_pct_chg"],
  otyEmploymentChg: ["oty_annual_avg_emplvl_chg", "oty"],
  otyEmploymentPctChg: ["oty_annual_avg_emplvl_pct_chg", "oty"],
  otyMonth1EmploymentChg: null,
  otyMonth1EmploymentPctChg: null,
  otyMonth2EmploymentChg: null,
  otyMonth2EmploymentPctChg: null,
  otyMonth3EmploymentChg: null,
  otyMonth3EmploymentPctChg: null,
  otyTotalWagesChg: ["oty_total_annual_wages_chg", "oty"],
  otyTotalWagesPctChg: ["oty_total_annual_wages_pct_chg", "oty"],
  otyTaxableWagesChg: ["oty_taxable_annual_wages_chg", "oty"],
  otyTaxableWagesPctChg: ["oty_taxable_annual_wages_pct_chg", "oty"],
  otyContributionsChg: ["oty_annual_contributions_chg", "oty"],
  otyContributionsPctChg: ["oty_annual_contributions_pct_chg", "oty"],
  otyAvgWeeklyWageChg: ["oty_annual_avg_wkly_wage_chg", "oty"],
  otyAvgWeeklyWagePctChg: ["oty_annual_avg_wkly_wage_pct_chg", "oty"],
  otyAvgAnnualPayChg: ["oty_avg_annual_pay_chg", "oty"],
  otyAvgAnnualPayPctChg: ["oty_avg_annual_pay_pct_chg", "oty"],
};

/** Each field of a quarterly row and the column it is read from: employment is month 3. */
const QUARTERLY_FIELDS: RowFields<QcewQuarterlyColumn> = {
  year: ["year"],
  quarter: ["qtr"],
  areaFips: ["area_fips"],
  ownCode: ["own_code"],
  industryCode: ["industry_code"],
  agglvlCode: ["agglvl_code"],
  sizeCode: ["size_code"],
  disclosed: ["disclosure_code"],
  establishments: ["qtrly_estabs"],
  employment: ["month3_emplvl", "d"],
  month1Employment: ["month1_emplvl", "d"],
  month2Employment: ["month2_emplvl", "d"],
  month3Employment: ["month3_emplvl", "d"],
  totalWages: ["total_qtrly_wages", "d"],
  taxableWages: ["taxable_qtrly_wages", "d"],
  contributions: ["qtrly_contributions", "d"],
  avgWeeklyWage: ["avg_wkly_wage", "d"],
  avgAnnualPay: null,
  lqDisclosed: ["lq_disclosure_code"],
  lqEstablishments: ["lq_qtrly_estabs"],
  lqEmployment: ["lq_month3_emplvl", "lq"],
  lqMonth1Employment: ["lq_month1_emplvl", "lq"],
  lqMonth2Employment: ["lq_month2_emplvl", "lq"],
  lqMonth3Employment: ["lq_month3_emplvl", "lq"],
  lqTotalWages: ["lq_total_qtrly_wages", "lq"],
  lqTaxableWages: ["lq_taxable_qtrly_wages", "lq"],
  lqContributions: ["lq_qtrly_contributions", "lq"],
  lqAvgWeeklyWage: ["lq_avg_wkly_wage", "lq"],
  lqAvgAnnualPay: null,
  otyDisclosed: ["oty_disclosure_code"],
  otyEstablishmentsChg: ["oty_qtrly_estabs_chg"],
  otyEstablishmentsPctChg: ["oty_qtrly_estabs_pct_chg"],
  otyEmploymentChg: ["oty_month3_emplvl_chg", "oty"],
  otyEmploymentPctChg: ["oty_month3_emplvl_pct_chg", "oty"],
  otyMonth1EmploymentChg: ["oty_month1_emplvl_chg", "oty"],
  otyMonth1EmploymentPctChg: ["oty_month1_emplvl_pct_chg", "oty"],
  otyMonth2EmploymentChg: ["oty_month2_emplvl_chg", "oty"],
  otyMonth2EmploymentPctChg: ["oty_month2_emplvl_pct_chg", "oty"],
  otyMonth3EmploymentChg: ["oty_month3_emplvl_chg", "oty"],
  otyMonth3EmploymentPctChg: ["oty_month3_emplvl_pct_chg", "oty"],
  otyTotalWagesChg: ["oty_total_qtrly_wages_chg", "oty"],
  otyTotalWagesPctChg: ["oty_total_qtrly_wages_pct_chg", "oty"],
  otyTaxableWagesChg: ["oty_taxable_qtrly_wages_chg", "oty"],
  otyTaxableWagesPctChg: ["oty_taxable_qtrly_wages_pct_chg", "oty"],
  otyContributionsChg: ["oty_qtrly_contributions_chg", "oty"],
  otyContributionsPctChg: ["oty_qtrly_contributions_pct_chg", "oty"],
  otyAvgWeeklyWageChg: ["oty_avg_wkly_wage_chg", "oty"],
  otyAvgWeeklyWagePctChg: ["oty_avg_wkly_wage_pct_chg", "oty"],
  otyAvgAnnualPayChg: null,
  otyAvgAnnualPayPctChg: null,
};

const FIELDS: Record<QcewLayout, RowFields<QcewColumn>> = {
  annual: ANNUAL_FIELDS,
  quarterly: QUARTERLY_FIELDS,
};
const FIELD_NAMES = Object.keys(ANNUAL_FIELDS) as Exclude<keyof QcewRow, "layout">[];

const NOT_RECORD = msg({ id: "qcew.cell.notRecord", defaultMessage: "is not a CSV record" });

/** The message an issue carries (every issue here is made with one), else its English as is. */
function wordsOf(issue: z.core.$ZodIssue): Msg {
  const words: unknown = issue.code === "custom" ? issue.params?.words : undefined;
  return words && typeof words === "object" && "id" in words ? (words as Msg) : NOT_RECORD;
}

/**
 * A Zod schema of a record: every cell read by its column's reader. Missing columns are reported
 * alongside bad cells (not instead of them), so one pass lists everything wrong with a row.
 */
function recordSchema(layout: QcewLayout) {
  const columns = QCEW_COLUMNS[layout];
  const readers = columns.map((c) => readerOf(c, layout));
  return z
    .custom<Readonly<Record<string, unknown>>>((v) => typeof v === "object" && v !== null, {
      message: NOT_RECORD.defaultMessage,
      params: { words: NOT_RECORD },
    })
    .transform((record, ctx) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i];
        const cellText = record[column];
        if (typeof cellText !== "string") {
          ctx.issues.push({
            code: "custom",
            message: ruleMessages.isMissing.defaultMessage,
            params: { words: ruleMessages.isMissing },
            input: cellText,
            path: [column],
          });
          continue;
        }
        const value = readers[i](cellText);
        if (value instanceof Invalid)
          ctx.issues.push({
            code: "custom",
            message: value.reason.defaultMessage,
            params: { words: value.reason },
            input: cellText,
            path: [column],
          });
        else out[column] = value;
      }
      return out as Readonly<Record<QcewColumn, unknown>>;
    });
}

/** The cells of an annual record, validated and typed (not yet suppression-aware). */
export const qcewAnnualRecordSchema = recordSchema("annual");
/** The cells of a quarterly record, validated and typed (not yet suppression-aware). */
export const qcewQuarterlyRecordSchema = recordSchema("quarterly");
const RECORD_SCHEMAS = { annual: qcewAnnualRecordSchema, quarterly: qcewQuarterlyRecordSchema };

/** A row from read cells: a suppressed cell's published 0 is unknown, so it becomes null. */
function rowOf(cells: Readonly<Record<QcewColumn, unknown>>, layout: QcewLayout): QcewRow {
  const fields = FIELDS[layout];
  const shown = {
    d: cells.disclosure_code === true,
    lq: cells.lq_disclosure_code === true,
    oty: cells.oty_disclosure_code === true,
  };
  const row: Record<string, unknown> = { layout };
  for (const name of FIELD_NAMES) {
    const source = fields[name];
    row[name] = source === null || (source[1] && !shown[source[1]]) ? null : cells[source[0]];
  }
  return row as unknown as QcewRow;
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
    return { column, value, reason: issue.message, words: wordsOf(issue), message };
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
  const parsed = RECORD_SCHEMAS[layout].safeParse(record);
  return parsed.success
    ? { ok: true, row: rowOf(parsed.data, layout) }
    : { ok: false, errors: cellErrors(record, parsed.error.issues) };
}

// ---- the fast path of an import -------------------------------------------------------------

/** The key of a row read by a QcewLineReader: what an import checks and batches by. */
export interface QcewRowKey {
  areaFips: string;
  ownCode: number;
  industryCode: string;
  agglvlCode: number;
  sizeCode: number;
  year: number;
  /** 0 for annual averages, else 1-4. */
  quarter: number;
}

/**
 * Reads the cells of one record straight into a CSV line of the fields asked for (a COPY's
 * input), or answers null when any cell is bad, missing or the record has other than the
 * header's length: parseQcewRecord then names every bad cell. The same readers and the same
 * field table as parseQcewRecord, without a record object, Zod or a QcewRow per line: an
 * import of millions of rows spends its time here.
 */
export type QcewLineReader = (cells: readonly string[]) => (QcewRowKey & { line: string }) | null;

const enum Emit {
  /** The field has no column in this layout: always empty (NULL). */
  Nothing,
  /** A disclosure code: t or f. */
  Flag,
  /** The cell as it is (checked), or empty when its gate hides it or it reads as no value. */
  Text,
  /** The annual quarter code A, stored as quarter 0. */
  AnnualQuarter,
}

/**
 * A QcewLineReader for the records of one file: `header` gives each column's position,
 * `fields` the fields of the line in order (a table's columns). A cell's text goes into the line
 * as written in the file once its reader accepted it: the readers admit digits, a sign, a point
 * and code letters only, so nothing needs quoting and the database reads the same number.
 */
export function qcewLineReader(
  header: readonly string[],
  layout: QcewLayout,
  fields: readonly (keyof QcewRow)[],
): QcewLineReader {
  const position = new Map(header.map((name, i) => [name, i] as const));
  const at = (column: QcewColumn) => {
    const i = position.get(column);
    if (i === undefined) throw new Error(`the header has no ${column} column`);
    return i;
  };
  const table = FIELDS[layout];
  const plan = fields.map((field) => {
    const source = field === "layout" ? null : table[field];
    if (source === null) return { emit: Emit.Nothing, index: 0, read: wholeNumber, gate: 0 };
    const [column, gate] = source;
    const emit =
      column === "qtr" && layout === "annual"
        ? Emit.AnnualQuarter
        : column.endsWith("disclosure_code")
          ? Emit.Flag
          : Emit.Text;
    return {
      emit,
      index: at(column),
      read: readerOf(column, layout),
      gate: gate === undefined ? 0 : gate === "d" ? 1 : gate === "lq" ? 2 : 3,
    };
  });
  // Columns no field reads are still checked, as parseQcewRecord checks every column.
  const read = new Set(fields.flatMap((f) => (f === "layout" || !table[f] ? [] : [table[f][0]])));
  const unread = QCEW_COLUMNS[layout]
    .filter((c) => !read.has(c))
    .map((c) => ({ index: at(c), read: readerOf(c, layout) }));
  const gates = (["d", "lq", "oty"] as const).map((g) => at(GATE_COLUMN[g]));
  const keys = {
    area: at("area_fips"),
    own: at("own_code"),
    industry: at("industry_code"),
    agglvl: at("agglvl_code"),
    size: at("size_code"),
    year: at("year"),
    qtr: at("qtr"),
  };
  const n = plan.length;
  const width = header.length;
  const shown = [true, false, false, false];

  return (cells) => {
    if (cells.length !== width) return null;
    for (let g = 0; g < 3; g++) {
      const open = disclosureCode(cells[gates[g]]);
      if (open instanceof Invalid) return null;
      shown[g + 1] = open;
    }
    for (const { index, read } of unread) if (read(cells[index]) instanceof Invalid) return null;
    let line = "";
    for (let i = 0; i < n; i++) {
      const p = plan[i];
      if (i > 0) line += ",";
      if (p.emit === Emit.Nothing) continue;
      const text = cells[p.index];
      const value = p.read(text);
      if (value instanceof Invalid) return null;
      if (p.emit === Emit.Flag) line += value ? "t" : "f";
      else if (p.emit === Emit.AnnualQuarter) line += "0";
      else if (value !== null && shown[p.gate]) line += text;
    }
    const qtr = cells[keys.qtr];
    return {
      areaFips: cells[keys.area],
      ownCode: Number(cells[keys.own]),
      industryCode: cells[keys.industry],
      agglvlCode: Number(cells[keys.agglvl]),
      sizeCode: Number(cells[keys.size]),
      year: Number(cells[keys.year]),
      quarter: qtr === "A" ? 0 : Number(qtr),
      line: line + "\n",
    };
  };
}
