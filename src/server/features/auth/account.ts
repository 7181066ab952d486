import { msg } from "../../../core/i18n/msg.js";
import { and, eq, getTableName, isNull, ne, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { MeUpdateBody, MyData } from "../../../core/auth.js";
import { FORMER_MEMBER } from "../../../core/members.js";
import type { Executor } from "../../../db/open.js";
import { queryRows } from "../../../db/query.js";
import * as schema from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { intlFor, readerLocale } from "../../i18n/intl.js";
import { AppError, fieldError } from "../../errors.js";
import { hashPassword, verifyPassword } from "../../lib/passwords.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { assertStrongPassword } from "./service.js";
import { clearFailures } from "./throttle.js";

const { emailChanges, memberships, passwordResets, people, sessions, signInLinks, users } = schema;

const EMAIL_CHANGE_HOURS = 24;

/**
 * Checks the account's current password. An account made from an invitation or an e-mail link has
 * none: it may add one without (`adding`), and must add one before it changes its e-mail address or
 * deletes itself.
 */
async function assertCurrentPassword(
  tx: Executor,
  actor: Actor,
  password: string | undefined,
  adding = false,
): Promise<void> {
  const [user] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (user?.hash === null) {
    if (adding) return;
    throw fieldError(
      "currentPassword",
      msg({
        id: "server.auth.yourAccountHasNoPassword",
        defaultMessage: "your account has no password yet: add one on this page first",
      }),
    );
  }
  if (!password)
    throw fieldError(
      "currentPassword",
      msg({
        id: "server.auth.isRequiredToChangeThe",
        defaultMessage: "is required to change the password: type your current password",
      }),
    );
  if (!user?.hash || !(await verifyPassword(password, user.hash))) {
    throw fieldError(
      "currentPassword",
      msg({
        id: "server.auth.isNotYourCurrentPassword",
        defaultMessage: "is not your current password; type it again",
      }),
    );
  }
}

/** Renames the account (and its person), or changes its password, which ends the other sessions. */
export async function updateMe(deps: AppDeps, actor: Actor, body: MeUpdateBody, sessionToken: string) {
  await deps.db.transaction(async (tx) => {
    const name = body.name ?? actor.name;
    if (body.newPassword !== undefined) {
      await assertCurrentPassword(tx, actor, body.currentPassword, true);
      await assertStrongPassword(body.newPassword, { email: actor.email, name }, "newPassword");
      await tx
        .update(users)
        .set({ passwordHash: await hashPassword(body.newPassword) })
        .where(eq(users.id, actor.userId));
      // Whoever knew the old password is signed out everywhere but here.
      await tx
        .delete(sessions)
        .where(and(eq(sessions.userId, actor.userId), ne(sessions.tokenHash, hashToken(sessionToken))));
      await tx
        .update(passwordResets)
        .set({ usedAt: deps.now() })
        .where(and(eq(passwordResets.userId, actor.userId), isNull(passwordResets.usedAt)));
    }
    if (body.name !== undefined) {
      await tx.update(users).set({ name: body.name }).where(eq(users.id, actor.userId));
      await tx.update(people).set({ name: body.name }).where(eq(people.id, actor.personId));
    }
    if (body.locale !== undefined)
      await tx.update(users).set({ locale: body.locale }).where(eq(users.id, actor.userId));
  });
  // The new name, and the other sessions gone, in this process at once (others hear the notice).
  deps.sessions?.forgetUser(actor.userId);
  // Conveners' names appear on public profiles.
  if (body.name !== undefined) deps.answers.invalidate();
}

/** Mails a confirmation link to the new address; the address changes only when it is opened. */
export async function requestEmailChange(deps: AppDeps, actor: Actor, email: string, password: string) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await assertCurrentPassword(tx, actor, password);
    if (email === actor.email)
      throw fieldError(
        "email",
        msg({
          id: "server.auth.isAlreadyYourAddressType",
          defaultMessage: "is already your address; type the new one",
        }),
      );
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (taken)
      throw fieldError(
        "email",
        msg({
          id: "server.auth.isUsedByAnotherAccount",
          defaultMessage: "is used by another account; choose another address",
        }),
      );
    // Only the newest request counts.
    await tx
      .update(emailChanges)
      .set({ usedAt: now })
      .where(and(eq(emailChanges.userId, actor.userId), isNull(emailChanges.usedAt)));
    const { token, hash } = newToken();
    await tx.insert(emailChanges).values({
      tokenHash: hash,
      userId: actor.userId,
      newEmail: email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + EMAIL_CHANGE_HOURS * 3_600_000),
    });
    // Both in the language of the account the change is for.
    const lang = readerLocale(actor.locale);
    const intl = intlFor(lang);
    await deps.mailer.enqueue(tx, {
      to: email,
      lang,
      subject: intl.formatMessage({
        id: "mail.emailChange.confirmSubject",
        defaultMessage: "Confirm your new Shared Table e-mail address",
      }),
      text: intl.formatMessage(
        {
          id: "mail.emailChange.confirmBody",
          defaultMessage:
            "Hello {name},\n\nTo use this address for your Shared Table account, open this link within " +
            "{hours} hours:\n\n{link}\n\n" +
            "Until then your account keeps its current address. If you did not ask for this, ignore this message.\n",
        },
        { name: actor.name, hours: EMAIL_CHANGE_HOURS, link: `${deps.config.publicUrl}/me/email/${token}` },
      ),
    });
    await deps.mailer.enqueue(tx, {
      to: actor.email,
      lang,
      subject: intl.formatMessage({
        id: "mail.emailChange.noticeSubject",
        defaultMessage: "Your Shared Table e-mail address is about to change",
      }),
      text: intl.formatMessage(
        {
          id: "mail.emailChange.noticeBody",
          defaultMessage:
            "Hello {name},\n\nSomeone signed in to your account asked to change its e-mail address. " +
            "The change happens only when the link sent to the new address is opened. If this was not you, " +
            "change your password now.\n",
        },
        { name: actor.name },
      ),
    });
  });
  deps.mailer.deliverSoon();
}

