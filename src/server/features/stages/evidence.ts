/**
 * What the workspace already knows about the steps of the stage checklist: a closed vote round,
 * priorities, a team led by a business champion, a launch meeting with its attendance. Each piece
 * of evidence is a sentence and a link; the convener decides whether to tick the step (a meeting
 * on the calendar is not proof that it went well). Read straight from the tables, so evidence
 * appears as soon as the record exists and goes when it is removed.
 */
import { sql } from "drizzle-orm";
import type { StepEvidence } from "../../../core/stages.js";
import { organizationKindLabels, type OrganizationKind } from "../../../core/vocabulary.js";
import type { Executor } from "../../../db/open.js";
import { queryRows, readTogether } from "../../../db/query.js";
import { formatDay } from "../agenda/format.js";
import { formatCountOf } from "../../../core/format.js";
import { at, names, YEAR_MS } from "./evidence-text.js";
import { toolkitEvidence } from "./evidence-toolkit.js";

/** A membership's sector is business when its organization is a business (or, without one, its role). */
const businessSeat = sql`coalesce(o.kind = 'business', m.role in ('champion', 'business_member'))`;

interface MeetingRow {
  id: string;
  kind: "launch" | "full_partnership" | "support_team";
  title: string;
  starts_at: Date | string;
  attendees: number;
  business: number;
}

const count = formatCountOf;
function meetingText(label: string, m: MeetingRow): string {
  return (
    `${label} “${m.title}” held on ${formatDay(at(m.starts_at))}: ${count(m.attendees, "person", "people")} attended, ` +
    `${m.business} from business`
  );
}

