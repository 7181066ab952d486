import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export const demo = {
  convener: { email: "convener@demo.sharedtable.org", password: "demo-password-1" },
  admin: { email: "admin@demo.sharedtable.org", password: "demo-password-1" },
} as const;

/** The Chromium or Chrome executable to drive, or undefined when none is installed. */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export const chromiumPath = findChromium();
export const skipReason = chromiumPath
  ? undefined
  : "No Chromium found: set CHROMIUM_PATH or install Debian's chromium (apt-get install chromium).";

function freePort(): Promise<number> {
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

/** Polls `check` until it returns a value, the deadline passes, or `abort` gives a reason. */
async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  abort: () => string | undefined,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stop = abort();
    if (stop) throw new Error(`${what}: ${stop}`);
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: gave up after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (its own cookies, or those of `storageState`) and page. */
  newPage(options?: { storageState?: StorageState }): Promise<Page>;
  /** What the server printed so far, for diagnosing failures. */
  serverLog(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real server on a free port with a fresh data directory, waits until it answers,
 * and launches Chromium. Expects `dist/web` to be built already (`npx vite build`).
 */
export async function startHarness(): Promise<Harness> {
  if (!chromiumPath) throw new Error(skipReason);
  if (!existsSync(join(repoRoot, "dist/web/index.html"))) {
    throw new Error("dist/web/index.html is missing: build the web app first (npx vite build).");
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "shared-table-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = "";
  let exited: string | undefined;

  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", "serve"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  server.on("exit", (code, signal) => {
    exited = `the server exited (code ${code ?? "none"}, signal ${signal ?? "none"})\n${log}`;
  });

  const contexts: BrowserContext[] = [];
  let browser: Browser | undefined;

  const stop = async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close().catch(() => undefined);
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
    await waitFor(
      "waiting for GET /api/health",
      async () => {
        try {
          const res = await fetch(`${baseUrl}/api/health`);
          return res.ok ? true : undefined;
        } catch {
          return undefined;
        }
      },
      90_000,
      () => exited,
    );
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
  } catch (err) {
    await stop();
    throw err;
  }
  const launched = browser;

  return {
    baseUrl,
    browser: launched,
    serverLog: () => log,
    async newPage(options) {
      const context = await launched.newContext({
        baseURL: baseUrl,
        viewport: { width: 1280, height: 900 },
        ...(options?.storageState ? { storageState: options.storageState } : {}),
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    stop,
  };
}

/** A unique suffix so that names and e-mails of one run never collide. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
