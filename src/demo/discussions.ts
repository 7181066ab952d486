/**
 * Demo discussions of the Community of Practice and the people directory: threads in every
 * category with replies in practitioners' own voice, mentions, follows, and a few practitioners
 * who chose to be listed. Pure and seeded; times are counted back from the demo day so the
 * conversation always looks current (the latest reply a few hours before the day began).
 *
 * Only Markdown source is stored, as the API stores it: the HTML readers see is rendered and
 * sanitized on the way out by the discussions feature (`renderPost`), never kept here.
 */
import type { OrganizationKind } from "../core/vocabulary.js";
import type { DiscussionCategory } from "../core/discussion-categories.js";
import { stateByFips } from "../core/geography.js";
import type { Executor } from "../db/open.js";
import { insertRows } from "../db/bulk-insert.js";
import {
  directoryListings,
  discussionReplies,
  discussionThreads,
  threadFollows,
  users,
} from "../db/schema/index.js";
import { demoAccounts, type DemoData } from "./generate.js";
import { idFactory, type Random } from "./random.js";

type ThreadRow = typeof discussionThreads.$inferInsert & { id: string; createdAt: Date; lastReplyAt: Date };
type ReplyRow = typeof discussionReplies.$inferInsert & { id: string; createdAt: Date };
type FollowRow = typeof threadFollows.$inferInsert;
type ListingRow = typeof directoryListings.$inferInsert & { topics: string[] };

export interface DiscussionsDemo {
  /**
   * Accounts for public partners who take part (the events' attendee accounts are all business
   * people): support-team practitioners of generated partnerships, not linked to sign-ins.
   */
  users: (typeof users.$inferInsert & { id: string })[];
  threads: ThreadRow[];
  replies: ReplyRow[];
  follows: FollowRow[];
  listings: ListingRow[];
}

/** An account that takes part: one of the demo sign-ins, or a practitioner of that sector. */
type Voice = "admin" | "convener" | "champion" | "business" | "public" | "author";

interface ReplyPlan {
  by: Voice;
  /**
   * Markdown. `{@author}` mentions the thread's author, `{@prev}` the previous reply's author,
   * `{@convener}` / `{@champion}` the demo accounts.
   */
  text: string;
}

interface ThreadPlan {
  category: DiscussionCategory;
  by: Voice;
  title: string;
  body: string;
  /** How many days before the demo day the thread was started. */
  daysAgo: number;
  replies: ReplyPlan[];
  /** The champion follows it and has not yet read its latest reply, posted hours ago by someone else. */
  freshForChampion?: boolean;
}

