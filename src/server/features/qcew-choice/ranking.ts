/**
 * Choosing an industry: the region's profile (one read of its rows, as /regions/economy) ranked
 * by the core's pure ranking, plus one reference lookup for the codes a partnership accepts.
 * No per-industry queries, so the ranking costs about what the profile costs.
 */
import { sql } from "drizzle-orm";
import {
  codesToLookUp,
  rankIndustries,
  type IndustryRanking,
  type RankingQuery,
} from "../../../core/qcew/ranking.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { regionEconomy } from "../qcew/profile.js";

/**
 * Which of these codes (and their broader codes) are reference NAICS codes a partnership accepts.
 * The reference list is a few thousand short codes: reading it whole as one JSON value is
 * cheaper than sending a thousand codes to look up (PGlite parses a long array parameter slowly).
 */
export async function knownNaicsCodes(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  const lookUp = codesToLookUp(codes);
  if (lookUp.length === 0) return new Set();
  const [row] = await queryRows<{ codes: string[] }>(
    db,
    sql`select coalesce(json_agg(code), '[]'::json) as codes from naics_codes`,
  );
  const reference = new Set(row?.codes ?? []);
  return new Set(lookUp.filter((code) => reference.has(code)));
}

export async function industryRanking(db: Executor, query: RankingQuery): Promise<IndustryRanking> {
  const { concentration, size, growth, pay, minJobs, ...region } = query;
  const profile = await regionEconomy(db, region);
  const knownCodes = await knownNaicsCodes(
    db,
    profile.industries.map((i) => i.code),
  );
  return rankIndustries(profile, { weights: { concentration, size, growth, pay }, minJobs, knownCodes });
}
