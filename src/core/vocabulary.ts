/** The fixed vocabularies of the domain (DOMAIN.md), with the labels people read. */
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
export const stages = ["civic_infrastructure", "prepare", "launch", "act", "sustain"] as const;
export type Stage = (typeof stages)[number];
export const stageMessages = {
  civic_infrastructure: msg({
    id: "vocab.stage.civic_infrastructure",
    defaultMessage: "1. Build civic infrastructure",
  }),
  prepare: msg({ id: "vocab.stage.prepare", defaultMessage: "2. Prepare" }),
  launch: msg({ id: "vocab.stage.launch", defaultMessage: "3. Launch" }),
  act: msg({ id: "vocab.stage.act", defaultMessage: "4. Act" }),
  sustain: msg({ id: "vocab.stage.sustain", defaultMessage: "5. Sustain and evolve" }),
} satisfies Record<Stage, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const stageLabels: Record<Stage, string> = labelsOf(stageMessages);

export const settings = ["metro", "rural", "mixed"] as const;
export type Setting = (typeof settings)[number];
export const settingMessages = {
  metro: msg({ id: "vocab.setting.metro", defaultMessage: "Metro" }),
  rural: msg({ id: "vocab.setting.rural", defaultMessage: "Rural" }),
  mixed: msg({ id: "vocab.setting.mixed", defaultMessage: "Metro and rural" }),
} satisfies Record<Setting, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const settingLabels: Record<Setting, string> = labelsOf(settingMessages);

export const roles = ["champion", "business_member", "support", "convener", "observer"] as const;
export type Role = (typeof roles)[number];
export const roleMessages = {
  champion: msg({ id: "vocab.role.champion", defaultMessage: "Business champion" }),
  business_member: msg({ id: "vocab.role.business_member", defaultMessage: "Business member" }),
  support: msg({ id: "vocab.role.support", defaultMessage: "Support team member" }),
  convener: msg({ id: "vocab.role.convener", defaultMessage: "Convener" }),
  observer: msg({ id: "vocab.role.observer", defaultMessage: "Observer" }),
} satisfies Record<Role, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const roleLabels: Record<Role, string> = labelsOf(roleMessages);
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
export const organizationKindMessages = {
  business: msg({ id: "vocab.organizationKind.business", defaultMessage: "Business" }),
  workforce_development: msg({
    id: "vocab.organizationKind.workforce_development",
    defaultMessage: "Workforce development",
  }),
  economic_development: msg({
    id: "vocab.organizationKind.economic_development",
    defaultMessage: "Economic development",
  }),
  k12_education: msg({ id: "vocab.organizationKind.k12_education", defaultMessage: "K-12 education" }),
  postsecondary_education: msg({
    id: "vocab.organizationKind.postsecondary_education",
    defaultMessage: "Postsecondary education",
  }),
  community_organization: msg({
    id: "vocab.organizationKind.community_organization",
    defaultMessage: "Community-based organization",
  }),
  government: msg({ id: "vocab.organizationKind.government", defaultMessage: "Government" }),
  labor: msg({ id: "vocab.organizationKind.labor", defaultMessage: "Labor" }),
  philanthropy: msg({ id: "vocab.organizationKind.philanthropy", defaultMessage: "Philanthropy" }),
  chamber_of_commerce: msg({
    id: "vocab.organizationKind.chamber_of_commerce",
    defaultMessage: "Chamber of commerce",
  }),
  industry_association: msg({
    id: "vocab.organizationKind.industry_association",
    defaultMessage: "Industry association",
  }),
  other: msg({ id: "vocab.organizationKind.other", defaultMessage: "Other" }),
} satisfies Record<OrganizationKind, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const organizationKindLabels: Record<OrganizationKind, string> = labelsOf(organizationKindMessages);
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
export const seniorityMessages = {
  owner_ceo: msg({ id: "vocab.seniority.owner_ceo", defaultMessage: "Owner or CEO" }),
  executive: msg({ id: "vocab.seniority.executive", defaultMessage: "Executive" }),
  manager: msg({ id: "vocab.seniority.manager", defaultMessage: "Manager" }),
  other: msg({ id: "vocab.seniority.other", defaultMessage: "Other" }),
} satisfies Record<Seniority, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const seniorityLabels: Record<Seniority, string> = labelsOf(seniorityMessages);

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
export const themeMessages = {
  talent_pipeline: msg({ id: "vocab.theme.talent_pipeline", defaultMessage: "Talent pipeline" }),
  incumbent_worker_skills: msg({
    id: "vocab.theme.incumbent_worker_skills",
    defaultMessage: "Incumbent worker skills",
  }),
  supply_chain: msg({ id: "vocab.theme.supply_chain", defaultMessage: "Supply chain" }),
  infrastructure_transportation: msg({
    id: "vocab.theme.infrastructure_transportation",
    defaultMessage: "Infrastructure and transportation",
  }),
  market_development_exports: msg({
    id: "vocab.theme.market_development_exports",
    defaultMessage: "Market development and exports",
  }),
  innovation_technology: msg({
    id: "vocab.theme.innovation_technology",
    defaultMessage: "Innovation and technology",
  }),
  regulation_policy: msg({ id: "vocab.theme.regulation_policy", defaultMessage: "Regulation and policy" }),
  industry_image: msg({ id: "vocab.theme.industry_image", defaultMessage: "Industry image" }),
  other: msg({ id: "vocab.theme.other", defaultMessage: "Other" }),
} satisfies Record<Theme, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const themeLabels: Record<Theme, string> = labelsOf(themeMessages);
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
