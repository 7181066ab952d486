import { z } from "zod";
import { actionStatuses, voteMethods } from "./agenda.js";
import { eventSummarySchema, registrationSchema } from "./events.js";

/** How far ahead "What is due" looks for actions and meetings, in days. */
export const DUE_WINDOW_DAYS = 14;
import { meetingKinds } from "./meeting-time.js";
import { uuidSchema } from "./ids.js";

export const communityStatsSchema = z.object({
  partnerships: z.number().int(),
  states: z.number().int(),
  industries: z.number().int(),
  businesses: z.number().int(),
});
export type CommunityStats = z.infer<typeof communityStatsSchema>;

export const communityStoriesSchema = z.object({
  items: z.array(
    z.object({
      id: uuidSchema,
      title: z.string(),
      date: z.string(),
      area: z.string(),
      /** The first words of the story, plain text. */
      excerpt: z.string(),
      partnershipName: z.string(),
      partnershipSlug: z.string(),
    }),
  ),
});
export type CommunityStories = z.infer<typeof communityStoriesSchema>;

const duePartnership = {
  partnershipName: z.string(),
  partnershipSlug: z.string(),
  /** The web page where the person acts on it. */
  link: z.string(),
};

/**
 * One thing on a signed-in person's plate: an action they own that is late or due soon, a vote
 * they may still cast, a self-assessment they have not answered, or a meeting coming up.
 */
export const dueItemSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("action"),
    id: uuidSchema,
    title: z.string(),
    ...duePartnership,
    /** YYYY-MM-DD. */
    dueDate: z.string(),
    late: z.boolean(),
    status: z.enum(actionStatuses),
    progress: z.number().int(),
  }),
  z.object({
    kind: z.literal("vote"),
    id: uuidSchema,
    title: z.string(),
    ...duePartnership,
    method: z.enum(voteMethods),
    openedAt: z.string(),
  }),
  z.object({
    kind: z.literal("assessment"),
    id: uuidSchema,
    title: z.string(),
    ...duePartnership,
    openedAt: z.string(),
  }),
  z.object({
    kind: z.literal("meeting"),
    id: uuidSchema,
    title: z.string(),
    ...duePartnership,
    meetingKind: z.enum(meetingKinds),
    startsAt: z.string(),
    /** IANA zone the meeting was planned in. */
    timeZone: z.string(),
  }),
]);
export type DueItem = z.infer<typeof dueItemSchema>;

export const newRepliesItemSchema = z.object({
  threadId: uuidSchema,
  title: z.string(),
  /** Visible replies by others since the person last opened the thread (or began following it). */
  newReplies: z.number().int(),
  lastReplyAt: z.string(),
  lastReplyAuthor: z.string(),
});
export type NewRepliesItem = z.infer<typeof newRepliesItemSchema>;

/** An upcoming event as the home page lists it, with the person's registration when they have one. */
export const homeEventSchema = eventSummarySchema
  .pick({
    id: true,
    slug: true,
    title: true,
    kind: true,
    startsAt: true,
    endsAt: true,
    timeZone: true,
    online: true,
    place: true,
    placesLeft: true,
  })
  .extend({ myRegistration: registrationSchema.pick({ status: true, waitlistPosition: true }).nullable() });
export type HomeEvent = z.infer<typeof homeEventSchema>;

/** The signed-in home page in one answer. */
export const meHomeSchema = z.object({
  /** Soonest first: late actions, open rounds, then actions and meetings by date. */
  due: z.array(dueItemSchema),
  /** Most recent first, at most 5 threads. */
  newReplies: z.array(newRepliesItemSchema),
  /** The next 3 events that are not cancelled. */
  upcomingEvents: z.array(homeEventSchema),
});
export type MeHome = z.infer<typeof meHomeSchema>;
