/**
 * Benchmark 1: the public directory on PostgreSQL with the national data set, against a bare
 * Fastify route measured the same way in the same run.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon, { type Result } from "autocannon";
import { sql } from "drizzle-orm";
import { openDatabase } from "../src/db/open.js";
import { queryRows } from "../src/db/query.js";
import { ensureReferenceData } from "../src/db/reference-data.js";
import { loadDemoData } from "../src/demo/load.js";
import type { ServersReady } from "./servers.js";
import { admin, fmt, withDatabase } from "./lib.js";

export interface DirectoryResult {
  loadSeconds: number;
  counts: { partnerships: number; organizations: number; people: number };
  states: string[];
  bare: Result;
  /** GET /api/health of the same app (one `select 1`): the app's own overhead, for diagnosis. */
  health: Result;
  directory: Result;
  /** The same requests with the answer cache off: the query's own speed. */
  uncached: Result;
  /** Searches by industry title and place names, answer cache off, with what each found. */
  search: Result;
  searchTotals: { q: string; total: number }[];
}

/** What people type in the directory's search box: industries at several levels and places. */
const SEARCHES = ["food manufacturing", "truck", "hospitals", "Franklin County", "Ohio", "Texas", "Denver"];

const BENCH_DB = "shared_table_bench";
const CONNECTIONS = 50;

function isReady(message: unknown): message is ServersReady {
  return typeof message === "object" && message !== null && (message as { type?: unknown }).type === "ready";
}

