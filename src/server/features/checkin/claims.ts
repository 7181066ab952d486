import { msg } from "../../../core/i18n/msg.js";
import { checkInLimits, type CheckInResult } from "../../../core/checkin.js";
import { formatMailTime } from "../../../core/meeting-time.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldError } from "../../errors.js";
import { inReaderLanguage, intlFor, readerLocale } from "../../i18n/intl.js";
import { findMeeting } from "../meetings/lookup.js";
import { checkInKey, confirmationToken, readConfirmationToken } from "./codes.js";
import { currentMember, isRecorded, recordMember } from "./record.js";
import { resolveCode } from "./resolve.js";
import { takeWrite, type CheckInRuntime } from "./service.js";

const DAY_MS = 86_400_000;

interface Outcome {
  meetingId: string;
  result: CheckInResult;
}

/** "b•••@example.org": enough for the person to know which mailbox to open, not for others to learn it. */
export function emailHint(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}

/**
 * Someone who is not signed in picks a member's name. Nothing is recorded yet: the member gets
 * an e-mail with a link, and only that link makes the check-in count. Whoever holds the phone
 * cannot check someone else in by picking their name.
 */
export async function claimName(
  deps: AppDeps,
  runtime: CheckInRuntime,
  actor: Actor | null,
  code: string,
  personId: string,
): Promise<CheckInResult> {
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome & { mailed: boolean }> => {
    const { meeting, day, key } = await resolveCode(deps, tx, code);
    const member = await currentMember(tx, meeting.partnershipId, personId);
    if (!member)
      throw fieldError(
        "personId",
        msg({ id: "server.checkin.isNotAMemberOf", defaultMessage: "is not a member of this partnership" }),
      );
    const base = { name: member.name, meetingTitle: meeting.title };
    // Signed in as the person picked: that is the one-tap check-in.
    if (actor?.personId === personId) {
      const added = await recordMember(tx, meeting.id, member, deps.now());
      return {
        meetingId: meeting.id,
        mailed: false,
        result: {
          ...base,
          status: added ? "checked_in" : "already_checked_in",
          emailHint: null,
        },
      };
    }
    if (await isRecorded(tx, meeting.id, personId)) {
      return {
        meetingId: meeting.id,
        mailed: false,
        result: { ...base, status: "already_checked_in", emailHint: null },
      };
    }
    if (!member.email) {
      throw new AppError(
        "forbidden",
        msg(
          {
            id: "server.checkin.weHaveNoEMail",
            defaultMessage:
              "We have no e-mail address for {memberName}, so we cannot confirm it is them. Ask the convener to check you in, or sign in first.",
          },
          { memberName: String(member.name) },
        ),
        { reason: "no_email" },
      );
    }
    const now = deps.now().getTime();
    // A second pick within minutes answers the same without a second message.
    const mailed = runtime.mails.wait(`${meeting.id}:${personId}`, now) === 0;
    if (mailed) {
      takeWrite(deps, runtime, meeting.id);
      runtime.mails.take(`${meeting.id}:${personId}`, now);
      const expires = new Date(day.closesAt.getTime() + checkInLimits.confirmDays * DAY_MS);
      const link = `${deps.config.publicUrl}/check-in/confirm/${confirmationToken(key, meeting.id, personId, expires)}`;
      const lang = readerLocale(member.locale);
      const intl = intlFor(lang);
      const to = member.email;
      await deps.mailer.enqueue(
        tx,
        inReaderLanguage(lang, () => ({
          to,
          lang,
          subject: intl.formatMessage(
            { id: "mail.checkIn.subject", defaultMessage: "Confirm you are at {title}" },
            { title: meeting.title },
          ),
          text: intl.formatMessage(
            {
              id: "mail.checkIn.body",
              defaultMessage:
                "Hello {name},\n\n" +
                'Someone used the check-in code of "{title}" ({time}) and picked your name.\n\n' +
                "If that was you, confirm that you are there with this link:\n{link}\n\n" +
                "If it was not you, ignore this message: you will not be counted as present.",
            },
            {
              name: member.name,
              title: meeting.title,
              time: formatMailTime(meeting.startsAt.toISOString(), meeting.timeZone),
              link,
            },
          ),
        })),
      );
    }
    return {
      meetingId: meeting.id,
      mailed,
      result: { ...base, status: "confirmation_sent", emailHint: emailHint(member.email) },
    };
  });
  if (outcome.mailed) {
    deps.mailer.deliverSoon();
    runtime.hub.publish(outcome.meetingId, { type: "pending", name: outcome.result.name });
  }
  if (outcome.result.status === "checked_in") runtime.hub.publish(outcome.meetingId, { type: "changed" });
  return outcome.result;
}

/** The member opened the link in the e-mail and said yes: now they count as present. */
export async function confirmCheckIn(
  deps: AppDeps,
  runtime: CheckInRuntime,
  token: string,
): Promise<CheckInResult> {
  const result = await deps.db.transaction(async (tx): Promise<Outcome> => {
    const reading = readConfirmationToken(await checkInKey(deps, tx), token);
    if (!reading.ok) {
      throw new AppError(
        "bad_request",
        reading.reason === "malformed"
          ? "This confirmation link is incomplete: open it again from the e-mail."
          : "This confirmation link was altered: open it again from the e-mail.",
        { reason: reading.reason === "malformed" ? "link_malformed" : "link_tampered" },
      );
    }
    if (deps.now() >= reading.expiresAt) {
      throw new AppError(
        "gone",
        msg({
          id: "server.checkin.thisConfirmationLinkHasExpired",
          defaultMessage: "This confirmation link has expired; ask the convener to record you as present.",
        }),
        {
          reason: "link_expired",
        },
      );
    }
    const meeting = await findMeeting(tx, reading.meetingId);
    if (meeting.cancelled) {
      throw new AppError(
        "gone",
        msg({
          id: "server.checkin.thisMeetingWasCancelledThere",
          defaultMessage: "This meeting was cancelled; there is nothing to check in to.",
        }),
        {
          reason: "meeting_cancelled",
        },
      );
    }
    const member = await currentMember(tx, meeting.partnershipId, reading.personId);
    if (!member) {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.checkin.youAreNoLongerA",
          defaultMessage: "You are no longer a member of this partnership.",
        }),
        {
          reason: "not_a_member",
        },
      );
    }
    const added = await recordMember(tx, meeting.id, member, deps.now());
    return {
      meetingId: meeting.id,
      result: {
        status: added ? "checked_in" : "already_checked_in",
        name: member.name,
        meetingTitle: meeting.title,
        emailHint: null,
      },
    };
  });
  if (result.result.status === "checked_in") runtime.hub.publish(result.meetingId, { type: "changed" });
  return result.result;
}
