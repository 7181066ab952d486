import { inArray } from "drizzle-orm";
import type {
  Direction,
  FundingSource,
  ImpactArea,
  IndicatorUnit,
  RollupRule,
} from "../../../core/impact.js";
import { fundingSourceLabels, fundingSources } from "../../../core/impact.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import type { Executor } from "../../../db/open.js";
import { indicators } from "../../../db/schema/index.js";

interface CatalogEntry {
  key: string;
  name: string;
  area: ImpactArea;
  unit: IndicatorUnit;
  direction: Direction;
  definition: string;
  /** When the unit's rule does not fit: an average pay is compared, never summed. */
  rollup?: RollupRule;
  fundingSource?: FundingSource;
}

/** Indicators Shared Table computes (from the table, or a closed employer value check): never typed. */
export const BUSINESSES_ENGAGED = "businesses_engaged";
export const EMPLOYER_VALUE = "employer_value_worth";
export const computedIndicators: ReadonlyMap<string, Msg> = new Map([
  [
    BUSINESSES_ENGAGED,
    msg({
      id: "server.impact.computedFromMembers",
      defaultMessage: "Shared Table counts it from the partnership's members",
    }),
  ],
  [
    EMPLOYER_VALUE,
    msg({
      id: "server.impact.computedFromValueCheck",
      defaultMessage: "Shared Table computes it from the closed employer value check",
    }),
  ],
]);

/** Leveraged funding, one indicator per source so that roll-ups add it up by source. */
const leveragedFunding: CatalogEntry[] = fundingSources.map((source) => ({
  key: `leveraged_funding_${source}`,
  name: `Leveraged funding: ${fundingSourceLabels[source].toLowerCase()}`,
  area: "public_programs",
  unit: "dollars",
  direction: "higher",
  fundingSource: source,
  definition: `Dollars of ${fundingSourceLabels[source].toLowerCase()} funding the partnership brought in for its priorities in the period.`,
}));

const higher = "higher" as const;
const lower = "lower" as const;

