import { z } from "zod";
import { limits } from "./limits.js";
import { naicsCode } from "./partnerships.js";
import { emailSchema } from "./auth.js";
import { corePublicKinds, organizationKinds, roles, sizeBands, type OrganizationKind } from "./vocabulary.js";

export const organizationBody = z
  .strictObject({
    name: z.string().trim().min(2, { error: "must be at least 2 characters" }).max(limits.name),
    kind: z.enum(organizationKinds),
    naics: naicsCode.optional(),
    sizeBand: z.enum(sizeBands).optional(),
    website: z.url().max(limits.url).optional(),
  })
  .check((ctx) => {
    if (ctx.value.kind !== "business" && (ctx.value.naics || ctx.value.sizeBand)) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["kind"],
        message: "only a business has a NAICS code and a size band",
      });
    }
  });
export type OrganizationBody = z.infer<typeof organizationBody>;

export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(organizationKinds),
  naics: z.string().nullable(),
  naicsTitle: z.string().nullable(),
  sizeBand: z.enum(sizeBands).nullable(),
  website: z.string().nullable(),
  memberCount: z.number().int(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const invitationBody = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1, { error: "is required" }).max(limits.personName),
  role: z.enum(roles),
  organizationId: z.uuid({ error: "choose an organization of this partnership" }),
});
export type InvitationBody = z.infer<typeof invitationBody>;

export const addMemberBody = z.strictObject({
  name: z.string().trim().min(1, { error: "is required" }).max(limits.personName),
  email: emailSchema.optional(),
  title: z.string().trim().max(limits.name).optional(),
  role: z.enum(roles),
  organizationId: z.uuid({ error: "choose an organization of this partnership" }),
});
export type AddMemberBody = z.infer<typeof addMemberBody>;

export const memberSchema = z.object({
  membershipId: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  role: z.enum(roles),
  sector: z.enum(["business", "public"]),
  organizationId: z.uuid().nullable(),
  organization: z.string().nullable(),
  organizationKind: z.enum(organizationKinds).nullable(),
  hasAccount: z.boolean(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  organizationId: z.uuid(),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
});

export const tableMakeup = z.object({
  businesses: z.number().int(),
  publicPartners: z.number().int(),
  businessPeople: z.number().int(),
  publicPeople: z.number().int(),
  kindsPresent: z.array(z.enum(organizationKinds)),
  kindsMissing: z.array(z.enum(organizationKinds)),
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
  members: { sector: "business" | "public" }[],
): TableMakeup {
  const kinds = new Set(organizations.map((o) => o.kind));
  return {
    businesses: organizations.filter((o) => o.kind === "business").length,
    publicPartners: organizations.filter((o) => o.kind !== "business").length,
    businessPeople: members.filter((m) => m.sector === "business").length,
    publicPeople: members.filter((m) => m.sector === "public").length,
    kindsPresent: organizationKinds.filter((k) => k !== "business" && kinds.has(k)),
    kindsMissing: corePublicKinds.filter((k) => !kinds.has(k)),
  };
}
