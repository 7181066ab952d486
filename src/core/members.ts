import { msg, say } from "./i18n/msg.js";
import { rules } from "./rules.js";
import { z } from "zod";
import { localeSchema } from "./i18n/locales.js";
import { organizationKindSchema } from "./organization-kind.js";
import { limits } from "./limits.js";
import { naicsCode } from "./partnerships.js";
import { emailSchema } from "./auth.js";
import { websiteAddress } from "./urls.js";
import {
  corePublicKinds,
  organizationKinds,
  roles,
  seniorities,
  sizeBands,
  type OrganizationKind,
  type Role,
  type Seniority,
} from "./vocabulary.js";
import { uuidSchema } from "./ids.js";

export const organizationBody = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(2, { error: () => rules.mustBeAtLeast2Characters })
      .max(limits.name),
    kind: organizationKindSchema,
    naics: naicsCode.optional(),
    sizeBand: z.enum(sizeBands).optional(),
    website: websiteAddress().optional(),
  })
  .check((ctx) => {
    if (ctx.value.kind !== "business" && (ctx.value.naics || ctx.value.sizeBand)) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["kind"],
        message: rules.onlyABusinessHasANAICSCode,
      });
    }
  });
export type OrganizationBody = z.infer<typeof organizationBody>;

export const organizationSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  kind: organizationKindSchema,
  naics: z.string().nullable(),
  naicsTitle: z.string().nullable(),
  sizeBand: z.enum(sizeBands).nullable(),
  website: z.string().nullable(),
  memberCount: z.number().int(),
  version: z.number().int(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const invitationBody = z.strictObject({
  email: emailSchema,
  name: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(limits.personName),
  role: z.enum(roles),
  organizationId: z.uuid({ error: () => rules.chooseAnOrganizationOfThisPartnership }),
  /**
   * The e-mail's language when the address has no account yet (an account's own language wins);
   * English when not given. The account made by accepting starts in it.
   */
  lang: localeSchema.optional(),
});
export type InvitationBody = z.infer<typeof invitationBody>;

export const addMemberBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(limits.personName),
  email: emailSchema.optional(),
  title: z.string().trim().max(limits.name).optional(),
  seniority: z.enum(seniorities).optional(),
  role: z.enum(roles),
  organizationId: z.uuid({ error: () => rules.chooseAnOrganizationOfThisPartnership }),
});
export type AddMemberBody = z.infer<typeof addMemberBody>;

export const memberSchema = z.object({
  membershipId: uuidSchema,
  personId: uuidSchema,
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  /** A business member's seniority in their company; null for public partners and when not said. */
  seniority: z.enum(seniorities).nullable(),
  role: z.enum(roles),
  sector: z.enum(["business", "public"]),
  organizationId: uuidSchema.nullable(),
  organization: z.string().nullable(),
  organizationKind: organizationKindSchema.nullable(),
  hasAccount: z.boolean(),
  joinedAt: z.string(),
  version: z.number().int(),
});
export type Member = z.infer<typeof memberSchema>;

export const invitationSchema = z.object({
  id: uuidSchema,
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  organizationId: uuidSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(["pending", "accepted", "expired", "revoked"]),
  version: z.number().int(),
});

export const tableMakeup = z.object({
  businesses: z.number().int(),
  publicPartners: z.number().int(),
  businessPeople: z.number().int(),
  publicPeople: z.number().int(),
  kindsPresent: z.array(organizationKindSchema),
  kindsMissing: z.array(organizationKindSchema),
  /** Business people by seniority (`unknown`: not said), counted, never named. */
  businessSeniority: z.object({
    owner_ceo: z.number().int(),
    executive: z.number().int(),
    manager: z.number().int(),
    other: z.number().int(),
    unknown: z.number().int(),
  }),
  /** The share of business people who are owners, CEOs or executives; null without business people. */
  influentialShare: z.number().nullable(),
});
export type TableMakeup = z.infer<typeof tableMakeup>;

export const membersResponse = z.object({
  items: z.array(memberSchema),
  organizations: z.array(organizationSchema),
  invitations: z.array(invitationSchema),
  makeup: tableMakeup,
});
export type MembersResponse = z.infer<typeof membersResponse>;

/** Rule 2 (community-supported): which core public partner kinds are at the table and which are not. */
export function computeMakeup(
  organizations: { kind: OrganizationKind }[],
  members: { sector: "business" | "public"; seniority?: Seniority | null }[],
): TableMakeup {
  const kinds = new Set(organizations.map((o) => o.kind));
  const business = members.filter((m) => m.sector === "business");
  const seniority = { owner_ceo: 0, executive: 0, manager: 0, other: 0, unknown: 0 };
  for (const m of business) seniority[m.seniority ?? "unknown"] += 1;
  const influential = seniority.owner_ceo + seniority.executive;
  return {
    businesses: organizations.filter((o) => o.kind === "business").length,
    publicPartners: organizations.filter((o) => o.kind !== "business").length,
    businessPeople: members.filter((m) => m.sector === "business").length,
    publicPeople: members.filter((m) => m.sector === "public").length,
    kindsPresent: organizationKinds.filter((k) => k !== "business" && kinds.has(k)),
    kindsMissing: corePublicKinds.filter((k) => !kinds.has(k)),
    businessSeniority: seniority,
    influentialShare:
      business.length === 0 ? null : Math.round((influential / business.length) * 1000) / 1000,
  };
}

