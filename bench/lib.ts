/** Small helpers shared by the benchmarks. */
import { createServer } from "node:net";
import pg from "pg";

/** mulberry32: small, fast and good enough to draw a data set or a request mix from. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A free port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200, or gives up after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number, intervalMs = 20): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.status === 200) return true;
    } catch {
      // Not listening yet.
    }
    await sleep(intervalMs);
  }
  return false;
}

export function fmt(n: number, digits = 0): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export interface Row {
  metric: string;
  measured: string;
  target: string;
  verdict: "ok" | "MISSED" | "skipped" | "info";
}

export function printTable(rows: readonly Row[]): void {
  const header: Row = { metric: "metric", measured: "measured", target: "target", verdict: "info" };
  const cells = (r: Row) => [r.metric, r.measured, r.target, r === header ? "result" : r.verdict];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[header, ...rows].map((r) => cells(r)[i].length)));
  const line = (r: Row) =>
    cells(r)
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

/** The same server address with another database name. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Runs one statement (create or drop a benchmark database) on its own connection. */
export async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Median milliseconds of each of two calls, run alternately after a warm-up, so that a busy
 * machine slows both sides alike. `before` runs ahead of each timed call of `a` untimed (for
 * example, clearing a cache to time the first answer after a write).
 */
export async function timePair(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  before?: () => unknown,
): Promise<[number, number]> {
  for (let i = 0; i < Math.min(20, runs); i++) {
    before?.();
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, call] of [a, b].entries()) {
      if (k === 0) before?.();
      const start = performance.now();
      await call();
      times[k].push(performance.now() - start);
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [median(times[0]), median(times[1])];
}
