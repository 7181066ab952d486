import { and, count, desc, eq, sql } from "drizzle-orm";
import {
  DISCUSSIONS_PAGE_SIZE,
  mentionedUserIds,
  type DiscussionCategory,
} from "../../../core/discussion-categories.js";
import type {
  ReplyBody,
  ThreadBody,
  ThreadDetail,
  ThreadList,
  ThreadSummary,
} from "../../../core/discussions.js";
import type { Executor } from "../../../db/open.js";
import { discussionReplies, discussionThreads, threadFollows, users } from "../../../db/schema/index.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { isoTimestamp } from "../../lib/sql.js";
import { canModerate, editableUntil } from "./policy.js";
import { renderPost } from "./mentions.js";
import { tellFollowers, tellMentioned } from "./tell.js";

type ThreadRow = typeof discussionThreads.$inferSelect;

/** A thread the caller may know of: hidden threads exist only for moderators. */
export async function findThread(
  tx: Executor,
  actor: Actor | null,
  id: string,
  lock = false,
): Promise<ThreadRow> {
  const query = tx.select().from(discussionThreads).where(eq(discussionThreads.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row || (row.hidden && !canModerate(actor))) throw notFound("The discussion");
  return row;
}

function summary(row: ThreadRow, authorName: string): ThreadSummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category as DiscussionCategory,
    author: { id: row.authorId, name: authorName },
    createdAt: row.createdAt.toISOString(),
    lastReplyAt: row.lastReplyAt.toISOString(),
    replyCount: row.replyCount,
    locked: row.locked,
    hidden: row.hidden,
  };
}

export async function listThreads(
  deps: AppDeps,
  actor: Actor,
  query: { category?: DiscussionCategory; page: number },
): Promise<ThreadList> {
  const visible = canModerate(actor) ? undefined : eq(discussionThreads.hidden, false);
  const where = and(visible, query.category ? eq(discussionThreads.category, query.category) : undefined);
  const [rows, [total], categories] = await Promise.all([
    deps.db
      .select({ thread: discussionThreads, authorName: users.name })
      .from(discussionThreads)
      .innerJoin(users, eq(users.id, discussionThreads.authorId))
      .where(where)
      .orderBy(desc(discussionThreads.lastReplyAt), desc(discussionThreads.id))
      .limit(DISCUSSIONS_PAGE_SIZE)
      .offset((query.page - 1) * DISCUSSIONS_PAGE_SIZE),
    deps.db.select({ n: count() }).from(discussionThreads).where(where),
    deps.db
      .select({ category: discussionThreads.category, threads: count() })
      .from(discussionThreads)
      .where(visible)
      .groupBy(discussionThreads.category),
  ]);
  return {
    items: rows.map((r) => summary(r.thread, r.authorName)),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: DISCUSSIONS_PAGE_SIZE,
    categories: categories.map((c) => ({ category: c.category as DiscussionCategory, threads: c.threads })),
  };
}

export async function createThread(deps: AppDeps, actor: Actor, input: ThreadBody): Promise<ThreadDetail> {
  const id = await deps.db.transaction(async (tx) => {
    const now = deps.now();
    const [row] = await tx
      .insert(discussionThreads)
      .values({ ...input, authorId: actor.userId, createdAt: now, lastReplyAt: now })
      .returning({ id: discussionThreads.id });
    if (!row) throw new Error("thread insert returned nothing");
    // The author hears about replies to their own question.
    await tx.insert(threadFollows).values({ threadId: row.id, userId: actor.userId });
    await tellMentioned(deps, tx, actor, { threadId: row.id, title: input.title }, input.body, []);
    return row.id;
  });
  deps.mailer.deliverSoon();
  return getThread(deps, actor, id);
}

/** A reply of a thread's page as the statement builds it (timestamps already ISO text). */
interface ReplyRow {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
}

export async function getThread(deps: AppDeps, actor: Actor, id: string): Promise<ThreadDetail> {
  const thread = await findThread(deps.db, actor, id);
  const moderator = canModerate(actor);
  const now = deps.now();
  // The replies come as one JSON value: a long thread (2,000 replies) spent more time turning
  // rows into objects than PostgreSQL spent finding them.
  const [[author], [{ replies }]] = await Promise.all([
    deps.db.select({ name: users.name }).from(users).where(eq(users.id, thread.authorId)),
    queryRows<{ replies: ReplyRow[] }>(
      deps.db,
      sql`select coalesce(json_agg(json_build_object(
            'id', r.id, 'authorId', r.author_id, 'authorName', u.name, 'body', r.body,
            'createdAt', ${isoTimestamp("r.created_at")},
            'editedAt', ${isoTimestamp("r.edited_at")}, 'hidden', r.hidden)
            order by r.created_at, r.id), '[]'::json) as replies
          from discussion_replies r join users u on u.id = r.author_id
          where r.thread_id = ${thread.id} ${moderator ? sql`` : sql`and not r.hidden`}`,
    ),
  ]);
  // Opening the thread marks it read for a follower, up to the newest reply they were shown (not
  // "now": a reply stamped earlier but committed after this read is still new for them later).
  const seenUpTo = replies.at(-1)?.createdAt ?? thread.createdAt.toISOString();
  const [follow] = await deps.db
    .update(threadFollows)
    .set({ lastReadAt: sql`greatest(${threadFollows.lastReadAt}, ${seenUpTo}::timestamptz)` })
    .where(and(eq(threadFollows.threadId, thread.id), eq(threadFollows.userId, actor.userId)))
    .returning({ userId: threadFollows.userId });
  return {
    ...summary(thread, author?.name ?? ""),
    body: thread.body,
    html: renderPost(thread.body),
    following: follow !== undefined,
    permissions: { reply: !thread.locked, moderate: moderator },
    replies: replies.map((reply) => ({
      id: reply.id,
      threadId: thread.id,
      author: { id: reply.authorId, name: reply.authorName },
      body: reply.body,
      html: renderPost(reply.body),
      createdAt: reply.createdAt,
      editedAt: reply.editedAt,
      hidden: reply.hidden,
      editableUntil:
        editableUntil(
          actor,
          { authorId: reply.authorId, createdAt: new Date(reply.createdAt) },
          now,
        )?.toISOString() ?? null,
    })),
  };
}

