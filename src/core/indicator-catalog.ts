/**
 * The default indicator catalog of DOMAIN.md ("Impact indicators"), in the order people read it,
 * with its names and definitions as messages: the server seeds the English into the database
 * (community admins may rewrite them there), and every page, report and file reads a shipped
 * text in the reader's language for as long as it is still the shipped English.
 */
import { msg, say, type Msg } from "./i18n/msg.js";
import type { Direction, FundingSource, ImpactArea, IndicatorUnit, RollupRule } from "./impact.js";

export interface CatalogEntry {
  key: string;
  name: Msg;
  definition: Msg;
  area: ImpactArea;
  unit: IndicatorUnit;
  direction: Direction;
  /** When the unit's rule does not fit: an average pay is compared, never summed. */
  rollup?: RollupRule;
  fundingSource?: FundingSource;
}

/** Indicators Shared Table computes (from the table, or a closed employer value check): never typed. */
export const BUSINESSES_ENGAGED = "businesses_engaged";
export const EMPLOYER_VALUE = "employer_value_worth";

export const catalogEntries: readonly CatalogEntry[] = [
  // For businesses
  {
    key: "b2b_collaborations",
    name: msg({
      id: "catalog.indicator.b2b_collaborations.name",
      defaultMessage: "New business-to-business collaborations",
    }),
    definition: msg({
      id: "catalog.indicator.b2b_collaborations.definition",
      defaultMessage:
        "Collaborations between member businesses that started in the period (shared purchasing, training, hiring, suppliers).",
    }),
    area: "businesses",
    unit: "count",
    direction: "higher",
  },
  {
    key: "time_to_hire_days",
    name: msg({
      id: "catalog.indicator.time_to_hire_days.name",
      defaultMessage: "Median time-to-hire for critical occupations",
    }),
    definition: msg({
      id: "catalog.indicator.time_to_hire_days.definition",
      defaultMessage:
        "Median days from posting to accepted offer for the occupations the partnership named critical.",
    }),
    area: "businesses",
    unit: "days",
    direction: "lower",
  },
  {
    key: "staff_retention_rate",
    name: msg({ id: "catalog.indicator.staff_retention_rate.name", defaultMessage: "Staff retention rate" }),
    definition: msg({
      id: "catalog.indicator.staff_retention_rate.definition",
      defaultMessage:
        "Share of member businesses' staff employed at the start of the period who are still employed at its end.",
    }),
    area: "businesses",
    unit: "percent",
    direction: "higher",
  },
  {
    key: "shared_training_employers",
    name: msg({
      id: "catalog.indicator.shared_training_employers.name",
      defaultMessage: "Employers sharing training costs",
    }),
    definition: msg({
      id: "catalog.indicator.shared_training_employers.definition",
      defaultMessage: "Member businesses that share the cost of training with other employers.",
    }),
    area: "businesses",
    unit: "count",
    direction: "higher",
  },
  {
    key: "shared_training_savings",
    name: msg({
      id: "catalog.indicator.shared_training_savings.name",
      defaultMessage: "Savings from shared training",
    }),
    definition: msg({
      id: "catalog.indicator.shared_training_savings.definition",
      defaultMessage: "Training costs the sharing employers saved, in dollars.",
    }),
    area: "businesses",
    unit: "dollars",
    direction: "higher",
  },
  {
    key: "talent_practices_improved",
    name: msg({
      id: "catalog.indicator.talent_practices_improved.name",
      defaultMessage: "Companies improving talent management and advancement",
    }),
    definition: msg({
      id: "catalog.indicator.talent_practices_improved.definition",
      defaultMessage: "Companies that adopted better talent management or advancement practices.",
    }),
    area: "businesses",
    unit: "count",
    direction: "higher",
  },
  {
    key: "new_products_markets",
    name: msg({
      id: "catalog.indicator.new_products_markets.name",
      defaultMessage: "New product lines, services or markets",
    }),
    definition: msg({
      id: "catalog.indicator.new_products_markets.definition",
      defaultMessage:
        "New product lines, services or markets that member businesses opened with the partnership's help.",
    }),
    area: "businesses",
    unit: "count",
    direction: "higher",
  },
  {
    key: "businesses_using_programs",
    name: msg({
      id: "catalog.indicator.businesses_using_programs.name",
      defaultMessage: "Businesses using coordinated public programs",
    }),
    definition: msg({
      id: "catalog.indicator.businesses_using_programs.definition",
      defaultMessage: "Businesses that used public programs coordinated through the partnership.",
    }),
    area: "businesses",
    unit: "count",
    direction: "higher",
  },
  {
    key: BUSINESSES_ENGAGED,
    name: msg({
      id: "catalog.indicator.businesses_engaged.name",
      defaultMessage: "Businesses engaged in the year",
    }),
    definition: msg({
      id: "catalog.indicator.businesses_engaged.definition",
      defaultMessage:
        "Business organizations with at least one business member or champion at the table during the year; computed by Shared Table from the members, never typed.",
    }),
    area: "businesses",
    unit: "count",
    direction: "higher",
  },
  {
    key: EMPLOYER_VALUE,
    name: msg({
      id: "catalog.indicator.employer_value_worth.name",
      defaultMessage: "Employer value: worth their time",
    }),
    definition: msg({
      id: "catalog.indicator.employer_value_worth.definition",
      defaultMessage:
        'Average answer of business members to "Is this partnership worth your time?" (0 to 10) in the year\'s employer value check; recorded when the convener closes a check with at least 3 answers.',
    }),
    area: "businesses",
    unit: "count",
    direction: "higher",
    rollup: "compare",
  },
  // For the regional economy
  {
    key: "jobs_created",
    name: msg({ id: "catalog.indicator.jobs_created.name", defaultMessage: "New jobs created" }),
    definition: msg({
      id: "catalog.indicator.jobs_created.definition",
      defaultMessage: "Net new jobs in member businesses in the region.",
    }),
    area: "regional_economy",
    unit: "count",
    direction: "higher",
  },
  {
    key: "local_hires",
    name: msg({
      id: "catalog.indicator.local_hires.name",
      defaultMessage: "Local residents hired into local jobs",
    }),
    definition: msg({
      id: "catalog.indicator.local_hires.definition",
      defaultMessage: "Residents of the region hired by member businesses.",
    }),
    area: "regional_economy",
    unit: "count",
    direction: "higher",
  },
  {
    key: "companies_recruited",
    name: msg({
      id: "catalog.indicator.companies_recruited.name",
      defaultMessage: "Companies recruited to the region",
    }),
    definition: msg({
      id: "catalog.indicator.companies_recruited.definition",
      defaultMessage: "Companies in the industry that located in the region.",
    }),
    area: "regional_economy",
    unit: "count",
    direction: "higher",
  },
  {
    key: "companies_retained",
    name: msg({ id: "catalog.indicator.companies_retained.name", defaultMessage: "Companies retained" }),
    definition: msg({
      id: "catalog.indicator.companies_retained.definition",
      defaultMessage: "Companies at risk of leaving that stayed in the region.",
    }),
    area: "regional_economy",
    unit: "count",
    direction: "higher",
  },
  {
    key: "companies_stabilized",
    name: msg({ id: "catalog.indicator.companies_stabilized.name", defaultMessage: "Companies stabilized" }),
    definition: msg({
      id: "catalog.indicator.companies_stabilized.definition",
      defaultMessage: "Companies in difficulty that the partnership helped stabilize.",
    }),
    area: "regional_economy",
    unit: "count",
    direction: "higher",
  },
  {
    key: "infrastructure_improvements",
    name: msg({
      id: "catalog.indicator.infrastructure_improvements.name",
      defaultMessage: "Infrastructure improvements",
    }),
    definition: msg({
      id: "catalog.indicator.infrastructure_improvements.definition",
      defaultMessage: "Improvements such as transportation or broadband that the partnership advanced.",
    }),
    area: "regional_economy",
    unit: "count",
    direction: "higher",
  },
  {
    key: "qcew_industry_jobs",
    name: msg({
      id: "catalog.indicator.qcew_industry_jobs.name",
      defaultMessage: "Jobs in the industry in the region (BLS QCEW)",
    }),
    definition: msg({
      id: "catalog.indicator.qcew_industry_jobs.definition",
      defaultMessage:
        "Annual average employment of the partnership's industry codes in its counties, from the BLS Quarterly Census of Employment and Wages (QCEW), computed by Shared Table from the imported files; private ownership where BLS cuts the industry by ownership. Not written for a year in which a county did not disclose it.",
    }),
    area: "regional_economy",
    unit: "count",
    direction: "higher",
  },
  {
    key: "qcew_industry_establishments",
    name: msg({
      id: "catalog.indicator.qcew_industry_establishments.name",
      defaultMessage: "Establishments in the industry in the region (BLS QCEW)",
    }),
    definition: msg({
      id: "catalog.indicator.qcew_industry_establishments.definition",
      defaultMessage:
        "Annual average number of establishments of the partnership's industry codes in its counties, from the BLS Quarterly Census of Employment and Wages (QCEW), computed by Shared Table from the imported files.",
    }),
    area: "regional_economy",
    unit: "count",
    direction: "higher",
  },
  {
    key: "qcew_industry_average_pay",
    name: msg({
      id: "catalog.indicator.qcew_industry_average_pay.name",
      defaultMessage: "Average annual pay in the industry in the region (BLS QCEW)",
    }),
    definition: msg({
      id: "catalog.indicator.qcew_industry_average_pay.definition",
      defaultMessage:
        "Total annual wages over annual average employment of the partnership's industry codes in its counties, from the BLS Quarterly Census of Employment and Wages (QCEW), computed by Shared Table from the imported files. Not written for a year in which a county did not disclose it.",
    }),
    area: "regional_economy",
    unit: "dollars",
    direction: "higher",
    rollup: "compare",
  },
  // For students, jobseekers and workers
  {
    key: "students_reached",
    name: msg({
      id: "catalog.indicator.students_reached.name",
      defaultMessage: "Students reached with career awareness",
    }),
    definition: msg({
      id: "catalog.indicator.students_reached.definition",
      defaultMessage: "Students who took part in tours, talks, camps or other career awareness activities.",
    }),
    area: "people",
    unit: "count",
    direction: "higher",
  },
  {
    key: "work_based_learning",
    name: msg({
      id: "catalog.indicator.work_based_learning.name",
      defaultMessage: "Work-based learning places",
    }),
    definition: msg({
      id: "catalog.indicator.work_based_learning.definition",
      defaultMessage: "Internships, apprenticeships and other work-based learning places offered.",
    }),
    area: "people",
    unit: "count",
    direction: "higher",
  },
  {
    key: "credentials_attained",
    name: msg({
      id: "catalog.indicator.credentials_attained.name",
      defaultMessage: "Industry-relevant credentials attained",
    }),
    definition: msg({
      id: "catalog.indicator.credentials_attained.definition",
      defaultMessage: "Credentials valued by the industry earned by students, jobseekers and workers.",
    }),
    area: "people",
    unit: "count",
    direction: "higher",
  },
  {
    key: "placements",
    name: msg({
      id: "catalog.indicator.placements.name",
      defaultMessage: "Placements into jobs in the industry",
    }),
    definition: msg({
      id: "catalog.indicator.placements.definition",
      defaultMessage: "People placed into jobs in the target industry.",
    }),
    area: "people",
    unit: "count",
    direction: "higher",
  },
  {
    key: "workers_advanced",
    name: msg({
      id: "catalog.indicator.workers_advanced.name",
      defaultMessage: "Workers advanced with a pay or benefits increase",
    }),
    definition: msg({
      id: "catalog.indicator.workers_advanced.definition",
      defaultMessage: "Workers who advanced with a raise or better benefits.",
    }),
    area: "people",
    unit: "count",
    direction: "higher",
  },
  {
    key: "good_job_employers",
    name: msg({
      id: "catalog.indicator.good_job_employers.name",
      defaultMessage: "Employers adopting good-job practices",
    }),
    definition: msg({
      id: "catalog.indicator.good_job_employers.definition",
      defaultMessage: "Employers that adopted good-job practices on wages, benefits or equity.",
    }),
    area: "people",
    unit: "count",
    direction: "higher",
  },
  {
    key: "median_wage_change",
    name: msg({ id: "catalog.indicator.median_wage_change.name", defaultMessage: "Median wage change" }),
    definition: msg({
      id: "catalog.indicator.median_wage_change.definition",
      defaultMessage: "Change of the median wage in the target occupations, in percent.",
    }),
    area: "people",
    unit: "percent",
    direction: "higher",
  },
  // For community development
  {
    key: "community_projects",
    name: msg({
      id: "catalog.indicator.community_projects.name",
      defaultMessage: "Community projects started",
    }),
    definition: msg({
      id: "catalog.indicator.community_projects.definition",
      defaultMessage: "Community projects the partnership's businesses started (tell them as stories too).",
    }),
    area: "community",
    unit: "count",
    direction: "higher",
  },
  {
    key: "businesses_investing",
    name: msg({
      id: "catalog.indicator.businesses_investing.name",
      defaultMessage: "Businesses investing in the community",
    }),
    definition: msg({
      id: "catalog.indicator.businesses_investing.definition",
      defaultMessage: "Businesses that invested money or time in the community.",
    }),
    area: "community",
    unit: "count",
    direction: "higher",
  },
  {
    key: "community_investment",
    name: msg({
      id: "catalog.indicator.community_investment.name",
      defaultMessage: "Business investment in the community",
    }),
    definition: msg({
      id: "catalog.indicator.community_investment.definition",
      defaultMessage: "Dollars businesses invested in the community.",
    }),
    area: "community",
    unit: "dollars",
    direction: "higher",
  },
  {
    key: "social_supports_improved",
    name: msg({
      id: "catalog.indicator.social_supports_improved.name",
      defaultMessage: "Improvements to social supports",
    }),
    definition: msg({
      id: "catalog.indicator.social_supports_improved.definition",
      defaultMessage: "Improvements to supports such as transportation and childcare.",
    }),
    area: "community",
    unit: "count",
    direction: "higher",
  },
  // On public programs
  {
    key: "programs_consolidated",
    name: msg({
      id: "catalog.indicator.programs_consolidated.name",
      defaultMessage: "Duplicative programs or advisory boards consolidated",
    }),
    definition: msg({
      id: "catalog.indicator.programs_consolidated.definition",
      defaultMessage: "Programs or advisory boards merged because they duplicated each other.",
    }),
    area: "public_programs",
    unit: "count",
    direction: "higher",
  },
  {
    key: "system_coordination",
    name: msg({
      id: "catalog.indicator.system_coordination.name",
      defaultMessage: "Examples of system coordination",
    }),
    definition: msg({
      id: "catalog.indicator.system_coordination.definition",
      defaultMessage: "Shared advisory boards, co-staffed initiatives and similar coordination.",
    }),
    area: "public_programs",
    unit: "count",
    direction: "higher",
  },
  {
    key: "cte_collaborations",
    name: msg({
      id: "catalog.indicator.cte_collaborations.name",
      defaultMessage: "High school and CTE programs collaborating with industry",
    }),
    definition: msg({
      id: "catalog.indicator.cte_collaborations.definition",
      defaultMessage: "High school and career and technical education programs working with the industry.",
    }),
    area: "public_programs",
    unit: "count",
    direction: "higher",
  },
  {
    key: "career_pathways",
    name: msg({
      id: "catalog.indicator.career_pathways.name",
      defaultMessage: "New cross-system career pathways",
    }),
    definition: msg({
      id: "catalog.indicator.career_pathways.definition",
      defaultMessage: "Career pathways that cross K-12, postsecondary and workforce systems.",
    }),
    area: "public_programs",
    unit: "count",
    direction: "higher",
  },
  {
    key: "aligning_policies",
    name: msg({
      id: "catalog.indicator.aligning_policies.name",
      defaultMessage: "Formal policies aligning programs",
    }),
    definition: msg({
      id: "catalog.indicator.aligning_policies.definition",
      defaultMessage: "Formal policies aligning secondary, postsecondary and workforce programs.",
    }),
    area: "public_programs",
    unit: "count",
    direction: "higher",
  },
  {
    key: "blended_funding",
    name: msg({ id: "catalog.indicator.blended_funding.name", defaultMessage: "Blended program funding" }),
    definition: msg({
      id: "catalog.indicator.blended_funding.definition",
      defaultMessage: "Dollars of program funding blended across systems.",
    }),
    area: "public_programs",
    unit: "dollars",
    direction: "higher",
  },
  {
    key: "leveraged_funding_federal",
    name: msg({
      id: "catalog.indicator.leveraged_funding_federal.name",
      defaultMessage: "Leveraged funding: federal",
    }),
    definition: msg({
      id: "catalog.indicator.leveraged_funding_federal.definition",
      defaultMessage:
        "Dollars of federal funding the partnership brought in for its priorities in the period.",
    }),
    area: "public_programs",
    unit: "dollars",
    direction: "higher",
    fundingSource: "federal",
  },
  {
    key: "leveraged_funding_state",
    name: msg({
      id: "catalog.indicator.leveraged_funding_state.name",
      defaultMessage: "Leveraged funding: state",
    }),
    definition: msg({
      id: "catalog.indicator.leveraged_funding_state.definition",
      defaultMessage: "Dollars of state funding the partnership brought in for its priorities in the period.",
    }),
    area: "public_programs",
    unit: "dollars",
    direction: "higher",
    fundingSource: "state",
  },
  {
    key: "leveraged_funding_local",
    name: msg({
      id: "catalog.indicator.leveraged_funding_local.name",
      defaultMessage: "Leveraged funding: local",
    }),
    definition: msg({
      id: "catalog.indicator.leveraged_funding_local.definition",
      defaultMessage: "Dollars of local funding the partnership brought in for its priorities in the period.",
    }),
    area: "public_programs",
    unit: "dollars",
    direction: "higher",
    fundingSource: "local",
  },
  {
    key: "leveraged_funding_private",
    name: msg({
      id: "catalog.indicator.leveraged_funding_private.name",
      defaultMessage: "Leveraged funding: private",
    }),
    definition: msg({
      id: "catalog.indicator.leveraged_funding_private.definition",
      defaultMessage:
        "Dollars of private funding the partnership brought in for its priorities in the period.",
    }),
    area: "public_programs",
    unit: "dollars",
    direction: "higher",
    fundingSource: "private",
  },
  {
    key: "leveraged_funding_philanthropic",
    name: msg({
      id: "catalog.indicator.leveraged_funding_philanthropic.name",
      defaultMessage: "Leveraged funding: philanthropic",
    }),
    definition: msg({
      id: "catalog.indicator.leveraged_funding_philanthropic.definition",
      defaultMessage:
        "Dollars of philanthropic funding the partnership brought in for its priorities in the period.",
    }),
    area: "public_programs",
    unit: "dollars",
    direction: "higher",
    fundingSource: "philanthropic",
  },
  // For systems change
  {
    key: "coordination_mechanisms",
    name: msg({
      id: "catalog.indicator.coordination_mechanisms.name",
      defaultMessage: "Formal mechanisms to coordinate industry engagement",
    }),
    definition: msg({
      id: "catalog.indicator.coordination_mechanisms.definition",
      defaultMessage:
        "Formal mechanisms for several systems and jurisdictions to coordinate industry engagement through shared partnerships.",
    }),
    area: "systems_change",
    unit: "count",
    direction: "higher",
  },
  {
    key: "advisory_boards_replaced",
    name: msg({
      id: "catalog.indicator.advisory_boards_replaced.name",
      defaultMessage: "Education advisory boards replaced by the partnership",
    }),
    definition: msg({
      id: "catalog.indicator.advisory_boards_replaced.definition",
      defaultMessage: "Advisory boards replaced by the partnership acting as the shared regional board.",
    }),
    area: "systems_change",
    unit: "count",
    direction: "higher",
  },
  {
    key: "shared_data_support_orgs",
    name: msg({
      id: "catalog.indicator.shared_data_support_orgs.name",
      defaultMessage: "Shared data across support organizations",
    }),
    definition: msg({
      id: "catalog.indicator.shared_data_support_orgs.definition",
      defaultMessage:
        "Whether the support organizations shared data with each other in the period (yes or no).",
    }),
    area: "systems_change",
    unit: "yes_no",
    direction: "higher",
  },
  {
    key: "joint_projects_implemented",
    name: msg({
      id: "catalog.indicator.joint_projects_implemented.name",
      defaultMessage: "Implemented joint projects",
    }),
    definition: msg({
      id: "catalog.indicator.joint_projects_implemented.definition",
      defaultMessage: "Whether partners implemented a project together in the period (yes or no).",
    }),
    area: "systems_change",
    unit: "yes_no",
    direction: "higher",
  },
  {
    key: "hr_policies_changed",
    name: msg({ id: "catalog.indicator.hr_policies_changed.name", defaultMessage: "Changed HR policies" }),
    definition: msg({
      id: "catalog.indicator.hr_policies_changed.definition",
      defaultMessage:
        "Whether member businesses changed HR policies because of the partnership in the period (yes or no).",
    }),
    area: "systems_change",
    unit: "yes_no",
    direction: "higher",
  },
];

const byKey = new Map(catalogEntries.map((entry) => [entry.key, entry]));

/**
 * An indicator's name in the reader's language (see `say`): a catalog indicator whose stored
 * name is still the shipped English reads its translation; a name an admin rewrote, or a
 * partnership's own indicator, reads as written (nobody has translated it).
 */
export function indicatorName(indicator: { key: string; name: string }): string {
  const shipped = byKey.get(indicator.key)?.name;
  return shipped && shipped.defaultMessage === indicator.name ? say(shipped) : indicator.name;
}

/** An indicator's definition in the reader's language, on the rule of `indicatorName`. */
export function indicatorDefinition(indicator: { key: string; definition: string }): string {
  const shipped = byKey.get(indicator.key)?.definition;
  return shipped && shipped.defaultMessage === indicator.definition ? say(shipped) : indicator.definition;
}
