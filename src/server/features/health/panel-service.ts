import { sql, type SQL } from "drizzle-orm";
import { buildHealthPanel, type HealthPanel, type HealthYearCounts } from "../../../core/health.js";
import type { OrganizationKind, Role } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError } from "../../errors.js";
import { can } from "../partnerships/policy.js";
import { readRole } from "../coordinators/scope.js";

interface Row {
  year: number;
  meetings: number;
  without_majority: number;
  business: number;
  public: number;
  teams: number;
  led: number;
  at_start: number;
  retained: number;
  added: number;
  kinds: OrganizationKind[] | null;
}

/** A business person: from a business organization, or (without one) in a business role. */
const businessMembership = (ms: string, o: string) =>
  sql.raw(
    `(${o}.kind = 'business' or (${o}.kind is null and ${ms}.role in ('champion', 'business_member')))`,
  );

export interface YearSpan {
  first: number;
  last: number;
}

/**
 * The years the panel covers: from the first meeting or membership to the year of `now`. Asked
 * first, so the panel's statement gets the years as constants: the planner then knows it counts
 * a handful of years (with a computed series it guesses 1,000 and switches on JIT compilation,
 * which costs more than the whole count).
 */
export function yearSpanQuery(partnershipId: string, now: Date): SQL {
  const at = now.toISOString();
  return sql`
    select least(
             (select min(extract(year from starts_at at time zone time_zone))::int from meetings
               where partnership_id = ${partnershipId} and deleted_at is null),
             (select extract(year from min(joined_at) at time zone 'UTC')::int from memberships
               where partnership_id = ${partnershipId}),
             extract(year from ${at}::timestamptz at time zone 'UTC')::int
           ) as first,
           extract(year from ${at}::timestamptz at time zone 'UTC')::int as last`;
}

/**
 * Every yearly count of the health panel in one statement, so the database does the counting
 * over years of meetings and hands back one small row per year (the years of `span`); the current
 * year ends at `now`.
 */
export function healthPanelQuery(partnershipId: string, now: Date, span: YearSpan): SQL {
  const at = now.toISOString();
  return sql`
    with m as (
      select id, kind, extract(year from starts_at at time zone time_zone)::int as year
        from meetings
       where partnership_id = ${partnershipId} and deleted_at is null and not cancelled
         and starts_at <= ${at}::timestamptz
    ), people_kinds as materialized (
      -- Each member once with their organization's kind: read by both the attendance and the
      -- membership counts. The kind is looked up by key, so the panel never scans every
      -- partnership's organizations.
      select ms.person_id, ms.role, ms.joined_at, ms.left_at,
             (select o.kind from organizations o where o.id = ms.organization_id) as kind
        from memberships ms
       where ms.partnership_id = ${partnershipId}
    ), attended as (
      -- "= any(array(...))" makes the planner probe the attendance index once per meeting
      -- instead of scanning every partnership's attendance.
      select a.meeting_id, a.sector, a.person_id from meeting_attendance a
       where a.meeting_id = any(array(select id from m))
    ), present as (
      select meeting_id, sector from attended
      union all
      select g.meeting_id, g.sector from meeting_guests g
       where g.meeting_id = any(array(select id from m))
    ), sectors as (
      -- Counted per meeting by hashing, not sorting: thousands of attendances become one row a meeting.
      select meeting_id,
             count(*) filter (where sector = 'business') as b,
             count(*) filter (where sector = 'public') as pu
        from present group by meeting_id
    ), per_meeting as (
      select m.year, m.kind, coalesce(s.b, 0) as b, coalesce(s.pu, 0) as pu
        from m left join sectors s on s.meeting_id = m.id
    ), meeting_years as (
      select year, count(*)::int as meetings,
             -- Support team meetings are public partners by design: the share is about the partnership's own.
             coalesce(sum(b) filter (where kind <> 'support_team'), 0)::int as business,
             coalesce(sum(pu) filter (where kind <> 'support_team'), 0)::int as public,
             (count(*) filter (where kind in ('launch', 'full_partnership') and b + pu > 0 and b * 2 <= b + pu))::int
               as without_majority
        from per_meeting group by year
    ), bm as (
      select pk.joined_at, pk.left_at from people_kinds pk where ${businessMembership("pk", "pk")}
    ), years as (
      select y as year,
             make_timestamptz(y, 1, 1, 0, 0, 0, 'UTC') as starts,
             least(make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'UTC'), ${at}::timestamptz) as ends
        from generate_series(${span.first}::int, ${span.last}::int) as y
    ), member_years as (
      select y.year,
             (count(*) filter (where bm.joined_at < y.starts and (bm.left_at is null or bm.left_at >= y.starts)))::int
               as at_start,
             (count(*) filter (where bm.joined_at < y.starts and (bm.left_at is null or bm.left_at >= y.ends)))::int
               as retained,
             (count(*) filter (where bm.joined_at >= y.starts and bm.joined_at < y.ends))::int as added
        from years y cross join bm group by y.year
    ), team_years as (
      select y.year, count(t.id)::int as teams,
             (count(t.id) filter (where exists (
               select 1 from action_team_members tm
                 join memberships ms on ms.person_id = tm.person_id and ms.partnership_id = ${partnershipId}
                 left join organizations o on o.id = ms.organization_id
                where tm.team_id = t.id and tm.role = 'champion'
                  and tm.joined_at < y.ends and (tm.left_at is null or tm.left_at >= y.ends)
                  and ${businessMembership("ms", "o")}
             )))::int as led
        from years y join action_teams t on t.partnership_id = ${partnershipId} and t.created_at < y.ends
       group by y.year
    ), kind_years as (
      -- The public partner kinds that came, per year: the few distinct pairs first, then sorted.
      select year, array_agg(kind order by kind) as kinds
        from (select distinct m.year, pk.kind
                from attended a
                join m on m.id = a.meeting_id
                join people_kinds pk on pk.person_id = a.person_id
               where pk.kind <> 'business') as engaged
       group by year
    )
    select y.year,
           coalesce(my.meetings, 0) as meetings, coalesce(my.without_majority, 0) as without_majority,
           coalesce(my.business, 0) as business, coalesce(my.public, 0) as public,
           coalesce(ty.teams, 0) as teams, coalesce(ty.led, 0) as led,
           coalesce(mb.at_start, 0) as at_start, coalesce(mb.retained, 0) as retained,
           coalesce(mb.added, 0) as added, ky.kinds
      from years y
      left join meeting_years my on my.year = y.year
      left join team_years ty on ty.year = y.year
      left join member_years mb on mb.year = y.year
      left join kind_years ky on ky.year = y.year
     order by y.year`;
}

