import { rules } from "./rules.js";
import { z } from "zod";
import { uuidSchema } from "./ids.js";
import { attendanceSummarySchema } from "./meetings.js";
import { meetingKinds } from "./meeting-time.js";

/**
 * Check-in at a meeting: the convener shows a QR code and a short code; people scan or type it
 * on their phone. The code is only good for that meeting on its day.
 */
export const checkInLimits = {
  name: 120,
  organization: 200,
  /** Guest additions and name picks one code takes in a window, against a prankster in the room. */
  writesPerWindow: 60,
  windowMinutes: 10,
  /** Mistyped short codes one address may try in a window: 30 bits are not to be guessed. */
  failedCodesPerWindow: 20,
  /** How long after the meeting's day a confirmation e-mail's link still counts. */
  confirmDays: 7,
} as const;

/** The short code's letters: no 0/O or 1/I, which people mix up when they type them. */
export const SHORT_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const SHORT_CODE_LENGTH = 6;

/** What people type: any case, with or without the dash or spaces shown on the screen. */
export function normalizeShortCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function isShortCode(input: string): boolean {
  const code = normalizeShortCode(input);
  return code.length === SHORT_CODE_LENGTH && [...code].every((c) => SHORT_CODE_ALPHABET.includes(c));
}

/** "K7QM2P" shown as "K7Q-M2P": two halves are easier to read off a projector. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

const sector = z.enum(["business", "public"]);

/** No control characters (tabs, new lines, NUL): a name is one line on a sign-in sheet. */
const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequired })
    .max(max, { error: `must be at most ${max} characters` })
    .regex(/^[^\p{Cc}]*$/u, { error: () => rules.mustBeOneLineOfTextWithout });

export const guestCheckInBody = z.strictObject({
  name: oneLine(checkInLimits.name),
  organization: oneLine(checkInLimits.organization),
  /** Whether the guest's organization is a business; public partners are everyone else. */
  sector,
});
export type GuestCheckIn = z.infer<typeof guestCheckInBody>;

export const nameClaimBody = z.strictObject({
  personId: z.uuid({ error: () => rules.mustBeTheIdOfAMember }),
});

export const confirmCheckInBody = z.strictObject({ token: z.string().min(1).max(300) });

export const arrivalSchema = z.object({
  kind: z.enum(["member", "guest"]),
  /** The person's id for a member, the guest record's id for a guest. */
  id: uuidSchema,
  name: z.string(),
  organization: z.string().nullable(),
  sector,
});
export type Arrival = z.infer<typeof arrivalSchema>;

/** Who is in the room so far, counted as the meeting page counts them. */
export const checkInBoardSchema = z.object({
  meetingId: uuidSchema,
  attendance: attendanceSummarySchema,
  lacksBusinessMajority: z.boolean(),
  arrivals: z.array(arrivalSchema),
});
export type CheckInBoard = z.infer<typeof checkInBoardSchema>;

/** The convener's screen: the QR code, the short code, and the board. */
export const checkInScreenSchema = z.object({
  meeting: z.object({
    id: uuidSchema,
    partnershipId: uuidSchema,
    /** For the way back to the meeting page, /p/<slug>/meetings/<id>. */
    partnershipSlug: z.string(),
    title: z.string(),
    kind: z.enum(meetingKinds),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    timeZone: z.string(),
    cancelled: z.boolean(),
  }),
  /** Six characters to type at /check-in. */
  shortCode: z.string(),
  /** The signed code in the QR code's address. */
  token: z.string(),
  url: z.string(),
  /** The QR code of `url` as an SVG document. */
  qrSvg: z.string(),
  /** The codes work from the start of the meeting's day to its end, in the meeting's time zone. */
  validFrom: z.string(),
  expiresAt: z.string(),
  /** Whether the codes work now (false before the day, after it, or for a cancelled meeting). */
  open: z.boolean(),
  board: checkInBoardSchema,
});
export type CheckInScreen = z.infer<typeof checkInScreenSchema>;

/** What a phone sees after scanning or typing the code. */
export const checkInPageSchema = z.object({
  meeting: z.object({
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string().nullable(),
    timeZone: z.string(),
    partnershipName: z.string(),
  }),
  /** The signed code: what the page sends back, also when the person typed the short one. */
  token: z.string(),
  /** The partnership's members to pick from, with whether they are already checked in. */
  members: z.array(
    z.object({
      personId: uuidSchema,
      name: z.string(),
      organization: z.string().nullable(),
      checkedIn: z.boolean(),
    }),
  ),
  /** The signed-in person, or null; `member` says whether the one-tap check-in is theirs. */
  me: z
    .object({ personId: uuidSchema, name: z.string(), member: z.boolean(), checkedIn: z.boolean() })
    .nullable(),
});
export type CheckInPage = z.infer<typeof checkInPageSchema>;

export const checkInResultSchema = z.object({
  status: z.enum(["checked_in", "already_checked_in", "confirmation_sent"]),
  name: z.string(),
  meetingTitle: z.string(),
  /** For a picked name: where the confirmation went, partly hidden ("b•••@example.org"). */
  emailHint: z.string().nullable(),
});
export type CheckInResult = z.infer<typeof checkInResultSchema>;
