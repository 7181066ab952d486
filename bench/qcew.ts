/**
 * Benchmark of the regional economy at national scale, on PostgreSQL and on PGlite:
 *
 * 1. A synthetic national BLS QCEW annual singlefile (bench/qcew-data.ts: every county of the
 *    reference data, the states and the nation, 3.28 million rows, with suppression), kept in
 *    the temp folder between runs. PostgreSQL reads the national file; PGlite, which writes its
 *    data directory from one thread and took over 10 minutes for the national COPY alone, reads
 *    the same generator's first 300 counties (BENCH_QCEW_PGLITE_COUNTIES), and says so.
 * 2. The importer (`shared-table import-qcew` in its own process, for its peak memory) against
 *    the engine's own COPY of the same file into an equivalent table (its 38 columns typed, the
 *    same primary key and index).
 * 3. Four earlier years derived from the imported one by SQL for the region's state and the
 *    nation (the rows a region profile of that state reads; the rest of the country keeps one
 *    year), then a region profile of 10 counties at 6-digit industries against DuckDB answering
 *    the same question over the same rows, and the industry ranking (GET /api/regions/ranking's
 *    service) of the same region.
 *
 *   npx tsx bench/qcew.ts            (BENCH_DATABASE_URL, default the local postgres)
 *   BENCH_QCEW_COUNTIES=300          a smaller file (first N counties), for trying the bench out
 *   BENCH_KEEP=1                     keep the databases (PostgreSQL's and PGlite's directory) to study
 *
 * Exports `benchQcew(url)` for bench/run.ts.
 */
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  openSync,
  readSync,
  closeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTableColumns, sql } from "drizzle-orm";
import { DuckDBInstance } from "@duckdb/node-api";
import { QCEW_ANNUAL_COLUMNS } from "../src/core/qcew/columns.js";
import { regionEconomyQuery } from "../src/core/qcew/profile.js";
import { rankingQuery } from "../src/core/qcew/ranking.js";
import { openDatabase, type Database } from "../src/db/open.js";
import { queryRows } from "../src/db/query.js";
import { ensureReferenceData } from "../src/db/reference-data.js";
import { qcewRows } from "../src/db/schema/index.js";
import { regionEconomy } from "../src/server/features/qcew/profile.js";
import { industryRanking } from "../src/server/features/qcew-choice/ranking.js";
import { buildServer } from "../scripts/build-server.js";
import { writeQcewSinglefile, type QcewFileFacts } from "./qcew-data.js";
import { admin, fmt, printTable, type Row, withDatabase } from "./lib.js";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const DB_NAME = "shared_table_bench_qcew";
const YEAR = 2023;
const EARLIER_YEARS = 4;
const RUNS = 40;

export const qcewTargets = {
  importShare: 0.5,
  importPeakMb: 400,
  profileP95Ms: 50,
  duckdbRatio: 2,
  rankingP95Ms: 100,
};

const ROOT = join(import.meta.dirname, "..");

// ---- the file --------------------------------------------------------------------------------

/** The generated file, reused while its generator and size are the same (written whole, then renamed). */
async function singlefile(counties: number | undefined): Promise<QcewFileFacts & { reused: boolean }> {
  const version = 1;
  const base = join(tmpdir(), `shared-table-bench-qcew-v${version}-${YEAR}-${counties ?? "all"}`);
  const path = `${base}.csv`;
  const factsPath = `${base}.json`;
  if (existsSync(path) && existsSync(factsPath)) {
    const facts = JSON.parse(readFileSync(factsPath, "utf8")) as QcewFileFacts;
    if (statSync(path).size === facts.bytes) return { ...facts, reused: true };
  }
  const facts = await writeQcewSinglefile(`${path}.part`, { year: YEAR, counties });
  renameSync(`${path}.part`, path);
  const { writeFileSync } = await import("node:fs");
  writeFileSync(factsPath, JSON.stringify({ ...facts, path }));
  return { ...facts, path, reused: false };
}