export async function addReply(deps: AppDeps, actor: Actor, threadId: string, input: ReplyBody) {
  const replyId = await deps.db.transaction(async (tx) => {
    // Locking the thread row orders concurrent replies and keeps reply_count exact.
    const thread = await findThread(tx, actor, threadId, true);
    if (thread.locked) {
      throw new AppError("conflict", "This discussion is locked by a moderator; it takes no new replies.");
    }
    const now = deps.now();
    const [reply] = await tx
      .insert(discussionReplies)
      .values({ threadId: thread.id, authorId: actor.userId, body: input.body, createdAt: now })
      .returning({ id: discussionReplies.id });
    if (!reply) throw new Error("reply insert returned nothing");
    await tx
      .update(discussionThreads)
      .set({ lastReplyAt: now, replyCount: sql`${discussionThreads.replyCount} + 1` })
      .where(eq(discussionThreads.id, thread.id));
    await tx
      .insert(threadFollows)
      .values({ threadId: thread.id, userId: actor.userId })
      .onConflictDoNothing();
    const about = { threadId: thread.id, title: thread.title, replyId: reply.id };
    const mentioned = await tellMentioned(deps, tx, actor, about, input.body, []);
    await tellFollowers(deps, tx, actor, about, input.body, [actor.userId, ...mentioned]);
    return reply.id;
  });
  deps.mailer.deliverSoon();
  return replyById(deps, actor, replyId);
}

async function replyById(deps: AppDeps, actor: Actor, replyId: string) {
  const detail = await getThread(deps, actor, (await findReply(deps.db, actor, replyId)).reply.threadId);
  const reply = detail.replies.find((r) => r.id === replyId);
  if (!reply) throw notFound("The reply");
  return reply;
}

/** A reply the caller may know of, with its thread (hidden ones only for moderators). */
export async function findReply(tx: Executor, actor: Actor | null, replyId: string, lock = false) {
  const query = tx
    .select({ reply: discussionReplies, thread: discussionThreads })
    .from(discussionReplies)
    .innerJoin(discussionThreads, eq(discussionThreads.id, discussionReplies.threadId))
    .where(eq(discussionReplies.id, replyId));
  const [row] = lock ? await query.for("update", { of: discussionReplies }) : await query;
  const moderator = canModerate(actor);
  if (!row || ((row.reply.hidden || row.thread.hidden) && !moderator)) throw notFound("The reply");
  return row;
}

export async function editReply(deps: AppDeps, actor: Actor, replyId: string, input: ReplyBody) {
  await deps.db.transaction(async (tx) => {
    const { reply, thread } = await findReply(tx, actor, replyId, true);
    if (reply.authorId !== actor.userId) throw new AppError("forbidden", "Only the author may edit a reply.");
    if (!editableUntil(actor, reply, deps.now())) {
      throw new AppError(
        "forbidden",
        "A reply may be edited for 15 minutes after posting; this one stands as posted. Add a new reply instead.",
      );
    }
    await tx
      .update(discussionReplies)
      .set({ body: input.body, editedAt: deps.now() })
      .where(eq(discussionReplies.id, reply.id));
    // Only people newly mentioned by the edit are told; the others heard already.
    await tellMentioned(
      deps,
      tx,
      actor,
      { threadId: thread.id, title: thread.title, replyId: reply.id },
      input.body,
      mentionedUserIds(reply.body),
    );
  });
  deps.mailer.deliverSoon();
  return replyById(deps, actor, replyId);
}

export async function setFollow(deps: AppDeps, actor: Actor, threadId: string, follow: boolean) {
  const thread = await findThread(deps.db, actor, threadId);
  if (follow) {
    await deps.db
      .insert(threadFollows)
      .values({ threadId: thread.id, userId: actor.userId })
      .onConflictDoNothing();
  } else {
    await deps.db
      .delete(threadFollows)
      .where(and(eq(threadFollows.threadId, thread.id), eq(threadFollows.userId, actor.userId)));
  }
  return { following: follow };
}
