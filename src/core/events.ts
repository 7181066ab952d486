import { rules } from "./rules.js";
import { z } from "zod";
import { eventAudiences, eventKinds, eventLimits, registrationStatuses } from "./event-vocabulary.js";
import { isTimeZone, resolveInstant } from "./meeting-time.js";
import { webAddress } from "./urls.js";
import { uuidSchema } from "./ids.js";

export * from "./event-vocabulary.js";

const timeZone = z.string().refine(isTimeZone, { error: () => rules.isNotAKnownIANATimeZone });
const dateTime = z
  .string()
  .max(40)
  .refine((v) => resolveInstant(v, "UTC") !== null, {
    error: () => rules.mustBeADateAndTimeSuch,
  });
const link = webAddress(eventLimits.link);
const optionalLink = webAddress(eventLimits.link, { empty: true }).optional();

export const materialBody = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(eventLimits.title),
  url: link,
});

const eventFields = {
  title: z
    .string()
    .trim()
    .min(3, { error: () => rules.mustBeAtLeast3Characters })
    .max(eventLimits.title),
  kind: z.enum(eventKinds).optional(),
  description: z.string().trim().max(eventLimits.description),
  startsAt: dateTime,
  endsAt: dateTime,
  timeZone,
  capacity: z
    .number()
    .int()
    .min(1, { error: () => rules.mustBeAtLeast1OrLeft })
    .max(eventLimits.capacity)
    .nullable()
    .optional(),
  online: z.boolean().optional(),
  link: optionalLink,
  place: z.string().trim().max(eventLimits.place).optional(),
  audience: z.array(z.enum(eventAudiences)).max(eventAudiences.length).optional(),
  recordingUrl: optionalLink,
  materials: z.array(materialBody).max(eventLimits.materials).optional(),
};

export const eventCreateBody = z.strictObject(eventFields);
export type EventCreate = z.infer<typeof eventCreateBody>;

export const eventPatchBody = z.strictObject({
  ...eventFields,
  title: eventFields.title.optional(),
  description: eventFields.description.optional(),
  startsAt: dateTime.optional(),
  endsAt: dateTime.optional(),
  timeZone: timeZone.optional(),
  cancelled: z.boolean().optional(),
  /** The version the editor read: a stale edit answers 409 with the current event. */
  version: z.number().int().positive(),
});
export type EventPatch = z.infer<typeof eventPatchBody>;

export const eventListQuery = z.strictObject({
  when: z.enum(["upcoming", "past"]).default("upcoming"),
});

export const eventSummarySchema = z.object({
  id: uuidSchema,
  slug: z.string(),
  title: z.string(),
  kind: z.enum(eventKinds),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  online: z.boolean(),
  place: z.string(),
  capacity: z.number().int().nullable(),
  audience: z.array(z.enum(eventAudiences)),
  cancelled: z.boolean(),
  confirmed: z.number().int(),
  waitlisted: z.number().int(),
  /** Seats still open; null when there is no limit. */
  placesLeft: z.number().int().nullable(),
  hasRecording: z.boolean(),
  version: z.number().int(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const eventListSchema = z.object({
  items: z.array(eventSummarySchema),
  permissions: z.object({ create: z.boolean() }),
});
export type EventList = z.infer<typeof eventListSchema>;

export const myRegistrationSchema = z.object({
  id: uuidSchema,
  status: z.enum(registrationStatuses),
  /** 1 for the first person on the waitlist; null when confirmed or cancelled. */
  waitlistPosition: z.number().int().nullable(),
});
export type MyRegistration = z.infer<typeof myRegistrationSchema>;

export const linkMaterialSchema = z.object({
  id: uuidSchema,
  kind: z.literal("link"),
  title: z.string(),
  url: z.string(),
});

export const fileMaterialSchema = z.object({
  id: uuidSchema,
  kind: z.literal("file"),
  title: z.string(),
  /** The download route of the file. */
  url: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type FileMaterial = z.infer<typeof fileMaterialSchema>;

export const eventMaterialSchema = z.discriminatedUnion("kind", [linkMaterialSchema, fileMaterialSchema]);
export type EventMaterial = z.infer<typeof eventMaterialSchema>;

/** The title of a file material; the file itself is the raw body, its name in `name`. */
export const materialFileQuery = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(eventLimits.title),
  name: z.string().trim().min(1).max(200).optional(),
});

export const eventSchema = eventSummarySchema.extend({
  description: z.string(),
  /** The description rendered from Markdown and sanitized. */
  descriptionHtml: z.string(),
  /** The join link, only for people registered (and admins); empty otherwise. */
  link: z.string(),
  /** An online link exists but is kept for registered people. */
  linkHidden: z.boolean(),
  recordingUrl: z.string(),
  /** Links (kept and replaced by the event's edits) and files (uploaded one by one, kept by edits). */
  materials: z.array(eventMaterialSchema),
  myRegistration: myRegistrationSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: z.object({ edit: z.boolean(), register: z.boolean() }),
});
export type EventDetail = z.infer<typeof eventSchema>;

export const registrationSchema = z.object({
  id: uuidSchema,
  status: z.enum(registrationStatuses),
  waitlistPosition: z.number().int().nullable(),
});
export type Registration = z.infer<typeof registrationSchema>;