/** The 10 largest counties of the largest county's state: a metro-sized region. */
function regionOf(facts: QcewFileFacts): string[] {
  const state = facts.largest[0].slice(0, 2);
  return facts.largest
    .filter((f) => f.startsWith(state))
    .slice(0, 10)
    .sort();
}

// ---- the engine's own COPY ---------------------------------------------------------------------

/** The file's 38 columns typed as the table types them. */
const copyColumns = QCEW_ANNUAL_COLUMNS.map((c) => {
  const type =
    c === "area_fips" || c === "industry_code" || c === "qtr" || c.endsWith("disclosure_code")
      ? "text"
      : c === "own_code" || c === "agglvl_code" || c === "size_code" || c === "year"
        ? "smallint"
        : c.startsWith("lq_") || c.endsWith("_pct_chg")
          ? "real"
          : c.includes("wages") || c.includes("contributions")
            ? "bigint"
            : "integer";
  return `${c} ${type}`;
}).join(", ");
const COPY_TABLE = `create table qcew_copy (${copyColumns},
  primary key (year, qtr, area_fips, own_code, industry_code, size_code));
  create index qcew_copy_region_idx on qcew_copy (area_fips, agglvl_code, year, qtr, own_code,
    industry_code, size_code, annual_avg_emplvl, total_annual_wages, annual_avg_estabs, oty_annual_avg_emplvl_chg)`;

/** The file's lines in pieces of about `size` bytes, cut at line ends (PGlite reads a COPY from a Blob). */
function* pieces(path: string, size: number): Generator<Buffer> {
  const fd = openSync(path, "r");
  try {
    let carry = Buffer.alloc(0);
    for (;;) {
      const buffer = Buffer.allocUnsafe(size);
      const n = readSync(fd, buffer, 0, size, null);
      const data = Buffer.concat([carry, buffer.subarray(0, n)]);
      if (n === 0) {
        if (data.length) yield data;
        return;
      }
      const end = data.lastIndexOf(10) + 1;
      carry = Buffer.from(data.subarray(end));
      if (end > 0) yield data.subarray(0, end);
    }
  } finally {
    closeSync(fd);
  }
}

interface PgliteClient {
  query(statement: string, params?: unknown[], options?: { blob: Blob }): Promise<unknown>;
  exec(statement: string): Promise<unknown>;
}
const pgliteOf = (database: Database) => (database.db as unknown as { $client: PgliteClient }).$client;

/** Seconds of the engine's own COPY of the file into qcew_copy, in one transaction. */
async function copySeconds(database: Database, path: string): Promise<number> {
  const db = database.db;
  await db.execute(sql.raw("drop table if exists qcew_copy"));
  if (database.engine === "postgres") {
    for (const statement of COPY_TABLE.split(";")) await db.execute(sql.raw(statement));
    const started = performance.now();
    // The server reads the file itself: COPY at its fastest.
    await db.execute(sql.raw(`copy qcew_copy from '${path}' with (format csv, header true)`));
    const seconds = (performance.now() - started) / 1000;
    await db.execute(sql.raw("drop table qcew_copy"));
    return seconds;
  }
  const client = pgliteOf(database);
  await client.exec(COPY_TABLE);
  const started = performance.now();
  await client.exec("begin");
  let first = true;
  for (const piece of pieces(path, 64 << 20)) {
    await client.query(`copy qcew_copy from '/dev/blob' with (format csv, header ${first})`, [], {
      blob: new Blob([new Uint8Array(piece)]),
    });
    first = false;
  }
  await client.exec("commit");
  const seconds = (performance.now() - started) / 1000;
  await client.exec("drop table qcew_copy");
  return seconds;
}

interface ImportResult {
  seconds: number;
  rows: number;
  /** The importing process's peak resident set size (VmHWM), MB: JavaScript, buffers and PGlite. */
  peakRssMb: number;
}

/** The peak resident set size of a running process so far, MB; null once it is gone. */
function peakRssOf(pid: number): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * `shared-table import-qcew <file>` as a user runs it (the one-file build, no tsx), its own
 * process, so its peak memory is the importer's: read from /proc while it runs (the high-water
 * mark only grows). The import's seconds are the ones the command prints: the file alone,
 * without opening the database.
 */
