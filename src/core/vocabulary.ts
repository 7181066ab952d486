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
  other: "Other",
};
/** The public partner kinds a community-supported partnership should have at its table (rule 2). */
export const corePublicKinds: readonly OrganizationKind[] = [
  "workforce_development",
  "economic_development",
  "k12_education",
  "postsecondary_education",
  "community_organization",
];

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
