import { sql } from "drizzle-orm";
import type { Audience, Rollup, RollupNumbers, Visibility } from "../../../core/impact.js";
import { rollupOf, sharedVisibleTo } from "../../../core/impact.js";
import { stateByFips } from "../../../core/geography.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { rememberValue } from "./cache.js";
import { loadCatalog } from "./indicators-service.js";
import { peerProfiles } from "./peers.js";

function numbers(values: number[], rule: "sum" | "compare") {
  const n: RollupNumbers = rollupOf(values, rule);
  return n.rule === "sum"
    ? { reporting: n.reporting, total: n.total, q1: null, median: null, q3: null }
    : { reporting: n.reporting, total: null, q1: n.q1, median: n.median, q3: n.q3 };
}

function push<K>(map: Map<K, number[]>, key: K, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** NAICS sector titles by code ("31-33" -> "Manufacturing"), remembered with the answers. */
export function sectorTitles(deps: AppDeps): Promise<Map<string, string>> {
  return rememberValue(deps.answers, "impact:sector-titles", () => loadSectorTitles(deps.db));
}

async function loadSectorTitles(db: Executor): Promise<Map<string, string>> {
  const rows = await queryRows<{ code: string; title: string }>(
    db,
    sql`select code, title from naics_codes where level = 2`,
  );
  return new Map(rows.map((r) => [r.code, r.title]));
}

/**
 * The community roll-up of a year: totals of the summable indicators and quartiles of the
 * compared ones, with the number of partnerships reporting, by industry sector and by state.
 * Built from annual actual values whose visibility the audience may see in aggregate.
 */
export async function computeRollup(deps: AppDeps, period: string, audience: Audience): Promise<Rollup> {
  const shared: Visibility[] = sharedVisibleTo(audience);
  const [catalog, profiles, titles, rows] = await Promise.all([
    loadCatalog(deps.db),
    peerProfiles(deps.db, deps.answers),
    sectorTitles(deps),
    queryRows<{ id: string; indicator: string; value: number }>(
      deps.db,
      sql`select m.partnership_id as id, m.indicator_key as indicator, m.value from measurements m
          where m.period = ${period} and m.kind = 'actual'
            and m.visibility in (${sql.join(
              shared.map((v) => sql`${v}`),
              sql`, `,
            )})`,
    ),
  ]);
  const all = new Map<string, number[]>();
  const bySector = new Map<string, Map<string, number[]>>();
  const byState = new Map<string, Map<string, number[]>>();
  const reporting = new Set<string>();
  for (const row of rows) {
    const profile = profiles.get(row.id);
    if (!profile || !catalog.has(row.indicator)) continue;
    reporting.add(row.id);
    push(all, row.indicator, row.value);
    if (!bySector.has(row.indicator)) bySector.set(row.indicator, new Map());
    if (!byState.has(row.indicator)) byState.set(row.indicator, new Map());
    push(bySector.get(row.indicator)!, profile.sector, row.value);
    push(byState.get(row.indicator)!, profile.state, row.value);
  }
  const items: Rollup["items"] = [];
  for (const indicator of catalog.values()) {
    const values = all.get(indicator.key);
    if (!values) continue;
    items.push({
      indicator: indicator.key,
      name: indicator.name,
      area: indicator.area,
      unit: indicator.unit,
      rollup: indicator.rollup,
      ...numbers(values, indicator.rollup),
      bySector: [...(bySector.get(indicator.key) ?? new Map<string, number[]>())]
        .map(([sector, list]) => ({
          sector: titles.get(sector) ? `${titles.get(sector)} (${sector})` : sector || "Unknown",
          ...numbers(list, indicator.rollup),
        }))
        .sort((a, b) => b.reporting - a.reporting || a.sector.localeCompare(b.sector)),
      byState: [...(byState.get(indicator.key) ?? new Map<string, number[]>())]
        .map(([state, list]) => ({
          state: stateByFips(state)?.name ?? (state || "Unknown"),
          ...numbers(list, indicator.rollup),
        }))
        .sort((a, b) => a.state.localeCompare(b.state)),
    });
  }
  return {
    period,
    audience: audience === "public" ? "public" : "practitioner",
    partnershipsReporting: reporting.size,
    items,
  };
}

export function rollupAudience(actor: Actor | null): Audience {
  return actor ? "practitioner" : "public";
}

/** The roll-up as serialized JSON, cached until values change (here or in another process). */
export function rollupJson(deps: AppDeps, actor: Actor | null, period: string): Promise<string> {
  const audience = rollupAudience(actor);
  return deps.answers.remember(`impact:rollup:${period}:${audience}`, () =>
    computeRollup(deps, period, audience),
  );
}