async function importWithCli(
  engine: "postgres" | "pglite",
  target: string,
  path: string,
): Promise<ImportResult> {
  // The command picks PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR.
  const { DATABASE_URL: _inherited, ...rest } = process.env;
  const env = engine === "postgres" ? { ...rest, DATABASE_URL: target } : { ...rest, DATA_DIR: target };
  const child = spawn(process.execPath, [join(ROOT, "bin", "shared-table.js"), "import-qcew", path], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let peakRssMb = 0;
  const poll = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, peakRssOf(child.pid!) ?? 0);
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`import-qcew exited ${code}: ${stderr || stdout}`);
  // "<file>: 3,276,880 rows, 3,280 areas, 2023 annual, 61.2 s"
  const match = /: ([\d,]+) rows, .*, ([\d.]+) s$/m.exec(stdout);
  if (!match) throw new Error(`import-qcew printed no report: ${stdout}`);
  return { rows: Number(match[1].replaceAll(",", "")), seconds: Number(match[2]), peakRssMb };
}

// ---- five years ----------------------------------------------------------------------------------

/**
 * Years YEAR-1 .. YEAR-4 of the region's state and the nation, from YEAR by SQL: employment and
 * wages shrink back in time at a rate that differs by industry, so changes and shift-shares are
 * not all alike. The same statement runs on PostgreSQL, PGlite and DuckDB.
 */
function earlierYearsStatement(table: string, columns: readonly string[], state: string): string {
  const derived = columns.map((c) =>
    c === "year"
      ? "year - k.k"
      : c === "employment" || c === "total_wages" || c === "establishments"
        ? `case when ${c} is null then null else cast(round(${c} * (1 - k.k * (0.004 + (ascii(right(industry_code, 1)) % 7) * 0.003))) as bigint) end`
        : c,
  );
  return `insert into ${table} (${columns.join(", ")})
    select ${derived.join(", ")}
    from ${table}, (select 1 as k union all select 2 union all select 3 union all select 4) k
    where year = ${YEAR} and quarter = 0 and (substr(area_fips, 1, 2) = '${state}' or area_fips = 'US000')`;
}

// ---- timing ------------------------------------------------------------------------------------

/**
 * Calls before timing: a server answers after many earlier requests, and V8 compiles PGlite's
 * WebAssembly in tiers (a fresh process's first ~30 answers run partly in baseline code and
 * take up to twice as long), so steady-state latency is what is timed, on every engine alike.
 */
const WARM_UP = 30;

async function p95(runs: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARM_UP; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)];
}

// ---- DuckDB ------------------------------------------------------------------------------------

/** The region question in one DuckDB statement: the same figures regionEconomy reads and sums. */
function duckQuestion(counties: readonly string[]): string {
  const list = counties.map((c) => `'${c}'`).join(", ");
  // The profile's shift-share runs from the earliest imported year when five back is not there.
  const from = YEAR - EARLIER_YEARS;
  return `
    with totals as (
      select year, sum(employment) as jobs, count(distinct case when employment is null then area_fips end) as undisclosed,
             sum(establishments) as estabs, sum(total_wages) as wages
      from qcew where area_fips in (${list}) and agglvl_code = 70 and quarter = 0 group by year
    ), industries as (
      select year, industry_code, sum(employment) as jobs, sum(establishments) as estabs, sum(total_wages) as wages,
             count(distinct case when employment is null then area_fips end) as undisclosed,
             sum(oty_employment_chg) as oty
      from qcew where area_fips in (${list}) and agglvl_code = 78 and own_code = 5 and quarter = 0
        and year in (${YEAR}, ${from}) group by year, industry_code
    ), us as (
      select year, industry_code, agglvl_code, employment from qcew
      where area_fips = 'US000' and agglvl_code in (10, 18) and own_code in (0, 5) and year in (${YEAR}, ${from})
    )
    select i.industry_code, i.jobs, i.undisclosed, i.estabs, i.wages / nullif(i.jobs, 0) as pay,
           i.jobs / t.jobs as share,
           (i.jobs / t.jobs) / (u.employment / ut.employment) as lq, i.oty,
           i.jobs - e.jobs as change,
           e.jobs * (ut.employment / ute.employment - 1) as national_growth,
           e.jobs * (u.employment / ue.employment - ut.employment / ute.employment) as industry_mix
    from industries i
    join totals t on t.year = i.year
    left join us u on u.year = i.year and u.industry_code = i.industry_code and u.agglvl_code = 18
    left join us ut on ut.year = i.year and ut.agglvl_code = 10
    left join industries e on e.year = ${from} and e.industry_code = i.industry_code
    left join us ue on ue.year = ${from} and ue.industry_code = i.industry_code and ue.agglvl_code = 18
    left join us ute on ute.year = ${from} and ute.agglvl_code = 10
    where i.year = ${YEAR}
    order by i.industry_code`;
}

