/**
 * Benchmark: the discussion list over 2,000 threads and 50,000 replies on PostgreSQL, through
 * the API (app.inject, and over HTTP for information) against the best hand-written SQL for the
 * same answer (page of threads with authors, total, threads per category) run directly with
 * `pg`. Target: the API takes at most 1.5 times as long. Also pages of 50 replies of a thread
 * with 2,000 (the first, one in the middle, the last), their Markdown rendered (same target).
 *
 *   npx tsx bench/discussions.ts
 *   BENCH_DATABASE_URL=postgres://...     the server (a database shared_table_bench_discussions
 *                                         is created there and dropped after)
 *   BENCH_DISCUSSIONS_ROUNDS=300          timed requests per case on each side
 */
import pg from "pg";
import { sql } from "drizzle-orm";
import {
  DISCUSSIONS_PAGE_SIZE,
  REPLIES_PAGE_SIZE,
  discussionCategories,
} from "../src/core/discussion-categories.js";
import type { ThreadDetail, ThreadList, ThreadSummary } from "../src/core/discussions.js";
import { openDatabase, type Db } from "../src/db/open.js";
import { queryRows } from "../src/db/query.js";
import { ensureReferenceData } from "../src/db/reference-data.js";
import { benchApp, signUpForBench } from "./app.js";
import { admin, fmt, freePort, printTable, type Row, timePair, withDatabase } from "./lib.js";

const BENCH_DB = "shared_table_bench_discussions";
export const discussionsTarget = 1.5;
const USERS = 1_000;
const THREADS = 2_000;
const REPLIES = 50_000;
/** Replies of the one long thread whose page is timed. */
const LONG_THREAD = 2_000;

export interface DiscussionsBenchResult {
  loadSeconds: number;
  rounds: number;
  cases: { name: string; apiMs: number; sqlMs: number; httpMs: number; ratio: number; total: number }[];
  worst: number;
  threadPages: { name: string; replies: number; total: number; apiMs: number; sqlMs: number; kb: number }[];
}

/**
 * The best single statement for the list: the page (newest activity first, with the author's
 * name), the total and the threads per category, built by PostgreSQL as JSON in one round trip.
 * The threads are counted once, by category; the total is the sum over the categories asked
 * about; authors are joined to the page's rows only. Readers who are not moderators see no
 * hidden thread.
 */
export const listSql = `
with c as (select category, count(*)::int as n from discussion_threads where not hidden group by category),
page as (
  select t.id, t.title, t.category, t.author_id, t.created_at, t.last_reply_at, t.reply_count, t.locked,
         t.hidden
  from discussion_threads t
  where not t.hidden and ($1::text is null or t.category = $1)
  order by t.last_reply_at desc, t.id desc limit ${DISCUSSIONS_PAGE_SIZE} offset $2
)
select json_build_object(
  'items', (select coalesce(json_agg(json_build_object('id', p.id, 'title', p.title, 'category', p.category,
              'author', json_build_object('id', p.author_id, 'name', u.name),
              'createdAt', p.created_at, 'lastReplyAt', p.last_reply_at, 'replyCount', p.reply_count,
              'locked', p.locked, 'hidden', p.hidden) order by p.last_reply_at desc, p.id desc), '[]'::json)
            from page p join users u on u.id = p.author_id),
  'total', (select coalesce(sum(n), 0)::int from c where $1::text is null or category = $1),
  'categories', (select coalesce(json_agg(json_build_object('category', category, 'threads', n)), '[]'::json) from c)
) as list`;

/**
 * The best statement for a page of a thread: the thread with its author, the visible replies
 * counted, and one page of them with their authors, oldest first ($2 = the offset). The page is
 * found by its keys alone, then the replies read: skipping 1,950 whole rows took longer.
 */
const threadSql = `
select json_build_object(
  'id', t.id, 'title', t.title, 'author', a.name, 'body', t.body, 'createdAt', t.created_at,
  'total', (select count(*)::int from discussion_replies r where r.thread_id = t.id and not r.hidden),
  'replies', (select coalesce(json_agg(json_build_object('id', p.id, 'authorId', p.author_id, 'name', u.name,
                'body', p.body, 'createdAt', p.created_at, 'editedAt', p.edited_at, 'hidden', p.hidden)
                order by p.created_at, p.id), '[]'::json)
              from (select r.id from discussion_replies r where r.thread_id = t.id and not r.hidden
                    order by r.created_at, r.id limit ${REPLIES_PAGE_SIZE} offset $2) k
              join discussion_replies p on p.id = k.id join users u on u.id = p.author_id)
) as page
from discussion_threads t join users a on a.id = t.author_id where t.id = $1`;

