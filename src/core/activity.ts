import { rules } from "./rules.js";
import { z } from "zod";
import { uuidSchema } from "./ids.js";

export const activityQuery = z.strictObject({
  /** Entries older than this instant (the createdAt of the last entry of the previous page). */
  before: z.iso.datetime({ offset: true, error: () => rules.mustBeAnISODateAndTime }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const activityItemSchema = z.object({
  id: uuidSchema,
  kind: z.string(),
  summary: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  actor: z.string().nullable(),
  /** The actor no longer holds a seat at the partnership. */
  actorFormer: z.boolean(),
  createdAt: z.string(),
});
export type ActivityItem = z.infer<typeof activityItemSchema>;

export const activityListSchema = z.object({
  partnership: z.object({ id: uuidSchema, slug: z.string(), name: z.string() }),
  items: z.array(activityItemSchema),
  /** Pass as `before` to read older entries; null at the end. */
  nextBefore: z.string().nullable(),
});
export type ActivityList = z.infer<typeof activityListSchema>;

export const followSchema = z.object({ following: z.boolean(), followers: z.number().int() });
export type Follow = z.infer<typeof followSchema>;
