/**
 * The mixed-load generator, run in a process of its own so that its work does not slow the
 * server it measures. Open loop: requests leave on a fixed schedule whether or not earlier ones
 * have been answered, and each latency counts from when its request was due, so a server that
 * stalls is charged for every request that waited (no coordinated omission).
 *
 * Each simulated person has their own keep-alive connections (at most 6, like a browser) and
 * their own session cookie. 90% of requests read, 10% write.
 */
import http from "node:http";
import { seededRandom } from "./lib.js";
import type { KindStats, MixedPerson, MixedPlan, MixedRunResult, RequestKind } from "./mixed-plan.js";

interface Request {
  kind: RequestKind;
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  body?: unknown;
}

/** Percent of all requests by kind: reads add up to 90, writes to 10. */
const mix: readonly (readonly [RequestKind, number])[] = [
  ["directory", 20],
  ["profile", 15],
  ["action plan", 15],
  ["impact", 10],
  ["home", 15],
  ["discussions", 10],
  ["thread", 5],
  ["ballot", 2],
  ["action update", 2],
  ["measurement", 2],
  ["reply", 2],
  ["registration", 2],
];

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function runMixedLoad(plan: MixedPlan): Promise<MixedRunResult> {
  const random = seededRandom(plan.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const agents = plan.people.map(() => new http.Agent({ keepAlive: true, maxSockets: 6 }));
  /** Each person's registration as the server last confirmed it, and whether a change is on its way. */
  const registered = plan.people.map(() => false);
  /** Registration requests of each person still unanswered: a count, as several may be on their way. */
  const registering = plan.people.map(() => 0);
  /** Whether a cancellation is among them: then the order the servers took them in is unknown. */
  const cancelling = plan.people.map(() => false);
  const measurers = plan.people.map((p, i) => (p.indicator ? i : -1)).filter((i) => i >= 0);
  const totalWeight = mix.reduce((sum, [, w]) => sum + w, 0);
  let replyCount = 0;

  function chooseKind(): RequestKind {
    let r = random() * totalWeight;
    for (const [kind, weight] of mix) {
      r -= weight;
      if (r < 0) return kind;
    }
    return "home";
  }

  function requestFor(kind: RequestKind, who: number, person: MixedPerson): Request {
    switch (kind) {
      case "directory":
        return { kind, method: "GET", path: pick(plan.directoryPaths) };
      case "profile":
        return { kind, method: "GET", path: `/api/partnerships/${pick(plan.profileSlugs)}` };
      case "action plan":
        return { kind, method: "GET", path: `/api/partnerships/${person.partnershipId}/action-plan` };
      case "impact":
        return {
          kind,
          method: "GET",
          path:
            random() < 0.5
              ? `/api/partnerships/${person.partnershipId}/measurements`
              : `/api/partnerships/${person.partnershipId}/benchmarks?indicator=${encodeURIComponent(
                  person.benchmark.indicator,
                )}&period=${encodeURIComponent(person.benchmark.period)}`,
        };
      case "home":
        return { kind, method: "GET", path: "/api/me/home" };
      case "discussions":
        return { kind, method: "GET", path: "/api/discussions" };
      case "thread":
        return { kind, method: "GET", path: `/api/discussions/${person.threadId}` };
      case "ballot": {
        const [a, b] = [pick(person.opportunityIds), pick(person.opportunityIds)];
        const allocations =
          a === b
            ? [{ opportunityId: a, dots: 3 }]
            : [
                { opportunityId: a, dots: 2 },
                { opportunityId: b, dots: 1 },
              ];
        return {
          kind,
          method: "PUT",
          path: `/api/vote-rounds/${person.roundId}/ballot`,
          body: { allocations },
        };
      }
      case "action update":
        return {
          kind,
          method: "POST",
          path: `/api/actions/${person.actionId}/updates`,
          body: {
            note: `Called ${1 + Math.floor(random() * 9)} more employers.`,
            progress: Math.floor(random() * 90),
          },
        };
      case "measurement": {
        const convener = plan.people[pick(measurers)];
        const indicator = convener.indicator ?? { key: "", unit: "count" };
        const value =
          indicator.unit === "yes_no"
            ? Math.round(random())
            : indicator.unit === "percent"
              ? Math.floor(random() * 100)
              : Math.floor(random() * 500);
        return {
          kind,
          method: "PUT",
          path: `/api/partnerships/${convener.partnershipId}/measurements`,
          body: {
            items: [
              { indicator: indicator.key, period: "2026", value, kind: "actual", visibility: "public" },
            ],
          },
        };
      }
      case "reply":
        return {
          kind,
          method: "POST",
          path: `/api/discussions/${person.threadId}/replies`,
          body: { body: `We tried this too: reply ${++replyCount} from the load test.` },
        };
      case "registration": {
        // Cancel only a registration the server has confirmed and nothing else is changing:
        // registering again is harmless (it answers the same registration), cancelling twice is not.
        const method = registered[who] && registering[who] === 0 ? "DELETE" : "POST";
        registering[who] += 1;
        if (method === "DELETE") cancelling[who] = true;
        return { kind, method, path: `/api/events/${person.eventId}/registration` };
      }
    }
  }

  /**
   * An answered registration request. The person counts as registered only when the last of
   * their requests on the way was a registration that succeeded and no cancellation overlapped
   * it (two servers may take overlapping requests in either order); otherwise the state is
   * unknown and the next toggle registers, which is harmless when already registered.
   */
  function settleRegistration(who: number, registeredByThis: boolean): void {
    registering[who] -= 1;
    if (registering[who] > 0) {
      registered[who] = false;
      return;
    }
    registered[who] = registeredByThis && !cancelling[who];
    cancelling[who] = false;
  }

  /** The measurement kind is sent as a convener; every other kind as the person chosen. */
  function cookieFor(request: Request, person: MixedPerson): string {
    if (request.kind !== "measurement") return person.cookie;
    const partnershipId = /\/api\/partnerships\/([^/]+)\//.exec(request.path)?.[1];
    return plan.people.find((p) => p.indicator && p.partnershipId === partnershipId)?.cookie ?? person.cookie;
  }

  const latencies: number[] = [];
  const byKind = new Map<RequestKind, { latencies: number[]; errors: number }>();
  const errorSamples: string[] = [];
  let errors = 0;
  let sent = 0;
  let answered = 0;
  let maxSendLagMs = 0;
  const total = Math.round(plan.rate * plan.seconds);

  return new Promise((resolve) => {
    const started = performance.now();
    const finish = () => {
      const elapsed = (performance.now() - started) / 1000;
      for (const agent of agents) agent.destroy();
      latencies.sort((a, b) => a - b);
      const kinds: KindStats[] = [...byKind.entries()].map(([kind, s]) => {
        s.latencies.sort((a, b) => a - b);
        return {
          kind,
          count: s.latencies.length,
          errors: s.errors,
          p50: percentile(s.latencies, 50),
          p99: percentile(s.latencies, 99),
          max: s.latencies.at(-1) ?? 0,
        };
      });
      resolve({
        sent,
        seconds: elapsed,
        achievedRate: answered / elapsed,
        errors,
        errorSamples,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        max: latencies.at(-1) ?? 0,
        byKind: kinds,
        maxSendLagMs,
      });
    };

    const record = (kind: RequestKind, due: number, failure: string | null) => {
      const latency = performance.now() - due;
      latencies.push(latency);
      const stats = byKind.get(kind) ?? { latencies: [], errors: 0 };
      byKind.set(kind, stats);
      stats.latencies.push(latency);
      if (failure) {
        errors++;
        stats.errors++;
        if (errorSamples.length < 8) errorSamples.push(`${kind}: ${failure}`);
      }
      if (++answered === total) finish();
    };

    const send = (due: number) => {
      const kind = chooseKind();
      // A ballot comes from someone who may vote: the next person of the same partnership.
      let who = Math.floor(random() * plan.people.length);
      if (kind === "ballot" && !plan.people[who].mayVote) who = (who + 1) % plan.people.length;
      const person = plan.people[who];
      const request = requestFor(kind, who, person);
      const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
      const base = new URL(plan.bases[sent % plan.bases.length]);
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          method: request.method,
          path: request.path,
          agent: agents[who],
          headers: {
            cookie: cookieFor(request, person),
            accept: "application/json",
            ...(payload === undefined
              ? {}
              : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }),
          },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          const status = res.statusCode ?? 0;
          res.on("data", (chunk: Buffer) => {
            if (status >= 400) chunks.push(chunk);
          });
          res.on("end", () => {
            const ok = status >= 200 && status < 300;
            if (request.kind === "registration") settleRegistration(who, ok && request.method === "POST");
            record(
              request.kind,
              due,
              ok
                ? null
                : `${request.method} ${request.path} ${status} ${Buffer.concat(chunks).toString().slice(0, 200)}`,
            );
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("timed out after 30 s")));
      req.on("error", (error) => {
        // A request that timed out may still be served later: whether the person is registered is unknown.
        if (request.kind === "registration") settleRegistration(who, false);
        record(request.kind, due, `${request.method} ${request.path} ${error.message}`);
      });
      req.end(payload);
      sent++;
    };

    const interval = 1000 / plan.rate;
    const tick = () => {
      const now = performance.now();
      while (sent < total && started + sent * interval <= now) {
        const due = started + sent * interval;
        maxSendLagMs = Math.max(maxSendLagMs, now - due);
        send(due);
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

// Run as the bench's child process (bench/mixed.ts says so in the environment, since a test
// runner's worker has an IPC channel too): the plan comes in over IPC, the result goes back.
if (process.env.MIXED_LOAD_CHILD === "1" && process.send) {
  process.once("message", (plan: MixedPlan) => {
    void runMixedLoad(plan).then((result) => {
      process.send?.(result, () => process.exit(0));
    });
  });
}
