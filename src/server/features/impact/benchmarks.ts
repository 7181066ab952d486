import { and, eq, inArray } from "drizzle-orm";
import type { BenchmarkAnswer, Indicator, PeerGroup } from "../../../core/impact.js";
import { benchmarkOf, sharedVisibleTo, visibleTo } from "../../../core/impact.js";
import { measurements } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { fieldError } from "../../errors.js";
import { notInCatalog } from "./validate.js";
import { impactAccess, type ImpactAccess } from "./access.js";
import { loadCatalog } from "./indicators-service.js";
import { peerProfiles, peerValues, type PeerProfile } from "./peers.js";
import { rememberValue } from "./cache.js";
import { periodValues } from "../../lib/answer-cache.js";

function inGroup(group: PeerGroup, own: PeerProfile | undefined, peer: PeerProfile): boolean {
  if (group === "all" || !own) return group === "all";
  if (group === "industry") return peer.sector === own.sector;
  if (group === "state") return peer.state === own.state;
  return peer.setting === own.setting;
}

/**
 * Where a partnership stands among its peers for one indicator and period. Peers are the other
 * partnerships with an actual value whose visibility is community or public (public only for a
 * visitor who is not signed in); the partnership's own value shows as far as the caller may see it.
 */
export async function benchmark(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  query: { indicator: string; period: string; peers: PeerGroup },
): Promise<BenchmarkAnswer> {
  const access = await impactAccess(deps.db, id, actor);
  const catalog = await rememberValue(deps.answers, "impact:catalog", () => loadCatalog(deps.db));
  const indicator = catalog.get(query.indicator);
  if (!indicator) throw fieldError("indicator", notInCatalog(query.indicator));
  const ownId = access.partnership.id;
  // The whole answer is kept beside the peers' values it was made of, under the same period's
  // topic: entering values of that period, changing the catalog or a partnership forgets it.
  // Members open their benchmarks again and again; the answer is only made again after a change.
  return rememberValue(
    deps.answers,
    `${periodValues(query.period)}:benchmark:${ownId}:${indicator.key}:${query.period}:${query.peers}:${access.audience}`,
    () => benchmarkAnswer(deps, access, indicator, query),
  );
}

async function benchmarkAnswer(
  deps: AppDeps,
  access: ImpactAccess,
  indicator: Indicator,
  query: { indicator: string; period: string; peers: PeerGroup },
): Promise<BenchmarkAnswer> {
  const ownId = access.partnership.id;
  const [profiles, values, ownRows] = await Promise.all([
    peerProfiles(deps.db, deps.answers),
    peerValues(deps.db, deps.answers, indicator.key, query.period, sharedVisibleTo(access.audience)),
    deps.db
      .select({ value: measurements.value })
      .from(measurements)
      .where(
        and(
          eq(measurements.partnershipId, ownId),
          eq(measurements.indicatorKey, indicator.key),
          eq(measurements.period, query.period),
          eq(measurements.kind, "actual"),
          inArray(measurements.visibility, visibleTo(access.audience)),
        ),
      ),
  ]);
  const own = profiles.get(ownId);
  const peers: { value: number; profile: PeerProfile }[] = [];
  for (const v of values) {
    const profile = profiles.get(v.id);
    if (v.id !== ownId && profile && inGroup(query.peers, own, profile))
      peers.push({ value: v.value, profile });
  }
  const numbers = benchmarkOf(
    ownRows[0]?.value ?? null,
    peers.map((p) => p.value),
    indicator.direction,
  );
  const head = { indicator: indicator.key, period: query.period, group: query.peers };
  if (numbers.suppressed) return { ...head, peers: numbers.peers, suppressed: true };
  // A yes/no outcome is benchmarked as the share of peers that achieved it (5 peers at least).
  const { share, ...rest } = numbers;
  return {
    ...head,
    ...rest,
    ...(indicator.unit === "yes_no" ? { share } : {}),
    named: peers
      .filter((p) => p.profile.named)
      .map((p) => ({ name: p.profile.name, slug: p.profile.slug, value: p.value }))
      .sort((a, b) => a.value - b.value),
  };
}