/** The default catalog of DOMAIN.md ("Impact indicators"), in the order people read it. */
export const defaultCatalog: readonly CatalogEntry[] = [
  // For businesses
  {
    key: "b2b_collaborations",
    name: "New business-to-business collaborations",
    area: "businesses",
    unit: "count",
    direction: higher,
    definition:
      "Collaborations between member businesses that started in the period (shared purchasing, training, hiring, suppliers).",
  },
  {
    key: "time_to_hire_days",
    name: "Median time-to-hire for critical occupations",
    area: "businesses",
    unit: "days",
    direction: lower,
    definition:
      "Median days from posting to accepted offer for the occupations the partnership named critical.",
  },
  {
    key: "staff_retention_rate",
    name: "Staff retention rate",
    area: "businesses",
    unit: "percent",
    direction: higher,
    definition:
      "Share of member businesses' staff employed at the start of the period who are still employed at its end.",
  },
  {
    key: "shared_training_employers",
    name: "Employers sharing training costs",
    area: "businesses",
    unit: "count",
    direction: higher,
    definition: "Member businesses that share the cost of training with other employers.",
  },
  {
    key: "shared_training_savings",
    name: "Savings from shared training",
    area: "businesses",
    unit: "dollars",
    direction: higher,
    definition: "Training costs the sharing employers saved, in dollars.",
  },
  {
    key: "talent_practices_improved",
    name: "Companies improving talent management and advancement",
    area: "businesses",
    unit: "count",
    direction: higher,
    definition: "Companies that adopted better talent management or advancement practices.",
  },
  {
    key: "new_products_markets",
    name: "New product lines, services or markets",
    area: "businesses",
    unit: "count",
    direction: higher,
    definition:
      "New product lines, services or markets that member businesses opened with the partnership's help.",
  },
  {
    key: "businesses_using_programs",
    name: "Businesses using coordinated public programs",
    area: "businesses",
    unit: "count",
    direction: higher,
    definition: "Businesses that used public programs coordinated through the partnership.",
  },
  {
    key: BUSINESSES_ENGAGED,
    name: "Businesses engaged in the year",
    area: "businesses",
    unit: "count",
    direction: higher,
    definition:
      "Business organizations with at least one business member or champion at the table during the year; computed by Shared Table from the members, never typed.",
  },
  {
    key: EMPLOYER_VALUE,
    name: "Employer value: worth their time",
    area: "businesses",
    unit: "count",
    direction: higher,
    rollup: "compare",
    definition:
      'Average answer of business members to "Is this partnership worth your time?" (0 to 10) in the year\'s employer value check; recorded when the convener closes a check with at least 3 answers.',
  },
  // For the regional economy
  {
    key: "jobs_created",
    name: "New jobs created",
    area: "regional_economy",
    unit: "count",
    direction: higher,
    definition: "Net new jobs in member businesses in the region.",
  },
  {
    key: "local_hires",
    name: "Local residents hired into local jobs",
    area: "regional_economy",
    unit: "count",
    direction: higher,
    definition: "Residents of the region hired by member businesses.",
  },
  {
    key: "companies_recruited",
    name: "Companies recruited to the region",
    area: "regional_economy",
    unit: "count",
    direction: higher,
    definition: "Companies in the industry that located in the region.",
  },
  {
    key: "companies_retained",
    name: "Companies retained",
    area: "regional_economy",
    unit: "count",
    direction: higher,
    definition: "Companies at risk of leaving that stayed in the region.",
  },
  {
    key: "companies_stabilized",
    name: "Companies stabilized",
    area: "regional_economy",
    unit: "count",
    direction: higher,
    definition: "Companies in difficulty that the partnership helped stabilize.",
  },
  {
    key: "infrastructure_improvements",
    name: "Infrastructure improvements",
    area: "regional_economy",
    unit: "count",
    direction: higher,
    definition: "Improvements such as transportation or broadband that the partnership advanced.",
  },
  // Computed from the imported BLS QCEW files, never typed in (qcew/partnership-sync).
  {
    key: "qcew_industry_jobs",
    name: "Jobs in the industry in the region (BLS QCEW)",
    area: "regional_economy",
    unit: "count",
    direction: higher,
    definition:
      "Annual average employment of the partnership's industry codes in its counties, from the BLS Quarterly Census of Employment and Wages (QCEW), computed by Shared Table from the imported files; private ownership where BLS cuts the industry by ownership. Not written for a year in which a county did not disclose it.",
  },
  {
    key: "qcew_industry_establishments",
    name: "Establishments in the industry in the region (BLS QCEW)",
    area: "regional_economy",
    unit: "count",
    direction: higher,
    definition:
      "Annual average number of establishments of the partnership's industry codes in its counties, from the BLS Quarterly Census of Employment and Wages (QCEW), computed by Shared Table from the imported files.",
  },
  {
    key: "qcew_industry_average_pay",
    name: "Average annual pay in the industry in the region (BLS QCEW)",
    area: "regional_economy",
    unit: "dollars",
    direction: higher,
    rollup: "compare",
    definition:
      "Total annual wages over annual average employment of the partnership's industry codes in its counties, from the BLS Quarterly Census of Employment and Wages (QCEW), computed by Shared Table from the imported files. Not written for a year in which a county did not disclose it.",
  },
  // For students, jobseekers and workers
  {
    key: "students_reached",
    name: "Students reached with career awareness",
    area: "people",
    unit: "count",
    direction: higher,
    definition: "Students who took part in tours, talks, camps or other career awareness activities.",
  },
  {
    key: "work_based_learning",
    name: "Work-based learning places",
    area: "people",
    unit: "count",
    direction: higher,
    definition: "Internships, apprenticeships and other work-based learning places offered.",
  },
  {
    key: "credentials_attained",
    name: "Industry-relevant credentials attained",
    area: "people",
    unit: "count",
    direction: higher,
    definition: "Credentials valued by the industry earned by students, jobseekers and workers.",
  },
  {
    key: "placements",
    name: "Placements into jobs in the industry",
    area: "people",
    unit: "count",
    direction: higher,
    definition: "People placed into jobs in the target industry.",
  },
  {
    key: "workers_advanced",
    name: "Workers advanced with a pay or benefits increase",
    area: "people",
    unit: "count",
    direction: higher,
    definition: "Workers who advanced with a raise or better benefits.",
  },
  {
    key: "good_job_employers",
    name: "Employers adopting good-job practices",
    area: "people",
    unit: "count",
    direction: higher,
    definition: "Employers that adopted good-job practices on wages, benefits or equity.",
  },
  {
    key: "median_wage_change",
    name: "Median wage change",
    area: "people",
    unit: "percent",
    direction: higher,
    definition: "Change of the median wage in the target occupations, in percent.",
  },
  // For community development
  {
    key: "community_projects",
    name: "Community projects started",
    area: "community",
    unit: "count",
    direction: higher,
    definition: "Community projects the partnership's businesses started (tell them as stories too).",
  },
  {
    key: "businesses_investing",
    name: "Businesses investing in the community",
    area: "community",
    unit: "count",
    direction: higher,
    definition: "Businesses that invested money or time in the community.",
  },
  {
    key: "community_investment",
    name: "Business investment in the community",
    area: "community",
    unit: "dollars",
    direction: higher,
    definition: "Dollars businesses invested in the community.",
  },
  {
    key: "social_supports_improved",
    name: "Improvements to social supports",
    area: "community",
    unit: "count",
    direction: higher,
    definition: "Improvements to supports such as transportation and childcare.",
  },
  // On public programs
  {
    key: "programs_consolidated",
    name: "Duplicative programs or advisory boards consolidated",
    area: "public_programs",
    unit: "count",
    direction: higher,
    definition: "Programs or advisory boards merged because they duplicated each other.",
  },
  {
    key: "system_coordination",
    name: "Examples of system coordination",
    area: "public_programs",
    unit: "count",
    direction: higher,
    definition: "Shared advisory boards, co-staffed initiatives and similar coordination.",
  },
  {
    key: "cte_collaborations",
    name: "High school and CTE programs collaborating with industry",
    area: "public_programs",
    unit: "count",
    direction: higher,
    definition: "High school and career and technical education programs working with the industry.",
  },
  {
    key: "career_pathways",
    name: "New cross-system career pathways",
    area: "public_programs",
    unit: "count",
    direction: higher,
    definition: "Career pathways that cross K-12, postsecondary and workforce systems.",
  },
  {
    key: "aligning_policies",
    name: "Formal policies aligning programs",
    area: "public_programs",
    unit: "count",
    direction: higher,
    definition: "Formal policies aligning secondary, postsecondary and workforce programs.",
  },
  {
    key: "blended_funding",
    name: "Blended program funding",
    area: "public_programs",
    unit: "dollars",
    direction: higher,
    definition: "Dollars of program funding blended across systems.",
  },
  ...leveragedFunding,
  // For systems change
  {
    key: "coordination_mechanisms",
    name: "Formal mechanisms to coordinate industry engagement",
    area: "systems_change",
    unit: "count",
    direction: higher,
    definition:
      "Formal mechanisms for several systems and jurisdictions to coordinate industry engagement through shared partnerships.",
  },
  {
    key: "advisory_boards_replaced",
    name: "Education advisory boards replaced by the partnership",
    area: "systems_change",
    unit: "count",
    direction: higher,
    definition: "Advisory boards replaced by the partnership acting as the shared regional board.",
  },
  {
    key: "shared_data_support_orgs",
    name: "Shared data across support organizations",
    area: "systems_change",
    unit: "yes_no",
    direction: higher,
    definition: "Whether the support organizations shared data with each other in the period (yes or no).",
  },
  {
    key: "joint_projects_implemented",
    name: "Implemented joint projects",
    area: "systems_change",
    unit: "yes_no",
    direction: higher,
    definition: "Whether partners implemented a project together in the period (yes or no).",
  },
  {
    key: "hr_policies_changed",
    name: "Changed HR policies",
    area: "systems_change",
    unit: "yes_no",
    direction: higher,
    definition:
      "Whether member businesses changed HR policies because of the partnership in the period (yes or no).",
  },
];

/** Counts and dollars sum across partnerships; rates and days are compared (DOMAIN.md). */
export function rollupFor(unit: IndicatorUnit): RollupRule {
  if (unit === "yes_no") return "share";
  return unit === "count" || unit === "dollars" ? "sum" : "compare";
}

/**
 * Adds the default indicators a database does not have yet. Existing rows are left as the
 * community admins edited them, so a new release can add defaults without undoing edits.
 */
export async function ensureIndicatorCatalog(db: Executor): Promise<void> {
  // Usually all there: one read instead of writing the whole catalog on every start.
  const present = await db
    .select({ key: indicators.key })
    .from(indicators)
    .where(
      inArray(
        indicators.key,
        defaultCatalog.map((entry) => entry.key),
      ),
    );
  const have = new Set(present.map((r) => r.key));
  const missing = defaultCatalog
    .map((entry, position) => ({ ...entry, rollup: entry.rollup ?? rollupFor(entry.unit), position }))
    .filter((entry) => !have.has(entry.key));
  if (missing.length === 0) return;
  await db.insert(indicators).values(missing).onConflictDoNothing();
}
