/**
 * Demo agenda for every demo partnership: opportunities, vote rounds with ballots, priorities in
 * every status, action teams led by business champions, actions in every status with dated
 * updates, and their lines on the timeline. Pure and seeded, computed from the foundation rows.
 *
 * Before the launch (civic infrastructure, prepare) a partnership has opportunities and a dot
 * vote still open; from the launch on, a closed launch vote and what came of it. Action dates are
 * counted from `today` (the day the demo is loaded), so the action plan always shows what is due
 * in the next 60 days and what is late.
 */
import type {
  actions,
  actionTeamMembers,
  actionTeams,
  actionUpdates,
  activity,
  ballotEntries,
  ballots,
  opportunities,
  priorities,
  voteRoundItems,
  voteRounds,
} from "../db/schema/index.js";
import type { Theme } from "../core/vocabulary.js";
import type { ActionStatus, PriorityStatus } from "../core/agenda.js";
import { DUE_WINDOW_DAYS } from "../core/home.js";
import type { Executor } from "../db/open.js";
import { insertRows } from "../db/bulk-insert.js";
import * as schema from "../db/schema/index.js";
import { sectors } from "./catalog.js";
import { demoAccounts, type DemoData } from "./generate.js";
import { idFactory, type Random } from "./random.js";

type WithId<T> = T & { id: string };
export interface AgendaDemo {
  opportunities: WithId<typeof opportunities.$inferInsert>[];
  voteRounds: WithId<typeof voteRounds.$inferInsert>[];
  voteRoundItems: (typeof voteRoundItems.$inferInsert)[];
  ballots: WithId<typeof ballots.$inferInsert>[];
  ballotEntries: (typeof ballotEntries.$inferInsert)[];
  priorities: WithId<typeof priorities.$inferInsert>[];
  actionTeams: WithId<typeof actionTeams.$inferInsert>[];
  actionTeamMembers: (typeof actionTeamMembers.$inferInsert)[];
  actions: WithId<typeof actions.$inferInsert>[];
  actionUpdates: (typeof actionUpdates.$inferInsert)[];
  activity: (typeof activity.$inferInsert)[];
}

export interface AgendaDemoOptions {
  seed: number;
  /** The day the demo is loaded, YYYY-MM-DD: due dates are counted from it. */
  today: string;
  /** Fewer rows per partnership, for the national data set. */
  light?: boolean;
}

const dayMs = 86_400_000;

const commonOpportunities = [
  "Finding and keeping entry-level workers",
  "Childcare for shift workers",
  "Housing that workers can afford near the jobs",
  "Reliable transportation to work sites",
  "Career awareness in middle and high schools",
  "Training front-line supervisors",
  "Broadband for small firms",
  "Selling to buyers in new markets and abroad",
  "Permits and rules that slow new sites",
  "Automation that small firms can afford",
];

/** What a demo opportunity is about, from its words; the first matching rule wins. */
const themeRules: [RegExp, Theme][] = [
  [/suppliers|supply/i, "supply_chain"],
  [/broadband|transportation|freight|housing|corridors/i, "infrastructure_transportation"],
  [/markets|abroad|export/i, "market_development_exports"],
  [/permits|rules|regulat/i, "regulation_policy"],
  [/automation|precision|technology/i, "innovation_technology"],
  [/showing young people|career awareness|image/i, "industry_image"],
  [
    /supervisor|skills|safety|mid-career|training (diesel|maintenance|technicians)/i,
    "incumbent_worker_skills",
  ],
  [/child ?care/i, "other"],
];
export function demoTheme(title: string): Theme {
  return themeRules.find(([pattern]) => pattern.test(title))?.[1] ?? "talent_pipeline";
}

const actionTemplates = [
  "Survey members on {p}",
  "Map existing programs that address {p}",
  "Host a site visit for teachers and counselors",
  "Draft a shared job description and skills list",
  "Pilot a cohort with the community college",
  "Ask the workforce board for matching funds",
  "Report progress at the full partnership meeting",
  "Recruit three more employers to the effort",
  "Publish a one-page summary for business leaders",
  "Meet the transit authority about routes and shifts",
];

