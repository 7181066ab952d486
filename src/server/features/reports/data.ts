/**
 * What an annual report reads: a handful of set-based statements over every selected partnership
 * at once (never one query per partnership), so a state of 100 partnerships builds in well under
 * its 5 s budget. Each function answers rows grouped by partnership id; summary.ts assembles them.
 * Values of every visibility are read: the caller reads them through their coordinator scope,
 * and the service logs it.
 */
import { sql, type SQL } from "drizzle-orm";
import type { FundingSource, ImpactArea, IndicatorUnit } from "../../../core/impact.js";
import type { OrganizationKind, Role, Stage } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import { businessesEngaged } from "../impact/rollup.js";

/** The selected ids as one uuid[] parameter. */
function idList(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

/** The year as a half-open range of instants, UTC: [start, end). */
export function yearRange(year: number): { start: string; end: string } {
  return {
    start: new Date(Date.UTC(year, 0, 1)).toISOString(),
    end: new Date(Date.UTC(year + 1, 0, 1)).toISOString(),
  };
}

export interface PartnershipRow {
  id: string;
  name: string;
  slug: string;
  stage: Stage;
}

export interface ReportRows {
  partnerships: PartnershipRow[];
  states: { id: string; state_fips: string }[];
  seats: { id: string; role: Role; kind: OrganizationKind | null; n: number }[];
  engaged: Map<string, number>;
  organizations: { id: string; kind: OrganizationKind; n: number }[];
  priorities: {
    id: string;
    partnership_id: string;
    title: string;
    status: "active" | "achieved" | "retired";
    actions: number;
  }[];
  done: { partnership_id: string; priority_id: string; title: string; result: string; completed: string }[];
  tracked: { id: string; key: string; name: string; area: ImpactArea; unit: IndicatorUnit }[];
  values: {
    id: string;
    key: string;
    name: string;
    unit: IndicatorUnit;
    funding_source: FundingSource | null;
    custom: boolean;
    period: string;
    value: number;
  }[];
  checks: { id: string; answers: number; sum: number }[];
  stories: { id: string; title: string; date: string; area: ImpactArea; body: string }[];
}

/** Every row the report needs, read in parallel (PGlite runs them one after another). */
export async function readReportRows(
  db: Executor,
  ids: readonly string[],
  year: number,
): Promise<ReportRows> {
  const list = idList(ids);
  const { start, end } = yearRange(year);
  const [
    partnerships,
    states,
    seats,
    engaged,
    organizations,
    priorities,
    done,
    tracked,
    values,
    checks,
    stories,
  ] = await Promise.all([
    queryRows<PartnershipRow>(
      db,
      sql`select p.id, p.name, p.slug, p.stage from partnerships p
             where p.id = any(${list}) order by p.name, p.id`,
    ),
    queryRows<{ id: string; state_fips: string }>(
      db,
      sql`select distinct pc.partnership_id as id, pc.state_fips from partnership_counties pc
             where pc.partnership_id = any(${list}) order by pc.state_fips`,
    ),
    // Seats that overlapped the year, by role and the kind of the person's organization.
    queryRows<{ id: string; role: Role; kind: OrganizationKind | null; n: number }>(
      db,
      sql`select m.partnership_id as id, m.role, o.kind, count(*)::int as n
              from memberships m left join organizations o on o.id = m.organization_id
             where m.partnership_id = any(${list})
               and m.joined_at < ${end}::timestamptz
               and (m.left_at is null or m.left_at >= ${start}::timestamptz)
             group by m.partnership_id, m.role, o.kind`,
    ),
    // The same count the roll-up and the computed-values route use: one rule, one place.
    businessesEngaged(db, year),
    // Organizations at the table in the year: those with someone seated then. An organization's
    // row is made when it is first added, which says nothing of when it sat at the table.
    queryRows<{ id: string; kind: OrganizationKind; n: number }>(
      db,
      sql`select m.partnership_id as id, o.kind, count(distinct o.id)::int as n
              from memberships m join organizations o on o.id = m.organization_id
             where m.partnership_id = any(${list})
               and m.joined_at < ${end}::timestamptz
               and (m.left_at is null or m.left_at >= ${start}::timestamptz)
             group by m.partnership_id, o.kind`,
    ),
    // Priorities chosen by the end of the year; one retired before it began is history.
    queryRows<ReportRows["priorities"][number]>(
      db,
      sql`select pr.id, pr.partnership_id, pr.title, pr.status,
                   (select count(*)::int from actions a join action_teams t on t.id = a.team_id
                     where t.priority_id = pr.id and a.deleted_at is null) as actions
              from priorities pr
             where pr.partnership_id = any(${list})
               and pr.chosen_at < ${end}::timestamptz
               and not (pr.status = 'retired' and pr.updated_at < ${start}::timestamptz)
             order by pr.partnership_id, pr.chosen_at, pr.title`,
    ),
    queryRows<ReportRows["done"][number]>(
      db,
      sql`select a.partnership_id, t.priority_id, a.title, a.result,
                   to_char(a.completed_at at time zone 'UTC', 'YYYY-MM-DD') as completed
              from actions a join action_teams t on t.id = a.team_id
             where a.partnership_id = any(${list}) and a.deleted_at is null and a.status = 'done'
               and a.completed_at >= ${start}::timestamptz and a.completed_at < ${end}::timestamptz
             order by a.completed_at, a.title`,
    ),
    queryRows<ReportRows["tracked"][number]>(
      db,
      sql`select t.partnership_id as id, i.key, i.name, i.area, i.unit
              from tracked_indicators t join indicators i on i.key = t.indicator_key
             where t.partnership_id = any(${list})
             order by i.position, i.name`,
    ),
    // Annual actual values of the year and the year before, of every visibility.
    queryRows<ReportRows["values"][number]>(
      db,
      sql`select m.partnership_id as id, i.key, i.name, i.unit, i.funding_source,
                   (i.owner_partnership_id is not null) as custom, m.period, m.value
              from measurements m join indicators i on i.key = m.indicator_key
             where m.partnership_id = any(${list}) and m.kind = 'actual'
               and m.period in (${String(year)}, ${String(year - 1)})`,
    ),
    // Closed checks only, and only their count and sum: individual answers stay in the database.
    queryRows<ReportRows["checks"][number]>(
      db,
      sql`select c.partnership_id as id, count(a.person_id)::int as answers,
                   coalesce(sum(a.worth), 0)::float8 as sum
              from employer_value_checks c
              left join employer_value_answers a on a.check_id = c.id
             where c.partnership_id = any(${list}) and c.year = ${year} and c.status = 'closed'
             group by c.id, c.partnership_id`,
    ),
    queryRows<ReportRows["stories"][number]>(
      db,
      sql`select s.partnership_id as id, s.title, s.story_date::text as date, s.area, s.body
              from impact_stories s
             where s.partnership_id = any(${list}) and s.deleted_at is null
               and s.story_date >= ${`${year}-01-01`}::date and s.story_date < ${`${year + 1}-01-01`}::date
             order by s.story_date, s.title`,
    ),
  ]);
  return {
    partnerships,
    states,
    seats,
    engaged,
    organizations,
    priorities,
    done,
    tracked,
    values,
    checks,
    stories,
  };
}
