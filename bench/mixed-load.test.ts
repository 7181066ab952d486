/**
 * The mixed-load generator against a small local server that records what it receives: the
 * schedule is kept whatever the answers, latency counts from when a request was due, failures
 * are counted and shown, and each write goes as someone allowed to make it.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runMixedLoad } from "./mixed-load.js";
import type { MixedPerson, MixedPlan } from "./mixed-plan.js";

interface Seen {
  method: string;
  path: string;
  cookie: string;
  at: number;
}

const DELAY_MS = 60;
let server: Server;
let base = "";
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    seen.push({
      method: req.method ?? "",
      path: req.url ?? "",
      cookie: req.headers.cookie ?? "",
      at: performance.now(),
    });
    req.resume();
    // Every answer takes a while; replies are refused, so failures show.
    setTimeout(() => {
      const refuse = req.url?.endsWith("/replies");
      res.writeHead(refuse ? 429 : 200, { "content-type": "application/json" });
      res.end(refuse ? '{"title":"Slow down"}' : "{}");
    }, DELAY_MS);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function person(i: number): MixedPerson {
  const convener = i % 5 === 0;
  return {
    cookie: `st_session=person-${i}`,
    partnershipId: `p${Math.floor(i / 5)}`,
    roundId: `round-${Math.floor(i / 5)}`,
    opportunityIds: ["o1", "o2", "o3"],
    actionId: `action-${i}`,
    mayVote: !convener,
    benchmark: { indicator: "hires", period: "2025" },
    indicator: convener ? { key: "hires", unit: "count" } : null,
    threadId: "t1",
    eventId: "e1",
  };
}

it("keeps its schedule, counts latency from the due time and says what failed", async () => {
  const people = Array.from({ length: 50 }, (_, i) => person(i));
  const plan: MixedPlan = {
    bases: [base],
    rate: 400,
    seconds: 1,
    seed: 7,
    people,
    directoryPaths: ["/api/partnerships?state=CO"],
    profileSlugs: ["front-range"],
  };
  const r = await runMixedLoad(plan);

  expect(r.sent).toBe(400);
  expect(seen).toHaveLength(400);
  // Open loop: the last request left about a second after the first, not after answers came back.
  const spread = seen[seen.length - 1].at - seen[0].at;
  expect(spread).toBeGreaterThan(900);
  expect(spread).toBeLessThan(1300);
  expect(r.p50).toBeGreaterThanOrEqual(DELAY_MS);

  const replies = seen.filter((s) => s.path.endsWith("/replies")).length;
  expect(replies).toBeGreaterThan(0);
  expect(r.errors).toBe(replies);
  expect(r.byKind.find((k) => k.kind === "reply")?.errors).toBe(replies);
  expect(r.errorSamples[0]).toMatch(/429/);

  const writes = seen.filter((s) => s.method !== "GET");
  const reads = seen.length - writes.length;
  expect(reads / seen.length).toBeGreaterThan(0.8);
  // Ballots only from people who may vote; measurements only from their partnership's convener.
  const cookieOf = (i: number) => people[i].cookie;
  const conveners = new Set(people.filter((p) => !p.mayVote).map((p) => p.cookie));
  for (const s of seen.filter((x) => x.path.endsWith("/ballot"))) expect(conveners.has(s.cookie)).toBe(false);
  for (const s of seen.filter((x) => x.path.endsWith("/measurements") && x.method === "PUT")) {
    const partnership = /\/api\/partnerships\/(p\d+)\//.exec(s.path)?.[1];
    expect(s.cookie).toBe(cookieOf(Number(partnership?.slice(1)) * 5));
  }
});
