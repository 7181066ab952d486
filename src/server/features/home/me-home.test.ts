import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, utcDate } from "../../../core/agenda.js";
import type { DueItem, MeHome } from "../../../core/home.js";
import { queryRows } from "../../../db/query.js";
import { signUp } from "../../test-support.js";
import { rubricV2 } from "../assessment/rubric-v2.js";
import { agendaFixture, raise, type AgendaFixture, type User } from "../agenda/test-fixture.js";

const DAY = 86_400_000;
let f: AgendaFixture;
let admin: User;
let teamId: string;

const today = () => utcDate(f.ctx.deps.now());
const home = async (who: User) => {
  const res = await f.call(who, "GET", "/api/me/home");
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MeHome>();
};
const dueOf = async (who: User, kind: DueItem["kind"]) =>
  (await home(who)).due.filter((d) => d.kind === kind);

async function addAction(title: string, ownerId: string, dueInDays: number) {
  const res = await f.call(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
    title,
    ownerId,
    dueDate: addDays(today(), dueInDays),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
}

beforeAll(async () => {
  f = await agendaFixture();
  admin = await signUp(f.ctx, "Ada Admin");
  await f.ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  const priority = await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/priorities`, {
    title: "Grow apprenticeships",
    theme: "talent_pipeline",
  });
  expect(priority.statusCode).toBe(201);
  const team = await f.call(f.convener, "POST", `/api/priorities/${priority.json().id}/action-teams`, {
    name: "Apprenticeship team",
    championIds: [f.champion.personId],
  });
  expect(team.statusCode, team.body).toBe(201);
  teamId = team.json().id;
  // Seeds the rubric before a round opens: opening one first seeds it outside its transaction,
  // which waits forever on PGlite's single connection (reported to the lead).
  expect((await f.call(null, "GET", "/api/assessment/rubric")).statusCode).toBe(200);
});
afterAll(() => f.ctx.close());

describe("GET /api/me/home", () => {
  it("answers 401 without a session", async () => {
    const res = await f.call(null, "GET", "/api/me/home");
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
  });

  it("answers an empty plate to someone with nothing due", async () => {
    expect(await home(f.outsider)).toEqual({ due: [], newReplies: [], upcomingEvents: [] });
  });

  it("lists my late action and my action due soon, not someone else's, nor later or done ones", async () => {
    const late = await addAction("Survey shops on apprentice needs", f.business1.personId, 2);
    await addAction("Call the college", f.business2.personId, 3);
    const later = await addAction("Plan next year's cohort", f.business1.personId, 40);
    const done = await addAction("Book the room", f.business1.personId, 5);
    expect(
      (await f.call(f.convener, "PATCH", `/api/actions/${done.id}`, { version: 1, status: "done" }))
        .statusCode,
    ).toBe(200);
    f.ctx.advance(4 * DAY);
    const soon = await addAction("Draft the apprenticeship MOU", f.business1.personId, 10);

    const mine = await dueOf(f.business1, "action");
    expect(mine).toEqual([
      {
        kind: "action",
        id: late.id,
        title: "Survey shops on apprentice needs",
        partnershipName: "Metro Denver Manufacturing Partnership",
        partnershipSlug: f.partnership.slug,
        link: `/p/${f.partnership.slug}/agenda/plan`,
        dueDate: addDays(today(), -2),
        late: true,
        status: "planned",
        progress: 0,
      },
      expect.objectContaining({ id: soon.id, late: false, dueDate: addDays(today(), 10) }),
    ]);
    expect(mine.map((a) => a.id)).not.toContain(later.id);
    const theirs = await dueOf(f.business2, "action");
    expect(theirs.map((a) => a.title)).toEqual(["Call the college"]);
    expect(await dueOf(f.convener, "action")).toEqual([]);
  });

  it("asks business members, not public partners or observers, to vote, until they have voted", async () => {
    const opp = await raise(f, f.business1, ["Apprenticeships for machinists", "Broadband for small shops"]);
    const opened = await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/vote-rounds`, {
      title: "Launch vote",
      method: "dots",
      opportunityIds: opp,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const roundId = opened.json<{ id: string }>().id;

    for (const who of [f.business1, f.business2, f.champion]) {
      expect(await dueOf(who, "vote")).toEqual([
        {
          kind: "vote",
          id: roundId,
          title: "Launch vote",
          partnershipName: "Metro Denver Manufacturing Partnership",
          partnershipSlug: f.partnership.slug,
          link: `/p/${f.partnership.slug}/agenda/votes/${roundId}`,
          method: "dots",
          openedAt: expect.any(String) as string,
        },
      ]);
    }
    for (const who of [f.support, f.observer, f.convener, f.outsider])
      expect(await dueOf(who, "vote")).toEqual([]);

    const ballot = await f.call(f.business1, "PUT", `/api/vote-rounds/${roundId}/ballot`, {
      allocations: [{ opportunityId: opp[0], dots: 5 }],
    });
    expect(ballot.statusCode, ballot.body).toBe(200);
    expect(await dueOf(f.business1, "vote")).toEqual([]);
    expect(await dueOf(f.business2, "vote")).toHaveLength(1);

    // The late action stays first: it is overdue; the round waits on the person now.
    const kinds = (await home(f.business2)).due.map((d) => d.kind);
    expect(kinds).toEqual(["action", "vote"]);
  });

  it("asks every member to answer an open self-assessment; an answered round disappears", async () => {
    const opened = await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/assessments`, {
      title: "Spring check",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { id: roundId, openedAt } = opened.json<{ id: string; openedAt: string }>();
    const item = {
      kind: "assessment",
      id: roundId,
      title: "Spring check",
      partnershipName: "Metro Denver Manufacturing Partnership",
      partnershipSlug: f.partnership.slug,
      link: `/assessments/${roundId}`,
      openedAt,
    };
    expect(await dueOf(f.support, "assessment")).toEqual([item]);
    expect(await dueOf(f.business1, "assessment")).toEqual([item]);
    expect(await dueOf(f.outsider, "assessment")).toEqual([]);

    const keys = rubricV2.characteristics.flatMap((c) => c.statements.map((s) => s.key));
    const answered = await f.call(f.support, "PUT", `/api/assessments/${roundId}/response`, {
      answers: Object.fromEntries(keys.map((k) => [k, 2])),
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await dueOf(f.support, "assessment")).toEqual([]);
    expect(await dueOf(f.business1, "assessment")).toEqual([item]);
  });

  it("shows the partnership's meetings of the next 14 days, not cancelled or later ones", async () => {
    const at = (days: number) => new Date(f.ctx.deps.now().getTime() + days * DAY).toISOString();
    const plan = async (title: string, days: number) => {
      const res = await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/meetings`, {
        kind: "full_partnership",
        title,
        startsAt: at(days),
        timeZone: "America/Denver",
        place: "Acme, 100 Main St",
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; version: number; startsAt: string }>();
    };
    const soon = await plan("Quarterly report-back", 3);
    await plan("Annual meeting", 30);
    const off = await plan("Cancelled get-together", 5);
    expect(
      (
        await f.call(f.convener, "PATCH", `/api/meetings/${off.id}`, {
          version: off.version,
          cancelled: true,
        })
      ).statusCode,
    ).toBe(200);

    for (const who of [f.support, f.convener, f.business1]) {
      expect(await dueOf(who, "meeting")).toEqual([
        {
          kind: "meeting",
          id: soon.id,
          title: "Quarterly report-back",
          partnershipName: "Metro Denver Manufacturing Partnership",
          partnershipSlug: f.partnership.slug,
          link: `/p/${f.partnership.slug}/meetings/${soon.id}`,
          meetingKind: "full_partnership",
          startsAt: soon.startsAt,
          timeZone: "America/Denver",
        },
      ]);
    }
    expect(await dueOf(f.outsider, "meeting")).toEqual([]);
    // Soonest first: the late action, the rounds, then the meeting in 3 days before the action due in 6.
    expect((await home(f.business1)).due.map((d) => d.kind)).toEqual([
      "action",
      "assessment",
      "meeting",
      "action",
    ]);
  });
});

