import { msg } from "../../../core/i18n/msg.js";
/**
 * Signing in by a link mailed on request, instead of a password: for people who visit once a
 * month and will not remember one. The answer never says whether an address has an account, a
 * link works once for 15 minutes, and a browser other than the one that asked must confirm
 * before the link signs it in (so no one can sign someone else into the asker's account by
 * sending them a link). Limits: a few mails per address, and requests per network, per window.
 */
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { SIGN_IN_LINK_MINUTES, type SignInLinkInfo } from "../../../core/auth.js";
import { signInLinkRequests, signInLinks, users } from "../../../db/schema/index.js";
import type { Executor } from "../../../db/open.js";
import { storedLocale, type AppLocale } from "../../../core/i18n/locales.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";
import { intlFor } from "../../i18n/intl.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { startSession } from "./service.js";
import { assertNoSsoRequired } from "./sso-required.js";
import { clearFailures } from "./throttle.js";

/** Mails one address may receive in the window; more requests get the same answer, unsent. */
export const EMAIL_LINKS_PER_ADDRESS = 3;
export const WINDOW_MS = 15 * 60_000;

export interface EmailLinkRequest {
  email: string;
  next?: string | undefined;
  ip: string;
  userAgent?: string | undefined;
  /** The random value of the asking browser's cookie; only its hash is kept. */
  browserNonce: string;
  /** The asker's language (request.locale): the mail's, when the account has none of its own. */
  locale: AppLocale;
}

/** "203.0.113.9, Chrome on Windows": enough for an owner to tell whether the request was theirs. */
export function describeRequester(ip: string, userAgent: string | undefined): string {
  const ua = userAgent ?? "";
  const browser =
    [/Edg\//, /Firefox\//, /Chrome\//, /Safari\//]
      .map((re, i) => (re.test(ua) ? ["Edge", "Firefox", "Chrome", "Safari"][i] : null))
      .find(Boolean) ?? null;
  const system =
    [/Windows/, /iPhone|iPad/, /Android/, /Mac OS X/, /Linux/]
      .map((re, i) => (re.test(ua) ? ["Windows", "iOS", "Android", "macOS", "Linux"][i] : null))
      .find(Boolean) ?? null;
  const what = browser && system ? `${browser} on ${system}` : (browser ?? system ?? "an unknown browser");
  return `${ip}, ${what}`;
}

/**
 * Counts a request for a mailed link (sign-in or sign-up) against its limits: refuses (429) a
 * network past its limit before looking the address up, then answers the address's account, if
 * any, and whether the address may still get a mail in this window. Call inside a transaction.
 */
export async function claimLinkRequest(
  deps: AppDeps,
  tx: Executor,
  input: { email: string; ip: string },
  now: Date,
  wantsMail: (user: LinkUser | undefined) => boolean,
): Promise<{ user: LinkUser | undefined; send: boolean }> {
  const since = new Date(now.getTime() - WINDOW_MS);
  // One request per address and per network at a time: parallel requests cannot all pass a limit.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`email-link-ip:${input.ip}`}))`);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`email-link:${input.email}`}))`);
  const [fromIp] = await tx
    .select({ n: count(), first: sql<string>`min(${signInLinkRequests.createdAt})` })
    .from(signInLinkRequests)
    .where(and(eq(signInLinkRequests.ip, input.ip), gt(signInLinkRequests.createdAt, since)));
  if ((fromIp?.n ?? 0) >= deps.config.LINK_REQUESTS_PER_IP) {
    const ends = new Date(fromIp.first).getTime() + WINDOW_MS;
    const seconds = Math.max(1, Math.ceil((ends - now.getTime()) / 1000));
    throw new AppError(
      "too_many_requests",
      msg(
        {
          id: "server.auth.tooManyLinks",
          defaultMessage:
            "Too many links were asked for from your network. Try again in {minutes, plural, one {# minute} other {# minutes}}, or sign in with your password.",
        },
        { minutes: Math.ceil(seconds / 60) },
      ),
      { retryAfterSeconds: seconds },
    );
  }
  const [user] = await tx
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale })
    .from(users)
    // A service account answers like an unknown address: it never signs in.
    .where(and(eq(users.email, input.email), isNull(users.deletedAt), eq(users.isService, false)));
  const [{ sent }] = await tx
    .select({ sent: count() })
    .from(signInLinkRequests)
    .where(
      and(
        eq(signInLinkRequests.email, input.email),
        eq(signInLinkRequests.sent, true),
        gt(signInLinkRequests.createdAt, since),
      ),
    );
  const send = wantsMail(user) && sent < EMAIL_LINKS_PER_ADDRESS;
  await tx
    .insert(signInLinkRequests)
    .values({ email: input.email, ip: input.ip, createdAt: now, sent: send });
  return { user, send };
}

export interface LinkUser {
  id: string;
  email: string;
  name: string;
  /** The account's chosen language, if any. */
  locale: string | null;
}

