/**
 * The partnership's own regional economy panel from the imported BLS QCEW annual averages: its
 * industry codes in its counties, per code and together, over every imported year. The sums and
 * ratios are the core QCEW math's (suppressed cells stay unknown, never zero); this file reads
 * the rows and decides, per code and year, whether the year's NAICS version has the code.
 */
import { readFileSync } from "node:fs";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { stateByFips } from "../../../core/geography.js";
import { naicsSector, naicsWithin } from "../../../core/naics.js";
import { changeBetween, otyChangeOverAreas, type RegionChange } from "../../../core/qcew/change.js";
import {
  agglvlFor,
  counterpartAgglvl,
  detailOfNaicsLevel,
  INDUSTRY_TOTAL,
  naicsLevelOfCode,
  OWN_PRIVATE,
  OWN_TOTAL,
  type NaicsLevel,
} from "../../../core/qcew/levels.js";
import { locationQuotient } from "../../../core/qcew/location-quotient.js";
import {
  naicsVersionOfYear,
  notInVersionNotice,
  panelSourceLine,
  type PanelChange,
  type PanelFigures,
  type PanelOwnership,
  type PanelYear,
  type PartnershipEconomy,
} from "../../../core/qcew/partnership-panel.js";
import { averagePay } from "../../../core/qcew/pay.js";
import { sumOverAreas, type RegionSum } from "../../../core/qcew/region.js";
import type { Executor } from "../../../db/open.js";
import { projectPath } from "../../../db/project-root.js";
import { queryRows, readTogether } from "../../../db/query.js";
import { counties, naicsCodes, partnershipCounties, partnershipNaics } from "../../../db/schema/index.js";
import { findPartnership } from "../partnerships/find.js";
import { QCEW_FIGURE_COLUMNS, US_AREA, type QcewFigures } from "./service.js";

const COUNTY_TOTAL = agglvlFor("county", "total");
const US_TOTAL = agglvlFor("national", "total");

let naics2017: Set<string> | undefined;
/** The NAICS 2017 codes the product ships (data/reference), the version of 2017-2021 data. */
function naics2017Codes(): Set<string> {
  naics2017 ??= new Set(
    (
      JSON.parse(readFileSync(projectPath("data", "reference", "naics-2017.json"), "utf8")) as {
        code: string;
      }[]
    ).map((c) => c.code),
  );
  return naics2017;
}

/**
 * The codes of a NAICS version, or null when the reference data cannot tell. NAICS 2017 ships
 * with the product; the codes of 2022 are known once an admin imported the Census 2022 file
 * (its codes are marked edition 2022; codes only of 2017 keep edition 2017).
 */
async function versionCodes(db: Executor, version: number, codes: string[]): Promise<Set<string> | null> {
  if (version === 2017) return naics2017Codes();
  if (version !== 2022) return null;
  // Only the codes asked about, and whether any 2022 code is there at all.
  const rows = await queryRows<{ code: string | null }>(
    db,
    sql`select code from naics_codes where edition = 2022 and code = any(${sql.param(codes)}::text[])
        union all
        select null from (select 1 from naics_codes where edition = 2022 limit 1) as known`,
  );
  if (rows.length === 0) return null;
  return new Set(rows.flatMap((r) => (r.code === null ? [] : [r.code])));
}

export interface PanelRegion {
  codes: string[];
  counties: string[];
}

interface TotalRow {
  year: number;
  areaFips: string;
  employment: number | null;
}

/** One code's rows in one year, as chosen for the panel. */
interface CodeYear {
  code: string;
  status: PanelYear["status"];
  notice: string | null;
  ownership: PanelOwnership | null;
  rows: QcewFigures[];
  us: QcewFigures | null;
}

const YEAR_MISSING = (code: string, level: NaicsLevel, year: number) =>
  `The BLS QCEW files imported for ${year} hold no ${level === "sector" ? "sector" : `${level}-digit`} industries for these counties, so there are no figures for ${code} in ${year}.`;

/** A plain two-digit code inside a range sector: BLS publishes 31-33, never 31 alone. */
function rangePart(code: string): string | null {
  return /^\d\d$/.test(code) && naicsSector(code) !== code ? naicsSector(code) : null;
}

function changeOut(fromYear: number, toYear: number, change: RegionChange): PanelChange {
  return { fromYear, toYear, ...change };
}