export async function confirmEmailChange(deps: AppDeps, token: string): Promise<{ email: string }> {
  const now = deps.now();
  const { userId, email } = await deps.db.transaction(async (tx) => {
    const [change] = await tx
      .update(emailChanges)
      .set({ usedAt: now })
      .where(
        and(
          eq(emailChanges.tokenHash, hashToken(token)),
          isNull(emailChanges.usedAt),
          sql`${emailChanges.expiresAt} > ${now.toISOString()}`,
        ),
      )
      .returning({ userId: emailChanges.userId, newEmail: emailChanges.newEmail });
    const [user] = change
      ? await tx
          .select({ email: users.email })
          .from(users)
          .where(and(eq(users.id, change.userId), isNull(users.deletedAt)))
      : [];
    if (!change || !user) {
      throw new AppError(
        "gone",
        msg({
          id: "server.auth.thisConfirmationLinkHasExpired",
          defaultMessage:
            "This confirmation link has expired, was already used, or a newer one was sent. Ask again from your account page.",
        }),
      );
    }
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, change.newEmail));
    if (taken) {
      throw new AppError(
        "conflict",
        msg({
          id: "server.auth.anotherAccountStartedUsingThis",
          defaultMessage:
            "Another account started using this address meanwhile. Choose another address on your account page.",
        }),
      );
    }
    await tx.update(users).set({ email: change.newEmail }).where(eq(users.id, change.userId));
    await tx.update(people).set({ email: change.newEmail }).where(eq(people.userId, change.userId));
    await clearFailures(tx, user.email);
    return { userId: change.userId, email: change.newEmail };
  });
  deps.sessions?.forgetUser(userId);
  return { email };
}

/** Ends every session of the account but the caller's own; answers how many ended. */
export async function endOtherSessions(deps: AppDeps, actor: Actor, sessionToken: string): Promise<number> {
  const ended = await deps.db
    .delete(sessions)
    .where(and(eq(sessions.userId, actor.userId), ne(sessions.tokenHash, hashToken(sessionToken))))
    .returning({ tokenHash: sessions.tokenHash });
  deps.sessions?.forgetUser(actor.userId);
  return ended.length;
}

/** Columns that are secrets or file bytes, never exported (a token's hash still opens nothing, but is no one's data). */
const NOT_EXPORTED = new Set([
  "token_hash",
  "password_hash",
  "bytes",
  // A work-account sign-in's secrets (sso_logins), kept only while it is under way.
  "state_hash",
  "code_verifier",
  "nonce",
  "browser_hash",
]);

/** Every table with a column that points at the account or the person, found from the schema itself. */
function tablesAboutMe(): { table: PgTable; name: string; column: string; target: "users" | "people" }[] {
  const out: { table: PgTable; name: string; column: string; target: "users" | "people" }[] = [];
  for (const value of Object.values(schema)) {
    if (!(value instanceof PgTable)) continue;
    const config = getTableConfig(value);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const target = getTableName(ref.foreignTable);
      if ((target === "users" || target === "people") && ref.columns.length === 1) {
        out.push({ table: value, name: config.name, column: ref.columns[0].name, target });
      }
    }
  }
  return out;
}

