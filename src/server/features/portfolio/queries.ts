/**
 * The portfolio's figures as set-based queries over the selected partnerships: each is one
 * statement whatever their number, so a state of 100 or the national demo of thousands costs the
 * same few round trips.
 */
import { sql, type SQL } from "drizzle-orm";
import {
  scoreResponses,
  type Band,
  type RubricContent,
  type ScoredResponse,
} from "../../../core/assessment-scoring.js";
import type { Stage } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";

/** The ids as one array parameter, so every query is a single statement whatever their number. */
function idArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

interface BaseRow {
  id: string;
  name: string;
  slug: string;
  stage: Stage;
  created_day: string;
  counties: string[];
  business: number;
  public: number;
  role: string | null;
  teams: number;
  teams_with_champion: number;
  late: number;
  tracked: number;
  tracked_with_value: number;
  values_this_year: number;
}

/** Everything that is one number per partnership, in one statement of correlated counts. */
export function baseRows(db: Executor, ids: string[], personId: string, today: string, year: number) {
  return queryRows<BaseRow>(
    db,
    sql`select p.id, p.name, p.slug, p.stage,
          to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD') as created_day,
          coalesce((select array_agg(pc.fips order by pc.fips) from partnership_counties pc
                     where pc.partnership_id = p.id), '{}') as counties,
          (select count(*)::int from memberships m where m.partnership_id = p.id and m.left_at is null
              and m.role in ('champion', 'business_member')) as business,
          (select count(*)::int from memberships m where m.partnership_id = p.id and m.left_at is null
              and m.role in ('support', 'convener')) as public,
          (select m.role from memberships m where m.partnership_id = p.id and m.left_at is null
              and m.person_id = ${personId}) as role,
          (select count(*)::int from action_teams t
             join priorities pr on pr.id = t.priority_id and pr.status = 'active'
            where t.partnership_id = p.id) as teams,
          (select count(*)::int from action_teams t
             join priorities pr on pr.id = t.priority_id and pr.status = 'active'
            where t.partnership_id = p.id and exists (
              select 1 from action_team_members tm
                join memberships ms on ms.person_id = tm.person_id and ms.partnership_id = t.partnership_id
                  and ms.left_at is null
                left join organizations o on o.id = ms.organization_id
               where tm.team_id = t.id and tm.role = 'champion' and tm.left_at is null
                 and coalesce(o.kind = 'business', ms.role in ('champion', 'business_member')))) as teams_with_champion,
          (select count(*)::int from actions a
             join action_teams t on t.id = a.team_id
             join priorities pr on pr.id = t.priority_id and pr.status = 'active'
            where a.partnership_id = p.id and a.deleted_at is null and a.status <> 'done'
              and a.due_date < ${today}::date) as late,
          (select count(*)::int from tracked_indicators ti where ti.partnership_id = p.id) as tracked,
          (select count(*)::int from tracked_indicators ti
            where ti.partnership_id = p.id and exists (
              select 1 from measurements ms
               where ms.partnership_id = p.id and ms.indicator_key = ti.indicator_key
                 and ms.kind = 'actual' and left(ms.period, 4) = ${String(year - 1)})) as tracked_with_value,
          (select count(*)::int from measurements ms
            where ms.partnership_id = p.id and ms.kind = 'actual'
              and left(ms.period, 4) = ${String(year)}) as values_this_year
        from partnerships p
        where p.id = any(${idArray(ids)})`,
  );
}

export interface MeetingRow {
  partnership_id: string;
  day: string;
  rank: number;
  business: number;
  total: number;
}

/**
 * The last full meetings held, newest first, at most three a partnership. A launch meeting is a
 * meeting of the whole partnership too; action-team and support-team meetings are not.
 */
export function meetingRows(db: Executor, ids: string[], now: Date) {
  return queryRows<MeetingRow>(
    db,
    sql`with held as (
          select m.id, m.partnership_id,
                 to_char(m.starts_at at time zone m.time_zone, 'YYYY-MM-DD') as day,
                 row_number() over (partition by m.partnership_id order by m.starts_at desc, m.id)::int as rank
            from meetings m
           where m.partnership_id = any(${idArray(ids)}) and m.deleted_at is null and not m.cancelled
             and m.kind in ('full_partnership', 'launch')
             and m.starts_at <= ${now.toISOString()}::timestamptz
        ),
        present as (
          select a.meeting_id, a.sector from meeting_attendance a join held h on h.id = a.meeting_id and h.rank <= 3
          union all
          select g.meeting_id, g.sector from meeting_guests g join held h on h.id = g.meeting_id and h.rank <= 3
        )
        select h.partnership_id, h.day, h.rank,
               count(x.sector) filter (where x.sector = 'business')::int as business,
               count(x.sector)::int as total
          from held h left join present x on x.meeting_id = h.id
         where h.rank <= 3
         group by h.partnership_id, h.day, h.rank
         order by h.partnership_id, h.rank`,
  );
}

interface ResponseRow {
  partnership_id: string;
  rubric_version: number;
  closed_at: Date | string | null;
  sector: ScoredResponse["sector"];
  answers: Record<string, number>;
}

/**
 * The band of each partnership's latest closed round, scored as its members see it: a round with
 * too few respondents shows no score there (scoreResponses), so its band is null here too.
 */
export async function latestBands(db: Executor, ids: string[]) {
  const rows = await queryRows<ResponseRow>(
    db,
    sql`with latest as (
          select distinct on (r.partnership_id) r.id, r.partnership_id, r.rubric_version, r.closed_at
            from assessment_rounds r
           where r.partnership_id = any(${idArray(ids)}) and r.status = 'closed'
           order by r.partnership_id, r.closed_at desc nulls last, r.id
        )
        select l.partnership_id, l.rubric_version, l.closed_at, a.sector, a.answers
          from latest l join assessment_responses a on a.round_id = l.id`,
  );
  const rounds = new Map<string, { version: number; closedAt: string | null; responses: ScoredResponse[] }>();
  for (const r of rows) {
    const round = rounds.get(r.partnership_id) ?? {
      version: r.rubric_version,
      closedAt: r.closed_at === null ? null : new Date(r.closed_at).toISOString(),
      responses: [],
    };
    round.responses.push({ sector: r.sector, answers: r.answers });
    rounds.set(r.partnership_id, round);
  }
  const versions = [...new Set([...rounds.values()].map((r) => r.version))];
  const rubrics = new Map<number, RubricContent>();
  if (versions.length > 0) {
    const found = await queryRows<{ version: number; content: RubricContent }>(
      db,
      sql`select version, content from assessment_rubrics
           where version = any(${`{${versions.join(",")}}`}::int[])`,
    );
    for (const r of found) rubrics.set(r.version, r.content);
  }
  const bands = new Map<string, { band: Band | null; closedAt: string | null }>();
  for (const [partnershipId, round] of rounds) {
    const rubric = rubrics.get(round.version);
    if (!rubric) continue;
    bands.set(partnershipId, {
      band: scoreResponses(rubric, round.responses).band,
      closedAt: round.closedAt,
    });
  }
  return bands;
}
