import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
let ana: Awaited<ReturnType<typeof signUp>>;
let ben: Awaited<ReturnType<typeof signUp>>;
let cleo: Awaited<ReturnType<typeof signUp>>;
let admin: Awaited<ReturnType<typeof signUp>>;
let threadId: string;

const count = async (query: ReturnType<typeof sql>) =>
  (await queryRows<{ n: number }>(ctx.deps.db, query))[0]?.n ?? 0;
const inject = (
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  cookie?: string,
  payload?: object,
) => ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
const mention = (who: { userId: string }, name: string) => `@[${name}](user:${who.userId})`;

beforeAll(async () => {
  ctx = await createTestContext();
  ana = await signUp(ctx, "Ana Author");
  ben = await signUp(ctx, "Ben Builder");
  cleo = await signUp(ctx, "Cleo Convener");
  admin = await signUp(ctx, "Moe Moderator");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  const res = await inject("POST", "/api/discussions", ana.cookie, {
    title: "How did you get business leaders to the launch?",
    category: "launching",
    body: "We sent letters. **What worked for you?**",
  });
  expect(res.statusCode).toBe(201);
  threadId = res.json<{ id: string }>().id;
});
afterAll(() => ctx.close());

describe("threads", () => {
  it("are for signed-in practitioners only: 401 without a session, nothing stored", async () => {
    expect((await inject("GET", "/api/discussions")).statusCode).toBe(401);
    const before = await count(sql`select count(*)::int as n from discussion_threads`);
    const res = await inject("POST", "/api/discussions", undefined, {
      title: "Spam",
      category: "launching",
      body: "x",
    });
    expect(res.statusCode).toBe(401);
    expect(await count(sql`select count(*)::int as n from discussion_threads`)).toBe(before);
  });

  it("refuses an unknown category with the field named", async () => {
    const res = await inject("POST", "/api/discussions", ana.cookie, {
      title: "Hello there",
      category: "gossip",
      body: "x",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("category");
  });

  it("lists by latest activity with reply counts, filtered by category and paginated", async () => {
    const other = await inject("POST", "/api/discussions", ben.cookie, {
      title: "Which indicators do you track?",
      category: "measuring_impact",
      body: "Curious.",
    });
    ctx.advance(1000);
    await inject("POST", `/api/discussions/${threadId}/replies`, ben.cookie, {
      body: "Champions called their peers.",
    });
    const list = await inject("GET", "/api/discussions", ben.cookie);
    expect(list.statusCode).toBe(200);
    const body = list.json<{
      items: { id: string; replyCount: number }[];
      total: number;
      pageSize: number;
    }>();
    expect(body.items.map((t) => t.id).slice(0, 2)).toEqual([threadId, other.json<{ id: string }>().id]);
    expect(body.items[0]?.replyCount).toBe(1);
    const filtered = await inject("GET", "/api/discussions?category=measuring_impact", ben.cookie);
    expect(
      filtered
        .json<{ items: { category: string }[] }>()
        .items.every((t) => t.category === "measuring_impact"),
    ).toBe(true);
    for (let i = 0; i < 21; i++) {
      await inject("POST", "/api/discussions", ben.cookie, {
        title: `Filler thread ${i}`,
        category: "technology",
        body: "x",
      });
    }
    const page2 = await inject("GET", "/api/discussions?category=technology&page=2", ben.cookie);
    expect(page2.json()).toMatchObject({ total: 21, page: 2, pageSize: 20 });
    expect(page2.json<{ items: unknown[] }>().items).toHaveLength(1);
  });
});

describe("the sanitizer: stored as source, rendered harmless", () => {
  const attacks = {
    script: "Hello <script>alert('x')</script> world",
    onerror: '<img src="x" onerror="alert(1)"> image',
    javascriptLink: '[click me](javascript:alert(1)) and <a href="javascript:alert(2)">this</a>',
    svg: '<svg onload="alert(1)"><script>alert(2)</script></svg> drawing',
  };
  for (const [name, body] of Object.entries(attacks)) {
    it(`keeps the source and strips the attack: ${name}`, async () => {
      const res = await inject("POST", `/api/discussions/${threadId}/replies`, cleo.cookie, { body });
      expect(res.statusCode).toBe(201);
      const reply = res.json<{ id: string; body: string; html: string }>();
      expect(reply.body).toBe(body);
      expect(reply.html).not.toMatch(/<script|onerror|onload|javascript:|<svg|alert\(/i);
      const [stored] = await queryRows<{ body: string }>(
        ctx.deps.db,
        sql`select body from discussion_replies where id = ${reply.id}`,
      );
      expect(stored?.body).toBe(body);
    });
  }

  it("keeps ordinary Markdown and safe links", async () => {
    const res = await inject("POST", `/api/discussions/${threadId}/replies`, cleo.cookie, {
      body: "**Bold** and [the toolkit](https://example.org/toolkit)",
    });
    expect(res.json<{ html: string }>().html).toContain("<strong>Bold</strong>");
    expect(res.json<{ html: string }>().html).toContain('href="https://example.org/toolkit"');
    // The answer to the post is the reply as the thread shows it to its author.
    const reply = res.json<{ id: string }>();
    const thread = await inject("GET", `/api/discussions/${threadId}?page=1`, cleo.cookie);
    const shown = thread.json<{ replies: { id: string }[] }>().replies.find((r) => r.id === reply.id);
    expect(shown).toEqual(reply);
  });
});

describe("mentions and followers", () => {
  it("notifies and e-mails the person mentioned, and followers once, never the author", async () => {
    // Ana wrote the thread and follows it; Ben replied and follows it.
    const before = await count(sql`select count(*)::int as n from outbox`);
    const res = await inject("POST", `/api/discussions/${threadId}/replies`, cleo.cookie, {
      body: `Good question ${mention(ben, "Ben Builder")} and ${mention(cleo, "Cleo Convener")}`,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ html: string }>().html).toContain("<strong>@Ben Builder</strong>");
    const benNotes = await inject("GET", "/api/notifications", ben.cookie);
    const benList = benNotes.json<{
      items: { kind: string; title: string; link: string }[];
      unread: number;
    }>();
    expect(benList.items[0]).toMatchObject({
      kind: "mention",
      title: expect.stringContaining("Cleo Convener mentioned you"),
    });
    expect(benList.items[0]?.link).toContain(`/discussions/${threadId}#reply-`);
    // Ben is mentioned: he gets the mention, not also a "reply" for the same post.
    const kinds = await queryRows<{ kind: string }>(
      ctx.deps.db,
      sql`select kind from notifications where user_id = ${ben.userId} and created_at = (select max(created_at) from notifications where user_id = ${ben.userId})`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(["mention"]);
    const anaNotes = await inject("GET", "/api/notifications", ana.cookie);
    expect(anaNotes.json<{ items: { kind: string }[] }>().items[0]?.kind).toBe("reply");
    // Cleo mentioned herself: nothing for her.
    expect(
      await count(
        sql`select count(*)::int as n from notifications where user_id = ${cleo.userId} and kind = 'mention'`,
      ),
    ).toBe(0);
    const mails = await queryRows<{ to: string; subject: string }>(
      ctx.deps.db,
      sql`select "to", subject from outbox order by created_at desc, "to" limit 2`,
    );
    expect(await count(sql`select count(*)::int as n from outbox`)).toBe(before + 2);
    expect(mails.map((m) => m.to).sort()).toEqual([ana.email, ben.email].sort());
  });

  it("unfollowing stops the reply e-mails", async () => {
    expect((await inject("DELETE", `/api/discussions/${threadId}/follow`, ana.cookie)).json()).toEqual({
      following: false,
    });
    const before = await count(sql`select count(*)::int as n from outbox where "to" = ${ana.email}`);
    await inject("POST", `/api/discussions/${threadId}/replies`, ben.cookie, { body: "Another thought." });
    expect(await count(sql`select count(*)::int as n from outbox where "to" = ${ana.email}`)).toBe(before);
    expect((await inject("PUT", `/api/discussions/${threadId}/follow`, ana.cookie)).json()).toEqual({
      following: true,
    });
    expect(
      (await inject("GET", `/api/discussions/${threadId}`, ana.cookie)).json<{ following: boolean }>()
        .following,
    ).toBe(true);
  });

  it("marks notifications read, some or all, only the caller's", async () => {
    const list = (await inject("GET", "/api/notifications", ben.cookie)).json<{
      items: { id: string }[];
      unread: number;
    }>();
    expect(list.unread).toBeGreaterThan(0);
    // Someone else's ids change nothing.
    await inject("POST", "/api/notifications/read", ana.cookie, { ids: list.items.map((n) => n.id) });
    expect((await inject("GET", "/api/notifications", ben.cookie)).json<{ unread: number }>().unread).toBe(
      list.unread,
    );
    const one = await inject("POST", "/api/notifications/read", ben.cookie, { ids: [list.items[0]?.id] });
    expect(one.json()).toEqual({ unread: list.unread - 1 });
    expect((await inject("POST", "/api/notifications/read", ben.cookie, {})).json()).toEqual({ unread: 0 });
  });
});

describe("editing a reply", () => {
  it("lets the author edit within 15 minutes, marks it edited, then refuses with the reason", async () => {
    const posted = (
      await inject("POST", `/api/discussions/${threadId}/replies`, ben.cookie, { body: "Frist!" })
    ).json<{ id: string }>();
    const byOther = await inject("PATCH", `/api/replies/${posted.id}`, cleo.cookie, { body: "Hacked" });
    expect(byOther.statusCode).toBe(403);
    ctx.advance(5 * 60_000);
    const edited = await inject("PATCH", `/api/replies/${posted.id}`, ben.cookie, { body: "First!" });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<{ body: string; editedAt: string | null }>()).toMatchObject({ body: "First!" });
    expect(edited.json<{ editedAt: string | null }>().editedAt).not.toBeNull();
    ctx.advance(11 * 60_000);
    const late = await inject("PATCH", `/api/replies/${posted.id}`, ben.cookie, { body: "Changed my mind" });
    expect(late.statusCode).toBe(403);
    expect(late.json<{ detail: string }>().detail).toContain("15 minutes");
    const [stored] = await queryRows<{ body: string }>(
      ctx.deps.db,
      sql`select body from discussion_replies where id = ${posted.id}`,
    );
    expect(stored?.body).toBe("First!");
    // Times as every answer writes them (UTC, milliseconds), the edited one too, on the thread's page.
    const iso = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
    const page = (await inject("GET", `/api/discussions/${threadId}?page=1`, ben.cookie)).json<{
      createdAt: string;
      lastReplyAt: string;
      replies: { id: string; createdAt: string; editedAt: string | null }[];
    }>();
    expect(page.createdAt).toMatch(iso);
    expect(page.lastReplyAt).toMatch(iso);
    for (const reply of page.replies) expect(reply.createdAt).toMatch(iso);
    const mine = page.replies.find((r) => r.id === posted.id);
    expect(mine?.editedAt).toMatch(iso);
    // Reading the same page again writes nothing: the follow row keeps its version (xmin).
    const followVersion = async () =>
      (
        await queryRows<{ v: string }>(
          ctx.deps.db,
          sql`select xmin::text as v from thread_follows where thread_id = ${threadId} and user_id = ${ben.userId}`,
        )
      )[0]?.v;
    const before = await followVersion();
    expect(before).toBeDefined();
    await inject("GET", `/api/discussions/${threadId}?page=1`, ben.cookie);
    expect(await followVersion()).toBe(before);
    const editedAfter = Date.parse(mine!.editedAt!) - Date.parse(mine!.createdAt);
    expect(editedAfter).toBeGreaterThanOrEqual(5 * 60_000);
    expect(editedAfter).toBeLessThan(5 * 60_000 + 1_000);
  });
});

describe("reports and moderation", () => {
  let replyId: string;
  beforeAll(async () => {
    replyId = (
      await inject("POST", `/api/discussions/${threadId}/replies`, cleo.cookie, { body: "Buy cheap watches" })
    ).json<{ id: string }>().id;
  });

  it("a reader reports a reply; moderators see the open report", async () => {
    const res = await inject("POST", `/api/replies/${replyId}/report`, ana.cookie, { reason: "Spam" });
    expect(res.statusCode).toBe(201);
    expect((await inject("GET", "/api/discussions/reports", ana.cookie)).statusCode).toBe(403);
    const reports = await inject("GET", "/api/discussions/reports", admin.cookie);
    expect(reports.json<{ items: { replyId: string; reason: string }[] }>().items[0]).toMatchObject({
      replyId,
      reason: "Spam",
    });
  });

  it("only a community admin hides: a member gets 403 and nothing changes", async () => {
    const res = await inject("PATCH", `/api/replies/${replyId}/moderation`, ana.cookie, { hidden: true });
    expect(res.statusCode).toBe(403);
    expect(
      await count(sql`select count(*)::int as n from discussion_replies where id = ${replyId} and hidden`),
    ).toBe(0);
  });

  it("a hidden reply disappears for members, stays for moderators, and leaves the count", async () => {
    const before = (await inject("GET", `/api/discussions/${threadId}`, ana.cookie)).json<{
      replyCount: number;
    }>().replyCount;
    expect(
      (await inject("PATCH", `/api/replies/${replyId}/moderation`, admin.cookie, { hidden: true }))
        .statusCode,
    ).toBe(200);
    const member = (await inject("GET", `/api/discussions/${threadId}`, ana.cookie)).json<{
      replies: { id: string }[];
      replyCount: number;
    }>();
    expect(member.replies.some((r) => r.id === replyId)).toBe(false);
    expect(member.replyCount).toBe(before - 1);
    const mod = (await inject("GET", `/api/discussions/${threadId}`, admin.cookie)).json<{
      replies: { id: string; hidden: boolean }[];
    }>();
    expect(mod.replies.find((r) => r.id === replyId)?.hidden).toBe(true);
    expect(
      await count(
        sql`select count(*)::int as n from discussion_reports where reply_id = ${replyId} and not resolved`,
      ),
    ).toBe(0);
    expect(
      (await inject("PATCH", `/api/replies/${replyId}/moderation`, admin.cookie, { hidden: false }))
        .statusCode,
    ).toBe(200);
  });

  it("a locked thread refuses replies with 409 and stores nothing; unlocking opens it again", async () => {
    expect(
      (await inject("PATCH", `/api/discussions/${threadId}/moderation`, ben.cookie, { locked: true }))
        .statusCode,
    ).toBe(403);
    const locked = await inject("PATCH", `/api/discussions/${threadId}/moderation`, admin.cookie, {
      locked: true,
    });
    expect(locked.json<{ locked: boolean; permissions: { reply: boolean } }>()).toMatchObject({
      locked: true,
      permissions: { reply: false },
    });
    const before = await count(sql`select count(*)::int as n from discussion_replies`);
    const res = await inject("POST", `/api/discussions/${threadId}/replies`, ben.cookie, {
      body: "Too late",
    });
    expect(res.statusCode).toBe(409);
    expect(await count(sql`select count(*)::int as n from discussion_replies`)).toBe(before);
    await inject("PATCH", `/api/discussions/${threadId}/moderation`, admin.cookie, { locked: false });
    expect(
      (await inject("POST", `/api/discussions/${threadId}/replies`, ben.cookie, { body: "Now it works" }))
        .statusCode,
    ).toBe(201);
  });

  it("a hidden thread is unknown to members (404) and gone from their list", async () => {
    const spam = (
      await inject("POST", "/api/discussions", cleo.cookie, {
        title: "Cheap watches",
        category: "technology",
        body: "Buy",
      })
    ).json<{ id: string }>();
    await inject("PATCH", `/api/discussions/${spam.id}/moderation`, admin.cookie, { hidden: true });
    expect((await inject("GET", `/api/discussions/${spam.id}`, ben.cookie)).statusCode).toBe(404);
    expect(
      (await inject("POST", `/api/discussions/${spam.id}/replies`, ben.cookie, { body: "hi" })).statusCode,
    ).toBe(404);
    const list = (await inject("GET", "/api/discussions?category=technology", ben.cookie)).json<{
      items: { id: string }[];
    }>();
    expect(list.items.some((t) => t.id === spam.id)).toBe(false);
    expect((await inject("GET", `/api/discussions/${spam.id}`, admin.cookie)).statusCode).toBe(200);
  });

  it("offers people to mention: only posters and listed practitioners", async () => {
    const res = await inject("GET", "/api/discussions/mentionable?q=ben", ana.cookie);
    expect(res.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([ben.userId]);
    const nobody = await inject("GET", "/api/discussions/mentionable?q=moe", ana.cookie);
    expect(nobody.json<{ items: unknown[] }>().items).toEqual([]);
  });
});

describe("a long thread, in pages of 50 replies", () => {
  interface Page {
    replies: { body: string; hidden: boolean }[];
    replyPage: { page: number; pageSize: number; total: number };
    following: boolean;
  }
  let longId: string;
  const page = async (who: { cookie: string }, query = "") => {
    const res = await inject("GET", `/api/discussions/${longId}${query}`, who.cookie);
    expect(res.statusCode).toBe(200);
    return res.json<Page>();
  };
  const bodies = (p: Page) => p.replies.map((r) => r.body);

  beforeAll(async () => {
    longId = (
      await inject("POST", "/api/discussions", ben.cookie, {
        title: "Our apprenticeship year, week by week",
        category: "launching",
        body: "A long one.",
      })
    ).json<{ id: string }>().id;
    // 120 replies a minute apart; replies 10, 20 and 30 hidden by a moderator.
    await ctx.deps.db.execute(sql`
      insert into discussion_replies (thread_id, author_id, body, hidden, created_at)
      select ${longId}, ${ana.userId}, 'Reply ' || i, i in (10, 20, 30),
             now() + i * interval '1 minute'
      from generate_series(1, 120) i`);
  });

  it("shows a newcomer the first page, oldest first, and any page asked for", async () => {
    const first = await page(ana);
    expect(first.replyPage).toEqual({ page: 1, pageSize: 50, total: 117 });
    expect(bodies(first)).toHaveLength(50);
    expect(bodies(first).slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 11].map((i) => `Reply ${i}`));
    const third = await page(ana, "?page=3");
    expect(third.replyPage.page).toBe(3);
    expect(bodies(third)).toEqual(Array.from({ length: 17 }, (_, k) => `Reply ${104 + k}`));
    // Past the last page: no replies, and the count that says where the last one is.
    expect(await page(ana, "?page=4")).toMatchObject({ replies: [], replyPage: { page: 4, total: 117 } });
  });

  it("counts the hidden replies for moderators only", async () => {
    const first = await page(admin);
    expect(first.replyPage.total).toBe(120);
    expect(first.replies.filter((r) => r.hidden).map((r) => r.body)).toEqual([
      "Reply 10",
      "Reply 20",
      "Reply 30",
    ]);
  });

  it("opens where a follower stopped reading, and on the last page once all is read", async () => {
    expect((await inject("PUT", `/api/discussions/${longId}/follow`, cleo.cookie)).statusCode).toBe(200);
    // Never opened: from the start. Each page read moves the next visit on.
    expect((await page(cleo)).replyPage.page).toBe(1);
    expect((await page(cleo)).replyPage.page).toBe(2);
    expect((await page(cleo)).replyPage.page).toBe(3);
    expect((await page(cleo)).replyPage.page).toBe(3);
    // Reading an earlier page again does not mark later replies unread.
    await page(cleo, "?page=1");
    expect((await page(cleo)).replyPage.page).toBe(3);
  });

  it("refuses a page that is not a whole number from 1 with the field named", async () => {
    for (const bad of ["0", "-1", "1.5", "abc", "10001"]) {
      const res = await inject("GET", `/api/discussions/${longId}?page=${bad}`, ana.cookie);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe("page");
    }
  });
});

describe("preferences", () => {
  it("default to a weekly digest and change to none, daily or weekly", async () => {
    expect((await inject("GET", "/api/me/preferences", ana.cookie)).json()).toMatchObject({
      digest: "weekly",
    });
    expect(
      (await inject("PUT", "/api/me/preferences", ana.cookie, { digest: "daily" })).json(),
    ).toMatchObject({
      digest: "daily",
    });
    expect((await inject("GET", "/api/me/preferences", ana.cookie)).json()).toMatchObject({
      digest: "daily",
    });
    expect((await inject("PUT", "/api/me/preferences", ana.cookie, { digest: "hourly" })).statusCode).toBe(
      400,
    );
    expect((await inject("PUT", "/api/me/preferences", undefined, { digest: "none" })).statusCode).toBe(401);
  });
});

describe.skipIf(process.env.TEST_ENGINE !== "postgres")("replies side by side (PostgreSQL)", () => {
  const replies = () =>
    count(sql`select count(*)::int as n from discussion_replies where thread_id = ${threadId}`);
  const counted = () => count(sql`select reply_count as n from discussion_threads where id = ${threadId}`);

  it("count every one of many replies at once exactly once", async () => {
    const before = await replies();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        inject("POST", `/api/discussions/${threadId}/replies`, i % 2 ? ben.cookie : cleo.cookie, {
          body: `At the same moment, reply ${i + 1}.`,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: 12 }, () => 201));
    expect(await replies()).toBe(before + 12);
    expect(await counted()).toBe(
      await count(sql`select count(*)::int as n from discussion_replies
      where thread_id = ${threadId} and not hidden`),
    );
  });

  it("refuse a reply, storing none of it, when a moderator locks the thread while it is written", async () => {
    const before = await replies();
    const notices = await count(sql`select count(*)::int as n from notifications`);
    // The moderator's lock is under way (its row taken, not yet committed) when the reply comes.
    const pending = await ctx.deps.db.transaction(async (tx) => {
      await tx.execute(sql`update discussion_threads set locked = true where id = ${threadId}`);
      const reply = inject("POST", `/api/discussions/${threadId}/replies`, ben.cookie, {
        body: "Just in time?",
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { reply };
    });
    const answer = await pending.reply;
    expect(answer.statusCode).toBe(409);
    expect(answer.json<{ detail: string }>().detail).toContain("locked by a moderator");
    expect(await replies()).toBe(before);
    expect(await count(sql`select count(*)::int as n from notifications`)).toBe(notices);
    await ctx.deps.db.execute(sql`update discussion_threads set locked = false where id = ${threadId}`);
  });
});
