/**
 * Benchmark of impact on PostgreSQL with the national data set (3,000 partnerships x 25
 * indicators x 5 years): a benchmark answer and the community roll-up of a year through the HTTP
 * API against the best single SQL computing the same numbers run directly with `pg`, and a
 * 10,000-row CSV import through the API against PostgreSQL's own COPY of the same rows.
 *
 *   npx tsx bench/impact.ts            (BENCH_DATABASE_URL, default the local postgres)
 */
import { writeFileSync, chmodSync, rmSync } from "node:fs";
import pg from "pg";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/db/open.js";
import { queryRows } from "../src/db/query.js";
import { ensureReferenceData } from "../src/db/reference-data.js";
import { loadDemoData, demoPassword } from "../src/demo/load.js";
import { demoAccounts } from "../src/demo/generate.js";
import {
  computedIndicators,
  defaultCatalog,
  ensureIndicatorCatalog,
} from "../src/server/features/impact/catalog.js";
import { isQcewIndicator } from "../src/core/qcew/partnership-panel.js";
import { valueProblem } from "../src/core/impact.js";
import { periodValues } from "../src/server/lib/answer-cache.js";
import { benchApp } from "./app.js";
import { admin, fmt, freePort, printTable, type Row, timePair, withDatabase } from "./lib.js";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const DB_NAME = "shared_table_bench_impact";
const RUNS = 200;
/** Cold answers recompute everything: fewer runs keep the part short. */
const COLD_RUNS = 30;
const IMPORT_ROWS = 10_000;

const benchmarkSql = `
  with own as (
    select value from measurements
    where partnership_id = $3 and indicator_key = $1 and period = $2 and kind = 'actual'
  ),
  peers as (
    select m.value from measurements m
    join partnerships p on p.id = m.partnership_id and p.deleted_at is null
    where m.indicator_key = $1 and m.period = $2 and m.kind = 'actual'
      and m.visibility in ('community', 'public') and m.partnership_id <> $3
  )
  select count(*)::int as peers,
    percentile_cont(0.25) within group (order by value) as q1,
    percentile_cont(0.5) within group (order by value) as median,
    percentile_cont(0.75) within group (order by value) as q3,
    (select value from own) as value,
    100.0 * (count(*) filter (where value < (select value from own))
      + 0.5 * count(*) filter (where value = (select value from own))) / nullif(count(*), 0) as percentile
  from peers`;

const rollupSql = `
  with profile as (
    select p.id,
      (select case when left(n.code, 2) in ('31', '32', '33') then '31-33'
                   when left(n.code, 2) in ('44', '45') then '44-45'
                   when left(n.code, 2) in ('48', '49') then '48-49' else left(n.code, 2) end
        from partnership_naics n where n.partnership_id = p.id order by n.position, n.code limit 1) as sector,
      (select c.state_fips from partnership_counties c where c.partnership_id = p.id
        group by c.state_fips order by count(*) desc, c.state_fips limit 1) as state
    from partnerships p where p.deleted_at is null
  ),
  engaged as (
    -- Businesses engaged is counted from the members (a business organization with a business
    -- seat that overlapped the year), never typed: the same rule as the service.
    select m.partnership_id as id, count(distinct m.organization_id)::float8 as value
    from memberships m join organizations o on o.id = m.organization_id
    where o.kind = 'business' and m.role in ('champion', 'business_member')
      and m.joined_at < make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, 'UTC')
      and (m.left_at is null or m.left_at >= make_timestamptz($2::int, 1, 1, 0, 0, 0, 'UTC'))
    group by m.partnership_id
  ),
  v as (
    select m.indicator_key, m.value, profile.sector, profile.state
    from measurements m join profile on profile.id = m.partnership_id
    where m.period = $1 and m.kind = 'actual' and m.visibility in ('community', 'public')
      and m.indicator_key <> 'businesses_engaged'
    union all
    select 'businesses_engaged', engaged.value, profile.sector, profile.state
    from engaged join profile on profile.id = engaged.id
  )
  select indicator_key, sector, state, count(*)::int as reporting, sum(value) as total,
    percentile_cont(array[0.25, 0.5, 0.75]) within group (order by value) as quartiles
  from v group by grouping sets ((indicator_key), (indicator_key, sector), (indicator_key, state))`;

