import type { ResourceBody } from "../../../core/resources.js";

export interface StarterResource extends Required<Omit<ResourceBody, "url">> {
  slug: string;
  url?: string;
}

/** The Community of Practice's starter library, in plain words for busy practitioners. */
export const starterLibrary: readonly StarterResource[] = [
  {
    slug: "build-your-support-team",
    title: "Build one support team before you call a single business",
    kind: "toolkit_chapter",
    stage: "civic_infrastructure",
    topics: ["civic_infrastructure", "industry_data"],
    audience: ["convener", "support_partner"],
    summary:
      "Stage 1. Bring workforce development, education and economic development together as one coordinated team, and choose your target industry with data.",
    body: `Business leaders will give a partnership their time only if the public side shows up as **one team**, not as a line of programs asking for something. Stage 1 is about getting that team ready.

## What to do

1. **Name the core support team.** At least the workforce board, a community or technical college, and the economic development organization for the region. Add K-12, community organizations and the chamber when they can commit staff time.
2. **Agree on roles in writing.** Who convenes, who takes notes, who follows up with businesses, who brings data. One page is enough.
3. **Draw the region by the labor market**, not by jurisdiction: where do workers in the industry live and commute? It may cross county or state lines.
4. **Choose the target industry with data**: employment and its growth, wages, concentration compared with the nation, and how many employers are in the region.
5. **Agree that business sets the agenda.** Public partners listen first and bring programs later, at the action teams.

## You are ready when

- the team has met at least twice and can explain the partnership in one sentence;
- each partner has named who will attend and what they can contribute;
- the industry choice is backed by numbers everyone has seen.`,
  },
  {
    slug: "prepare-for-launch",
    title: "Prepare: know the industry, find champions, invite business leaders",
    kind: "toolkit_chapter",
    stage: "prepare",
    topics: ["industry_data", "business_engagement", "launching"],
    audience: ["convener", "support_partner"],
    summary:
      "Stage 2. Study the industry in your region, recruit two or three business champions, and fill the room with decision-makers from firms of every size.",
    body: `The launch works when the right business leaders are in the room. Preparation is mostly conversations.

## Study the industry

Put together a short **industry snapshot** (two pages at most): number of firms and jobs, growth, typical occupations and wages, and what you have heard about hiring. It is a conversation starter, not a report.

## Recruit champions

Look for two or three respected owners or senior leaders who will **co-host the launch and sign the invitation**. Ask them in person. Tell them what you ask: one phone call list, one meeting, their name on a letter.

## Invite

- Aim for 25 to 40 businesses: large and small, all parts of the region.
- Invite **owners, CEOs, plant and operations managers**, not only HR.
- The champions call their peers; the support team follows up by e-mail and phone.
- Track who said yes in a simple list; call again a week before.

## Plan the launch

Book a neutral, comfortable place (often a business site), a 2.5 to 3 hour slot, a skilled facilitator, and a meal. See the launch agenda template.`,
  },
  {
    slug: "run-a-launch-meeting",
    title: "Launch: let business leaders set the agenda",
    kind: "toolkit_chapter",
    stage: "launch",
    topics: ["launching", "facilitation", "business_engagement"],
    audience: ["convener", "business_leader", "support_partner"],
    summary:
      "Stage 3. Business leaders talk about opportunities and challenges for growth, then choose three to five priorities. Public partners listen.",
    body: `The launch is the business leaders' meeting. The convener hosts, a facilitator keeps it moving, and the public partners **listen and take notes**.

## The flow

1. **Welcome by a business champion**: why they came and why it matters.
2. **The industry snapshot** in five minutes: a few numbers, then stop.
3. **Opportunities for growth**: "What would help your company grow in the next three to five years?" Capture every idea where all can see it.
4. **Challenges**: hiring, skills, suppliers, infrastructure, regulation. Keep it about the industry, not about programs.
5. **Group and choose**: cluster similar ideas, then a dot vote. Each business leader spreads a fixed number of dots.
6. **Sign up**: each priority gets a champion and a few business volunteers, who form its action team.

## Rules that make it work

- No presentations by public programs.
- Business voices first; support partners speak only when asked.
- End on time, with names against priorities and a date for the first action team meetings.

Record the opportunities, the vote and the priorities in Shared Table the same day.`,
  },
  {
    slug: "action-teams-that-deliver",
    title: "Act: action teams that deliver early wins",
    kind: "toolkit_chapter",
    stage: "act",
    topics: ["action_teams", "business_engagement"],
    audience: ["convener", "business_leader", "support_partner"],
    summary:
      "Stage 4. Each priority gets an action team led by a business champion, supported by public partners, with a first result within months.",
    body: `Momentum after the launch is fragile. Action teams keep it by delivering something visible quickly.

## Set up each team

- **A business champion leads**; a support partner staffs the team (scheduling, notes, follow-up).
- Write a **one-page charter**: the priority, what success looks like in a year, who is on the team, how often it meets. Use the action team charter template.
- Pick **one early win** that can happen within 90 days: a shared job fair, a tour for teachers, a joint purchase, a letter to the transit agency.

## Keep actions concrete

Every action has an owner, a due date and a status. Update them after each meeting so that everyone can see what moved. Shared Table's action plan shows what is late.

## Report back

Bring the full partnership together within four to six months to hear each team's results. Use the meeting report-back template so every team reports the same way: what we did, what changed, what we need.`,
  },
  {
    slug: "sustain-and-evolve",
    title: "Sustain and evolve: keep the partnership business-led for years",
    kind: "toolkit_chapter",
    stage: "sustain",
    topics: ["sustaining", "measuring_impact", "business_engagement"],
    audience: ["convener", "business_leader", "support_partner"],
    summary:
      "Stage 5. Meet regularly, bring in new businesses, refresh priorities every year, measure and tell your impact, and renew leadership.",
    body: `A partnership lasts when business leaders keep finding it worth their time.

## Habits of lasting partnerships

- **Full partnership meetings two to four times a year**, each with action team report-backs and a decision to make.
- **New business members every year**: ask each champion to bring one peer.
- **Refresh priorities yearly.** Retire what is done, celebrate it, and vote again.
- **Measure and tell your impact** with a few indicators (time-to-hire, retention, shared training) and stories. A one-page annual summary helps champions recruit peers and helps funders.
- **Renew leadership**: rotate co-chairs every one to two years, and train the next champions by pairing them with current ones.

## Warning signs

Meetings turn into program presentations; only public partners attend; the same priority has had no action for six months. When you see them, go back to the business leaders and ask what would make the partnership worth their time again.`,
  },
  {
    slug: "launch-invitation-letter",
    title: "Template: launch invitation letter from business champions",
    kind: "template",
    stage: "prepare",
    topics: ["launching", "business_engagement", "communications"],
    audience: ["convener", "business_leader"],
    summary:
      "A one-page invitation signed by business champions, inviting peers to the launch. Copy it and fill in the brackets.",
    body: `Copy this letter, fill in the brackets, and have it **signed by the business champions**, not by the public partners.

---

Dear [first name],

As leaders of [industry] companies in [region], we face many of the same questions: how to find and keep skilled people, how to grow, and what our region needs to stay competitive.

We are inviting a group of [industry] business leaders to meet on **[date], from [time] to [time], at [place]**. This is a meeting **of business leaders, for business leaders**. We will talk about the opportunities and challenges for growth in our industry and choose a few priorities to act on together.

[Workforce board, college and economic development organization] will be there to listen and to help us act on what we decide.

Lunch will be provided. Please confirm by [date] to [name, phone, e-mail].

We hope you will join us.

[Champion name, title, company]

[Champion name, title, company]

---

**Tips:** send it by e-mail and on paper; champions follow up with a phone call; keep it to one page.`,
  },
  {
    slug: "launch-meeting-agenda",
    title: "Template: launch meeting agenda (three hours)",
    kind: "template",
    stage: "launch",
    topics: ["launching", "facilitation"],
    audience: ["convener"],
    summary: "A timed agenda for a business-led launch, from welcome to the sign-up for action teams.",
    body: `Adapt the times to your group; keep the order.

| Time | Item | Who |
| --- | --- | --- |
| 0:00 | Welcome: why we are here | Business champion |
| 0:10 | Introductions: name, company, one thing on your mind | Everyone |
| 0:30 | The industry in our region, in five numbers | Support team |
| 0:40 | Opportunities for growth in the next three to five years | Facilitator, business leaders |
| 1:20 | Break | |
| 1:30 | Challenges that stand in the way | Facilitator, business leaders |
| 2:00 | Group the ideas; dot vote on priorities | Business leaders |
| 2:30 | Sign up for action teams; choose champions | Business leaders |
| 2:50 | What happens next; thank you | Business champion, convener |

**Before:** print name tents, prepare wall sheets and dots (or a vote in Shared Table).
**After:** within a week, send a summary with the priorities, the action teams and the dates of their first meetings.`,
  },
  {
    slug: "action-team-charter",
    title: "Template: action team charter",
    kind: "template",
    stage: "act",
    topics: ["action_teams"],
    audience: ["convener", "business_leader", "support_partner"],
    summary: "One page that says what an action team will achieve, who is on it, and how it works.",
    body: `Fill this in at the team's first meeting. Keep it to one page.

**Priority:** [the priority chosen at the launch, in the business leaders' words]

**What success looks like in 12 months:** [one or two sentences; a result people can see]

**Early win within 90 days:** [something small and visible]

**Champion (business):** [name, company]

**Business members:** [names, companies]

**Support partners and what they bring:** [name, organization, what they commit: staff time, a program, data, space]

**How we work:**
- We meet [every month / every two weeks], for [one hour], at [place or online].
- [Support partner] sends the notes and the action list within two days.
- Every action has an owner and a due date.

**We report back to the full partnership on:** [date]`,
  },
  {
    slug: "meeting-report-back",
    title: "Template: action team report-back to the full partnership",
    kind: "template",
    stage: "act",
    topics: ["action_teams", "communications", "measuring_impact"],
    audience: ["convener", "business_leader"],
    summary:
      "Five minutes per team, the same questions for every team, so the full partnership sees progress at a glance.",
    body: `Each action team's champion presents, in **five minutes**:

1. **Our priority**, in one sentence.
2. **What we did** since the last meeting (three bullet points at most).
3. **What changed**: a number, a story, or both. For example: "Four companies now share one welding class; time-to-hire for welders went from 60 to 35 days."
4. **What is next**, with dates.
5. **What we need** from the full partnership: people, a decision, an introduction.

The convener collects the five answers from each team a week before and shares them as one page. After the meeting, record the decisions and update the action plan.`,
  },
  {
    slug: "industry-snapshot-example",
    title: "Example: a two-page industry snapshot for manufacturing",
    kind: "example",
    stage: "prepare",
    topics: ["industry_data", "launching"],
    audience: ["convener", "support_partner"],
    summary:
      "What a short, readable snapshot of a regional industry looks like, and where its numbers come from.",
    body: `A snapshot prepared for a (fictional) manufacturing launch in a three-county region.

## Page one: the industry at a glance

- **310 manufacturers**, employing **14,200** people (8% of all jobs in the region).
- Employment grew **6% in five years**; the nation grew 2%.
- **Location quotient 1.4**: manufacturing is more concentrated here than in the nation.
- Median wage **$52,000**, above the regional median.
- 70% of firms have fewer than 50 employees.

## Page two: people and skills

- Largest occupations: assemblers, machinists, welders, maintenance technicians, production supervisors.
- One in four workers is 55 or older.
- Training in the region: two college programs in machining and welding, one apprenticeship program.

## Where the numbers come from

Public labor market data from the state and federal statistics agencies (employment by industry, occupations and wages), checked with two or three business leaders before the launch.

**Keep it short.** The snapshot starts the conversation; the business leaders supply the rest.`,
  },
  {
    slug: "early-wins-examples",
    title: "Example: early wins that kept partnerships going",
    kind: "example",
    stage: "act",
    topics: ["action_teams", "business_engagement"],
    audience: ["convener", "business_leader"],
    summary: "Small, visible results that action teams delivered within their first months.",
    body: `Early wins show business leaders that their time produces results. Examples from partnerships like yours:

- **Teacher tours.** A manufacturing team hosted 40 middle and high school teachers in six plants over one summer; the next fall, two schools added a manufacturing career unit.
- **Shared training.** Five small machine shops pooled students to fill one evening class at the college that none could fill alone.
- **A common application.** A health care team agreed on one application for entry-level roles across three employers.
- **Transit stop.** A logistics team wrote one letter, signed by twelve employers, and the transit agency added a stop at the industrial park.
- **Supplier connections.** A food processing team held a "meet the buyers" breakfast; three local suppliers won contracts.

What they have in common: a business champion owned them, they needed no new funding, and they were done within 90 days.`,
  },
  {
    slug: "measure-and-tell-your-impact",
    title: "Measure and tell your impact",
    kind: "toolkit_chapter",
    stage: "sustain",
    topics: ["measuring_impact", "communications"],
    audience: ["convener", "support_partner"],
    summary:
      "Pick a few indicators, set a baseline, enter the numbers once a year, and pair each with a short story.",
    body: `Funders, elected officials and new business members all ask the same question: what has the partnership changed?

## Choose a few indicators

Pick three to five from the Community of Practice catalog that match your priorities, for example **median time-to-hire** for critical occupations, **staff retention**, **employers sharing training costs**, or **students in work-based learning**.

## Set a baseline, then measure yearly

Enter the value for the year before the work began as the baseline. Enter the actual value each year, with its source. Ask member businesses for their figures in a short form; report only totals.

## Tell the story behind the numbers

For each indicator, write four short answers: what happened, which partners helped, what works, what is next. Add stories for changes numbers cannot show, such as a community project that grew out of the partnership.

## Share it

Make the stories public on your partnership's profile when the business leaders agree. A one-page summary each year helps champions recruit their peers.`,
  },
  {
    slug: "engaging-small-businesses",
    title: "Engaging small businesses that cannot spare a day",
    kind: "toolkit_chapter",
    stage: null,
    topics: ["business_engagement", "sustaining"],
    audience: ["convener", "support_partner"],
    summary: "Practical ways to keep owners of small firms at the table when every hour away costs them.",
    body: `Most firms in a region are small. Their owners care about the same issues but have the least time.

- **Ask a peer to call.** A call from another owner works better than any e-mail from a public agency.
- **Respect the clock.** Start and end on time; 90-minute meetings; breakfast before the workday.
- **Go to them.** Hold meetings at member businesses in different parts of the region.
- **Give them a small, clear role.** Reviewing a job description or hosting one tour is easier to say yes to than joining a committee.
- **Show results.** Send a short update after each meeting with what changed because of their input.
- **Make it easy to follow remotely.** Shared Table's summaries and action plan let an owner who missed a meeting catch up in five minutes.`,
  },
  {
    slug: "is-your-partnership-next-gen",
    title: "Is your partnership Next Gen? A self-check",
    kind: "toolkit_chapter",
    stage: null,
    topics: ["sustaining", "business_engagement", "civic_infrastructure"],
    audience: ["convener", "business_leader", "support_partner"],
    summary:
      "The distinguishing characteristics of a Next Gen partnership, as questions your members can answer.",
    body: `Next Generation Sector Partnerships are **industry-driven, community-supported and sustainable over time**. Ask your members:

## Industry-driven

- Do business leaders set the agenda, based on what matters most to the competitiveness of their industry?
- Do business champions personally lead the action teams?

## Community-supported

- Do workforce development, education and economic development act as one coordinated support team?
- Do public partners align their programs to what the businesses decided, rather than bringing their own agenda?

## Sustainable

- Does the partnership meet regularly, bring in new businesses and refresh its priorities?
- Can it show results for businesses, for the regional economy and for workers and students?

Use Shared Table's self-assessment to answer these questions as a group and to see where to improve.`,
  },
];
