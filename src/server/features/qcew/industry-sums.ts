/**
 * Every industry of a region at one NAICS level and ownership, summed over the region's
 * counties by the database in one statement: the region profile's and the ranking's read.
 *
 * The sums follow the core's rules exactly (core/qcew/region.ts and change.ts; the test beside
 * this file checks them against those functions on the same rows, on both engines): a county
 * whose figure BLS held back adds nothing and is counted as undisclosed, never as a zero; a
 * change leaves out a county undisclosed in either year; a county with no row in a year had no
 * establishments in the industry, a true zero. Summing here instead of in JavaScript keeps a
 * 10-county, 6-digit profile to a thousand result rows instead of fifteen thousand raw ones.
 *
 * Within one year, level, ownership and quarter a county has at most one row per industry
 * (the table's primary key, with size class 0: county rows are never cut by size), so each
 * county meets each industry once and the per-county step of the core's sums is the row itself.
 */
import { sql, type SQL } from "drizzle-orm";
import { regionChange, type RegionChange } from "../../../core/qcew/change.js";
import { regionSum, type RegionSum } from "../../../core/qcew/region.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { US_AREA } from "./service.js";

export interface IndustrySumsQuery {
  /** County FIPS codes of the region. */
  counties: readonly string[];
  /** The county aggregation level of the industries (74 sector ... 78 six-digit). */
  agglvl: number;
  /** The national aggregation level of the same industries, for the US figures. */
  usAgglvl: number;
  ownCode: number;
  year: number;
  /** An earlier imported year to compare with, or null. */
  earlierYear: number | null;
}

export interface IndustrySums {
  code: string;
  /** The NAICS title from the reference data; null when the code is not there. */
  title: string | null;
  jobs: RegionSum;
  wages: RegionSum;
  establishments: number;
  /** Last year to this year from BLS's over-the-year columns. */
  oneYear: RegionChange;
  /** The earlier year to this year; null when no earlier year was asked for. */
  sinceEarlier: RegionChange | null;
  /** The nation's jobs in the industry (same ownership) this year and in the earlier year. */
  usJobs: number | null;
  usEarlierJobs: number | null;
}

/**
 * One industry as the statement returns it, positionally: the whole answer is one JSON array,
 * because a thousand rows of fifteen columns cost PGlite more to hand over field by field
 * (about 25 ms) than to sum.
 */
type SumsTuple = [
  code: string,
  title: string | null,
  jobs: number | null,
  jobsHidden: number,
  wages: number | null,
  wagesHidden: number,
  establishments: number | null,
  otyLater: number | null,
  otyEarlier: number | null,
  otyHidden: number,
  sinceEarlier: number | null,
  sinceLater: number | null,
  sinceHidden: number,
  usJobs: number | null,
  usEarlierJobs: number | null,
];

/** One year's rows of the region: one index range per year (an array of years scans them all). */
function yearRows(query: IndustrySumsQuery, year: number | null): SQL {
  if (year === null)
    return sql`select null::text as code, null::text as area, null::float8 as emp, null::float8 as wages,
                      null::int as estabs, null::float8 as oty
               where false`;
  return sql`
    select industry_code collate "C" as code, area_fips as area,
           employment::float8 as emp, total_wages::float8 as wages,
           establishments as estabs, oty_employment_chg::float8 as oty
    from qcew_rows
    where area_fips = any(${sql.param(query.counties)}::text[])
      and agglvl_code = ${query.agglvl} and own_code = ${query.ownCode}
      and year = ${year} and quarter = 0 and size_code = 0`;
}

/**
 * `l` is this year's row of a county, `e` the earlier year's (either may be missing: full join).
 * Hidden means present but not disclosed; float8 sums of whole numbers are exact below 2^53.
 */
const SUMS = sql.raw(`
  sum(l.emp) as jobs,
  count(*) filter (where l.code is not null and l.emp is null)::int as jobs_hidden,
  sum(l.wages) as wages,
  count(*) filter (where l.code is not null and l.wages is null)::int as wages_hidden,
  sum(l.estabs)::int as establishments,
  sum(l.emp) filter (where l.oty is not null) as oty_later,
  sum(l.emp - l.oty) as oty_earlier,
  count(*) filter (where l.code is not null and (l.emp is null or l.oty is null))::int as oty_hidden,
  sum(coalesce(e.emp, 0)) filter (where (l.code is null or l.emp is not null) and (e.code is null or e.emp is not null)) as since_earlier,
  sum(coalesce(l.emp, 0)) filter (where (l.code is null or l.emp is not null) and (e.code is null or e.emp is not null)) as since_later,
  count(*) filter (where (l.code is not null and l.emp is null) or (e.code is not null and e.emp is null))::int as since_hidden`);

/** The tuple's order (SumsTuple). */
const TUPLE = sql.raw(`json_build_array(s.code, n.title, s.jobs, s.jobs_hidden, s.wages, s.wages_hidden,
  s.establishments, s.oty_later, s.oty_earlier, s.oty_hidden, s.since_earlier, s.since_later,
  s.since_hidden, us.us_jobs, us.us_earlier_jobs)`);

export async function industrySums(db: Executor, query: IndustrySumsQuery): Promise<IndustrySums[]> {
  if (query.counties.length === 0) return [];
  const usYears = query.earlierYear === null ? [query.year] : [query.year, query.earlierYear];
  const [answer] = await queryRows<{ industries: SumsTuple[] }>(
    db,
    sql`
      with l as (${yearRows(query, query.year)}),
      e as (${yearRows(query, query.earlierYear)}),
      sums as (
        select coalesce(l.code, e.code) as code, ${SUMS}
        from l full join e on e.code = l.code and e.area = l.area
        group by 1
        -- only the industries the region has this year
        having count(l.code) > 0
      ),
      us as (
        select industry_code collate "C" as code,
               max(employment) filter (where year = ${query.year}) as us_jobs,
               max(employment) filter (where year = ${query.earlierYear ?? query.year}) as us_earlier_jobs
        from qcew_rows
        where area_fips = ${US_AREA} and agglvl_code = ${query.usAgglvl} and own_code = ${query.ownCode}
          and year = any(${sql.param(usYears)}::smallint[]) and quarter = 0 and size_code = 0
        group by 1
      )
      select coalesce(json_agg(${TUPLE} order by s.code), '[]'::json) as industries
      from sums s
      left join naics_codes n on n.code = s.code
      left join us on us.code = s.code`,
  );
  return (answer?.industries ?? []).map(
    ([code, title, jobs, jobsHidden, wages, wagesHidden, establishments, ...rest]) => {
      const [otyLater, otyEarlier, otyHidden, sinceEarlier, sinceLater, sinceHidden, usJobs, usEarlierJobs] =
        rest;
      return {
        code,
        title,
        jobs: regionSum(jobs ?? 0, jobsHidden),
        wages: regionSum(wages ?? 0, wagesHidden),
        establishments: establishments ?? 0,
        oneYear: regionChange(otyEarlier ?? 0, otyLater ?? 0, otyHidden),
        sinceEarlier:
          query.earlierYear === null ? null : regionChange(sinceEarlier ?? 0, sinceLater ?? 0, sinceHidden),
        usJobs,
        usEarlierJobs: query.earlierYear === null ? null : usEarlierJobs,
      };
    },
  );
}
