/** The fixed vocabularies of the domain (DOMAIN.md), with the labels people read. */
export const stages = ["civic_infrastructure", "prepare", "launch", "act", "sustain"] as const;
export type Stage = (typeof stages)[number];
export const stageLabels: Record<Stage, string> = {
  civic_infrastructure: "1. Build civic infrastructure",
  prepare: "2. Prepare",
  launch: "3. Launch",
  act: "4. Act",
  sustain: "5. Sustain and evolve",
};

export const settings = ["metro", "rural", "mixed"] as const;
export type Setting = (typeof settings)[number];
export const settingLabels: Record<Setting, string> = {
  metro: "Metro",
  rural: "Rural",
  mixed: "Metro and rural",
};

export const roles = ["champion", "business_member", "support", "convener", "observer"] as const;
export type Role = (typeof roles)[number];
export const roleLabels: Record<Role, string> = {
  champion: "Business champion",
  business_member: "Business member",
  support: "Support team member",
  convener: "Convener",
  observer: "Observer",
};
/** Roles only a person from a business may hold: the partnership is industry-driven. */
export const businessRoles: readonly Role[] = ["champion", "business_member"];

export const organizationKinds = [
  "business",
  "workforce_development",
  "economic_development",
  "k12_education",
  "postsecondary_education",
  "community_organization",
  "government",
  "labor",
  "philanthropy",
  "chamber_of_commerce",
  "industry_association",
  "other",
] as const;
export type OrganizationKind = (typeof organizationKinds)[number];
export const organizationKindLabels: Record<OrganizationKind, string> = {
  business: "Business",
  workforce_development: "Workforce development",
  economic_development: "Economic development",
  k12_education: "K-12 education",
  postsecondary_education: "Postsecondary education",
  community_organization: "Community-based organization",
  government: "Government",
  labor: "Labor",
  philanthropy: "Philanthropy",
  chamber_of_commerce: "Chamber of commerce",
  industry_association: "Industry association",
  other: "Other",
};
/**
 * The public partner kinds a community-supported partnership should have at its table (rule 2),
 * as the Next Gen indicators name them: K-12, postsecondary, workforce and economic development,
 * chambers of commerce and community organizations. An industry association is welcome but not
 * expected: it speaks for businesses, so its absence is no gap in the support team.
 */
export const corePublicKinds: readonly OrganizationKind[] = [
  "workforce_development",
  "economic_development",
  "k12_education",
  "postsecondary_education",
  "community_organization",
  "chamber_of_commerce",
];

/**
 * How senior a business member is in their company, so that a partnership can show it is led by
 * influential leaders (Next Gen indicator 2) by counting, never naming, them.
 */
export const seniorities = ["owner_ceo", "executive", "manager", "other"] as const;
export type Seniority = (typeof seniorities)[number];
export const seniorityLabels: Record<Seniority, string> = {
  owner_ceo: "Owner or CEO",
  executive: "Executive",
  manager: "Manager",
  other: "Other",
};

/** What an opportunity or priority is about, chosen when it is raised; rolled up across the community. */
export const themes = [
  "talent_pipeline",
  "incumbent_worker_skills",
  "supply_chain",
  "infrastructure_transportation",
  "market_development_exports",
  "innovation_technology",
  "regulation_policy",
  "industry_image",
  "other",
] as const;
export type Theme = (typeof themes)[number];
export const themeLabels: Record<Theme, string> = {
  talent_pipeline: "Talent pipeline",
  incumbent_worker_skills: "Incumbent worker skills",
  supply_chain: "Supply chain",
  infrastructure_transportation: "Infrastructure and transportation",
  market_development_exports: "Market development and exports",
  innovation_technology: "Innovation and technology",
  regulation_policy: "Regulation and policy",
  industry_image: "Industry image",
  other: "Other",
};
/** Themes about the industry's workforce; the others are about its competitiveness (indicator 3). */
export const workforceThemes: readonly Theme[] = ["talent_pipeline", "incumbent_worker_skills"];

export const sizeBands = ["1-9", "10-49", "50-249", "250-999", "1000+"] as const;
export type SizeBand = (typeof sizeBands)[number];

export type Sector = "business" | "public";
export function sectorOf(kind: OrganizationKind | null, role: Role): Sector {
  if (kind) return kind === "business" ? "business" : "public";
  return businessRoles.includes(role) ? "business" : "public";
}

/** Directory sort orders: name, launch date (either way), recently updated first, stage. */
/** "relevance" ranks by how well a search matches; without a search it reads as "name". */
export const sortKeys = ["relevance", "name", "-name", "launch", "-launch", "updated", "stage"] as const;
export type SortKey = (typeof sortKeys)[number];
