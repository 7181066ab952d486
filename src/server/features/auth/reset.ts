import { msg } from "../../../core/i18n/msg.js";
import { and, count, eq, gt, isNull, lte, ne, sql } from "drizzle-orm";
import { passwordResets, resetRequests, sessions, users } from "../../../db/schema/index.js";
import type { ResetLinkReason } from "../../../core/auth.js";
import type { Db } from "../../../db/open.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { intlFor, readerLocale } from "../../i18n/intl.js";
import type { MailMessage } from "../../lib/mailer.js";
import { hashPassword } from "../../lib/passwords.js";
import { newToken, hashToken } from "../../lib/tokens.js";
import { assertStrongPassword } from "./service.js";
import { clearFailures } from "./throttle.js";

const RESET_MINUTES = 60;
/** Reset mails one address may receive in an hour; more requests are answered the same, unsent. */
export const RESET_MAILS_PER_HOUR = 3;

/** In the language the person chose for their account (English until they choose). */
function resetMessage(
  deps: AppDeps,
  to: { email: string; name: string; locale: string | null },
  token: string,
): MailMessage {
  const lang = readerLocale(to.locale);
  const intl = intlFor(lang);
  const link = `${deps.config.publicUrl}/reset-password/${token}`;
  return {
    to: to.email,
    lang,
    subject: intl.formatMessage({
      id: "mail.reset.subject",
      defaultMessage: "Reset your Shared Table password",
    }),
    text: intl.formatMessage(
      {
        id: "mail.reset.body",
        defaultMessage:
          "Hello {name},\n\nSomeone (we hope you) asked to reset the password of your Shared Table account.\n" +
          "Choose a new password here within {minutes} minutes:\n\n{link}\n\n" +
          "The link works once, and only the newest link works. If you did not ask for it, ignore this message; " +
          "your password stays as it is.\n",
      },
      { name: to.name, minutes: RESET_MINUTES, link },
    ),
  };
}

/**
 * E-mails a reset link and voids the account's older links. Known and unknown addresses take the
 * same path up to the last writes (a token, its hash, the message, the hourly count, a recorded
 * request), so the answer's timing does not tell which addresses have an account.
 */
export async function requestPasswordReset(deps: AppDeps, email: string): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    // One request per address at a time, so parallel requests cannot all pass the hourly limit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reset:${email}`}))`);
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
      .from(users)
      // A service account has no password to reset: it answers like an unknown address.
      .where(and(eq(users.email, email), isNull(users.deletedAt), eq(users.isService, false)));
    const [{ sent }] = await tx
      .select({ sent: count() })
      .from(resetRequests)
      .where(
        and(
          eq(resetRequests.email, email),
          eq(resetRequests.sent, true),
          gt(resetRequests.createdAt, new Date(now.getTime() - 3_600_000)),
        ),
      );
    const { token, hash } = newToken();
    const message = resetMessage(deps, user ?? { email, name: "", locale: null }, token);
    const send = !!user && sent < RESET_MAILS_PER_HOUR;
    await tx.insert(resetRequests).values({ email, createdAt: now, sent: send });
    if (!user || !send) return; // Same answer either way: the form must not reveal who has an account.
    // Only the newest link works: a link mailed earlier (perhaps to a mailbox read by others) is void.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({
      tokenHash: hash,
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
    });
    await deps.mailer.enqueue(tx, message);
  });
}

type Reader = Pick<Db, "select">;

/**
 * Why a reset link no longer works, or undefined when it does. Voided links keep only the time
 * they stopped working: a link stopped at the moment a newer one of the account was made was
 * replaced; any other stop was a password change (this link, a sibling link, or the account page).
 */
async function resetLinkProblem(
  tx: Reader,
  reset: typeof passwordResets.$inferSelect,
  now: Date,
): Promise<ResetLinkReason | undefined> {
  if (reset.usedAt) {
    const [newer] = await tx
      .select({ createdAt: passwordResets.createdAt })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.userId, reset.userId),
          ne(passwordResets.tokenHash, reset.tokenHash),
          gt(passwordResets.createdAt, reset.createdAt),
          lte(passwordResets.createdAt, reset.usedAt),
        ),
      )
      .limit(1);
    return newer ? "replaced" : "used";
  }
  return reset.expiresAt <= now ? "expired" : undefined;
}

const linkNotValid = () =>
  new AppError(
    "not_found",
    msg({
      id: "server.auth.thisResetLinkIsNot",
      defaultMessage:
        "This reset link is not valid. Check that you copied the whole link from the e-mail, or ask for a new one.",
    }),
  );

const linkGone = (reason: ResetLinkReason) =>
  new AppError(
    "gone",
    msg(
      {
        id: "server.auth.resetLinkGone",
        defaultMessage:
          "{reason, select, used {This link was already used} expired {This link has expired} other {This link was replaced by a newer one}}. Ask for a new one from the sign-in page.",
      },
      { reason },
    ),
    { reason },
  );

/** Reads the link and its account's name for the password rules; the row is locked when `lock`. */
async function readResetLink(tx: Db, token: string, lock: boolean) {
  const query = tx
    .select()
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  const [reset] = lock ? await query.for("update") : await query;
  const [user] = reset
    ? await tx
        .select({ email: users.email, name: users.name })
        .from(users)
        .where(and(eq(users.id, reset.userId), isNull(users.deletedAt)))
    : [];
  if (!reset || !user) throw linkNotValid();
  return { reset, user };
}

/**
 * Whether a reset link still works, asked before the page shows a password form. Reads only: the
 * link stays usable. Says nothing about the account (no address, no name): only the token's holder
 * can ask, and a token is not guessable.
 */
export async function describeResetLink(deps: AppDeps, token: string): Promise<{ expiresAt: string }> {
  const { reset } = await readResetLink(deps.db, token, false);
  const reason = await resetLinkProblem(deps.db, reset, deps.now());
  if (reason) throw linkGone(reason);
  return { expiresAt: reset.expiresAt.toISOString() };
}

export async function confirmPasswordReset(deps: AppDeps, token: string, password: string): Promise<void> {
  const now = deps.now();
  const userId = await deps.db.transaction(async (tx) => {
    const { reset, user } = await readResetLink(tx, token, true);
    const reason = await resetLinkProblem(tx, reset, now);
    if (reason) throw linkGone(reason);
    await assertStrongPassword(password, user);
    // Every link of the account is void once one was used.
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, reset.userId));
    // A reset ends every open session: whoever knew the old password is signed out.
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    await clearFailures(tx, user.email);
    return reset.userId;
  });
  deps.sessions?.forgetUser(userId);
}
