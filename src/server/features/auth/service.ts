import { msg } from "../../../core/i18n/msg.js";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { SIGN_IN_LINK_MINUTES, type Me, type NewAccount } from "../../../core/auth.js";
import { DEFAULT_LOCALE, storedLocale, type AppLocale } from "../../../core/i18n/locales.js";
import { intlFor, readerLocale } from "../../i18n/intl.js";
import {
  memberships,
  partnerships,
  people,
  sessions,
  signInLinks,
  ssoLogins,
  users,
} from "../../../db/schema/index.js";
import type { Db, Executor } from "../../../db/open.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldError } from "../../errors.js";
import { hashPassword, passwordProblem, verifyPassword } from "../../lib/passwords.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { assertNoSsoRequired } from "./sso-required.js";
import { clearFailures, countAttempt, countIpAttempt, delayFor, LINK_AFTER, refundIp } from "./throttle.js";

export const SESSION_DAYS = 30;
/** A hash no password matches, checked for unknown addresses so they cost the same time. */
const NO_ACCOUNT_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA";

/** Refuses, naming the field, a password the rules of NIST SP 800-63B say is guessed early. */
export async function assertStrongPassword(
  password: string,
  who: { email: string; name: string },
  field = "password",
) {
  const problem = await passwordProblem(password, who);
  if (problem) throw fieldError(field, problem);
}

/** Makes an account and its person. Without a password, its owner signs in by links until they add one. */
export async function createUser(
  tx: Executor,
  input: NewAccount & { isAdmin?: boolean; locale?: AppLocale },
  options: { checkStrength?: boolean } = {},
): Promise<{ userId: string; personId: string }> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing)
    throw fieldError(
      "email",
      msg({
        id: "server.auth.anAccountWithThisE",
        defaultMessage: "an account with this e-mail address already exists; sign in instead",
      }),
    );
  const password = input.password;
  if (password !== undefined && options.checkStrength !== false) await assertStrongPassword(password, input);
  const [user] = await tx
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      passwordHash: password === undefined ? null : await hashPassword(password),
      isAdmin: input.isAdmin ?? false,
      // The language the person signed up in, kept when it is not the default: their e-mails
      // are written in it until they choose on the account page.
      locale: storedLocale(input.locale) && input.locale !== DEFAULT_LOCALE ? input.locale : null,
    })
    .returning({ id: users.id });
  const [person] = await tx
    .insert(people)
    .values({ name: input.name, email: input.email, userId: user.id })
    .returning({ id: people.id });
  return { userId: user.id, personId: person.id };
}

export async function startSession(tx: Executor, userId: string, now: Date): Promise<string> {
  const { token, hash } = newToken();
  await tx.insert(sessions).values({
    tokenHash: hash,
    userId,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
  });
  return token;
}

export const LOCKED_DETAIL = msg(
  {
    id: "server.auth.locked",
    defaultMessage:
      "Too many failed sign-ins for this address, so the password alone no longer signs in to it for now. We e-mailed a one-time sign-in link to the address: open it within {minutes} minutes to sign in, or reset your password.",
  },
  { minutes: SIGN_IN_LINK_MINUTES },
);

/**
 * Signs in with a password. The attempt is counted (per client address, then per e-mail address)
 * before the password is checked; past LINK_AFTER attempts the password is still checked, but only
 * to decide whether to mail the owner a one-time link: the answer is the same either way, so
 * guessing learns nothing, and the owner is never locked out.
 */
export async function login(deps: AppDeps, email: string, password: string, ip: string) {
  const now = deps.now();
  // By the address's domain, so it tells nothing about whether an account exists.
  await assertNoSsoRequired(deps, deps.db, email);
  await countIpAttempt(deps.db, ip, deps.config.LOGIN_FAILURES_PER_IP, now);
  const attempt = await countAttempt(deps.db, email, now);
  const locked = attempt > LINK_AFTER;
  if (!locked && delayFor(attempt) > 0) await deps.sleep(delayFor(attempt));
  const [user] = await deps.db
    .select()
    .from(users)
    // A service account (no password, never signs in) answers like an unknown address.
    .where(and(eq(users.email, email), isNull(users.deletedAt), eq(users.isService, false)));
  // Verify even for an unknown address so timing does not reveal which accounts exist.
  const ok = (await verifyPassword(password, user?.passwordHash ?? NO_ACCOUNT_HASH)) && !!user;
  if (locked) {
    if (ok) await mailSignInLink(deps, user, now, { onlyIfNoneSince: new Date(now.getTime() - 5 * 60_000) });
    throw new AppError("too_many_requests", LOCKED_DETAIL, {
      retryAfterSeconds: SIGN_IN_LINK_MINUTES * 60,
      reason: "link_mailed",
    });
  }
  if (!ok) {
    if (attempt === LINK_AFTER) {
      if (user) await mailSignInLink(deps, user, now);
      throw new AppError(
        "unauthenticated",
        msg(
          {
            id: "server.auth.wrongAndLocked",
            defaultMessage:
              "The e-mail address or the password is wrong. Too many failed sign-ins for this address, so the password alone no longer signs in to it for now. We e-mailed a one-time sign-in link to the address: open it within {minutes} minutes to sign in, or reset your password.",
          },
          { minutes: SIGN_IN_LINK_MINUTES },
        ),
        {
          reason: "link_mailed",
        },
      );
    }
    throw new AppError(
      "unauthenticated",
      msg({
        id: "server.auth.theEMailAddressOr2",
        defaultMessage: "The e-mail address or the password is wrong.",
      }),
    );
  }
  await clearFailures(deps.db, email);
  await refundIp(deps.db, ip);
  return { userId: user.id, token: await startSession(deps.db, user.id, now) };
}

