import { sql } from "drizzle-orm";
import type { Audience, Rollup, RollupNumbers, RollupRule, Visibility } from "../../../core/impact.js";
import { fundingSources, rollupOf, sharedVisibleTo } from "../../../core/impact.js";
import { BUSINESSES_ENGAGED } from "./catalog.js";
import { stateByFips } from "../../../core/geography.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { periodValues } from "../../lib/answer-cache.js";
import { rememberValue } from "./cache.js";
import { loadCatalog } from "./indicators-service.js";
import { peerProfiles } from "./peers.js";

function numbers(values: number[], rule: RollupRule) {
  const n: RollupNumbers = rollupOf(values, rule);
  if (n.rule === "share")
    return { reporting: n.reporting, total: null, q1: null, median: null, q3: null, share: n.share };
  return n.rule === "sum"
    ? { reporting: n.reporting, total: n.total, q1: null, median: null, q3: null }
    : { reporting: n.reporting, total: null, q1: n.q1, median: n.median, q3: n.q3 };
}

/**
 * Business organizations engaged in a year, by partnership: those with at least one business
 * member or champion whose seat overlapped the year. Computed from the table, never typed.
 */
export async function businessesEngaged(
  db: Executor,
  year: number,
  partnershipId?: string,
): Promise<Map<string, number>> {
  const start = new Date(Date.UTC(year, 0, 1)).toISOString();
  const end = new Date(Date.UTC(year + 1, 0, 1)).toISOString();
  const rows = await queryRows<{ id: string; n: number }>(
    db,
    sql`select m.partnership_id as id, count(distinct m.organization_id)::int as n
        from memberships m join organizations o on o.id = m.organization_id
        where o.kind = 'business' and m.role in ('champion', 'business_member')
          and m.joined_at < ${end}::timestamptz
          and (m.left_at is null or m.left_at >= ${start}::timestamptz)
          ${partnershipId ? sql`and m.partnership_id = ${partnershipId}::uuid` : sql``}
        group by m.partnership_id`,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
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
  const [catalog, profiles, titles, rows, engaged] = await Promise.all([
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
    // Counted from the members; a visitor's roll-up holds only values partnerships made public.
    audience === "public" ? new Map<string, number>() : businessesEngaged(deps.db, Number(period)),
  ]);
  const computed = [...engaged].map(([id, value]) => ({ id, indicator: BUSINESSES_ENGAGED, value }));
  const all = new Map<string, number[]>();
  const bySector = new Map<string, Map<string, number[]>>();
  const byState = new Map<string, Map<string, number[]>>();
  const reporting = new Set<string>();
  for (const row of [...rows.filter((r) => r.indicator !== BUSINESSES_ENGAGED), ...computed]) {
    const profile = profiles.get(row.id);
    if (!profile || !catalog.has(row.indicator)) continue;
    if (row.indicator !== BUSINESSES_ENGAGED) reporting.add(row.id);
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
  // Leveraged funding by where it came from: the totals of the indicators of each source.
  const fundingBySource = fundingSources.flatMap((source) => {
    const of = items.filter((i) => catalog.get(i.indicator)?.fundingSource === source);
    if (of.length === 0) return [];
    const ids = new Set(
      rows.filter((r) => profiles.has(r.id) && of.some((i) => i.indicator === r.indicator)).map((r) => r.id),
    );
    return [{ source, reporting: ids.size, total: of.reduce((sum, i) => sum + (i.total ?? 0), 0) }];
  });
  return {
    period,
    audience: audience === "public" ? "public" : "practitioner",
    partnershipsReporting: reporting.size,
    items,
    fundingBySource,
  };
}

export function rollupAudience(actor: Actor | null): Audience {
  return actor ? "practitioner" : "public";
}

/** The roll-up as serialized JSON, cached until values change (here or in another process). */
export function rollupJson(deps: AppDeps, actor: Actor | null, period: string): Promise<string> {
  const audience = rollupAudience(actor);
  return deps.answers.remember(`${periodValues(period)}:rollup:${period}:${audience}`, () =>
    computeRollup(deps, period, audience),
  );
}
