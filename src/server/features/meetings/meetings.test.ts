import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, type TestContext } from "../../test-support.js";
import { countRows, tableFixture } from "./table-fixture.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;

const inject = (method: "GET" | "POST" | "PATCH" | "PUT", url: string, cookie?: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

const launch = {
  kind: "launch",
  title: "Manufacturing partnership launch",
  startsAt: "2026-03-05T08:00",
  endsAt: "2026-03-05T10:30",
  timeZone: "America/Denver",
  place: "Acme Precision Machining, 100 Main St, Denver",
  agenda: "Welcome\nWhat keeps you up at night?\nChoose priorities",
};

async function createMeeting(payload: object = launch) {
  const res = await inject(
    "POST",
    `/api/partnerships/${t.partnership.id}/meetings`,
    t.convener.cookie,
    payload,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number; startsAt: string }>();
}

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
});
afterAll(() => ctx.close());

describe("planning a meeting", () => {
  it("reads the wall time in the meeting's IANA zone and stores the instant in UTC", async () => {
    const m = await createMeeting();
    // 8:00 in Denver in March (before daylight saving starts on March 8, 2026) is 15:00 UTC.
    expect(m.startsAt).toBe("2026-03-05T15:00:00.000Z");
    const summer = await createMeeting({
      ...launch,
      kind: "full_partnership",
      startsAt: "2026-07-09T08:00",
      endsAt: null,
    });
    expect(summer.startsAt).toBe("2026-07-09T14:00:00.000Z");
    const instant = await createMeeting({ ...launch, startsAt: "2026-03-05T15:00:00Z", endsAt: undefined });
    expect(instant.startsAt).toBe("2026-03-05T15:00:00.000Z");
  });

  it("refuses a date that does not parse and an unknown time zone, naming the field; nothing is stored", async () => {
    const before = await countRows(ctx, "meetings");
    const badDate = await inject(
      "POST",
      `/api/partnerships/${t.partnership.id}/meetings`,
      t.convener.cookie,
      {
        ...launch,
        startsAt: "next Tuesday",
      },
    );
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0].field).toBe("startsAt");
    const feb30 = await inject("POST", `/api/partnerships/${t.partnership.id}/meetings`, t.convener.cookie, {
      ...launch,
      startsAt: "2026-02-30T08:00",
    });
    expect(feb30.statusCode).toBe(400);
    expect(feb30.json().errors[0].field).toBe("startsAt");
    const badZone = await inject(
      "POST",
      `/api/partnerships/${t.partnership.id}/meetings`,
      t.convener.cookie,
      {
        ...launch,
        timeZone: "Mars/Olympus_Mons",
      },
    );
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().errors).toEqual([
      { field: "timeZone", message: "is not a known IANA time zone; use a name such as America/Denver" },
    ]);
    const endBeforeStart = await inject(
      "POST",
      `/api/partnerships/${t.partnership.id}/meetings`,
      t.convener.cookie,
      {
        ...launch,
        endsAt: "2026-03-05T07:00",
      },
    );
    expect(endBeforeStart.statusCode).toBe(400);
    expect(endBeforeStart.json().errors[0].field).toBe("endsAt");
    expect(await countRows(ctx, "meetings")).toBe(before);
  });

  it("is for conveners: a member gets 403, an outsider 403, anonymous 401, and nothing is stored", async () => {
    const before = await countRows(ctx, "meetings");
    for (const [cookie, status] of [
      [t.member.cookie, 403],
      [t.outsider.cookie, 403],
      [undefined, 401],
    ] as const) {
      const res = await inject("POST", `/api/partnerships/${t.partnership.id}/meetings`, cookie, launch);
      expect(res.statusCode).toBe(status);
    }
    expect(await countRows(ctx, "meetings")).toBe(before);
  });

  it("is readable by members, not by outsiders (the list 403, one meeting 404)", async () => {
    const m = await createMeeting();
    const list = await inject("GET", `/api/partnerships/${t.partnership.id}/meetings`, t.member.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.json().permissions).toEqual({ create: false });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(m.id);
    const one = await inject("GET", `/api/meetings/${m.id}`, t.member.cookie);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ agenda: launch.agenda, permissions: { edit: false } });
    // One meeting is as unknown to a non-member as a meeting that does not exist.
    const outsider = await inject("GET", `/api/meetings/${m.id}`, t.outsider.cookie);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json()).toMatchObject({ detail: "The meeting was not found." });
    expect((await inject("GET", `/api/meetings/${m.id}`)).statusCode).toBe(401);
    expect(
      (await inject("GET", `/api/partnerships/${t.partnership.id}/meetings`, t.outsider.cookie)).statusCode,
    ).toBe(403);
    expect(
      (await inject("GET", `/api/meetings/00000000-0000-4000-8000-000000000000`, t.member.cookie)).statusCode,
    ).toBe(404);
  });
});