/** 10,000 distinct, valid rows for one partnership: every indicator, kind and many periods. */
function importRows(): string[][] {
  const periods: string[] = [];
  for (let year = 1990; year <= 2100; year++) {
    periods.push(String(year));
    for (let q = 1; q <= 4; q++) periods.push(`${year}-Q${q}`);
  }
  // Only what people type: computed indicators (businesses engaged, employer value) and the
  // BLS QCEW ones are refused by an import.
  const typedIndicators = defaultCatalog.filter(
    (i) => !computedIndicators.has(i.key) && !isQcewIndicator(i.key),
  );
  const rows: string[][] = [];
  outer: for (const period of periods) {
    for (const indicator of typedIndicators) {
      for (const kind of ["actual", "baseline", "target"]) {
        const value =
          indicator.unit === "yes_no"
            ? rows.length % 2
            : indicator.unit === "percent"
              ? 50 + (rows.length % 50)
              : 10 + (rows.length % 500);
        if (valueProblem(indicator.unit, value)) throw new Error("bad generated value");
        rows.push([indicator.key, period, String(value), kind, "community", "Bench source", "Bench note"]);
        if (rows.length === IMPORT_ROWS) break outer;
      }
    }
  }
  return rows;
}

/** Runs the impact benchmarks and answers their rows (also printed when run on its own). */
export async function benchImpact(): Promise<Row[]> {
  await admin(BASE_URL, `drop database if exists ${DB_NAME} with (force)`);
  await admin(BASE_URL, `create database ${DB_NAME}`);
  const url = withDatabase(BASE_URL, DB_NAME);
  const database = await openDatabase({ url });
  const rows: Row[] = [];
  const client = new pg.Client({ connectionString: url });
  try {
    await ensureReferenceData(database.db);
    await ensureIndicatorCatalog(database.db);
    const loadStart = performance.now();
    await loadDemoData(database.db, { size: "national" });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    await database.db.execute(sql`analyze`);
    const [{ n: measurementCount }] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from measurements`,
    );
    rows.push({
      metric: "national data set load (all features)",
      measured: `${fmt(loadSeconds, 1)} s, ${fmt(measurementCount)} measurements`,
      target: "",
      verdict: "info",
    });

    const { app, deps } = await benchApp(database, url);
    const port = await freePort();
    await app.listen({ port, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${port}/api`;
    const login = await fetch(`${base}/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: demoAccounts.convener.email, password: demoPassword }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    if (!login.ok || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    const [own, second] = await queryRows<{ id: string }>(
      database.db,
      sql`select p.id from partnerships p join memberships m on m.partnership_id = p.id
          join people pe on pe.id = m.person_id where pe.email = ${demoAccounts.convener.email}
          and m.role = 'convener' order by p.name`,
    );
    await client.connect();

    // 1. One benchmark answer.
    const indicator = "jobs_created";
    const period = "2024";
    const apiUrl = `${base}/partnerships/${own.id}/benchmarks?indicator=${indicator}&period=${period}&peers=all`;
    const api = async () => {
      const response = await fetch(apiUrl, { headers: { cookie } });
      return (await response.json()) as Record<string, number>;
    };
    const direct = async () =>
      (await client.query<Record<string, number>>(benchmarkSql, [indicator, period, own.id])).rows[0];
    const fromApi = await api();
    const fromSql = await direct();
    for (const key of ["peers", "q1", "median", "q3", "value", "percentile"]) {
      if (Math.abs(Number(fromApi[key]) - Number(fromSql[key])) > 1e-9)
        throw new Error(`benchmark ${key}: API ${fromApi[key]} vs SQL ${fromSql[key]}`);
    }
    // Warm: the answer kept until a value of its period changes. First after such a write: the
    // period's kept values and answers forgotten, the peers' values read again.
    const [apiMs, sqlMs] = await timePair(RUNS, api, direct);
    const [coldMs, coldSqlMs] = await timePair(COLD_RUNS, api, direct, () =>
      deps.answers.invalidate(periodValues(period)),
    );
    rows.push(
      {
        metric: `benchmark answer (${fromSql.peers} peers), warm: API / SQL`,
        measured: `${fmt(apiMs, 2)} ms / ${fmt(sqlMs, 2)} ms = ${fmt(apiMs / sqlMs, 2)}x`,
        target: "<= 1.5x",
        verdict: apiMs / sqlMs <= 1.5 ? "ok" : "MISSED",
      },
      {
        metric: "benchmark answer, first after a write of its period: API / SQL",
        measured: `${fmt(coldMs, 2)} ms / ${fmt(coldSqlMs, 2)} ms = ${fmt(coldMs / coldSqlMs, 2)}x`,
        target: "<= 1.5x",
        verdict: coldMs / coldSqlMs <= 1.5 ? "ok" : "MISSED",
      },
    );

    // 2. The community roll-up of a year.
    const rollupUrl = `${base}/community/rollup?period=${period}`;
    const rollupApi = async () =>
      (await (await fetch(rollupUrl, { headers: { cookie } })).json()) as {
        items: { indicator: string; total: number | null; reporting: number }[];
      };
    const rollupDirect = async () =>
      (
        await client.query<{
          indicator_key: string;
          sector: string | null;
          state: string | null;
          total: number;
          reporting: number;
        }>(rollupSql, [period, Number(period)])
      ).rows;
    const apiRollup = await rollupApi();
    const sqlRollup = await rollupDirect();
    for (const item of apiRollup.items) {
      const match = sqlRollup.find(
        (r) => r.indicator_key === item.indicator && r.sector === null && r.state === null,
      );
      if (
        !match ||
        match.reporting !== item.reporting ||
        (item.total !== null && Math.abs(match.total - item.total) > 1e-6)
      )
        throw new Error(`roll-up of ${item.indicator} differs between API and SQL`);
    }
    // Warm: the answer the cache keeps between writes. Cold: the first answer after a write,
    // which clears the cache; both against the same SQL, interleaved.
    const [rollupApiMs, rollupSqlMs] = await timePair(RUNS, rollupApi, rollupDirect);
    const [rollupColdMs, rollupColdSqlMs] = await timePair(COLD_RUNS, rollupApi, rollupDirect, () =>
      deps.answers.invalidate(),
    );
    rows.push({
      metric: `community roll-up of ${period} (${apiRollup.items.length} indicators), warm: API / SQL`,
      measured: `${fmt(rollupApiMs, 2)} ms / ${fmt(rollupSqlMs, 2)} ms = ${fmt(rollupApiMs / rollupSqlMs, 2)}x`,
      target: "<= 1.5x",
      verdict: rollupApiMs / rollupSqlMs <= 1.5 ? "ok" : "MISSED",
    });
    rows.push({
      metric: "community roll-up, first answer after a write (cache cleared): API / SQL",
      measured: `${fmt(rollupColdMs, 1)} ms / ${fmt(rollupColdSqlMs, 1)} ms = ${fmt(rollupColdMs / rollupColdSqlMs, 2)}x`,
      target: "<= 1.5x",
      verdict: rollupColdMs / rollupColdSqlMs <= 1.5 ? "ok" : "MISSED",
    });

    // 3. A 10,000-row CSV import against COPY of the same rows.
    const csvRows = importRows();
    const csv = [
      "indicator,period,value,kind,visibility,source,note",
      ...csvRows.map((r) => r.join(",")),
    ].join("\n");
    const copyFile = `/tmp/shared-table-bench-impact-${process.pid}.csv`;
    writeFileSync(copyFile, csvRows.map((r) => [second.id, ...r].join(",")).join("\n"));
    chmodSync(copyFile, 0o644);
    const clear = () => client.query("delete from measurements where partnership_id = $1", [second.id]);
    let importMs = Infinity;
    let copyMs = Infinity;
    for (let round = 0; round < 3; round++) {
      await clear();
      const start = performance.now();
      const response = await fetch(`${base}/partnerships/${second.id}/measurements/import`, {
        method: "POST",
        headers: { cookie, "content-type": "text/csv" },
        body: csv,
      });
      const answer = (await response.json()) as { imported?: number };
      importMs = Math.min(importMs, performance.now() - start);
      if (answer.imported !== IMPORT_ROWS)
        throw new Error(`import answered ${JSON.stringify(answer).slice(0, 600)}`);
      await clear();
      const copyStart = performance.now();
      await client.query(
        `copy measurements (partnership_id, indicator_key, period, value, kind, visibility, source, note)
         from '${copyFile}' with (format csv)`,
      );
      copyMs = Math.min(copyMs, performance.now() - copyStart);
    }
    await clear();
    rmSync(copyFile, { force: true });
    const share = copyMs / importMs;
    rows.push({
      metric: `CSV import of ${fmt(IMPORT_ROWS)} rows: API / COPY`,
      measured: `${fmt(importMs, 0)} ms / ${fmt(copyMs, 0)} ms = ${fmt(100 * share, 0)}% of COPY's speed`,
      target: ">= 20%",
      verdict: share >= 0.2 ? "ok" : "MISSED",
    });
    await app.close();
  } finally {
    await client.end().catch(() => undefined);
    await database.close();
    await admin(BASE_URL, `drop database if exists ${DB_NAME} with (force)`);
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchImpact().then(printTable, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
