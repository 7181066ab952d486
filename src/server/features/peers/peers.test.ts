import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { naicsDepthInCommon } from "../../../core/peers.js";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
let convener: Awaited<ReturnType<typeof signUp>>;
let peerConvener: Awaited<ReturnType<typeof signUp>>;
let visitor: Awaited<ReturnType<typeof signUp>>;
let mine: { id: string; slug: string };
let sameIndustry: { id: string };
let sameRegion: { id: string };
let unrelated: { id: string };
let closeIndustry: { id: string };

const outboxCount = async () =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from outbox`))[0]?.n ?? 0;

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  peerConvener = await signUp(ctx, "Pat Peer");
  visitor = await signUp(ctx, "Vic Visitor");
  mine = await createPartnership(ctx, convener.cookie, { naics: ["3363"], setting: "metro" });
  sameIndustry = await createPartnership(ctx, peerConvener.cookie, {
    name: "Houston Manufacturing Partnership",
    naics: ["31-33"],
    counties: ["48201"],
  });
  closeIndustry = await createPartnership(ctx, peerConvener.cookie, {
    name: "Detroit Auto Parts Partnership",
    naics: ["336390"],
    counties: ["26163"],
  });
  sameRegion = await createPartnership(ctx, peerConvener.cookie, {
    name: "Denver Health Care Partnership",
    naics: ["62"],
    counties: ["08031"],
  });
  unrelated = await createPartnership(ctx, peerConvener.cookie, {
    name: "Texas Health Partnership",
    naics: ["62"],
    counties: ["48201"],
  });
});
afterAll(() => ctx.close());

describe("industry depth", () => {
  it("counts digits in common, sectors and ranges included", () => {
    expect(naicsDepthInCommon("3363", "336390")).toBe(4);
    expect(naicsDepthInCommon("3363", "31-33")).toBe(2);
    expect(naicsDepthInCommon("3363", "62")).toBe(0);
    expect(naicsDepthInCommon("311", "336")).toBe(2);
  });
});

describe("partnerships like ours", () => {
  it("answers the same industry elsewhere and the same region, most similar first, for anyone", async () => {
    const res = await ctx.app.inject({ method: "GET", url: `/api/partnerships/${mine.id}/peers` });
    expect(res.statusCode).toBe(200);
    const items = res.json<{
      items: { id: string; match: string; industryDepth: number; states: string[] }[];
    }>().items;
    expect(items.map((p) => p.id)).toEqual([closeIndustry.id, sameIndustry.id, sameRegion.id]);
    expect(items.map((p) => p.match)).toEqual(["industry", "industry", "region"]);
    expect(items[0]?.industryDepth).toBe(4);
    expect(items[2]?.states).toEqual(["CO"]);
    expect(items.some((p) => p.id === unrelated.id || p.id === mine.id)).toBe(false);
    expect(JSON.stringify(items)).not.toContain("@");
  });

  it("is 404 for a partnership that does not exist", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/partnerships/no-such-slug/peers" });
    expect(res.statusCode).toBe(404);
  });
});

describe("ask to connect", () => {
  const url = () => `/api/partnerships/${mine.id}/peers/${sameIndustry.id}/connect`;

  it("needs a signed-in sender: 401 and nothing sent", async () => {
    const before = await outboxCount();
    const res = await ctx.app.inject({
      method: "POST",
      url: url(),
      payload: { message: "Hello from Denver!" },
    });
    expect(res.statusCode).toBe(401);
    expect(await outboxCount()).toBe(before);
  });

  it("reaches the peer's conveners by e-mail without the sender's address unless shared", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: url(),
      headers: { cookie: convener.cookie },
      payload: { message: "We would love to hear how you ran your launch." },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: 1 });
    expect(res.body).not.toContain(peerConvener.email);
    const [mail] = await queryRows<{ to: string; text: string }>(
      ctx.deps.db,
      sql`select "to", text from outbox order by created_at desc limit 1`,
    );
    expect(mail?.to).toBe(peerConvener.email);
    expect(mail?.text).toContain("Casey Convener");
    expect(mail?.text).toContain("how you ran your launch");
    expect(mail?.text).not.toContain(convener.email);
    await ctx.app.inject({
      method: "POST",
      url: url(),
      headers: { cookie: convener.cookie },
      payload: { message: "Here is my address this time.", shareEmail: true },
    });
    const [shared] = await queryRows<{ text: string }>(
      ctx.deps.db,
      sql`select text from outbox order by created_at desc limit 1`,
    );
    expect(shared?.text).toContain(convener.email);
  });

  it("refuses a message too short, with the field named, and sends nothing", async () => {
    const before = await outboxCount();
    const res = await ctx.app.inject({
      method: "POST",
      url: url(),
      headers: { cookie: convener.cookie },
      payload: { message: "hi" },
    });
    expect(res.statusCode).toBe(400);
    expect(await outboxCount()).toBe(before);
  });
});

describe("who may ask to connect, and how often", () => {
  const connectRows = async () =>
    queryRows<Record<string, unknown>>(
      ctx.deps.db,
      sql`select from_partnership_id, to_partnership_id, sender_id, created_at from connect_requests order by created_at`,
    );
  const ask = (cookie: string, to: { id: string }, message = "Could we compare notes on our launch?") =>
    ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${mine.id}/peers/${to.id}/connect`,
      headers: { cookie },
      payload: { message },
    });

  it("refuses someone who is not a member of the asking partnership: 403 and nothing sent", async () => {
    const [mail, asks] = [await outboxCount(), await connectRows()];
    // Signed in and a convener elsewhere, but not at the table of the partnership it would speak for.
    for (const outsider of [visitor, peerConvener]) {
      const res = await ask(outsider.cookie, closeIndustry);
      expect(res.statusCode).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json<{ detail: string }>().detail).toMatch(/Only members of .* may ask to connect/);
    }
    expect(await outboxCount()).toBe(mail);
    expect(await connectRows()).toEqual(asks);
  });

  it("takes 5 asks a day from one partnership to one peer, then 429 with Retry-After and nothing sent", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await ask(convener.cookie, closeIndustry)).statusCode).toBe(202);
      ctx.advance(60 * 60 * 1000);
    }
    const [mail, asks] = [await outboxCount(), await connectRows()];
    const refused = await ask(convener.cookie, closeIndustry);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    // The first ask leaves the 24-hour window 19 hours from now (5 hours have passed).
    expect(refused.headers["retry-after"]).toBe(String(19 * 60 * 60));
    expect(refused.json<{ detail: string }>().detail).toMatch(
      /already asked Detroit Auto Parts Partnership to connect 5 times in the last 24 hours.*ask again after .* UTC, in about 19 hours/,
    );
    expect(await outboxCount()).toBe(mail);
    expect(await connectRows()).toEqual(asks);
    // Another peer is another pair.
    expect((await ask(convener.cookie, sameRegion)).statusCode).toBe(202);
    ctx.advance(19 * 60 * 60 * 1000);
    expect((await ask(convener.cookie, closeIndustry)).statusCode).toBe(202);
  });
});

