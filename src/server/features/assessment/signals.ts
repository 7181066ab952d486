import { sql } from "drizzle-orm";
import type { SignalsResponse } from "../../../core/assessment.js";
import {
  corePublicKinds,
  organizationKinds,
  themes,
  workforceThemes,
  type OrganizationKind,
  type Theme,
} from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { readRole } from "../coordinators/scope.js";
import { msg } from "../../../core/i18n/msg.js";
import { requireMembers } from "./policy.js";
import { findPartnership } from "../partnerships/service.js";

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;

/**
 * Evidence the software already holds, shown beside the matching rubric statements. Computed
 * straight from the meetings, agenda and organizations tables: what exists is shown, and a
 * signal with no underlying records is null ("no data yet"), never a made-up zero.
 */
export async function evidenceSignals(
  deps: AppDeps,
  actor: Actor | null,
  partnershipId: string,
): Promise<SignalsResponse> {
  const partnership = await findPartnership(deps.db, partnershipId);
  const role = await readRole(deps.db, partnership.id, actor, "assessment evidence signals");
  requireMembers(
    actor,
    role,
    msg({
      id: "server.assessment.evidenceMembersOnly",
      defaultMessage: "Only members of this partnership may see its evidence.",
    }),
  );
  const now = deps.now();
  const since = new Date(now.getTime() - YEAR_MS);
  const id = partnership.id;

  // Full partnership and launch meetings held in the last 12 months: members and walk-in guests.
  const [attendance] = await queryRows<{
    meetings: number;
    attendees: number;
    business: number;
    without_majority: number;
  }>(
    deps.db,
    sql`with held as (
          select m.id from meetings m
          where m.partnership_id = ${id} and m.deleted_at is null and not m.cancelled
            and m.kind in ('full_partnership', 'launch')
            and m.starts_at <= ${now.toISOString()}::timestamptz and m.starts_at > ${since.toISOString()}::timestamptz
        ),
        people_at as (
          select a.meeting_id, a.sector from meeting_attendance a join held h on h.id = a.meeting_id
          union all
          select g.meeting_id, g.sector from meeting_guests g join held h on h.id = g.meeting_id
        ),
        per_meeting as (
          select meeting_id,
                 count(*) filter (where sector = 'business')::int as business,
                 count(*)::int as total
          from people_at group by meeting_id
        )
        select (select count(*)::int from held) as meetings,
               coalesce(sum(total), 0)::int as attendees,
               coalesce(sum(business), 0)::int as business,
               count(*) filter (where business * 2 <= total)::int as without_majority
        from per_meeting`,
  );

  const [teams] = await queryRows<{ teams: number; with_champion: number }>(
    deps.db,
    sql`select count(*)::int as teams,
               count(*) filter (where exists (
                 select 1 from action_team_members tm
                 join memberships ms on ms.person_id = tm.person_id and ms.partnership_id = t.partnership_id
                   and ms.left_at is null
                 left join organizations o on o.id = ms.organization_id
                 where tm.team_id = t.id and tm.role = 'champion' and tm.left_at is null
                   and coalesce(o.kind = 'business', ms.role in ('champion', 'business_member'))
               ))::int as with_champion
        from action_teams t
        join priorities p on p.id = t.priority_id and p.status = 'active'
        where t.partnership_id = ${id}`,
  );

  const kinds = await queryRows<{ kind: OrganizationKind }>(
    deps.db,
    sql`select distinct kind from organizations
         where partnership_id = ${id} and kind <> 'business' and removed_at is null`,
  );
  const present = new Set(kinds.map((k) => k.kind));
  const [seniority, priorities, plan, region] = await Promise.all([
    seniorityOf(deps.db, id),
    prioritiesOf(deps.db, id),
    planUpdatedAt(deps.db, id),
    regionOf(deps.db, id),
  ]);

  return {
    businessAttendanceShare:
      attendance && attendance.attendees > 0
        ? {
            meetings: attendance.meetings,
            attendees: attendance.attendees,
            businessShare: Math.round((attendance.business / attendance.attendees) * 1000) / 10,
            meetingsWithoutMajority: attendance.without_majority,
          }
        : null,
    businessChampions:
      teams && teams.teams > 0 ? { teams: teams.teams, withBusinessChampion: teams.with_champion } : null,
    meetingsLast12Months: attendance?.meetings ?? 0,
    publicPartnerKinds: {
      present: organizationKinds.filter((k) => present.has(k)),
      missing: corePublicKinds.filter((k) => !present.has(k)),
    },
    businessSeniority: seniority && seniority.recorded > 0 ? seniority : null,
    prioritiesBeyondWorkforce: priorities,
    actionPlanUpdated: plan
      ? {
          at: plan.toISOString(),
          daysAgo: Math.max(0, Math.floor((now.getTime() - plan.getTime()) / DAY_MS)),
        }
      : null,
    regionalEconomy: region,
  };
}

