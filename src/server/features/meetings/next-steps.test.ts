import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test-support.js";
import { countRows, tableFixture } from "./table-fixture.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;
let meetingId = "";
let teamId = "";

const post = (url: string, cookie: string, payload: object) =>
  ctx.app.inject({ method: "POST", url, headers: { cookie }, payload });

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
  const meeting = await post(`/api/partnerships/${t.partnership.id}/meetings`, t.convener.cookie, {
    kind: "full_partnership",
    title: "Quarterly meeting",
    startsAt: "2026-03-05T08:00",
    timeZone: "America/Denver",
    nextSteps: "Ask three employers to host job shadows",
  });
  meetingId = meeting.json<{ id: string }>().id;
  const priority = await post(`/api/partnerships/${t.partnership.id}/priorities`, t.convener.cookie, {
    title: "Welding pipeline",
    theme: "talent_pipeline",
  });
  expect(priority.statusCode, priority.body).toBe(201);
  const team = await post(
    `/api/priorities/${priority.json<{ id: string }>().id}/action-teams`,
    t.convener.cookie,
    {
      name: "Welding team",
      championIds: [t.business[0]],
    },
  );
  expect(team.statusCode, team.body).toBe(201);
  teamId = team.json<{ id: string }>().id;
});
afterAll(() => ctx.close());

describe("a next step becomes an action", () => {
  it("adds the action to the team", async () => {
    const res = await post(`/api/meetings/${meetingId}/actions`, t.convener.cookie, {
      teamId,
      title: "Ask three employers to host job shadows",
      ownerId: t.business[1],
      dueDate: "2099-01-31",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      title: "Ask three employers to host job shadows",
      dueDate: "2099-01-31",
      status: "planned",
    });
  });

  it("refuses a member who may not record the meeting, and stores nothing", async () => {
    const before = await countRows(ctx, "actions");
    const res = await post(`/api/meetings/${meetingId}/actions`, t.member.cookie, {
      teamId,
      title: "Sneaky action",
    });
    expect(res.statusCode).toBe(403);
    expect(await countRows(ctx, "actions")).toBe(before);
  });

  it("refuses a team of another partnership, naming the field", async () => {
    const res = await post(`/api/meetings/${meetingId}/actions`, t.convener.cookie, {
      teamId: "00000000-0000-4000-8000-000000000000",
      title: "Lost action",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("teamId");
  });
});