const updateNotes = [
  "Kick-off call held; roles agreed.",
  "First draft shared with the team for comments.",
  "Waiting on data from the college.",
  "Two more employers signed on.",
  "Met with the workforce board; funding looks likely.",
  "Schedule slipped a month: the host site changed.",
  "Presented at the full partnership meeting.",
];

const results = [
  "Twelve employers took part; results shared with all members.",
  "The pilot cohort of 15 started on time.",
  "Funding secured for the first year.",
  "The summary went to 60 business leaders.",
];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The sector of a partnership from its first NAICS code (the sector's code sets name it). */
function sectorIdeas(codes: readonly string[]): readonly string[] {
  const first = codes[0];
  const sector = sectors.find((s) => s.codeSets.some((set) => set[0] === first));
  return sector ? sector.priorities.map(capitalize) : [];
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function generateAgendaDemo(data: DemoData, random: Random, options: AgendaDemoOptions): AgendaDemo {
  const nextId = idFactory(options.seed ^ 0x0a9e4da5);
  const out: AgendaDemo = {
    opportunities: [],
    voteRounds: [],
    voteRoundItems: [],
    ballots: [],
    ballotEntries: [],
    priorities: [],
    actionTeams: [],
    actionTeamMembers: [],
    actions: [],
    actionUpdates: [],
    activity: [],
  };
  const todayMs = Date.parse(`${options.today}T00:00:00Z`);
  const codesOf = new Map<string, string[]>();
  for (const n of [...data.partnershipNaics].sort((a, b) => (a.position ?? 0) - (b.position ?? 0))) {
    const list = codesOf.get(n.partnershipId) ?? [];
    list.push(n.code);
    codesOf.set(n.partnershipId, list);
  }
  const membersOf = new Map<string, DemoData["memberships"]>();
  for (const m of data.memberships) {
    const list = membersOf.get(m.partnershipId) ?? [];
    list.push(m);
    membersOf.set(m.partnershipId, list);
  }
  const people = new Map(data.people.map((p) => [p.id, p]));
  const userOfPerson = new Map(data.people.filter((p) => p.userId).map((p) => [p.id, p.userId ?? null]));
  const nameOf = (personId: string) => people.get(personId)?.name ?? "Someone";

  for (const p of data.partnerships) {
    const r = random.fork(`agenda-${p.id}`);
    const members = membersOf.get(p.id) ?? [];
    const business = members.filter((m) => m.role === "champion" || m.role === "business_member");
    const champions = business.filter((m) => m.role === "champion");
    const support = members.filter((m) => m.role === "support");
    const convener = members.find((m) => m.role === "convener");
    const convenerUser = convener ? (userOfPerson.get(convener.personId) ?? null) : null;
    if (business.length === 0) continue;
    const launched = p.launchDate !== null && p.launchDate !== undefined;
    const createdMs = p.createdAt instanceof Date ? p.createdAt.getTime() : todayMs - 400 * dayMs;
    // The launch vote happens on the launch day; before the launch, a vote runs now.
    const voteDayMs = launched ? Date.parse(`${p.launchDate}T17:00:00Z`) : todayMs - r.int(3, 20) * dayMs;
    const event = (
      kind: string,
      summary: string,
      at: number,
      subjectType: string,
      subjectId: string,
      actor?: string,
    ) =>
      out.activity.push({
        id: nextId(),
        partnershipId: p.id,
        kind,
        summary,
        subjectType,
        subjectId,
        actorPersonId: actor ?? convener?.personId ?? null,
        createdAt: new Date(at),
      });

    // Opportunities raised by business leaders before the vote.
    // The industry's own ideas alternate with those every region shares (housing, transport,
    // new markets...), so priorities span themes as real tables do, not only the workforce.
    const own = sectorIdeas(codesOf.get(p.id) ?? []);
    const shared = r.shuffle(commonOpportunities);
    const ideas = [
      ...new Set(
        own
          .flatMap((idea, i) => [idea, shared[i]])
          .concat(shared)
          .filter((x) => x !== undefined),
      ),
    ];
    const opportunityCount = options.light ? 4 : r.int(5, 8);
    const raisedFrom = Math.max(createdMs, voteDayMs - 60 * dayMs);
    const opps = ideas.slice(0, opportunityCount).map((title) => {
      const raiser = r.chance(0.8) ? r.pick(business) : (convener ?? r.pick(business));
      const row = {
        id: nextId(),
        partnershipId: p.id,
        title,
        description: r.chance(0.5) ? `Raised at a one-on-one with ${nameOf(raiser.personId)}.` : "",
        theme: demoTheme(title),
        raisedBy: raiser.personId,
        createdAt: new Date(
          raisedFrom + r.int(0, Math.max(1, Math.floor((voteDayMs - raisedFrom) / dayMs) - 1)) * dayMs,
        ),
      };
      out.opportunities.push(row);
      return row;
    });

    // The dot vote: each voter spreads 5 dots, with a lean toward what the industry names most.
    const round = {
      id: nextId(),
      partnershipId: p.id,
      title: launched
        ? "Launch meeting: what should we work on first?"
        : "Before the launch: what matters most?",
      method: "dots" as const,
      dotsPerVoter: 5,
      status: launched ? ("closed" as const) : ("open" as const),
      openedBy: convenerUser,
      openedAt: new Date(voteDayMs),
      closedAt: launched ? new Date(voteDayMs + 2 * 3_600_000) : null,
      closedBy: launched ? convenerUser : null,
    };
    out.voteRounds.push(round);
    opps.forEach((o, position) =>
      out.voteRoundItems.push({ roundId: round.id, opportunityId: o.id, position }),
    );
    event(
      "vote.opened",
      `Vote opened: ${round.title} (${opps.length} opportunities)`,
      voteDayMs,
      "vote_round",
      round.id,
    );
    const weights = opps.map((o, i) => [o.id, opps.length - i + r.int(0, 3)] as const);
    const voterCount = Math.max(1, Math.ceil(business.length * (launched ? 0.8 : 0.5)));
    const voters = r.shuffle(business).slice(0, options.light ? Math.min(5, voterCount) : voterCount);
    const dotTotals = new Map<string, number>();
    for (const voter of voters) {
      const ballotId = nextId();
      out.ballots.push({
        id: ballotId,
        roundId: round.id,
        personId: voter.personId,
        createdAt: new Date(voteDayMs + r.int(5, 90) * 60_000),
        updatedAt: new Date(voteDayMs + r.int(90, 110) * 60_000),
      });
      const dots = new Map<string, number>();
      for (let d = 0; d < 5; d++) {
        const id = r.weighted(weights);
        dots.set(id, (dots.get(id) ?? 0) + 1);
      }
      for (const [opportunityId, n] of dots) {
        out.ballotEntries.push({ ballotId, opportunityId, dots: n });
        dotTotals.set(opportunityId, (dotTotals.get(opportunityId) ?? 0) + n);
      }
    }
    if (!launched) continue;
    event(
      "vote.closed",
      `Vote closed: ${round.title} (${voters.length} voters)`,
      voteDayMs + 2 * 3_600_000,
      "vote_round",
      round.id,
    );

    // What the vote chose becomes priorities; later stages have achieved and retired ones too.
    const ranked = [...opps].sort((a, b) => (dotTotals.get(b.id) ?? 0) - (dotTotals.get(a.id) ?? 0));
    const statuses: PriorityStatus[] =
      p.stage === "launch"
        ? ["active", "active"]
        : p.stage === "act"
          ? ["active", "active", "achieved"]
          : ["active", "active", "achieved", "retired"];
    const chosenMs = voteDayMs + 3 * 3_600_000;
    const usedChampions = new Set<string>();
    statuses.forEach((status, index) => {
      const opportunity = ranked[index];
      if (!opportunity) return;
      const priorityId = nextId();
      const endedMs =
        status === "active" ? null : Math.min(todayMs - 30 * dayMs, chosenMs + r.int(300, 700) * dayMs);
      out.priorities.push({
        id: priorityId,
        partnershipId: p.id,
        opportunityId: opportunity.id,
        title: opportunity.title,
        theme: opportunity.theme,
        problem: `Members named this first at the launch: ${opportunity.title.toLowerCase()}.`,
        goal: r.pick([
          "Measurable progress within a year, reported at each full meeting.",
          "Every member firm sees a difference in hiring within two years.",
          "A shared program the partnership runs every year.",
        ]),
        status,
        chosenAt: new Date(chosenMs),
        version: 1,
        createdAt: new Date(chosenMs),
        updatedAt: new Date(endedMs ?? chosenMs),
      });
      event("priority.chosen", `Priority chosen: ${opportunity.title}`, chosenMs, "priority", priorityId);
      if (endedMs !== null) {
        event(
          status === "achieved" ? "priority.achieved" : "priority.retired",
          `${status === "achieved" ? "Priority achieved" : "Priority retired"}: ${opportunity.title}`,
          endedMs,
          "priority",
          priorityId,
        );
      }

      // Its action team: one or two business champions (the demo champion leads the first team
      // of their partnership), business members and support partners who signed up.
      const teamMs = chosenMs + r.int(7, 30) * dayMs;
      const teamId = nextId();
      out.actionTeams.push({
        id: teamId,
        partnershipId: p.id,
        priorityId,
        name: `${opportunity.title} team`,
        createdAt: new Date(teamMs),
      });
      // People with an account first, so the demo champion signs in to a team they lead.
      const pool = champions
        .filter((c) => !usedChampions.has(c.personId))
        .sort((a, b) => Number(userOfPerson.has(b.personId)) - Number(userOfPerson.has(a.personId)));
      const leads = (pool.length > 0 ? pool : business).slice(0, r.chance(0.3) ? 2 : 1);
      leads.forEach((l) => usedChampions.add(l.personId));
      const teamPeople = new Set(leads.map((l) => l.personId));
      for (const l of leads) {
        out.actionTeamMembers.push({
          teamId,
          personId: l.personId,
          role: "champion",
          joinedAt: new Date(teamMs),
        });
      }
      const joiners = [
        ...r
          .shuffle(business.filter((b) => !teamPeople.has(b.personId)))
          .slice(0, options.light ? 1 : r.int(1, 3)),
        ...r.shuffle(support).slice(0, options.light ? 1 : r.int(1, 2)),
      ];
      for (const j of joiners) {
        teamPeople.add(j.personId);
        out.actionTeamMembers.push({
          teamId,
          personId: j.personId,
          role: j.role === "support" ? "support" : "member",
          joinedAt: new Date(teamMs + r.int(0, 20) * dayMs),
        });
      }
      event(
        "team.formed",
        `Action team formed: ${opportunity.title} team, championed by ${leads.map((l) => nameOf(l.personId)).join(", ")}`,
        teamMs,
        "action_team",
        teamId,
      );

      // Actions in every status: done ones in the past, open ones late, due soon or later.
      const owners = [...teamPeople];
      type Planned = { status: ActionStatus; due: number | null };
      const activePlan: Planned[] = [
        { status: "done", due: -r.int(20, 200) },
        { status: "done", due: -r.int(5, 60) },
        { status: "in_progress", due: r.int(5, 55) },
        { status: "planned", due: r.int(10, 58) },
        { status: "stuck", due: -r.int(3, 25) },
        { status: "planned", due: r.int(70, 180) },
        { status: "in_progress", due: -r.int(1, 15) },
        { status: "planned", due: null },
      ];
      const pastPlan: Planned[] = [
        { status: "done", due: -r.int(60, 300) },
        { status: "done", due: -r.int(40, 200) },
        { status: status === "achieved" ? "done" : "stuck", due: -r.int(35, 100) },
      ];
      const plan = status === "active" ? activePlan.slice(0, options.light ? 4 : r.int(5, 8)) : pastPlan;
      const teamAgeDays = Math.max(1, Math.floor((todayMs - teamMs) / dayMs));
      const templates = r.shuffle(actionTemplates);
      plan.forEach((a, i) => {
        const actionId = nextId();
        const title = templates[i % templates.length]
          .replace("{p}", opportunity.title.toLowerCase())
          .concat(i >= actionTemplates.length ? ` (${i + 1})` : "");
        // Created on or before the due date, after the team formed, and not in the future.
        const dueMs = a.due === null ? null : Math.max(teamMs + dayMs, todayMs + a.due * dayMs);
        const latestCreate = Math.min(todayMs - dayMs, (dueMs ?? todayMs) - dayMs);
        const createdAt = Math.max(
          teamMs,
          latestCreate - r.int(10, Math.max(10, Math.min(120, teamAgeDays))) * dayMs,
        );
        const done = a.status === "done";
        const completedMs = done ? Math.min(todayMs - dayMs, (dueMs ?? todayMs) - r.int(0, 5) * dayMs) : null;
        const progress = done
          ? 100
          : a.status === "planned"
            ? 0
            : a.status === "stuck"
              ? r.int(10, 40)
              : r.int(20, 80);
        const updates = options.light
          ? Number(done)
          : done
            ? r.int(1, 3)
            : a.status === "planned"
              ? 0
              : r.int(1, 2);
        const ownerId = r.pick(owners);
        out.actions.push({
          id: actionId,
          partnershipId: p.id,
          teamId,
          title,
          ownerId,
          dueDate: dueMs === null ? null : isoDay(dueMs),
          status: a.status,
          progress,
          result: done ? r.pick(results) : "",
          version: 1 + updates,
          createdAt: new Date(createdAt),
          updatedAt: new Date(completedMs ?? Math.max(createdAt, todayMs - r.int(1, 10) * dayMs)),
          completedAt: completedMs === null ? null : new Date(Math.max(createdAt, completedMs)),
        });
        const end = completedMs ?? todayMs - dayMs;
        for (let u = 0; u < updates; u++) {
          const at = createdAt + Math.floor(((end - createdAt) * (u + 1)) / (updates + 1));
          const last = u === updates - 1;
          out.actionUpdates.push({
            id: nextId(),
            actionId,
            note: last && done ? "Done. " + r.pick(results) : r.pick(updateNotes),
            progress: last ? progress : Math.round((progress * (u + 1)) / (updates + 1)),
            status: last ? a.status : "in_progress",
            authorId: ownerId,
            createdAt: new Date(at),
          });
        }
        if (done && completedMs !== null) {
          event(
            "action.done",
            `Action done: ${title}`,
            Math.max(createdAt, completedMs),
            "action",
            actionId,
            ownerId,
          );
        }
      });
    });
  }
  giveTheChampionWhatIsDue(data, out, todayMs);
  return out;
}

/**
 * The demo champion signs in to work on their plate: the open actions of the teams they lead
 * that are late or due within two weeks become theirs (with the updates they posted on them).
 */
function giveTheChampionWhatIsDue(data: DemoData, out: AgendaDemo, todayMs: number) {
  const champion = data.people.find((p) => p.email === demoAccounts.champion.email);
  if (!champion) return;
  const led = new Set(
    out.actionTeamMembers
      .filter((m) => m.personId === champion.id && m.role === "champion")
      .map((m) => m.teamId),
  );
  const horizon = new Date(todayMs + DUE_WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const mine = new Set<string>();
  for (const action of out.actions) {
    if (!led.has(action.teamId) || action.status === "done" || !action.dueDate) continue;
    if (action.dueDate > horizon) continue;
    action.ownerId = champion.id;
    mine.add(action.id);
  }
  for (const update of out.actionUpdates) if (mine.has(update.actionId)) update.authorId = champion.id;
}

/** The default day the demo is loaded on: today, in UTC. */
export function demoToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Inserts the demo agenda inside the demo loader's transaction, parents before children. */
export async function insertAgendaDemo(tx: Executor, demo: AgendaDemo): Promise<void> {
  await insertRows(tx, schema.opportunities, demo.opportunities);
  await insertRows(tx, schema.voteRounds, demo.voteRounds);
  await insertRows(tx, schema.voteRoundItems, demo.voteRoundItems);
  await insertRows(tx, schema.ballots, demo.ballots);
  await insertRows(tx, schema.ballotEntries, demo.ballotEntries);
  await insertRows(tx, schema.priorities, demo.priorities);
  await insertRows(tx, schema.actionTeams, demo.actionTeams);
  await insertRows(tx, schema.actionTeamMembers, demo.actionTeamMembers);
  await insertRows(tx, schema.actions, demo.actions);
  await insertRows(tx, schema.actionUpdates, demo.actionUpdates);
  await insertRows(tx, schema.activity, demo.activity);
}
