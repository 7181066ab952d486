/**
 * Evidence for the toolkit steps added to the checklist in its second edition: the conveners, the
 * region's footprint, the industry's data, public partners listening at the launch, 60-day goals
 * and follow-up notes. Same contract as evidence.ts: a sentence and a link when the workspace
 * holds something, nothing otherwise; the convener decides whether to tick.
 */
import { sql } from "drizzle-orm";
import { formatCountOf as count } from "../../../core/format.js";
import type { StepEvidence } from "../../../core/stages.js";
import type { Executor } from "../../../db/open.js";
import { queryRows, readTogether } from "../../../db/query.js";
import { formatDay } from "../agenda/format.js";
import { at, names, YEAR_MS } from "./evidence-text.js";

export async function toolkitEvidence(
  db: Executor,
  partnership: { id: string; slug: string },
  now: Date,
): Promise<Map<string, StepEvidence>> {
  const id = partnership.id;
  const base = `/p/${partnership.slug}`;
  const since = new Date(now.getTime() - YEAR_MS);
  const [conveners, counties, industries, [economy], [launch], [round], teams, [notes]] = await readTogether(
    db,
    [
      () =>
        queryRows<{ name: string }>(
          db,
          sql`select p.name from memberships m join people p on p.id = m.person_id
          where m.partnership_id = ${id} and m.left_at is null and m.role = 'convener'
          order by m.joined_at, p.name`,
        ),
      () =>
        queryRows<{ name: string; state: string; state_name: string; cbsa: string | null }>(
          db,
          sql`select c.name, s.abbr as state, s.name as state_name, c.cbsa_title as cbsa
          from partnership_counties pc
          join counties c on c.fips = pc.fips
          join states s on s.fips = pc.state_fips
          where pc.partnership_id = ${id}
          order by s.abbr, c.name`,
        ),
      () =>
        queryRows<{ code: string; title: string | null }>(
          db,
          sql`select n.code, t.title from partnership_naics n left join naics_codes t on t.code = n.code
          where n.partnership_id = ${id} order by n.position, n.code`,
        ),
      () =>
        queryRows<{ year: number | null }>(
          db,
          sql`select max(q.year)::int as year from qcew_rows q
          where q.area_fips in (select fips from partnership_counties where partnership_id = ${id})`,
        ),
      () =>
        queryRows<{ title: string; starts_at: Date | string; attendees: number; business: number }>(
          db,
          sql`with people_at as (
            select a.meeting_id, a.sector from meeting_attendance a
            union all
            select g.meeting_id, g.sector from meeting_guests g
          )
          select m.title, m.starts_at,
                 count(pa.*)::int as attendees,
                 count(pa.*) filter (where pa.sector = 'business')::int as business
          from meetings m join people_at pa on pa.meeting_id = m.id
          where m.partnership_id = ${id} and m.kind = 'launch' and m.deleted_at is null and not m.cancelled
            and m.starts_at <= ${now.toISOString()}::timestamptz
          group by m.id order by m.starts_at limit 1`,
        ),
      () =>
        queryRows<{ id: string; title: string; voters: number }>(
          db,
          sql`select r.id, r.title, (select count(*)::int from ballots b where b.round_id = r.id) as voters
          from vote_rounds r
          where r.partnership_id = ${id} and r.status = 'closed'
            and exists (select 1 from ballots b where b.round_id = r.id)
          order by r.closed_at, r.id limit 1`,
        ),
      () =>
        queryRows<{ name: string; with_goals: boolean }>(
          db,
          sql`select t.name, exists (
              select 1 from actions a
              where a.team_id = t.id and a.deleted_at is null and a.due_date is not null
                and a.due_date <= (t.created_at + interval '60 days')::date
            ) as with_goals
          from action_teams t join priorities pr on pr.id = t.priority_id and pr.status = 'active'
          where t.partnership_id = ${id}
          order by t.created_at, t.id`,
        ),
      () =>
        queryRows<{ held: number; with_notes: number; latest: Date | string | null }>(
          db,
          sql`select count(*)::int as held,
                 count(*) filter (where m.notes <> '' or m.decisions <> '')::int as with_notes,
                 max(m.starts_at) filter (where m.notes <> '' or m.decisions <> '') as latest
          from meetings m
          where m.partnership_id = ${id} and m.deleted_at is null and not m.cancelled
            and m.kind in ('launch', 'full_partnership')
            and m.starts_at <= ${now.toISOString()}::timestamptz and m.starts_at > ${since.toISOString()}::timestamptz`,
        ),
    ],
  );

  const out = new Map<string, StepEvidence>();
  if (conveners.length) {
    out.set("conveners_agreed", {
      text: `${conveners.length === 1 ? "Convener" : "Co-conveners"}: ${names(conveners.map((c) => c.name))}`,
      link: `${base}/members`,
    });
  }
  if (counties.length) {
    const states = [...new Set(counties.map((c) => c.state))];
    const areas = [...new Set(counties.flatMap((c) => (c.cbsa ? [c.cbsa] : [])))];
    const where =
      states.length === 1
        ? `in ${counties[0].state_name}: ${names(counties.map((c) => c.name))}`
        : `in ${states.length} states: ` +
          states
            .map(
              (st) =>
                `${names(
                  counties.filter((c) => c.state === st).map((c) => c.name),
                  2,
                )} (${st})`,
            )
            .join("; ");
    out.set("region_agreed", {
      text:
        `${count(counties.length, "county", "counties")} ${where}` +
        (areas.length ? `; commuting areas: ${names(areas, 2)}` : ""),
      link: base,
    });
  }
  if (industries.length) {
    const named = names(industries.map((n) => (n.title ? `${n.title} (${n.code})` : n.code)));
    out.set("industry_chosen", {
      text: economy?.year
        ? `${named}, with the region's economy from BLS QCEW ${economy.year} on the profile`
        : `${named}; no regional economy data for these counties yet`,
      link: base,
    });
  }
  if (launch && round) {
    out.set("public_partners_listened", {
      text:
        `At the launch “${launch.title}” on ${formatDay(at(launch.starts_at))}, ${launch.business} of ` +
        `${count(launch.attendees, "person", "people")} came from business; ` +
        `${count(round.voters, "business member", "business members")} voted in “${round.title}”, public partners did not`,
      link: `${base}/agenda/votes/${round.id}`,
    });
  }
  const withGoals = teams.filter((t) => t.with_goals);
  if (withGoals.length) {
    out.set("sixty_day_goals", {
      text:
        `${withGoals.length} of ${count(teams.length, "action team", "action teams")} set actions due within ` +
        `60 days of forming: ${names(withGoals.map((t) => t.name))}`,
      link: `${base}/agenda/plan`,
    });
  }
  if (notes && notes.with_notes > 0 && notes.latest) {
    out.set("follow_up_sent", {
      text:
        `Notes or decisions recorded for ${notes.with_notes} of ` +
        `${count(notes.held, "full partnership meeting", "full partnership meetings")} in the last 12 months, ` +
        `the latest on ${formatDay(at(notes.latest))}`,
      link: `${base}/meetings`,
    });
  }
  return out;
}
