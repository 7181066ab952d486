import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { queryRows } from "../../../db/query.js";
import type { AppDeps } from "../../deps.js";
import { Mailer } from "../../lib/mailer.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";
import { runDueJobs } from "./digest.js";

let ctx: TestContext;
let smtp: SMTPServer;
let port = 0;
const received: { to: string; subject: string; raw: string }[] = [];
let ana: Awaited<ReturnType<typeof signUp>>;
let ben: Awaited<ReturnType<typeof signUp>>;
let cleo: Awaited<ReturnType<typeof signUp>>;

/** A server process of its own: its own mailer and SMTP connection over the same database. */
function instance(): AppDeps {
  const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
  return { ...ctx.deps, mailer: new Mailer(ctx.deps.db, transport, "digest@example.org") };
}

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      stream.on("end", () => {
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? "";
        for (const to of session.envelope.rcptTo) received.push({ to: to.address, subject, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address = smtp.server.address();
  port = typeof address === "object" && address ? address.port : 0;
  ctx = await createTestContext();
  ana = await signUp(ctx, "Ana Weekly");
  ben = await signUp(ctx, "Ben Daily");
  cleo = await signUp(ctx, "Cleo None");
  await ctx.app.inject({
    method: "PUT",
    url: "/api/me/preferences",
    headers: { cookie: ben.cookie },
    payload: { digest: "daily" },
  });
  await ctx.app.inject({
    method: "PUT",
    url: "/api/me/preferences",
    headers: { cookie: cleo.cookie },
    payload: { digest: "none" },
  });
  // Digests go to accounts a whole period old (digest-timing.test.ts): these were made two weeks ago.
  await ctx.deps.db.execute(sql`update users set created_at = created_at - interval '15 days'`);
  const thread = await ctx.app.inject({
    method: "POST",
    url: "/api/discussions",
    headers: { cookie: cleo.cookie },
    payload: {
      title: "Keeping champions engaged after launch",
      category: "business_engagement",
      body: "Ideas?",
    },
  });
  await ctx.app.inject({
    method: "POST",
    url: `/api/discussions/${thread.json<{ id: string }>().id}/replies`,
    headers: { cookie: ana.cookie },
    payload: { body: "Give them the microphone." },
  });
});
afterAll(async () => {
  await ctx.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

const digests = () => received.filter((m) => m.subject.includes("digest"));
/** The SMTP server hears of the mail in its own time: on a busy machine, more than a second. */
const smtpWait = { timeout: 10_000 };

describe("the digest job", () => {
  it("sends each person's digest once, across repeated runs, a restart and two servers at once", async () => {
    const first = instance();
    await runDueJobs(first);
    await runDueJobs(first);
    // A restart, then two servers working the same queue concurrently.
    const second = instance();
    const third = instance();
    await Promise.all([runDueJobs(second), runDueJobs(third)]);
    await Promise.all([first.mailer.deliver(), second.mailer.deliver(), third.mailer.deliver()]);
    await vi.waitFor(async () => {
      const [row] = await queryRows<{ n: number }>(
        ctx.deps.db,
        sql`select count(*)::int as n from outbox where sent_at is null`,
      );
      expect(row?.n).toBe(0);
      expect(digests()).toHaveLength(2);
    }, smtpWait);
    expect(
      digests()
        .map((m) => m.to)
        .sort(),
    ).toEqual([ana.email, ben.email].sort());
    expect(digests().find((m) => m.to === ben.email)?.subject).toContain("daily");
    const jobs = await queryRows<{ key: string; status: string }>(
      ctx.deps.db,
      sql`select key, status from jobs order by key`,
    );
    expect(jobs.every((j) => j.status === "done")).toBe(true);
    expect(
      jobs.some((j) => j.key.startsWith(`digest:weekly:${ana.userId}:`) && /\d{4}-W\d{2}$/.test(j.key)),
    ).toBe(true);
    expect(jobs.some((j) => j.key.includes(cleo.userId))).toBe(false);
  });

  it("hands the one-click headers of the outbox row to the SMTP server", async () => {
    const [row] = await queryRows<{ url: string | null }>(
      ctx.deps.db,
      sql`select unsubscribe_url as url from outbox where "to" = ${ana.email} and subject like '%digest%'`,
    );
    expect(row?.url).toMatch(/^http:\/\/shared-table\.test\/api\/unsubscribe\?token=digest\./);
    const raw = digests().find((m) => m.to === ana.email)?.raw ?? "";
    // Long header lines are folded on the wire; unfold before reading them.
    const headers = raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, " ") ?? "";
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(/^List-Unsubscribe: <([^>]+)>$/m.exec(headers)?.[1]).toBe(row?.url);
  });

  it("sends the next day's daily digest when there is something new, and never again the same day", async () => {
    ctx.advance(86_400_000);
    const threadId = (
      await queryRows<{ id: string }>(ctx.deps.db, sql`select id from discussion_threads limit 1`)
    )[0]?.id;
    await ctx.app.inject({
      method: "POST",
      url: `/api/discussions/${threadId}/replies`,
      headers: { cookie: cleo.cookie },
      payload: { body: "Another idea: a champions' breakfast." },
    });
    const deps = instance();
    await runDueJobs(deps);
    await runDueJobs(deps);
    await deps.mailer.deliver();
    await vi.waitFor(() => expect(digests().filter((m) => m.to === ben.email)).toHaveLength(2), smtpWait);
  });

  it("the e-mail's link only reads until POSTed, then unsubscribes; tampered links are refused", async () => {
    const [mail] = await queryRows<{ text: string }>(
      ctx.deps.db,
      sql`select text from outbox where "to" = ${ana.email} and subject like '%digest%'`,
    );
    const link = /\/unsubscribe\?token=(\S+)/.exec(mail?.text ?? "")?.[1] ?? "";
    expect(link).not.toBe("");
    const tampered = `${link.slice(0, -2)}${link.endsWith("AA") ? "BB" : "AA"}`;
    const refused = await ctx.app.inject({ method: "GET", url: `/api/unsubscribe?token=${tampered}` });
    expect(refused.statusCode).toBe(403);
    // Ana's signature under Ben's id, and under another list's name.
    const [list, , signature] = link.split(".");
    expect(list).toBe("digest");
    for (const token of [`digest.${ben.userId}.${signature}`, `mentions.${ana.userId}.${signature}`]) {
      const forged = await ctx.app.inject({ method: "GET", url: `/api/unsubscribe?token=${token}` });
      expect(forged.statusCode).toBe(403);
    }
    expect(
      (
        await ctx.app.inject({
          method: "GET",
          url: `/api/unsubscribe?token=weekly.${ana.userId}.${signature}`,
        })
      ).statusCode,
    ).toBe(400);
    expect((await ctx.app.inject({ method: "GET", url: "/api/unsubscribe?token=nonsense" })).statusCode).toBe(
      400,
    );
    const prefs = await ctx.app.inject({
      method: "GET",
      url: "/api/me/preferences",
      headers: { cookie: ana.cookie },
    });
    const all = { mentions: true, replies: true, eventReminders: true, votes: true };
    expect(prefs.json()).toEqual({ digest: "weekly", ...all });
    // Opening the link (as a mail scanner would) only reads it.
    const opened = await ctx.app.inject({ method: "GET", url: `/api/unsubscribe?token=${link}` });
    expect(opened.json()).toEqual({ list: "digest", name: "Ana Weekly", on: true });
    const unchanged = await ctx.app.inject({
      method: "GET",
      url: "/api/me/preferences",
      headers: { cookie: ana.cookie },
    });
    expect(unchanged.json()).toEqual({ digest: "weekly", ...all });
    for (const token of [tampered, `digest.${ben.userId}.${signature}`]) {
      const refusedPost = await ctx.app.inject({ method: "POST", url: `/api/unsubscribe?token=${token}` });
      expect(refusedPost.statusCode).toBe(403);
    }
    const ok = await ctx.app.inject({
      method: "POST",
      url: `/api/unsubscribe?token=${link}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(ok.json()).toEqual({ digest: "none", ...all, unsubscribed: "digest" });
    const after = await ctx.app.inject({
      method: "GET",
      url: "/api/me/preferences",
      headers: { cookie: ana.cookie },
    });
    expect(after.json()).toEqual({ digest: "none", ...all });
  });
});
