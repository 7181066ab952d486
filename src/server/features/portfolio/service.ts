/**
 * The portfolio of a coordinator's scope. Whatever the number of partnerships (a state holds 100 or
 * more, the national demo thousands), it costs the same five set-based queries over the selected
 * ids, assembled here; the flags, trend, filters and sort are core/portfolio.ts's pure rules.
 */
import { sql } from "drizzle-orm";
import { utcDate } from "../../../core/agenda.js";
import { stateByFips } from "../../../core/geography.js";
import {
  filterPortfolio,
  flagsOf,
  monthsBetween,
  portfolioFlags,
  shareTrend,
  sortPortfolio,
  type Portfolio,
  type PortfolioFlag,
  type PortfolioItem,
  type PortfolioQuery,
} from "../../../core/portfolio.js";
import type { ScopeKind } from "../../../core/coordinators.js";
import type { Executor } from "../../../db/open.js";
import { queryRows, readTogether } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { logScopeReads, selectPartnerships } from "../coordinators/selection.js";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { baseRows, latestBands, meetingRows, type MeetingRow } from "./queries.js";

async function scopeTabs(db: Executor, userId: string): Promise<Portfolio["scopes"]> {
  const rows = await queryRows<{ id: string; kind: ScopeKind; name: string; state_fips: string }>(
    db,
    sql`select id, kind, name, state_fips from coordinator_scopes
         where user_id = ${userId} order by state_fips, kind desc, name, created_at`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    stateFips: r.state_fips,
    name: r.kind === "state" ? (stateByFips(r.state_fips)?.name ?? r.state_fips) : r.name || "Region",
  }));
}

/** The figures and flags of each partnership, in the order of `ids`. */
export async function portfolioItems(
  db: Executor,
  ids: string[],
  personId: string,
  now: Date,
): Promise<PortfolioItem[]> {
  if (ids.length === 0) return [];
  const today = utcDate(now);
  const year = now.getUTCFullYear();
  const [base, meetings, bands] = await readTogether(db, [
    () => baseRows(db, ids, personId, today, year),
    () => meetingRows(db, ids, now),
    () => latestBands(db, ids),
  ]);
  const meetingsOf = new Map<string, MeetingRow[]>();
  for (const m of meetings)
    meetingsOf.set(m.partnership_id, [...(meetingsOf.get(m.partnership_id) ?? []), m]);
  const byId = new Map(base.map((b) => [b.id, b]));
  return ids.flatMap((id) => {
    const b = byId.get(id);
    if (!b) return [];
    const held = (meetingsOf.get(id) ?? []).sort((x, y) => x.rank - y.rank);
    const lastFullMeeting = held[0]?.day ?? null;
    const monthsSinceFullMeeting = lastFullMeeting === null ? null : monthsBetween(lastFullMeeting, today);
    const members = { business: b.business, public: b.public };
    const assessment = bands.get(id);
    const states = [...new Set(b.counties.map((c) => c.slice(0, 2)))]
      .map((f) => stateByFips(f)?.abbr ?? f)
      .sort((x, y) => x.localeCompare(y));
    return [
      {
        id,
        name: b.name,
        slug: b.slug,
        stage: b.stage,
        states,
        counties: b.counties,
        lastFullMeeting,
        monthsSinceFullMeeting,
        businessShareTrend: shareTrend(held),
        teams: { active: b.teams, withBusinessChampion: b.teams_with_champion },
        lateActions: b.late,
        assessmentBand: assessment?.band ?? null,
        assessedAt: assessment?.band ? assessment.closedAt : null,
        indicators: { tracked: b.tracked, withValueLastYear: b.tracked_with_value },
        valuesThisYear: b.values_this_year,
        members,
        flags: flagsOf({
          monthsSinceFullMeeting,
          monthsSinceCreated: monthsBetween(b.created_day, today),
          members,
          valuesThisYear: b.values_this_year,
        }),
        role: b.role,
      },
    ];
  });
}

/**
 * The portfolio a caller may see: the selection (selection.ts decides who may see which scope or
 * state), with figures, filtered and sorted. A coordinator's read of each partnership shown is
 * logged for its conveners (not the community admin's, who sees every partnership by office).
 */
export async function getPortfolio(
  deps: AppDeps,
  actor: Actor,
  query: PortfolioQuery,
  locale: AppLocale = DEFAULT_LOCALE,
): Promise<Portfolio> {
  const selection = { scope: query.scope, state: query.state };
  const selected = await selectPartnerships(deps.db, actor, selection, locale);
  const now = deps.now();
  const [all, scopes] = await Promise.all([
    portfolioItems(deps.db, selected.partnershipIds, actor.personId, now),
    scopeTabs(deps.db, actor.userId),
  ]);
  const items = sortPortfolio(filterPortfolio(all, query), query.sort);
  if (!actor.isAdmin) {
    await logScopeReads(
      deps.db,
      actor,
      items.map((i) => i.id),
      "portfolio",
    );
  }
  const flagCounts = Object.fromEntries(
    portfolioFlags.map((f) => [f, all.filter((i) => i.flags.includes(f)).length]),
  ) as Record<PortfolioFlag, number>;
  return {
    label: selected.label,
    selection: { scope: query.scope ?? null, state: query.state ?? null },
    scopes,
    today: utcDate(now),
    year: now.getUTCFullYear(),
    lastYear: now.getUTCFullYear() - 1,
    total: all.length,
    flagCounts,
    items,
  };
}
