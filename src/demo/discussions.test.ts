import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discussionCategories, mentionedUserIds } from "../core/discussion-categories.js";
import { replyBody, threadBody, type ThreadDetail, type ThreadList } from "../core/discussions.js";
import type { PersonListing } from "../core/peers.js";
import { queryRows } from "../db/query.js";
import { createTestContext, sessionCookie, type TestContext } from "../server/test-support.js";
import { generateDiscussionsDemo } from "./discussions.js";
import { generateEventsDemo } from "./events.js";
import { defaultSeed, demoAccounts, generateDemoData } from "./generate.js";
import { demoPassword, loadDemoData } from "./load.js";
import { Random } from "./random.js";

describe("demo discussions (generated)", () => {
  const data = generateDemoData({ passwordHash: "x" });
  const attendees = generateEventsDemo(data, new Random(defaultSeed).fork("events"), {
    seed: defaultSeed,
    today: "2027-03-10",
  }).users;
  const make = (today: string) =>
    generateDiscussionsDemo(data, attendees, new Random(defaultSeed).fork("discussions"), {
      seed: defaultSeed,
      today,
    });

  it("is the same for the same seed and day", () => {
    expect(make("2027-03-10")).toEqual(make("2027-03-10"));
  });

  it("has 15-25 threads over the last 60 days with 0-12 valid replies each, in order", () => {
    const today = "2027-03-10";
    const demo = make(today);
    const anchor = Date.parse(`${today}T00:00:00Z`);
    expect(demo.threads.length).toBeGreaterThanOrEqual(15);
    expect(demo.threads.length).toBeLessThanOrEqual(25);
    const known = new Set([...data.users, ...attendees, ...demo.users].map((u) => u.id));
    expect(demo.users.length).toBeGreaterThanOrEqual(8);
    for (const t of demo.threads) {
      expect(() => threadBody.parse({ title: t.title, category: t.category, body: t.body })).not.toThrow();
      expect(known.has(t.authorId)).toBe(true);
      expect(t.createdAt.getTime()).toBeGreaterThan(anchor - 60 * 86_400_000);
      expect(t.createdAt.getTime()).toBeLessThan(anchor);
      const replies = demo.replies.filter((r) => r.threadId === t.id);
      expect(replies.length).toBe(t.replyCount);
      expect(replies.length).toBeLessThanOrEqual(12);
      const times = replies.map((r) => r.createdAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times.every((ms) => ms > t.createdAt.getTime() && ms < anchor)).toBe(true);
      expect(t.lastReplyAt.getTime()).toBe(times.at(-1) ?? t.createdAt.getTime());
      for (const r of replies) {
        expect(() => replyBody.parse({ body: r.body })).not.toThrow();
        expect(known.has(r.authorId)).toBe(true);
        for (const id of mentionedUserIds(r.body)) expect(known.has(id)).toBe(true);
      }
    }
    expect(demo.threads.some((t) => t.replyCount === 0)).toBe(true);
    expect(demo.replies.some((r) => mentionedUserIds(r.body).length > 0)).toBe(true);
  });
});

