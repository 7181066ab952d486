/**
 * Industry shortlists: a regional team's candidate industries for one region, with notes. The
 * owner (who created it) changes everything; teammates (existing accounts added by e-mail) read
 * it and edit the notes; anyone else is told it does not exist.
 */
import { z } from "zod";
import { NAICS_LEVEL_CHOICES, ownershipChoice } from "./profile.js";
import { partnershipCode } from "./ranking.js";
import { uuidSchema } from "../ids.js";

export const SHORTLIST_LIMITS = {
  name: 120,
  regionName: 80,
  note: 2000,
  title: 300,
  items: 100,
  members: 50,
};

const industryCode = z
  .string()
  .trim()
  .regex(
    /^(\d{2,6}|31-33|44-45|48-49)$/,
    "must be a NAICS code as QCEW lists it, such as 311, 31-33 or 622110",
  );

const fips = z.string().regex(/^\d{5}$/, "each county is a five-digit FIPS code such as 39049");

export const shortlistItemInput = z.strictObject({
  code: industryCode,
  title: z.string().trim().min(1, "must not be empty").max(SHORTLIST_LIMITS.title),
  note: z.string().trim().max(SHORTLIST_LIMITS.note).default(""),
});
export type ShortlistItemInput = z.infer<typeof shortlistItemInput>;

export const shortlistCreateBody = z
  .strictObject({
    name: z.string().trim().min(1, "must not be empty").max(SHORTLIST_LIMITS.name),
    regionName: z.string().trim().max(SHORTLIST_LIMITS.regionName).default(""),
    counties: z.array(fips).min(1, "name at least one county").max(100, "at most 100 counties"),
    cbsa: z
      .string()
      .regex(/^\d{5}$/, "a metro or micro area is a five-digit CBSA code such as 18140")
      .nullable()
      .default(null),
    level: z.enum(NAICS_LEVEL_CHOICES),
    year: z.number().int().min(1975).max(2100),
    ownership: ownershipChoice.default("private"),
    items: z.array(shortlistItemInput).max(SHORTLIST_LIMITS.items).default([]),
  })
  .superRefine((body, context) => {
    const seen = new Set<string>();
    body.items.forEach((item, index) => {
      if (seen.has(item.code))
        context.addIssue({
          code: "custom",
          path: ["items", index, "code"],
          message: `${item.code} is listed twice`,
        });
      seen.add(item.code);
    });
  });
export type ShortlistCreate = z.infer<typeof shortlistCreateBody>;

export const shortlistPatchBody = z.strictObject({
  version: z.number().int().positive(),
  name: z.string().trim().min(1, "must not be empty").max(SHORTLIST_LIMITS.name).optional(),
  regionName: z.string().trim().max(SHORTLIST_LIMITS.regionName).optional(),
});
export type ShortlistPatch = z.infer<typeof shortlistPatchBody>;

export const shortlistItemPatchBody = z.strictObject({
  version: z.number().int().positive(),
  note: z.string().trim().max(SHORTLIST_LIMITS.note),
});

export const shortlistMemberBody = z.strictObject({
  email: z.email("must be an e-mail address such as name@example.org").max(320),
});

export const shortlistParams = z.strictObject({ id: z.uuid("must be a shortlist id") });
export const shortlistItemParams = z.strictObject({
  id: z.uuid("must be a shortlist id"),
  itemId: z.uuid("must be an item id"),
});
export const shortlistMemberParams = z.strictObject({
  id: z.uuid("must be a shortlist id"),
  userId: z.uuid("must be a person's id"),
});

export const shortlistItem = z.object({
  id: uuidSchema,
  code: z.string(),
  title: z.string(),
  note: z.string(),
  version: z.number().int(),
  /** The code a partnership started from this item is registered under; null when none fits. */
  partnership: partnershipCode.nullable(),
  updatedAt: z.string(),
});
export type ShortlistItem = z.infer<typeof shortlistItem>;

const personRef = z.object({ userId: uuidSchema, name: z.string(), email: z.string().nullable() });

export const shortlistSummary = z.object({
  id: uuidSchema,
  name: z.string(),
  regionName: z.string(),
  counties: z.array(z.string()),
  cbsa: z.string().nullable(),
  level: z.enum(NAICS_LEVEL_CHOICES),
  year: z.number().int(),
  ownership: ownershipChoice,
  owner: personRef,
  /** What the caller may do: owner changes everything; teammate edits notes. */
  role: z.enum(["owner", "teammate"]),
  items: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ShortlistSummary = z.infer<typeof shortlistSummary>;

export const shortlistDetail = shortlistSummary.omit({ items: true }).extend({
  items: z.array(shortlistItem),
  teammates: z.array(personRef),
});
export type ShortlistDetail = z.infer<typeof shortlistDetail>;
