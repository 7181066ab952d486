/**
 * Regional support teams: the public partners of a region (counties, no industry yet) who do the
 * first stage of the Next Gen process together, study the region's economy, shortlist candidate
 * industries and start partnerships from it. The API contract, shared by server and web.
 */
import { rules } from "./rules.js";
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
import { z } from "zod";
import { emailSchema } from "./auth.js";
import { uuidSchema } from "./ids.js";
import { limits } from "./limits.js";
import { organizationKindSchema } from "./organization-kind.js";
import { countyFips, naicsCode } from "./partnerships.js";
import { stageSteps } from "./stages.js";
import { settings, stages, type OrganizationKind } from "./vocabulary.js";
import { websiteAddress } from "./urls.js";

export const teamRoles = ["convener", "partner"] as const;
export type TeamRole = (typeof teamRoles)[number];
export const teamRoleMessages = {
  convener: msg({ id: "vocab.teamRole.convener", defaultMessage: "Convener" }),
  partner: msg({ id: "vocab.teamRole.partner", defaultMessage: "Partner" }),
} satisfies Record<TeamRole, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const teamRoleLabels: Record<TeamRole, string> = labelsOf(teamRoleMessages);

/**
 * A support team is made of public partners: a business, or an industry association speaking for
 * businesses, comes to the table later, in the partnership the team starts.
 */
export const businessSideKinds: readonly OrganizationKind[] = ["business", "industry_association"];

/** The first stage's steps: the only ones a team ticks (the rest belong to a partnership). */
export const teamSteps = stageSteps.filter((s) => s.stage === "civic_infrastructure");
export const teamStepKeys = teamSteps.map((s) => s.key) as [string, ...string[]];

const cbsaCode = z.string().regex(/^\d{5}$/, { error: () => rules.mustBeAFiveDigitCBSACode });
const teamName = z
  .string()
  .trim()
  .min(3, { error: () => rules.mustBeAtLeast3Characters })
  .max(limits.name);
const regionName = z.string().trim().max(80);
const description = z.string().trim().max(limits.description);
const version = z
  .number({ error: () => rules.mustBeTheVersionYouRead })
  .int()
  .positive();
const noteText = z
  .string()
  .trim()
  .min(1, { error: () => rules.writeSomething })
  .max(10_000);
const candidateNote = z.string().trim().max(2000);

/** A team for a region given as counties, a CBSA (expanded to its counties), or both. */
export const teamCreateBody = z.strictObject({
  name: teamName,
  regionName: regionName.optional(),
  description: description.optional(),
  counties: z.array(countyFips).max(limits.countiesPerPartnership).optional(),
  cbsaCode: cbsaCode.optional(),
});
export type TeamCreateBody = z.infer<typeof teamCreateBody>;

export const teamPatchBody = z.strictObject({
  version,
  name: teamName.optional(),
  regionName: regionName.optional(),
  description: description.optional(),
  counties: z
    .array(countyFips)
    .min(1, { error: () => rules.chooseAtLeastOneCounty })
    .max(limits.countiesPerPartnership)
    .optional(),
});
export type TeamPatchBody = z.infer<typeof teamPatchBody>;

export const teamOrganizationBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(2, { error: () => rules.mustBeAtLeast2Characters })
    .max(limits.name),
  kind: organizationKindSchema.refine((k) => !businessSideKinds.includes(k), {
    error: () => rules.aSupportTeamSOrganizationsArePublic,
  }),
  website: websiteAddress().optional(),
});
export type TeamOrganizationBody = z.infer<typeof teamOrganizationBody>;

export const teamMemberBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(limits.personName),
  email: emailSchema,
  organizationId: z.uuid({ error: () => rules.chooseAnOrganizationOfThisTeam }).optional(),
  role: z.enum(teamRoles),
});
export type TeamMemberBody = z.infer<typeof teamMemberBody>;

export const teamStepBody = z.strictObject({
  step: z.enum(teamStepKeys, { error: `must be a first-stage step: ${teamStepKeys.join(", ")}` }),
  done: z.boolean(),
  note: z.string().trim().max(500).optional(),
});
export type TeamStepBody = z.infer<typeof teamStepBody>;

export const teamNoteBody = z.strictObject({ body: noteText });
export const teamNotePatchBody = z.strictObject({ body: noteText, version });

export const teamCandidateBody = z.strictObject({ naicsCode, note: candidateNote.optional() });
export type TeamCandidateBody = z.infer<typeof teamCandidateBody>;
export const teamCandidatePatchBody = z.strictObject({ note: candidateNote, version });