async function duckdb(path: string, state: string, counties: readonly string[]) {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const started = performance.now();
    const types = QCEW_ANNUAL_COLUMNS.map((c) => {
      const t = copyColumns
        .split(", ")
        .find((d) => d.startsWith(`${c} `))!
        .split(" ")[1];
      return `'${c}': '${t === "text" ? "VARCHAR" : t === "real" ? "FLOAT" : t.toUpperCase()}'`;
    }).join(", ");
    await connection.run(`
      create table qcew as
      select year, 0 as quarter, area_fips, own_code, industry_code, agglvl_code,
             annual_avg_estabs as establishments,
             case when disclosure_code = 'N' then null else annual_avg_emplvl end as employment,
             case when disclosure_code = 'N' then null else total_annual_wages end as total_wages,
             case when oty_disclosure_code = 'N' then null else oty_annual_avg_emplvl_chg end as oty_employment_chg
      from read_csv('${path}', header = true, columns = {${types}})`);
    await connection.run(
      earlierYearsStatement(
        "qcew",
        [
          "year",
          "quarter",
          "area_fips",
          "own_code",
          "industry_code",
          "agglvl_code",
          "establishments",
          "employment",
          "total_wages",
          "oty_employment_chg",
        ],
        state,
      ),
    );
    const loadSeconds = (performance.now() - started) / 1000;
    const question = duckQuestion(counties);
    const answer = await connection.runAndReadAll(question);
    const rows = answer.getRowObjects();
    const ms = await p95(RUNS, () => connection.runAndReadAll(question));
    const jobs = rows.reduce((n, r) => n + Number(r.jobs ?? 0), 0);
    return { loadSeconds, ms, industries: rows.length, jobs };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

// ---- one engine --------------------------------------------------------------------------------

interface EngineResult {
  engine: "postgres" | "pglite";
  copySeconds: number;
  import: ImportResult;
  earlierRows: number;
  earlierSeconds: number;
  profileMs: number;
  rankingMs: number;
  industries: number;
  jobs: number;
}

async function benchEngine(
  engine: "postgres" | "pglite",
  facts: QcewFileFacts,
  counties: readonly string[],
): Promise<EngineResult> {
  const pgliteDir = join(tmpdir(), `shared-table-bench-qcew-pglite-${process.pid}`);
  const url = withDatabase(BASE_URL, DB_NAME);
  const open = () => openDatabase(engine === "postgres" ? { url } : { dataDir: pgliteDir });
  if (engine === "postgres") {
    await admin(BASE_URL, `drop database if exists ${DB_NAME} with (force)`);
    await admin(BASE_URL, `create database ${DB_NAME}`);
  } else {
    rmSync(pgliteDir, { recursive: true, force: true });
    mkdirSync(pgliteDir, { recursive: true });
  }
  try {
    let database = await open();
    await ensureReferenceData(database.db);
    const copy = await copySeconds(database, facts.path);
    // PGlite serves one process: the child opens the directory once this one has let go.
    if (engine === "pglite") await database.close();
    const imported = await importWithCli(engine, engine === "postgres" ? url : pgliteDir, facts.path);
    if (imported.rows !== facts.rows) throw new Error(`imported ${imported.rows} rows of ${facts.rows}`);
    if (engine === "pglite") database = await open();
    try {
      const state = counties[0].slice(0, 2);
      const columns = Object.values(getTableColumns(qcewRows)).map((c) => c.name);
      const started = performance.now();
      await database.db.execute(sql.raw(earlierYearsStatement("qcew_rows", columns, state)));
      // As autovacuum does within a minute of a large import: timing while it ran measured it
      // (a PostgreSQL profile p95 of 50 ms in one run, 31 ms in the next).
      await database.db.execute(sql.raw("vacuum analyze qcew_rows"));
      const earlierSeconds = (performance.now() - started) / 1000;
      const [{ n }] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from qcew_rows where year < ${YEAR}`,
      );
      const region = { counties: counties.join(","), level: "6", ownership: "private" };
      const profileQuery = regionEconomyQuery.parse(region);
      const profile = await regionEconomy(database.db, profileQuery);
      if (!profile.industries.some((i) => i.shiftShare !== null))
        throw new Error("the profile has no change over the years: the earlier years are missing");
      const profileMs = await p95(RUNS, () => regionEconomy(database.db, profileQuery));
      const rankingQueryValue = rankingQuery.parse(region);
      const rankingMs = await p95(RUNS, () => industryRanking(database.db, rankingQueryValue));
      return {
        engine,
        copySeconds: copy,
        import: imported,
        earlierRows: n,
        earlierSeconds,
        profileMs,
        rankingMs,
        industries: profile.industries.length,
        jobs: profile.industries.reduce((sum, i) => sum + i.jobs.value, 0),
      };
    } finally {
      await database.close();
    }
  } finally {
    if (engine === "postgres") {
      if (!process.env.BENCH_KEEP) await admin(BASE_URL, `drop database if exists ${DB_NAME} with (force)`);
    } else if (process.env.BENCH_KEEP) console.log(`kept the PGlite directory ${pgliteDir}`);
    else rmSync(pgliteDir, { recursive: true, force: true });
  }
}

// ---- the whole bench -----------------------------------------------------------------------------

export interface QcewBenchResult {
  /** Each engine's figures, with the file it read and DuckDB's time for the same question. */
  engines: (EngineResult & { file: QcewFileFacts; duckMs: number })[];
}

export async function benchQcew(
  _url: string = BASE_URL,
  engines: readonly ("postgres" | "pglite")[] = ["postgres", "pglite"],
): Promise<QcewBenchResult> {
  const limit = process.env.BENCH_QCEW_COUNTIES ? Number(process.env.BENCH_QCEW_COUNTIES) : undefined;
  // PGlite writes its data directory file by file from one thread: the national file takes it
  // far beyond the bench's time, so it gets the first counties' slice of the same generator.
  const pgliteLimit = Math.min(limit ?? Infinity, Number(process.env.BENCH_QCEW_PGLITE_COUNTIES ?? 300));
  const files = new Map<number | undefined, Awaited<ReturnType<typeof singlefile>>>();
  const fileFor = async (n: number | undefined) => {
    let file = files.get(n);
    if (!file) {
      file = await singlefile(n);
      console.log(
        `file: ${fmt(file.rows)} rows, ${fmt(file.bytes / 2 ** 20)} MB, ${fmt(file.counties)} counties` +
          (file.reused ? " (reused from an earlier run)" : ` (written in ${fmt(file.seconds, 1)} s)`),
      );
      files.set(n, file);
    }
    return file;
  };
  // The importer runs as `shared-table import-qcew`, from the one-file build a user runs.
  await buildServer();
  const results: QcewBenchResult["engines"] = [];
  const ducks = new Map<string, Awaited<ReturnType<typeof duckdb>>>();
  for (const engine of engines) {
    const engineFile = await fileFor(
      engine === "pglite" && Number.isFinite(pgliteLimit) ? pgliteLimit : limit,
    );
    const counties = regionOf(engineFile);
    const r = await benchEngine(engine, engineFile, counties);
    console.log(
      `${engine}: COPY ${fmt(r.copySeconds, 1)} s, import ${fmt(r.import.seconds, 1)} s ` +
        `(peak ${fmt(r.import.peakRssMb)} MB), profile p95 ${fmt(r.profileMs, 1)} ms, ranking p95 ${fmt(r.rankingMs, 1)} ms`,
    );
    let duck = ducks.get(engineFile.path);
    if (!duck) {
      duck = await duckdb(engineFile.path, counties[0].slice(0, 2), counties);
      console.log(`duckdb: loaded in ${fmt(duck.loadSeconds, 1)} s, question p95 ${fmt(duck.ms, 1)} ms`);
      ducks.set(engineFile.path, duck);
    }
    if (r.industries !== duck.industries || Math.abs(r.jobs - duck.jobs) > 0.5)
      throw new Error(
        `${r.engine} and DuckDB answered differently: ${r.industries} industries and ${r.jobs} jobs against ${duck.industries} and ${duck.jobs}`,
      );
    results.push({ ...r, file: engineFile, duckMs: duck.ms });
  }
  return { engines: results };
}

const verdict = (ok: boolean): Row["verdict"] => (ok ? "ok" : "MISSED");

export function qcewBenchRows(r: QcewBenchResult): Row[] {
  const t = qcewTargets;
  const rows: Row[] = [];
  for (const e of r.engines) {
    const name = e.engine === "postgres" ? "PostgreSQL" : "PGlite";
    const share = e.copySeconds / e.import.seconds;
    rows.push(
      {
        metric: `QCEW annual file for ${name} (synthetic, BLS layout)`,
        measured: `${fmt(e.file.rows)} rows, ${fmt(e.file.counties)} counties, + ${fmt(e.earlierRows)} rows of 4 earlier years`,
        target: "",
        verdict: "info",
      },
      {
        metric: `QCEW import / COPY of the same rows (${name})`,
        measured: `${fmt(e.import.seconds, 1)} s / ${fmt(e.copySeconds, 1)} s = ${fmt(100 * share)}% of COPY's speed`,
        target: `>= ${100 * t.importShare}%`,
        verdict: verdict(share >= t.importShare),
      },
      {
        metric: `QCEW importer peak memory (${name}, the import-qcew process's peak RSS)`,
        measured: `${fmt(e.import.peakRssMb)} MB`,
        target: `< ${t.importPeakMb} MB`,
        verdict: verdict(e.import.peakRssMb < t.importPeakMb),
      },
      {
        metric: `region profile, 10 counties, 6-digit, 5 years (${name}) p95`,
        measured: `${fmt(e.profileMs, 1)} ms (${fmt(e.industries)} industries)`,
        target: `<= ${t.profileP95Ms} ms`,
        verdict: verdict(e.profileMs <= t.profileP95Ms),
      },
      {
        metric: `region profile / DuckDB, same question (${name})`,
        measured: `${fmt(e.profileMs, 1)} ms / ${fmt(e.duckMs, 1)} ms = ${fmt(e.profileMs / e.duckMs, 2)}x`,
        target: `<= ${t.duckdbRatio}x`,
        verdict: verdict(e.profileMs / e.duckMs <= t.duckdbRatio),
      },
      {
        metric: `industry ranking, same region (${name}) p95`,
        measured: `${fmt(e.rankingMs, 1)} ms`,
        target: `<= ${t.rankingP95Ms} ms`,
        verdict: verdict(e.rankingMs <= t.rankingP95Ms),
      },
    );
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const asked = process.argv
    .slice(2)
    .filter((a): a is "postgres" | "pglite" => a === "postgres" || a === "pglite");
  benchQcew(BASE_URL, asked.length ? asked : undefined)
    .then((r) => {
      printTable(qcewBenchRows(r));
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