describe("the people directory", () => {
  it("lists only those who chose to be listed, without e-mail addresses", async () => {
    const put = await ctx.app.inject({
      method: "PUT",
      url: "/api/me/listing",
      headers: { cookie: convener.cookie },
      payload: {
        listed: true,
        title: "Director, Workforce Board",
        organizationKind: "workforce_development",
        state: "CO",
        topics: ["launch meetings", "champions"],
      },
    });
    expect(put.statusCode).toBe(200);
    await ctx.app.inject({
      method: "PUT",
      url: "/api/me/listing",
      headers: { cookie: visitor.cookie },
      payload: { listed: false, title: "Secret" },
    });
    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/people",
      headers: { cookie: visitor.cookie },
    });
    expect(res.json()).toEqual({
      items: [
        {
          userId: convener.userId,
          name: "Casey Convener",
          title: "Director, Workforce Board",
          organizationKind: "workforce_development",
          state: "CO",
          topics: ["launch meetings", "champions"],
        },
      ],
      total: 1,
    });
    const byTopic = await ctx.app.inject({
      method: "GET",
      url: "/api/people?topic=champ&state=CO",
      headers: { cookie: visitor.cookie },
    });
    expect(byTopic.json<{ total: number }>().total).toBe(1);
    const none = await ctx.app.inject({
      method: "GET",
      url: "/api/people?state=TX",
      headers: { cookie: visitor.cookie },
    });
    expect(none.json<{ total: number }>().total).toBe(0);
    expect((await ctx.app.inject({ method: "GET", url: "/api/people" })).statusCode).toBe(401);
  });

  it("refuses a bad state and keeps the listing as it was", async () => {
    const res = await ctx.app.inject({
      method: "PUT",
      url: "/api/me/listing",
      headers: { cookie: convener.cookie },
      payload: { listed: true, state: "Colorado" },
    });
    expect(res.statusCode).toBe(400);
    const mineNow = await ctx.app.inject({
      method: "GET",
      url: "/api/me/listing",
      headers: { cookie: convener.cookie },
    });
    expect(mineNow.json<{ state: string }>().state).toBe("CO");
  });
});
