/**
 * Live votes: a vote round shown on the convener's projector at a meeting, voted on phones in
 * the room. Business members vote with the ordinary ballot route; a walk-in who checks in as a
 * business gets a person record (name only) linked to their guest record and a signed
 * guest-voter token for that round, so their ballot is an ordinary ballot of that person and the
 * tallies are unchanged. Public partners, members or guests, watch.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { formatShortCode } from "../../../core/checkin.js";
import {
  liveJoinPath,
  liveVoteLimits,
  type LiveCount,
  type LiveGuestBallotBody,
  type LiveGuestBallotResult,
  type LiveGuestBody,
  type LiveGuestResult,
  type LiveRound,
  type LiveViewer,
  type LiveVotePhone,
  type LiveVoteScreen,
} from "../../../core/live-vote.js";
import type { Executor } from "../../../db/open.js";
import { queryRows, readTogether } from "../../../db/query.js";
import {
  liveVotes,
  meetingGuests,
  meetings,
  partnerships,
  people,
  voteRounds,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg } from "../../../core/i18n/msg.js";
import { AppError, fieldError } from "../../errors.js";
import { translate } from "../../i18n/intl.js";
import { checkInKey, checkInToken, meetingDay, shortCode } from "../checkin/codes.js";
import { checkInHubOf } from "../checkin/hub.js";
import type { WindowLimiter } from "../checkin/limiter.js";
import { findGuest, recordGuest } from "../checkin/record.js";
import { resolveCode } from "../checkin/resolve.js";
import type { MeetingRow } from "../meetings/lookup.js";
import { liveVoteHub } from "./live-hub.js";
import { guestVoterToken, readGuestVoterToken } from "./live-token.js";
import { checkUuid, notFoundError, roundAccess } from "./lookup.js";
import { agendaCaller, isBusinessRole } from "./policy.js";
import { pastClosingDate } from "./vote-deadlines.js";
import { ballotOf, roundItems, roundResults, writeBallot } from "./votes-service.js";
import { qrSvg } from "../../lib/qr-code.js";

/** What the live vote's routes share in one app: the limits on anonymous writes. */
export interface LiveVoteRuntime {
  /** Guests joining per meeting. */
  joins: WindowLimiter;
  /** Ballots per guest person. */
  guestBallots: WindowLimiter;
}

type RoundRow = typeof voteRounds.$inferSelect;

const WATCH_NOTE = msg({
  id: "server.agenda.live.watchNote",
  defaultMessage:
    "Public partners watch: only business people vote on priorities, so the partnership stays industry-driven.",
});

