/**
 * Benchmark: full-text search of the resource library over 10,000 resources on PostgreSQL,
 * through the API (app.inject) against the best hand-written SQL for the same answer (ranked
 * page, total and highlighted passages) run directly with `pg`. Target: at most 1.5 times as long.
 *
 *   npx tsx bench/resources.ts
 *   BENCH_DATABASE_URL=postgres://...   the server (a database shared_table_bench_resources is
 *                                       created there and dropped after)
 *   BENCH_RESOURCES_ROUNDS=200          timed requests per query on each side
 */
import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/db/open.js";
import { resources } from "../src/db/schema/index.js";
import { ensureReferenceData } from "../src/db/reference-data.js";
import { resourceAudiences, resourceKinds, resourceTopics } from "../src/core/resource-vocabulary.js";
import { stages } from "../src/core/vocabulary.js";
import { searchVector } from "../src/server/features/resources/search.js";
import { starterLibrary } from "../src/server/features/resources/starter-library.js";
import { benchApp } from "./app.js";
import { admin, fmt, printTable, type Row } from "./lib.js";

const BENCH_DB = "shared_table_bench_resources";
const SIZE = 10_000;
export const resourcesTarget = 1.5;

const words = starterLibrary
  .flatMap((r) => `${r.title} ${r.summary} ${r.body}`.split(/\s+/))
  .filter((w) => /^[a-z]{4,}$/i.test(w));

/** The best single statement: rank and count over the matches, headlines for the page only. */
const bestSql = `
with q as (select websearch_to_tsquery('english', $1) as query),
page as (
  select r.id, ts_rank(r.search, q.query) as rank, count(*) over () as total
  from resources r, q
  where r.search @@ q.query and r.status = 'published'
  order by rank desc, r.title limit 20
)
select page.rank, page.total, r.id, r.slug, r.title, r.kind, r.stage, r.topics, r.audience, r.summary, r.url,
  r.status, r.updated_at, f.name, f.content_type, f.size,
  ts_headline('english', regexp_replace(r.summary || ' ' || r.body, '\\]\\([^)]*\\)|[#*_>\`\\[\\]|]+', ' ', 'g'),
    q.query, 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') as highlight
from page join resources r on r.id = page.id left join resource_files f on f.resource_id = r.id, q
order by page.rank desc, r.title`;

function median(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function benchResources(baseUrl: string, rounds = 200) {
  const parsed = new URL(baseUrl);
  parsed.pathname = `/${BENCH_DB}`;
  const url = parsed.toString();
  await admin(baseUrl, `drop database if exists ${BENCH_DB} with (force)`);
  await admin(baseUrl, `create database ${BENCH_DB}`);
  const database = await openDatabase({ url });
  const client = new pg.Client({ connectionString: url });
  try {
    await ensureReferenceData(database.db);
    let seed = 42;
    const pick = <T>(list: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return list[Math.floor((seed / 2147483648) * list.length)];
    };
    const started = performance.now();
    for (let i = 0; i < SIZE; i += 500) {
      const batch = Array.from({ length: Math.min(500, SIZE - i) }, (_, k) => {
        const n = i + k;
        const title = `${pick(words)} ${pick(words)} ${pick(words)} ${n}`;
        const summary = Array.from({ length: 20 }, () => pick(words)).join(" ");
        const body = Array.from({ length: 250 }, () => pick(words)).join(" ");
        const topics = [pick(resourceTopics)];
        return {
          slug: `bench-${n}`,
          title,
          kind: pick(resourceKinds),
          stage: pick(stages),
          topics,
          audience: [pick(resourceAudiences)],
          summary,
          body,
          status: "published" as const,
          search: searchVector({ title, summary, topics, body }),
        };
      });
      await database.db.insert(resources).values(batch);
    }
    await database.db.execute(sql`analyze resources`);
    console.log(`Loaded ${SIZE} resources in ${fmt((performance.now() - started) / 1000, 1)} s`);

    const { app } = await benchApp(database, url);
    await client.connect();
    const queries = ["launch", "business champions", '"action team" -template', "retention survey"];
    const rows: Row[] = [];
    let worst = 0;
    for (const q of queries) {
      const apiSamples: number[] = [];
      const sqlSamples: number[] = [];
      for (let i = 0; i < rounds + 20; i++) {
        let t = performance.now();
        const response = await app.inject({ url: `/api/resources?q=${encodeURIComponent(q)}` });
        if (response.statusCode !== 200) throw new Error(response.body);
        if (i >= 20) apiSamples.push(performance.now() - t);
        t = performance.now();
        await client.query(bestSql, [q]);
        if (i >= 20) sqlSamples.push(performance.now() - t);
      }
      const ratio = median(apiSamples) / median(sqlSamples);
      worst = Math.max(worst, ratio);
      const total = (await app.inject({ url: `/api/resources?q=${encodeURIComponent(q)}` })).json<{
        total: number;
      }>().total;
      rows.push({
        metric: `search "${q}" (${total} matches): API ${fmt(median(apiSamples), 2)} ms / SQL ${fmt(median(sqlSamples), 2)} ms`,
        measured: `${fmt(ratio, 2)}x`,
        target: `<= ${resourcesTarget}x`,
        verdict: ratio <= resourcesTarget ? "ok" : "MISSED",
      });
    }
    printTable(rows);
    console.log(`Worst ratio ${fmt(worst, 2)} (target at most ${resourcesTarget})`);
    await app.close();
    return { worst };
  } finally {
    await client.end().catch(() => {});
    await database.close();
    await admin(baseUrl, `drop database if exists ${BENCH_DB} with (force)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
  const { worst } = await benchResources(baseUrl, Number(process.env.BENCH_RESOURCES_ROUNDS ?? 200));
  process.exitCode = worst <= resourcesTarget ? 0 : 1;
}
