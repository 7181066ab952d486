import { msg } from "../../../core/i18n/msg.js";
/**
 * Creating an account by a link mailed to the address, with no password: the sign-up form asks
 * for a name and an address and always answers the same, so it never tells anyone whether an
 * address has an account. A new address gets a link that makes the account; an existing one
 * gets a sign-in link instead. Both work for 15 minutes, and a browser other than the one that
 * asked must confirm before the link signs it in.
 *
 * The sign-up link carries what it needs, signed, so that nothing is stored for addresses that
 * never finish: the name, the address, where to go next, the asking browser's hash and the
 * expiry. It works once because it makes the account: once the address has one, the link is
 * spent.
 */
import { createHmac } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { SIGN_IN_LINK_MINUTES, type SignUpLinkInfo } from "../../../core/auth.js";
import { appLocaleSchema } from "../../../core/i18n/locales.js";
import type { Executor } from "../../../db/open.js";
import { users } from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { intlFor } from "../../i18n/intl.js";
import { AppError } from "../../errors.js";
import { sameSignature, signingKey } from "../../lib/signing-key.js";
import { hashToken } from "../../lib/tokens.js";
import {
  claimLinkRequest,
  describeRequester,
  mailRequestedSignInLink,
  type EmailLinkRequest,
} from "./email-link.js";
import { createUser, startSession } from "./service.js";
import { assertNoSsoRequired } from "./sso-required.js";

const KEY_NAME = "sign-up-link-key";

const claimsSchema = z.strictObject({
  /** The address, the name typed, where to go next. */
  e: z.string(),
  n: z.string(),
  x: z.string().nullable(),
  /** Hash of the asking browser's cookie value. */
  b: z.string(),
  /** Where the request came from, as the e-mail told its owner. */
  f: z.string(),
  /** The language the person asked in, kept on the new account. */
  l: z.string().max(10).optional(),
  /** Expiry, in milliseconds since the epoch. */
  t: z.number().int(),
});
type Claims = z.infer<typeof claimsSchema>;

const sign = (key: string, payload: string) =>
  createHmac("sha256", key).update(`sign-up:${payload}`).digest("base64url");

function makeToken(key: string, claims: Claims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${sign(key, payload)}`;
}

function badLink() {
  return new AppError(
    "bad_request",
    msg({
      id: "server.auth.thisSignUpLinkIs",
      defaultMessage:
        "This sign-up link is not complete or was changed. Open it again from the e-mail, copying the whole link, or sign up again.",
    }),
  );
}

function spentLink() {
  return new AppError(
    "gone",
    msg({
      id: "server.auth.thisSignUpLinkHas",
      defaultMessage:
        "This sign-up link has expired or was already used. If you made your account with it, sign in; otherwise sign up again.",
    }),
  );
}

/** The link's claims when its signature holds and it has not expired; otherwise 400 or 410. */
async function readToken(deps: AppDeps, tx: Executor, token: string): Promise<Claims> {
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length) throw badLink();
  if (!sameSignature(sign(await signingKey(deps, tx, KEY_NAME), payload), signature)) throw badLink();
  let claims: Claims;
  try {
    claims = claimsSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    throw badLink();
  }
  if (claims.t <= deps.now().getTime()) throw spentLink();
  return claims;
}

async function accountExists(tx: Executor, email: string): Promise<boolean> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.deletedAt)));
  return !!user;
}

/**
 * Counts the request against the same limits as sign-in links and, under them, mails a link:
 * one that makes the account for a new address, a sign-in link for an existing one. The caller
 * answers the same in every case.
 */
export async function requestSignUp(
  deps: AppDeps,
  input: EmailLinkRequest & { name: string },
): Promise<void> {
  // The work account makes the account on its first sign-in.
  await assertNoSsoRequired(deps, deps.db, input.email);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const { user, send } = await claimLinkRequest(deps, tx, input, now, () => true);
    if (!send) return;
    if (user) {
      await mailRequestedSignInLink(deps, tx, user, input, now, "sign_up");
      return;
    }
    const requestedFrom = describeRequester(input.ip, input.userAgent);
    const token = makeToken(await signingKey(deps, tx, KEY_NAME), {
      e: input.email,
      n: input.name,
      x: input.next ?? null,
      b: hashToken(input.browserNonce),
      f: requestedFrom,
      l: input.locale,
      t: now.getTime() + SIGN_IN_LINK_MINUTES * 60_000,
    });
    // No account yet: the mail is in the language the person asked in.
    const intl = intlFor(input.locale);
    await deps.mailer.enqueue(tx, {
      to: input.email,
      lang: input.locale,
      subject: intl.formatMessage({
        id: "mail.signUpLink.subject",
        defaultMessage: "Finish creating your Shared Table account",
      }),
      text: intl.formatMessage(
        {
          id: "mail.signUpLink.body",
          defaultMessage:
            "Hello {name},\n\nTo create your Shared Table account, open this link within {minutes} minutes:\n\n{link}\n\n" +
            "No password is needed: links like this one sign you in, and you can add a password on your account page.\n" +
            "It was asked for from {from} at {time} UTC on {day}. If that was not you, ignore this message: " +
            "no account is made without the link.\n",
        },
        {
          name: input.name,
          minutes: SIGN_IN_LINK_MINUTES,
          link: `${deps.config.publicUrl}/signup/link?token=${token}`,
          from: requestedFrom,
          time: now.toISOString().slice(11, 16),
          day: now.toISOString().slice(0, 10),
        },
      ),
    });
  });
  deps.mailer.deliverSoon();
}

/** What the link's page shows before the click; opening the page makes nothing. */
export async function describeSignUpLink(
  deps: AppDeps,
  token: string,
  browserNonce: string | undefined,
): Promise<SignUpLinkInfo> {
  const claims = await readToken(deps, deps.db, token);
  if (await accountExists(deps.db, claims.e)) throw spentLink();
  return {
    email: claims.e,
    name: claims.n,
    sameBrowser: !!browserNonce && hashToken(browserNonce) === claims.b,
    requestedFrom: claims.f,
    next: claims.x,
    expiresAt: new Date(claims.t).toISOString(),
  };
}

/**
 * Makes the account (no password) and signs this browser in. Another browser than the one that
 * asked must confirm (409 otherwise, nothing made); a second use finds the account and is refused.
 */
export async function signUpWithLink(
  deps: AppDeps,
  input: {
    token: string;
    name?: string | undefined;
    confirmOtherBrowser?: boolean | undefined;
    browserNonce?: string | undefined;
  },
) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const claims = await readToken(deps, tx, input.token);
    const sameBrowser = !!input.browserNonce && hashToken(input.browserNonce) === claims.b;
    if (!sameBrowser && !input.confirmOtherBrowser) {
      throw new AppError(
        "needs_confirmation",
        msg({
          id: "server.auth.thisLinkWasAskedFor2",
          defaultMessage:
            "This link was asked for in another browser. Create the account here only if you asked for it yourself.",
        }),
      );
    }
    // Two clicks at once: the second waits, then finds the account the first made.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-up:${claims.e}`}))`);
    if (await accountExists(tx, claims.e)) throw spentLink();
    const { userId } = await createUser(tx, {
      email: claims.e,
      name: input.name ?? claims.n,
      locale: appLocaleSchema.safeParse(claims.l).data,
    });
    return { userId, next: claims.x, token: await startSession(tx, userId, now) };
  });
}