export async function healthCounts(
  db: Executor,
  partnershipId: string,
  now: Date,
  knownSpan?: YearSpan,
): Promise<HealthYearCounts[]> {
  const span = knownSpan ?? (await queryRows<YearSpan>(db, yearSpanQuery(partnershipId, now)))[0];
  const rows = await queryRows<Row>(db, healthPanelQuery(partnershipId, now, span));
  return rows.map((r) => ({
    year: Number(r.year),
    meetings: r.meetings,
    meetingsWithoutBusinessMajority: r.without_majority,
    businessAttendance: r.business,
    publicAttendance: r.public,
    actionTeams: r.teams,
    actionTeamsLedByBusiness: r.led,
    businessMembersAtStart: r.at_start,
    businessMembersRetained: r.retained,
    businessMembersAdded: r.added,
    publicKinds: r.kinds ?? [],
  }));
}

/** Members (and community admins) see how Next Gen the partnership is over time. */
interface PanelContext {
  id: string;
  slug: string;
  name: string;
  role: Role | null;
  first: number;
  last: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The partnership, the caller's role in it and the years of its history in one round trip: the
 * panel is read often and the lookups would otherwise cost more than the counting.
 */
async function panelContext(db: Executor, idOrSlug: string, actor: Actor | null, now: Date) {
  const at = now.toISOString();
  const where = uuidPattern.test(idOrSlug) ? sql`p.id = ${idOrSlug}` : sql`p.slug = ${idOrSlug}`;
  const [row] = await queryRows<PanelContext>(
    db,
    sql`
      select p.id, p.slug, p.name,
             (select ms.role from memberships ms
               where ms.partnership_id = p.id and ms.person_id = ${actor?.personId ?? null}::uuid
                 and ms.left_at is null) as role,
             least(
               (select min(extract(year from starts_at at time zone time_zone))::int from meetings
                 where partnership_id = p.id and deleted_at is null),
               (select extract(year from min(joined_at) at time zone 'UTC')::int from memberships
                 where partnership_id = p.id),
               extract(year from ${at}::timestamptz at time zone 'UTC')::int
             ) as first,
             extract(year from ${at}::timestamptz at time zone 'UTC')::int as last
        from partnerships p
       where ${where} and p.deleted_at is null`,
  );
  if (!row) {
    throw new AppError(
      "not_found",
      msg({ id: "server.health.partnershipNotFound", defaultMessage: "The partnership was not found." }),
    );
  }
  return row;
}

/** Members (and community admins) see how Next Gen the partnership is over time. */
export async function healthPanel(deps: AppDeps, actor: Actor | null, id: string): Promise<HealthPanel> {
  const now = deps.now();
  const p = await panelContext(deps.db, id, actor, now);
  const role = p.role ?? (await readRole(deps.db, p.id, actor, "health panel"));
  if (!can(actor, role, "viewMembers")) {
    if (!actor) {
      throw new AppError(
        "unauthenticated",
        msg({ id: "server.health.signInToDoThis", defaultMessage: "Sign in to do this." }),
      );
    }
    throw new AppError(
      "forbidden",
      msg({
        id: "server.health.membersOnly",
        defaultMessage: "Only members of this partnership may see its health panel.",
      }),
    );
  }
  const counts = await healthCounts(deps.db, p.id, now, { first: p.first, last: p.last });
  return { partnership: { id: p.id, slug: p.slug, name: p.name }, ...buildHealthPanel(counts) };
}