describe("demo discussions and people directory (loaded)", () => {
  let ctx: TestContext;
  let champion: string;
  let championId: string;
  let admin: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const loaded = await loadDemoData(ctx.deps.db);
    expect(loaded.partnerships).toBe(14);
    const login = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: demoAccounts.champion.email, password: demoPassword },
    });
    expect(login.statusCode).toBe(200);
    champion = sessionCookie(login);
    championId = login.json<{ id: string }>().id;
    const adminLogin = await ctx.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: demoAccounts.admin.email, password: demoPassword },
    });
    // Reading as the admin: opening a thread marks it read for the reader.
    admin = sessionCookie(adminLogin);
  }, 60_000);
  afterAll(() => ctx.close());

  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(ctx.deps.db, query);

  it("has threads in every category, with reply counts and last activity that match the replies", async () => {
    const list = await ctx.app.inject({ url: "/api/discussions", headers: { cookie: champion } });
    expect(list.statusCode).toBe(200);
    const body = list.json<ThreadList>();
    const byCategory = new Map(body.categories.map((c) => [c.category, c.threads]));
    for (const c of discussionCategories) expect(byCategory.get(c) ?? 0).toBeGreaterThan(0);
    expect(body.total).toBeGreaterThanOrEqual(15);
    expect(body.total).toBeLessThanOrEqual(25);

    const mismatched = await rows<{ id: string }>(sql`
      select t.id from discussion_threads t
      left join lateral (select count(*)::int as n, max(r.created_at) as last
                         from discussion_replies r where r.thread_id = t.id and not r.hidden) r on true
      where t.reply_count <> r.n or t.last_reply_at <> coalesce(r.last, t.created_at)`);
    expect(mismatched).toEqual([]);
    const [totals] = await rows<{ replies: number; most: number; authorsFollow: number }>(sql`
      select (select count(*)::int from discussion_replies) as replies,
             (select max(reply_count)::int from discussion_threads) as most,
             (select count(*)::int from discussion_threads t where exists
               (select 1 from thread_follows f where f.thread_id = t.id and f.user_id = t.author_id)) as "authorsFollow"`);
    expect(totals.replies).toBeGreaterThan(60);
    expect(totals.most).toBeLessThanOrEqual(12);
    expect(totals.authorsFollow).toBe(body.total);
  });

  it("shows sanitized HTML and mentions that resolve to real users", async () => {
    const threads = await rows<{ id: string }>(sql`select id from discussion_threads`);
    let mentions = 0;
    for (const { id } of threads) {
      const res = await ctx.app.inject({ url: `/api/discussions/${id}`, headers: { cookie: admin } });
      expect(res.statusCode).toBe(200);
      const detail = res.json<ThreadDetail>();
      for (const post of [detail, ...detail.replies]) {
        expect(post.html.length).toBeGreaterThan(0);
        expect(post.html).not.toMatch(/<script|onerror|javascript:/i);
        expect(post.html).not.toContain("](user:");
        for (const userId of mentionedUserIds(post.body)) {
          mentions += 1;
          const [user] = await rows<{ name: string }>(sql`select name from users where id = ${userId}`);
          expect(user).toBeDefined();
          expect(post.html).toContain(`@${user.name}`);
        }
      }
    }
    expect(mentions).toBeGreaterThanOrEqual(10);
  });

  it("lets the demo accounts take part; the champion follows a thread with an unread reply by someone else", async () => {
    const emails = Object.values(demoAccounts).map((a) => a.email);
    const taking = await rows<{ email: string }>(sql`
      select distinct u.email from users u
      where u.email in (${sql.join(emails, sql`, `)})
        and (exists (select 1 from discussion_threads t where t.author_id = u.id)
             or exists (select 1 from discussion_replies r where r.author_id = u.id))`);
    expect(taking.map((t) => t.email).sort()).toEqual([...emails].sort());

    const fresh = await rows<{ title: string; author_id: string; created_at: Date }>(sql`
      select t.title, r.author_id, r.created_at from thread_follows f
      join discussion_threads t on t.id = f.thread_id
      join lateral (select * from discussion_replies r where r.thread_id = t.id
                    order by r.created_at desc limit 1) r on true
      where f.user_id = ${championId} and r.author_id <> ${championId}
        and (f.last_read_at is null or f.last_read_at < r.created_at)`);
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    const newest = Math.max(...fresh.map((f) => new Date(f.created_at).getTime()));
    expect(Date.now() - newest).toBeLessThan(2 * 86_400_000);
  });

  it("lists 8-12 practitioners, convener and champion included, in the people directory", async () => {
    const res = await ctx.app.inject({ url: "/api/people", headers: { cookie: champion } });
    expect(res.statusCode).toBe(200);
    const people = res.json<{ items: PersonListing[]; total: number }>();
    expect(people.total).toBeGreaterThanOrEqual(8);
    expect(people.total).toBeLessThanOrEqual(12);
    const names = people.items.map((p) => p.name);
    expect(names).toContain(demoAccounts.convener.name);
    expect(names).toContain(demoAccounts.champion.name);
    for (const p of people.items) {
      expect(p.topics.length).toBeGreaterThan(0);
      expect(p.title).not.toBe("");
    }
    expect(people.items.filter((p) => p.organizationKind === "business").length).toBeGreaterThanOrEqual(2);
    expect(people.items.filter((p) => /^[A-Z]{2}$/.test(p.state)).length).toBeGreaterThanOrEqual(6);
    const champ = people.items.find((p) => p.name === demoAccounts.champion.name);
    expect(champ).toMatchObject({ organizationKind: "business", title: demoAccounts.champion.title });
  });
});
