/**
 * Demo benchmarking profiles: six fictional partnerships of different industries, states and
 * stages tell their story in the framework's six parts and feature indicators they track.
 * Their numbers are never written here: a profile reads them live from the demo measurements.
 */
import { sql } from "drizzle-orm";
import type { ProfilePart } from "../core/profiles.js";
import type { Executor } from "../db/open.js";
import type { DemoData } from "./generate.js";
import type { Random } from "./random.js";

type Parts = Record<ProfilePart, string>;

/** Indicators every demo partnership tracks (see impact.ts), so each profile has values. */
const featurable = [
  "jobs_created",
  "placements",
  "credentials_attained",
  "work_based_learning",
  "time_to_hire_days",
  "staff_retention_rate",
];

const stories: Record<string, Parts> = {
  "denver-metro-technology-partnership": {
    motivations:
      "Software firms along the Front Range were hiring from the same small pool of senior engineers and poaching each other's staff. A handful of CTOs asked the workforce board to help them grow talent instead of trading it.",
    mechanisms:
      "Business leaders meet every quarter and run three action teams: **apprenticeships**, a shared recruiting calendar and cloud skills for mid-career workers. The community college and the workforce board staff each team; the chamber keeps the agenda moving between meetings.",
    moments:
      "The turning point came when two competing firms agreed to share one apprenticeship curriculum. Once they did, smaller shops joined because they no longer had to build a program alone.",
    results:
      "Apprentices now move into full-time roles at member firms, and hiring for hard-to-fill roles takes less time than when the partnership began. We count only hires our members confirm.",
    ingredients:
      "- CTOs in the room, not only HR staff\n- one shared curriculum owned by industry\n- public partners who say yes first and work out the details after",
    plans:
      "Next year we will open the apprenticeship to cybersecurity roles and bring two rural school districts into the pipeline through remote work-based learning.",
  },
  "greater-kansas-city-transportation-and-logistics-partnership": {
    motivations:
      "Warehouses and carriers on both sides of the state line were short of drivers and technicians at the same time that new distribution centers kept opening. Nobody could solve it alone, and the two states' programs did not talk to each other.",
    mechanisms:
      "One table for both states: business champions from carriers and third-party logistics firms set the priorities, and workforce boards from Missouri and Kansas split the support work. A diesel technician action team and a driver safety action team meet monthly.",
    moments:
      "When the two workforce boards agreed to **one intake process** for CDL training, employers stopped seeing two sets of forms and started sending candidates.",
    results:
      "Placements into logistics jobs and credentials earned are the numbers our members watch most. Retention tells us whether the jobs are good enough to keep people.",
    ingredients:
      "Treating the region as one labor market, not two states. A champion from a mid-size carrier who kept bringing peers back to the table.",
    plans:
      "We are building a technician pathway with the high schools and adding cold-chain employers, who asked to join after our last full meeting.",
  },
  "cincinnati-tri-state-health-care-partnership": {
    motivations:
      "Hospitals, nursing homes and home-health agencies in three states were losing nurses and aides faster than schools could train them. Their leaders wanted one conversation with education instead of dozens of separate advisory boards.",
    mechanisms:
      "Chief nursing officers lead the partnership. Action teams work on clinical placements, a shared aide-to-nurse ladder and child care for evening shifts. Colleges and the workforce board attend every meeting and bring their own programs to the table.",
    moments:
      "Three college advisory boards voted to dissolve and use the partnership as their industry voice. Faculty now hear from all employers at once.",
    results:
      "Staff retention and work-based learning placements show whether the ladder works. Time-to-hire for critical roles has become our shared measure of pressure on the floor.",
    ingredients:
      "Leaders who can commit their organization on the spot, a convener trusted by competitors, and data shared only at the level members agreed to.",
    plans:
      "The next priority is behavioral health staffing, and a second ladder for medical assistants in rural counties of the region.",
  },
  "yakima-valley-food-and-agriculture-partnership": {
    motivations:
      "Growers and packing houses needed workers with mechanical and food-safety skills as automation came to the valley. Many long-time workers had the experience but no credential to show for it.",
    mechanisms:
      "Business leaders chose two priorities at the launch: credentials for incumbent workers and a summer internship in packing-house maintenance. The community college teaches on site, in English and Spanish.",
    moments:
      "The first bilingual food-safety cohort finished on a Saturday at a packing house, with families attending. After that, supervisors started nominating workers themselves.",
    results:
      "We follow credentials earned by workers already on the job, internships hosted by members and placements of new graduates.",
    ingredients:
      "Training where people work, at hours that fit the harvest, and supervisors who see it as their program.",
    plans:
      "We plan a maintenance apprenticeship shared by the smaller growers and a wider cold-storage group.",
  },
  "upstate-south-carolina-manufacturing-partnership": {
    motivations:
      "Automotive suppliers around the region depended on the same technical college and competed for the same maintenance technicians. Their plant managers wanted to grow the pool, not fight over it.",
    mechanisms:
      "Plant managers chair the partnership and lead action teams on youth apprenticeships, teacher externships and supplier development. Economic development and the technical college share the convening.",
    moments:
      "A tier-one supplier opened its training center to the apprentices of three smaller firms. Since then, **shared training** has been the norm rather than the exception.",
    results:
      "Youth apprenticeships, credentials and new jobs at member plants are the figures we report each year, alongside how long critical roles stay open.",
    ingredients:
      "- a clear business agenda written by plant managers\n- a college that adjusts course schedules within a semester\n- regular wins reported back to the full table",
    plans:
      "We will extend externships to school counselors and start a supplier network for electric-vehicle components.",
  },
  "permian-basin-energy-partnership": {
    motivations:
      "Oil and gas operators, pipeline firms and the new solar developers were all short of electricians and instrumentation technicians. Boom-and-bust cycles had made training providers cautious.",
    mechanisms:
      "Business leaders from both traditional and renewable energy sit at one table. Action teams work on an instrumentation pathway, safety credentials recognized by every member, and housing for new hires.",
    moments:
      "When operators agreed to recognize one another's safety training, new hires could move between sites without repeating a week of orientation.",
    results:
      "Credentials, placements and retention tell us whether workers stay in the basin through the next downturn, not just the next hiring wave.",
    ingredients:
      "Putting competitors and newcomers at the same table, and a workforce board willing to fund training ahead of demand.",
    plans:
      "We will add grid and battery storage employers and open a second training site in a rural county of the region.",
  },
};

