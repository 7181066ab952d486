import { createHmac } from "node:crypto";
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from "../../../core/checkin.js";
import { resolveInstant, toWallTime } from "../../../core/meeting-time.js";
import type { Executor } from "../../../db/open.js";
import type { AppDeps } from "../../deps.js";
import { sameSignature, signingKey } from "../../lib/signing-key.js";

/**
 * Check-in codes are stateless: a signature over the meeting and the end of its day, so no table
 * holds them and nothing needs cleaning up. Moving the meeting to another day changes the day,
 * so the old code stops working by itself.
 */
const KEY_NAME = "meeting-checkin-key";

/** SESSION_SECRET when set; otherwise a random key made once and kept in the database. */
export const checkInKey = (deps: AppDeps, tx: Executor): Promise<string> => signingKey(deps, tx, KEY_NAME);

export interface MeetingDay {
  /** Midnight at the start of the meeting's day, in the meeting's zone. */
  opensAt: Date;
  /** Midnight at its end: the codes' expiry. */
  closesAt: Date;
}

/** The calendar day the meeting starts on, where it is held (a 23 or 25 hour day across DST). */
export function meetingDay(startsAt: Date, timeZone: string): MeetingDay {
  const day = toWallTime(startsAt, timeZone).slice(0, 10);
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const opensAt = resolveInstant(`${day}T00:00`, timeZone);
  const closesAt = resolveInstant(`${next.toISOString().slice(0, 10)}T00:00`, timeZone);
  if (!opensAt || !closesAt) throw new Error(`no midnight for ${day} in ${timeZone}`);
  return { opensAt, closesAt };
}

const mac = (key: string, message: string) => createHmac("sha256", key).update(message).digest();

/** 128 bits of the signature: plenty against forgery, and a less dense QR code than 256. */
const signature = (key: string, message: string) => mac(key, message).subarray(0, 16).toString("base64url");

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** `<meeting id>.<expiry, Unix seconds in base 36>.<signature>`: what the QR code carries. */
export function checkInToken(key: string, meetingId: string, expiresAt: Date): string {
  const exp = seconds(expiresAt).toString(36);
  return `${meetingId}.${exp}.${signature(key, `checkin:${meetingId}:${exp}`)}`;
}

/** Six characters from the same key, meeting and day, so a typed code needs no table either. */
export function shortCode(key: string, meetingId: string, expiresAt: Date): string {
  const bits = mac(key, `checkin-code:${meetingId}:${seconds(expiresAt).toString(36)}`).readUInt32BE(0);
  let code = "";
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) code += SHORT_CODE_ALPHABET[(bits >>> (i * 5)) & 31];
  return code;
}

const tokenPattern =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/;

export type TokenReading =
  { ok: true; meetingId: string; expiresAt: Date } | { ok: false; reason: "malformed" | "bad_signature" };

/** Reads a QR code's token: its meeting and expiry when the signature holds. */
export function readCheckInToken(key: string, token: string): TokenReading {
  const m = tokenPattern.exec(token);
  if (!m) return { ok: false, reason: "malformed" };
  const [, meetingId, exp, given] = m;
  if (!sameSignature(signature(key, `checkin:${meetingId}:${exp}`), given)) {
    return { ok: false, reason: "bad_signature" };
  }
  return { ok: true, meetingId, expiresAt: new Date(parseInt(exp, 36) * 1000) };
}

/**
 * The link in a picked name's confirmation e-mail: signed for one person at one meeting, so only
 * the mailbox's owner can make the check-in count.
 */
export function confirmationToken(key: string, meetingId: string, personId: string, expiresAt: Date): string {
  const exp = seconds(expiresAt).toString(36);
  return `${meetingId}.${personId}.${exp}.${signature(key, `checkin-confirm:${meetingId}:${personId}:${exp}`)}`;
}

const confirmationPattern =
  /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{22})$/;

export type ConfirmationReading =
  | { ok: true; meetingId: string; personId: string; expiresAt: Date }
  | { ok: false; reason: "malformed" | "bad_signature" };

export function readConfirmationToken(key: string, token: string): ConfirmationReading {
  const m = confirmationPattern.exec(token);
  if (!m) return { ok: false, reason: "malformed" };
  const [, meetingId, personId, exp, given] = m;
  if (!sameSignature(signature(key, `checkin-confirm:${meetingId}:${personId}:${exp}`), given)) {
    return { ok: false, reason: "bad_signature" };
  }
  return { ok: true, meetingId, personId, expiresAt: new Date(parseInt(exp, 36) * 1000) };
}
