import type { RubricContent } from "../../../core/assessment-scoring.js";

/**
 * Version 2 of the rubric, written in our own words around the six points of the published
 * "Is your partnership Next Gen?" indicators, in their order: a regional labor market; led by
 * influential private sector leaders; industry-identified solutions with economic impact; a
 * coordinated team of public partners; a shared action plan carried out by business leaders;
 * a disciplined process that lasts.
 *
 * Characteristics keep version 1's keys where they answer the same question, so history across
 * versions compares them; `industry_solutions` is new in this version and has no earlier score.
 * Statements that ask what a version 1 statement asked keep its key. Released text never changes:
 * rounds answered under it keep pointing at it.
 */
export const rubricV2: RubricContent = {
  characteristics: [
    {
      key: "regional_sector",
      name: "A regional labor market",
      summary:
        "One industry in the region where its businesses hire and compete, not a county line or a service area drawn for other reasons.",
      statements: [
        {
          key: "labor_market_region",
          text: "Our region is the labor market our businesses hire from, even where it crosses county or state lines.",
          levels: {
            not_yet: "The region is one agency's service area or a single county.",
            emerging: "The region is a set of jurisdictions that roughly matches the labor market.",
            established: "The region follows commuting patterns, across lines where needed.",
            exemplary: "Partners from every part of the region take part and agree on its bounds.",
          },
          resources: [
            { title: "Your partnership's region", href: "edit", workspace: true },
            { title: "Build your support team", href: "/resources/build-your-support-team" },
          ],
          signal: "regional_economy",
        },
        {
          key: "one_industry",
          text: "We work with one industry, or a cluster of closely related ones, that matters to the region's economy.",
          levels: {
            not_yet: "Several unrelated industries share the table.",
            emerging: "One main industry, with others mixed in.",
            established: "One industry, clearly named, with members from it and its supply chain.",
            exemplary: "One industry whose businesses say the partnership speaks for them.",
          },
          resources: [{ title: "An industry snapshot", href: "/resources/industry-snapshot-example" }],
        },
        {
          key: "industry_data",
          text: "We chose the industry with data about the region's economy, and we keep that data in view.",
          levels: {
            not_yet: "We have no shared picture of the industry in the region.",
            emerging: "We looked at data once, when we started.",
            established: "We look at current data on the industry at least once a year.",
            exemplary: "Business leaders test the data against their experience and it shapes decisions.",
          },
          resources: [{ title: "An industry snapshot", href: "/resources/industry-snapshot-example" }],
          signal: "regional_economy",
        },
      ],
    },
    {
      key: "industry_driven",
      name: "Led by influential business leaders",
      summary:
        "Private sector leaders who can commit their companies lead the partnership, keep drawing their peers in and outnumber public partners.",
      statements: [
        {
          key: "business_majority",
          text: "Business leaders outnumber public partners at our full partnership meetings.",
          levels: {
            not_yet: "Public partners fill most of the seats; few business leaders attend.",
            emerging: "About as many business leaders as public partners attend.",
            established: "Business leaders are the clear majority at most meetings.",
            exemplary: "Business leaders are the majority at every meeting and bring peers along.",
          },
          resources: [
            { title: "Meeting attendance in your workspace", href: "meetings", workspace: true },
            { title: "Prepare for launch", href: "/resources/prepare-for-launch" },
          ],
          signal: "business_attendance_share",
        },
        {
          key: "influential_leaders",
          text: "Our business members are owners, CEOs and executives who can commit their companies' time and money.",
          levels: {
            not_yet: "Companies send staff who cannot speak for them.",
            emerging: "A few owners or executives take part; most members are managers.",
            established: "Most business members are owners, CEOs or executives.",
            exemplary: "Senior leaders take part in person and commit their companies' resources.",
          },
          resources: [{ title: "Who is at your table", href: "members", workspace: true }],
          signal: "business_seniority",
        },
        {
          key: "new_business_leaders",
          text: "We keep attracting new business leaders, and businesses recruit their peers.",
          levels: {
            not_yet: "The same few businesses, or fewer each year.",
            emerging: "A few new businesses joined this year, invited by staff.",
            established: "New businesses join every year and most members stay.",
            exemplary: "Business members bring their peers, and businesses ask to join.",
          },
          resources: [
            { title: "Engaging small businesses", href: "/resources/engaging-small-businesses" },
            { title: "Invite members", href: "members", workspace: true },
          ],
        },
        {
          key: "business_champions",
          text: "Business champions lead our action teams and speak for the partnership.",
          levels: {
            not_yet: "Action teams are led by staff, or there are no action teams yet.",
            emerging: "Some action teams have a business champion.",
            established: "Every action team has a business champion.",
            exemplary: "Every team has a business champion, and new champions are ready to step in.",
          },
          resources: [{ title: "Action teams that deliver", href: "/resources/action-teams-that-deliver" }],
          signal: "business_champions",
        },
      ],
    },
    {
      key: "industry_solutions",
      name: "Industry-identified solutions with economic impact",
      summary:
        "Business leaders name what would make the industry more competitive in the region, workforce and beyond, and the work aims at economic results.",
      statements: [
        {
          key: "business_sets_priorities",
          text: "Business leaders identify and choose the priorities; public partners listen and do not vote.",
          levels: {
            not_yet: "Priorities come from public programs or grant requirements.",
            emerging: "Business leaders are asked for input, but staff decide the priorities.",
            established: "Business leaders choose the priorities at a launch or full meeting.",
            exemplary: "Business leaders revisit and re-choose the priorities at least once a year.",
          },
          resources: [
            { title: "Run a launch meeting", href: "/resources/run-a-launch-meeting" },
            { title: "The priority vote", href: "agenda", workspace: true },
          ],
        },
        {
          key: "beyond_workforce",
          text: "Our priorities address the industry's competitiveness (supply chain, infrastructure, markets, innovation, regulation), not only its workforce.",
          levels: {
            not_yet: "Every priority is a training or hiring program.",
            emerging: "Business leaders raised needs beyond workforce, but none became a priority.",
            established: "At least one current priority is beyond workforce.",
            exemplary:
              "Priorities span the industry's needs, and partners outside workforce deliver on them.",
          },
          resources: [{ title: "The action plan", href: "agenda/plan", workspace: true }],
          signal: "priorities_beyond_workforce",
        },
        {
          key: "economic_impact",
          text: "We can name the economic results our work aims for, and show the ones we have reached.",
          levels: {
            not_yet: "We count meetings and activities, not results for the industry.",
            emerging: "We named results we want, but do not track them.",
            established:
              "We track a few results for the industry (jobs, wages, sales, investment) against a baseline.",
            exemplary: "Our results are tracked every year, compared with peers and told to the region.",
          },
          resources: [
            { title: "Measure and tell your impact", href: "/resources/measure-and-tell-your-impact" },
            { title: "Impact indicators", href: "impact", workspace: true },
          ],
        },
      ],
    },
    {
      key: "community_supported",
      name: "A coordinated team of public partners",
      summary:
        "K-12, postsecondary, workforce and economic development, chambers of commerce and others support the business agenda as one team.",
      statements: [
        {
          key: "core_public_partners",
          text: "K-12 and postsecondary education, workforce development, economic development and the chamber of commerce all sit at the table.",
          levels: {
            not_yet: "One or two kinds of public partners take part.",
            emerging: "Three or four of the five kinds take part.",
            established: "All five kinds take part.",
            exemplary: "All five take part, with leaders who can commit their organizations' resources.",
          },
          resources: [
            { title: "Who is at your table", href: "members", workspace: true },
            { title: "Build your support team", href: "/resources/build-your-support-team" },
          ],
          signal: "public_partner_kinds",
        },
        {
          key: "one_support_team",
          text: "Our public partners come to the table as one coordinated team, not program by program.",
          levels: {
            not_yet: "Each program pitches its own services to businesses.",
            emerging: "Public partners meet now and then, but still speak for their own programs.",
            established: "Public partners meet regularly as one support team and answer as one.",
            exemplary: "The support team shares staff and plans, and businesses see one front door.",
          },
          resources: [{ title: "Build your support team", href: "/resources/build-your-support-team" }],
        },
        {
          key: "programs_aligned",
          text: "Public partners change or align their programs and resources in answer to the priorities.",
          levels: {
            not_yet: "Programs carry on as before the partnership.",
            emerging: "A partner has adjusted one program for a priority.",
            established: "Several partners have aligned programs to the priorities.",
            exemplary: "Partners blend funding or share staff to deliver on the priorities.",
          },
          resources: [{ title: "Action teams that deliver", href: "/resources/action-teams-that-deliver" }],
        },
        {
          key: "support_team_follow_through",
          text: "The support team follows up on every commitment it makes to the action teams.",
          levels: {
            not_yet: "Commitments are made at meetings and rarely tracked.",
            emerging: "Commitments are written down, but follow-up is uneven.",
            established: "Every commitment has an owner and a date, and is reported on.",
            exemplary: "Commitments are met on time, and business leaders say so.",
          },
          resources: [{ title: "Report back to the partnership", href: "/resources/meeting-report-back" }],
        },
      ],
    },
    {
      key: "action_results",
      name: "A shared action plan, carried out by business leaders",
      summary:
        "One written plan everyone shares and keeps current; business leaders carry out its actions, set 60-day goals and report back.",
      statements: [
        {
          key: "action_plan_current",
          text: "We have one written action plan that everyone shares, updated in the last two months.",
          levels: {
            not_yet: "There is no written action plan.",
            emerging: "There is a plan, but nobody has touched it for months.",
            established: "The plan is current and every priority has actions with owners and dates.",
            exemplary: "The plan changes as the work moves, and everyone at the table can read it.",
          },
          resources: [
            { title: "The action plan", href: "agenda/plan", workspace: true },
            { title: "Action team charter", href: "/resources/action-team-charter" },
          ],
          signal: "action_plan_updated",
        },
        {
          key: "business_implements",
          text: "Business leaders carry out the plan's actions themselves; staff support them and do not take over.",
          levels: {
            not_yet: "Staff carry out the plan and report to businesses.",
            emerging: "Business leaders own a few actions; staff carry out the rest.",
            established: "Business leaders own most actions, with public partners supporting.",
            exemplary: "Business leaders drive every action and bring their companies' resources to it.",
          },
          resources: [{ title: "Action teams that deliver", href: "/resources/action-teams-that-deliver" }],
        },
        {
          key: "sixty_day_goals",
          text: "Action teams set goals for the next 60 days and report back at the next full meeting.",
          levels: {
            not_yet: "Action teams have no near-term goals, or do not report back.",
            emerging: "Some teams set goals; reports at full meetings are irregular.",
            established: "Every team sets 60-day goals and reports back at each full meeting.",
            exemplary: "Teams meet their 60-day goals most of the time and reset them in the open.",
          },
          resources: [{ title: "Report back to the partnership", href: "/resources/meeting-report-back" }],
        },
        {
          key: "early_wins",
          text: "We delivered early, visible wins within the first months of acting on a priority.",
          levels: {
            not_yet: "No visible result yet.",
            emerging: "One early win, not yet shared widely.",
            established: "Early wins on several priorities, shared with the members.",
            exemplary: "Early wins that brought new businesses and partners to the table.",
          },
          resources: [{ title: "Early wins: examples", href: "/resources/early-wins-examples" }],
        },
      ],
    },
    {
      key: "sustainable",
      name: "A disciplined process that lasts",
      summary:
        "The partnership follows the toolkit's process step by step, keeps meeting, refreshes its priorities and outlasts any one person or grant.",
      statements: [
        {
          key: "follows_process",
          text: "We follow the toolkit's process (prepare, launch, act, sustain) without skipping steps.",
          levels: {
            not_yet: "We started with programs and skipped the launch with business leaders.",
            emerging: "We held a launch, but steps before or after it were skipped.",
            established: "We followed each phase, and the checklist shows it.",
            exemplary: "We follow the process again for each new priority and help others learn it.",
          },
          resources: [
            { title: "The launch checklist", href: "checklist", workspace: true },
            { title: "Prepare for launch", href: "/resources/prepare-for-launch" },
          ],
        },
        {
          key: "meets_regularly",
          text: "We have met as a full partnership at least twice in the last 12 months.",
          levels: {
            not_yet: "We have not met as a full partnership in the last 12 months.",
            emerging: "We have met once in the last 12 months.",
            established: "We have met two or three times in the last 12 months.",
            exemplary: "We meet at least quarterly, and business leaders ask for the meetings.",
          },
          resources: [{ title: "Meetings in your workspace", href: "meetings", workspace: true }],
          signal: "meetings_last_12_months",
        },
        {
          key: "priorities_refreshed",
          text: "We refresh our priorities as they are reached or the industry's needs change.",
          levels: {
            not_yet: "The priorities have not changed since launch.",
            emerging: "We have talked about refreshing them.",
            established: "We refreshed the priorities within the last two years.",
            exemplary: "We review them every year, retire finished ones and pick new ones.",
          },
          resources: [{ title: "Sustain and evolve", href: "/resources/sustain-and-evolve" }],
        },
        {
          key: "convening_resourced",
          text: "Convening the partnership is someone's job, with the time and money to do it, and would survive a change of staff.",
          levels: {
            not_yet: "Convening depends on one person's spare time or a grant about to end.",
            emerging: "Someone is assigned, but without dedicated time or budget.",
            established: "The convener has dedicated time and a budget for the next year.",
            exemplary: "Several partners share the cost, and a co-convener is ready to take over.",
          },
          resources: [{ title: "Sustain and evolve", href: "/resources/sustain-and-evolve" }],
        },
      ],
    },
  ],
};
