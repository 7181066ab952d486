/**
 * The link in a vote e-mail that opens the voter's ballot signed in: a one-time sign-in link of
 * the e-mail sign-in mechanism (sign_in_links, used on the /signin/link page, see
 * auth/email-link.ts) whose next path is the ballot. A business leader who votes twice a year
 * has no password at hand; the link is theirs alone, works once, and stops working after
 * BALLOT_LINK_HOURS or when the round closes, whichever comes first.
 */
import type { Executor } from "../../../db/open.js";
import { signInLinks } from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { newToken } from "../../lib/tokens.js";

export const BALLOT_LINK_HOURS = 72;

export async function ballotSignInLink(
  deps: AppDeps,
  tx: Executor,
  userId: string,
  ballotPath: string,
  closesAt: Date | null,
): Promise<string> {
  const now = deps.now();
  const hours = now.getTime() + BALLOT_LINK_HOURS * 3_600_000;
  const expiresAt = new Date(closesAt ? Math.min(hours, closesAt.getTime()) : hours);
  const { token, hash } = newToken();
  // Not tied to a browser (none asked for it): the link's page signs in whoever holds the mail.
  await tx.insert(signInLinks).values({
    tokenHash: hash,
    userId,
    createdAt: now,
    expiresAt,
    purpose: "requested",
    nextPath: ballotPath,
    browserHash: null,
    requestedFrom: null,
  });
  return `${deps.config.publicUrl}/signin/link/${token}`;
}
