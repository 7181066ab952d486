import { msg, type Msg } from "../../../core/i18n/msg.js";
/**
 * The answer links of a meeting invitation: Yes, Maybe, No. A link is the authority for one
 * person's answer to one meeting, so the person needs no password. Nothing is stored: the token
 * carries the meeting, the person and an expiry, signed with an HMAC (src/server/lib/signing-key.ts),
 * and the answer is the link's `answer` parameter, which the confirmation page lets them change.
 * Answering again replaces the answer, so a link may be used as often as the person likes until
 * the meeting ends or is cancelled.
 */
import { createHmac } from "node:crypto";
import { RSVP_LINK_GRACE_DAYS, type RsvpAnswer } from "../../../core/meeting-rsvps.js";
import type { Executor } from "../../../db/open.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { sameSignature, signingKey } from "../../lib/signing-key.js";

const KEY_NAME = "meeting-rsvp-key";

export interface RsvpClaims {
  meetingId: string;
  personId: string;
  /** Expiry, in seconds since the epoch. */
  expires: number;
}

const sign = (key: string, payload: string) =>
  createHmac("sha256", key).update(`meeting-rsvp:${payload}`).digest("base64url");

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");
function uuidOf(bytes: Buffer): string {
  const h = bytes.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** 16 bytes of meeting id, 16 of person id, 4 of expiry: 48 characters of base64url. */
function encode(claims: RsvpClaims): string {
  const expiry = Buffer.alloc(4);
  expiry.writeUInt32BE(claims.expires);
  return Buffer.concat([uuidBytes(claims.meetingId), uuidBytes(claims.personId), expiry]).toString(
    "base64url",
  );
}

/** The web page an answer link opens (src/web/app/routes.tsx). */
export const rsvpLinkPath = (meetingId: string, answer: RsvpAnswer, token: string) =>
  `/meeting-answer/${meetingId}?answer=${answer}&token=${token}`;

/** The three answer links of one person's invitation, valid until a while after the meeting ends. */
export async function rsvpLinks(
  deps: AppDeps,
  tx: Executor,
  meetingId: string,
  personId: string,
  meetingEnd: Date,
): Promise<Record<RsvpAnswer, string>> {
  const latest = Math.max(meetingEnd.getTime(), deps.now().getTime());
  const expires = Math.floor((latest + RSVP_LINK_GRACE_DAYS * 86_400_000) / 1000);
  const payload = encode({ meetingId, personId, expires });
  const token = `${payload}.${sign(await signingKey(deps, tx, KEY_NAME), payload)}`;
  const url = (answer: RsvpAnswer) => `${deps.config.publicUrl}${rsvpLinkPath(meetingId, answer, token)}`;
  return { yes: url("yes"), maybe: url("maybe"), no: url("no") };
}

export const rsvpRefusal = (
  code: "bad_request" | "forbidden" | "gone" | "not_found",
  reason: string,
  detail: Msg,
  field?: string,
) => new AppError(code, detail, { reason, ...(field ? { errors: [{ field, message: detail }] } : {}) });

/**
 * The claims of a token whose signature holds, for this meeting, not expired; otherwise the
 * refusal that says why (400 changed, 403 another meeting, 410 expired).
 */
export async function readRsvpToken(
  deps: AppDeps,
  tx: Executor,
  meetingId: string,
  token: string,
): Promise<RsvpClaims> {
  const [payload = "", signature = ""] = token.split(".");
  const expected = sign(await signingKey(deps, tx, KEY_NAME), payload);
  if (!sameSignature(expected, signature)) {
    throw rsvpRefusal(
      "bad_request",
      "changed_link",
      msg({
        id: "server.meetings.rsvp.changedLink",
        defaultMessage:
          "This answer link is not complete or was changed on its way. Open it again from the invitation e-mail, or answer on the meeting page.",
      }),
      "token",
    );
  }
  const bytes = Buffer.from(payload, "base64url");
  const claims: RsvpClaims = {
    meetingId: uuidOf(bytes.subarray(0, 16)),
    personId: uuidOf(bytes.subarray(16, 32)),
    expires: bytes.readUInt32BE(32),
  };
  if (claims.meetingId !== meetingId.toLowerCase()) {
    throw rsvpRefusal(
      "forbidden",
      "other_meeting",
      msg({
        id: "server.meetings.rsvp.otherMeeting",
        defaultMessage: "This answer link is for another meeting; it answers nothing here.",
      }),
    );
  }
  if (claims.expires * 1000 <= deps.now().getTime()) {
    throw rsvpRefusal(
      "gone",
      "expired",
      msg({
        id: "server.meetings.rsvp.expired",
        defaultMessage: "This answer link has expired. The meeting page shows the meetings still ahead.",
      }),
    );
  }
  return claims;
}
