/**
 * Reading for machines: a state system copies partnerships and impact values nightly, asking only
 * for what changed since its last copy (`updatedSince`), page by page (`cursor`).
 *
 * Each listing covers the changes up to a moment a few seconds in the past (`until`): a write
 * still committing carries an earlier time than the reading, so the newest seconds are left for
 * the next listing instead of being skipped. The client keeps `until` and sends it back as
 * `updatedSince` next time; pages of one listing keep its `until` in their cursor.
 */
import { rules } from "./rules.js";
import { z } from "zod";
import { uuidSchema } from "./ids.js";
import { indicatorUnits } from "./indicator-units.js";

/** How far behind the clock a listing stops: longer than any write's transaction. */
export const SETTLE_MS = 5_000;
export const SYNC_PAGE_DEFAULT = 500;
export const SYNC_PAGE_MAX = 1_000;

/** Where the previous page stopped: the listing's bound and the last item's change and id. */
const cursorContent = z.strictObject({
  until: z.iso.datetime(),
  /** The last item's change time with microseconds, as the database keeps it. */
  after: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
  id: uuidSchema,
});
export type SyncCursor = z.infer<typeof cursorContent>;

export function encodeCursor(cursor: SyncCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor a page gave, or null when the text is not one (a 400 naming the field). */
export function decodeCursor(text: string): SyncCursor | null {
  try {
    const parsed = cursorContent.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const syncQuery = z.strictObject({
  updatedSince: z.iso.datetime({ offset: true, error: () => rules.mustBeADateAndTimeSuch3 }).optional(),
  cursor: z
    .string()
    .max(400)
    .refine((text) => decodeCursor(text) !== null, "is not a cursor this API gave: start again without it")
    .optional(),
  limit: z.coerce
    .number({ error: `must be a whole number from 1 to ${SYNC_PAGE_MAX}` })
    .int(`must be a whole number from 1 to ${SYNC_PAGE_MAX}`)
    .min(1, `must be a whole number from 1 to ${SYNC_PAGE_MAX}`)
    .max(SYNC_PAGE_MAX, `must be a whole number from 1 to ${SYNC_PAGE_MAX}`)
    .default(SYNC_PAGE_DEFAULT),
  /** Only the partnerships of this coordinator scope of the caller's (a service token's own scope). */
  scope: uuidSchema.optional(),
  /**
   * Only the partnerships with a county in this state (two-digit FIPS). Anyone may narrow the
   * partnerships by state; the values of a whole state are for its state coordinators and the admin.
   */
  state: z
    .string()
    .regex(/^\d{2}$/, { error: () => rules.mustBeATwoDigitStateFIPS })
    .optional(),
});
export type SyncQuery = z.infer<typeof syncQuery>;

const pageFields = {
  /** Changes up to this moment are in this listing: send it as `updatedSince` next time. */
  until: z.string(),
  /** The next page of this listing, or null on its last page. */
  nextCursor: z.string().nullable(),
};

export const syncedPartnership = z.object({
  id: uuidSchema,
  slug: z.string(),
  name: z.string(),
  stage: z.string(),
  setting: z.string(),
  naics: z.array(z.string()),
  counties: z.array(z.string()),
  website: z.string(),
  updatedAt: z.string(),
  /** True when the partnership was removed: drop it and its values. */
  deleted: z.boolean(),
});
export const partnershipsSyncPage = z.object({ ...pageFields, items: z.array(syncedPartnership) });
export type PartnershipsSyncPage = z.infer<typeof partnershipsSyncPage>;

export const syncedMeasurement = z.object({
  id: uuidSchema,
  /** False: the value as it is now. True: it was deleted, or it is no longer shared with you. */
  removed: z.boolean(),
  partnershipId: uuidSchema,
  indicatorKey: z.string().nullable(),
  /** The indicator's unit: `yes_no` values are outcomes (1 achieved, 0 not), `dollars` funding. */
  unit: z.enum(indicatorUnits).nullable(),
  kind: z.enum(["actual", "baseline", "target"]).nullable(),
  period: z.string().nullable(),
  value: z.number().nullable(),
  visibility: z.enum(["partnership", "community", "public"]).nullable(),
  source: z.string().nullable(),
  changedAt: z.string(),
});
export const measurementsSyncPage = z.object({ ...pageFields, items: z.array(syncedMeasurement) });
export type MeasurementsSyncPage = z.infer<typeof measurementsSyncPage>;
