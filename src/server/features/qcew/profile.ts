/**
 * A region's economy from the imported BLS QCEW annual averages: its totals over the years and
 * every industry at one NAICS level with jobs, share, pay, location quotient and change. The
 * sums and ratios are the core QCEW math's; this file only reads rows (one SQL statement per
 * question) and puts them together. Suppressed cells are never zeros: see core/qcew/region.
 */
import { sql } from "drizzle-orm";
import type { RegionChange } from "../../../core/qcew/change.js";
import {
  agglvlFor,
  detailOfNaicsLevel,
  INDUSTRY_TOTAL,
  OWN_TOTAL,
  type NaicsLevel,
} from "../../../core/qcew/levels.js";
import { locationQuotient } from "../../../core/qcew/location-quotient.js";
import { averagePay, payRatio } from "../../../core/qcew/pay.js";
import {
  OWNERSHIP_CHOICES,
  type IndustryFigures,
  type MetroArea,
  type NaicsLevelChoice,
  type OwnershipChoice,
  type RegionEconomy,
  type RegionEconomyQuery,
  type RegionTotals,
} from "../../../core/qcew/profile.js";
import { shareOf, sumOverAreas, type RegionSum } from "../../../core/qcew/region.js";
import { shiftShare } from "../../../core/qcew/shift-share.js";
import { stateByFips } from "../../../core/geography.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { industrySums } from "./industry-sums.js";
import { US_AREA } from "./service.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { translate } from "../../i18n/intl.js";

const COUNTY_TOTAL = agglvlFor("county", "total");
const US_TOTAL = agglvlFor("national", "total");

function naicsLevelOf(level: NaicsLevelChoice): NaicsLevel {
  return level === "sector" ? "sector" : (Number(level) as 3 | 4 | 5 | 6);
}

/** The county aggregation level of a NAICS level: sector 74, 3-digit 75 ... 6-digit 78. */
export function countyAgglvl(level: NaicsLevelChoice): number {
  return agglvlFor("county", detailOfNaicsLevel(naicsLevelOf(level)));
}

interface CountyRef {
  fips: string;
  name: string;
  stateFips: string;
  cbsaCode: string | null;
  cbsaTitle: string | null;
}

/** The counties asked for, by FIPS or as a CBSA's members, with their names. */
async function resolveCounties(
  db: Executor,
  query: Pick<RegionEconomyQuery, "counties" | "cbsa">,
): Promise<{ fips: string[]; known: CountyRef[]; cbsa: RegionEconomy["cbsa"] }> {
  const fips = query.counties ? [...new Set(query.counties)].sort() : [];
  const known = await queryRows<CountyRef>(
    db,
    query.cbsa
      ? sql`select fips, name, state_fips as "stateFips", cbsa_code as "cbsaCode", cbsa_title as "cbsaTitle"
            from counties where cbsa_code = ${query.cbsa} order by fips`
      : sql`select fips, name, state_fips as "stateFips", cbsa_code as "cbsaCode", cbsa_title as "cbsaTitle"
            from counties where fips = any(${sql.param(fips)}::text[]) order by fips`,
  );
  if (!query.cbsa) return { fips, known, cbsa: null };
  if (known.length === 0) {
    throw fieldError(
      "cbsa",
      msg(
        {
          id: "server.qcew.field.unknownCbsa",
          defaultMessage: "no metro or micro area {cbsa} in the reference data",
        },
        { cbsa: query.cbsa },
      ),
    );
  }
  return {
    fips: known.map((c) => c.fips),
    known,
    cbsa: { code: query.cbsa, title: known[0].cbsaTitle ?? query.cbsa },
  };
}

interface TotalRow {
  year: number;
  areaFips: string;
  establishments: number;
  employment: number | null;
  totalWages: number | null;
}