function median(samples: readonly number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Users, threads in every category (1 in 100 hidden by a moderator) and replies (1 in 50 hidden),
 * made by the server in a few statements; reply counts and last activity are then set from the
 * replies, as the app keeps them. The first thread gets LONG_THREAD replies.
 */
async function seed(db: Db): Promise<string> {
  await db.execute(sql`
    insert into users (email, name, password_hash)
    select 'bench-' || i || '@example.org', 'Practitioner ' || i, 'x' from generate_series(1, ${USERS}) i`);
  await db.execute(sql`
    insert into discussion_threads (title, category, author_id, body, hidden, created_at, last_reply_at)
    select 'Question ' || i || ' about sector partnerships',
      (${sql.raw(`array[${discussionCategories.map((c) => `'${c}'`).join(",")}]`)})[1 + i % ${discussionCategories.length}],
      u.id, 'How did your partnership handle **question ' || i || '**?', i % 100 = 7,
      now() - make_interval(days => 400) + make_interval(mins => i * 17),
      now() - make_interval(days => 400) + make_interval(mins => i * 17)
    from generate_series(1, ${THREADS}) i
    join (select id, row_number() over (order by email) as n from users) u on u.n = 1 + (i * 7) % ${USERS}`);
  await db.execute(sql`
    with t as (select id, created_at, row_number() over (order by created_at) as n from discussion_threads),
    u as (select id, row_number() over (order by email) as n from users)
    insert into discussion_replies (thread_id, author_id, body, hidden, created_at)
    select t.id, u.id, 'Reply ' || i || ': what worked for us was asking a *business champion* first.',
      i % 50 = 3, t.created_at + make_interval(mins => 1 + (i * 37) % 500000)
    from generate_series(1, ${REPLIES}) i
    join t on t.n = case when i <= ${LONG_THREAD} then 1 else 2 + (i * 7919) % ${THREADS - 1} end
    join u on u.n = 1 + (i * 13) % ${USERS}`);
  await db.execute(sql`
    update discussion_threads t set reply_count = r.n, last_reply_at = r.last
    from (select thread_id, count(*) filter (where not hidden)::int as n,
                 max(created_at) filter (where not hidden) as last
          from discussion_replies group by thread_id) r
    where r.thread_id = t.id and r.last is not null`);
  await db.execute(sql`analyze`);
  const [first] = await queryRows<{ id: string }>(
    db,
    sql`select id from discussion_threads order by created_at limit 1`,
  );
  if (!first) throw new Error("no thread was made");
  return first.id;
}

/** The fields of a summary, the same way round whether they came from the API or from SQL. */
function normalize(item: ThreadSummary) {
  return {
    ...item,
    createdAt: new Date(item.createdAt).toISOString(),
    lastReplyAt: new Date(item.lastReplyAt).toISOString(),
  };
}

function sameAnswer(api: ThreadList, direct: Omit<ThreadList, "page" | "pageSize">): string | null {
  if (api.total !== Number(direct.total)) return `total ${api.total} against ${direct.total}`;
  const a = JSON.stringify(api.items.map(normalize));
  const b = JSON.stringify(direct.items.map(normalize));
  if (a !== b) return `the page differs:\n  API ${a.slice(0, 300)}\n  SQL ${b.slice(0, 300)}`;
  const byCategory = (list: ThreadList["categories"]) =>
    JSON.stringify([...list].sort((x, y) => x.category.localeCompare(y.category)));
  if (byCategory(api.categories) !== byCategory(direct.categories)) return "the category counts differ";
  if (api.items.length !== DISCUSSIONS_PAGE_SIZE) return `a page of ${api.items.length} threads`;
  return null;
}

export async function benchDiscussions(baseUrl: string, rounds = 300): Promise<DiscussionsBenchResult> {
  const url = withDatabase(baseUrl, BENCH_DB);
  console.log(`Creating database ${BENCH_DB} ...`);
  await admin(baseUrl, `drop database if exists ${BENCH_DB} with (force)`);
  await admin(baseUrl, `create database ${BENCH_DB}`);
  const database = await openDatabase({ url });
  const client = new pg.Client({ connectionString: url });
  try {
    await ensureReferenceData(database.db);
    const started = performance.now();
    const longThreadId = await seed(database.db);
    const loadSeconds = (performance.now() - started) / 1000;
    console.log(
      `  ${fmt(THREADS)} threads, ${fmt(REPLIES)} replies, ${fmt(USERS)} users made in ${fmt(loadSeconds, 1)} s`,
    );

    const { app } = await benchApp(database, url);
    try {
      // A practitioner (not a moderator) signed up the ordinary way.
      const { headers } = await signUpForBench(app, database.db, "Bench Reader");
      await client.connect();
      const port = await freePort();
      await app.listen({ port, host: "127.0.0.1" });

      const cases = [
        { name: "first page", query: "", category: null, page: 1 },
        {
          name: "category manufacturing",
          query: "?category=manufacturing",
          category: "manufacturing",
          page: 1,
        },
        { name: "page 50", query: "?page=50", category: null, page: 50 },
      ];
      const results: DiscussionsBenchResult["cases"] = [];
      for (const c of cases) {
        const path = `/api/discussions${c.query}`;
        const params = [c.category, (c.page - 1) * DISCUSSIONS_PAGE_SIZE];
        const runApi = async () => {
          const res = await app.inject({ method: "GET", url: path, headers });
          if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode} ${res.body}`);
          return res;
        };
        const runSql = () => client.query<{ list: ThreadList }>(listSql, params);
        const api = (await runApi()).json<ThreadList>();
        const direct = (await runSql()).rows[0].list;
        const differs = sameAnswer(api, direct);
        if (differs) throw new Error(`${c.name}: the API and the SQL disagree: ${differs}`);
        for (let i = 0; i < 30; i++) {
          await runApi();
          await runSql();
        }
        // Interleaved one by one, the side going first alternating, so a slow moment of the
        // machine falls on both sides alike.
        const apiSamples: number[] = [];
        const sqlSamples: number[] = [];
        for (let i = 0; i < rounds; i++) {
          const sides = i % 2 ? ([runSql, runApi] as const) : ([runApi, runSql] as const);
          for (const side of sides) {
            const t = performance.now();
            await side();
            (side === runApi ? apiSamples : sqlSamples).push(performance.now() - t);
          }
        }
        const httpSamples: number[] = [];
        for (let i = 0; i < Math.ceil(rounds / 3); i++) {
          const t = performance.now();
          const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`HTTP GET ${path}: ${res.status}`);
          httpSamples.push(performance.now() - t);
        }
        const apiMs = median(apiSamples);
        const sqlMs = median(sqlSamples);
        results.push({
          name: c.name,
          apiMs,
          sqlMs,
          httpMs: median(httpSamples),
          ratio: apiMs / sqlMs,
          total: api.total,
        });
      }

      // Pages of the thread with 2,000 replies: API and SQL, the same replies checked.
      const threadPages: DiscussionsBenchResult["threadPages"] = [];
      for (const [name, page] of [
        ["first page", 1],
        ["page 20", 20],
        ["last page", 40],
      ] as const) {
        const threadPath = `/api/discussions/${longThreadId}${page === 1 ? "" : `?page=${page}`}`;
        const probe = await app.inject({ method: "GET", url: threadPath, headers });
        if (probe.statusCode !== 200) throw new Error(`GET ${threadPath}: ${probe.statusCode} ${probe.body}`);
        const api = probe.json<ThreadDetail>();
        const offset = (page - 1) * REPLIES_PAGE_SIZE;
        const direct = (
          await client.query<{ page: { total: number; replies: { id: string }[] } }>(threadSql, [
            longThreadId,
            offset,
          ])
        ).rows[0]?.page;
        const same =
          direct &&
          api.replyPage.page === page &&
          api.replyPage.total === direct.total &&
          JSON.stringify(api.replies.map((r) => r.id)) === JSON.stringify(direct.replies.map((r) => r.id));
        if (!same || api.replies.length === 0)
          throw new Error(`thread ${name}: the API and the SQL disagree, or the page is empty`);
        // Interleaved after a warm-up, like the list.
        const [apiMs, sqlMs] = await timePair(
          200,
          () => app.inject({ method: "GET", url: threadPath, headers }),
          () => client.query(threadSql, [longThreadId, offset]),
        );
        threadPages.push({
          name,
          replies: api.replies.length,
          total: api.replyPage.total,
          apiMs,
          sqlMs,
          kb: probe.body.length / 1024,
        });
      }
      return {
        loadSeconds,
        rounds,
        cases: results,
        worst: Math.max(...results.map((r) => r.ratio), ...threadPages.map((t) => t.apiMs / t.sqlMs)),
        threadPages,
      };
    } finally {
      await app.close();
    }
  } finally {
    await client.end().catch(() => undefined);
    await database.close();
    await admin(baseUrl, `drop database if exists ${BENCH_DB} with (force)`).catch((error: unknown) =>
      console.error(`Could not drop ${BENCH_DB}:`, error),
    );
  }
}

/** The summary rows, for bench/run.ts's table. */
export function discussionsRows(r: DiscussionsBenchResult): Row[] {
  return [
    ...r.cases.map((c): Row => ({
      metric: `discussion list, ${c.name} (${fmt(c.total)} threads): API ${fmt(c.apiMs, 2)} ms / SQL ${fmt(c.sqlMs, 2)} ms (HTTP ${fmt(c.httpMs, 2)} ms)`,
      measured: `${fmt(c.ratio, 2)}x`,
      target: `<= ${discussionsTarget}x`,
      verdict: c.ratio <= discussionsTarget ? "ok" : "MISSED",
    })),
    ...r.threadPages.map((t): Row => {
      const ratio = t.apiMs / t.sqlMs;
      return {
        metric: `thread of ${fmt(t.total)} replies, ${t.name} (${fmt(t.replies)} replies, ${fmt(t.kb, 1)} KB): API ${fmt(t.apiMs, 2)} ms / SQL ${fmt(t.sqlMs, 2)} ms`,
        measured: `${fmt(ratio, 2)}x`,
        target: `<= ${discussionsTarget}x`,
        verdict: ratio <= discussionsTarget ? "ok" : "MISSED",
      };
    }),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
  const r = await benchDiscussions(baseUrl, Number(process.env.BENCH_DISCUSSIONS_ROUNDS ?? 300));
  printTable(discussionsRows(r));
  process.exitCode = r.worst <= discussionsTarget ? 0 : 1;
}
