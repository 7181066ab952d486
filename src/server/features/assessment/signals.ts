import { sql } from "drizzle-orm";
import type { SignalsResponse } from "../../../core/assessment.js";
import { corePublicKinds, organizationKinds, type OrganizationKind } from "../../../core/vocabulary.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { authorize, roleIn } from "../partnerships/policy.js";
import { findPartnership } from "../partnerships/service.js";

const YEAR_MS = 365 * 86_400_000;

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
  const role = await roleIn(deps.db, partnership.id, actor);
  authorize(actor, role, "viewMembers", "Only members of this partnership may see its evidence.");
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
  };
}
