import { rules } from "./rules.js";
import { z } from "zod";
import { organizationKindSchema } from "./organization-kind.js";
import { limits } from "./limits.js";
import { naicsCodePattern } from "./naics.js";
import { countyFipsPattern } from "./geography.js";
import { settings, sortKeys, stages } from "./vocabulary.js";
import { websiteAddress } from "./urls.js";
import { uuidSchema } from "./ids.js";

export const naicsCode = z.string().regex(naicsCodePattern, { error: () => rules.mustBeANAICSCodeSuchAs });
export const countyFips = z
  .string()
  .regex(countyFipsPattern, { error: () => rules.mustBeAFiveDigitCountyFIPS2 });

const optionalText = (max: number) => z.string().trim().max(max).optional();
const dateString = z.iso.date({ error: () => rules.mustBeADateAsYYYYMM });

export const partnershipCreateBody = z.strictObject({
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
    .max(limits.countiesPerPartnership),
  setting: z.enum(settings),
  stage: z.enum(stages).optional(),
  description: optionalText(limits.description),
  launchDate: dateString.nullable().optional(),
  contactName: optionalText(limits.personName),
  contactEmail: z.email().max(limits.email).or(z.literal("")).optional(),
  contactPhone: optionalText(limits.phone),
  website: websiteAddress(limits.url, { empty: true }).optional(),
});
export type PartnershipCreate = z.infer<typeof partnershipCreateBody>;

export const partnershipPatchBody = partnershipCreateBody.partial().extend({
  version: z.number().int().positive(),
});
export type PartnershipPatch = z.infer<typeof partnershipPatchBody>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? (v === "" ? [] : v.split(",")) : v), z.array(item));

export const partnershipListQuery = z.strictObject({
  q: z.string().trim().max(limits.search).optional(),
  naics: csv(naicsCode).optional(),
  state: csv(z.string().regex(/^[A-Za-z]{2}$/, { error: () => rules.mustBeAStateSuchAsCO })).optional(),
  county: csv(countyFips).optional(),
  stage: csv(z.enum(stages)).optional(),
  setting: csv(z.enum(settings)).optional(),
  /** Best match first when there is a search, else by name. */
  sort: z.enum(sortKeys).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(25),
});
export type PartnershipListQuery = z.infer<typeof partnershipListQuery>;

export const partnershipListItem = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  naics: z.array(z.string()),
  industry: z.string(),
  states: z.array(z.string()),
  counties: z.array(z.string()),
  stage: z.enum(stages),
  setting: z.enum(settings),
  launchDate: z.string().nullable(),
  businessCount: z.number().int(),
  publicCount: z.number().int(),
});
export type PartnershipListItem = z.infer<typeof partnershipListItem>;

export const partnershipList = z.object({
  items: z.array(partnershipListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PartnershipList = z.infer<typeof partnershipList>;

export const partnershipPermissions = z.object({
  edit: z.boolean(),
  manageMembers: z.boolean(),
  viewMembers: z.boolean(),
});

export const partnershipDetail = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  naics: z.array(z.object({ code: z.string(), title: z.string() })),
  states: z.array(z.object({ fips: z.string(), abbr: z.string(), name: z.string() })),
  counties: z.array(z.object({ fips: z.string(), name: z.string(), state: z.string() })),
  setting: z.enum(settings),
  stage: z.enum(stages),
  launchDate: z.string().nullable(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  website: z.string(),
  conveners: z.array(z.object({ name: z.string(), organization: z.string().nullable() })),
  table: z.object({
    businesses: z.number().int(),
    publicPartners: z.number().int(),
    publicKinds: z.array(organizationKindSchema),
  }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: partnershipPermissions,
});
export type PartnershipDetail = z.infer<typeof partnershipDetail>;

export const stateCounts = z.object({
  items: z.array(z.object({ state: z.string(), fips: z.string(), count: z.number().int() })),
});
export type StateCounts = z.infer<typeof stateCounts>;