export interface ProfileDemoRow {
  partnershipId: string;
  parts: Parts;
  indicatorKeys: string[];
  publishedAt: string;
}

/** Profiles for the six partnerships above that the data set holds; the same seed gives the same ones. */
export function generateProfilesDemo(
  data: Pick<DemoData, "partnerships">,
  random: Random,
  options: { today: string },
): ProfileDemoRow[] {
  const bySlug = new Map(data.partnerships.map((p) => [p.slug, p]));
  return Object.entries(stories).flatMap(([slug, parts], index) => {
    const p = bySlug.get(slug);
    if (!p) return [];
    const r = random.fork(`profile-${slug}`);
    const published = new Date(`${options.today}T12:00:00Z`);
    published.setUTCDate(published.getUTCDate() - (index * 9 + r.int(1, 8)));
    return [
      {
        partnershipId: p.id,
        parts,
        indicatorKeys: r.shuffle(featurable).slice(0, r.int(3, 5)),
        publishedAt: published.toISOString(),
      },
    ];
  });
}

/**
 * Inserts the profiles after the impact data: each features up to two of its partnership's
 * public stories, chosen by date and title, so the ids are those the database gave the stories.
 */
export async function insertProfilesDemo(tx: Executor, rows: readonly ProfileDemoRow[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows.map((r) => ({ ...r, ...r.parts })));
  await tx.execute(sql`insert into benchmark_profiles (partnership_id, motivations, mechanisms, moments,
      results, ingredients, plans, indicator_keys, story_ids, status, visibility, published_at, updated_at)
    select x."partnershipId", x.motivations, x.mechanisms, x.moments, x.results, x.ingredients, x.plans,
      array(select jsonb_array_elements_text(x."indicatorKeys")),
      array(select s.id::text from impact_stories s
        where s.partnership_id = x."partnershipId" and s.deleted_at is null and s.visibility = 'public'
        order by s.story_date desc, s.title limit 2),
      'published', 'public', x."publishedAt", x."publishedAt"
    from jsonb_to_recordset(${json}::jsonb) as x("partnershipId" uuid, motivations text, mechanisms text,
      moments text, results text, ingredients text, plans text, "indicatorKeys" jsonb, "publishedAt" timestamptz)`);
}
