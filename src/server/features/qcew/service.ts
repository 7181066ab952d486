import { desc, sql } from "drizzle-orm";
import type { QcewImportItem } from "../../../core/qcew/imports.js";
import { agglvlFor, agglvlMeaning, counterpartAgglvl } from "../../../core/qcew/levels.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { qcewImports } from "../../../db/schema/index.js";
import { AppError } from "../../errors.js";

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

export interface RegionFiguresQuery {
  /** County FIPS codes of the region. */
  counties: string[];
  /** The years to read (the latest and any earlier ones), annual averages. */
  years: number[];
  /** The county aggregation level of the industries (71 ownership ... 74 sector ... 78 six-digit). */
  agglvl: number;
}

export interface RegionFigures {
  /** Each county's rows at the level, and each county's all-industries total (agglvl 70). */
  counties: QcewFigures[];
  /** The US000 rows of the same years, ownerships and industry codes, and the US total (agglvl 10). */
  us: QcewFigures[];
}

const COUNTY_TOTAL_AGGLVL = 70;

/**
 * The raw figures of a region profile in one SQL statement: every row of the region's counties
 * at one aggregation level for the years asked, their totals, and the national rows of the same
 * industries, for location quotients computed with the core math. Annual averages only.
 */
export async function regionFigures(db: Executor, query: RegionFiguresQuery): Promise<RegionFigures> {
  const meaning = agglvlMeaning(query.agglvl);
  const usAgglvl = counterpartAgglvl(query.agglvl, "national");
  if (meaning?.area !== "county" || usAgglvl === undefined)
    throw new AppError("bad_request", `agglvl: ${query.agglvl} is not a county aggregation level (70-78)`, {
      errors: [{ field: "agglvl", message: "is not a county aggregation level (70-78)" }],
    });
  const usTotal = agglvlFor("national", "total");
  const levels = [...new Set([query.agglvl, COUNTY_TOTAL_AGGLVL])];
  const rows = await queryRows<QcewFigures & { part: "county" | "us" }>(
    db,
    sql`
      with region as materialized (
        select ${figures} from qcew_rows
        where area_fips = any(${sql.param(query.counties)}::text[])
          and agglvl_code = any(${sql.param(levels)}::smallint[])
          and year = any(${sql.param(query.years)}::smallint[])
          and quarter = 0
      ), nation as (
        select ${figures} from qcew_rows u
        where u.area_fips = ${US_AREA}
          and u.agglvl_code = any(${sql.param([...new Set([usAgglvl, usTotal])])}::smallint[])
          and u.year = any(${sql.param(query.years)}::smallint[])
          and u.quarter = 0
          and (u.own_code, u.industry_code) in (select distinct "ownCode", "industryCode" from region)
      )
      select 'county' as part, * from region
      union all
      select 'us' as part, * from nation
      order by part, year, "industryCode", "ownCode", "areaFips"`,
  );
  const result: RegionFigures = { counties: [], us: [] };
  for (const { part, ...row } of rows) (part === "county" ? result.counties : result.us).push(row);
  return result;
}

const figures = sql.raw(
  [
    "year::int as year",
    // Byte order for the codes: sorting 20,000 rows by the database's language collation cost
    // more than reading them.
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
