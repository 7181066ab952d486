import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Me, SignupBody } from "../../../core/auth.js";
import {
  memberships,
  partnerships,
  passwordResets,
  people,
  sessions,
  users,
} from "../../../db/schema/index.js";
import type { Db, Executor } from "../../../db/open.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldError } from "../../errors.js";
import { hashPassword, verifyPassword } from "../../lib/passwords.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { checkThrottle, clearFailures, recordFailure } from "./throttle.js";

export const SESSION_DAYS = 30;
const RESET_MINUTES = 60;

export async function createUser(
  tx: Executor,
  input: SignupBody & { isAdmin?: boolean },
): Promise<{ userId: string; personId: string }> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing)
    throw fieldError("email", "an account with this e-mail address already exists; sign in instead");
  const [user] = await tx
    .insert(users)
    .values({
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      isAdmin: input.isAdmin ?? false,
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

export async function signup(deps: AppDeps, input: SignupBody) {
  return deps.db.transaction(async (tx) => {
    const { userId } = await createUser(tx, input);
    return { userId, token: await startSession(tx, userId, deps.now()) };
  });
}

export async function login(deps: AppDeps, email: string, password: string) {
  const now = deps.now();
  const { delayMs } = await checkThrottle(deps.db, email, now);
  if (delayMs > 0) await deps.sleep(delayMs);
  const [user] = await deps.db.select().from(users).where(eq(users.email, email));
  // Verify even for an unknown address so timing does not reveal which accounts exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? "scrypt$16384$8$1$AAAA$AAAA");
  if (!user || !ok) {
    await recordFailure(deps.db, email, now);
    throw new AppError("unauthenticated", "The e-mail address or the password is wrong.");
  }
  await clearFailures(deps.db, email);
  return { userId: user.id, token: await startSession(deps.db, user.id, now) };
}

export async function endSession(deps: AppDeps, token: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
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
      personId: people.id,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(people, eq(people.userId, users.id))
    .where(
      and(eq(sessions.tokenHash, sql.placeholder("hash")), gt(sessions.expiresAt, sql.placeholder("now"))),
    )
    .prepare("actor_from_session");
}
const preparedSessionQueries = new WeakMap<Db, ReturnType<typeof sessionQuery>>();

export async function actorFromSession(deps: AppDeps, token: string): Promise<Actor | null> {
  let query = preparedSessionQueries.get(deps.db);
  if (!query) preparedSessionQueries.set(deps.db, (query = sessionQuery(deps.db)));
  const [row] = await query.execute({ hash: hashToken(token), now: deps.now() });
  return row ?? null;
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
  return {
    id: actor.userId,
    personId: actor.personId,
    email: actor.email,
    name: actor.name,
    isAdmin: actor.isAdmin,
    partnerships: rows,
  };
}

export async function requestPasswordReset(deps: AppDeps, email: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user) return; // Same answer either way: the form must not reveal who has an account.
    const { token, hash } = newToken();
    const now = deps.now();
    await tx.insert(passwordResets).values({
      tokenHash: hash,
      userId: user.id,
      expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
    });
    await deps.mailer.enqueue(tx, {
      to: user.email,
      subject: "Reset your Shared Table password",
      text:
        `Hello ${user.name},\n\nSomeone (we hope you) asked to reset the password of your Shared Table account.\n` +
        `Choose a new password here within ${RESET_MINUTES} minutes:\n\n${deps.config.publicUrl}/reset-password/${token}\n\n` +
        `The link works once. If you did not ask for it, ignore this message; your password stays as it is.\n`,
    });
  });
}

export async function confirmPasswordReset(deps: AppDeps, token: string, password: string): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, hashToken(token)))
      .for("update");
    if (!reset || reset.usedAt || reset.expiresAt <= now) {
      throw new AppError(
        "gone",
        "This reset link has expired or was already used. Ask for a new one from the sign-in page.",
      );
    }
    await tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.tokenHash, reset.tokenHash));
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, reset.userId));
    // A reset ends every open session: whoever knew the old password is signed out.
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, reset.userId));
    if (user) await clearFailures(tx, user.email);
  });
}

export async function purgeExpired(deps: AppDeps): Promise<void> {
  await deps.db.delete(sessions).where(lt(sessions.expiresAt, deps.now()));
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
    await createUser(tx, { email: normalized, password, name: "Community admin", isAdmin: true });
  });
}