function totalsOf(year: number, counties: readonly string[], rows: readonly TotalRow[]): RegionTotals {
  const ofYear = rows.filter((r) => r.year === year);
  const jobs = sumOverAreas(ofYear.map((r) => ({ areaFips: r.areaFips, value: r.employment })));
  const wages = sumOverAreas(ofYear.map((r) => ({ areaFips: r.areaFips, value: r.totalWages })));
  const pay = averagePay(wages, jobs);
  const present = new Set(ofYear.map((r) => r.areaFips));
  return {
    year,
    jobs,
    establishments: ofYear.reduce((n, r) => n + r.establishments, 0),
    averagePay: { value: pay.value, complete: pay.complete },
    countiesMissing: counties.filter((c) => !present.has(c)),
  };
}

/** The ownerships that have industries at the level in the year, for the picker: one probe each. */
async function ownershipsOf(
  db: Executor,
  counties: readonly string[],
  agglvl: number,
  year: number,
): Promise<OwnershipChoice[]> {
  const choices = Object.entries(OWNERSHIP_CHOICES) as [OwnershipChoice, number][];
  const present = await queryRows<{ own: number }>(
    db,
    sql`select o.own::int as own
        from unnest(${sql.param(choices.map(([, code]) => code))}::smallint[]) as o(own)
        where exists (
          select 1 from qcew_rows
          where area_fips = any(${sql.param(counties)}::text[]) and agglvl_code = ${agglvl}
            and year = ${year} and quarter = 0 and own_code = o.own
        )`,
  );
  const codes = new Set(present.map((p) => p.own));
  return choices.filter(([, code]) => codes.has(code)).map(([choice]) => choice);
}

function changeOut(fromYear: number, change: RegionChange) {
  return { fromYear, ...change };
}

/** Nothing imported for the counties: what the visitor and an admin can do about it. */
export const NOTHING_IMPORTED = msg({
  id: "server.qcew.nothingImported",
  defaultMessage:
    "No BLS QCEW figures are imported for these counties. An admin imports them on the Regional economy data page (Admin, then Regional economy data: fetch them from the BLS or upload the annual area files) or with `shared-table import-qcew '<files>'`.",
});