async function voterCount(db: Executor, roundId: string): Promise<number> {
  const [{ n }] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ballots where round_id = ${roundId}`,
  );
  return n;
}

/** The count the projector shows, and whether the round is still open. */
export async function liveCount(db: Executor, roundId: string): Promise<LiveCount> {
  const [row] = await queryRows<{ status: "open" | "closed"; n: number }>(
    db,
    sql`select r.status, (select count(*)::int from ballots b where b.round_id = r.id) as n
        from vote_rounds r where r.id = ${roundId}`,
  );
  if (!row) throw notFoundError("round");
  return { roundId, voterCount: row.n, status: row.status };
}

async function liveRound(db: Executor, round: RoundRow): Promise<LiveRound> {
  const [items, count] = await readTogether(db, [
    () => roundItems(db, round.id),
    () => voterCount(db, round.id),
  ]);
  return {
    id: round.id,
    partnershipId: round.partnershipId,
    title: round.title,
    method: round.method,
    dotsPerVoter: round.dotsPerVoter,
    status: round.status,
    items,
    voterCount: count,
  };
}

function refuseClosed(deps: AppDeps, round: RoundRow): void {
  if (round.status === "closed" || pastClosingDate(round.closesAt, deps.now())) {
    throw fieldError(
      "round",
      msg({
        id: "server.agenda.live.field.roundClosed",
        defaultMessage: "this round is closed; open a new round to vote live",
      }),
    );
  }
}

async function screenOf(
  deps: AppDeps,
  actor: Actor,
  round: RoundRow,
  meeting: MeetingRow,
  startedAt: Date,
): Promise<LiveVoteScreen> {
  const key = await checkInKey(deps, deps.db);
  const day = meetingDay(meeting.startsAt, meeting.timeZone);
  const token = checkInToken(key, meeting.id, day.closesAt);
  const joinUrl = `${deps.config.publicUrl}${liveJoinPath(token, round.id)}`;
  const [partnership] = await deps.db
    .select({ slug: partnerships.slug })
    .from(partnerships)
    .where(eq(partnerships.id, meeting.partnershipId));
  const now = deps.now();
  return {
    round: await liveRound(deps.db, round),
    meeting: {
      id: meeting.id,
      title: meeting.title,
      partnershipSlug: partnership?.slug ?? "",
      timeZone: meeting.timeZone,
    },
    joinUrl,
    qrSvg: await qrSvg(joinUrl),
    shortCode: formatShortCode(shortCode(key, meeting.id, day.closesAt)),
    open: !meeting.cancelled && day.opensAt <= now && now < day.closesAt,
    startedAt: startedAt.toISOString(),
    // Hidden on every answer until the round is closed.
    results: round.status === "closed" ? await roundResults(deps, actor, round.id) : null,
  };
}

/**
 * The convener shows an open round live at a meeting of the same partnership, on the meeting's
 * day. Starting it again (at the same or another meeting that day) moves it there.
 */
export async function startLiveVote(
  deps: AppDeps,
  actor: Actor,
  roundId: string,
  meetingId: string,
): Promise<{ screen: LiveVoteScreen; created: boolean }> {
  const { round, meeting, startedAt, created } = await deps.db.transaction(async (tx) => {
    const { round } = await roundAccess(tx, roundId, actor, "manage", true);
    refuseClosed(deps, round);
    const [meeting] = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, meetingId), sql`${meetings.deletedAt} is null`));
    if (!meeting || meeting.partnershipId !== round.partnershipId) {
      throw fieldError(
        "meetingId",
        msg({
          id: "server.agenda.live.field.notAMeeting",
          defaultMessage: "is not a meeting of this partnership",
        }),
      );
    }
    if (meeting.cancelled) {
      throw fieldError(
        "meetingId",
        msg({ id: "server.agenda.live.field.meetingCancelled", defaultMessage: "this meeting is cancelled" }),
      );
    }
    const day = meetingDay(meeting.startsAt, meeting.timeZone);
    const now = deps.now();
    if (now < day.opensAt || now >= day.closesAt) {
      throw fieldError(
        "meetingId",
        msg({
          id: "server.agenda.live.field.onMeetingDay",
          defaultMessage:
            "a vote is shown live on the day of the meeting (in its time zone), when its check-in code works",
        }),
      );
    }
    const [before] = await tx.select().from(liveVotes).where(eq(liveVotes.roundId, round.id));
    const [row] = await tx
      .insert(liveVotes)
      .values({ roundId: round.id, meetingId: meeting.id, startedBy: actor.userId, startedAt: now })
      .onConflictDoUpdate({
        target: liveVotes.roundId,
        set: { meetingId: meeting.id, startedBy: actor.userId, startedAt: now },
      })
      .returning();
    return { round, meeting, startedAt: row.startedAt, created: !before };
  });
  return { screen: await screenOf(deps, actor, round, meeting, startedAt), created };
}

/** The live vote of a round and its meeting; 404 when the round is not shown live. */
async function liveOf(db: Executor, roundId: string) {
  const [row] = await db
    .select({ live: liveVotes, meeting: meetings })
    .from(liveVotes)
    .innerJoin(meetings, eq(meetings.id, liveVotes.meetingId))
    .where(and(eq(liveVotes.roundId, roundId), sql`${meetings.deletedAt} is null`));
  if (!row) {
    throw new AppError(
      "not_found",
      msg({
        id: "server.agenda.live.notLive",
        defaultMessage: "This vote round is not shown live at a meeting.",
      }),
    );
  }
  return row;
}

/** The projector (conveners): also how the stream is authorized before it starts. */
export async function liveScreen(
  deps: AppDeps,
  actor: Actor | null,
  roundId: string,
): Promise<LiveVoteScreen> {
  const { round } = await roundAccess(deps.db, roundId, actor, "manage");
  const { live, meeting } = await liveOf(deps.db, round.id);
  return screenOf(deps, actor as Actor, round, meeting, live.startedAt);
}

/** Authorizes a projector's stream (at its start and at each poll): conveners of the round's partnership. */
export async function authorizeLiveStream(deps: AppDeps, actor: Actor, roundId: string): Promise<void> {
  const { round } = await roundAccess(deps.db, roundId, actor, "manage");
  await liveOf(deps.db, round.id);
}

/** The business guest behind a person record, at the live vote's meeting. */
async function guestOf(db: Executor, meetingId: string, personId: string) {
  const [row] = await db
    .select()
    .from(meetingGuests)
    .where(and(eq(meetingGuests.meetingId, meetingId), eq(meetingGuests.personId, personId)));
  return row ?? null;
}

interface TokenCheck {
  roundId: string;
  personId: string;
}

/** Reads a guest-voter token: 400 when it is not one or was altered, 410 once it expired. */
async function checkGuestToken(deps: AppDeps, token: string): Promise<TokenCheck> {
  const reading = readGuestVoterToken(await checkInKey(deps, deps.db), token);
  if (!reading.ok) {
    throw new AppError(
      "bad_request",
      reading.reason === "malformed"
        ? msg({
            id: "server.agenda.live.tokenMalformed",
            defaultMessage: "token: this is not a guest-voter token; scan the QR code on the screen again.",
          })
        : msg({
            id: "server.agenda.live.tokenAltered",
            defaultMessage:
              "token: this guest-voter token was altered: its signature does not match. Scan the QR code again.",
          }),
      {
        errors: [
          {
            field: "token",
            message:
              reading.reason === "malformed"
                ? msg({ id: "server.agenda.live.field.notAToken", defaultMessage: "is not a token" })
                : msg({ id: "server.agenda.live.field.tokenAltered", defaultMessage: "was altered" }),
          },
        ],
        reason: reading.reason === "malformed" ? "code_malformed" : "code_tampered",
      },
    );
  }
  if (deps.now() >= reading.expiresAt) {
    throw new AppError(
      "gone",
      msg({
        id: "server.agenda.live.tokenExpired",
        defaultMessage: "This guest-voter token has expired: it worked on the day of the meeting.",
      }),
      { reason: "code_expired" },
    );
  }
  return reading;
}

/** What a phone in the room sees: the round, and whether (and as whom) it may vote. */
export async function livePhone(
  deps: AppDeps,
  actor: Actor | null,
  query: { code: string; round?: string; guest?: string },
  /** The reader's language, for the note the page shows. */
  locale: AppLocale,
): Promise<LiveVotePhone> {
  const { meeting, token } = await resolveCode(deps, deps.db, query.code);
  const [found] = await deps.db
    .select({ round: voteRounds })
    .from(liveVotes)
    .innerJoin(voteRounds, eq(voteRounds.id, liveVotes.roundId))
    .where(
      and(eq(liveVotes.meetingId, meeting.id), query.round ? eq(liveVotes.roundId, query.round) : sql`true`),
    )
    .orderBy(desc(liveVotes.startedAt))
    .limit(1);
  if (!found) {
    throw new AppError(
      "not_found",
      query.round
        ? msg({
            id: "server.agenda.live.notLiveAnyMore",
            defaultMessage:
              "This vote is not shown live at this meeting (any more). Scan the QR code on the screen again.",
          })
        : msg({
            id: "server.agenda.live.noneLiveYet",
            defaultMessage: "No vote is shown live at this meeting yet. Wait for the convener to show one.",
          }),
    );
  }
  const round = found.round;
  const [partnership] = await deps.db
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, round.partnershipId));

  let viewer: LiveViewer = "join";
  let name: string | null = null;
  let voterId: string | null = null;
  let note: string | null = null;
  if (actor) {
    // A coordinator of its scope watches (logged), never votes: an observer is not a business role.
    const caller = await agendaCaller(deps.db, round.partnershipId, actor, "live vote");
    if (caller.role !== null) {
      name = actor.name;
      if (isBusinessRole(caller.role)) {
        viewer = "member";
        voterId = actor.personId;
      } else {
        viewer = "watch";
        note = translate(locale, WATCH_NOTE);
      }
    }
  }
  if (viewer === "join" && query.guest) {
    // A token that does not fit this round and meeting is ignored: the phone checks in again.
    const reading = readGuestVoterToken(await checkInKey(deps, deps.db), query.guest);
    if (reading.ok && reading.roundId === round.id && deps.now() < reading.expiresAt) {
      const guest = await guestOf(deps.db, meeting.id, reading.personId);
      if (guest?.sector === "business") {
        viewer = "guest";
        name = guest.name;
        voterId = reading.personId;
      }
    }
  }
  const votingEnded = round.status === "closed" || !!pastClosingDate(round.closesAt, deps.now());
  if (votingEnded) {
    note = translate(
      locale,
      msg({
        id: "server.agenda.live.closedNote",
        defaultMessage: "This round is closed: the results are on the screen.",
      }),
    );
  }
  return {
    meeting: { title: meeting.title, partnershipName: partnership?.name ?? "" },
    code: token,
    round: await liveRound(deps.db, round),
    viewer,
    name,
    myBallot: voterId ? await ballotOf(deps.db, round.id, voterId, round.method) : null,
    note,
    votingEnded,
  };
}

/**
 * A walk-in checks in as a guest from the live vote's page (the check-in's guest record: the
 * same name and organization again is the same guest) and, if a business, gets a guest-voter
 * token for this round. A public partner is checked in and watches.
 */
export async function joinAsGuest(
  deps: AppDeps,
  runtime: LiveVoteRuntime,
  body: LiveGuestBody,
): Promise<{ result: LiveGuestResult; created: boolean }> {
  checkUuid(body.roundId, "round");
  const out = await deps.db.transaction(async (tx) => {
    const { meeting, day, key } = await resolveCode(deps, tx, body.code);
    const [row] = await tx
      .select({ round: voteRounds })
      .from(liveVotes)
      .innerJoin(voteRounds, eq(voteRounds.id, liveVotes.roundId))
      .where(and(eq(liveVotes.roundId, body.roundId), eq(liveVotes.meetingId, meeting.id)));
    if (!row) {
      throw new AppError(
        "not_found",
        msg({
          id: "server.agenda.live.notLiveHere",
          defaultMessage: "This vote is not shown live at this meeting.",
        }),
      );
    }
    refuseClosed(deps, row.round);
    const guest = { name: body.name, organization: body.organization, sector: body.sector };
    const existing = await findGuest(tx, meeting.id, guest);
    let guestId = existing?.id;
    if (!guestId) {
      const wait = runtime.joins.take(meeting.id, deps.now().getTime());
      if (wait > 0) {
        throw new AppError(
          "too_many_requests",
          msg(
            {
              id: "server.agenda.live.tooManyGuests",
              defaultMessage:
                "This live vote took {guests} guests in {minutes} minutes; try again in {wait} s, or ask the convener.",
            },
            { guests: liveVoteLimits.guestJoinsPerWindow, minutes: liveVoteLimits.windowMinutes, wait },
          ),
          { retryAfterSeconds: wait },
        );
      }
      guestId = await recordGuest(tx, meeting.id, guest, deps.now());
    }
    const [record] = await tx.select().from(meetingGuests).where(eq(meetingGuests.id, guestId));
    // Checked in once as a public partner, a guest stays one: the attendance record is one truth.
    if (record.sector !== "business") {
      return {
        meetingId: meeting.id,
        created: !existing,
        result: { name: record.name, sector: "public" as const, token: null, expiresAt: null },
      };
    }
    let personId = record.personId;
    if (!personId) {
      const [person] = await tx
        .insert(people)
        .values({ name: record.name, createdAt: deps.now() })
        .returning({ id: people.id });
      personId = person.id;
      await tx.update(meetingGuests).set({ personId }).where(eq(meetingGuests.id, record.id));
    }
    return {
      meetingId: meeting.id,
      created: !existing,
      result: {
        name: record.name,
        sector: "business" as const,
        token: guestVoterToken(key, row.round.id, personId, day.closesAt),
        expiresAt: day.closesAt.toISOString(),
      },
    };
  });
  // A new guest is in the room: the check-in screen shows them.
  if (out.created) checkInHubOf(deps).publish(out.meetingId, { type: "changed" });
  return { result: out.result, created: out.created };
}

/** A business guest's ballot in the live round their token names; sending again replaces it. */
export async function castGuestBallot(
  deps: AppDeps,
  runtime: LiveVoteRuntime,
  roundId: string,
  body: LiveGuestBallotBody,
): Promise<LiveGuestBallotResult> {
  checkUuid(roundId, "round");
  const { personId, roundId: tokenRound } = await checkGuestToken(deps, body.token);
  if (tokenRound !== roundId) {
    throw new AppError(
      "forbidden",
      msg({
        id: "server.agenda.live.tokenOtherRound",
        defaultMessage:
          "This guest-voter token is for another vote round. Scan the QR code on the screen again.",
      }),
      { reason: "other_round" },
    );
  }
  const wait = runtime.guestBallots.take(personId, deps.now().getTime());
  if (wait > 0) {
    throw new AppError(
      "too_many_requests",
      msg(
        {
          id: "server.agenda.live.tooManyBallots",
          defaultMessage: "Too many ballots from this phone; try again in {wait} s.",
        },
        { wait },
      ),
      { retryAfterSeconds: wait },
    );
  }
  const result = await deps.db.transaction(async (tx) => {
    const [round] = await tx.select().from(voteRounds).where(eq(voteRounds.id, roundId)).for("update");
    if (!round) throw notFoundError("round");
    const [live] = await tx.select().from(liveVotes).where(eq(liveVotes.roundId, round.id));
    if (!live) {
      throw new AppError(
        "gone",
        msg({
          id: "server.agenda.live.noLongerLive",
          defaultMessage: "This vote is no longer shown live, so guests can no longer vote in it.",
        }),
        { reason: "not_live" },
      );
    }
    const guest = await guestOf(tx, live.meetingId, personId);
    if (!guest) {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.agenda.live.notAGuest",
          defaultMessage:
            "Only guests checked in at the meeting where this vote is shown may vote as guests.",
        }),
        { reason: "not_a_guest" },
      );
    }
    if (guest.sector !== "business") throw new AppError("forbidden", WATCH_NOTE, { reason: "public_guest" });
    const written = await writeBallot(deps, tx, round, personId, {
      allocations: body.allocations,
      ratings: body.ratings,
    });
    return { roundId: round.id, name: guest.name, myBallot: written.ballot };
  });
  liveVoteHub(deps).publish(roundId, { type: "changed" });
  return result;
}
