import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";
import { sendEventReminders } from "../events/reminders.js";
import { runDueJobs } from "./digest.js";
import { isoWeek, periodStart, signedUpBy } from "./periods.js";

const DAY = 86_400_000;
let ctx: TestContext;
let admin: Awaited<ReturnType<typeof signUp>>;
let threadId = "";

const inject = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, cookie: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

/** Something new for the digest to carry: a reply in the discussion, now. */
async function somethingNew() {
  const res = await inject("POST", `/api/discussions/${threadId}/replies`, admin.cookie, {
    body: `News of ${ctx.deps.now().toISOString()}`,
  });
  expect(res.statusCode, res.body).toBe(201);
}

const digestsTo = (email: string) =>
  queryRows<{ subject: string; text: string }>(
    ctx.deps.db,
    sql`select subject, text from outbox where "to" = ${email} and subject like '%digest%' order by created_at`,
  );
const jobKeys = async (userId: string) =>
  (
    await queryRows<{ key: string }>(
      ctx.deps.db,
      sql`select key from jobs where key like ${`digest:%:${userId}:%`} order by key`,
    )
  ).map((j) => j.key);

/** Moves the test clock to `at` (never back). */
function moveTo(at: Date) {
  const ms = at.getTime() - ctx.deps.now().getTime();
  expect(ms).toBeGreaterThan(0);
  ctx.advance(ms);
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  // The admin writes the news; their own digests do not matter here.
  await inject("PUT", "/api/me/preferences", admin.cookie, { digest: "none" });
  const thread = await inject("POST", "/api/discussions", admin.cookie, {
    title: "What is new this week",
    category: "business_engagement",
    body: "News goes here.",
  });
  expect(thread.statusCode, thread.body).toBe(201);
  threadId = thread.json<{ id: string }>().id;
});
afterAll(() => ctx.close());