/** Makes a one-time sign-in link for an account and queues the mail that carries it. */
export async function mailRequestedSignInLink(
  deps: AppDeps,
  tx: Executor,
  user: LinkUser,
  input: Omit<EmailLinkRequest, "email">,
  now: Date,
  reason: "sign_in" | "sign_up" = "sign_in",
): Promise<void> {
  const { token, hash } = newToken();
  const requestedFrom = describeRequester(input.ip, input.userAgent);
  await tx.insert(signInLinks).values({
    tokenHash: hash,
    userId: user.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
    purpose: "requested",
    nextPath: input.next ?? null,
    browserHash: hashToken(input.browserNonce),
    requestedFrom,
  });
  // The account's language, else the asking browser's.
  const lang = storedLocale(user.locale) ?? input.locale;
  const intl = intlFor(lang);
  const values = {
    name: user.name,
    minutes: SIGN_IN_LINK_MINUTES,
    link: `${deps.config.publicUrl}/signin/link/${token}`,
    from: requestedFrom,
    time: now.toISOString().slice(11, 16),
    day: now.toISOString().slice(0, 10),
  };
  await deps.mailer.enqueue(tx, {
    to: user.email,
    lang,
    subject: intl.formatMessage({
      id: "mail.signInLink.subject",
      defaultMessage: "Your Shared Table sign-in link",
    }),
    text:
      reason === "sign_up"
        ? intl.formatMessage(
            {
              id: "mail.signInLink.bodyForSignUp",
              defaultMessage:
                "Hello {name},\n\nSomeone asked to create a Shared Table account with this address. You already have one, so " +
                "here is a link that signs you in instead, within {minutes} minutes:\n\n{link}\n\n" +
                "The link works once. It was asked for from {from} at {time} UTC on {day}. If that was not you, " +
                "ignore this message: no one can sign in without the link.\n",
            },
            values,
          )
        : intl.formatMessage(
            {
              id: "mail.signInLink.body",
              defaultMessage:
                "Hello {name},\n\nSign in to Shared Table with this link within {minutes} minutes:\n\n{link}\n\n" +
                "The link works once. It was asked for from {from} at {time} UTC on {day}. If that was not you, " +
                "ignore this message: no one can sign in without the link.\n",
            },
            values,
          ),
  });
}

/**
 * Records the request and, for an account's address under its limit, makes a link and mails it.
 * Refuses (429) a network past its limit, before looking the address up.
 */
export async function requestEmailLink(deps: AppDeps, input: EmailLinkRequest): Promise<void> {
  await assertNoSsoRequired(deps, deps.db, input.email);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const { user, send } = await claimLinkRequest(deps, tx, input, now, (account) => !!account);
    // The same answer either way: the page must not reveal who has an account.
    if (user && send) await mailRequestedSignInLink(deps, tx, user, input, now);
  });
  deps.mailer.deliverSoon();
}

/** What the link's page shows before the click; opening the page neither uses nor changes the link. */
export async function describeSignInLink(
  deps: AppDeps,
  token: string,
  browserNonce: string | undefined,
): Promise<SignInLinkInfo> {
  const link = await liveLink(deps.db, token, deps.now(), false);
  return {
    email: link.email,
    purpose: link.purpose === "requested" ? "requested" : "locked",
    sameBrowser: askedHere(link, browserNonce),
    requestedFrom: link.requestedFrom,
    next: link.next,
    expiresAt: link.expiresAt.toISOString(),
  };
}

/**
 * The link of this token while it works (unused, unexpired, its account not deleted), with its
 * owner's address. Locked when it is about to be used: two parallel uses cannot both succeed.
 */
async function liveLink(db: Executor, token: string, now: Date, lock: boolean) {
  const query = db
    .select({
      tokenHash: signInLinks.tokenHash,
      userId: signInLinks.userId,
      email: users.email,
      purpose: signInLinks.purpose,
      browserHash: signInLinks.browserHash,
      requestedFrom: signInLinks.requestedFrom,
      next: signInLinks.nextPath,
      expiresAt: signInLinks.expiresAt,
    })
    .from(signInLinks)
    .innerJoin(users, eq(users.id, signInLinks.userId))
    .where(
      and(
        eq(signInLinks.tokenHash, hashToken(token)),
        isNull(signInLinks.usedAt),
        gt(signInLinks.expiresAt, now),
        isNull(users.deletedAt),
        eq(users.isService, false),
      ),
    );
  const [link] = lock ? await query.for("update", { of: signInLinks }) : await query;
  if (!link) throw goneLink();
  return link;
}

/** Whether this browser is the one that asked for the link (a lockout link was asked by no browser). */
function askedHere(link: { browserHash: string | null }, browserNonce: string | undefined): boolean {
  return !!link.browserHash && !!browserNonce && link.browserHash === hashToken(browserNonce);
}

function goneLink() {
  return new AppError(
    "gone",
    msg({
      id: "server.auth.thisSignInLinkHas",
      defaultMessage:
        "This sign-in link has expired or was already used. Ask for a new one on the sign-in page, or sign in with your password.",
    }),
  );
}

/**
 * Signs in with a mailed one-time link and clears the failed attempts of its address. A link
 * asked for in another browser signs this one in only when the person confirmed (409 otherwise,
 * the link unused). Answers the path to open next, if the request named one.
 */
export async function signInWithLink(
  deps: AppDeps,
  input: { token: string; confirmOtherBrowser?: boolean | undefined; browserNonce?: string | undefined },
) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const link = await liveLink(tx, input.token, now, true);
    if (link.browserHash && !askedHere(link, input.browserNonce) && !input.confirmOtherBrowser) {
      throw new AppError(
        "needs_confirmation",
        msg({
          id: "server.auth.thisLinkWasAskedFor",
          defaultMessage:
            "This link was asked for in another browser. Sign in here only if you asked for it yourself.",
        }),
      );
    }
    await tx.update(signInLinks).set({ usedAt: now }).where(eq(signInLinks.tokenHash, link.tokenHash));
    await clearFailures(tx, link.email);
    return { userId: link.userId, next: link.next, token: await startSession(tx, link.userId, now) };
  });
}
