import type { RubricContent } from "../../../core/assessment-scoring.js";

/**
 * Version 1 of the rubric "Is your partnership Next Gen?", seeded into the database the first
 * time a rubric is asked for. Community admins succeed it with new versions in the app; this
 * text never changes once released, because rounds answered under it keep pointing at it.
 * Toolkit resources are named by section title until the resource library exists.
 */
export const rubricV1: RubricContent = {
  characteristics: [
    {
      key: "industry_driven",
      name: "Industry-driven",
      summary: "Business leaders set the agenda and drive the action, not the agenda of public programs.",
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
            { title: "Toolkit: Recruit business leaders to the launch" },
            { title: "Meeting attendance in your workspace", href: "meetings", workspace: true },
          ],
          signal: "business_attendance_share",
        },
        {
          key: "business_sets_priorities",
          text: "Business leaders choose the partnership's priorities; public partners listen and do not vote.",
          levels: {
            not_yet: "Priorities come from public programs or grant requirements.",
            emerging: "Business leaders are asked for input, but staff decide the priorities.",
            established: "Business leaders choose the priorities at a launch or full meeting.",
            exemplary: "Business leaders revisit and re-choose priorities at least once a year.",
          },
          resources: [
            { title: "Toolkit: Run the launch meeting" },
            { title: "Toolkit: Facilitate the priority vote" },
          ],
        },
        {
          key: "business_champions",
          text: "Each priority has an action team led by a business champion.",
          levels: {
            not_yet: "Action teams are led by staff, or there are no action teams yet.",
            emerging: "Some action teams have a business champion.",
            established: "Every action team has a business champion.",
            exemplary: "Every action team has a business champion, and new champions are ready to step in.",
          },
          resources: [{ title: "Toolkit: Find and support business champions" }],
          signal: "business_champions",
        },
        {
          key: "business_chairs",
          text: "Business co-chairs run the full partnership meetings; the convener supports them.",
          levels: {
            not_yet: "The convener chairs every meeting.",
            emerging: "Business leaders open or close meetings the convener runs.",
            established: "Business co-chairs run the meetings from an agenda they agreed on.",
            exemplary: "Business co-chairs run meetings and recruit new members themselves.",
          },
          resources: [{ title: "Toolkit: The convener's role" }],
        },
      ],
    },
    {
      key: "community_supported",
      name: "Community-supported",
      summary: "Public partners work as one coordinated support team around the business agenda.",
      statements: [
        {
          key: "one_support_team",
          text: "Our public partners come to the table as one coordinated team, not program by program.",
          levels: {
            not_yet: "Each program pitches its own services to businesses.",
            emerging: "Public partners meet now and then, but still speak for their own programs.",
            established: "Public partners meet regularly as one support team and answer as one.",
            exemplary: "The support team shares staff and plans, and businesses see one front door.",
          },
          resources: [{ title: "Toolkit: Build the civic infrastructure" }],
        },
        {
          key: "core_public_partners",
          text: "Workforce development, education, economic development and community organizations all sit at the table.",
          levels: {
            not_yet: "One or two kinds of public partners take part.",
            emerging: "Three kinds of public partners take part.",
            established: "All four core kinds take part.",
            exemplary: "All four take part, with leaders who can commit their organizations' resources.",
          },
          resources: [
            { title: "Toolkit: Form the support team" },
            { title: "Who is at your table", href: "members", workspace: true },
          ],
          signal: "public_partner_kinds",
        },
        {
          key: "programs_aligned",
          text: "Public partners change or align their programs in answer to the priorities businesses chose.",
          levels: {
            not_yet: "Programs carry on as before the partnership.",
            emerging: "A partner has adjusted one program for a priority.",
            established: "Several partners have aligned programs to the priorities.",
            exemplary: "Partners blend funding or co-staff work to deliver on the priorities.",
          },
          resources: [{ title: "Toolkit: Respond to industry priorities as one system" }],
        },
        {
          key: "support_team_follow_through",
          text: "The support team follows up on every commitment it makes to the action teams.",
          levels: {
            not_yet: "Commitments are made at meetings and rarely tracked.",
            emerging: "Commitments are written down, but follow-up is uneven.",
            established: "Every commitment has an owner and a date, and is reported on.",
            exemplary: "Commitments are met on time and businesses say so.",
          },
          resources: [{ title: "Toolkit: Support action teams" }],
        },
      ],
    },
    {
      key: "sustainable",
      name: "Sustainable over time",
      summary: "The partnership keeps meeting, renews its members and leaders, and refreshes its priorities.",
      statements: [
        {
          key: "meets_regularly",
          text: "We have met as a full partnership at least twice in the last 12 months.",
          levels: {
            not_yet: "We have not met as a full partnership in the last 12 months.",
            emerging: "We have met once in the last 12 months.",
            established: "We have met two or three times in the last 12 months.",
            exemplary: "We meet at least quarterly, and business leaders ask for the meetings.",
          },
          resources: [{ title: "Toolkit: Keep the partnership going" }],
          signal: "meetings_last_12_months",
        },
        {
          key: "new_business_members",
          text: "New business members join each year, and those who joined stay involved.",
          levels: {
            not_yet: "The same few businesses, or fewer each year.",
            emerging: "A few new businesses joined this year.",
            established: "New businesses join every year and most members stay.",
            exemplary: "Businesses ask to join, and members bring their peers.",
          },
          resources: [
            { title: "Toolkit: Grow the business membership" },
            { title: "Invite members", href: "members", workspace: true },
          ],
        },
        {
          key: "priorities_refreshed",
          text: "We refresh our priorities as the industry's needs change.",
          levels: {
            not_yet: "The priorities have not changed since launch.",
            emerging: "We have talked about refreshing them.",
            established: "We refreshed the priorities within the last two years.",
            exemplary: "We review them every year, retire finished ones and pick new ones.",
          },
          resources: [{ title: "Toolkit: Sustain and evolve" }],
        },
        {
          key: "convening_resourced",
          text: "Convening the partnership is someone's job, with the time and money to do it.",
          levels: {
            not_yet: "Convening depends on one person's spare time or a grant about to end.",
            emerging: "Someone is assigned, but without dedicated time or budget.",
            established: "The convener has dedicated time and a budget for the next year.",
            exemplary: "Several partners share the cost, and a backup convener is ready.",
          },
          resources: [{ title: "Toolkit: The convener's role" }],
        },
      ],
    },
    {
      key: "regional_sector",
      name: "Regional and sector-focused",
      summary: "One industry in one labor-market region, defined by how people commute and work.",
      statements: [
        {
          key: "one_industry",
          text: "The partnership focuses on one industry, and its members see themselves in it.",
          levels: {
            not_yet: "Several unrelated industries share the table.",
            emerging: "One main industry, with others mixed in.",
            established: "One industry, clearly named, with all members in it or its supply chain.",
            exemplary: "One industry whose members say the partnership speaks for them.",
          },
          resources: [{ title: "Toolkit: Pick target industries with data" }],
        },
        {
          key: "labor_market_region",
          text: "Our region follows the labor market, even where it crosses county or state lines.",
          levels: {
            not_yet: "The region follows one agency's service area.",
            emerging: "The region is a set of jurisdictions that roughly matches the labor market.",
            established: "The region follows commuting patterns, across lines where needed.",
            exemplary: "Partners from every part of the region take part and agree on its bounds.",
          },
          resources: [{ title: "Your partnership's region", href: "edit", workspace: true }],
        },
        {
          key: "industry_data",
          text: "We use current data about the industry in our region to frame the discussion.",
          levels: {
            not_yet: "We have no shared picture of the industry's data.",
            emerging: "We shared data once, at launch.",
            established: "We share up-to-date industry data at least once a year.",
            exemplary: "Businesses check the data against their experience and it shapes decisions.",
          },
          resources: [{ title: "Toolkit: Study the industry in the region" }],
        },
        {
          key: "whole_region_represented",
          text: "Businesses of different sizes and from across the region are at the table.",
          levels: {
            not_yet: "A handful of large employers from one place.",
            emerging: "Some variety in size or place, not both.",
            established: "Small, mid-sized and large firms from across the region.",
            exemplary: "The mix matches the industry in the region, and small firms lead too.",
          },
          resources: [{ title: "Who is at your table", href: "members", workspace: true }],
        },
      ],
    },
    {
      key: "action_results",
      name: "Action and results",
      summary: "Priorities turn into actions with owners, and results are measured and told.",
      statements: [
        {
          key: "action_plan_current",
          text: "Our action plan is shared, up to date, and carried out by business leaders.",
          levels: {
            not_yet: "There is no written action plan.",
            emerging: "There is a plan, but it is out of date or staff carry it out.",
            established: "The plan is current and business leaders own most actions.",
            exemplary: "Business leaders report progress on the plan at every meeting.",
          },
          resources: [{ title: "Toolkit: Write the action plan" }],
        },
        {
          key: "early_wins",
          text: "We achieved early wins within the first months of acting on a priority.",
          levels: {
            not_yet: "No visible result yet.",
            emerging: "One early win, not yet shared widely.",
            established: "Early wins on several priorities, shared with the members.",
            exemplary: "Early wins that brought new businesses and partners to the table.",
          },
          resources: [{ title: "Toolkit: Plan for early wins" }],
        },
        {
          key: "results_measured",
          text: "We measure results with agreed indicators and compare them with a baseline.",
          levels: {
            not_yet: "We do not track results.",
            emerging: "We count activities, such as events held or people served.",
            established: "We track outcome indicators against a baseline.",
            exemplary: "We track outcomes every year and compare them with peers.",
          },
          resources: [{ title: "Toolkit: Measure impact" }, { title: "Next Gen Benchmarking Framework" }],
        },
        {
          key: "results_told",
          text: "We tell our results to members, funders and the community with stories and numbers.",
          levels: {
            not_yet: "Our results are not shared outside the meeting room.",
            emerging: "We share results now and then, when asked.",
            established: "We publish results at least once a year.",
            exemplary: "Members and partners tell the story themselves, and it draws new members.",
          },
          resources: [{ title: "Toolkit: Tell the partnership's story" }],
        },
      ],
    },
  ],
};
