import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { DigestChoice } from "../../../core/discussion-categories.js";
import type { NotificationList } from "../../../core/discussions.js";
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
  const [row] = await db.select().from(mailPreferences).where(eq(mailPreferences.userId, userId));
  return row?.digest ?? "weekly";
}

export async function setDigestChoice(db: Executor, userId: string, digest: DigestChoice, now: Date) {
  await db
    .insert(mailPreferences)
    .values({ userId, digest, updatedAt: now })
    .onConflictDoUpdate({ target: mailPreferences.userId, set: { digest, updatedAt: now } });
  return { digest };
}
