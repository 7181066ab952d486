import { createHmac } from "node:crypto";
import { sameSignature } from "../../lib/signing-key.js";

/**
 * A guest-voter token: what a walk-in who checked in as a business keeps on their phone to cast
 * one ballot in one live round. Stateless, like the check-in codes: a signature over the round,
 * the guest's person record and an expiry (the end of the meeting's day), so no table holds it.
 * `<round id>.<person id>.<expiry, Unix seconds in base 36>.<signature>`.
 */
const signature = (key: string, message: string) =>
  createHmac("sha256", key).update(message).digest().subarray(0, 16).toString("base64url");

const message = (roundId: string, personId: string, exp: string) =>
  `live-guest:${roundId}:${personId}:${exp}`;

export function guestVoterToken(key: string, roundId: string, personId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return `${roundId}.${personId}.${exp}.${signature(key, message(roundId, personId, exp))}`;
}

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const tokenPattern = new RegExp(`^(${uuid})\\.(${uuid})\\.([0-9a-z]{1,10})\\.([A-Za-z0-9_-]{22})$`);

export type GuestTokenReading =
  | { ok: true; roundId: string; personId: string; expiresAt: Date }
  | { ok: false; reason: "malformed" | "bad_signature" };

export function readGuestVoterToken(key: string, token: string): GuestTokenReading {
  const m = tokenPattern.exec(token);
  if (!m) return { ok: false, reason: "malformed" };
  const [, roundId, personId, exp, given] = m;
  if (!sameSignature(signature(key, message(roundId, personId, exp)), given)) {
    return { ok: false, reason: "bad_signature" };
  }
  return { ok: true, roundId, personId, expiresAt: new Date(parseInt(exp, 36) * 1000) };
}
