import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, utcDate } from "../../../core/agenda.js";
import { MY_PLAN_MEETINGS, type MyPlan } from "../../../core/my-plan.js";
import { agendaFixture, type AgendaFixture, type User } from "../agenda/test-fixture.js";

const DAY = 86_400_000;
let f: AgendaFixture;
let teamId: string;

const today = () => utcDate(f.ctx.deps.now());
const plan = async (who: User) => {
  const res = await f.call(who, "GET", "/api/me/plan");
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MyPlan>();
};

async function addAction(title: string, ownerId: string, dueInDays: number | null) {
  const res = await f.call(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
    title,
    ownerId,
    ...(dueInDays === null ? {} : { dueDate: addDays(today(), dueInDays) }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
}

async function addMeeting(title: string, inDays: number) {
  const res = await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/meetings`, {
    kind: "full_partnership",
    title,
    startsAt: new Date(f.ctx.deps.now().getTime() + inDays * DAY).toISOString(),
    timeZone: "America/Denver",
    place: "Acme, 100 Main St",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; version: number }>();
}

beforeAll(async () => {
  f = await agendaFixture();
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
});
afterAll(() => f.ctx.close());

describe("GET /api/me/plan", () => {
  it("answers 401 without a session, as problem+json", async () => {
    const res = await f.call(null, "GET", "/api/me/plan");
    expect(res.statusCode).toBe(401);
    expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
  });

  it("is never kept by a shared cache, and says when it was answered", async () => {
    const before = f.ctx.deps.now().getTime();
    const res = await f.call(f.outsider, "GET", "/api/me/plan");
    const after = f.ctx.deps.now().getTime();
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const body = res.json<MyPlan>();
    expect(body).toEqual({
      userId: f.outsider.userId,
      actions: [],
      meetings: [],
      generatedAt: expect.any(String) as string,
    });
    const answered = Date.parse(body.generatedAt);
    expect(answered).toBeGreaterThanOrEqual(before);
    expect(answered).toBeLessThanOrEqual(after);
  });

  it("lists every open action I own, late first, then by due date, undated last; not others' or done ones", async () => {
    const later = await addAction("Plan next year's cohort", f.business1.personId, 60);
    const undated = await addAction("Think about a mentoring pool", f.business1.personId, null);
    const late = await addAction("Survey shops on apprentice needs", f.business1.personId, 1);
    const soon = await addAction("Draft the apprenticeship MOU", f.business1.personId, 9);
    await addAction("Call the college", f.business2.personId, 3);
    const done = await addAction("Book the room", f.business1.personId, 5);
    expect(
      (await f.call(f.convener, "PATCH", `/api/actions/${done.id}`, { version: 1, status: "done" }))
        .statusCode,
    ).toBe(200);
    f.ctx.advance(3 * DAY);

    const mine = await plan(f.business1);
    expect(mine.actions.map((a) => [a.title, a.dueDate, a.late])).toEqual([
      ["Survey shops on apprentice needs", addDays(today(), -2), true],
      ["Draft the apprenticeship MOU", addDays(today(), 6), false],
      ["Plan next year's cohort", addDays(today(), 57), false],
      ["Think about a mentoring pool", null, false],
    ]);
    expect(mine.actions[0]).toEqual({
      id: late.id,
      title: "Survey shops on apprentice needs",
      partnershipName: "Metro Denver Manufacturing Partnership",
      partnershipSlug: f.partnership.slug,
      priorityTitle: "Grow apprenticeships",
      dueDate: addDays(today(), -2),
      status: "planned",
      progress: 0,
      late: true,
      link: `/p/${f.partnership.slug}/agenda/plan`,
    });
    expect(mine.actions.map((a) => a.id)).toEqual([late.id, soon.id, later.id, undated.id]);
    expect((await plan(f.business2)).actions.map((a) => a.title)).toEqual(["Call the college"]);
    expect((await plan(f.convener)).actions).toEqual([]);
  });

  it(`lists the next ${MY_PLAN_MEETINGS} meetings of my partnerships however far ahead, not past or cancelled ones, nor to outsiders`, async () => {
    const far = await addMeeting("Annual summit", 90);
    const cancelled = await addMeeting("Cancelled lunch", 2);
    expect(
      (
        await f.call(f.convener, "PATCH", `/api/meetings/${cancelled.id}`, {
          version: cancelled.version,
          cancelled: true,
        })
      ).statusCode,
    ).toBe(200);
    const past = await addMeeting("Kick-off", 1);
    f.ctx.advance(2 * DAY);
    const next = await addMeeting("Quarterly report-back", 3);
    for (let i = 0; i < MY_PLAN_MEETINGS; i++) await addMeeting(`Team huddle ${i + 1}`, 20 + i);

    const mine = await plan(f.business1);
    expect(mine.meetings.map((m) => m.title)).toEqual([
      "Quarterly report-back",
      "Team huddle 1",
      "Team huddle 2",
      "Team huddle 3",
      "Team huddle 4",
    ]);
    expect(mine.meetings[0]).toMatchObject({
      id: next.id,
      kind: "full_partnership",
      timeZone: "America/Denver",
      place: "Acme, 100 Main St",
      callLink: "",
      endsAt: null,
      link: `/p/${f.partnership.slug}/meetings/${next.id}`,
    });
    const ids = mine.meetings.map((m) => m.id);
    for (const gone of [far.id, cancelled.id, past.id]) expect(ids).not.toContain(gone);
    expect((await plan(f.outsider)).meetings).toEqual([]);
    expect((await plan(f.business2)).meetings.map((m) => m.id)).toEqual(ids);
  });
});
