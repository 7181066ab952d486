import { z } from "zod";
import { actionStatuses } from "./agenda.js";
import { uuidSchema } from "./ids.js";
import { meetingKinds } from "./meeting-time.js";

/**
 * "My actions and meetings": what a business leader opens on a phone between meetings, and what
 * the installed app shows offline with the time it was fetched.
 */
export const MY_PLAN_MEETINGS = 5;
export const MY_PLAN_ACTIONS = 50;

export const myPlanActionSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  partnershipName: z.string(),
  partnershipSlug: z.string(),
  /** The action team's priority, which the action serves. */
  priorityTitle: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(actionStatuses),
  progress: z.number().int(),
  late: z.boolean(),
  /** The action plan where the person updates it. */
  link: z.string(),
});
export type MyPlanAction = z.infer<typeof myPlanActionSchema>;

export const myPlanMeetingSchema = z.object({
  id: uuidSchema,
  title: z.string(),
  kind: z.enum(meetingKinds),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  /** IANA zone the meeting was planned in. */
  timeZone: z.string(),
  place: z.string(),
  /** The video call's address, when there is one. */
  callLink: z.string(),
  partnershipName: z.string(),
  partnershipSlug: z.string(),
  link: z.string(),
});
export type MyPlanMeeting = z.infer<typeof myPlanMeetingSchema>;

export const myPlanSchema = z.object({
  /** Whose plan it is: a copy kept on a shared phone is shown to its owner only. */
  userId: uuidSchema,
  /** Open actions the person owns: late first, then by due date, undated last. */
  actions: z.array(myPlanActionSchema),
  /** The next meetings of the person's partnerships that have not ended, soonest first. */
  meetings: z.array(myPlanMeetingSchema),
  /** When the server answered: the page says how old what it shows is when it is offline. */
  generatedAt: z.string(),
});
export type MyPlan = z.infer<typeof myPlanSchema>;
