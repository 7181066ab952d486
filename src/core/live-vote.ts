import { rules } from "./rules.js";
import { z } from "zod";
import {
  allocationSchema,
  ballotSchema,
  MAX_ROUND_ITEMS,
  ratingSchema,
  roundItemSchema,
  voteMethods,
  voteResultsSchema,
} from "./agenda.js";
import { guestCheckInBody } from "./checkin.js";
import { uuidSchema } from "./ids.js";

/**
 * A vote round shown live at a meeting: the convener's projector shows a QR code, the items and
 * how many have voted; phones in the room vote. Business members vote as themselves; a walk-in
 * who checked in as a business gets a signed guest-voter token for that round; public partners
 * watch. Results stay hidden until the round closes, as for any round.
 */
export const liveVoteLimits = {
  /** Guests joining one live vote in a window: a launch fills a room of 150 and more. */
  guestJoinsPerWindow: 400,
  windowMinutes: 10,
  /** Ballots one guest token may send in a minute (each replaces the last). */
  guestBallotsPerMinute: 30,
  /** A guest-voter token: round id, person id, expiry and signature (about 110 characters). */
  tokenMax: 300,
} as const;

export const startLiveVoteBody = z.strictObject({
  meetingId: z.uuid({ error: () => rules.mustBeTheIdOfAMeeting }),
});
export type StartLiveVoteBody = z.infer<typeof startLiveVoteBody>;

const liveRound = z.object({
  id: uuidSchema,
  partnershipId: uuidSchema,
  title: z.string(),
  method: z.enum(voteMethods),
  dotsPerVoter: z.number().int().nullable(),
  status: z.enum(["open", "closed"]),
  items: z.array(roundItemSchema),
  /** Business people who have cast a ballot (the tally stays hidden while open). */
  voterCount: z.number().int(),
});
export type LiveRound = z.infer<typeof liveRound>;

/** The convener's projector: how to join, the items, the count, and the results once closed. */
export const liveVoteScreenSchema = z.object({
  round: liveRound,
  meeting: z.object({
    id: uuidSchema,
    title: z.string(),
    partnershipSlug: z.string(),
    timeZone: z.string(),
  }),
  /** The address the QR code carries: the join page with the meeting's signed check-in code. */
  joinUrl: z.string(),
  /** The QR code of `joinUrl` as an SVG document. */
  qrSvg: z.string(),
  /** The meeting's six-character check-in code, to type at /live. */
  shortCode: z.string(),
  /** Whether the meeting's codes work now (its day, not cancelled). */
  open: z.boolean(),
  startedAt: z.string(),
  /** Null while the round is open: results are hidden until it closes. */
  results: voteResultsSchema.nullable(),
});
export type LiveVoteScreen = z.infer<typeof liveVoteScreenSchema>;

/** What the projector's stream sends at once and after each change: `count`. */
export const liveCountSchema = z.object({
  roundId: uuidSchema,
  voterCount: z.number().int(),
  status: z.enum(["open", "closed"]),
});
export type LiveCount = z.infer<typeof liveCountSchema>;

export const liveVoteQuery = z.strictObject({
  /** The meeting's check-in code: the signed one of the QR code, or the six typed characters. */
  code: z.string().min(1).max(200),
  /** The round; without it, the live vote most recently started at the meeting. */
  round: z.uuid({ error: () => rules.mustBeTheIdOfAVote }).optional(),
  /** A guest-voter token kept by the phone. One that does not fit is ignored here. */
  guest: z.string().min(1).max(liveVoteLimits.tokenMax).optional(),
});

/**
 * Who the phone is in this round: `member` votes as themselves (the ordinary ballot route),
 * `guest` votes with the guest-voter token, `watch` is a public partner, `join` is someone to
 * sign in or check in as a guest first.
 */
export const liveViewers = ["member", "guest", "watch", "join"] as const;
export type LiveViewer = (typeof liveViewers)[number];

export const liveVotePhoneSchema = z.object({
  meeting: z.object({ title: z.string(), partnershipName: z.string() }),
  /** The meeting's signed check-in code, also when the short one was typed. */
  code: z.string(),
  round: liveRound,
  viewer: z.enum(liveViewers),
  /** The name the phone votes under (member or guest), or null. */
  name: z.string().nullable(),
  /** The viewer's ballot in this round, if they cast one. */
  myBallot: ballotSchema.nullable(),
  /** Why the viewer cannot vote, in words for the page (null when they can, or must join first). */
  note: z.string().nullable(),
  /** Voting has ended: the round is closed or past its closing date (the note says so in words). */
  votingEnded: z.boolean(),
});
export type LiveVotePhone = z.infer<typeof liveVotePhoneSchema>;

export const liveGuestBody = guestCheckInBody.extend({
  code: z.string().min(1).max(200),
  roundId: z.uuid({ error: () => rules.mustBeTheIdOfAVote }),
});
export type LiveGuestBody = z.infer<typeof liveGuestBody>;

export const liveGuestResultSchema = z.object({
  name: z.string(),
  sector: z.enum(["business", "public"]),
  /** The guest-voter token for this round (business guests only), to send with the ballot. */
  token: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type LiveGuestResult = z.infer<typeof liveGuestResultSchema>;

/** A guest's ballot: the guest-voter token and either allocations or ratings, as any ballot. */
export const liveGuestBallotBody = z
  .strictObject({
    token: z.string().min(1).max(liveVoteLimits.tokenMax),
    allocations: z.array(allocationSchema).max(MAX_ROUND_ITEMS).optional(),
    ratings: z.array(ratingSchema).max(MAX_ROUND_ITEMS).optional(),
  })
  .check((ctx) => {
    if ((ctx.value.allocations === undefined) === (ctx.value.ratings === undefined)) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: [],
        message: rules.sendEitherAllocationsADotVoteOr,
      });
    }
  });
export type LiveGuestBallotBody = z.infer<typeof liveGuestBallotBody>;

export const liveGuestBallotResultSchema = z.object({
  roundId: uuidSchema,
  name: z.string(),
  myBallot: ballotSchema,
});
export type LiveGuestBallotResult = z.infer<typeof liveGuestBallotResultSchema>;

/** The join page's address, also what the QR code carries. */
export function liveJoinPath(code: string, roundId: string): string {
  return `/live?code=${encodeURIComponent(code)}&round=${roundId}`;
}
