import { msg, say } from "../../../core/i18n/msg.js";
import { inReaderLanguage } from "../../i18n/intl.js";
import { and, gte, isNull, lte } from "drizzle-orm";
import { isShortCode, normalizeShortCode } from "../../../core/checkin.js";
import { formatMeetingTime } from "../../../core/meeting-time.js";
import type { Executor } from "../../../db/open.js";
import { meetings } from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { findMeeting, type MeetingRow } from "../meetings/lookup.js";
import {
  checkInKey,
  checkInToken,
  meetingDay,
  readCheckInToken,
  shortCode,
  type MeetingDay,
} from "./codes.js";

export interface OpenCode {
  meeting: MeetingRow;
  day: MeetingDay;
  key: string;
  /** The signed code of the meeting's day, also when the person typed the short one. */
  token: string;
}

/** Reasons a code is refused that say nothing about any meeting: counted against guessing. */
export const unknownCodeReasons = new Set(["code_malformed", "code_tampered", "code_unknown"]);

const DAY_MS = 86_400_000;

/**
 * The meeting a scanned or typed code opens, if it is open now: 400 for a code that is not one
 * or was altered (or not open yet), 410 once its day is over, the meeting moved or was cancelled.
 */
export async function resolveCode(deps: AppDeps, tx: Executor, code: string): Promise<OpenCode> {
  const key = await checkInKey(deps, tx);
  if (isShortCode(code)) return byShortCode(deps, tx, key, normalizeShortCode(code));
  const reading = readCheckInToken(key, code);
  if (!reading.ok) {
    throw reading.reason === "malformed"
      ? new AppError(
          "bad_request",
          msg({
            id: "server.checkin.thisIsNotACheck",
            defaultMessage:
              "This is not a check-in code: scan the QR code again, or type the six characters shown on the screen.",
          }),
          { reason: "code_malformed" },
        )
      : new AppError(
          "bad_request",
          msg({
            id: "server.checkin.thisCheckInCodeWas",
            defaultMessage:
              "This check-in code was altered: its signature does not match. Scan the QR code again.",
          }),
          { reason: "code_tampered" },
        );
  }
  return checkOpen(deps, await findMeeting(tx, reading.meetingId), reading.expiresAt, key);
}

/**
 * A typed code is found among the meetings around today: each one's code is recomputed and
 * compared, so no table of codes is needed (a few HMACs per meeting held that week).
 */
async function byShortCode(deps: AppDeps, tx: Executor, key: string, code: string): Promise<OpenCode> {
  const now = deps.now().getTime();
  const nearby = await tx
    .select()
    .from(meetings)
    .where(
      and(
        isNull(meetings.deletedAt),
        gte(meetings.startsAt, new Date(now - 2 * DAY_MS)),
        lte(meetings.startsAt, new Date(now + 2 * DAY_MS)),
      ),
    );
  const matches = nearby
    .map((meeting) => ({ meeting, day: meetingDay(meeting.startsAt, meeting.timeZone) }))
    .filter(({ meeting, day }) => shortCode(key, meeting.id, day.closesAt) === code);
  // Two meetings sharing a code (one chance in a billion a pair) resolve to the one open now.
  const match =
    matches.find(({ day }) => day.opensAt.getTime() <= now && now < day.closesAt.getTime()) ?? matches[0];
  if (!match) {
    throw new AppError(
      "bad_request",
      msg({
        id: "server.checkin.noMeetingTodayHasThis",
        defaultMessage:
          "No meeting today has this code. Check the six characters on the screen and try again.",
      }),
      { reason: "code_unknown" },
    );
  }
  return checkOpen(deps, match.meeting, match.day.closesAt, key);
}

function checkOpen(deps: AppDeps, meeting: MeetingRow, expiresAt: Date, key: string): OpenCode {
  const now = deps.now();
  const day = meetingDay(meeting.startsAt, meeting.timeZone);
  if (now >= expiresAt) {
    throw new AppError(
      "gone",
      msg({
        id: "server.checkin.thisCheckInCodeHas",
        defaultMessage:
          "This check-in code has expired: it worked only on the day of the meeting. Ask the convener for the code on the screen.",
      }),
      { reason: "code_expired" },
    );
  }
  if (day.closesAt.getTime() !== expiresAt.getTime()) {
    throw new AppError(
      "gone",
      msg({
        id: "server.checkin.thisMeetingHasMovedTo",
        defaultMessage:
          "This meeting has moved to another day, so this check-in code no longer works. Ask the convener for the code on the screen.",
      }),
      { reason: "code_moved" },
    );
  }
  if (meeting.cancelled) {
    throw new AppError(
      "gone",
      msg({
        id: "server.checkin.thisMeetingWasCancelledThere2",
        defaultMessage: "This meeting was cancelled; there is nothing to check in to.",
      }),
      {
        reason: "meeting_cancelled",
      },
    );
  }
  if (now < day.opensAt) {
    throw new AppError(
      "bad_request",
      // The meeting's time in the reader's words (and the meeting's own time zone).
      (locale) =>
        inReaderLanguage(locale, () =>
          say(
            msg({
              id: "server.checkin.opensOnTheDay",
              defaultMessage: "Check-in opens on the day of the meeting ({when}).",
            }),
            { when: formatMeetingTime(meeting.startsAt.toISOString(), meeting.timeZone) },
          ),
        ),
      { reason: "code_not_open" },
    );
  }
  return { meeting, day, key, token: checkInToken(key, meeting.id, day.closesAt) };
}