/** The evidence for each step that has some, by step key. */
export async function stepEvidence(
  db: Executor,
  partnership: { id: string; slug: string },
  now: Date,
): Promise<Map<string, StepEvidence>> {
  const id = partnership.id;
  const base = `/p/${partnership.slug}`;
  const since = new Date(now.getTime() - YEAR_MS);
  const [meetings, publicOrgs, members, [invited], [raised], rounds, priorities, teams, [win], [impact]] =
    await readTogether(db, [
      () =>
        queryRows<MeetingRow>(
          db,
          sql`select m.id, m.kind, m.title, m.starts_at,
              ((select count(*) from meeting_attendance a where a.meeting_id = m.id)
                + (select count(*) from meeting_guests g where g.meeting_id = m.id))::int as attendees,
              ((select count(*) from meeting_attendance a where a.meeting_id = m.id and a.sector = 'business')
                + (select count(*) from meeting_guests g where g.meeting_id = m.id and g.sector = 'business'))::int
                as business
            from meetings m
            where m.partnership_id = ${id} and m.deleted_at is null and not m.cancelled
              and m.kind in ('launch', 'full_partnership', 'support_team')
            order by m.starts_at, m.id`,
        ),
      () =>
        queryRows<{ kind: OrganizationKind; name: string }>(
          db,
          sql`select kind, name from organizations
            where partnership_id = ${id} and removed_at is null and kind <> 'business'
            order by created_at, name`,
        ),
      () =>
        queryRows<{ name: string; role: string; joined_at: Date | string; business: boolean }>(
          db,
          sql`select p.name, m.role, m.joined_at, ${businessSeat} as business
            from memberships m join people p on p.id = m.person_id
            left join organizations o on o.id = m.organization_id
            where m.partnership_id = ${id} and m.left_at is null
            order by m.joined_at desc, p.name`,
        ),
      () =>
        queryRows<{ sent: number; accepted: number; by_champions: number }>(
          db,
          sql`select count(*)::int as sent, count(*) filter (where i.accepted_at is not null)::int as accepted,
              count(*) filter (where exists (
                select 1 from people pp
                join memberships mm on mm.person_id = pp.id and mm.partnership_id = i.partnership_id
                  and mm.role = 'champion' and mm.left_at is null
                where pp.user_id = i.invited_by
              ))::int as by_champions
            from invitations i join organizations o on o.id = i.organization_id
            where i.partnership_id = ${id} and i.revoked_at is null and o.kind = 'business'`,
        ),
      () =>
        queryRows<{ total: number; by_business: number }>(
          db,
          sql`select count(*)::int as total,
              count(*) filter (where exists (
                select 1 from memberships m left join organizations o on o.id = m.organization_id
                where m.partnership_id = op.partnership_id and m.person_id = op.raised_by and ${businessSeat}
              ))::int as by_business
            from opportunities op where op.partnership_id = ${id} and op.deleted_at is null`,
        ),
      () =>
        queryRows<{ id: string; title: string; closed_at: Date | string }>(
          db,
          sql`select id, title, closed_at from vote_rounds
            where partnership_id = ${id} and status = 'closed' and closed_at is not null
            order by closed_at desc, id`,
        ),
      () =>
        queryRows<{ title: string; chosen_at: Date | string }>(
          db,
          sql`select title, chosen_at from priorities where partnership_id = ${id} order by chosen_at desc, id`,
        ),
      () =>
        queryRows<{ name: string; champions: string | null }>(
          db,
          sql`select t.name,
              (select string_agg(p.name, ', ' order by p.name)
                 from action_team_members tm
                 join people p on p.id = tm.person_id
                 join memberships m on m.person_id = tm.person_id and m.partnership_id = t.partnership_id
                   and m.left_at is null
                 left join organizations o on o.id = m.organization_id
                 where tm.team_id = t.id and tm.role = 'champion' and tm.left_at is null and ${businessSeat}
              ) as champions
            from action_teams t join priorities pr on pr.id = t.priority_id and pr.status = 'active'
            where t.partnership_id = ${id}
            order by t.created_at, t.id`,
        ),
      () =>
        queryRows<{ title: string; team: string; done_at: Date | string }>(
          db,
          sql`select a.title, t.name as team, coalesce(a.completed_at, a.updated_at) as done_at
            from actions a join action_teams t on t.id = a.team_id
            where a.partnership_id = ${id} and a.deleted_at is null and a.status = 'done'
            order by coalesce(a.completed_at, a.updated_at), a.id limit 1`,
        ),
      () =>
        queryRows<{ actuals: number; indicators: number; stories: number }>(
          db,
          sql`select
              (select count(*)::int from measurements where partnership_id = ${id} and kind = 'actual') as actuals,
              (select count(distinct indicator_key)::int from measurements
                 where partnership_id = ${id} and kind = 'actual') as indicators,
              (select count(*)::int from impact_stories where partnership_id = ${id} and deleted_at is null)
                as stories`,
        ),
    ]);

  const out = new Map<string, StepEvidence>();
  const held = meetings.filter((m) => at(m.starts_at) <= now);
  const attended = held.filter((m) => m.attendees > 0);

  // Civic infrastructure
  const support = attended.find((m) => m.kind === "support_team");
  if (support) {
    out.set("support_team_formed", {
      text: meetingText("Support team meeting", support),
      link: `${base}/meetings/${support.id}`,
    });
  }
  const firstOf = (kinds: OrganizationKind[]) => publicOrgs.find((o) => kinds.includes(o.kind));
  const mapped = [
    firstOf(["workforce_development"]),
    firstOf(["k12_education", "postsecondary_education"]),
    firstOf(["economic_development"]),
  ];
  if (mapped.every((o) => o !== undefined)) {
    out.set("partners_mapped", {
      text: `At the table: ${names(
        mapped.map((o) => `${o.name} (${organizationKindLabels[o.kind].toLowerCase()})`),
      )}`,
      link: `${base}/members`,
    });
  }

  // Prepare
  const champions = members.filter((m) => m.role === "champion" && m.business);
  if (champions.length) {
    // The toolkit asks for two to six: enough to share the work, few enough to act as one.
    const fit =
      champions.length < 2
        ? "; the toolkit suggests at least 2"
        : champions.length > 6
          ? "; the toolkit suggests 2 to 6"
          : "";
    out.set("champions_recruited", {
      text: `${count(champions.length, "business champion", "business champions")}: ${names(
        champions.map((c) => c.name),
      )}${fit}`,
      link: `${base}/members`,
    });
  }
  if (invited.sent > 0) {
    out.set("invitations_sent", {
      text:
        `${count(invited.sent, "invitation", "invitations")} sent to business leaders, ${invited.accepted} accepted; ` +
        `${invited.by_champions} sent by champions in their own names`,
      link: `${base}/members`,
    });
  }
  const launches = meetings.filter((m) => m.kind === "launch");
  const nextLaunch = launches.find((m) => at(m.starts_at) > now) ?? launches.at(-1);
  if (nextLaunch) {
    const day = formatDay(at(nextLaunch.starts_at));
    out.set("launch_planned", {
      text:
        at(nextLaunch.starts_at) > now
          ? `Launch meeting “${nextLaunch.title}” planned for ${day}`
          : `Launch meeting “${nextLaunch.title}” was on ${day}`,
      link: `${base}/meetings/${nextLaunch.id}`,
    });
  }

  // Launch
  const launch = attended.find((m) => m.kind === "launch");
  if (launch) {
    out.set("launch_held", {
      text: meetingText("Launch meeting", launch),
      link: `${base}/meetings/${launch.id}`,
    });
  }
  if (raised.by_business > 0) {
    out.set("opportunities_raised", {
      text:
        `${count(raised.by_business, "opportunity", "opportunities")} raised by business members` +
        (raised.total > raised.by_business ? ` (${raised.total} in all)` : ""),
      link: `${base}/agenda/opportunities`,
    });
  }
  const [lastRound] = rounds;
  if (lastRound) {
    out.set("priorities_chosen", {
      text:
        `Vote round “${lastRound.title}” closed on ${formatDay(at(lastRound.closed_at))}; ` +
        (priorities.length
          ? `${count(priorities.length, "priority", "priorities")} chosen`
          : "no priority recorded yet"),
      link: `${base}/agenda/votes/${lastRound.id}`,
    });
  } else if (priorities.length) {
    out.set("priorities_chosen", {
      text: `${count(priorities.length, "priority", "priorities")} chosen, the latest “${priorities[0].title}” on ${formatDay(at(priorities[0].chosen_at))}`,
      link: `${base}/agenda/plan`,
    });
  }

  // Act
  const led = teams.filter((t) => t.champions !== null);
  if (led.length) {
    out.set("action_teams_formed", {
      text:
        `${led.length} of ${count(teams.length, "action team", "action teams")} led by a business champion: ` +
        names(led.map((t) => `${t.name} (${t.champions})`)),
      link: `${base}/agenda/plan`,
    });
  }
  if (win) {
    out.set("first_win", {
      text: `Action “${win.title}” (${win.team}) done on ${formatDay(at(win.done_at))}`,
      link: `${base}/agenda/plan`,
    });
  }
  const reportBack = attended.find(
    (m) => m.kind === "full_partnership" && (!launch || at(m.starts_at) > at(launch.starts_at)),
  );
  if (reportBack) {
    out.set("first_report_back", {
      text: meetingText("Full partnership meeting", reportBack),
      link: `${base}/meetings/${reportBack.id}`,
    });
  }

  // Sustain
  const lastYear = held.filter((m) => m.kind !== "support_team" && at(m.starts_at) > since);
  if (lastYear.length >= 2) {
    out.set("regular_meetings", {
      text: `${lastYear.length} full partnership meetings in the last 12 months, the latest on ${formatDay(
        at(lastYear[lastYear.length - 1].starts_at),
      )}`,
      link: `${base}/meetings`,
    });
  }
  const joined = members.filter(
    (m) => m.business && (m.role === "champion" || m.role === "business_member") && at(m.joined_at) > since,
  );
  if (joined.length) {
    out.set("new_business_members", {
      text: `${count(joined.length, "business member", "business members")} joined in the last 12 months: ${names(
        joined.map((m) => m.name),
      )}`,
      link: `${base}/members`,
    });
  }
  // A refresh is a choice made this year on top of an earlier one, not the first choice itself.
  const [newest] = priorities;
  const oldest = priorities.at(-1);
  if (lastRound && rounds[1] && at(lastRound.closed_at) > since) {
    out.set("priorities_refreshed", {
      text: `Vote round “${lastRound.title}” closed on ${formatDay(at(lastRound.closed_at))}, after “${rounds[1].title}” on ${formatDay(at(rounds[1].closed_at))}`,
      link: `${base}/agenda/votes/${lastRound.id}`,
    });
  } else if (newest && oldest && at(newest.chosen_at) > since && at(oldest.chosen_at) <= since) {
    out.set("priorities_refreshed", {
      text: `Priority “${newest.title}” chosen on ${formatDay(at(newest.chosen_at))}; the first priorities date from ${formatDay(at(oldest.chosen_at))}`,
      link: `${base}/agenda/plan`,
    });
  }
  if (impact.actuals > 0 || impact.stories > 0) {
    out.set("impact_told", {
      text:
        `${count(impact.actuals, "value", "values")} of ${count(impact.indicators, "indicator", "indicators")} recorded, ` +
        `${count(impact.stories, "impact story", "impact stories")} told`,
      link: `${base}/impact`,
    });
  }
  for (const [key, evidence] of await toolkitEvidence(db, partnership, now)) out.set(key, evidence);
  return out;
}