/** Starting a partnership: its industry, and the team's counties it covers (all when left out). */
export const startPartnershipBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(3, { error: () => rules.mustBeAtLeast3Characters })
    .max(limits.name),
  naics: z
    .array(naicsCode)
    .min(1, { error: () => rules.chooseAtLeastOneIndustryCode })
    .max(limits.naicsPerPartnership),
  counties: z
    .array(countyFips)
    .min(1, { error: () => rules.chooseAtLeastOneCounty })
    .max(limits.countiesPerPartnership)
    .optional(),
  setting: z.enum(settings).optional(),
});
export type StartPartnershipBody = z.infer<typeof startPartnershipBody>;

export const teamSlugParams = z.strictObject({ slug: z.string().min(1).max(120) });
export const teamItemParams = z.strictObject({ slug: z.string().min(1).max(120), id: z.uuid() });

/** How the caller takes part: a reader is the community admin or a coordinator of its region. */
export const teamAccess = z.enum(["convener", "partner", "reader"]);
export type TeamAccess = z.infer<typeof teamAccess>;

const countyRef = z.object({ fips: z.string(), name: z.string(), state: z.string() });

export const teamOrganizationSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  kind: organizationKindSchema,
  website: z.string().nullable(),
  people: z.number().int(),
});
export type TeamOrganization = z.infer<typeof teamOrganizationSchema>;

export const teamMemberSchema = z.object({
  id: uuidSchema,
  personId: uuidSchema,
  name: z.string(),
  email: z.string().nullable(),
  organizationId: uuidSchema.nullable(),
  organization: z.string().nullable(),
  role: z.enum(teamRoles),
  /** False until the person has an account: they read the team once they sign up with the address. */
  hasAccount: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const teamNoteSchema = z.object({
  id: uuidSchema,
  author: z.string().nullable(),
  body: z.string(),
  /** The body as sanitized HTML. */
  html: z.string(),
  mine: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TeamNote = z.infer<typeof teamNoteSchema>;

export const teamCandidateSchema = z.object({
  id: uuidSchema,
  naicsCode: z.string(),
  title: z.string(),
  note: z.string(),
  addedBy: z.string().nullable(),
  version: z.number().int(),
});
export type TeamCandidate = z.infer<typeof teamCandidateSchema>;

export const teamStepSchema = z.object({
  key: z.string(),
  label: z.string(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  note: z.string(),
  resource: z.object({ slug: z.string(), title: z.string() }).nullable(),
});
export type TeamStep = z.infer<typeof teamStepSchema>;

export const teamPartnershipSchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  stage: z.enum(stages),
});
export type TeamPartnership = z.infer<typeof teamPartnershipSchema>;

export const regionalTeamDetail = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  regionName: z.string(),
  description: z.string(),
  cbsaCode: z.string().nullable(),
  stateFips: z.string(),
  counties: z.array(countyRef),
  version: z.number().int(),
  access: teamAccess,
  permissions: z.object({
    /** Edit the team, its organizations and people, tick steps, start partnerships. */
    manage: z.boolean(),
    /** Write notes and candidate industries. */
    contribute: z.boolean(),
  }),
  organizations: z.array(teamOrganizationSchema),
  members: z.array(teamMemberSchema),
  steps: z.array(teamStepSchema),
  notes: z.array(teamNoteSchema),
  candidates: z.array(teamCandidateSchema),
  partnerships: z.array(teamPartnershipSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RegionalTeamDetail = z.infer<typeof regionalTeamDetail>;

export const regionalTeamSummary = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  regionName: z.string(),
  /** State abbreviations its counties touch. */
  states: z.array(z.string()),
  counties: z.number().int(),
  access: teamAccess,
  members: z.number().int(),
  partnerships: z.number().int(),
  stepsDone: z.number().int(),
  updatedAt: z.string(),
});
export type RegionalTeamSummary = z.infer<typeof regionalTeamSummary>;

export const regionalTeamList = z.object({ items: z.array(regionalTeamSummary) });
export type RegionalTeamList = z.infer<typeof regionalTeamList>;

/** What starting a partnership made, for the caller to open its workspace. */
export const startedPartnershipSchema = teamPartnershipSchema.extend({
  organizations: z.number().int(),
  memberships: z.number().int(),
  stepsCopied: z.number().int(),
});
export type StartedPartnership = z.infer<typeof startedPartnershipSchema>;

/** The note a partnership's copied step carries, naming the team that did it. */
export const copiedStepNote = (teamName: string) => `Done by the ${teamName} regional support team`;