const plans: ThreadPlan[] = [
  {
    category: "launching",
    by: "convener",
    title: "How long did your prepare phase take before the launch?",
    daysAgo: 58,
    body: "We are four months into preparing a manufacturing partnership across three counties. The support team is solid (board, college, two EDOs), we have the industry data, and we have **two** business champions. Our funder asks when we launch.\n\nHow long did your prepare phase take, and what told you that you were ready?",
    replies: [
      {
        by: "public",
        text: "About five months for us. The signal was when the champions started calling *other* CEOs without us asking them to.",
      },
      {
        by: "business",
        text: "From the business side: I was ready when I saw a draft invitation that read like it came from a plant manager and not from a grant.",
      },
      {
        by: "public",
        text: "Two champions is enough to launch if they each bring three or four peers. We launched with 19 businesses in the room and that felt right.",
      },
      {
        by: "admin",
        text: "A rule of thumb from the toolkit: when you have a date, a host business, champions who will sign the invitation, and a short list of 40+ firms to invite, you are ready. Data can keep improving after the launch.",
      },
      {
        by: "public",
        text: "{@author} don't let the funder's calendar set the date. We launched too early once and spent a year recovering.",
      },
      {
        by: "convener",
        text: "Thank you all. We set a date eight weeks out and our champions are hosting. {@prev} point taken about the funder, we'll explain the timeline to them.",
      },
    ],
  },
  {
    category: "launching",
    by: "public",
    title: "First launch meeting: what to do in the first 30 minutes",
    daysAgo: 44,
    body: "Our launch is in three weeks. The agenda is drafted, but I keep going back and forth on the opening. Do you start with the industry data, or go straight to the business leaders talking?\n\nCurrent plan:\n\n1. Welcome by the champion (5 min)\n2. Industry snapshot (10 min)\n3. Table conversations: *what would help your business grow?* (45 min)",
    replies: [
      {
        by: "business",
        text: "Keep the data to five minutes and three slides. We came to hear each other, not a presentation.",
      },
      {
        by: "convener",
        text: "We put the data on one printed page at each table and skipped the slides entirely. The champion opened with a story about why she said yes.",
      },
      {
        by: "public",
        text: "Seat public partners at the edge of the room. It sends the message before anyone says a word.",
      },
      {
        by: "champion",
        text: "As the champion who opened ours: keep the welcome short and personal. Say why your company cares and then hand it to the room.",
      },
      {
        by: "public",
        text: "Have a business leader report out from each table, not a facilitator. It changes who owns the priorities from the first hour.",
      },
      {
        by: "public",
        text: "{@champion} did you prepare your opening with the convener, or on your own?",
      },
      {
        by: "champion",
        text: "{@prev} we talked it through once on the phone, then I wrote it myself. It has to sound like you.",
      },
      {
        by: "author",
        text: "Update: we did the one-page data sheet and business report-outs. 23 businesses, four priorities, three action teams with champions. Thank you all.",
      },
    ],
  },
  {
    category: "launching",
    by: "public",
    title: "Inviting businesses when the workforce board isn't a familiar name",
    daysAgo: 27,
    body: "Most of the manufacturers in our region have never heard of our workforce board, and the ones who have think of it as the place to post job openings. How did you get invitations opened?",
    replies: [
      {
        by: "business",
        text: "The invitation should come from a business leader, on their letterhead, with the board's name small at the bottom.",
      },
      {
        by: "convener",
        text: "We asked each champion for ten names and had them call first. Open rates on cold e-mail were near zero; after a call almost everyone came.",
      },
      {
        by: "public",
        text: "Chambers and the manufacturers' association helped us a lot. They forwarded the invitation under their own name.",
      },
      {
        by: "admin",
        text: "There is an invitation template in the resource library written in the business voice. {@author} happy to share examples from two other states as well.",
      },
    ],
  },
  {
    category: "business_engagement",
    by: "public",
    title: "Recruiting business champions: who made the ask in your region?",
    daysAgo: 52,
    body: "We have a list of strong candidates for champion, but I'm not sure who should ask them. Our executive director? The chamber president? Another CEO?\n\nWhat worked for you, and what did you actually ask them to do?",
    replies: [
      {
        by: "business",
        text: "A peer asked me. If the workforce board had asked, I would have sent my HR director.",
      },
      {
        by: "convener",
        text: "Be specific about the ask: sign the invitation, open the launch, and come to three meetings in six months. Open-ended asks get declined.",
      },
      {
        by: "public",
        text: "Our economic development president made the first two asks because he already had those relationships. After that the champions recruited each other.",
      },
      {
        by: "champion",
        text: "What got me: being told that the agenda would be ours, and that public partners would follow through on what we chose.",
      },
      {
        by: "public",
        text: "{@prev} that's the promise we keep trying to make. How did you know they meant it?",
      },
      {
        by: "champion",
        text: "When our first action team asked for a shorter welding certificate and the college came back with a plan within a month.",
      },
      {
        by: "business",
        text: "Ask people who are already known for hiring well. Others follow them.",
      },
      {
        by: "public",
        text: 'We made a one-page "what a champion does" sheet. Happy to share it. It lists the time commitment in hours per month.',
      },
      {
        by: "admin",
        text: "{@prev} please do suggest it for the resource library, several partnerships have asked for exactly that.",
      },
      {
        by: "author",
        text: "Thanks all. We're going with a CEO-to-CEO ask and a clear time commitment. Will report back.",
      },
    ],
  },
  {
    category: "business_engagement",
    by: "convener",
    title: "Keeping public partners from dominating the conversation",
    daysAgo: 39,
    body: "At our last full partnership meeting, public partners talked for more than half the time. Nobody meant harm: a program director explained a new grant, the college described a course. But two business members told me afterwards it felt like a sales pitch.\n\nHow do you keep the table business-led once you have a big support team?",
    replies: [
      {
        by: "public",
        text: "We have a support team meeting a week before every full meeting. Programs get discussed there; at the full meeting we only answer questions.",
      },
      {
        by: "business",
        text: "Honestly, as a business member: when I see more agency people than companies in the room, I stop coming.",
      },
      {
        by: "public",
        text: "Cap public partner speaking time on the agenda. It feels awkward for a meeting or two and then it becomes the culture.",
      },
      {
        by: "champion",
        text: "Our co-chairs run the meeting, not the convener. That alone changed the balance.",
      },
      {
        by: "convener",
        text: "{@prev} we're moving that way. Did your co-chairs need a lot of prep?",
      },
      {
        by: "champion",
        text: "A 20-minute call before each meeting with the convener. The convener drafts, we edit.",
      },
      {
        by: "public",
        text: "We track the business share of attendance for every meeting. When it drops under half, we look at who we invited.",
      },
      {
        by: "admin",
        text: "The health panel in Shared Table flags meetings where business people were not the majority, if you record attendance.",
      },
      {
        by: "public",
        text: "Another idea: public partners sit together at one side table and take notes on what they can do. We read the notes back at the end.",
      },
      {
        by: "business",
        text: "That side table thing works. It made clear who was there to listen.",
      },
      {
        by: "public",
        text: "{@author} one more: ask agencies to send one person, not three.",
      },
      {
        by: "convener",
        text: "Thank you. Next meeting: support team prep call, co-chairs lead, one person per agency. I'll share how it goes.",
      },
    ],
  },
  {
    category: "business_engagement",
    by: "champion",
    title: "What keeps you coming back as a business leader?",
    daysAgo: 21,
    freshForChampion: true,
    body: "I've co-chaired our manufacturing partnership for a year and a half. We're about to recruit a second wave of business members, and I want to be honest with them about what it takes.\n\nFor the other business people here: **why do you keep coming?** What would make you stop?",
    replies: [
      {
        by: "business",
        text: "Because the maintenance tech certificate we asked for now exists and I have hired two graduates from it.",
      },
      {
        by: "business",
        text: "I stay because I meet other plant managers I would never meet otherwise. Half the value is the people.",
      },
      {
        by: "public",
        text: "Listening in from the public side: this thread is gold. {@author} may I quote it at our next support team meeting?",
      },
      {
        by: "champion",
        text: "{@prev} of course. What would make me stop: meetings without decisions.",
      },
      {
        by: "business",
        text: "Same. And being asked to fill out surveys between meetings.",
      },
      {
        by: "convener",
        text: "This is helpful for conveners too. We will start every meeting with what changed since the last one.",
      },
      {
        by: "business",
        text: "{@author} for your second wave: bring a new member to an action team first, not to the full meeting. They see work, not talk.",
      },
    ],
  },
  {
    category: "business_engagement",
    by: "business",
    title: "Meetings at 7:30 am or at lunch?",
    daysAgo: 9,
    body: "Our partnership meets at 3 pm and attendance from owners of small shops keeps slipping. Has anyone tried early morning meetings?",
    replies: [
      { by: "business", text: "7:30 with breakfast, done by 9. Best attendance we've had." },
      {
        by: "public",
        text: "We rotate between morning and lunch so shift supervisors can come to at least one.",
      },
      { by: "business", text: "Lunch, at a member's plant, with a short tour. People come for the tour." },
    ],
  },
  {
    category: "measuring_impact",
    by: "admin",
    title: "What to track in year one (and what not to)",
    daysAgo: 55,
    body: "Several new partnerships asked which numbers matter in the first year. My starting list:\n\n- businesses at the table, and how many come back\n- action teams with a business champion\n- early wins (a class started, a shared job fair, a bus route changed)\n- one or two outcome measures the champions care about, such as time-to-hire\n\nWhat would you add or drop?",
    replies: [
      {
        by: "public",
        text: "Drop anything the businesses won't give you. We wasted months chasing wage data.",
      },
      {
        by: "business",
        text: "Time-to-hire for our three hardest jobs is the number my CEO asks about. Keep that one.",
      },
      {
        by: "convener",
        text: "We add one thing: stories. A two-paragraph story of an early win did more for our funders than any table.",
      },
      {
        by: "public",
        text: "Track which public programs each business started using. It shows the support team's value without making it about us.",
      },
      {
        by: "admin",
        text: "{@prev} good one, that's in the default catalog as *businesses using coordinated public programs*.",
      },
      {
        by: "public",
        text: "Baselines! Record them before the first action starts, or you will never have them.",
      },
      {
        by: "business",
        text: "Keep it to five numbers. More than that and nobody looks.",
      },
      {
        by: "public",
        text: "We report quarterly to the partnership and yearly to funders. Different audiences, same five numbers.",
      },
      {
        by: "convener",
        text: "{@admin} could we see benchmarks among similar partnerships for time-to-hire? Our champions keep asking how we compare.",
      },
    ],
  },
  {
    category: "measuring_impact",
    by: "public",
    title: "Counting placements when employers won't share hiring data",
    daysAgo: 33,
    body: "One of our action teams built a short pre-employment course with the college. Graduates are getting hired, but the employers won't send us names or numbers (privacy, HR policy, or just time).\n\nHow do you count placements without asking businesses for data they won't give?",
    replies: [
      {
        by: "public",
        text: "We ask the graduates, not the employers. A text message 30 and 90 days after completion gets a 70% answer rate.",
      },
      {
        by: "business",
        text: 'I\'d share a count, not names. "We hired 4 from the March class" is easy for me to say in a meeting.',
      },
      {
        by: "public",
        text: "{@prev} that's what we do now: the champion asks for counts at each full meeting and we write them down.",
      },
      {
        by: "convener",
        text: "State wage records can confirm employment a few quarters later if the college has a data-sharing agreement.",
      },
      {
        by: "public",
        text: "Record the source with every number. Self-reported counts are fine as long as everybody knows they are.",
      },
      {
        by: "public",
        text: "{@author} we found that asking for counts in the meeting also creates friendly competition among employers.",
      },
    ],
  },
  {
    category: "measuring_impact",
    by: "business",
    title: "Telling the story to our board, not just numbers",
    daysAgo: 14,
    body: "My company's board wants to know why I spend time on this partnership. The numbers are small so far (it's year one). How have other business members explained the value to their own leadership?",
    replies: [
      {
        by: "business",
        text: "I showed the time-to-hire for maintenance techs before and after. Went from 11 weeks to 6. That was enough.",
      },
      {
        by: "public",
        text: "Tell them about the relationships: the college now calls you first when a program changes. That is worth a lot.",
      },
    ],
  },
  {
    category: "manufacturing",
    by: "champion",
    title: "Teacher tours at plants: how many per year is realistic?",
    daysAgo: 47,
    body: "Our talent action team wants every middle school science teacher in the county to tour a plant. That's around 80 teachers. We have six plants willing to host. Is four tours a year realistic, or too much for production floors?",
    replies: [
      {
        by: "business",
        text: "We host two a year, 20 teachers each. More than that and our safety lead quits.",
      },
      {
        by: "public",
        text: "Summer is easiest for teachers and often slower for plants. We do a one-week summer externship instead of tours.",
      },
      {
        by: "public",
        text: "Give teachers something to take back: a lesson plan using the plant's real measurements. That's what they ask for.",
      },
      {
        by: "business",
        text: "{@author} pair each tour with lunch with employees hired in the last two years. Teachers remember the people more than the machines.",
      },
      {
        by: "champion",
        text: "Thanks. We'll do three tours plus one summer week and write the lesson plans with the CTE director.",
      },
    ],
  },
  {
    category: "manufacturing",
    by: "public",
    title: "Maintenance technician pipeline: apprenticeship or certificate?",
    daysAgo: 30,
    body: "Business members named maintenance technicians as their hardest hire. The college offers a two-semester certificate; the state offers help with registered apprenticeships. Employers are split.\n\nWhich path did your partnership choose, and why?",
    replies: [
      {
        by: "business",
        text: "Apprenticeship. We pay them while they learn and they stay. Certificate graduates get poached.",
      },
      {
        by: "business",
        text: "Certificate for us. We're 40 people, we can't run an apprenticeship program alone.",
      },
      {
        by: "public",
        text: "We did both: the certificate is the related instruction of the apprenticeship. Small shops share one sponsor.",
      },
      {
        by: "public",
        text: "{@prev} a group sponsor is the key for small employers. Our labor partner runs ours.",
      },
      {
        by: "convener",
        text: "Let the action team decide after a plant visit to a company that does each. Seeing it settled our debate.",
      },
      {
        by: "business",
        text: "Whatever you choose, get the schedule right. Night classes after a 10-hour shift don't work.",
      },
      {
        by: "public",
        text: "Our college moved the labs to Saturday mornings at a member's plant. Completion went way up.",
      },
      {
        by: "public",
        text: "{@author} we wrote up our group-sponsor model; I'll suggest it for the library.",
      },
    ],
  },
  {
    category: "health_care",
    by: "public",
    title: "Clinical placement bottleneck: sharing preceptors across hospitals",
    daysAgo: 41,
    body: "Our hospitals agree the nursing pipeline is the priority, but the college can't grow the program because there aren't enough clinical placements and preceptors. Has any partnership set up shared placements across competing systems?",
    replies: [
      {
        by: "business",
        text: "We did, with a shared calendar run by the college. The CNOs meet monthly. Competition on hiring stays, cooperation on training.",
      },
      {
        by: "public",
        text: "Paying preceptors a stipend made the biggest difference for us. The partnership found the funds together.",
      },
      {
        by: "business",
        text: "Include long-term care and clinics. They have placements and they want the pipeline too.",
      },
      {
        by: "public",
        text: "{@prev} yes, our rural clinics were the surprise; students who did placements there stayed.",
      },
      {
        by: "convener",
        text: "Start with one unit type (med-surg) and prove it works before scaling up.",
      },
      {
        by: "public",
        text: "{@author} the hospital association in our state had a template agreement for shared placements. Worth asking yours.",
      },
    ],
  },
  {
    category: "health_care",
    by: "business",
    title: "First-year nurse retention: what worked",
    daysAgo: 18,
    body: "We lose a third of new nurses in the first year. Our action team is looking at residency programs and mentoring. What did other health care partnerships try, and what moved the number?",
    replies: [
      {
        by: "business",
        text: "A 12-month residency with a cohort. Retention went from 68% to 85% in two years.",
      },
      {
        by: "public",
        text: "We added child care slots with a community partner. That helped night-shift nurses more than anything.",
      },
      {
        by: "business",
        text: "{@author} track it by unit. Our problem was two units, not the whole hospital.",
      },
    ],
  },
  {
    category: "technology",
    by: "public",
    title: "Getting small IT firms to the table, not just the big employers",
    daysAgo: 36,
    body: "Our tech partnership is dominated by two large employers and a bank's IT department. The 20-person software shops don't come. How do you make it worth the time of a small firm?",
    replies: [
      {
        by: "business",
        text: "Small firm here. I came when the agenda had an item only small firms cared about: shared internships, because we can't run a program alone.",
      },
      {
        by: "public",
        text: "Meet in the evening at a small firm's office, not at the big employer's campus.",
      },
      {
        by: "business",
        text: "{@author} ask one of the small-firm CEOs to co-chair. Others follow.",
      },
      {
        by: "public",
        text: "We built a shared intern pool with the college; small firms take one intern each and share the supervision workshop.",
      },
    ],
  },
  {
    category: "technology",
    by: "business",
    title: "Skills-based hiring: did anyone drop the degree requirement?",
    daysAgo: 4,
    body: "Our action team is proposing that member companies drop the four-year degree requirement for help desk and junior developer roles and use a skills assessment instead. Has any partnership done this together? How did HR departments react?",
    replies: [],
  },
  {
    category: "logistics",
    by: "public",
    title: "CDL training costs: employers sharing the bill",
    daysAgo: 50,
    body: "Our distribution and trucking members all need drivers. CDL training costs about $6,000 per person and nobody wants to pay to train a driver who then goes to a competitor.\n\nHas a partnership found a cost-sharing model that employers accept?",
    replies: [
      {
        by: "business",
        text: "We pooled: each company pays per seat, and drivers commit to the sponsoring company for a year.",
      },
      {
        by: "public",
        text: "The workforce board covered half for eligible trainees. Employers covered the rest and guaranteed interviews.",
      },
      {
        by: "business",
        text: "Poaching fear was bigger than actual poaching. Once we talked about it openly at the table it faded.",
      },
      {
        by: "public",
        text: "{@prev} naming the fear at the table is half the work in every industry.",
      },
      {
        by: "convener",
        text: "{@author} we record the savings per employer as an impact measure; it helped the next round of cost sharing.",
      },
    ],
  },
  {
    category: "logistics",
    by: "business",
    title: "Warehouse automation and the jobs that change",
    daysAgo: 12,
    body: "We're adding automated picking in two warehouses next year. The jobs won't disappear but they change: more maintenance, more troubleshooting. Is any partnership working on upskilling current workers rather than hiring new ones?",
    replies: [
      {
        by: "public",
        text: "Yes, incumbent worker training funds can pay for part of it. Talk to your board's business services team before the equipment arrives.",
      },
    ],
  },
  {
    category: "food_agriculture",
    by: "public",
    title: "Rural partnership across four counties: meeting logistics",
    daysAgo: 25,
    body: "Nine food processors and growers across four rural counties, up to 90 minutes apart. In-person meetings are hard, video calls feel flat. How do rural partnerships keep meeting?",
    replies: [
      {
        by: "business",
        text: "Quarterly in person, rotating hosts, with a plant tour. Monthly action team calls on video.",
      },
      {
        by: "public",
        text: "Meet where people already go: we meet after the county growers' association breakfast.",
      },
      {
        by: "public",
        text: "{@author} we pay mileage for small growers. It was a small cost for a big attendance change.",
      },
      {
        by: "business",
        text: "Keep the video calls to 30 minutes with a clear decision to make. Then people show up.",
      },
    ],
  },
  {
    category: "food_agriculture",
    by: "business",
    title: "Food safety certification as a shared training",
    daysAgo: 6,
    body: "Every one of our processors pays separately for food safety certification courses. Our action team wants to run one shared course with the community college each season. Anyone done this? How did you split costs?",
    replies: [],
  },
  {
    category: "construction",
    by: "public",
    title: "Construction pre-apprenticeship for high schoolers: who leads?",
    daysAgo: 34,
    body: "Contractors want a pre-apprenticeship for juniors and seniors. The school district, the building trades and the college all want to run it. How did you decide who leads without losing anybody?",
    replies: [
      {
        by: "business",
        text: "The contractors decided. We picked the trades council because they place graduates directly into apprenticeships.",
      },
      {
        by: "public",
        text: "The district owns the students' time, so we lead scheduling and the trades lead curriculum. Splitting roles kept everyone in.",
      },
      {
        by: "convener",
        text: "{@prev} that split is what the toolkit means by one support team. Nobody owns it alone.",
      },
    ],
  },
  {
    category: "construction",
    by: "business",
    title: "Housing came up as our top priority: anyone else?",
    daysAgo: 16,
    body: "At our launch, contractors named workforce housing as the biggest barrier to hiring, ahead of training. It's not a typical workforce topic. Has any partnership taken on housing as a priority?",
    replies: [
      {
        by: "public",
        text: "Ours did. The economic development partner brought the county planning office to the action team. Two projects are in permitting.",
      },
      {
        by: "business",
        text: "{@author} it's the right priority if the businesses chose it. The partnership follows the business agenda, whatever it is.",
      },
    ],
  },
];

