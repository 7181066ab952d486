/**
 * The vocabulary of QCEW rows: what an aggregation level (agglvl_code) and an ownership code
 * mean, and at which NAICS level a row sits. A region is summed from county rows, and its
 * location quotient compares them with national rows of the same detail, so both directions
 * (code to meaning, meaning to code) are needed.
 */

/** The kind of area an aggregation level describes. */
export type QcewAreaKind = "national" | "csa" | "msa" | "state" | "county" | "micro" | "us-aggregate";

/** How finely a row cuts industries. */
export type QcewDetail =
  | "total" // all industries, all ownerships together
  | "ownership" // all industries, one ownership
  | "domain" // goods-producing / service-providing (BLS codes 101, 102)
  | "supersector" // BLS supersectors (1011 ... 1029)
  | "sector" // NAICS 2-digit or range sector (31-33)
  | "naics3"
  | "naics4"
  | "naics5"
  | "naics6";

/** The NAICS depth of an industry row: a sector (2-digit or range) or 3 to 6 digits. */
export type NaicsLevel = "sector" | 3 | 4 | 5 | 6;

export interface AgglvlMeaning {
  code: number;
  area: QcewAreaKind;
  /** null for the few US-wide aggregates (91-96) that are not an industry cut. */
  detail: QcewDetail | null;
  /** Size-class levels (21-28, 61-64) split private establishments by size; size_code is then not 0. */
  bySize: boolean;
}

const DETAIL_BY_LAST_DIGIT: readonly QcewDetail[] = [
  "total",
  "ownership",
  "domain",
  "supersector",
  "sector",
  "naics3",
  "naics4",
  "naics5",
  "naics6",
];

/** The first digit of the by-ownership levels: 1x national, 4x MSA, 5x state, 7x county. */
const AREA_BY_TENS: Partial<Record<number, QcewAreaKind>> = {
  1: "national",
  4: "msa",
  5: "state",
  7: "county",
};
const TENS_BY_AREA: Partial<Record<QcewAreaKind, number>> = { national: 1, msa: 4, state: 5, county: 7 };

/** What an agglvl_code means; undefined for codes BLS does not use. */
export function agglvlMeaning(code: number): AgglvlMeaning | undefined {
  const tens = Math.floor(code / 10);
  const last = code % 10;
  const area = AREA_BY_TENS[tens];
  if (area && last <= 8) return { code, area, detail: DETAIL_BY_LAST_DIGIT[last], bySize: false };
  // National (21-28) and state (61-64) private rows by establishment size class: x1 is the
  // private total, and from x2 on the last digit means what it does in the ownership levels.
  if ((tens === 2 && last >= 1 && last <= 8) || (tens === 6 && last >= 1 && last <= 4)) {
    return {
      code,
      area: tens === 2 ? "national" : "state",
      detail: DETAIL_BY_LAST_DIGIT[last === 1 ? 0 : last],
      bySize: true,
    };
  }
  if (code === 30) return { code, area: "csa", detail: "total", bySize: false };
  if (code === 80) return { code, area: "micro", detail: "total", bySize: false };
  if (code >= 91 && code <= 96) return { code, area: "us-aggregate", detail: null, bySize: false };
  return undefined;
}

/**
 * The agglvl_code of rows of `detail` for an area kind that BLS cuts by ownership: county
 * ("county", "sector") is 74, its national counterpart ("national", "sector") is 14.
 */
export function agglvlFor(area: "national" | "msa" | "state" | "county", detail: QcewDetail): number {
  return TENS_BY_AREA[area]! * 10 + DETAIL_BY_LAST_DIGIT.indexOf(detail);
}

/**
 * The agglvl_code of the same detail in another kind of area: a county's 76 is the nation's 16.
 * This is how a region's rows find the national rows their location quotient compares with.
 */
export function counterpartAgglvl(
  code: number,
  area: "national" | "msa" | "state" | "county",
): number | undefined {
  const meaning = agglvlMeaning(code);
  if (!meaning?.detail || meaning.bySize || !TENS_BY_AREA[meaning.area]) return undefined;
  return agglvlFor(area, meaning.detail);
}

/** The NAICS level of a detail, or null for totals, ownership, domain and supersector rows. */
export function naicsLevelOfDetail(detail: QcewDetail | null): NaicsLevel | null {
  switch (detail) {
    case "sector":
      return "sector";
    case "naics3":
      return 3;
    case "naics4":
      return 4;
    case "naics5":
      return 5;
    case "naics6":
      return 6;
    default:
      return null;
  }
}

/** The NAICS level of a row, from its aggregation level (the code's length alone misleads: "1011" is a supersector). */
export function naicsLevelOfRow(row: { agglvlCode: number }): NaicsLevel | null {
  return naicsLevelOfDetail(agglvlMeaning(row.agglvlCode)?.detail ?? null);
}

/**
 * The NAICS level of an industry code by its shape. Codes starting with 10 are BLS's own
 * aggregates (10 all industries, 101 goods-producing, 1011 ...): NAICS has no sector 10.
 */
export function naicsLevelOfCode(industryCode: string): NaicsLevel | null {
  if (industryCode.startsWith("10")) return null;
  if (/^\d\d(-\d\d)?$/.test(industryCode)) return "sector";
  if (/^\d{3,6}$/.test(industryCode)) return industryCode.length as 3 | 4 | 5 | 6;
  return null;
}

/** The agglvl detail that holds industries of a NAICS level. */
export function detailOfNaicsLevel(level: NaicsLevel): QcewDetail {
  return level === "sector" ? "sector" : (`naics${level}` as QcewDetail);
}

/** BLS own_code titles. 0 is the all-ownership total that location quotients divide by. */
export const OWNERSHIP_TITLES: Readonly<Record<number, string>> = {
  0: "Total Covered",
  1: "Federal Government",
  2: "State Government",
  3: "Local Government",
  4: "International Government",
  5: "Private",
  8: "Total Government",
  9: "Total U.I. Covered (Excludes Federal Government)",
};

export const OWN_TOTAL = 0;
export const OWN_PRIVATE = 5;
/** The ownerships that together make up own_code 0 in county files (federal, state, local, private). */
export const OWN_PARTS: readonly number[] = [1, 2, 3, 5];

export function ownershipTitle(ownCode: number): string {
  return OWNERSHIP_TITLES[ownCode] ?? `Ownership ${ownCode}`;
}

/** BLS's industry code for all industries (on agglvl 10, 40, 50, 70 rows). */
export const INDUSTRY_TOTAL = "10";

/** "39049" county, "39000" state, "C1814" MSA/MicroSA, "CS198" CSA, "US000" nation. */
export function areaKindOf(areaFips: string): "national" | "state" | "county" | "cbsa" | "csa" | "other" {
  if (areaFips === "US000") return "national";
  if (/^CS\d{3}$/.test(areaFips)) return "csa";
  if (/^C\d{4}$/.test(areaFips)) return "cbsa";
  if (/^\d\d000$/.test(areaFips)) return "state";
  if (/^\d{5}$/.test(areaFips)) return "county";
  return "other";
}

/** BLS names a metro or micro area "C" + the first four digits of its CBSA code (18140 -> C1814). */
export function qcewAreaOfCbsa(cbsaCode: string): string {
  return `C${cbsaCode.slice(0, 4)}`;
}
