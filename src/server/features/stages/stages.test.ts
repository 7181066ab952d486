import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stageSteps } from "../../../core/stages.js";
import { queryRows } from "../../../db/query.js";
import { createTestContext, type TestContext } from "../../test-support.js";
import { countRows, tableFixture } from "../meetings/table-fixture.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;

const tick = (key: string, done: boolean, cookie = t.convener.cookie) =>
  ctx.app.inject({
    method: "PUT",
    url: `/api/partnerships/${t.partnership.id}/checklist/${key}`,
    headers: { cookie },
    payload: { done },
  });
const checklist = (cookie?: string) =>
  ctx.app.inject({
    url: `/api/partnerships/${t.partnership.id}/checklist`,
    headers: cookie ? { cookie } : {},
  });
const civicSteps = stageSteps.filter((s) => s.stage === "civic_infrastructure").map((s) => s.key);

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx, { stage: "civic_infrastructure" });
});
afterAll(() => ctx.close());

describe("the stage checklist", () => {
  it("shows five stages with 3-5 steps each, none done", async () => {
    const res = await checklist();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.stages.map((s: { stage: string }) => s.stage)).toEqual([
      "civic_infrastructure",
      "prepare",
      "launch",
      "act",
      "sustain",
    ]);
    for (const s of body.stages) {
      expect(s.total).toBeGreaterThanOrEqual(3);
      expect(s.total).toBeLessThanOrEqual(5);
      expect(s.done).toBe(0);
    }
    expect(body.nextStage).toBeNull();
    expect(body.permissions).toEqual({ tick: false });
  });

  it("lets the convener tick a step (who, when) and un-tick it; the public sees it done but not who", async () => {
    ctx.advance(1000);
    const res = await tick(civicSteps[0], true);
    expect(res.statusCode, res.body).toBe(200);
    const step = res.json().stages[0].steps[0];
    expect(step).toMatchObject({ key: civicSteps[0], done: true, doneBy: "Casey Convener" });
    expect(new Date(step.doneAt).getTime()).toBeGreaterThan(Date.now());
    const publicView = (await checklist()).json().stages[0].steps[0];
    expect(publicView).toMatchObject({ done: true, doneBy: null });
    const memberView = (await checklist(t.member.cookie)).json().stages[0].steps[0];
    expect(memberView).toMatchObject({ done: true, doneBy: "Casey Convener" });

    const undone = await tick(civicSteps[0], false);
    expect(undone.json().stages[0].steps[0]).toMatchObject({ done: false, doneAt: null });
    const kinds = await queryRows<{ kind: string }>(
      ctx.deps.db,
      sql`select kind from activity where partnership_id = ${t.partnership.id} and kind like 'stage.%' order by created_at`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(["stage.step_done", "stage.step_undone"]);
  });

  it("refuses a member, an outsider and anonymous, leaving the checklist unchanged", async () => {
    const before = await countRows(ctx, "stage_steps");
    expect((await tick(civicSteps[1], true, t.member.cookie)).statusCode).toBe(403);
    expect((await tick(civicSteps[1], true, t.outsider.cookie)).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({
      method: "PUT",
      url: `/api/partnerships/${t.partnership.id}/checklist/${civicSteps[1]}`,
      payload: { done: true },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await countRows(ctx, "stage_steps")).toBe(before);
  });

  it("refuses an unknown step, naming it", async () => {
    const res = await tick("world_peace", true);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({
      field: "stepKey",
      message: '"world_peace" is not a step of the checklist',
    });
  });

  it("offers the next stage only when the current stage's steps are done, and moves there", async () => {
    const version = (await checklist()).json().version as number;
    const early = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${t.partnership.id}/stage/advance`,
      headers: { cookie: t.convener.cookie },
      payload: { version },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe("stage");

    let last;
    for (const key of civicSteps) last = await tick(key, true);
    expect(last?.json()).toMatchObject({ nextStage: "prepare", stage: "civic_infrastructure" });

    const byMember = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${t.partnership.id}/stage/advance`,
      headers: { cookie: t.member.cookie },
      payload: { version },
    });
    expect(byMember.statusCode).toBe(403);
    const stale = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${t.partnership.id}/stage/advance`,
      headers: { cookie: t.convener.cookie },
      payload: { version: version - 1 || 99 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ stage: "civic_infrastructure", version });
    const [still] = await queryRows<{ stage: string; version: number }>(
      ctx.deps.db,
      sql`select stage, version from partnerships where id = ${t.partnership.id}`,
    );
    expect(still).toEqual({ stage: "civic_infrastructure", version });

    const moved = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${t.partnership.id}/stage/advance`,
      headers: { cookie: t.convener.cookie },
      payload: { version },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stage: "prepare", version: version + 1, nextStage: null });
    const profile = await ctx.app.inject({ url: `/api/partnerships/${t.partnership.id}` });
    expect(profile.json()).toMatchObject({ stage: "prepare", version: version + 1 });
    const [changed] = await queryRows<{ summary: string }>(
      ctx.deps.db,
      sql`select summary from activity where partnership_id = ${t.partnership.id} and kind = 'stage.changed'`,
    );
    expect(changed.summary).toBe("Stage changed: 1. Build civic infrastructure → 2. Prepare");
  });
});
