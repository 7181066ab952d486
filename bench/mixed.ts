/**
 * Benchmark 11: a mixed load against the built server as people run it. 50 people with their
 * own sessions read the directory, profiles, action plans, impact, their home page and the
 * discussions, and write ballots, action updates, measurements, replies and registrations (90%
 * reads, 10% writes), at a fixed rate for a fixed time (open loop, bench/mixed-load.ts).
 *
 * - PGlite, the engine a new user runs, with the national set: 200 requests/s for 60 s, twice
 *   after a warm-up; the server's resident memory is read after each run, so a leak shows as
 *   growth from the first run to the second.
 * - PostgreSQL with two server processes behind the generator: 1,000 requests/s for 60 s.
 */
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { openDatabase, type Database } from "../src/db/open.js";
import { queryRows } from "../src/db/query.js";
import { newestMigrationMillis } from "../src/db/migrations-current.js";
import { ensureReferenceData } from "../src/db/reference-data.js";
import { loadDemoData } from "../src/demo/load.js";
import { buildServer, serverBuild } from "../scripts/build-server.js";
import { benchApp } from "./app.js";
import { admin, fmt, freePort, sleep, waitForOk, withDatabase, type Row } from "./lib.js";
import { setUpMixedPeople } from "./mixed-setup.js";
import type { MixedPlan, MixedRunResult } from "./mixed-plan.js";

export const mixedTargets = { p99Ms: 100, rssMb: 500, growth: 1.05, pgliteRate: 200, postgresRate: 1000 };

const root = fileURLToPath(new URL("..", import.meta.url));
const MIX_DB = "shared_table_bench_mixed";
const WARM_UP_SECONDS = 10;

export interface MixedEngineResult {
  engine: "PGlite" | "PostgreSQL";
  processes: number;
  rate: number;
  runs: MixedRunResult[];
  /** Resident memory of each server process after each measured run, in MB. */
  rssMb: number[][];
}

/** What the loaded set depends on: the schema's newest migration and the demo generator's code. */
function datasetStamp(): string {
  const hash = createHash("sha256");
  const demo = join(root, "src", "demo");
  for (const file of readdirSync(demo).sort())
    if (file.endsWith(".ts") && !file.endsWith(".test.ts")) hash.update(readFileSync(join(demo, file)));
  return `${newestMigrationMillis(join(root, "src", "db", "migrations"))}-${hash.digest("hex").slice(0, 12)}`;
}

/** The national set in a PGlite directory, loaded once per schema and generator and kept: loading it takes minutes. */
async function nationalPglite(): Promise<string> {
  const dir = join(tmpdir(), `shared-table-bench-national-pglite-${datasetStamp()}`);
  const marker = join(dir, "loaded.json");
  if (existsSync(marker)) return dir;
  rmSync(dir, { recursive: true, force: true });
  console.log(`Loading the national set into PGlite at ${dir} (kept for later runs) ...`);
  const started = performance.now();
  const database = await openDatabase({ dataDir: dir });
  try {
    await ensureReferenceData(database.db);
    const counts = await loadDemoData(database.db, { size: "national" });
    await database.db.execute(sql`analyze`);
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${fmt(counts.partnerships)} partnerships in ${fmt(seconds, 1)} s`);
    writeFileSync(marker, JSON.stringify({ ...counts, seconds }));
  } finally {
    await database.close();
  }
  return dir;
}

async function preparePeople(database: Database, env: Record<string, string>) {
  const { app } = await benchApp(database, env);
  try {
    return await setUpMixedPeople(app, database.db);
  } finally {
    await app.close();
  }
}

async function directoryPaths(database: Database): Promise<string[]> {
  const states = await queryRows<{ abbr: string }>(
    database.db,
    sql`select distinct s.abbr from partnership_counties c join states s on s.fips = c.state_fips order by 1`,
  );
  const abbrs = states.map((r) => r.abbr);
  const paths: string[] = [];
  for (const [i, abbr] of abbrs.entries()) {
    paths.push(`/api/partnerships?state=${abbr}&pageSize=25`);
    if (i % 2 === 0) paths.push(`/api/partnerships?state=${abbr}&naics=31-33&pageSize=25&page=2`);
  }
  for (const q of ["manufacturing", "health care", "truck", "construction", "County"])
    paths.push(`/api/partnerships?q=${encodeURIComponent(q)}&pageSize=25`);
  paths.push("/api/partnerships?pageSize=25", "/api/partnerships?stage=act&pageSize=25&sort=updated");
  return paths;
}

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; base: string }> {
  return freePort().then(async (port) => {
    // BENCH_SERVER_NODE_ARGS="--cpu-prof": options for the server's node, to see where its time goes.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, serverBuild, "serve"], {
      cwd: root,
      env: {
        ...process.env,
        ...env,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        DEMO_DATA: "false",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const base = `http://127.0.0.1:${port}`;
    const ok = await waitForOk(`${base}/api/health`, 120_000, 50);
    if (!ok) {
      child.kill("SIGKILL");
      throw new Error("the server did not become healthy in 120 s");
    }
    return { child, base };
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Resident set size of a process in MB, from /proc (Linux) or ps elsewhere. */
function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    // Not Linux: ask ps.
  }
  const ps = spawnSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" });
  return Number(ps.stdout.trim()) / 1024;
}

