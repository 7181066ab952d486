/**
 * Answers to a meeting's invitation: yes, maybe or no, one per invited person, the last one
 * counting. Given by the signed links in the invitation e-mail (no sign-in, one page, one button)
 * or on the meeting page. API schemas shared by the server and the web app.
 */
import { rules } from "./rules.js";
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
import { z } from "zod";
import { uuidSchema } from "./ids.js";

export const rsvpAnswers = ["yes", "maybe", "no"] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];

export const rsvpAnswerMessages = {
  yes: msg({ id: "vocab.rsvpAnswer.yes", defaultMessage: "Yes, I'll come" }),
  maybe: msg({ id: "vocab.rsvpAnswer.maybe", defaultMessage: "Maybe" }),
  no: msg({ id: "vocab.rsvpAnswer.no", defaultMessage: "No, I can't come" }),
} satisfies Record<RsvpAnswer, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const rsvpAnswerLabels: Record<RsvpAnswer, string> = labelsOf(rsvpAnswerMessages);
/** The short word the counts and the buttons in the e-mail use. */
export const rsvpAnswerWordMessages = {
  yes: msg({ id: "vocab.rsvpAnswerWord.yes", defaultMessage: "Yes" }),
  maybe: msg({ id: "vocab.rsvpAnswerWord.maybe", defaultMessage: "Maybe" }),
  no: msg({ id: "vocab.rsvpAnswerWord.no", defaultMessage: "No" }),
} satisfies Record<RsvpAnswer, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const rsvpAnswerWords: Record<RsvpAnswer, string> = labelsOf(rsvpAnswerWordMessages);

/** How long after the meeting's end an answer link is still accepted by its signature (the meeting's own end refuses sooner). */
export const RSVP_LINK_GRACE_DAYS = 30;

/**
 * An answer link's token: 36 bytes (meeting id, person id, expiry in seconds) and a 32-byte
 * HMAC, both base64url. Anything else was cut or changed on its way.
 */
export const rsvpLinkToken = z.string().regex(/^[A-Za-z0-9_-]{48}\.[A-Za-z0-9_-]{43}$/, {
  error: () => rules.mustBeTheCodeFromTheE,
});

const answer = z.enum(rsvpAnswers, { error: () => rules.mustBeYesMaybeOrNo });

export const rsvpLinkQuery = z.strictObject({ token: rsvpLinkToken });
export const rsvpLinkBody = z.strictObject({ token: rsvpLinkToken, answer });
export type RsvpLinkBody = z.infer<typeof rsvpLinkBody>;

export const meetingRsvpBody = z.strictObject({ answer });
export type MeetingRsvpBody = z.infer<typeof meetingRsvpBody>;

/** What the confirmation page shows before the click; opening it changes nothing. */
export const rsvpLinkInfo = z.object({
  personName: z.string(),
  /** The person's answer so far, null when they have not answered. */
  answer: z.enum(rsvpAnswers).nullable(),
  answeredAt: z.string().nullable(),
  meeting: z.object({
    id: uuidSchema,
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    timeZone: z.string(),
    place: z.string(),
    partnershipName: z.string(),
    partnershipSlug: z.string(),
  }),
});
export type RsvpLinkInfo = z.infer<typeof rsvpLinkInfo>;

/** The answers on the meeting page: counts for everyone who may see the meeting, names to members. */
export const meetingRsvpSchema = z.object({
  yes: z.number().int(),
  maybe: z.number().int(),
  no: z.number().int(),
  /** Invited people who have not answered. */
  noAnswer: z.number().int(),
  /** The caller's own answer; null when they have not answered or are not invited. */
  mine: z.enum(rsvpAnswers).nullable(),
  /** Whether the caller is invited and the meeting is still ahead (not ended, not cancelled). */
  canAnswer: z.boolean(),
  /** Who answered what, by name; null to a caller who may not see the member list. */
  people: z
    .array(
      z.object({
        personId: uuidSchema,
        name: z.string(),
        answer: z.enum(rsvpAnswers).nullable(),
      }),
    )
    .nullable(),
});
export type MeetingRsvp = z.infer<typeof meetingRsvpSchema>;