/** What each listed practitioner can help with, by the kind of organization they come from. */
const topicsByKind: Record<string, string[][]> = {
  business: [
    ["Recruiting business champions", "Co-chairing meetings", "Teacher tours"],
    ["Apprenticeships", "Time-to-hire", "Onboarding new hires"],
    ["Shared training costs", "Retention", "Peer recruiting of businesses"],
  ],
  workforce_development: [
    ["Launch meetings", "Support team coordination", "Business services"],
    ["Incumbent worker training", "Cost sharing", "Measuring placements"],
  ],
  economic_development: [
    ["Industry data", "Business retention visits", "Regional strategy"],
    ["Infrastructure priorities", "Recruiting businesses to the table"],
  ],
  postsecondary_education: [
    ["Short-term certificates", "Clinical placements", "Curriculum with employers"],
    ["Group apprenticeship sponsors", "Lab schedules for working adults"],
  ],
  k12_education: [["Career pathways", "Work-based learning", "Teacher externships"]],
  community_organization: [["Support services", "Child care", "Transportation barriers"]],
  labor: [["Registered apprenticeships", "Group sponsors", "Labor-management training funds"]],
  philanthropy: [["Funding sector partnerships", "Grant reporting that fits the business agenda"]],
  government: [["Workforce housing", "Permitting and infrastructure", "County budgets for training"]],
};
const defaultTopics = ["Sector partnerships", "Community of Practice"];

