/**
 * Benchmark 2: start-up time of `npm start` as a person runs it (npm, the build check, then
 * `shared-table serve` from the one-file server build) on an existing PGlite data directory,
 * from spawning npm until GET /api/health answers 200.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildServer } from "../scripts/build-server.js";
import { freePort, sleep, waitForOk } from "./lib.js";

export interface StartupResult {
  /** Median of the timed runs, in milliseconds. */
  serveMs: number;
  runs: number[];
  /** `node -e ""`: the floor of any Node process start. */
  nodeMs: number;
}

const RUNS = 3;
const root = fileURLToPath(new URL("..", import.meta.url));
const TIMEOUT_MS = 60_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** npm runs the server in a shell of its own: the whole process group is stopped. */
function signal(child: ChildProcess, name: NodeJS.Signals) {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, name);
  } catch {
    // Already gone.
  }
}

async function stop(child: ChildProcess): Promise<void> {
  const done = exited(child);
  signal(child, "SIGTERM");
  const timer = setTimeout(() => signal(child, "SIGKILL"), 15_000);
  await done;
  clearTimeout(timer);
}

/** Spawns the server and answers how long until it is healthy; the server is stopped after. */
async function timeServe(dataDir: string, demoData: "auto" | "false"): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  // `npm start`, as a person types it; its group is stopped after.
  const child = spawn("npm", ["start", "--silent"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DEMO_DATA: demoData,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const ok = await Promise.race([
      waitForOk(`http://127.0.0.1:${port}/api/health`, TIMEOUT_MS),
      exited(child).then(() => false),
    ]);
    if (!ok) throw new Error(`the server did not become healthy (exit code ${String(child.exitCode)})`);
    return performance.now() - started;
  } finally {
    await stop(child);
  }
}

async function timeNode(): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await exited(child);
  return performance.now() - started;
}

export async function benchStartup(): Promise<StartupResult> {
  await buildServer();
  // The web app too, so that no timed start builds anything.
  spawnSync(process.execPath, ["scripts/ensure-build.mjs"], { cwd: root, stdio: "inherit" });
  const dataDir = mkdtempSync(join(tmpdir(), "shared-table-bench-"));
  try {
    console.log(`Preparing a PGlite data directory in ${dataDir} (first start, with demo data) ...`);
    const firstMs = await timeServe(dataDir, "auto");
    console.log(`  first start (migrations, reference data, demo data): ${(firstMs / 1000).toFixed(2)} s`);
    await sleep(200);
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await timeServe(dataDir, "false"));
      console.log(`  start ${i + 1}: ${(runs[i] / 1000).toFixed(2)} s`);
    }
    const nodeRuns: number[] = [];
    for (let i = 0; i < RUNS; i++) nodeRuns.push(await timeNode());
    return { serveMs: median(runs), runs, nodeMs: median(nodeRuns) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
