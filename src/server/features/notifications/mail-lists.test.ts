import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Preferences } from "../../../core/discussions.js";
import { mailLists, type MailList } from "../../../core/mail-lists.js";
import { queryRows } from "../../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";
import { unsubscribeLinker } from "../digest/unsubscribe.js";
import { sendEventReminders } from "../events/reminders.js";

type User = Awaited<ReturnType<typeof signUp>>;
let ctx: TestContext;
let ana: User;
let ben: User;
let cleo: User;
let dan: User;
let admin: User;
let threadId: string;
const DAY = 86_400_000;
const allOn: Preferences = {
  digest: "weekly",
  mentions: true,
  replies: true,
  eventReminders: true,
  votes: true,
};

const inject = (method: "GET" | "HEAD" | "POST" | "PUT", url: string, cookie?: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
const mention = (who: User, name: string) => `@[${name}](user:${who.userId})`;

/** The stored row itself, not what the API says. */
async function storedPreferences(user: User) {
  const [row] = await queryRows<{
    digest: string;
    mention_mail: boolean;
    reply_mail: boolean;
    event_reminder_mail: boolean;
    vote_mail: boolean;
  }>(
    ctx.deps.db,
    sql`select digest, mention_mail, reply_mail, event_reminder_mail, vote_mail from mail_preferences
        where user_id = ${user.userId}`,
  );
  return row
    ? {
        digest: row.digest,
        mentions: row.mention_mail,
        replies: row.reply_mail,
        eventReminders: row.event_reminder_mail,
        votes: row.vote_mail,
      }
    : undefined;
}

const mailTo = (user: User, subjectLike: string) =>
  queryRows<{ text: string; unsubscribe_url: string | null }>(
    ctx.deps.db,
    sql`select text, unsubscribe_url from outbox where "to" = ${user.email} and subject like ${subjectLike}
        order by created_at`,
  );
const notificationCount = async (user: User, kind: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from notifications where user_id = ${user.userId} and kind = ${kind}`,
    )
  )[0]?.n ?? 0;

/** The page link in a message's text and the one-click address it stored must carry one token. */
function tokenOf(mail: { text: string; unsubscribe_url: string | null }, list: MailList, user: User) {
  const page = /\n.*one click: http:\/\/shared-table\.test\/unsubscribe\?token=(\S+)\n/.exec(mail.text)?.[1];
  expect(page?.startsWith(`${list}.${user.userId}.`)).toBe(true);
  expect(mail.unsubscribe_url).toBe(`http://shared-table.test/api/unsubscribe?token=${page}`);
  return page ?? "";
}

async function reply(author: User, body: string) {
  const res = await inject("POST", `/api/discussions/${threadId}/replies`, author.cookie, { body });
  expect(res.statusCode, res.body).toBe(201);
}

async function eventWithSeat(title: string, people: User[]) {
  const wall = (days: number, hour: number) => {
    const d = new Date(ctx.deps.now().getTime() + days * DAY);
    return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
  };
  const res = await inject("POST", "/api/events", admin.cookie, {
    title,
    description: "Peer exchange.",
    startsAt: wall(3, 12),
    endsAt: wall(3, 13),
    timeZone: "UTC",
    online: true,
    link: "https://meet.example.org/peers",
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  for (const p of people) {
    expect((await inject("POST", `/api/events/${id}/registration`, p.cookie)).statusCode).toBeLessThan(300);
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  ana = await signUp(ctx, "Ana Author");
  ben = await signUp(ctx, "Ben Builder");
  cleo = await signUp(ctx, "Cleo Convener");
  dan = await signUp(ctx, "Dan Dealer");
  admin = await signUp(ctx, "Moe Moderator");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  const res = await inject("POST", "/api/discussions", ana.cookie, {
    title: "Keeping champions engaged",
    category: "business_engagement",
    body: "What works?",
  });
  expect(res.statusCode).toBe(201);
  threadId = res.json<{ id: string }>().id;
});
afterAll(() => ctx.close());

describe("mail preferences", () => {
  it("answer all four choices, take { digest } alone as before, and change only what is named", async () => {
    expect((await inject("GET", "/api/me/preferences", dan.cookie)).json()).toEqual(allOn);
    expect((await inject("PUT", "/api/me/preferences", dan.cookie, { digest: "daily" })).json()).toEqual({
      ...allOn,
      digest: "daily",
    });
    const changed = await inject("PUT", "/api/me/preferences", dan.cookie, {
      replies: false,
      eventReminders: false,
    });
    expect(changed.json()).toEqual({ ...allOn, digest: "daily", replies: false, eventReminders: false });
    expect(await storedPreferences(dan)).toEqual({
      ...allOn,
      digest: "daily",
      replies: false,
      eventReminders: false,
    });
    for (const bad of [{}, { mentions: "no" }, { digest: "hourly" }, { sms: true }]) {
      expect((await inject("PUT", "/api/me/preferences", dan.cookie, bad)).statusCode).toBe(400);
    }
    expect((await inject("PUT", "/api/me/preferences", undefined, { replies: true })).statusCode).toBe(401);
    expect((await inject("GET", "/api/me/preferences")).statusCode).toBe(401);
    expect(await storedPreferences(dan)).toEqual({
      ...allOn,
      digest: "daily",
      replies: false,
      eventReminders: false,
    });
    await inject("PUT", "/api/me/preferences", dan.cookie, allOn);
    expect(await storedPreferences(dan)).toEqual(allOn);
  });
});

describe("mention, reply and reminder e-mails", () => {
  it("carry the one-click link of their own list, in the text and as the outbox's unsubscribeUrl", async () => {
    // Ana follows her thread; Ben mentions Cleo.
    await reply(ben, `Ask them to host. ${mention(cleo, "Cleo Convener")}`);
    const [replyMail] = await mailTo(ana, "Ben Builder replied%");
    const [mentionMail] = await mailTo(cleo, "Ben Builder mentioned you%");
    expect(replyMail && mentionMail).toBeTruthy();
    tokenOf(replyMail, "replies", ana);
    tokenOf(mentionMail, "mentions", cleo);
    // Account mail stays without one.
    const [signup] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from outbox where unsubscribe_url is not null
          and subject not like '%mentioned you%' and subject not like '%replied%'`,
    );
    expect(signup?.n).toBe(0);
  });

  it("are not written when the person switched them off, while the in-app notification still is", async () => {
    await inject("PUT", "/api/me/preferences", ana.cookie, { replies: false });
    await inject("PUT", "/api/me/preferences", cleo.cookie, { mentions: false });
    const replies = (await mailTo(ana, "%replied%")).length;
    const mentions = (await mailTo(cleo, "%mentioned you%")).length;
    const replyNotes = await notificationCount(ana, "reply");
    const mentionNotes = await notificationCount(cleo, "mention");
    // Dan follows too (by replying), with reply e-mail on: he still gets it.
    await reply(dan, "Breakfast meetings.");
    const danBefore = (await mailTo(dan, "%replied%")).length;
    await reply(ben, `Thanks ${mention(cleo, "Cleo Convener")}`);
    expect(await mailTo(ana, "%replied%")).toHaveLength(replies);
    expect(await mailTo(cleo, "%mentioned you%")).toHaveLength(mentions);
    expect(await notificationCount(ana, "reply")).toBe(replyNotes + 2);
    expect(await notificationCount(cleo, "mention")).toBe(mentionNotes + 1);
    const danMail = await mailTo(dan, "Ben Builder replied%");
    expect(danMail).toHaveLength(danBefore + 1);
    tokenOf(danMail.at(-1)!, "replies", dan);

    // Switched on again: written again, with the link.
    await inject("PUT", "/api/me/preferences", ana.cookie, { replies: true });
    await inject("PUT", "/api/me/preferences", cleo.cookie, { mentions: true });
    await reply(ben, `One more ${mention(cleo, "Cleo Convener")}`);
    const anaMail = await mailTo(ana, "%replied%");
    expect(anaMail).toHaveLength(replies + 1);
    tokenOf(anaMail.at(-1)!, "replies", ana);
    expect(await mailTo(cleo, "%mentioned you%")).toHaveLength(mentions + 1);
  });

  it("e-mail a mentioned follower about the reply when their mention e-mails are off, never twice", async () => {
    const fay = await signUp(ctx, "Fay Follower");
    const gus = await signUp(ctx, "Gus Guide");
    for (const who of [fay, gus]) {
      expect((await inject("PUT", `/api/discussions/${threadId}/follow`, who.cookie)).statusCode).toBe(200);
    }
    // Fay: mentions off, replies on. Gus keeps both on.
    await inject("PUT", "/api/me/preferences", fay.cookie, { mentions: false });
    await reply(ben, `Over to you ${mention(fay, "Fay Follower")} and ${mention(gus, "Gus Guide")}`);

    const fayReplies = await mailTo(fay, "Ben Builder replied%");
    expect(fayReplies).toHaveLength(1);
    tokenOf(fayReplies[0], "replies", fay);
    expect(await mailTo(fay, "%mentioned you%")).toHaveLength(0);
    // Gus heard of it once, by the mention e-mail.
    expect(await mailTo(gus, "%mentioned you%")).toHaveLength(1);
    expect(await mailTo(gus, "%replied%")).toHaveLength(0);
    // In the app both have the mention and no second, reply notification.
    for (const who of [fay, gus]) {
      expect(await notificationCount(who, "mention")).toBe(1);
      expect(await notificationCount(who, "reply")).toBe(0);
    }
    // A plain reply afterwards reaches both as followers.
    await reply(ben, "Thanks both.");
    expect(await mailTo(fay, "%replied%")).toHaveLength(2);
    expect(await mailTo(gus, "%replied%")).toHaveLength(1);
    expect(await notificationCount(gus, "reply")).toBe(1);
  });

  it("queue each post's e-mails with one INSERT", async () => {
    const one = vi.spyOn(ctx.deps.mailer, "enqueue");
    const many = vi.spyOn(ctx.deps.mailer, "enqueueMany");
    try {
      await inject("PUT", "/api/me/preferences", cleo.cookie, allOn);
      const before = (await mailTo(dan, "Ana Author replied%")).length;
      await reply(ana, `Both ${mention(cleo, "Cleo Convener")} ${mention(ben, "Ben Builder")}`);
      expect(one).not.toHaveBeenCalled();
      // One batch for the mentions (Cleo, Ben), one for the other followers (Dan, Fay, Gus).
      expect(many.mock.calls.map(([, messages]) => messages.length)).toEqual([2, 3]);
      expect(await mailTo(dan, "Ana Author replied%")).toHaveLength(before + 1);
      expect(await mailTo(cleo, "Ana Author mentioned you%")).toHaveLength(1);
    } finally {
      one.mockRestore();
      many.mockRestore();
    }
  });

  it("reminds only those with event reminders on, each with their own link", async () => {
    await inject("PUT", "/api/me/preferences", ben.cookie, { eventReminders: false });
    await eventWithSeat("Champions roundtable", [ben, cleo]);
    ctx.advance(2.5 * DAY);
    expect(await sendEventReminders(ctx.deps)).toBe(1);
    expect(await mailTo(ben, "Tomorrow:%")).toHaveLength(0);
    const [reminder] = await mailTo(cleo, "Tomorrow: Champions roundtable");
    tokenOf(reminder, "event-reminders", cleo);
    // The registration confirmation is account mail: no list, no link.
    const [confirmation] = await mailTo(cleo, "You're registered: Champions roundtable");
    expect(confirmation?.unsubscribe_url).toBeNull();
    expect(confirmation?.text).not.toContain("/unsubscribe");
    // Ben's seat was not claimed: switching back on before the event still reminds him.
    await inject("PUT", "/api/me/preferences", ben.cookie, { eventReminders: true });
    expect(await sendEventReminders(ctx.deps)).toBe(1);
    tokenOf((await mailTo(ben, "Tomorrow:%"))[0], "event-reminders", ben);
  });
});

describe("one-click unsubscribe", () => {
  const links = async (user: User) => {
    const make = await ctx.deps.db.transaction((tx) => unsubscribeLinker(ctx.deps, tx));
    return Object.fromEntries(mailLists.map((l) => [l, make(l, user.userId).oneClick])) as Record<
      MailList,
      string
    >;
  };
  const path = (url: string) => url.replace("http://shared-table.test", "");
  const off: Record<MailList, Partial<Preferences>> = {
    digest: { digest: "none" },
    mentions: { mentions: false },
    replies: { replies: false },
    "event-reminders": { eventReminders: false },
    votes: { votes: false },
  };

  const token = (url: string) => new URL(url).searchParams.get("token") ?? "";
  const post = (url: string, how: "form" | "multipart" | "empty" | "json") =>
    ctx.app.inject({
      method: "POST",
      url,
      ...(how === "form" && {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "List-Unsubscribe=One-Click",
      }),
      ...(how === "multipart" && {
        headers: { "content-type": "multipart/form-data; boundary=---FormBoundary" },
        payload:
          '---FormBoundary\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n---FormBoundary--\r\n',
      }),
      ...(how === "json" && { payload: {} }),
    });

  it("GET and HEAD only say which list and person a link is for, and change nothing", async () => {
    const urls = await links(dan);
    await inject("PUT", "/api/me/preferences", dan.cookie, allOn);
    for (const list of mailLists) {
      const res = await inject("GET", path(urls[list]));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ list, name: "Dan Dealer", on: true });
      expect((await inject("HEAD", path(urls[list]))).statusCode).toBe(200);
      expect(await storedPreferences(dan)).toEqual(allOn);
    }
    // Once a list is off, GET says so (and still changes nothing).
    const offNow = { ...allOn, digest: "none", mentions: false } as const;
    await inject("PUT", "/api/me/preferences", dan.cookie, offNow);
    const on = async (list: MailList) => (await inject("GET", path(urls[list]))).json<{ on: boolean }>().on;
    expect([
      await on("digest"),
      await on("mentions"),
      await on("replies"),
      await on("event-reminders"),
    ]).toEqual([false, false, true, true]);
    expect(await storedPreferences(dan)).toEqual(offNow);
  });

  it("POST turns off only its own list: a mail client's form, or the page's empty or JSON body", async () => {
    const urls = await links(dan);
    for (const list of mailLists) {
      for (const how of ["form", "multipart", "empty", "json"] as const) {
        await inject("PUT", "/api/me/preferences", dan.cookie, allOn);
        const res = await post(path(urls[list]), how);
        expect(res.statusCode, `${list} ${how}: ${res.body}`).toBe(200);
        expect(res.json()).toEqual({ ...allOn, ...off[list], unsubscribed: list });
        expect(await storedPreferences(dan)).toEqual({ ...allOn, ...off[list] });
      }
    }
  });

  it("works from the mail itself, and the older digest link format still works", async () => {
    await inject("PUT", "/api/me/preferences", ana.cookie, allOn);
    const [mail] = await mailTo(ana, "%replied%");
    const mailToken = tokenOf(mail, "replies", ana);
    const page = await inject("GET", `/api/unsubscribe?token=${mailToken}`);
    expect(page.json()).toEqual({ list: "replies", name: "Ana Author", on: true });
    expect(await storedPreferences(ana)).toEqual(allOn);
    const stopped = await post(`/api/unsubscribe?token=${mailToken}`, "empty");
    expect(stopped.json()).toMatchObject({ replies: false, unsubscribed: "replies" });
    expect(await storedPreferences(ana)).toEqual({ ...allOn, replies: false });

    const [secret] = await queryRows<{ value: string }>(
      ctx.deps.db,
      sql`select value from app_secrets where name = 'unsubscribe-key'`,
    );
    const key = ctx.deps.config.SESSION_SECRET ?? secret?.value ?? "";
    const legacy = `${ana.userId}.${createHmac("sha256", key).update(`unsubscribe:${ana.userId}`).digest("base64url")}`;
    expect((await inject("GET", `/api/unsubscribe?token=${legacy}`)).json()).toEqual({
      list: "digest",
      name: "Ana Author",
      on: true,
    });
    expect(await storedPreferences(ana)).toEqual({ ...allOn, replies: false });
    const old = await post(`/api/unsubscribe?token=${legacy}`, "form");
    expect(old.statusCode).toBe(200);
    expect(await storedPreferences(ana)).toEqual({ ...allOn, replies: false, digest: "none" });
  });

  it("refuses altered links and links of another list or person, and changes nothing", async () => {
    await inject("PUT", "/api/me/preferences", cleo.cookie, allOn);
    const urls = await links(cleo);
    const good = token(urls.mentions);
    const [, , signature] = good.split(".");
    const flipped = `${good.slice(0, -1)}${good.endsWith("A") ? "B" : "A"}`;
    const forbidden = [
      flipped,
      `replies.${cleo.userId}.${signature}`,
      `digest.${cleo.userId}.${signature}`,
      `mentions.${dan.userId}.${signature}`,
      // The older format only ever meant the digest.
      `${cleo.userId}.${signature}`,
    ];
    for (const t of forbidden) {
      expect((await inject("GET", `/api/unsubscribe?token=${t}`)).statusCode, t).toBe(403);
      for (const how of ["form", "empty"] as const) {
        expect((await post(`/api/unsubscribe?token=${t}`, how)).statusCode, `${t} ${how}`).toBe(403);
      }
    }
    for (const t of ["nonsense", `sms.${cleo.userId}.${signature}`, `mentions.${cleo.userId}`, ""]) {
      expect((await inject("GET", `/api/unsubscribe?token=${t}`)).statusCode, t).toBe(400);
      expect((await post(`/api/unsubscribe?token=${t}`, "form")).statusCode, t).toBe(400);
    }
    expect(await storedPreferences(cleo)).toEqual(allOn);
    // Dan as the test before left him: the last list of its loop turned off.
    expect(await storedPreferences(dan)).toEqual({ ...allOn, ...off[mailLists[mailLists.length - 1]] });
  });

  it("accepts form bodies on this route only", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/notifications/read",
      headers: { cookie: cleo.cookie, "content-type": "application/x-www-form-urlencoded" },
      payload: "ids=",
    });
    expect(res.statusCode).toBe(415);
  });
});
