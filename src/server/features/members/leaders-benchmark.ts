import { sql } from "drizzle-orm";
import { MIN_PEERS, quartiles } from "../../../core/impact.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg } from "../../../core/i18n/msg.js";
import type { LeadersBenchmark } from "../../../core/members.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { translate } from "../../i18n/intl.js";
import { rememberValue } from "../impact/cache.js";
import { peerProfiles } from "../impact/peers.js";
import { sectorTitles } from "../impact/rollup.js";
import { partnershipFor } from "./service.js";

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Shares of influential business leaders, of tables that record at least one seniority. */
async function sharesWhere(deps: AppDeps, partnershipId?: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ id: string; business: number; influential: number }>(
    deps.db,
    sql`with seats as (
          select m.partnership_id, p.seniority
          from memberships m
          join people p on p.id = m.person_id
          join partnerships pa on pa.id = m.partnership_id and pa.deleted_at is null
          left join organizations o on o.id = m.organization_id
          where m.left_at is null
            and coalesce(o.kind = 'business', m.role in ('champion', 'business_member'))
            ${partnershipId ? sql`and m.partnership_id = ${partnershipId}` : sql``}
        )
        select partnership_id as id, count(*)::int as business,
               count(*) filter (where seniority in ('owner_ceo', 'executive'))::int as influential
        from seats group by partnership_id
        having count(seniority) > 0`,
  );
  return new Map(rows.map((r) => [r.id, r.influential / r.business]));
}

/**
 * Every table's share, for the peers: one pass over the memberships, remembered until the next
 * write that moves the directory (or a minute). A table that says nothing is not a zero.
 */
const peerShares = (deps: AppDeps) =>
  rememberValue(deps.answers, "members:influential-shares", () => sharesWhere(deps));

export async function leadersBenchmark(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  /** The reader's language, for the peer group's name. */
  locale: AppLocale,
): Promise<LeadersBenchmark> {
  const partnership = await partnershipFor(deps.db, id, actor, "viewMembers");
  const [profiles, shares, titles, mine] = await Promise.all([
    peerProfiles(deps.db, deps.answers),
    peerShares(deps),
    sectorTitles(deps),
    // The caller's own table is read now: a seniority just saved shows at once.
    sharesWhere(deps, partnership.id),
  ]);
  const own = mine.get(partnership.id);
  const sector = profiles.get(partnership.id)?.sector ?? "";
  const others = [...shares].filter(([pid]) => pid !== partnership.id && profiles.has(pid));
  const sameSector = sector ? others.filter(([pid]) => profiles.get(pid)?.sector === sector) : [];
  const [group, peers] =
    sameSector.length >= MIN_PEERS
      ? (["industry", sameSector] as const)
      : others.length >= MIN_PEERS
        ? (["community", others] as const)
        : ([null, others] as const);
  const q = group ? quartiles(peers.map(([, share]) => share)) : null;
  return {
    share: own === undefined ? null : round3(own),
    suppressed: group === null,
    peers: group ? peers.length : 0,
    group,
    groupLabel:
      group === "industry"
        ? titles.get(sector)
          ? `${titles.get(sector)} (${sector})`
          : sector
        : group === "community"
          ? translate(
              locale,
              msg({ id: "server.members.benchmark.allPartnerships", defaultMessage: "All partnerships" }),
            )
          : null,
    q1: q ? round3(q.q1) : null,
    median: q ? round3(q.median) : null,
    q3: q ? round3(q.q3) : null,
  };
}
