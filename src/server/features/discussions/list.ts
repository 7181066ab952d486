import { sql } from "drizzle-orm";
import { DISCUSSIONS_PAGE_SIZE, type DiscussionCategory } from "../../../core/discussion-categories.js";
import type { ThreadList } from "../../../core/discussions.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { utcTime } from "../../lib/sql.js";
import { canModerate } from "./policy.js";

/**
 * The discussion list in one round trip: threads by latest activity with their authors, the
 * total, and threads per category. The threads are counted once, by category, and the total is
 * the sum over the categories asked about; authors are joined to the page's rows only, and
 * PostgreSQL builds the JSON. Non-moderators never see
 * a hidden thread, nor count one.
 */
export async function listThreads(
  deps: AppDeps,
  actor: Actor,
  query: { category?: DiscussionCategory; page: number },
): Promise<ThreadList> {
  const visible = canModerate(actor) ? sql`true` : sql`not t.hidden`;
  const inCategory = query.category ? sql`t.category = ${query.category}` : sql`true`;
  const [row] = await queryRows<{ list: Omit<ThreadList, "page" | "pageSize"> }>(
    deps.db,
    sql`
    with counts as (
      select t.category, count(*)::int as n from discussion_threads t where ${visible} group by t.category
    ),
    page as (
      select t.id, t.title, t.category, t.author_id, t.created_at, t.last_reply_at, t.reply_count,
             t.locked, t.hidden
      from discussion_threads t
      where ${visible} and ${inCategory}
      order by t.last_reply_at desc, t.id desc
      limit ${DISCUSSIONS_PAGE_SIZE} offset ${(query.page - 1) * DISCUSSIONS_PAGE_SIZE}
    )
    select json_build_object(
      'items', (select coalesce(json_agg(json_build_object(
                  'id', p.id, 'title', p.title, 'category', p.category,
                  'author', json_build_object('id', p.author_id, 'name', u.name),
                  'createdAt', p.created_at, 'lastReplyAt', p.last_reply_at,
                  'replyCount', p.reply_count, 'locked', p.locked, 'hidden', p.hidden)
                  order by p.last_reply_at desc, p.id desc), '[]'::json)
                from page p join users u on u.id = p.author_id),
      'total', (select coalesce(sum(n), 0)::int from counts t where ${inCategory}),
      'categories', (select coalesce(json_agg(json_build_object('category', category, 'threads', n)
                       order by category), '[]'::json) from counts)
    ) as list`,
  );
  const list = row?.list ?? { items: [], total: 0, categories: [] };
  return {
    // Times as JSON writes them (the session's offset), made UTC here for the page's rows only.
    items: list.items.map((item) => ({
      ...item,
      createdAt: utcTime(item.createdAt),
      lastReplyAt: utcTime(item.lastReplyAt),
    })),
    total: list.total,
    page: query.page,
    pageSize: DISCUSSIONS_PAGE_SIZE,
    categories: list.categories,
  };
}