// ---- Managing the table: edits, moves, removals, invitations (convener) ----

/** The version the caller edited; a stale one answers 409 with the current record. */
const versionField = z
  .number({ error: () => rules.sendTheVersionOfTheRecordYou })
  .int()
  .min(1, { error: () => rules.sendTheVersionOfTheRecordYou });

export const versionBody = z.strictObject({ version: versionField });
export type VersionBody = z.infer<typeof versionBody>;

export const updateMemberBody = z.strictObject({
  version: versionField,
  name: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(limits.personName)
    .optional(),
  email: emailSchema.nullable().optional(),
  title: z.string().trim().max(limits.name).nullable().optional(),
  seniority: z.enum(seniorities).nullable().optional(),
  role: z.enum(roles).optional(),
  organizationId: z.uuid({ error: () => rules.chooseAnOrganizationOfThisPartnership }).optional(),
});
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;

export const updateOrganizationBody = z.strictObject({
  version: versionField,
  name: organizationBody.shape.name.optional(),
  kind: organizationBody.shape.kind.optional(),
  naics: naicsCode.nullable().optional(),
  sizeBand: z.enum(sizeBands).nullable().optional(),
  website: organizationBody.shape.website,
});
export type UpdateOrganizationBody = z.infer<typeof updateOrganizationBody>;

export const updateInvitationBody = z.strictObject({
  version: versionField,
  name: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(limits.personName)
    .optional(),
  role: z.enum(roles).optional(),
  organizationId: z.uuid({ error: () => rules.chooseAnOrganizationOfThisPartnership }).optional(),
});
export type UpdateInvitationBody = z.infer<typeof updateInvitationBody>;

export const removeMemberBody = z.strictObject({
  version: versionField,
  /** The open actions the removal dialog showed: a removal refuses when they changed since. */
  openActionIds: z.array(uuidSchema).max(1000),
});
export type RemoveMemberBody = z.infer<typeof removeMemberBody>;

export const openActionSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  status: z.enum(["planned", "in_progress", "stuck"]),
  dueDate: z.string().nullable(),
  team: z.string(),
  priority: z.string(),
});
export type OpenAction = z.infer<typeof openActionSchema>;

export const removalPreviewSchema = z.object({
  member: memberSchema,
  /** Their actions not yet done: they keep the owner until someone reassigns them. */
  openActions: z.array(openActionSchema),
  /** The action teams they leave. */
  teams: z.array(z.string()),
  /** The last convener cannot be removed: someone must run the workspace. */
  lastConvener: z.boolean(),
});
export type RemovalPreview = z.infer<typeof removalPreviewSchema>;

export type InvitationStatus = Invitation["status"];
export type Invitation = z.infer<typeof invitationSchema>;

/** Revoked wins over everything; then accepted; then expired by the clock. */
export function invitationStatus(
  i: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (i.revokedAt) return "revoked";
  if (i.acceptedAt) return "accepted";
  return i.expiresAt <= now ? "expired" : "pending";
}

/**
 * How many conveners the partnership keeps when one membership changes to `role` (null: leaves).
 * A partnership must keep at least one: someone has to run its workspace.
 */
export function convenersAfter(
  members: readonly { membershipId: string; role: Role }[],
  change: { membershipId: string; role: Role | null },
): number {
  return members.filter((m) =>
    m.membershipId === change.membershipId ? change.role === "convener" : m.role === "convener",
  ).length;
}

/** The name an erased account leaves behind on what the person contributed. */
export const FORMER_MEMBER = "Former member";

/**
 * A person named in a partnership's history (an update's author, an action's owner, an
 * attendee). `former` is true when they once held a seat and hold none now: they left, were
 * removed or deleted their account. Their contribution stays, labelled.
 */
export const historyPerson = z.object({ personId: uuidSchema, name: z.string(), former: z.boolean() });
export type HistoryPerson = z.infer<typeof historyPerson>;

/** "Ana Ortiz (former member)", or just "Former member" for an erased account. */
export function historyName(person: { name: string; former: boolean }): string {
  if (!person.former || person.name === FORMER_MEMBER) return person.name;
  return say(msg({ id: "vocab.member.former", defaultMessage: "{name} (former member)" }), {
    name: person.name,
  });
}

/**
 * Where the table's share of influential business leaders (owners, CEOs, executives) stands among
 * peers: the same industry sector when 5 or more partnerships there record seniority, else the
 * whole community; fewer than 5 peers anywhere shows nothing. Never names a partnership.
 */
export const leadersBenchmarkSchema = z.object({
  /** This partnership's share (0-1), null when none of its business people has a seniority. */
  share: z.number().nullable(),
  suppressed: z.boolean(),
  /** Peers counted: other partnerships that record seniority, in the group below. */
  peers: z.number().int(),
  group: z.enum(["industry", "community"]).nullable(),
  groupLabel: z.string().nullable(),
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
});
export type LeadersBenchmark = z.infer<typeof leadersBenchmarkSchema>;