function yearFigures(
  year: number,
  parts: CodeYear[],
  regionTotal: RegionSum,
  usTotal: number | null,
): Omit<PanelYear, "status" | "notice" | "naicsVersion" | "year"> {
  const rows = parts.flatMap((p) => p.rows);
  const jobs = sumOverAreas(rows.map((r) => ({ areaFips: r.areaFips, value: r.employment })));
  const wages = sumOverAreas(rows.map((r) => ({ areaFips: r.areaFips, value: r.totalWages })));
  const pay = averagePay(wages, jobs);
  const ownerships = [...new Set(parts.map((p) => p.ownership))];
  const usIndustry = parts.every((p) => p.us?.employment != null)
    ? parts.reduce((n, p) => n + (p.us?.employment ?? 0), 0)
    : null;
  const lq = locationQuotient({ regionIndustry: jobs, regionTotal, usIndustry, usTotal });
  const reason =
    lq.value !== null
      ? null
      : usTotal === null
        ? `the national file (${US_AREA}) for ${year} is not imported`
        : usIndustry === null
          ? "no national figure for this industry"
          : "no jobs to compare";
  return {
    ownership: ownerships.length === 1 ? ownerships[0] : null,
    jobs,
    establishments: rows.reduce((n, r) => n + r.establishments, 0),
    averagePay: { value: pay.value, complete: pay.complete },
    undisclosedCounties: [
      ...new Set(rows.filter((r) => r.employment === null || r.totalWages === null).map((r) => r.areaFips)),
    ].sort(),
    locationQuotient: { value: lq.value, complete: lq.complete, reason },
  };
}

function trend(
  years: number[],
  byYear: Map<number, CodeYear[]>,
): Pick<PanelFigures, "oneYear" | "overYears"> {
  const figured = years.filter((y) => byYear.get(y)!.every((p) => p.status === "figures"));
  const latest = years.at(-1)!;
  const latestParts = byYear.get(latest)!;
  const oneYear = figured.includes(latest)
    ? changeOut(
        latest - 1,
        latest,
        otyChangeOverAreas(
          latestParts
            .flatMap((p) => p.rows)
            .map((r) => ({
              areaFips: r.areaFips,
              current: r.employment,
              change: r.otyDisclosed ? r.otyEmploymentChg : null,
            })),
        ),
      )
    : null;
  const first = figured[0];
  const last = figured.at(-1);
  const values = (y: number) =>
    byYear
      .get(y)!
      .flatMap((p) => p.rows)
      .map((r) => ({ areaFips: r.areaFips, value: r.employment }));
  const overYears =
    first !== undefined && last !== undefined && first < last
      ? changeOut(first, last, changeBetween(values(first), values(last)))
      : null;
  return { oneYear, overYears };
}

/**
 * Only the rows of the partnership's codes (not every industry of their levels, as a region
 * profile reads): the sync runs for every partnership of an imported file inside its
 * transaction, so it must stay small. Also which (year, level) the counties have any row of,
 * to tell "no such industry here" (a true zero) from "no files of that level imported".
 */
async function codeFigures(
  db: Executor,
  query: { counties: string[]; years: number[]; agglvls: number[]; codes: string[] },
): Promise<{ counties: QcewFigures[]; us: QcewFigures[]; levels: Set<string> }> {
  const usAgglvls = query.agglvls.map((a) => counterpartAgglvl(a, "national")!);
  // One after the other: inside the importer's transaction they share one connection.
  const rows = await queryRows<QcewFigures & { part: "county" | "us" }>(
    db,
    sql`
        select 'county' as part, ${QCEW_FIGURE_COLUMNS} from qcew_rows
        where area_fips = any(${sql.param(query.counties)}::text[])
          and agglvl_code = any(${sql.param(query.agglvls)}::smallint[])
          and year = any(${sql.param(query.years)}::smallint[])
          and quarter = 0
          and industry_code = any(${sql.param(query.codes)}::text[])
        union all
        select 'us' as part, ${QCEW_FIGURE_COLUMNS} from qcew_rows
        where area_fips = ${US_AREA}
          and year = any(${sql.param(query.years)}::smallint[])
          and quarter = 0
          and ((agglvl_code = any(${sql.param(usAgglvls)}::smallint[]) and industry_code = any(${sql.param(query.codes)}::text[]))
            or (agglvl_code = ${US_TOTAL} and own_code = ${OWN_TOTAL} and industry_code = ${INDUSTRY_TOTAL}))`,
  );
  const present = await queryRows<{ year: number; agglvl: number }>(
    db,
    sql`
        select y.year::int as year, l.agglvl::int as agglvl
        from unnest(${sql.param(query.years)}::smallint[]) as y(year)
        cross join unnest(${sql.param(query.agglvls)}::smallint[]) as l(agglvl)
        where exists (
          select 1 from qcew_rows r
          where r.area_fips = any(${sql.param(query.counties)}::text[])
            and r.agglvl_code = l.agglvl and r.year = y.year and r.quarter = 0
        )`,
  );
  const result = { counties: [] as QcewFigures[], us: [] as QcewFigures[], levels: new Set<string>() };
  for (const { part, ...row } of rows) (part === "county" ? result.counties : result.us).push(row);
  for (const p of present) result.levels.add(`${p.year}:${p.agglvl}`);
  return result;
}

