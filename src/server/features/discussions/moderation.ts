import { and, desc, eq, sql } from "drizzle-orm";
import type { Report } from "../../../core/discussions.js";
import { discussionReplies, discussionReports, discussionThreads, users } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { findReply, findThread } from "./service.js";
import { requireModerator } from "./policy.js";

/** Any signed-in reader may report a thread or a reply they can see. */
export async function reportPost(
  deps: AppDeps,
  actor: Actor,
  target: { threadId: string } | { replyId: string },
  reason: string,
) {
  return deps.db.transaction(async (tx) => {
    const ids =
      "replyId" in target
        ? await findReply(tx, actor, target.replyId).then((r) => ({
            threadId: r.thread.id,
            replyId: r.reply.id,
          }))
        : await findThread(tx, actor, target.threadId).then((t) => ({ threadId: t.id, replyId: null }));
    const [row] = await tx
      .insert(discussionReports)
      .values({ ...ids, reporterId: actor.userId, reason, createdAt: deps.now() })
      .returning({ id: discussionReports.id });
    return { id: row?.id ?? "", received: true };
  });
}

/** Hiding a post resolves its open reports: the moderator has acted on them. */
export async function moderateThread(
  deps: AppDeps,
  actor: Actor,
  threadId: string,
  change: { hidden?: boolean; locked?: boolean },
) {
  requireModerator(actor);
  await deps.db.transaction(async (tx) => {
    const thread = await findThread(tx, actor, threadId, true);
    await tx.update(discussionThreads).set(change).where(eq(discussionThreads.id, thread.id));
    if (change.hidden) {
      await tx
        .update(discussionReports)
        .set({ resolved: true })
        .where(and(eq(discussionReports.threadId, thread.id), sql`${discussionReports.replyId} is null`));
    }
  });
}

export async function moderateReply(deps: AppDeps, actor: Actor, replyId: string, hidden: boolean) {
  requireModerator(actor);
  await deps.db.transaction(async (tx) => {
    const { reply, thread } = await findReply(tx, actor, replyId, true);
    if (reply.hidden === hidden) return;
    await tx.update(discussionReplies).set({ hidden }).where(eq(discussionReplies.id, reply.id));
    // The list's count is of visible replies.
    await tx
      .update(discussionThreads)
      .set({ replyCount: sql`${discussionThreads.replyCount} + ${hidden ? -1 : 1}` })
      .where(eq(discussionThreads.id, thread.id));
    if (hidden) {
      await tx
        .update(discussionReports)
        .set({ resolved: true })
        .where(eq(discussionReports.replyId, reply.id));
    }
  });
}

export async function listReports(deps: AppDeps, actor: Actor): Promise<Report[]> {
  requireModerator(actor);
  const rows = await deps.db
    .select({
      report: discussionReports,
      threadTitle: discussionThreads.title,
      threadBody: discussionThreads.body,
      replyBody: discussionReplies.body,
      reporter: users.name,
    })
    .from(discussionReports)
    .innerJoin(discussionThreads, eq(discussionThreads.id, discussionReports.threadId))
    .leftJoin(discussionReplies, eq(discussionReplies.id, discussionReports.replyId))
    .innerJoin(users, eq(users.id, discussionReports.reporterId))
    .where(eq(discussionReports.resolved, false))
    .orderBy(desc(discussionReports.createdAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.report.id,
    threadId: r.report.threadId,
    threadTitle: r.threadTitle,
    replyId: r.report.replyId,
    excerpt: (r.replyBody ?? r.threadBody).slice(0, 300),
    reporter: r.reporter,
    reason: r.report.reason,
    createdAt: r.report.createdAt.toISOString(),
    resolved: r.report.resolved,
  }));
}

/** People one may mention: those listed in the directory or who have posted in discussions. */
export async function mentionCandidates(deps: AppDeps, q: string) {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return deps.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        sql`${users.name} ilike ${pattern}`,
        sql`(exists (select 1 from directory_listings d where d.user_id = ${users.id} and d.listed)
          or exists (select 1 from discussion_threads t where t.author_id = ${users.id})
          or exists (select 1 from discussion_replies r where r.author_id = ${users.id}))`,
      ),
    )
    .orderBy(users.name)
    .limit(8);
}
