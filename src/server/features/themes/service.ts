import { sql } from "drizzle-orm";
import { rollUpThemes, type ThemeRollup, type ThemeRollupQuery } from "../../../core/themes.js";
import { stateByFips } from "../../../core/geography.js";
import type { Theme } from "../../../core/vocabulary.js";
import { queryRows } from "../../../db/query.js";
import type { AppDeps } from "../../deps.js";
import { peerProfiles } from "../impact/peers.js";
import { sectorTitles } from "../impact/rollup.js";

/**
 * What partnerships work on: active priorities of live partnerships by theme, narrowed to an
 * industry sector and a state when asked. Grouping reuses the benchmarks' partnership profiles
 * (main industry's sector, the state where most counties lie).
 */
export async function themeRollup(deps: AppDeps, query: ThemeRollupQuery): Promise<ThemeRollup> {
  const [profiles, titles, rows] = await Promise.all([
    peerProfiles(deps.db, deps.answers),
    sectorTitles(deps),
    queryRows<{ partnership_id: string; theme: Theme | null }>(
      deps.db,
      sql`select pr.partnership_id, pr.theme from priorities pr
          join partnerships p on p.id = pr.partnership_id and p.deleted_at is null
          where pr.status = 'active'`,
    ),
  ]);
  const themed = rows.flatMap((r) => {
    const profile = profiles.get(r.partnership_id);
    if (!profile) return [];
    if (query.industry && profile.sector !== query.industry) return [];
    if (query.state && profile.state !== query.state) return [];
    return [
      { partnershipId: r.partnership_id, theme: r.theme, sector: profile.sector, state: profile.state },
    ];
  });
  return rollUpThemes(themed, query, {
    sector: (code) => (titles.get(code) ? `${titles.get(code)} (${code})` : code),
    state: (fips) => stateByFips(fips)?.name ?? fips,
  });
}
