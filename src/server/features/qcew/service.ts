import { desc, sql } from "drizzle-orm";
import type { QcewImportItem } from "../../../core/qcew/imports.js";
import type { Executor } from "../../../db/open.js";
import { qcewImports } from "../../../db/schema/index.js";

/** The national file's area code: the base of every location quotient. */
export const US_AREA = "US000";

/** The published figures of one row, as a region profile needs them; null = not disclosed. */
export interface QcewFigures {
  year: number;
  areaFips: string;
  ownCode: number;
  industryCode: string;
  agglvlCode: number;
  disclosed: boolean;
  establishments: number;
  employment: number | null;
  totalWages: number | null;
  avgWeeklyWage: number | null;
  avgAnnualPay: number | null;
  lqDisclosed: boolean;
  lqEmployment: number | null;
  otyDisclosed: boolean;
  otyEmploymentChg: number | null;
  otyEmploymentPctChg: number | null;
  otyTotalWagesChg: number | null;
  otyAvgAnnualPayChg: number | null;
}

/**
 * The columns of QcewFigures, selected from qcew_rows: the partnership panel reads its few
 * codes' rows whole and sums them with the core math.
 */
export const QCEW_FIGURE_COLUMNS = sql.raw(
  [
    "year::int as year",
    // Byte order for the codes: sorting by the database's language collation costs more than
    // reading the rows.
    'area_fips collate "C" as "areaFips"',
    'own_code::int as "ownCode"',
    'industry_code collate "C" as "industryCode"',
    'agglvl_code::int as "agglvlCode"',
    "disclosed",
    "establishments",
    "employment",
    // bigint arrives as text from both drivers; wages stay below 2^53.
    'total_wages::float8 as "totalWages"',
    'avg_weekly_wage as "avgWeeklyWage"',
    'avg_annual_pay as "avgAnnualPay"',
    'lq_disclosed as "lqDisclosed"',
    // real columns arrive as their shortest text ("0.48"), so they are not widened here.
    'lq_employment as "lqEmployment"',
    'oty_disclosed as "otyDisclosed"',
    'oty_employment_chg as "otyEmploymentChg"',
    'oty_employment_pct_chg as "otyEmploymentPctChg"',
    'oty_total_wages_chg::float8 as "otyTotalWagesChg"',
    'oty_avg_annual_pay_chg as "otyAvgAnnualPayChg"',
  ].join(", "),
);

/** The imported files, newest first. */
export async function listImports(db: Executor, limit: number): Promise<QcewImportItem[]> {
  const rows = await db.select().from(qcewImports).orderBy(desc(qcewImports.importedAt)).limit(limit);
  return rows.map((r) => ({
    id: r.id,
    fileName: r.fileName,
    year: r.year,
    quarter: r.quarter,
    areas: r.areas,
    rows: r.rows,
    via: r.via,
    importedBy: r.importedBy,
    importedAt: r.importedAt.toISOString(),
    seconds: r.durationMs / 1000,
  }));
}