export async function exportMyData(deps: AppDeps, actor: Actor): Promise<MyData> {
  const db = deps.db;
  const [account] = await db.select().from(users).where(eq(users.id, actor.userId));
  const [person] = await db.select().from(people).where(eq(people.id, actor.personId));
  const other: Record<string, Record<string, unknown>[]> = {};
  for (const { name, column, target } of tablesAboutMe()) {
    if (name === "sessions" || name === "people") continue;
    const id = target === "users" ? actor.userId : actor.personId;
    const rows = await queryRows<{ row: Record<string, unknown> }>(
      db,
      sql`select to_jsonb(t) as row from ${sql.identifier(name)} t where ${sql.identifier(column)} = ${id}`,
    );
    if (!rows.length) continue;
    other[name] = [
      ...(other[name] ?? []),
      ...rows.map(({ row }) => Object.fromEntries(Object.entries(row).filter(([k]) => !NOT_EXPORTED.has(k)))),
    ];
  }
  const ballots = await queryRows<Record<string, unknown>>(
    db,
    sql`select b.id, b.round_id, r.partnership_id, b.created_at, b.updated_at,
               coalesce((select jsonb_agg(to_jsonb(e) - 'ballot_id') from ballot_entries e where e.ballot_id = b.id), '[]') as entries
        from ballots b join vote_rounds r on r.id = b.round_id where b.person_id = ${actor.personId}
        order by b.created_at`,
  );
  const take = (name: string) => {
    const rows = other[name] ?? [];
    delete other[name];
    return rows;
  };
  delete other.ballots;
  const threads = take("discussion_threads").map((t) => ({ kind: "thread", ...t }));
  const replies = take("discussion_replies").map((r) => ({ kind: "reply", ...r }));
  return {
    exportedAt: deps.now().toISOString(),
    account: {
      id: account.id,
      email: account.email,
      name: account.name,
      isAdmin: account.isAdmin,
      createdAt: account.createdAt.toISOString(),
    },
    person: { id: person.id, name: person.name, email: person.email, title: person.title },
    memberships: take("memberships"),
    ballots,
    attendance: take("meeting_attendance"),
    posts: [...threads, ...replies],
    other,
  };
}

/**
 * Erases the person's personal data and ends the account: the name becomes "Former member", the
 * address is replaced by one that reaches no one, sessions and pending links end, memberships
 * close. What they contributed (posts, ballots, attendance, actions) stays, under the new name.
 */
export async function deleteMe(deps: AppDeps, actor: Actor, password: string): Promise<void> {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await assertCurrentPassword(tx, actor, password);
    const alone = await queryRows<{ name: string }>(
      tx,
      sql`select p.name from memberships m join partnerships p on p.id = m.partnership_id
          where m.person_id = ${actor.personId} and m.role = 'convener' and m.left_at is null
            and p.deleted_at is null
            and not exists (select 1 from memberships o where o.partnership_id = m.partnership_id
                            and o.role = 'convener' and o.left_at is null and o.person_id <> m.person_id)
          order by p.name`,
    );
    if (alone.length) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.auth.lastConvener",
            defaultMessage:
              "You are the last convener of {names}. Hand over first: make another member a convener of {count, plural, one {it} other {each}}, then delete your account.",
          },
          { names: alone.map((a) => a.name).join(", "), count: alone.length },
        ),
      );
    }
    await tx
      .update(users)
      .set({
        email: `deleted-${actor.userId}@invalid`,
        name: FORMER_MEMBER,
        passwordHash: "!",
        isAdmin: false,
        deletedAt: now,
      })
      .where(eq(users.id, actor.userId));
    await tx
      .update(people)
      .set({ name: FORMER_MEMBER, email: null, title: null })
      .where(eq(people.id, actor.personId));
    await tx
      .update(memberships)
      .set({ leftAt: now })
      .where(and(eq(memberships.personId, actor.personId), isNull(memberships.leftAt)));
    for (const table of [sessions, schema.apiTokens, passwordResets, signInLinks, emailChanges]) {
      await tx.delete(table).where(eq(table.userId, actor.userId));
    }
    // Linked work accounts name the person (their address at the provider) and would sign in.
    await tx.delete(schema.userIdentities).where(eq(schema.userIdentities.userId, actor.userId));
    await tx.delete(schema.ssoLogins).where(eq(schema.ssoLogins.linkUserId, actor.userId));
    for (const table of [
      schema.notifications,
      schema.mailPreferences,
      schema.follows,
      schema.threadFollows,
      schema.directoryListings,
      // The private calendar feed: its address must stop working with the account.
      schema.meetingFeeds,
    ]) {
      await tx.delete(table).where(eq(table.userId, actor.userId));
    }
    await clearFailures(tx, actor.email);
  });
  deps.sessions?.forgetUser(actor.userId);
  deps.answers.invalidate();
}