/** Business people at the table now; null counts nobody with a seniority recorded as "no data yet". */
async function seniorityOf(db: Executor, id: string) {
  const [row] = await queryRows<{ business_people: number; recorded: number; influential: number }>(
    db,
    sql`select count(*)::int as business_people,
               count(p.seniority)::int as recorded,
               count(*) filter (where p.seniority in ('owner_ceo', 'executive'))::int as influential
        from memberships m
        join people p on p.id = m.person_id
        left join organizations o on o.id = m.organization_id
        where m.partnership_id = ${id} and m.left_at is null
          and coalesce(o.kind = 'business', m.role in ('champion', 'business_member'))`,
  );
  return row
    ? { businessPeople: row.business_people, recorded: row.recorded, influential: row.influential }
    : null;
}

async function prioritiesOf(db: Executor, id: string): Promise<SignalsResponse["prioritiesBeyondWorkforce"]> {
  const rows = await queryRows<{ theme: Theme | null }>(
    db,
    sql`select theme from priorities where partnership_id = ${id} and status = 'active'`,
  );
  if (!rows.length) return null;
  const beyond = rows.flatMap((r) => (r.theme && !workforceThemes.includes(r.theme) ? [r.theme] : []));
  return {
    active: rows.length,
    withTheme: rows.filter((r) => r.theme).length,
    beyondWorkforce: beyond.length,
    themes: themes.filter((t) => beyond.includes(t)),
  };
}

/** The latest change anywhere in the action plan: a priority, a team formed, an action, a progress note. */
async function planUpdatedAt(db: Executor, id: string): Promise<Date | null> {
  const [row] = await queryRows<{ at: Date | string | null }>(
    db,
    sql`select greatest(
          (select max(updated_at) from priorities where partnership_id = ${id}),
          (select max(created_at) from action_teams where partnership_id = ${id}),
          (select max(updated_at) from actions where partnership_id = ${id} and deleted_at is null),
          (select max(u.created_at) from action_updates u join actions a on a.id = u.action_id
            where a.partnership_id = ${id} and a.deleted_at is null)
        ) as at`,
  );
  return row?.at ? new Date(row.at) : null;
}

/** The region's footprint and the latest year of BLS QCEW data the economy panel shows for it. */
async function regionOf(db: Executor, id: string): Promise<SignalsResponse["regionalEconomy"]> {
  const [row] = await queryRows<{
    counties: number;
    states: number;
    areas: number;
    industries: number;
    year: number | null;
  }>(
    db,
    sql`select count(*)::int as counties,
               count(distinct pc.state_fips)::int as states,
               count(distinct c.cbsa_title)::int as areas,
               (select count(*)::int from partnership_naics n where n.partnership_id = ${id}) as industries,
               (select max(q.year)::int from qcew_rows q
                 where q.area_fips in (select fips from partnership_counties where partnership_id = ${id})) as year
        from partnership_counties pc join counties c on c.fips = pc.fips
        where pc.partnership_id = ${id}`,
  );
  if (!row || row.counties === 0) return null;
  return {
    counties: row.counties,
    states: row.states,
    commutingAreas: row.areas,
    industries: row.industries,
    dataYear: row.year,
  };
}
