import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { DigestChoice } from "../../../core/discussion-categories.js";
import type { NotificationList, Preferences, PreferencesChange } from "../../../core/discussions.js";
import { mailListPreference, type MailList } from "../../../core/mail-lists.js";
import type { Executor } from "../../../db/open.js";
import { mailPreferences, notifications } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";

const LIST_SIZE = 50;

export async function listNotifications(deps: AppDeps, actor: Actor): Promise<NotificationList> {
  const [rows, [unread]] = await Promise.all([
    deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, actor.userId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(LIST_SIZE),
    deps.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.userId), eq(notifications.read, false))),
  ]);
  return {
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      title: n.title,
      link: n.link,
      read: n.read,
      createdAt: n.createdAt.toISOString(),
    })),
    unread: unread?.n ?? 0,
  };
}

/** Marks the caller's notifications read: the ones named, or all; others' ids are ignored. */
export async function markRead(deps: AppDeps, actor: Actor, ids: string[] | undefined) {
  await deps.db
    .update(notifications)
    .set({ read: true })
    .where(and(eq(notifications.userId, actor.userId), ids ? inArray(notifications.id, ids) : undefined));
  const [unread] = await deps.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), eq(notifications.read, false)));
  return { unread: unread?.n ?? 0 };
}

/** Weekly unless the person chose otherwise. */
export async function digestChoice(db: Executor, userId: string): Promise<DigestChoice> {
  const [row] = await db
    .select({ digest: mailPreferences.digest })
    .from(mailPreferences)
    .where(eq(mailPreferences.userId, userId));
  return row?.digest ?? "weekly";
}

type PreferenceRow = typeof mailPreferences.$inferSelect;
const defaults = {
  digest: "weekly",
  mentions: true,
  replies: true,
  eventReminders: true,
  votes: true,
} as const;

const toPreferences = (row: PreferenceRow | undefined): Preferences =>
  row
    ? {
        digest: row.digest,
        mentions: row.mentionMail,
        replies: row.replyMail,
        eventReminders: row.eventReminderMail,
        votes: row.voteMail,
      }
    : { ...defaults };

/** A weekly digest and every kind of mail on, unless the person chose otherwise. */
export async function getPreferences(db: Executor, userId: string): Promise<Preferences> {
  const [row] = await db.select().from(mailPreferences).where(eq(mailPreferences.userId, userId));
  return toPreferences(row);
}

/** Changes only what `change` names; answers the preferences as they are now. */
export async function updatePreferences(
  db: Executor,
  userId: string,
  change: PreferencesChange,
  now: Date,
): Promise<Preferences> {
  const set = {
    ...(change.digest !== undefined && { digest: change.digest }),
    ...(change.mentions !== undefined && { mentionMail: change.mentions }),
    ...(change.replies !== undefined && { replyMail: change.replies }),
    ...(change.eventReminders !== undefined && { eventReminderMail: change.eventReminders }),
    ...(change.votes !== undefined && { voteMail: change.votes }),
    updatedAt: now,
  };
  const [row] = await db
    .insert(mailPreferences)
    .values({ userId, ...set })
    .onConflictDoUpdate({ target: mailPreferences.userId, set })
    .returning();
  return toPreferences(row);
}

/** Turns one list off: the digest to "none", the others to false. */
export function unsubscribeFrom(db: Executor, userId: string, list: MailList, now: Date) {
  return updatePreferences(
    db,
    userId,
    list === "digest" ? { digest: "none" } : { [mailListPreference[list]]: false },
    now,
  );
}

const listColumn = {
  mentions: mailPreferences.mentionMail,
  replies: mailPreferences.replyMail,
  "event-reminders": mailPreferences.eventReminderMail,
  votes: mailPreferences.voteMail,
} as const;

/**
 * Of `userIds`, the ones who did not switch `list` off, in one query for all of them (a person
 * without a row of preferences gets every kind of mail).
 */
export async function wantingMail(
  db: Executor,
  userIds: string[],
  list: Exclude<MailList, "digest">,
): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const off = await db
    .select({ userId: mailPreferences.userId })
    .from(mailPreferences)
    .where(and(inArray(mailPreferences.userId, userIds), eq(listColumn[list], false)));
  const refused = new Set(off.map((r) => r.userId));
  return new Set(userIds.filter((id) => !refused.has(id)));
}
