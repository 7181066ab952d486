/**
 * One server per end-to-end worker and one Chromium for the whole run: the files of a worker share
 * its server (each test makes its own users and partnerships with unique names), so the app starts
 * and seeds its demo data once per worker instead of once per file, and files running side by side
 * have databases of their own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { chromiumArgs, chromiumPath, repoRoot } from "./harness.js";
import { e2eWorkers } from "./workers.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Where each worker's server listens, e.g. http://127.0.0.1:41234 (none without Chromium). */
    baseUrls: string[];
    /** The shared Chromium's Playwright endpoint. */
    wsEndpoint: string;
    /** The files each server's output goes to, for diagnosing failures. */
    serverLogFiles: string[];
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Starts `shared-table serve` on a fresh data directory and waits until it answers (from the
 * one-file server build when `npm test` made it, from the sources otherwise). A journey that
 * needs a server of its own (another configuration, such as work-account sign-in) passes its
 * port and environment.
 */
export async function startServer(
  options: { port?: number; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = await mkdtemp(join(tmpdir(), "shared-table-e2e-"));
  const logFile = join(dataDir, "server.log");
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = "";
  let exited: string | undefined;

  const server: ChildProcess = spawn(process.execPath, ["bin/shared-table.js", "serve"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: join(dataDir, "db"),
      NODE_ENV: "test",
      // Every journey signs people up from this one machine: the per-network limit on mailed
      // links (60 in 15 minutes) is for real networks, not for a test run's hundreds of accounts.
      LINK_REQUESTS_PER_IP: "100000",
      // Reminder e-mails within seconds, not at the next minute, for the journeys that wait for one.
      HOUSEKEEPING_SECONDS: "5",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const record = (d: Buffer) => {
    log += d.toString();
    writeFileSync(logFile, log);
  };
  server.stdout?.on("data", record);
  server.stderr?.on("data", record);
  server.on("exit", (code, signal) => {
    exited = `the server exited (code ${code ?? "none"}, signal ${signal ?? "none"})\n${log}`;
  });
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) {
      const gone = new Promise<void>((resolve) => server.once("exit", () => resolve()));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
      await gone;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (exited) throw new Error(`waiting for GET /api/health: ${exited}`);
      const ok = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error(`the server did not answer within 120 s\n${log}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, logFile, stop };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!chromiumPath) {
    project.provide("baseUrls", []);
    project.provide("wsEndpoint", "");
    project.provide("serverLogFiles", []);
    return async () => undefined;
  }
  if (!existsSync(join(repoRoot, "dist/web/index.html"))) {
    throw new Error("dist/web/index.html is missing: build the web app first (npx vite build).");
  }
  const started = await Promise.allSettled(Array.from({ length: e2eWorkers }, () => startServer()));
  const servers = started.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  let browserServer: BrowserServer | undefined;
  const teardown = async () => {
    await browserServer?.close().catch(() => undefined);
    await Promise.all(servers.map((s) => s.stop()));
  };
  try {
    const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) throw failed.reason;
    browserServer = await chromium.launchServer({ executablePath: chromiumPath, args: chromiumArgs });
  } catch (err) {
    await teardown();
    throw err;
  }
  project.provide(
    "baseUrls",
    servers.map((s) => s.baseUrl),
  );
  project.provide("wsEndpoint", browserServer.wsEndpoint());
  project.provide(
    "serverLogFiles",
    servers.map((s) => s.logFile),
  );
  return teardown;
}
