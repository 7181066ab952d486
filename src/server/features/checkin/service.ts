import { msg } from "../../../core/i18n/msg.js";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import {
  checkInLimits,
  formatShortCode,
  type CheckInPage,
  type CheckInResult,
  type CheckInScreen,
  type GuestCheckIn,
} from "../../../core/checkin.js";
import {
  meetingAttendance,
  memberships,
  organizations,
  partnerships,
  people,
} from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { findMeeting } from "../meetings/lookup.js";
import { loadBoard } from "./board.js";
import { checkInKey, checkInToken, meetingDay, shortCode } from "./codes.js";
import type { CheckInHub } from "./hub.js";
import type { WindowLimiter } from "./limiter.js";
import { authorizeCheckInScreen } from "./policy.js";
import { currentMember, findGuest, recordGuest, recordMember } from "./record.js";
import { resolveCode } from "./resolve.js";
import { qrSvg } from "../../lib/qr-code.js";

/** What the check-in routes share in one app: the open screens, and the limit on anonymous writes. */
export interface CheckInRuntime {
  hub: CheckInHub;
  /** Guest additions and picked names per meeting code. */
  writes: WindowLimiter;
  /** Confirmation e-mails per member and meeting: picking the name again sends no second one. */
  mails: WindowLimiter;
}

export const checkInUrl = (deps: AppDeps, token: string) => `${deps.config.publicUrl}/check-in/${token}`;

/** The convener's screen: the codes of the meeting's day, its QR code, and who is in. */
export async function openScreen(
  deps: AppDeps,
  actor: Actor | null,
  meetingId: string,
): Promise<CheckInScreen> {
  const meeting = await findMeeting(deps.db, meetingId);
  await authorizeCheckInScreen(deps.db, meeting, actor);
  const key = await checkInKey(deps, deps.db);
  const day = meetingDay(meeting.startsAt, meeting.timeZone);
  const token = checkInToken(key, meeting.id, day.closesAt);
  const url = checkInUrl(deps, token);
  const now = deps.now();
  const [partnership] = await deps.db
    .select({ slug: partnerships.slug })
    .from(partnerships)
    .where(eq(partnerships.id, meeting.partnershipId));
  return {
    meeting: {
      id: meeting.id,
      partnershipId: meeting.partnershipId,
      partnershipSlug: partnership?.slug ?? "",
      title: meeting.title,
      kind: meeting.kind,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt?.toISOString() ?? null,
      timeZone: meeting.timeZone,
      cancelled: meeting.cancelled,
    },
    shortCode: formatShortCode(shortCode(key, meeting.id, day.closesAt)),
    token,
    url,
    // Medium error correction: still reads from the back of a room with glare on the screen.
    qrSvg: await qrSvg(url),
    validFrom: day.opensAt.toISOString(),
    expiresAt: day.closesAt.toISOString(),
    open: !meeting.cancelled && day.opensAt <= now && now < day.closesAt,
    board: await loadBoard(deps.db, meeting),
  };
}

/**
 * What a phone sees once the code is good: the meeting, the members to pick from, and the
 * signed-in person. Anyone holding today's code may read this; it is what a paper sign-in
 * sheet by the door shows: names and organizations.
 */
export async function checkInPage(deps: AppDeps, actor: Actor | null, code: string): Promise<CheckInPage> {
  const { meeting, token } = await resolveCode(deps, deps.db, code);
  const [partnership] = await deps.db
    .select({ name: partnerships.name })
    .from(partnerships)
    .where(eq(partnerships.id, meeting.partnershipId));
  const members = await deps.db
    .select({
      personId: people.id,
      name: people.name,
      organization: organizations.name,
      checkedIn: sql<boolean>`${meetingAttendance.personId} is not null`,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(organizations, eq(organizations.id, memberships.organizationId))
    .leftJoin(
      meetingAttendance,
      and(eq(meetingAttendance.meetingId, meeting.id), eq(meetingAttendance.personId, people.id)),
    )
    .where(and(eq(memberships.partnershipId, meeting.partnershipId), isNull(memberships.leftAt)))
    .orderBy(asc(people.name));
  const mine = actor ? members.find((m) => m.personId === actor.personId) : undefined;
  return {
    meeting: {
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meeting.endsAt?.toISOString() ?? null,
      timeZone: meeting.timeZone,
      partnershipName: partnership?.name ?? "",
    },
    token,
    members,
    me: actor
      ? { personId: actor.personId, name: actor.name, member: !!mine, checkedIn: !!mine?.checkedIn }
      : null,
  };
}

/** One tap: the signed-in member is present. A second tap changes nothing. */
export async function checkInMember(
  deps: AppDeps,
  runtime: CheckInRuntime,
  actor: Actor,
  code: string,
): Promise<CheckInResult> {
  const { result, meetingId } = await deps.db.transaction(async (tx) => {
    const { meeting } = await resolveCode(deps, tx, code);
    const member = await currentMember(tx, meeting.partnershipId, actor.personId);
    if (!member) {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.checkin.youAreNotAMember",
          defaultMessage:
            "You are not a member of this partnership, so there is no name to check in: add yourself as a guest.",
        }),
        { reason: "not_a_member" },
      );
    }
    const added = await recordMember(tx, meeting.id, member, deps.now());
    const result: CheckInResult = {
      status: added ? "checked_in" : "already_checked_in",
      name: member.name,
      meetingTitle: meeting.title,
      emailHint: null,
    };
    return { result, meetingId: meeting.id };
  });
  if (result.status === "checked_in") runtime.hub.publish(meetingId, { type: "changed" });
  return result;
}

/** A walk-in adds themselves; the same name and organization again is the same guest. */
export async function checkInGuest(
  deps: AppDeps,
  runtime: CheckInRuntime,
  code: string,
  guest: GuestCheckIn,
): Promise<CheckInResult> {
  const { result, meetingId } = await deps.db.transaction(async (tx) => {
    const { meeting } = await resolveCode(deps, tx, code);
    const existing = await findGuest(tx, meeting.id, guest);
    if (existing) {
      return {
        meetingId: meeting.id,
        result: {
          status: "already_checked_in" as const,
          name: existing.name,
          meetingTitle: meeting.title,
          emailHint: null,
        },
      };
    }
    takeWrite(deps, runtime, meeting.id);
    await recordGuest(tx, meeting.id, guest, deps.now());
    return {
      meetingId: meeting.id,
      result: {
        status: "checked_in" as const,
        name: guest.name,
        meetingTitle: meeting.title,
        emailHint: null,
      },
    };
  });
  if (result.status === "checked_in") runtime.hub.publish(meetingId, { type: "changed" });
  return result;
}

/** Counts an anonymous write against the meeting's code; 429 past the limit. */
export function takeWrite(deps: AppDeps, runtime: CheckInRuntime, meetingId: string): void {
  const wait = runtime.writes.take(meetingId, deps.now().getTime());
  if (wait > 0) {
    throw new AppError(
      "too_many_requests",
      msg(
        {
          id: "server.checkin.thisMeetingSCheckIn",
          defaultMessage:
            "This meeting's check-in took {writesPerWindow} additions in {windowMinutes} minutes; try again in {wait} s, or ask the convener.",
        },
        {
          writesPerWindow: String(checkInLimits.writesPerWindow),
          windowMinutes: checkInLimits.windowMinutes,
          wait: String(wait),
        },
      ),
      { retryAfterSeconds: wait },
    );
  }
}
