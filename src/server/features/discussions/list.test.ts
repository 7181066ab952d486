import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ThreadList } from "../../../core/discussions.js";
import type { Actor } from "../../deps.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";
import { listThreads } from "./list.js";
import { listThreads as listThreadsOneByOne } from "./service.js";

let ctx: TestContext;
let reader: Actor;
let moderator: Actor;

const sorted = (list: ThreadList) => ({
  ...list,
  categories: [...list.categories].sort((a, b) => a.category.localeCompare(b.category)),
});

beforeAll(async () => {
  ctx = await createTestContext();
  const a = await signUp(ctx, "Ana Author");
  const m = await signUp(ctx, "Moe Moderator");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${m.userId}`);
  reader = { userId: a.userId, personId: a.personId, email: a.email, name: "Ana Author", isAdmin: false };
  moderator = {
    userId: m.userId,
    personId: m.personId,
    email: m.email,
    name: "Moe Moderator",
    isAdmin: true,
  };
  const categories = ["launching", "manufacturing", "health_care"] as const;
  for (let i = 0; i < 47; i++) {
    ctx.advance(60_000);
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/discussions",
      headers: { cookie: a.cookie },
      payload: { title: `Question number ${i}`, category: categories[i % 3], body: `Body ${i}` },
    });
    expect(res.statusCode).toBe(201);
    const id = res.json<{ id: string }>().id;
    if (i % 5 === 0) {
      ctx.advance(1_000);
      const reply = await ctx.app.inject({
        method: "POST",
        url: `/api/discussions/${id}/replies`,
        headers: { cookie: m.cookie },
        payload: { body: "A reply" },
      });
      expect(reply.statusCode).toBe(201);
    }
    if (i % 9 === 4) {
      const hide = await ctx.app.inject({
        method: "PATCH",
        url: `/api/discussions/${id}/moderation`,
        headers: { cookie: m.cookie },
        payload: { hidden: true },
      });
      expect(hide.statusCode).toBe(200);
    }
  }
  // Two threads with the same last activity: the id breaks the tie in both.
  await ctx.deps.db.execute(sql`
    update discussion_threads set last_reply_at = '2030-01-01T00:00:00.123456Z'
    where title in ('Question number 1', 'Question number 2')`);
}, 60_000);
afterAll(() => ctx.close());

describe("the one-statement discussion list", () => {
  it("answers exactly what the query-per-part list answers, for readers and moderators", async () => {
    const queries = [
      { page: 1 },
      { page: 2 },
      { page: 3 },
      { page: 9 },
      { page: 1, category: "manufacturing" as const },
      { page: 1, category: "technology" as const },
    ];
    for (const actor of [reader, moderator]) {
      for (const query of queries) {
        const fast = await listThreads(ctx.deps, actor, query);
        expect(sorted(fast)).toEqual(sorted(await listThreadsOneByOne(ctx.deps, actor, query)));
      }
    }
    const first = await listThreads(ctx.deps, reader, { page: 1 });
    expect(first.total).toBe(47 - 5);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]?.lastReplyAt).toBe("2030-01-01T00:00:00.123Z");
    expect(first.items.some((t) => t.hidden)).toBe(false);
    expect((await listThreads(ctx.deps, moderator, { page: 1 })).total).toBe(47);
    expect((await listThreads(ctx.deps, reader, { page: 3 })).items).toHaveLength(2);
  });

  it("is what GET /api/discussions answers", async () => {
    const a = await signUp(ctx, "Ben Reader");
    const res = await ctx.app.inject({
      url: "/api/discussions?category=launching&page=1",
      headers: { cookie: a.cookie },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<ThreadList>();
    expect(body.total).toBe(16);
    expect(body.items.every((t) => t.category === "launching")).toBe(true);
    expect(body.categories.map((c) => c.category)).toEqual(["health_care", "launching", "manufacturing"]);
  });
});