function generate(plan: MixedPlan): Promise<MixedRunResult> {
  const child = fork(fileURLToPath(new URL("./mixed-load.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, MIXED_LOAD_CHILD: "1" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (result) => resolve(result as MixedRunResult));
    child.once("exit", (code) => reject(new Error(`the load generator exited with code ${String(code)}`)));
    child.send(plan);
  });
}

function describe(label: string, r: MixedRunResult): void {
  console.log(
    `  ${label}: ${fmt(r.sent)} requests in ${fmt(r.seconds, 1)} s (${fmt(r.achievedRate)}/s), ` +
      `p50 ${fmt(r.p50, 1)} ms, p95 ${fmt(r.p95, 1)} ms, p99 ${fmt(r.p99, 1)} ms, max ${fmt(r.max)} ms, ` +
      `${fmt(r.errors)} errors, generator lag at worst ${fmt(r.maxSendLagMs)} ms`,
  );
  for (const k of [...r.byKind].sort((a, b) => b.p99 - a.p99))
    console.log(
      `    ${k.kind.padEnd(14)} ${String(k.count).padStart(6)}  p50 ${fmt(k.p50, 1).padStart(6)} ms  ` +
        `p99 ${fmt(k.p99, 1).padStart(6)} ms  max ${fmt(k.max).padStart(5)} ms  errors ${k.errors}`,
    );
  for (const sample of r.errorSamples) console.log(`    failed: ${sample}`);
}

async function drive(
  servers: { child: ChildProcess; base: string }[],
  base: Omit<MixedPlan, "bases" | "seconds" | "seed">,
  seconds: number,
  runs: number,
): Promise<{ runs: MixedRunResult[]; rssMb: number[][] }> {
  const bases = servers.map((s) => s.base);
  console.log(`  warming up for ${WARM_UP_SECONDS} s ...`);
  await generate({ ...base, bases, seconds: WARM_UP_SECONDS, seed: 1 });
  const results: MixedRunResult[] = [];
  const memory: number[][] = [];
  for (let i = 0; i < runs; i++) {
    const r = await generate({ ...base, bases, seconds, seed: 2 + i });
    await sleep(500);
    const rss = servers.map((s) => rssMb(s.child.pid ?? 0));
    describe(`run ${i + 1}`, r);
    console.log(`    server memory (RSS) after the run: ${rss.map((m) => `${fmt(m)} MB`).join(", ")}`);
    results.push(r);
    memory.push(rss);
  }
  return { runs: results, rssMb: memory };
}

function prepareBuild(): Promise<void> {
  return buildServer().then(() => {
    spawnSync(process.execPath, ["scripts/ensure-build.mjs"], { cwd: root, stdio: "inherit" });
  });
}

export async function benchMixedPglite(
  seconds: number,
  rate = mixedTargets.pgliteRate,
): Promise<MixedEngineResult> {
  await prepareBuild();
  const source = await nationalPglite();
  const work = `${source}-run`;
  rmSync(work, { recursive: true, force: true });
  cpSync(source, work, { recursive: true });
  try {
    const database = await openDatabase({ dataDir: work });
    let setup: Awaited<ReturnType<typeof setUpMixedPeople>>;
    let paths: string[];
    try {
      setup = await preparePeople(database, { DATA_DIR: work });
      paths = await directoryPaths(database);
    } finally {
      await database.close();
    }
    const server = await startServer({ DATA_DIR: work, DATABASE_URL: "" });
    try {
      console.log(`  ${setup.people.length} people, ${rate} requests/s for ${seconds} s, 1 server process`);
      const r = await drive(
        [server],
        { rate, people: setup.people, directoryPaths: paths, profileSlugs: setup.profileSlugs },
        seconds,
        2,
      );
      return { engine: "PGlite", processes: 1, rate, ...r };
    } finally {
      await stopServer(server.child);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function benchMixedPostgres(
  baseUrl: string,
  seconds: number,
  rate = mixedTargets.postgresRate,
): Promise<MixedEngineResult> {
  await prepareBuild();
  const url = withDatabase(baseUrl, MIX_DB);
  await admin(baseUrl, `drop database if exists ${MIX_DB} with (force)`);
  await admin(baseUrl, `create database ${MIX_DB}`);
  try {
    const database = await openDatabase({ url });
    let setup: Awaited<ReturnType<typeof setUpMixedPeople>>;
    let paths: string[];
    try {
      await ensureReferenceData(database.db);
      console.log("  loading the national set ...");
      await loadDemoData(database.db, { size: "national" });
      // Vacuumed, not only analyzed: a table just loaded has no visibility map and no hint bits,
      // so autovacuum would set them while the load runs and take a core from it at random.
      await database.db.execute(sql`vacuum analyze`);
      setup = await preparePeople(database, { DATABASE_URL: url });
      paths = await directoryPaths(database);
    } finally {
      await database.close();
    }
    const servers = [await startServer({ DATABASE_URL: url }), await startServer({ DATABASE_URL: url })];
    try {
      console.log(`  ${setup.people.length} people, ${rate} requests/s for ${seconds} s, 2 server processes`);
      const r = await drive(
        servers,
        { rate, people: setup.people, directoryPaths: paths, profileSlugs: setup.profileSlugs },
        seconds,
        1,
      );
      return { engine: "PostgreSQL", processes: 2, rate, ...r };
    } finally {
      await Promise.all(servers.map((s) => stopServer(s.child)));
    }
  } finally {
    await admin(baseUrl, `drop database if exists ${MIX_DB} with (force)`).catch((error: unknown) =>
      console.error(`Could not drop ${MIX_DB}:`, error),
    );
  }
}

export function mixedRows(r: MixedEngineResult): Row[] {
  const verdict = (ok: boolean): Row["verdict"] => (ok ? "ok" : "MISSED");
  const label = `mixed load, ${r.engine}, ${fmt(r.rate)}/s, ${r.processes} process${r.processes > 1 ? "es" : ""}`;
  const rows: Row[] = r.runs.map((run, i) => ({
    metric: `${label}${r.runs.length > 1 ? `, run ${i + 1}` : ""}: p99, errors`,
    measured: `${fmt(run.p99, 1)} ms, ${fmt(run.errors)} errors (${fmt(run.achievedRate)}/s answered)`,
    target: `<= ${mixedTargets.p99Ms} ms, 0 errors`,
    verdict: verdict(run.p99 <= mixedTargets.p99Ms && run.errors === 0 && run.achievedRate >= r.rate * 0.95),
  }));
  if (r.engine === "PGlite" && r.rssMb.length >= 2) {
    const [first, second] = [r.rssMb[0][0], r.rssMb[1][0]];
    rows.push(
      {
        metric: "server memory (RSS) after the mixed load, PGlite, national set",
        measured: `${fmt(first)} MB`,
        target: `< ${mixedTargets.rssMb} MB`,
        verdict: verdict(first < mixedTargets.rssMb),
      },
      {
        metric: "server memory after a second run (growth)",
        measured: `${fmt(second)} MB (${fmt((second / first - 1) * 100, 1)}%)`,
        target: `<= +${fmt((mixedTargets.growth - 1) * 100)}%`,
        verdict: verdict(second <= first * mixedTargets.growth),
      },
    );
  }
  return rows;
}