describe("attendance", () => {
  it("counts business and public people and flags a launch without a business majority", async () => {
    const m = await createMeeting();
    const res = await inject("PUT", `/api/meetings/${m.id}/attendance`, t.convener.cookie, {
      personIds: [...t.business, ...t.publicPeople],
      guests: [{ name: "Gus Guest", organization: "State Chamber", sector: "public" }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().attendance).toEqual({
      business: 2,
      public: 4,
      guests: 1,
      businessShare: 0.333,
      businessMajority: false,
    });
    expect(res.json().lacksBusinessMajority).toBe(true);
    expect(res.json().guests).toEqual([
      expect.objectContaining({ name: "Gus Guest", organization: "State Chamber", sector: "public" }),
    ]);
    const list = await inject("GET", `/api/partnerships/${t.partnership.id}/meetings`, t.member.cookie);
    const item = list.json().items.find((i: { id: string }) => i.id === m.id);
    expect(item.attendance).toEqual(res.json().attendance);
    expect(item.lacksBusinessMajority).toBe(true);

    const fixed = await inject("PUT", `/api/meetings/${m.id}/attendance`, t.convener.cookie, {
      personIds: [...t.business, t.publicPeople[0]],
      guests: [{ name: "Walk-in Owner", organization: "Delta Tooling", sector: "business" }],
    });
    expect(fixed.json().attendance).toEqual({
      business: 3,
      public: 1,
      guests: 1,
      businessShare: 0.75,
      businessMajority: true,
    });
    expect(fixed.json().lacksBusinessMajority).toBe(false);
  });

  it("does not flag an action team or support team meeting", async () => {
    const m = await createMeeting({ ...launch, kind: "support_team", title: "Support team huddle" });
    const res = await inject("PUT", `/api/meetings/${m.id}/attendance`, t.convener.cookie, {
      personIds: t.publicPeople,
    });
    expect(res.json().attendance.businessMajority).toBe(false);
    expect(res.json().lacksBusinessMajority).toBe(false);
  });

  it("refuses someone who is not a member, naming them, and keeps the attendance as it was", async () => {
    const m = await createMeeting();
    await inject("PUT", `/api/meetings/${m.id}/attendance`, t.convener.cookie, {
      personIds: [t.business[0]],
    });
    const res = await inject("PUT", `/api/meetings/${m.id}/attendance`, t.convener.cookie, {
      personIds: [t.business[1], t.outsider.personId],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("personIds.1");
    expect(res.json().errors[0].message).toContain("Olive Outsider is not a member of this partnership");
    const rows = await queryRows<{ person_id: string }>(
      ctx.deps.db,
      sql`select person_id from meeting_attendance where meeting_id = ${m.id}`,
    );
    expect(rows.map((r) => r.person_id)).toEqual([t.business[0]]);
  });

  it("may be recorded only by a convener; a member's attempt changes nothing", async () => {
    const m = await createMeeting();
    const before = await countRows(ctx, "meeting_attendance");
    const guestsBefore = await countRows(ctx, "meeting_guests");
    const res = await inject("PUT", `/api/meetings/${m.id}/attendance`, t.member.cookie, {
      personIds: t.business,
      guests: [{ name: "X", sector: "business" }],
    });
    expect(res.statusCode).toBe(403);
    expect(await countRows(ctx, "meeting_attendance")).toBe(before);
    expect(await countRows(ctx, "meeting_guests")).toBe(guestsBefore);
  });

  it("records 'meeting held' in the timeline once", async () => {
    const m = await createMeeting({
      ...launch,
      title: "Quarterly full partnership",
      kind: "full_partnership",
    });
    await inject("PUT", `/api/meetings/${m.id}/attendance`, t.convener.cookie, { personIds: t.business });
    await inject("PUT", `/api/meetings/${m.id}/attendance`, t.convener.cookie, {
      personIds: t.business.slice(0, 1),
    });
    const rows = await queryRows<{ kind: string; summary: string }>(
      ctx.deps.db,
      sql`select kind, summary from activity where subject_id = ${m.id} order by created_at`,
    );
    expect(rows).toEqual([
      { kind: "meeting.scheduled", summary: "Meeting scheduled: Quarterly full partnership" },
      { kind: "meeting.held", summary: "Meeting held: Quarterly full partnership (2 present)" },
    ]);
  });
});

describe("editing a meeting", () => {
  it("bumps the version; a stale edit gets 409 with the current meeting and changes nothing", async () => {
    const m = await createMeeting();
    const first = await inject("PATCH", `/api/meetings/${m.id}`, t.convener.cookie, {
      version: m.version,
      notes: "Twelve owners came.",
      decisions: "Priorities: welding pipeline, childcare",
      nextSteps: "Form two action teams",
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: m.version + 1, notes: "Twelve owners came." });
    const stale = await inject("PATCH", `/api/meetings/${m.id}`, t.convener.cookie, {
      version: m.version,
      notes: "Overwritten?",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: m.version + 1, notes: "Twelve owners came." });
    const [row] = await queryRows<{ notes: string; version: number }>(
      ctx.deps.db,
      sql`select notes, version from meetings where id = ${m.id}`,
    );
    expect(row).toEqual({ notes: "Twelve owners came.", version: m.version + 1 });
  });

  it("moves the meeting when the wall time or zone changes, and refuses bad input", async () => {
    const m = await createMeeting();
    const moved = await inject("PATCH", `/api/meetings/${m.id}`, t.convener.cookie, {
      version: m.version,
      startsAt: "2026-03-05T09:00",
      endsAt: "2026-03-05T11:00",
      timeZone: "America/Chicago",
    });
    expect(moved.json()).toMatchObject({ startsAt: "2026-03-05T15:00:00.000Z", timeZone: "America/Chicago" });
    const bad = await inject("PATCH", `/api/meetings/${m.id}`, t.convener.cookie, {
      version: m.version + 1,
      timeZone: "Central Time",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("timeZone");
  });

  it("refuses a member's edit and leaves the meeting unchanged", async () => {
    const m = await createMeeting();
    const res = await inject("PATCH", `/api/meetings/${m.id}`, t.member.cookie, {
      version: m.version,
      title: "Hijacked",
    });
    expect(res.statusCode).toBe(403);
    const [row] = await queryRows<{ title: string; version: number }>(
      ctx.deps.db,
      sql`select title, version from meetings where id = ${m.id}`,
    );
    expect(row).toEqual({ title: launch.title, version: m.version });
  });
});

describe("cancelling a meeting", () => {
  it("keeps its attendance but leaves it out of the flag and the health panel's counts until restored", async () => {
    const m = await createMeeting({ ...launch, title: "Launch to be called off" });
    const held = await inject("PUT", `/api/meetings/${m.id}/attendance`, t.convener.cookie, {
      personIds: t.publicPeople,
      guests: [{ name: "Gus Guest", organization: "State Chamber", sector: "public" }],
    });
    expect(held.json().lacksBusinessMajority).toBe(true);
    const year2026 = async () => {
      const res = await inject("GET", `/api/partnerships/${t.partnership.id}/health`, t.convener.cookie);
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json<{
          years: {
            year: number;
            meetings: number;
            meetingsWithoutBusinessMajority: number;
            attendance: { public: number };
          }[];
        }>()
        .years.find((y) => y.year === 2026);
    };
    const before = await year2026();
    const version = held.json<{ version: number }>().version;

    const cancelled = await inject("PATCH", `/api/meetings/${m.id}`, t.convener.cookie, {
      version,
      cancelled: true,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      cancelled: true,
      lacksBusinessMajority: false,
      attendance: { business: 0, public: 4, guests: 1 },
    });
    const list = await inject("GET", `/api/partnerships/${t.partnership.id}/meetings`, t.convener.cookie);
    expect(list.json().items.find((i: { id: string }) => i.id === m.id)).toMatchObject({
      cancelled: true,
      lacksBusinessMajority: false,
    });
    expect(await year2026()).toMatchObject({
      meetings: (before?.meetings ?? 0) - 1,
      meetingsWithoutBusinessMajority: (before?.meetingsWithoutBusinessMajority ?? 0) - 1,
      attendance: { public: (before?.attendance.public ?? 0) - 4 },
    });
    const [kept] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from meeting_attendance where meeting_id = ${m.id}`,
    );
    expect(kept?.n).toBe(3);

    const restored = await inject("PATCH", `/api/meetings/${m.id}`, t.convener.cookie, {
      version: version + 1,
      cancelled: false,
    });
    expect(restored.json()).toMatchObject({ cancelled: false, lacksBusinessMajority: true });
    expect(await year2026()).toEqual(before);
  });
});