describe("new replies in followed discussions", () => {
  let threadId: string;
  const reply = async (who: User, body: string) => {
    f.ctx.advance(60_000);
    const res = await f.call(who, "POST", `/api/discussions/${threadId}/replies`, { body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; createdAt: string }>();
  };

  beforeAll(async () => {
    const res = await f.call(f.outsider, "POST", "/api/discussions", {
      title: "How did you get business leaders to the launch?",
      category: "launching",
      body: "We sent letters.",
    });
    expect(res.statusCode, res.body).toBe(201);
    threadId = res.json<{ id: string }>().id;
    expect((await f.call(f.business1, "PUT", `/api/discussions/${threadId}/follow`)).statusCode).toBe(200);
  });

  it("counts replies by others after following, not my own or hidden ones", async () => {
    expect((await home(f.business1)).newReplies).toEqual([]);
    await reply(f.business1, "Phone calls from a champion worked for us.");
    expect((await home(f.business1)).newReplies).toEqual([]);

    await reply(f.support, "We asked the chamber to co-sign.");
    const hidden = await reply(f.observer, "Buy my course!");
    expect(
      (await f.call(admin, "PATCH", `/api/replies/${hidden.id}/moderation`, { hidden: true })).statusCode,
    ).toBe(200);
    const last = await reply(f.outsider, "Thanks, both.");

    const { newReplies } = await home(f.business1);
    expect(newReplies).toEqual([
      {
        threadId,
        title: "How did you get business leaders to the launch?",
        newReplies: 2,
        lastReplyAt: last.createdAt,
        lastReplyAuthor: "Otto Outsider",
      },
    ]);
    // Counted from the moment of following (never opened), my own reply is still not news to me.
    await f.ctx.deps.db.execute(
      sql`update thread_follows set last_read_at = null where user_id = ${f.business1.userId}`,
    );
    expect((await home(f.business1)).newReplies).toMatchObject([{ newReplies: 2 }]);
    // The thread's author follows it too, but replied last: replying is done with the thread
    // open, so it counts as reading it.
    expect((await home(f.outsider)).newReplies).toEqual([]);
    // Someone who does not follow it hears nothing.
    expect((await home(f.champion)).newReplies).toEqual([]);
  });

  it("clears once the follower opens the thread, and counts only replies after that", async () => {
    const newest = await reply(f.champion, "Send them the agenda a week ahead.");
    expect((await home(f.business1)).newReplies).toMatchObject([
      { newReplies: 3, lastReplyAuthor: "Cleo Champion" },
    ]);
    expect((await home(f.outsider)).newReplies).toMatchObject([{ newReplies: 1 }]);

    f.ctx.advance(1000);
    expect((await f.call(f.business1, "GET", `/api/discussions/${threadId}`)).statusCode).toBe(200);
    const readAt = async () => {
      const [row] = await queryRows<{ last_read_at: Date | string | null }>(
        f.ctx.deps.db,
        sql`select last_read_at from thread_follows where thread_id = ${threadId} and user_id = ${f.business1.userId}`,
      );
      return row.last_read_at === null ? null : new Date(row.last_read_at).toISOString();
    };
    // Read up to the newest reply shown, not up to "now".
    expect(await readAt()).toBe(newest.createdAt);
    expect((await home(f.business1)).newReplies).toEqual([]);
    // A reply stamped before the follower opened the thread but committed after it (so not shown)
    // is still new to them.
    const lateId = "00000000-0000-4000-8000-0000000000a1";
    const stamped = new Date(new Date(newest.createdAt).getTime() + 500).toISOString();
    await f.ctx.deps.db.execute(
      sql`insert into discussion_replies (id, thread_id, author_id, body, created_at)
          values (${lateId}, ${threadId}, ${f.support.userId}, 'Committed late.', ${stamped}::timestamptz)`,
    );
    expect((await home(f.business1)).newReplies).toMatchObject([{ newReplies: 1 }]);
    await f.ctx.deps.db.execute(sql`delete from discussion_replies where id = ${lateId}`);
    expect((await home(f.business1)).newReplies).toEqual([]);
    expect((await f.call(f.business1, "GET", `/api/discussions/${threadId}`)).statusCode).toBe(200);
    expect(await readAt()).toBe(newest.createdAt);
    expect((await home(f.business1)).newReplies).toEqual([]);
    // Opening it did not mark it read for the other follower.
    expect((await home(f.outsider)).newReplies).toMatchObject([{ newReplies: 1 }]);

    await reply(f.support, "And a reminder the day before.");
    expect((await home(f.business1)).newReplies).toMatchObject([
      { newReplies: 1, lastReplyAuthor: "Sam Support" },
    ]);
    await reply(f.business1, "Will do.");
    expect((await home(f.business1)).newReplies).toEqual([]);
  });

  it("drops a thread a moderator hid", async () => {
    await reply(f.support, "One more thing.");
    expect((await home(f.business1)).newReplies).toMatchObject([{ threadId, newReplies: 1 }]);
    expect(
      (await f.call(admin, "PATCH", `/api/discussions/${threadId}/moderation`, { hidden: true })).statusCode,
    ).toBe(200);
    expect((await home(f.business1)).newReplies).toEqual([]);
  });
});

describe("upcoming events", () => {
  it("are the next three that are not cancelled, with my registration", async () => {
    const at = (days: number, hours = 0) =>
      new Date(f.ctx.deps.now().getTime() + days * DAY + hours * 3_600_000).toISOString();
    const plan = async (title: string, days: number) => {
      const res = await f.call(admin, "POST", "/api/events", {
        title,
        description: "Peers share what works.",
        startsAt: at(days),
        endsAt: at(days, 1),
        timeZone: "America/Chicago",
        online: true,
        link: "https://meet.example.org/x",
        capacity: 10,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string; version: number; startsAt: string }>();
    };
    const first = await plan("Launch stories", 2);
    const off = await plan("Cancelled webinar", 3);
    await plan("Measuring impact", 5);
    await plan("Action teams that deliver", 9);
    await plan("Sustaining a partnership", 20);
    expect(
      (await f.call(admin, "PATCH", `/api/events/${off.id}`, { version: off.version, cancelled: true }))
        .statusCode,
    ).toBe(200);
    expect((await f.call(f.business1, "POST", `/api/events/${first.id}/registration`)).statusCode).toBe(201);

    const events = (await home(f.business1)).upcomingEvents;
    expect(events.map((e) => e.title)).toEqual([
      "Launch stories",
      "Measuring impact",
      "Action teams that deliver",
    ]);
    expect(events[0]).toMatchObject({
      id: first.id,
      timeZone: "America/Chicago",
      startsAt: first.startsAt,
      placesLeft: 9,
      myRegistration: { status: "confirmed", waitlistPosition: null },
    });
    expect(events[1]?.myRegistration).toBeNull();
    expect((await home(f.business2)).upcomingEvents[0]?.myRegistration).toBeNull();
  });
});
