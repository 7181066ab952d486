import { msg } from "../../../core/i18n/msg.js";
import { and, count, desc, eq, sql } from "drizzle-orm";
import {
  DISCUSSIONS_PAGE_SIZE,
  REPLIES_PAGE_SIZE,
  mentionedUserIds,
  type DiscussionCategory,
} from "../../../core/discussion-categories.js";
import type {
  Reply,
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
import { utcTime } from "../../lib/sql.js";
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
  if (!row || (row.hidden && !canModerate(actor)))
    throw notFound(
      msg({
        id: "server.discussions.theDiscussionNotFound",
        defaultMessage: "The discussion was not found.",
      }),
    );
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

/** A reply as the statements build it (timestamps already ISO text). */
interface ReplyRow {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
}

/** A thread's summary as the page's statement builds it. */
interface ThreadJson {
  id: string;
  title: string;
  category: DiscussionCategory;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: string;
  lastReplyAt: string;
  replyCount: number;
  locked: boolean;
  hidden: boolean;
}

/** The JSON of one reply row `r` with its author `u`. */
const replyJson = sql`json_build_object(
  'id', r.id, 'authorId', r.author_id, 'authorName', u.name, 'body', r.body,
  'createdAt', r.created_at, 'editedAt', r.edited_at, 'hidden', r.hidden)`;

function toReply(actor: Actor, threadId: string, reply: ReplyRow, now: Date): Reply {
  return {
    id: reply.id,
    threadId,
    author: { id: reply.authorId, name: reply.authorName },
    body: reply.body,
    html: renderPost(reply.body),
    createdAt: utcTime(reply.createdAt),
    editedAt: reply.editedAt === null ? null : utcTime(reply.editedAt),
    hidden: reply.hidden,
    editableUntil:
      editableUntil(
        actor,
        { authorId: reply.authorId, createdAt: new Date(reply.createdAt) },
        now,
      )?.toISOString() ?? null,
  };
}

/**
 * A thread with one page of its replies, in one statement: the thread (if the caller may see
 * it), the replies they may see counted, the page chosen (see `threadPageQuery`), and, for a
 * follower, the thread marked read up to the newest reply shown (not "now": a reply stamped
 * earlier but committed after this read is still new for them later).
 */
export async function getThread(
  deps: AppDeps,
  actor: Actor,
  id: string,
  page?: number,
): Promise<ThreadDetail> {
  const moderator = canModerate(actor);
  const now = deps.now();
  const size = REPLIES_PAGE_SIZE;
  // The replies the caller may see, by the thread's id itself (an index range the planner sees;
  // what it finds for a thread they may not see is never shown: that is a 404).
  const visible = sql`r.thread_id = ${id} ${moderator ? sql`` : sql`and not r.hidden`}`;
  const [row] = await queryRows<{
    thread: ThreadJson | null;
    page: number;
    total: number;
    following: boolean;
    replies: ReplyRow[];
  }>(
    deps.db,
    sql`
    with thread as (
      select t.* from discussion_threads t where t.id = ${id} ${moderator ? sql`` : sql`and not t.hidden`}
    ),
    follow as (
      select f.last_read_at from thread_follows f
      where f.thread_id = (select id from thread) and f.user_id = ${actor.userId}
    ),
    counted as (
      select count(*)::int as total,
             count(*) filter (where r.created_at <= (select last_read_at from follow))::int as read
      from discussion_replies r where ${visible}
    ),
    chosen as (
      select coalesce(${page ?? null}::int,
               case when exists (select 1 from follow)
                    then least(c.read / ${size} + 1, greatest(1, (c.total + ${size} - 1) / ${size}))
                    else 1 end) as page
      from counted c
    ),
    shown as (
      select r.id, r.created_at from discussion_replies r where ${visible}
      order by r.created_at, r.id
      limit ${size} offset (select (page - 1) * ${size} from chosen)
    ),
    read_to as (
      select coalesce((select max(created_at) from shown), (select created_at from thread)) as at
    ),
    -- Only a follower who reads further than before is written: reading a page again changes
    -- nothing, and a statement that writes nothing commits without waiting for the disk.
    seen as (
      update thread_follows f
         set last_read_at = (select at from read_to)
       where f.thread_id = (select id from thread) and f.user_id = ${actor.userId}
         and (f.last_read_at is null or f.last_read_at < (select at from read_to))
      returning f.user_id
    )
    select
      (select json_build_object(
         'id', t.id, 'title', t.title, 'category', t.category, 'authorId', t.author_id, 'authorName', a.name,
         'body', t.body, 'createdAt', t.created_at, 'lastReplyAt', t.last_reply_at, 'replyCount', t.reply_count,
         'locked', t.locked, 'hidden', t.hidden)
       from thread t join users a on a.id = t.author_id) as thread,
      (select page from chosen) as page,
      (select total from counted) as total,
      -- (seen runs whether or not it is read: PostgreSQL runs every writing WITH once.)
      exists (select 1 from follow) as following,
      (select coalesce(json_agg(${replyJson} order by r.created_at, r.id), '[]'::json)
         from shown s join discussion_replies r on r.id = s.id join users u on u.id = r.author_id) as replies`,
  );
  const thread = row?.thread;
  if (!row || !thread)
    throw notFound(
      msg({
        id: "server.discussions.theDiscussionNotFound2",
        defaultMessage: "The discussion was not found.",
      }),
    );
  return {
    id: thread.id,
    title: thread.title,
    category: thread.category,
    author: { id: thread.authorId, name: thread.authorName },
    createdAt: utcTime(thread.createdAt),
    lastReplyAt: utcTime(thread.lastReplyAt),
    replyCount: thread.replyCount,
    locked: thread.locked,
    hidden: thread.hidden,
    body: thread.body,
    html: renderPost(thread.body),
    following: row.following,
    permissions: { reply: !thread.locked, moderate: moderator },
    replies: row.replies.map((reply) => toReply(actor, thread.id, reply, now)),
    replyPage: { page: row.page, pageSize: size, total: row.total },
  };
}

export async function addReply(deps: AppDeps, actor: Actor, threadId: string, input: ReplyBody) {
  const lockedNote = "This discussion is locked by a moderator; it takes no new replies.";
  const written = await deps.db.transaction(async (tx) => {
    const thread = await findThread(tx, actor, threadId);
    if (thread.locked) throw new AppError("conflict", lockedNote);
    const now = deps.now();
    const [reply] = await tx
      .insert(discussionReplies)
      .values({ threadId: thread.id, authorId: actor.userId, body: input.body, createdAt: now })
      .returning({ id: discussionReplies.id });
    if (!reply) throw new Error("reply insert returned nothing");
    const about = { threadId: thread.id, title: thread.title, replyId: reply.id };
    const mentioned = await tellMentioned(deps, tx, actor, about, input.body, []);
    await tellFollowers(deps, tx, actor, about, input.body, [actor.userId, ...mentioned]);
    // Replying follows the thread, and is done with it open: it is read up to this reply. Late
    // in the transaction, since it locks the author's follow row, which their own reading of
    // the thread updates too (it waited for the whole of the reply's work).
    await tx
      .insert(threadFollows)
      .values({ threadId: thread.id, userId: actor.userId, lastReadAt: now })
      .onConflictDoUpdate({
        target: [threadFollows.threadId, threadFollows.userId],
        set: { lastReadAt: sql`greatest(${threadFollows.lastReadAt}, ${now.toISOString()}::timestamptz)` },
      });
    // The thread's row is taken last, by this update, so replies to a busy thread wait for one
    // another only from here to their commit (taken first, they queued for the whole of each
    // other's work, each holding a connection); the update still counts every reply once, and a
    // lock by a moderator in the meantime refuses the reply with all it wrote.
    const [counted] = await tx
      .update(discussionThreads)
      .set({
        lastReplyAt: sql`greatest(${discussionThreads.lastReplyAt}, ${now.toISOString()}::timestamptz)`,
        replyCount: sql`${discussionThreads.replyCount} + 1`,
      })
      .where(and(eq(discussionThreads.id, thread.id), eq(discussionThreads.locked, false)))
      .returning({ id: discussionThreads.id });
    if (!counted) throw new AppError("conflict", lockedNote);
    return { threadId: thread.id, replyId: reply.id };
  });
  deps.mailer.deliverSoon();
  // Read after the commit, so that the thread's row is not held for it; the reply is the
  // caller's, just written: no visibility check.
  return toReply(actor, written.threadId, await replyRow(deps.db, written.replyId), deps.now());
}

async function replyRow(db: Executor, replyId: string): Promise<ReplyRow> {
  const [row] = await queryRows<{ reply: ReplyRow }>(
    db,
    sql`select ${replyJson} as reply from discussion_replies r join users u on u.id = r.author_id
        where r.id = ${replyId}`,
  );
  if (!row)
    throw notFound(
      msg({ id: "server.discussions.theReplyNotFound", defaultMessage: "The reply was not found." }),
    );
  return row.reply;
}

async function replyById(deps: AppDeps, actor: Actor, replyId: string): Promise<Reply> {
  const { reply } = await findReply(deps.db, actor, replyId);
  return toReply(actor, reply.threadId, await replyRow(deps.db, reply.id), deps.now());
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
  if (!row || ((row.reply.hidden || row.thread.hidden) && !moderator))
    throw notFound(
      msg({ id: "server.discussions.theReplyNotFound2", defaultMessage: "The reply was not found." }),
    );
  return row;
}

export async function editReply(deps: AppDeps, actor: Actor, replyId: string, input: ReplyBody) {
  await deps.db.transaction(async (tx) => {
    const { reply, thread } = await findReply(tx, actor, replyId, true);
    if (reply.authorId !== actor.userId)
      throw new AppError(
        "forbidden",
        msg({
          id: "server.discussions.onlyTheAuthorMayEdit",
          defaultMessage: "Only the author may edit a reply.",
        }),
      );
    if (!editableUntil(actor, reply, deps.now())) {
      throw new AppError(
        "forbidden",
        msg({
          id: "server.discussions.aReplyMayBeEdited",
          defaultMessage:
            "A reply may be edited for 15 minutes after posting; this one stands as posted. Add a new reply instead.",
        }),
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
