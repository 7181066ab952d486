import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test-support.js";
import { tableFixture } from "../meetings/table-fixture.js";
import { meetingNow } from "./test-meeting.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;
let base = "";

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
  // A real socket: server-sent events stream, which inject() would wait out.
  base = await ctx.app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => ctx.close());

interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads events from a response body as they come, with a bound so a missing event fails the test. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const parse = (block: string): SseEvent | null => {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    return data.length ? { event, data: JSON.parse(data.join("\n")) } : null;
  };
  return {
    async next(name: string, timeoutMs = 5000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          const found = parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (found?.event === name) return found;
          end = buffer.indexOf("\n\n");
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms`);
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`no "${name}" event in time`)), left),
          ),
        ]);
        if (chunk.done) throw new Error(`the stream ended before a "${name}" event`);
        buffer += decoder.decode(chunk.value, { stream: true });
      }
    },
  };
}

describe("the check-in screen's live stream", () => {
  it("sends the board at once, then each arrival and the business majority as it changes", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const screen = await ctx.app.inject({
      method: "GET",
      url: `/api/meetings/${m.id}/check-in`,
      headers: { cookie: t.convener.cookie },
    });
    const { token } = screen.json<{ token: string }>();

    const abort = new AbortController();
    const res = await fetch(`${base}/api/meetings/${m.id}/check-in/events`, {
      headers: { cookie: t.convener.cookie },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const events = eventReader(res.body!);
    try {
      const first = await events.next("board");
      expect(first.data).toMatchObject({ meetingId: m.id, arrivals: [], lacksBusinessMajority: false });

      // A public partner as a guest: 0 of 1 business, flagged at a full partnership meeting.
      const guest = await ctx.app.inject({
        method: "POST",
        url: `/api/check-in/${token}/guests`,
        payload: { name: "Pia Public", organization: "Library District", sector: "public" },
      });
      expect(guest.statusCode).toBe(201);
      const arrival = await events.next("arrival");
      expect(arrival.data).toMatchObject({
        kind: "guest",
        name: "Pia Public",
        organization: "Library District",
        sector: "public",
      });
      const afterGuest = await events.next("board");
      expect(afterGuest.data).toMatchObject({
        attendance: { business: 0, public: 1, guests: 1, businessShare: 0, businessMajority: false },
        lacksBusinessMajority: true,
      });

      // Picking a name tells the screen someone waits for their e-mail; nothing counts yet.
      await ctx.app.inject({
        method: "POST",
        url: `/api/check-in/${token}/claims`,
        payload: { personId: t.convener.personId },
      });
      expect((await events.next("pending")).data).toEqual({ name: "Casey Convener" });

      // A business member taps in: 1 of 2 is half, not a majority.
      await ctx.app.inject({
        method: "POST",
        url: `/api/check-in/${token}/me`,
        headers: { cookie: t.member.cookie },
        payload: {},
      });
      expect((await events.next("arrival")).data).toMatchObject({
        kind: "member",
        name: "Bea Business",
        sector: "business",
      });
      expect((await events.next("board")).data).toMatchObject({
        attendance: { business: 1, public: 1, businessShare: 0.5, businessMajority: false },
        lacksBusinessMajority: true,
      });
      await ctx.app.inject({
        method: "POST",
        url: `/api/check-in/${token}/guests`,
        payload: { name: "Gil Guest", organization: "Gadget Works", sector: "business" },
      });
      expect((await events.next("arrival")).data).toMatchObject({ name: "Gil Guest" });
      expect((await events.next("board")).data).toMatchObject({
        attendance: { business: 2, public: 1, guests: 2, businessShare: 0.667, businessMajority: true },
        lacksBusinessMajority: false,
      });
    } finally {
      abort.abort();
    }
  });

  it("refuses the stream to a member who is not a convener, an outsider and a visitor, without streaming", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    for (const [cookie, status] of [
      [t.member.cookie, 403],
      [t.outsider.cookie, 404],
      [undefined, 401],
    ] as const) {
      const res = await fetch(`${base}/api/meetings/${m.id}/check-in/events`, {
        headers: cookie ? { cookie } : {},
      });
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      await res.text();
    }
  });
});
