import { rules } from "./rules.js";
import { z } from "zod";
import { isTimeZone, meetingKinds, resolveInstant } from "./meeting-time.js";
import { webAddress } from "./urls.js";
import { uuidSchema } from "./ids.js";
import { meetingRsvpSchema } from "./meeting-rsvps.js";

export * from "./meeting-time.js";

export const meetingLimits = {
  title: 200,
  place: 300,
  link: 500,
  text: 20_000,
  guests: 200,
  people: 1000,
  /** Files kept with one meeting (agenda handouts, slides, sign-in sheets, minutes). */
  filesPerMeeting: 20,
  fileTitle: 120,
};

/** What the files of all the meetings of one partnership may take together. */
export const PARTNERSHIP_FILE_QUOTA_BYTES = 200 * 1024 * 1024;

/** "195.3 MB": storage as people read it, in the unit of the quota. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a file does not fit in the partnership's storage, and what to do about it. */
export function fileQuotaRefusal(usedBytes: number, fileBytes: number): string {
  return (
    `This partnership keeps at most ${PARTNERSHIP_FILE_QUOTA_BYTES / 1024 / 1024} MB of meeting files; ` +
    `${megabytes(usedBytes)} are used and this file is ${megabytes(fileBytes)}. ` +
    "Remove files you no longer need, or link to the file instead."
  );
}

const timeZone = z.string().refine(isTimeZone, { error: () => rules.isNotAKnownIANATimeZone });
const dateTime = z
  .string()
  .max(40)
  .refine((v) => resolveInstant(v, "UTC") !== null, {
    error: () => rules.mustBeADateAndTimeSuch2,
  });
const text = z.string().trim().max(meetingLimits.text);

const meetingFields = {
  kind: z.enum(meetingKinds),
  title: z
    .string()
    .trim()
    .min(3, { error: () => rules.mustBeAtLeast3Characters })
    .max(meetingLimits.title),
  startsAt: dateTime,
  endsAt: dateTime.nullable().optional(),
  timeZone,
  place: z.string().trim().max(meetingLimits.place).optional(),
  link: webAddress(meetingLimits.link, { empty: true }).optional(),
  agenda: text.optional(),
  notes: text.optional(),
  decisions: text.optional(),
  nextSteps: text.optional(),
  actionTeamId: uuidSchema.nullable().optional(),
  /** On the partnership's public calendar (title, kind and time only); members only by default. */
  public: z.boolean().optional(),
};

export const meetingCreateBody = z.strictObject(meetingFields);
export type MeetingCreate = z.infer<typeof meetingCreateBody>;

export const meetingPatchBody = meetingCreateBody.partial().extend({
  cancelled: z.boolean().optional(),
  /** The version the editor read: a stale edit answers 409 with the current meeting. */
  version: z.number().int().positive(),
});
export type MeetingPatch = z.infer<typeof meetingPatchBody>;

const sector = z.enum(["business", "public"]);

export const guestBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(120),
  organization: z.string().trim().max(200).optional(),
  sector,
});

export const attendanceBody = z.strictObject({
  personIds: z.array(z.uuid({ error: () => rules.mustBeTheIdOfAMember })).max(meetingLimits.people),
  guests: z.array(guestBody).max(meetingLimits.guests).optional(),
  /**
   * The `attendanceVersion` of the meeting the form was filled from: when people checked in (or
   * another convener saved) since, the save answers 409 instead of dropping them.
   */
  attendanceVersion: z.string().max(64).optional(),
});
export type AttendanceBody = z.infer<typeof attendanceBody>;

export const attendanceSummarySchema = z.object({
  business: z.number().int(),
  public: z.number().int(),
  guests: z.number().int(),
  businessShare: z.number().nullable(),
  businessMajority: z.boolean(),
});

export const meetingSummarySchema = z.object({
  id: uuidSchema,
  partnershipId: uuidSchema,
  kind: z.enum(meetingKinds),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  timeZone: z.string(),
  place: z.string(),
  link: z.string(),
  public: z.boolean(),
  cancelled: z.boolean(),
  version: z.number().int(),
  attendance: attendanceSummarySchema,
  /** A launch or full partnership meeting where business people were not the majority. */
  lacksBusinessMajority: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

export const meetingFileSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  /** The download route of the file: members only, like the meeting. */
  url: z.string(),
  uploadedAt: z.string(),
  /** Who uploaded it, or null when that is not known. */
  uploadedBy: z.string().nullable(),
});
export type MeetingFile = z.infer<typeof meetingFileSchema>;

/** The title of a meeting file; the file itself is the raw body, its name in `name`. */
export const meetingFileQuery = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(meetingLimits.fileTitle),
  name: z.string().trim().min(1).max(200).optional(),
});

/** The storage the files of all the partnership's meetings take, against its quota. */
export const fileStorageSchema = z.object({ usedBytes: z.number().int(), limitBytes: z.number().int() });
export type FileStorage = z.infer<typeof fileStorageSchema>;

export const meetingSchema = meetingSummarySchema.extend({
  actionTeamId: uuidSchema.nullable(),
  agenda: z.string(),
  notes: z.string(),
  decisions: z.string(),
  nextSteps: z.string(),
  attendees: z.array(
    z.object({
      personId: uuidSchema,
      name: z.string(),
      organization: z.string().nullable(),
      sector,
      /** No longer at the table: the attendance stays true to the day. */
      former: z.boolean(),
    }),
  ),
  guests: z.array(z.object({ id: uuidSchema, name: z.string(), organization: z.string(), sector })),
  /** Changes whenever who came changes (a check-in, a saved form): sent back when saving attendance. */
  attendanceVersion: z.string(),
  /** Handouts, slides, sign-in sheets and minutes, oldest first. */
  files: z.array(meetingFileSchema),
  fileStorage: fileStorageSchema,
  /** Answers to the invitation: yes, maybe, no and not yet, with names to members. */
  rsvp: meetingRsvpSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: z.object({ edit: z.boolean() }),
});
export type Meeting = z.infer<typeof meetingSchema>;

export const meetingListSchema = z.object({
  partnership: z.object({ id: uuidSchema, slug: z.string(), name: z.string() }),
  items: z.array(meetingSummarySchema),
  permissions: z.object({ create: z.boolean() }),
});
export type MeetingList = z.infer<typeof meetingListSchema>;

/** A meeting's next step made into an action of one of the partnership's action teams. */
export const nextStepActionBody = z.strictObject({
  teamId: z.uuid({ error: () => rules.chooseAnActionTeamOfThisPartnership }),
  title: z
    .string()
    .trim()
    .min(3, { error: () => rules.mustBeAtLeast3Characters })
    .max(meetingLimits.title),
  ownerId: z
    .uuid({ error: () => rules.mustBeTheIdOfAMember })
    .nullable()
    .optional(),
  dueDate: z.iso
    .date({ error: () => rules.mustBeADateAsYYYYMM })
    .nullable()
    .optional(),
});
export type NextStepActionBody = z.infer<typeof nextStepActionBody>;

/**
 * The caller's private meetings feed: one address per person for the meetings of every
 * partnership they belong to, with agenda, notes and attendance. `url` is null when they have
 * none (never made, or revoked).
 */
export const meetingFeedSchema = z.object({
  url: z.string().nullable(),
  createdAt: z.string().nullable(),
});
export type MeetingFeed = z.infer<typeof meetingFeedSchema>;
