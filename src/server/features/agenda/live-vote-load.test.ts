/**
 * A launch with 150 phones: a real listening server, the projector's stream open, and 150
 * voters (business members signed in, and business guests with their tokens) casting ballots at
 * once over HTTP. Every ballot must count once, and the projector must show 150 within a second
 * of the last ballot's answer.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { LiveCount, LiveGuestResult, LiveVoteScreen } from "../../../core/live-vote.js";
import { queryRows } from "../../../db/query.js";
import { memberships, people, sessions, users } from "../../../db/schema/index.js";
import { SESSION_DAYS } from "../auth/service.js";
import { newToken } from "../../lib/tokens.js";
import { meetingNow } from "../checkin/test-meeting.js";
import { agendaFixture, raise, type AgendaFixture } from "./test-fixture.js";

const MEMBERS = 90;
const GUESTS = 60;
const VOTERS = MEMBERS + GUESTS;
/** Phones whose owner taps twice: the second ballot replaces the first, it is not a second vote. */
const DOUBLE_TAPS = 20;

let f: AgendaFixture;
let base = "";
let opp: string[];
let roundId: string;
let code: string;
let memberCookies: string[] = [];

beforeAll(async () => {
  f = await agendaFixture();
  opp = await raise(f, f.business1, ["Apprenticeships", "Broadband", "Childcare"]);
  const round = await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/vote-rounds`, {
    title: "Launch vote",
    method: "dots",
    dotsPerVoter: 3,
    opportunityIds: opp,
  });
  roundId = round.json<{ id: string }>().id;
  const meeting = await meetingNow(f.ctx, f.partnership.id, f.convener.cookie, { kind: "launch" });
  const started = await f.call(f.convener, "POST", `/api/vote-rounds/${roundId}/live`, {
    meetingId: meeting.id,
  });
  expect(started.statusCode, started.body).toBe(201);
  code = new URL(started.json<LiveVoteScreen>().joinUrl).searchParams.get("code") ?? "";

  // Business members in bulk, straight into the database: signing 90 people up by mail is slow.
  const [{ id: organizationId }] = await queryRows<{ id: string }>(
    f.ctx.deps.db,
    sql`select id from organizations where name = 'Acme Precision Machining'`,
  );
  const now = f.ctx.deps.now();
  const madeUsers = await f.ctx.deps.db
    .insert(users)
    .values(
      Array.from({ length: MEMBERS }, (_, i) => ({ email: `voter${i}@example.org`, name: `Voter ${i}` })),
    )
    .returning({ id: users.id, name: users.name, email: users.email });
  const madePeople = await f.ctx.deps.db
    .insert(people)
    .values(madeUsers.map((u) => ({ name: u.name, email: u.email, userId: u.id })))
    .returning({ id: people.id });
  await f.ctx.deps.db.insert(memberships).values(
    madePeople.map((p) => ({
      partnershipId: f.partnership.id,
      personId: p.id,
      organizationId,
      role: "business_member" as const,
    })),
  );
  const tokens = madeUsers.map(() => newToken());
  await f.ctx.deps.db.insert(sessions).values(
    madeUsers.map((u, i) => ({
      tokenHash: tokens[i].hash,
      userId: u.id,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    })),
  );
  memberCookies = tokens.map((t) => `st_session=${t.token}`);

  // A real socket: the projector's stream, and phones over HTTP.
  base = await f.ctx.app.listen({ port: 0, host: "127.0.0.1" });
}, 60_000);
afterAll(() => f.ctx.close());

/** What voter i puts on the ballot: all 3 dots on one item, or 2 and 1. */
function ballotOf(i: number) {
  return i % 2 === 0
    ? [{ opportunityId: opp[i % 3], dots: 3 }]
    : [
        { opportunityId: opp[i % 3], dots: 2 },
        { opportunityId: opp[(i + 1) % 3], dots: 1 },
      ];
}

/** Collects the projector's `count` events with when each arrived. */
function collectCounts(body: ReadableStream<Uint8Array>) {
  const seen: { count: LiveCount; at: number }[] = [];
  const waiters: (() => void)[] = [];
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith("event: count\n")) {
          const data = block.split("\n").find((l) => l.startsWith("data: "));
          if (data) seen.push({ count: JSON.parse(data.slice(6)) as LiveCount, at: performance.now() });
          for (const wake of waiters.splice(0)) wake();
        }
        end = buffer.indexOf("\n\n");
      }
    }
  })();
  return {
    seen,
    async until(test: (c: LiveCount) => boolean, timeoutMs: number): Promise<number> {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const hit = seen.find((s) => test(s.count));
        if (hit) return hit.at;
        const left = deadline - performance.now();
        if (left <= 0)
          throw new Error(`no such count within ${timeoutMs} ms; last: ${JSON.stringify(seen.at(-1))}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, left);
        });
      }
    },
  };
}

