import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

/* An impact story links only its own partnership's priorities and the indicators it tracks. */

let ctx: TestContext;
let convener: Awaited<ReturnType<typeof signUp>>;
let own: { id: string };
let other: { id: string };
let ownPriority: string;
let otherPriority: string;

const stories = () =>
  queryRows<Record<string, unknown>>(
    ctx.deps.db,
    sql`select id, title, indicator_keys, priority_ids, version from impact_stories order by id`,
  );
const priority = async (partnershipId: string, title: string) =>
  (
    await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`insert into priorities (partnership_id, title) values (${partnershipId}, ${title}) returning id`,
    )
  )[0].id;
const track = (id: string, keys: string[]) =>
  ctx.app.inject({
    method: "PUT",
    url: `/api/partnerships/${id}/indicators`,
    headers: { cookie: convener.cookie },
    payload: { keys },
  });
const story = { title: "Welders hired", date: "2025-05-01", area: "businesses", visibility: "public" };

beforeAll(async () => {
  ctx = await createTestContext();
  // One convener of both: the rule is about the partnerships, not about who may see them.
  convener = await signUp(ctx, "Casey Convener");
  own = await createPartnership(ctx, convener.cookie, { name: "Own Manufacturing Partnership" });
  other = await createPartnership(ctx, convener.cookie, { name: "Other Health Partnership" });
  ownPriority = await priority(own.id, "Welding pipeline");
  otherPriority = await priority(other.id, "Nursing pipeline");
  expect((await track(own.id, ["jobs_created"])).statusCode).toBe(200);
  expect((await track(other.id, ["placements"])).statusCode).toBe(200);
});
afterAll(() => ctx.close());

describe("what a story may link", () => {
  it("refuses another partnership's priority and an indicator it does not track, naming each, and saves nothing", async () => {
    const before = await stories();
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${own.id}/stories`,
      headers: { cookie: convener.cookie },
      payload: {
        ...story,
        indicators: ["jobs_created", "placements"],
        priorities: [ownPriority, otherPriority],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      {
        field: "indicators.1",
        message: '"placements" is not an indicator this partnership tracks; track it first',
      },
      { field: "priorities.1", message: "is not a priority of this partnership" },
    ]);
    expect(await stories()).toEqual(before);
  });

  it("links its own, and refuses an edit that links another partnership's priority, keeping the story", async () => {
    const created = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${own.id}/stories`,
      headers: { cookie: convener.cookie },
      payload: { ...story, indicators: ["jobs_created"], priorities: [ownPriority] },
    });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json<{ id: string; version: number }>();
    const before = await stories();
    const edit = await ctx.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${own.id}/stories/${id}`,
      headers: { cookie: convener.cookie },
      payload: { version, title: "Renamed", priorities: [otherPriority] },
    });
    expect(edit.statusCode).toBe(400);
    expect(edit.json<{ errors: unknown[] }>().errors).toEqual([
      { field: "priorities.0", message: "is not a priority of this partnership" },
    ]);
    const stolenIndicator = await ctx.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${own.id}/stories/${id}`,
      headers: { cookie: convener.cookie },
      payload: { version, indicators: ["placements"] },
    });
    expect(stolenIndicator.statusCode).toBe(400);
    expect(await stories()).toEqual(before);
  });
});