/** Mails a one-time sign-in link to the owner of an address that wrong passwords hit. */
async function mailSignInLink(
  deps: AppDeps,
  user: { id: string; email: string; name: string; locale: string | null },
  now: Date,
  options: { onlyIfNoneSince?: Date } = {},
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    // The user's row is locked so parallel attempts send one link, not one each.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    if (options.onlyIfNoneSince) {
      const [recent] = await tx
        .select({ at: signInLinks.createdAt })
        .from(signInLinks)
        .where(and(eq(signInLinks.userId, user.id), gt(signInLinks.createdAt, options.onlyIfNoneSince)));
      if (recent) return;
    }
    const { token, hash } = newToken();
    await tx.insert(signInLinks).values({
      tokenHash: hash,
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000),
    });
    const lang = readerLocale(user.locale);
    const intl = intlFor(lang);
    await deps.mailer.enqueue(tx, {
      to: user.email,
      lang,
      subject: intl.formatMessage({
        id: "mail.signInLink.subject",
        defaultMessage: "Your Shared Table sign-in link",
      }),
      text: intl.formatMessage(
        {
          id: "mail.lockedSignInLink.body",
          defaultMessage:
            "Hello {name},\n\nThere were many failed attempts to sign in to your Shared Table account, so " +
            "for now the password alone does not sign in. Sign in with this link within {minutes} minutes:\n\n" +
            "{link}\n\nThe link works once. If the failed attempts were not " +
            "yours, someone may be guessing your password: choose a long one that you use nowhere else.\n",
        },
        {
          name: user.name,
          minutes: SIGN_IN_LINK_MINUTES,
          link: `${deps.config.publicUrl}/signin/link/${token}`,
        },
      ),
    });
  });
  deps.mailer.deliverSoon();
}

export async function endSession(deps: AppDeps, token: string): Promise<void> {
  const hash = hashToken(token);
  await deps.db.delete(sessions).where(eq(sessions.tokenHash, hash));
  // This process forgets it now; the others when the database's notice reaches them.
  deps.sessions?.forgetSession(hash);
}

/**
 * The session lookup runs on every signed-in request, so it is a named prepared statement: the
 * database plans it once per connection instead of on each call (about a third of its time).
 */
function sessionQuery(db: Db) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      isAdmin: users.isAdmin,
      locale: users.locale,
      personId: people.id,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(people, eq(people.userId, users.id))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder("hash")),
        gt(sessions.expiresAt, sql.placeholder("now")),
        // A service account acts only through its token: a session for one would be a bug, so it does not work.
        eq(users.isService, false),
      ),
    )
    .prepare("actor_from_session");
}
const preparedSessionQueries = new WeakMap<Db, ReturnType<typeof sessionQuery>>();

export async function actorFromSession(deps: AppDeps, token: string): Promise<Actor | null> {
  const hash = hashToken(token);
  const now = deps.now();
  const remembered = deps.sessions?.get(hash, now);
  if (remembered) return remembered;
  const generation = deps.sessions?.begin() ?? 0;
  let query = preparedSessionQueries.get(deps.db);
  if (!query) preparedSessionQueries.set(deps.db, (query = sessionQuery(deps.db)));
  const [row] = await query.execute({ hash, now });
  if (!row) return null;
  const { expiresAt, locale: stored, ...rest } = row;
  const locale = storedLocale(stored);
  const actor: Actor = locale ? { ...rest, locale } : rest;
  deps.sessions?.remember(hash, actor, expiresAt, now, generation);
  return actor;
}

export async function describeMe(deps: AppDeps, actor: Actor): Promise<Me> {
  const rows = await deps.db
    .select({ id: partnerships.id, slug: partnerships.slug, name: partnerships.name, role: memberships.role })
    .from(memberships)
    .innerJoin(partnerships, eq(partnerships.id, memberships.partnershipId))
    .where(
      and(
        eq(memberships.personId, actor.personId),
        isNull(memberships.leftAt),
        isNull(partnerships.deletedAt),
      ),
    )
    .orderBy(partnerships.name);
  const [account] = await deps.db
    .select({ hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, actor.userId));
  return {
    id: actor.userId,
    personId: actor.personId,
    email: actor.email,
    name: actor.name,
    isAdmin: actor.isAdmin,
    locale: actor.locale ?? null,
    hasPassword: account?.hasPassword ?? false,
    partnerships: rows,
  };
}

export async function purgeExpired(deps: AppDeps): Promise<void> {
  await deps.db.delete(sessions).where(lt(sessions.expiresAt, deps.now()));
  // Work-account sign-ins past their ten minutes: a late callback then finds no attempt and is refused.
  await deps.db.delete(ssoLogins).where(lt(ssoLogins.expiresAt, deps.now()));
}

/** Makes sure the account named by ADMIN_EMAIL exists and is a community admin. */
export async function ensureAdmin(deps: AppDeps, email: string, password: string): Promise<void> {
  const normalized = email.trim().toLowerCase();
  await deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, normalized));
    if (user) {
      await tx.update(users).set({ isAdmin: true }).where(eq(users.id, user.id));
      return;
    }
    // The operator's ADMIN_PASSWORD: checked for length by the config, not against the dictionaries.
    await createUser(
      tx,
      { email: normalized, password, name: "Community admin", isAdmin: true },
      { checkStrength: false },
    );
  });
}
