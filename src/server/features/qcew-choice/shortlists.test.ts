import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ShortlistDetail, ShortlistSummary } from "../../../core/qcew/shortlist.js";
import { industryShortlistItems, industryShortlists } from "../../../db/schema/index.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
let owner: Awaited<ReturnType<typeof signUp>>;
let teammate: Awaited<ReturnType<typeof signUp>>;
let outsider: Awaited<ReturnType<typeof signUp>>;
beforeAll(async () => {
  ctx = await createTestContext();
  owner = await signUp(ctx, "Olive Owner");
  teammate = await signUp(ctx, "Tom Teammate");
  outsider = await signUp(ctx, "Oscar Outsider");
});
afterAll(() => ctx.close());

type Who = { cookie: string } | null;
const call = (who: Who, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
  ctx.app.inject({
    method,
    url: `/api${url}`,
    headers: who ? { cookie: who.cookie } : {},
    ...(payload ? { payload } : {}),
  });

const centralOhio = {
  name: "Central Ohio candidates",
  regionName: "Central Ohio",
  counties: ["39049", "39041", "39045", "39047", "39073"],
  level: "4",
  year: 2020,
  items: [{ code: "3118", title: "Bakeries and Tortilla Manufacturing", note: "Strong LQ" }],
};

async function create(): Promise<ShortlistDetail> {
  const res = await call(owner, "POST", "/shortlists", centralOhio);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ShortlistDetail>();
}

describe("industry shortlists", () => {
  it("the owner saves a shortlist for a region, with its items and the partnership code of each", async () => {
    const s = await create();
    expect(s).toMatchObject({
      name: "Central Ohio candidates",
      regionName: "Central Ohio",
      counties: ["39041", "39045", "39047", "39049", "39073"],
      cbsa: null,
      level: "4",
      year: 2020,
      ownership: "private",
      role: "owner",
      version: 1,
      owner: { userId: owner.userId, name: "Olive Owner", email: owner.email },
      teammates: [],
    });
    expect(s.items).toMatchObject([
      { code: "3118", note: "Strong LQ", version: 1, partnership: { code: "3118", widened: false } },
    ]);
    const [stored] = await ctx.deps.db
      .select()
      .from(industryShortlists)
      .where(eq(industryShortlists.id, s.id));
    expect(stored.ownerId).toBe(owner.userId);
  });

  it("answers 400 naming the field, 401 without a session", async () => {
    for (const [payload, field] of [
      [{ ...centralOhio, name: "" }, "name"],
      [{ ...centralOhio, counties: ["3904"] }, "counties"],
      [{ ...centralOhio, level: "2" }, "level"],
      [{ ...centralOhio, year: "2020" }, "year"],
      [{ ...centralOhio, items: [{ code: "abc", title: "x" }] }, "items"],
      [{ ...centralOhio, items: [centralOhio.items[0], centralOhio.items[0]] }, "items"],
    ] as const) {
      const res = await call(owner, "POST", "/shortlists", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(res.body).toContain(field);
    }
    expect((await call(null, "POST", "/shortlists", centralOhio)).statusCode).toBe(401);
    expect((await call(null, "GET", "/shortlists")).statusCode).toBe(401);
    const s = await create();
    expect((await call(owner, "GET", "/shortlists/not-a-uuid")).statusCode).toBe(400);
    const dup = await call(owner, "POST", `/shortlists/${s.id}/items`, centralOhio.items[0]);
    expect(dup.statusCode).toBe(400);
    expect(dup.json<{ errors: { field: string }[] }>().errors[0].field).toBe("code");
  });

  it("adds a teammate by e-mail, who reads it and edits notes but may not change the list", async () => {
    const s = await create();
    const unknown = await call(owner, "POST", `/shortlists/${s.id}/teammates`, {
      email: "nobody@example.org",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ errors: { field: string }[] }>().errors[0].field).toBe("email");
    const added = await call(owner, "POST", `/shortlists/${s.id}/teammates`, {
      email: teammate.email.toUpperCase(),
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<ShortlistDetail>().teammates).toEqual([
      { userId: teammate.userId, name: "Tom Teammate", email: teammate.email },
    ]);

    const read = await call(teammate, "GET", `/shortlists/${s.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<ShortlistDetail>().role).toBe("teammate");
    const mine = await call(teammate, "GET", "/shortlists");
    expect(
      mine.json<{ items: ShortlistSummary[] }>().items.map((x) => [x.id, x.role, x.items]),
    ).toContainEqual([s.id, "teammate", 1]);

    const item = s.items[0];
    const edited = await call(teammate, "PATCH", `/shortlists/${s.id}/items/${item.id}`, {
      version: 1,
      note: "Ten bakeries said yes to a first meeting",
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<ShortlistDetail>().items[0]).toMatchObject({
      note: "Ten bakeries said yes to a first meeting",
      version: 2,
    });

    for (const [method, url, payload] of [
      [
        "POST",
        `/shortlists/${s.id}/items`,
        { code: "6221", title: "General Medical and Surgical Hospitals" },
      ],
      ["PATCH", `/shortlists/${s.id}`, { version: 1, name: "Renamed" }],
      ["DELETE", `/shortlists/${s.id}/items/${item.id}`, undefined],
      ["DELETE", `/shortlists/${s.id}`, undefined],
      ["POST", `/shortlists/${s.id}/teammates`, { email: outsider.email }],
    ] as const) {
      const res = await call(teammate, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    const after = (await call(owner, "GET", `/shortlists/${s.id}`)).json<ShortlistDetail>();
    expect(after).toMatchObject({
      name: "Central Ohio candidates",
      version: 1,
      teammates: [{ userId: teammate.userId }],
    });
    expect(after.items.map((i) => i.code)).toEqual(["3118"]);

    // The teammate leaves.
    expect(
      (await call(teammate, "DELETE", `/shortlists/${s.id}/teammates/${teammate.userId}`)).statusCode,
    ).toBe(204);
    expect((await call(teammate, "GET", `/shortlists/${s.id}`)).statusCode).toBe(404);
  });

  it("is 404 to anyone else, for every read and write, and nothing changes", async () => {
    const s = await create();
    const item = s.items[0];
    for (const [method, url, payload] of [
      ["GET", `/shortlists/${s.id}`, undefined],
      ["PATCH", `/shortlists/${s.id}`, { version: 1, name: "Mine now" }],
      ["DELETE", `/shortlists/${s.id}`, undefined],
      ["POST", `/shortlists/${s.id}/items`, { code: "6221", title: "Hospitals" }],
      ["PATCH", `/shortlists/${s.id}/items/${item.id}`, { version: 1, note: "changed" }],
      ["DELETE", `/shortlists/${s.id}/items/${item.id}`, undefined],
      ["POST", `/shortlists/${s.id}/teammates`, { email: outsider.email }],
    ] as const) {
      const res = await call(outsider, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
    }
    expect((await call(outsider, "GET", "/shortlists")).json<{ items: ShortlistSummary[] }>().items).toEqual(
      [],
    );
    const [stored] = await ctx.deps.db
      .select()
      .from(industryShortlists)
      .where(eq(industryShortlists.id, s.id));
    expect(stored).toMatchObject({ name: "Central Ohio candidates", version: 1 });
    const items = await ctx.deps.db
      .select()
      .from(industryShortlistItems)
      .where(eq(industryShortlistItems.shortlistId, s.id));
    expect(items.map((i) => [i.code, i.note, i.version])).toEqual([["3118", "Strong LQ", 1]]);
  });

  it("answers 409 with the current record on a stale version", async () => {
    const s = await create();
    const first = await call(owner, "PATCH", `/shortlists/${s.id}`, {
      version: 1,
      name: "Central Ohio, round two",
    });
    expect(first.statusCode).toBe(200);
    expect(first.json<ShortlistDetail>()).toMatchObject({ name: "Central Ohio, round two", version: 2 });
    const stale = await call(owner, "PATCH", `/shortlists/${s.id}`, { version: 1, name: "Lost edit" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: ShortlistDetail }>().current).toMatchObject({
      name: "Central Ohio, round two",
      version: 2,
    });

    const item = s.items[0];
    expect(
      (await call(owner, "PATCH", `/shortlists/${s.id}/items/${item.id}`, { version: 1, note: "first" }))
        .statusCode,
    ).toBe(200);
    const staleNote = await call(owner, "PATCH", `/shortlists/${s.id}/items/${item.id}`, {
      version: 1,
      note: "second",
    });
    expect(staleNote.statusCode).toBe(409);
    expect(staleNote.json<{ current: ShortlistDetail }>().current.items[0]).toMatchObject({
      note: "first",
      version: 2,
    });
  });

  it("the owner adds and removes industries (an unclassified code has no partnership code) and deletes the shortlist", async () => {
    const s = await create();
    const added = await call(owner, "POST", `/shortlists/${s.id}/items`, {
      code: "99",
      title: "Unclassified",
    });
    expect(added.statusCode, added.body).toBe(201);
    const unclassified = added.json<ShortlistDetail>().items.find((i) => i.code === "99")!;
    expect(unclassified.partnership).toBeNull();
    const removed = await call(owner, "DELETE", `/shortlists/${s.id}/items/${unclassified.id}`);
    expect(removed.json<ShortlistDetail>().items.map((i) => i.code)).toEqual(["3118"]);
    expect((await call(owner, "DELETE", `/shortlists/${s.id}`)).statusCode).toBe(204);
    expect((await call(owner, "GET", `/shortlists/${s.id}`)).statusCode).toBe(404);
    const items = await ctx.deps.db
      .select()
      .from(industryShortlistItems)
      .where(eq(industryShortlistItems.shortlistId, s.id));
    expect(items).toEqual([]);
  });
});