function startServers(url: string): Promise<{ child: ChildProcess; ready: ServersReady }> {
  const child = fork(fileURLToPath(new URL("./servers.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, BENCH_URL: url },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the benchmark servers did not start in 60 s")), 60_000);
    child.on("message", (message) => {
      if (!isReady(message)) return;
      clearTimeout(timer);
      resolve({ child, ready: message });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the benchmark servers exited with code ${String(code)}`));
    });
  });
}

function stopServers(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, 10_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.send("stop");
  });
}

async function cannon(url: string, duration: number, paths?: readonly string[]): Promise<Result> {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    timeout: 10,
    requests: paths
      ? [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }]
      : undefined,
  });
}

function describeRun(label: string, r: Result): string {
  return (
    `  ${label.padEnd(10)} ${fmt(r.requests.average)} req/s, latency avg ${fmt(r.latency.average, 1)} ms, ` +
    `p99 ${fmt(r.latency.p99)} ms, ${fmt(r["2xx"])} ok, ${fmt(r.non2xx)} non-2xx, ${fmt(r.errors)} errors`
  );
}

export interface DirectoryOptions {
  /** The data set: the national one (3,000 partnerships) or ten times it. */
  size?: "national" | "national10";
  /** Runs with the loaded database before it is dropped: other measurements at the same scale. */
  alsoOn?: (url: string) => Promise<void>;
}

export async function benchDirectory(
  baseUrl: string,
  seconds: number,
  options: DirectoryOptions = {},
): Promise<DirectoryResult> {
  const size = options.size ?? "national";
  const benchDb = size === "national" ? BENCH_DB : `${BENCH_DB}_${size}`;
  const benchUrl = withDatabase(baseUrl, benchDb);
  console.log(`Creating database ${benchDb} ...`);
  await admin(baseUrl, `drop database if exists ${benchDb} with (force)`);
  await admin(baseUrl, `create database ${benchDb}`);
  let child: ChildProcess | undefined;
  try {
    const database = await openDatabase({ url: benchUrl });
    let states: string[];
    let loadSeconds: number;
    let counts: DirectoryResult["counts"];
    try {
      await ensureReferenceData(database.db);
      console.log(`Loading the ${size} data set ...`);
      const started = performance.now();
      counts = await loadDemoData(database.db, { size });
      loadSeconds = (performance.now() - started) / 1000;
      console.log(
        `  ${fmt(counts.partnerships)} partnerships, ${fmt(counts.organizations)} organizations, ` +
          `${fmt(counts.people)} people in ${fmt(loadSeconds, 1)} s`,
      );
      // As autovacuum does within minutes of a bulk load (and as the mixed load does first), so
      // that no measurement shares the two cores with the vacuum of millions of new rows.
      await database.db.execute(sql`vacuum analyze`);
      // The states with the most manufacturing partnerships: a realistic, heavy query.
      const rows = await queryRows<{ abbr: string; n: number }>(
        database.db,
        sql`select s.abbr, count(distinct c.partnership_id)::int as n
          from partnership_counties c
          join partnership_naics n on n.partnership_id = c.partnership_id and n.code ~ '^(31|32|33)'
          join states s on s.fips = c.state_fips
          group by s.abbr order by n desc, s.abbr limit 5`,
      );
      states = rows.map((r) => r.abbr);
      console.log(`  states used: ${rows.map((r) => `${r.abbr} (${r.n})`).join(", ")}`);
    } finally {
      await database.close();
    }

    const servers = await startServers(benchUrl);
    child = servers.child;
    const appUrl = `http://127.0.0.1:${servers.ready.appPort}`;
    const bareUrl = `http://127.0.0.1:${servers.ready.barePort}/`;
    const paths = states.map((s) => `/api/partnerships?state=${s}&naics=31-33&pageSize=25`);
    const probe = await fetch(`${appUrl}${paths[0]}`);
    const page = (await probe.json()) as { total?: number; items?: unknown[] };
    if (probe.status !== 200) throw new Error(`GET ${paths[0]} answered ${probe.status}`);
    console.log(`  GET ${paths[0]}: ${page.items?.length ?? 0} items of ${page.total ?? "?"}`);

    const uncachedUrl = `http://127.0.0.1:${servers.ready.uncachedPort}`;
    console.log(`Warming up (2 s each) ...`);
    await cannon(bareUrl, 2);
    await cannon(appUrl, 2, paths);
    // The uncached app runs the query on every request: its first seconds compile that path and
    // prepare the statement on each pooled connection, which the cached app never does for it.
    await cannon(uncachedUrl, 2, paths);
    console.log(`Measuring (${seconds} s each, ${CONNECTIONS} connections) ...`);
    const bare = await cannon(bareUrl, seconds);
    console.log(describeRun("bare", bare));
    const health = await cannon(`${appUrl}/api/health`, Math.max(1, Math.round(seconds / 2)));
    console.log(describeRun("health", health));
    const directory = await cannon(appUrl, seconds, paths);
    console.log(describeRun("directory", directory));
    const uncached = await cannon(uncachedUrl, Math.max(1, Math.round(seconds / 2)), paths);
    console.log(describeRun("uncached", uncached));
    // Every search must find something in the national set: a search that finds nothing there
    // is broken, not fast.
    const searchPaths = SEARCHES.map((q) => `/api/partnerships?q=${encodeURIComponent(q)}&pageSize=25`);
    const searchTotals: { q: string; total: number }[] = [];
    for (const [i, q] of SEARCHES.entries()) {
      const res = await fetch(`${uncachedUrl}${searchPaths[i]}`);
      const body = (await res.json()) as { total?: number };
      if (res.status !== 200 || !body.total)
        throw new Error(`search "${q}" answered ${res.status}, ${body.total ?? 0} found`);
      searchTotals.push({ q, total: body.total });
    }
    console.log(`  search found: ${searchTotals.map((t) => `"${t.q}" ${fmt(t.total)}`).join(", ")}`);
    const search = await cannon(uncachedUrl, Math.max(1, Math.round(seconds / 2)), searchPaths);
    console.log(describeRun("search", search));
    await stopServers(child);
    child = undefined;
    await options.alsoOn?.(benchUrl);
    return { loadSeconds, counts, states, bare, health, directory, uncached, search, searchTotals };
  } finally {
    if (child) await stopServers(child);
    await admin(baseUrl, `drop database if exists ${benchDb} with (force)`).catch((error: unknown) =>
      console.error(`Could not drop ${benchDb}:`, error),
    );
  }
}