export async function regionEconomy(
  db: Executor,
  query: RegionEconomyQuery,
  locale: AppLocale = "en",
): Promise<RegionEconomy> {
  const { fips: counties, known, cbsa } = await resolveCounties(db, query);
  // The region's all-industry totals of every imported year, and the nation's (the LQ base).
  const totalRows = await queryRows<TotalRow>(
    db,
    sql`select year::int as year, area_fips as "areaFips", establishments, employment,
               total_wages::float8 as "totalWages"
        from qcew_rows
        where area_fips = any(${sql.param([...counties, US_AREA])}::text[])
          and agglvl_code in (${COUNTY_TOTAL}, ${US_TOTAL}) and own_code = ${OWN_TOTAL}
          and industry_code = ${INDUSTRY_TOTAL} and quarter = 0 and size_code = 0
        order by year, area_fips`,
  );
  const totals = totalRows.filter((r) => r.areaFips !== US_AREA);
  const usTotals = new Map(
    totalRows.flatMap((r) =>
      r.areaFips === US_AREA && r.employment !== null ? [[r.year, r.employment]] : [],
    ),
  );
  const years = [...new Set(totals.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length === 0) throw new AppError("not_found", NOTHING_IMPORTED);
  const year = query.year ?? years.at(-1)!;
  if (!years.includes(year)) {
    throw new AppError(
      "not_found",
      msg(
        {
          id: "server.qcew.yearNotImported",
          defaultMessage:
            "No BLS QCEW annual figures for {year} are imported for these counties; imported: {years}.",
        },
        { year: String(year), years: years.join(", ") },
      ),
    );
  }

  const fiveYear = years.includes(year - 5) ? year - 5 : null;
  // Shift-share needs an earlier year: five years back when imported, else the earliest one.
  const shiftFrom = fiveYear ?? years.find((y) => y < year) ?? null;
  const agglvl = countyAgglvl(query.level);
  const usAgglvl = agglvlFor("national", detailOfNaicsLevel(naicsLevelOf(query.level)));
  const ownCode = OWNERSHIP_CHOICES[query.ownership];
  const sums = await industrySums(db, { counties, agglvl, usAgglvl, ownCode, year, earlierYear: shiftFrom });
  const ownerships = await ownershipsOf(db, counties, agglvl, year);

  const yearTotals = totalsOf(year, counties, totals);
  const regionJobs: RegionSum = yearTotals.jobs;
  const usTotal = usTotals.get(year) ?? null;
  const usTotalEarlier = shiftFrom === null ? null : (usTotals.get(shiftFrom) ?? null);
  const notes: string[] = [];
  if (usTotal === null)
    notes.push(`Location quotients need the national file (${US_AREA}) for ${year}, which is not imported.`);

  const industries: IndustryFigures[] = sums.map((s) => {
    const pay = averagePay(s.wages, s.jobs);
    const ratio = payRatio(pay, { ...yearTotals.averagePay, undisclosedAreas: 0 });
    const lq = locationQuotient({
      regionIndustry: s.jobs,
      regionTotal: regionJobs,
      usIndustry: s.usJobs,
      usTotal,
    });
    const lqReason =
      lq.value !== null
        ? null
        : translate(
            locale,
            usTotal === null
              ? msg(
                  {
                    id: "server.qcew.profile.noNationalFile",
                    defaultMessage: "the national file ({area}) for {year} is not imported",
                  },
                  { area: US_AREA, year: String(year) },
                )
              : s.usJobs === null
                ? msg({
                    id: "server.qcew.profile.noNationalFigure",
                    defaultMessage: "no national figure for this industry",
                  })
                : msg({ id: "server.qcew.profile.noJobsToCompare", defaultMessage: "no jobs to compare" }),
          );
    let shift: IndustryFigures["shiftShare"] = null;
    if (shiftFrom !== null && s.sinceEarlier) {
      const parts =
        s.usJobs !== null && s.usEarlierJobs !== null && usTotal !== null && usTotalEarlier !== null
          ? shiftShare({
              region: s.sinceEarlier,
              usIndustry: { earlier: s.usEarlierJobs, later: s.usJobs },
              usTotal: { earlier: usTotalEarlier, later: usTotal },
            })
          : null;
      if (parts)
        shift = {
          fromYear: shiftFrom,
          total: parts.total,
          nationalGrowth: parts.nationalGrowth,
          industryMix: parts.industryMix,
          regionalShare: parts.regionalShare,
          complete: parts.complete,
        };
    }
    return {
      code: s.code,
      title: s.title ?? s.code,
      jobs: s.jobs,
      share: shareOf(s.jobs, regionJobs),
      establishments: s.establishments,
      averagePay: { value: pay.value, complete: pay.complete },
      payRatio: ratio,
      locationQuotient: { value: lq.value, complete: lq.complete, reason: lqReason },
      oneYear: changeOut(year - 1, s.oneYear),
      fiveYear: fiveYear !== null && s.sinceEarlier ? changeOut(fiveYear, s.sinceEarlier) : null,
      shiftShare: shift,
    };
  });

  const names = new Map(known.map((c) => [c.fips, c]));
  return {
    counties: counties.map((f) => {
      const c = names.get(f);
      return {
        fips: f,
        name: c?.name ?? f,
        state: c ? (stateByFips(c.stateFips)?.abbr ?? c.stateFips) : f.slice(0, 2),
      };
    }),
    cbsa,
    year,
    level: query.level,
    ownership: query.ownership,
    ownerships,
    totals: yearTotals,
    years: years.map((y) => totalsOf(y, counties, totals)),
    industries,
    notes,
    source: `BLS QCEW, ${year} annual averages`,
  };
}

/** Metro and micro areas of the reference data whose title or code matches, with their county counts. */
export async function listMetroAreas(db: Executor, q: string | undefined): Promise<{ items: MetroArea[] }> {
  const pattern = `%${(q ?? "").replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const items = await queryRows<MetroArea>(
    db,
    sql`select cbsa_code as code, min(cbsa_title) as title, min(cbsa_type) as type, count(*)::int as counties
        from counties
        where cbsa_code is not null and cbsa_type in ('metro', 'micro')
          and (cbsa_title ilike ${pattern} or cbsa_code like ${pattern})
        group by cbsa_code
        order by min(cbsa_title)
        limit 50`,
  );
  return { items };
}