describe("when the digest periods begin", () => {
  it("start a week on Monday at midnight UTC and a day at midnight UTC", () => {
    const thursday = new Date("2026-12-10T15:30:00Z");
    expect(periodStart("weekly", thursday).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    expect(periodStart("daily", thursday).toISOString()).toBe("2026-12-10T00:00:00.000Z");
    const monday = new Date("2026-12-07T00:00:00Z");
    expect(periodStart("weekly", monday).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    const sunday = new Date("2026-12-13T23:59:59Z");
    expect(periodStart("weekly", sunday).toISOString()).toBe("2026-12-07T00:00:00.000Z");
    // Whoever signed up by the Monday a week before gets this week's digest.
    expect(signedUpBy("weekly", thursday).toISOString()).toBe("2026-11-30T00:00:00.000Z");
    expect(signedUpBy("daily", thursday).toISOString()).toBe("2026-12-09T00:00:00.000Z");
  });
});

describe("a new subscriber's first digest", () => {
  // Accounts are made at the database's clock; the test clock only moves forward from there.
  it("is the weekly one of the first week starting at least seven days after sign-up, the daily one a whole day after", async () => {
    const signedUpAt = ctx.deps.now();
    const ana = await signUp(ctx, "Ana Weekly");
    const ben = await signUp(ctx, "Ben Daily");
    await inject("PUT", "/api/me/preferences", ben.cookie, { digest: "daily" });
    const dora = await signUp(ctx, "Dora Departing");
    await somethingNew();
    await runDueJobs(ctx.deps);
    // Minutes after sign-up: nothing, not even a job waiting.
    for (const who of [ana, ben, dora]) {
      expect(await digestsTo(who.email)).toEqual([]);
      expect(await jobKeys(who.userId)).toEqual([]);
    }
    // Dora deletes her account: her (default, weekly) digest must never be scheduled.
    const gone = await inject("DELETE", "/api/me", dora.cookie, { currentPassword: "correct horse battery" });
    expect(gone.statusCode, gone.body).toBe(204);

    // The next midnight is less than a day after sign-up: no daily digest yet; the one after, one.
    moveTo(new Date(periodStart("daily", signedUpAt).getTime() + DAY + 60_000));
    await somethingNew();
    await runDueJobs(ctx.deps);
    expect(await digestsTo(ben.email)).toEqual([]);
    ctx.advance(DAY);
    await somethingNew();
    await runDueJobs(ctx.deps);
    expect((await digestsTo(ben.email)).map((m) => m.subject)).toEqual(["Your daily Shared Table digest"]);

    // The next weekly slot (Monday) is less than a week after sign-up: still no weekly digest.
    const nextMonday = new Date(periodStart("weekly", signedUpAt).getTime() + 7 * DAY);
    const inFirstWeek = new Date(nextMonday.getTime() + 60 * 60_000);
    if (inFirstWeek > ctx.deps.now()) moveTo(inFirstWeek);
    await somethingNew();
    await runDueJobs(ctx.deps);
    await runDueJobs(ctx.deps);
    expect(await digestsTo(ana.email)).toEqual([]);
    expect(await jobKeys(ana.userId)).toEqual([]);

    // The slot after it is the first at least seven days after sign-up: one digest, however many runs.
    moveTo(new Date(nextMonday.getTime() + 7 * DAY + 60 * 60_000));
    await somethingNew();
    await Promise.all([runDueJobs(ctx.deps), runDueJobs(ctx.deps)]);
    await runDueJobs(ctx.deps);
    const first = await digestsTo(ana.email);
    expect(first.map((m) => m.subject)).toEqual(["Your weekly Shared Table digest"]);
    expect(first[0]?.text).toContain("What is new this week");
    expect(await jobKeys(ana.userId)).toEqual([`digest:weekly:${ana.userId}:${isoWeek(ctx.deps.now())}`]);

    // Then every week; never anything for the deleted account.
    ctx.advance(7 * DAY);
    await somethingNew();
    await runDueJobs(ctx.deps);
    expect(await digestsTo(ana.email)).toHaveLength(2);
    expect(await jobKeys(dora.userId)).toEqual([]);
    const [doraRow] = await queryRows<{ email: string }>(
      ctx.deps.db,
      sql`select email from users where id = ${dora.userId}`,
    );
    expect(doraRow?.email).not.toBe(dora.email);
    expect(await digestsTo(doraRow?.email ?? "")).toEqual([]);
  });
});

describe("times in the digest and the event reminder", () => {
  it("are in the reader's zone (their partnership's) with the zone's name, else in the event's own", async () => {
    const denver = await signUp(ctx, "Dee Denver");
    await createPartnership(ctx, denver.cookie);
    const nomad = await signUp(ctx, "Nate Nomad");
    // Both accounts were made long enough ago for this week's digest.
    await ctx.deps.db.execute(
      sql`update users set created_at = created_at - interval '15 days' where id in (${denver.userId}, ${nomad.userId})`,
    );
    // 10:00 in New York, three days ahead: 8:00 in Denver, the same two hours apart all year.
    const day = new Date(ctx.deps.now().getTime() + 3 * DAY).toISOString().slice(0, 10);
    const event = await inject("POST", "/api/events", admin.cookie, {
      title: "Engaging business champions",
      description: "How conveners keep business leaders at the table.",
      startsAt: `${day}T10:00`,
      endsAt: `${day}T11:00`,
      timeZone: "America/New_York",
      online: true,
      link: "https://meet.example.org/champions",
    });
    expect(event.statusCode, event.body).toBe(201);
    await runDueJobs(ctx.deps);

    const when =
      /Engaging business champions \(((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}), ([^)]*)\)/;
    const [mine] = await digestsTo(denver.email);
    const inDenver = when.exec(mine?.text ?? "");
    expect(inDenver?.[2], mine?.text).toMatch(/^8:00 AM M[SD]T$/);
    const [theirs] = await digestsTo(nomad.email);
    const inNewYork = when.exec(theirs?.text ?? "");
    expect(inNewYork?.[2], theirs?.text).toMatch(/^10:00 AM E[SD]T$/);
    expect(inDenver?.[1]).toBe(inNewYork?.[1]);
    // No UTC date strings any more.
    expect(mine?.text).not.toContain("GMT");

    // The reminder the day before, likewise.
    const { id, startsAt } = event.json<{ id: string; startsAt: string }>();
    for (const who of [denver, nomad]) {
      const seat = await inject("POST", `/api/events/${id}/registration`, who.cookie);
      expect(seat.statusCode, seat.body).toBe(201);
    }
    moveTo(new Date(new Date(startsAt).getTime() - 12 * 60 * 60_000));
    expect(await sendEventReminders(ctx.deps)).toBe(2);
    const reminder = async (email: string) =>
      (
        await queryRows<{ text: string }>(
          ctx.deps.db,
          sql`select text from outbox where "to" = ${email} and subject like 'Tomorrow:%'`,
        )
      )[0]?.text ?? "";
    expect(await reminder(denver.email)).toMatch(/When: .*, 8:00 AM M[SD]T to .*, 9:00 AM M[SD]T\n/);
    expect(await reminder(nomad.email)).toMatch(/When: .*, 10:00 AM E[SD]T to .*, 11:00 AM E[SD]T\n/);
  });
});