/** Accounts made for public partners who post. */
const PUBLIC_VOICES = 12;
const dayMs = 86_400_000;
const hourMs = 3_600_000;

export interface DiscussionsOptions {
  seed: number;
  /** The demo day (YYYY-MM-DD, UTC): every post is before it began. */
  today: string;
}

interface Participant {
  id: string;
  name: string;
  kind: OrganizationKind | "";
  state: string;
  title: string;
}

/**
 * @param attendees the practitioners' accounts made for the demo events (see events.ts), in
 *   order: each was made for the n-th generated person without an account.
 */
export function generateDiscussionsDemo(
  data: DemoData,
  attendees: readonly { id: string; name: string }[],
  random: Random,
  options: DiscussionsOptions,
): DiscussionsDemo {
  const nextId = idFactory(options.seed ^ 0x0d15c055);
  const anchor = Date.parse(`${options.today}T00:00:00Z`);
  const out: DiscussionsDemo = { users: [], threads: [], replies: [], follows: [], listings: [] };

  // Looked up by maps built once: a scan of every membership per person is slow at national scale.
  const firstBy = <T>(rows: readonly T[], key: (row: T) => string | null | undefined) => {
    const map = new Map<string, T>();
    for (const row of rows) {
      const k = key(row);
      if (k != null && !map.has(k)) map.set(k, row);
    }
    return map;
  };
  const membershipOf = firstBy(data.memberships, (m) => m.personId);
  const organizationById = firstBy(data.organizations, (o) => o.id);
  const countyOf = firstBy(data.partnershipCounties, (c) => c.partnershipId);
  const personFacts = (personId: string | undefined): Pick<Participant, "kind" | "state"> => {
    const membership = personId === undefined ? undefined : membershipOf.get(personId);
    const organization = membership?.organizationId
      ? organizationById.get(membership.organizationId)
      : undefined;
    const county = membership ? countyOf.get(membership.partnershipId) : undefined;
    return {
      kind: organization?.kind ?? "",
      state: county ? (stateByFips(county.stateFips)?.abbr ?? "") : "",
    };
  };
  const account = (key: keyof typeof demoAccounts): Participant | undefined => {
    const user = data.users.find((u) => u.email === demoAccounts[key].email);
    if (!user) return undefined;
    const person = data.people.find((p) => p.userId === user.id);
    return { id: user.id, name: user.name, title: demoAccounts[key].title, ...personFacts(person?.id) };
  };
  const withoutAccount = data.people.filter((p) => !p.userId);
  const practitioners: Participant[] = attendees.map((a, i) => {
    const person = withoutAccount[i]?.name === a.name ? withoutAccount[i] : undefined;
    return { id: a.id, name: a.name, title: person?.title ?? "", ...personFacts(person?.id) };
  });
  // Public partners of other partnerships, two of each kind, from as many partnerships as may be.
  const taken = new Set(withoutAccount.slice(0, attendees.length).map((p) => p.id));
  const kindOf = new Map(data.organizations.map((o) => [o.id, o.kind]));
  const seenPartnerships = new Set<string>();
  const perKind = new Map<string, number>();
  for (const m of random.shuffle(data.memberships)) {
    if (out.users.length >= PUBLIC_VOICES) break;
    const kind = m.organizationId ? kindOf.get(m.organizationId) : undefined;
    if (!kind || kind === "business" || taken.has(m.personId) || seenPartnerships.has(m.partnershipId))
      continue;
    if ((perKind.get(kind) ?? 0) >= 2) continue;
    const person = data.people.find((p) => p.id === m.personId);
    if (!person || person.userId) continue;
    taken.add(person.id);
    seenPartnerships.add(m.partnershipId);
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    const id = nextId();
    out.users.push({
      id,
      email: `practitioner${out.users.length + 1}@discussions.demo.sharedtable.org`,
      name: person.name,
      passwordHash: data.users[0]?.passwordHash ?? "",
      isAdmin: false,
    });
    practitioners.push({ id, name: person.name, title: person.title ?? "", ...personFacts(person.id) });
  }
  const accounts = {
    admin: account("admin"),
    convener: account("convener"),
    champion: account("champion"),
  };
  const business = practitioners.filter((p) => p.kind === "business");
  const publicSide = practitioners.filter((p) => p.kind !== "business" && p.kind !== "");
  const poolOf = (voice: "business" | "public") => {
    const pool = voice === "business" ? business : publicSide;
    return pool.length > 0 ? pool : practitioners;
  };
  const used = new Map<string, Participant>();
  /** Those who start a thread on the public side run partnerships: workforce boards, EDOs, colleges. */
  const leads = publicSide.filter((p) =>
    ["workforce_development", "economic_development", "postsecondary_education"].includes(p.kind),
  );
  const speaker = (voice: Voice, avoid: readonly string[], author?: Participant): Participant | undefined => {
    let who: Participant | undefined;
    if (voice === "author") who = author;
    else if (voice === "admin" || voice === "convener" || voice === "champion") who = accounts[voice];
    else {
      const pool = voice === "public" && !author && leads.length > 0 ? leads : poolOf(voice);
      const fresh = pool.filter((p) => !avoid.includes(p.id));
      if (pool.length > 0) who = random.pick(fresh.length > 0 ? fresh : pool);
    }
    if (who) used.set(who.id, who);
    return who;
  };
  const mention = (p: Participant | undefined) => (p ? `@[${p.name}](user:${p.id})` : "");

  for (const plan of plans) {
    const author = speaker(plan.by, []);
    if (!author) continue;
    const threadId = nextId();
    const createdAt = new Date(anchor - plan.daysAgo * dayMs + random.int(13, 22) * hourMs);
    // Replies come within a few weeks of the question, all before the demo day began.
    const end = Math.min(anchor - hourMs, createdAt.getTime() + random.int(6, 24) * dayMs);
    const span = end - createdAt.getTime();
    const times = plan.replies
      .map(() => createdAt.getTime() + Math.round(hourMs + random.next() * (span - hourMs)))
      .sort((a, b) => a - b);
    if (plan.freshForChampion && times.length > 0) {
      // The latest word came a few hours ago, from someone else than the champion who asked.
      times[times.length - 1] = anchor - random.int(2, 6) * hourMs;
    }
    const followers = new Map<string, Date>([[author.id, createdAt]]);
    let previous: Participant = author;
    let lastReplyAt = createdAt;
    plan.replies.forEach((reply, i) => {
      const by = speaker(reply.by, [author.id, previous.id], author);
      if (!by) return;
      const at = new Date(Math.max(times[i] ?? 0, lastReplyAt.getTime() + 60_000));
      const body = reply.text
        .replace("{@author}", mention(author))
        .replace("{@prev}", mention(previous))
        .replace("{@convener}", mention(accounts.convener))
        .replace("{@champion}", mention(accounts.champion))
        .replace("{@admin}", mention(accounts.admin));
      out.replies.push({ id: nextId(), threadId, authorId: by.id, body, createdAt: at });
      if (!followers.has(by.id)) followers.set(by.id, at);
      previous = by;
      lastReplyAt = at;
    });
    out.threads.push({
      id: threadId,
      title: plan.title,
      category: plan.category,
      authorId: author.id,
      body: plan.body,
      createdAt,
      lastReplyAt,
      replyCount: out.replies.filter((r) => r.threadId === threadId).length,
    });
    const threadReplies = out.replies.filter((r) => r.threadId === threadId);
    for (const [userId, since] of followers) {
      // Each follower has read up to their own latest post; the champion has not yet seen the
      // newest reply of the thread kept fresh for them.
      const own = threadReplies.filter((r) => r.authorId === userId).map((r) => r.createdAt.getTime());
      const readAt = new Date(Math.max(since.getTime(), ...own));
      out.follows.push({ threadId, userId, createdAt: since, lastReadAt: readAt });
    }
  }

  // The people directory: the demo convener and champion, the coordinator, and practitioners who
  // take part in the discussions.
  const listed: Participant[] = [accounts.convener, accounts.champion, accounts.admin].filter(
    (p): p is Participant => p !== undefined,
  );
  const voices = [...used.values()].filter((p) => !listed.some((l) => l.id === p.id));
  const fromBusiness = voices.filter((p) => p.kind === "business").slice(0, 3);
  const fromPublic = voices.filter((p) => p.kind !== "business").slice(0, 8 - fromBusiness.length);
  listed.push(...fromBusiness, ...fromPublic);
  listed.forEach((p, i) => {
    const kind = p.kind || "other";
    const sets = topicsByKind[kind];
    const topics =
      p === accounts.admin
        ? ["Community of Practice", "Impact measures", "Peer exchanges"]
        : sets
          ? sets[i % sets.length]
          : defaultTopics;
    out.listings.push({
      userId: p.id,
      listed: true,
      title: p.title,
      organizationKind: kind,
      state: p.state,
      topics: [...topics],
      updatedAt: new Date(anchor - random.int(3, 50) * dayMs),
    });
  });
  return out;
}

const CHUNK = 500;
async function chunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Inserts the demo discussions and listings inside the demo loader's transaction. */
export async function insertDiscussionsDemo(tx: Executor, demo: DiscussionsDemo): Promise<void> {
  await insertRows(tx, users, demo.users);
  await insertRows(tx, discussionThreads, demo.threads);
  await insertRows(tx, discussionReplies, demo.replies);
  await insertRows(tx, threadFollows, demo.follows);
  await chunks(demo.listings, (c) => tx.insert(directoryListings).values(c).onConflictDoNothing());
}
