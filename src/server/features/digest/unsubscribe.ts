import { msg } from "../../../core/i18n/msg.js";
import { createHmac } from "node:crypto";
import { mailLists, type MailList } from "../../../core/mail-lists.js";
import type { Executor } from "../../../db/open.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { sameSignature, signingKey } from "../../lib/signing-key.js";

const KEY_NAME = "unsubscribe-key";
/**
 * `<list>.<userId>.<signature>`; the older `<userId>.<signature>` of digests already in people's
 * mailboxes still works and means the digest.
 */
const tokenPattern = new RegExp(
  `^(?:(${mailLists.join("|")})\\.)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([A-Za-z0-9_-]{43})$`,
);

const signingKeyOf = (deps: AppDeps, tx: Executor) => signingKey(deps, tx, KEY_NAME);

/** The signed message: per person and list, so a link turns off only its own list. */
const sign = (key: string, userId: string, list: MailList | "legacy-digest") =>
  createHmac("sha256", key)
    .update(list === "legacy-digest" ? `unsubscribe:${userId}` : `unsubscribe:${list}:${userId}`)
    .digest("base64url");

export interface UnsubscribeLinks {
  /** The page a person opens from the message's text; it asks before turning the list off. */
  page: string;
  /** The address mail clients POST to (RFC 8058), sent as List-Unsubscribe. */
  oneClick: string;
}

/**
 * Reads the signing key once and answers a function making links for any person and list, so
 * a batch of messages costs one read.
 */
export async function unsubscribeLinker(
  deps: AppDeps,
  tx: Executor,
): Promise<(list: MailList, userId: string) => UnsubscribeLinks> {
  const key = await signingKeyOf(deps, tx);
  return (list, userId) => {
    const token = `${list}.${userId}.${sign(key, userId, list)}`;
    return {
      page: `${deps.config.publicUrl}/unsubscribe?token=${token}`,
      oneClick: `${deps.config.publicUrl}/api/unsubscribe?token=${token}`,
    };
  };
}

/**
 * The person and list a token speaks for: 400 when it is not a token at all, 403 when its
 * signature is wrong (altered, or moved to another person or list).
 */
export async function verifyUnsubscribeToken(
  deps: AppDeps,
  tx: Executor,
  token: string,
): Promise<{ userId: string; list: MailList }> {
  const match = tokenPattern.exec(token);
  const userId = match?.[2];
  const signature = match?.[3];
  if (!userId || !signature)
    throw new AppError(
      "bad_request",
      msg({
        id: "server.digest.thisUnsubscribeLinkIsIncomplete",
        defaultMessage: "This unsubscribe link is incomplete.",
      }),
    );
  const list = match[1] as MailList | undefined;
  if (!sameSignature(sign(await signingKeyOf(deps, tx), userId, list ?? "legacy-digest"), signature)) {
    throw new AppError(
      "forbidden",
      msg({
        id: "server.digest.thisUnsubscribeLinkWasAltered",
        defaultMessage: "This unsubscribe link was altered; use the link from the e-mail.",
      }),
    );
  }
  return { userId, list: list ?? "digest" };
}