it(`counts ${VOTERS} phones voting at once, each ballot once, and the projector shows ${VOTERS} within 1 s`, async () => {
  const abort = new AbortController();
  const stream = await fetch(`${base}/api/vote-rounds/${roundId}/live/events`, {
    headers: { cookie: f.convener.cookie },
    signal: abort.signal,
  });
  expect(stream.status).toBe(200);
  const counts = collectCounts(stream.body as ReadableStream<Uint8Array>);
  await counts.until((c) => c.voterCount === 0, 5000);

  // Guests check in from the live vote's page and get their tokens, all at once too.
  const guests = await Promise.all(
    Array.from({ length: GUESTS }, async (_, i) => {
      const res = await fetch(`${base}/api/live-vote/guests`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          code,
          roundId,
          name: `Guest ${i}`,
          organization: `Shop ${i}`,
          sector: "business",
        }),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as LiveGuestResult;
    }),
  );

  const cast = async (i: number): Promise<number> => {
    const allocations = ballotOf(i);
    const res =
      i < MEMBERS
        ? await fetch(`${base}/api/vote-rounds/${roundId}/ballot`, {
            method: "PUT",
            headers: { "content-type": "application/json", cookie: memberCookies[i] },
            body: JSON.stringify({ allocations }),
          })
        : await fetch(`${base}/api/vote-rounds/${roundId}/guest-ballot`, {
            method: "PUT",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ token: guests[i - MEMBERS].token, allocations }),
          });
    expect(res.status, await res.clone().text()).toBe(200);
    await res.arrayBuffer().catch(() => undefined);
    return performance.now();
  };
  const startedAt = performance.now();
  // Every voter at once, and some of them a second time (the same ballot again) while the rest vote.
  const doubles = Array.from({ length: DOUBLE_TAPS }, (_, k) => (k * 7) % VOTERS);
  const answered = await Promise.all([
    ...Array.from({ length: VOTERS }, (_, i) => cast(i)),
    ...doubles.map((i) => cast(i)),
  ]);
  const lastAnswer = Math.max(...answered);
  const shownAt = await counts.until((c) => c.voterCount === VOTERS, 5000);
  abort.abort();

  expect(shownAt - lastAnswer).toBeLessThan(1000);
  // Each count the projector showed was new and larger than the last, and none passed 150.
  const shown = counts.seen.map((s) => s.count.voterCount);
  for (let k = 1; k < shown.length; k++) expect(shown[k]).toBeGreaterThan(shown[k - 1]);
  expect(shown.at(-1)).toBe(VOTERS);
  expect(counts.seen.every((s) => s.count.status === "open")).toBe(true);
  // The stream carries the count and nothing of the tally while the round is open.
  for (const s of counts.seen)
    expect(Object.keys(s.count).sort()).toEqual(["roundId", "status", "voterCount"]);
  // Well within the time a room takes to vote (the whole burst, on a 2-core machine).
  expect(lastAnswer - startedAt).toBeLessThan(20_000);

  // Each ballot once in the table: one per voter, with exactly its entries.
  expect(await f.count("ballots", `round_id = '${roundId}'`)).toBe(VOTERS);
  const [{ dots }] = await queryRows<{ dots: number }>(
    f.ctx.deps.db,
    sql`select coalesce(sum(e.dots), 0)::int as dots from ballot_entries e
        join ballots b on b.id = e.ballot_id where b.round_id = ${roundId}`,
  );
  expect(dots).toBe(VOTERS * 3);

  // The closed results' totals, exactly as the ballots give them.
  const expected = new Map(opp.map((id) => [id, { dots: 0, voters: 0 }]));
  for (let i = 0; i < VOTERS; i++) {
    for (const a of ballotOf(i)) {
      const e = expected.get(a.opportunityId);
      if (e) {
        e.dots += a.dots;
        e.voters += 1;
      }
    }
  }
  const close = await f.call(f.convener, "POST", `/api/vote-rounds/${roundId}/close`);
  expect(close.statusCode).toBe(200);
  const screen = (await f.call(f.convener, "GET", `/api/vote-rounds/${roundId}/live`)).json<LiveVoteScreen>();
  expect(screen.results?.voterCount).toBe(VOTERS);
  expect(
    Object.fromEntries(
      (screen.results?.items ?? []).map((i) => [i.opportunityId, { dots: i.dots, voters: i.voters }]),
    ),
  ).toEqual(Object.fromEntries(expected));
}, 60_000);
