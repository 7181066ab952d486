/** A team's region: counties named one by one, or a CBSA expanded to its counties (as coordinators do). */
import { eq, inArray, like } from "drizzle-orm";
import type { Executor } from "../../../db/open.js";
import { counties, regionalTeamCounties, regionalTeams } from "../../../db/schema/index.js";
import { fieldError } from "../../errors.js";
import { nameACounty, noCountyOfCbsa, notUsCounty } from "../coordinators/scope-area.js";
import { likeEscape } from "../../lib/sql.js";
import { slugify } from "../partnerships/slug.js";

export interface ResolvedRegion {
  fips: string[];
  /** The state with most of the counties (ties: the lower code): state coordinators see the team. */
  stateFips: string;
  cbsaTitle: string | null;
}

export async function resolveRegion(
  db: Executor,
  input: { counties?: string[]; cbsaCode?: string },
): Promise<ResolvedRegion> {
  let fips: string[] = [];
  let cbsaTitle: string | null = null;
  if (input.cbsaCode) {
    const rows = await db
      .select({ fips: counties.fips, title: counties.cbsaTitle })
      .from(counties)
      .where(eq(counties.cbsaCode, input.cbsaCode));
    if (rows.length === 0) throw fieldError("cbsaCode", noCountyOfCbsa);
    fips = rows.map((r) => r.fips);
    cbsaTitle = rows[0].title;
  }
  if (input.counties?.length) {
    const known = await db
      .select({ fips: counties.fips })
      .from(counties)
      .where(inArray(counties.fips, input.counties));
    const knownSet = new Set(known.map((k) => k.fips));
    const unknown = input.counties.find((f) => !knownSet.has(f));
    if (unknown) throw fieldError("counties", notUsCounty(unknown));
    fips = [...new Set([...fips, ...input.counties])];
  }
  if (fips.length === 0) throw fieldError("counties", nameACounty);
  fips.sort();
  const tally = new Map<string, number>();
  for (const f of fips) tally.set(f.slice(0, 2), (tally.get(f.slice(0, 2)) ?? 0) + 1);
  const stateFips = [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
  return { fips, stateFips, cbsaTitle };
}

/** Replaces the team's counties with the region's. */
export async function saveCounties(db: Executor, teamId: string, fips: readonly string[]): Promise<void> {
  await db.delete(regionalTeamCounties).where(eq(regionalTeamCounties.teamId, teamId));
  await db
    .insert(regionalTeamCounties)
    .values(fips.map((f) => ({ teamId, fips: f, stateFips: f.slice(0, 2) })));
}

/** A readable slug for the team's page, with -2, -3 ... when the name is taken by another team. */
export async function uniqueTeamSlug(db: Executor, name: string): Promise<string> {
  const base = slugify(name);
  const taken = new Set(
    (
      await db
        .select({ slug: regionalTeams.slug })
        .from(regionalTeams)
        .where(like(regionalTeams.slug, `${likeEscape(base)}%`))
    ).map((r) => r.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
