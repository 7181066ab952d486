import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test-support.js";
import { countRows, tableFixture } from "../meetings/table-fixture.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
  for (const title of ["First meeting", "Second meeting", "Third meeting"]) {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${t.partnership.id}/meetings`,
      headers: { cookie: t.convener.cookie },
      payload: { kind: "full_partnership", title, startsAt: "2026-03-05T08:00", timeZone: "America/Denver" },
    });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(() => ctx.close());

describe("the timeline", () => {
  it("lists what happened and who did it, newest first, page by page", async () => {
    const first = await ctx.app.inject({
      url: `/api/partnerships/${t.partnership.id}/activity?limit=2`,
      headers: { cookie: t.member.cookie },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items.map((i: { summary: string; actor: string }) => [i.summary, i.actor])).toEqual([
      ["Meeting scheduled: Third meeting", "Casey Convener"],
      ["Meeting scheduled: Second meeting", "Casey Convener"],
    ]);
    const next = await ctx.app.inject({
      url: `/api/partnerships/${t.partnership.id}/activity?limit=2&before=${encodeURIComponent(first.json().nextBefore)}`,
      headers: { cookie: t.member.cookie },
    });
    expect(next.json().items.map((i: { summary: string }) => i.summary)).toEqual([
      "Meeting scheduled: First meeting",
    ]);
    expect(next.json().nextBefore).toBeNull();
  });

  it("reads each line in the reader's language; a line written before keeps its English", async () => {
    await ctx.deps.db.execute(
      sql`insert into activity (partnership_id, kind, summary) values (${t.partnership.id}, 'note', 'An older line, in English')`,
    );
    const read = async (lang: string) =>
      (
        await ctx.app.inject({
          url: `/api/partnerships/${t.partnership.id}/activity?limit=3`,
          headers: { cookie: t.member.cookie, "accept-language": lang },
        })
      )
        .json<{ items: { summary: string }[] }>()
        .items.map((i) => i.summary);
    expect(await read("es")).toEqual([
      "An older line, in English",
      "Reunión programada: Third meeting",
      "Reunión programada: Second meeting",
    ]);
    expect(await read("en")).toEqual([
      "An older line, in English",
      "Meeting scheduled: Third meeting",
      "Meeting scheduled: Second meeting",
    ]);
    await ctx.deps.db.execute(sql`delete from activity where kind = 'note'`);
  });

  it("is for members only", async () => {
    const res = await ctx.app.inject({
      url: `/api/partnerships/${t.partnership.id}/activity`,
      headers: { cookie: t.outsider.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect((await ctx.app.inject({ url: `/api/partnerships/${t.partnership.id}/activity` })).statusCode).toBe(
      401,
    );
  });

  it("refuses a date that does not parse", async () => {
    const res = await ctx.app.inject({
      url: `/api/partnerships/${t.partnership.id}/activity?before=yesterday`,
      headers: { cookie: t.member.cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("before");
  });
});

describe("following", () => {
  it("lets a signed-in person follow and unfollow; following twice is once", async () => {
    const url = `/api/partnerships/${t.partnership.id}/follow`;
    const put = () => ctx.app.inject({ method: "PUT", url, headers: { cookie: t.member.cookie } });
    expect((await put()).json()).toEqual({ following: true, followers: 1 });
    expect((await put()).json()).toEqual({ following: true, followers: 1 });
    const seenByOther = await ctx.app.inject({ url, headers: { cookie: t.outsider.cookie } });
    expect(seenByOther.json()).toEqual({ following: false, followers: 1 });
    const off = await ctx.app.inject({ method: "DELETE", url, headers: { cookie: t.member.cookie } });
    expect(off.json()).toEqual({ following: false, followers: 0 });
  });

  it("refuses anonymous callers and stores nothing", async () => {
    const before = await countRows(ctx, "follows");
    const res = await ctx.app.inject({ method: "PUT", url: `/api/partnerships/${t.partnership.id}/follow` });
    expect(res.statusCode).toBe(401);
    expect(await countRows(ctx, "follows")).toBe(before);
  });
});