/** The panel's figures for a set of codes in a set of counties (the route's and the sync's). */
export async function panelFigures(
  db: Executor,
  region: PanelRegion,
): Promise<Pick<PartnershipEconomy, "years" | "year" | "codes" | "combined" | "notes" | "source">> {
  const codes = [...new Set(region.codes)];
  const fips = [...new Set(region.counties)].sort();
  const notes: string[] = [];
  if (codes.length === 0) notes.push("The partnership names no industry codes yet.");
  if (fips.length === 0) notes.push("The partnership names no counties yet.");
  const totals =
    fips.length === 0
      ? []
      : await queryRows<TotalRow>(
          db,
          sql`select year::int as year, area_fips as "areaFips", employment
              from qcew_rows
              where area_fips = any(${sql.param(fips)}::text[])
                and agglvl_code = ${COUNTY_TOTAL} and own_code = ${OWN_TOTAL}
                and industry_code = ${INDUSTRY_TOTAL} and quarter = 0 and size_code = 0
              order by year, area_fips`,
        );
  const years = [...new Set(totals.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length === 0 || codes.length === 0)
    return { years, year: years.at(-1) ?? null, codes: [], combined: null, notes, source: null };
  const year = years.at(-1)!;

  const levels = new Map<string, NaicsLevel | null>(codes.map((c) => [c, naicsLevelOfCode(c)]));
  const agglvls = [
    ...new Set(
      [...levels.values()].flatMap((l) => (l === null ? [] : [agglvlFor("county", detailOfNaicsLevel(l))])),
    ),
  ];
  const figures = await codeFigures(db, { counties: fips, years, agglvls, codes });
  const versions = new Map<number, Set<string> | null>();
  for (const version of new Set(years.map(naicsVersionOfYear)))
    versions.set(version, await versionCodes(db, version, codes));
  const titleRows = await db
    .select({ code: naicsCodes.code, title: naicsCodes.title })
    .from(naicsCodes)
    .where(inArray(naicsCodes.code, codes));
  const titles = new Map(titleRows.map((t) => [t.code, t.title]));

  const usTotalOf = (y: number) =>
    figures.us.find(
      (u) =>
        u.year === y &&
        u.agglvlCode === US_TOTAL &&
        u.ownCode === OWN_TOTAL &&
        u.industryCode === INDUSTRY_TOTAL,
    )?.employment ?? null;
  const regionTotalOf = (y: number) =>
    sumOverAreas(
      totals.filter((t) => t.year === y).map((t) => ({ areaFips: t.areaFips, value: t.employment })),
    );

  /** One code in one year: its status, and its rows of the chosen ownership. */
  const codeYear = (code: string, y: number): CodeYear => {
    const none = { code, ownership: null, rows: [], us: null };
    const level = levels.get(code) ?? null;
    const sector = rangePart(code);
    if (level === null || sector !== null)
      return {
        ...none,
        status: "not_published",
        notice: `BLS QCEW publishes no figures for ${code}${sector ? `: it publishes this sector as ${sector}` : ""}.`,
      };
    const known = versions.get(naicsVersionOfYear(y));
    if (known && !known.has(code))
      return { ...none, status: "not_in_version", notice: notInVersionNotice(code, y) };
    const agglvl = agglvlFor("county", detailOfNaicsLevel(level));
    if (!figures.levels.has(`${y}:${agglvl}`))
      return { ...none, status: "level_missing", notice: YEAR_MISSING(code, level, y) };
    const ofCode = figures.counties.filter(
      (r) => r.year === y && r.agglvlCode === agglvl && r.industryCode === code,
    );
    // BLS gives an industry's all-ownership total only in some files; county files cut
    // industries by ownership, and then the private rows are what the panel shows.
    const own = ofCode.some((r) => r.ownCode === OWN_TOTAL) ? OWN_TOTAL : OWN_PRIVATE;
    const usAgglvl = agglvlFor("national", detailOfNaicsLevel(level));
    return {
      code,
      status: "figures",
      notice: null,
      ownership: own === OWN_TOTAL ? "all" : "private",
      rows: ofCode.filter((r) => r.ownCode === own),
      us:
        figures.us.find(
          (u) => u.year === y && u.agglvlCode === usAgglvl && u.ownCode === own && u.industryCode === code,
        ) ?? null,
    };
  };

  const figuresOf = (code: string, title: string, parts: Map<number, CodeYear[]>): PanelFigures => ({
    code,
    title,
    years: years.map((y) => {
      const list = parts.get(y)!;
      const missing = list.filter((p) => p.status !== "figures");
      const base = { year: y, naicsVersion: naicsVersionOfYear(y) };
      if (missing.length === list.length)
        return {
          ...base,
          status: missing[0].status,
          notice: missing.map((m) => m.notice).join(" "),
          ownership: null,
          jobs: null,
          establishments: null,
          averagePay: null,
          undisclosedCounties: [],
          locationQuotient: null,
        };
      return {
        ...base,
        status: "figures",
        // Together, some codes without figures: say the sum leaves them out.
        notice: missing.length
          ? `Leaves out ${missing.map((m) => m.code).join(", ")}: ${missing.map((m) => m.notice).join(" ")}`
          : null,
        ...yearFigures(
          y,
          list.filter((p) => p.status === "figures"),
          regionTotalOf(y),
          usTotalOf(y),
        ),
      };
    }),
    ...trend(years, parts),
  });

  const perCode = new Map(codes.map((c) => [c, new Map(years.map((y) => [y, [codeYear(c, y)]]))]));
  const panelCodes = codes.map((c) => figuresOf(c, titles.get(c) ?? c, perCode.get(c)!));

  let combined: PanelFigures | null = null;
  if (codes.length > 1) {
    // A code inside another of the partnership's codes (622 within 62) is counted once.
    const outer = codes.filter((c) => !codes.some((o) => o !== c && naicsWithin(c, o)));
    const inner = codes.filter((c) => !outer.includes(c));
    if (inner.length)
      notes.push(
        `All codes together count ${inner.join(", ")} once, within ${outer.filter((o) => inner.some((i) => naicsWithin(i, o))).join(", ")}.`,
      );
    combined = figuresOf(
      "all",
      "All the partnership's industry codes",
      new Map(years.map((y) => [y, outer.map((c) => perCode.get(c)!.get(y)![0])])),
    );
  }

  const latestTotals = totals.filter((t) => t.year === year);
  const present = new Set(latestTotals.map((t) => t.areaFips));
  const absent = fips.filter((f) => !present.has(f));
  if (absent.length)
    notes.push(
      `No BLS QCEW figures for ${year} are imported for ${absent.join(", ")}; the sums leave them out.`,
    );
  if (usTotalOf(year) === null)
    notes.push(`Location quotients need the national file (${US_AREA}) for ${year}, which is not imported.`);
  const undisclosed = new Set(
    [...panelCodes, ...(combined ? [combined] : [])].flatMap(
      (f) => f.years.find((y) => y.year === year)?.undisclosedCounties ?? [],
    ),
  );
  return {
    years,
    year,
    codes: panelCodes,
    combined,
    notes,
    source: panelSourceLine(year, undisclosed.size, fips.length),
  };
}

/** The partnership's codes (in its order) and counties. */
export async function partnershipRegion(db: Executor, partnershipId: string) {
  const [codes, countyRows] = await readTogether(db, [
    () =>
      db
        .select({ code: partnershipNaics.code })
        .from(partnershipNaics)
        .where(eq(partnershipNaics.partnershipId, partnershipId))
        .orderBy(asc(partnershipNaics.position), asc(partnershipNaics.code)),
    () =>
      db
        .select({ fips: counties.fips, name: counties.name, stateFips: counties.stateFips })
        .from(partnershipCounties)
        .innerJoin(counties, eq(counties.fips, partnershipCounties.fips))
        .where(eq(partnershipCounties.partnershipId, partnershipId))
        .orderBy(counties.stateFips, counties.name),
  ]);
  return {
    codes: codes.map((c) => c.code),
    counties: countyRows.map((c) => ({
      fips: c.fips,
      name: c.name,
      state: stateByFips(c.stateFips)?.abbr ?? c.stateFips,
    })),
  };
}

export type PanelCore = Awaited<ReturnType<typeof panelFigures>>;

/** The partnership's panel, without the indicator values (see partnership-sync). */
export async function partnershipPanel(db: Executor, idOrSlug: string) {
  const p = await findPartnership(db, idOrSlug);
  const region = await partnershipRegion(db, p.id);
  const figures = await panelFigures(db, {
    codes: region.codes,
    counties: region.counties.map((c) => c.fips),
  });
  return { partnership: { id: p.id, slug: p.slug, name: p.name }, counties: region.counties, ...figures };
}
