import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeasurementsSyncPage, PartnershipsSyncPage } from "../../../core/sync.js";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
let convener: Awaited<ReturnType<typeof signUp>>;
let outsider: Awaited<ReturnType<typeof signUp>>;
let own: { id: string; slug: string };
let token = "";

/** Lets the listing's end pass the writes just made (a listing stops a few seconds ago). */
const settle = () => ctx.advance(10_000);

const put = async (items: object[]) => {
  const res = await ctx.app.inject({
    method: "PUT",
    url: `/api/partnerships/${own.id}/measurements`,
    headers: { cookie: convener.cookie },
    payload: { items },
  });
  expect(res.statusCode, res.body).toBe(200);
};
const value = (indicator: string, period: string, v: number, visibility: string, version = 0) => ({
  indicator,
  kind: "actual",
  period,
  value: v,
  visibility,
  version,
});
const get = async <T>(url: string, headers: Record<string, string> = {}) => {
  const res = await ctx.app.inject({ url, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};
/** Every page of a listing, following the cursors. */
async function all(path: string, query: string, headers: Record<string, string> = {}) {
  const items: MeasurementsSyncPage["items"] = [];
  let url = `${path}?${query}`;
  const untils = new Set<string>();
  for (let pages = 0; pages < 50; pages++) {
    const page = await get<MeasurementsSyncPage>(url, headers);
    items.push(...page.items);
    untils.add(page.until);
    if (!page.nextCursor) {
      // The pages of one listing share its end, whatever was written meanwhile.
      expect(untils.size).toBe(1);
      return { items, until: page.until, pages: pages + 1 };
    }
    url = `${path}?${query}&cursor=${page.nextCursor}`;
  }
  throw new Error("no end to the listing");
}

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  outsider = await signUp(ctx, "Otto Outsider");
  own = await createPartnership(ctx, convener.cookie, { name: "Synced Manufacturing Partnership" });
  await put([
    value("jobs_created", "2024", 10, "public"),
    value("jobs_created", "2025", 20, "community"),
    value("local_hires", "2025", 30, "partnership"),
    value("placements", "2025", 40, "public"),
  ]);
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/me/tokens",
    headers: { cookie: convener.cookie },
    payload: { name: "State system", access: "read", expiresInDays: 30 },
  });
  expect(res.statusCode, res.body).toBe(201);
  token = res.json<{ token: string }>().token;
  settle();
});
afterAll(() => ctx.close());

const periods = (items: MeasurementsSyncPage["items"]) =>
  items
    .filter((i) => !i.removed && i.partnershipId === own.id)
    .map((i) => `${i.indicatorKey} ${i.period} ${i.visibility}`)
    .sort();

describe("syncing impact values: each reader gets what the Impact pages show them", () => {
  it("gives the public values to anyone, community ones when signed in, all to a member and their token", async () => {
    const m = "/api/sync/measurements";
    expect(periods((await all(m, "")).items)).toEqual(["jobs_created 2024 public", "placements 2025 public"]);
    expect(periods((await all(m, "", { cookie: outsider.cookie })).items)).toEqual([
      "jobs_created 2024 public",
      "jobs_created 2025 community",
      "placements 2025 public",
    ]);
    const everything = [
      "local_hires 2025 partnership",
      "jobs_created 2024 public",
      "jobs_created 2025 community",
      "placements 2025 public",
    ].sort();
    expect(periods((await all(m, "", { cookie: convener.cookie })).items)).toEqual(everything);
    expect(periods((await all(m, "", { authorization: `Bearer ${token}` })).items)).toEqual(everything);
  });

  it("pages with a cursor: every value once, in order of change", async () => {
    const whole = await all("/api/sync/measurements", "", { cookie: convener.cookie });
    const paged = await all("/api/sync/measurements", "limit=1", { cookie: convener.cookie });
    expect(paged.pages).toBe(whole.items.length);
    expect(paged.items.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    expect(new Set(paged.items.map((i) => i.id)).size).toBe(paged.items.length);
  });

  it("syncs twice and gets only the changes: an edit, a new value, one no longer shared, one deleted", async () => {
    const headers = { cookie: outsider.cookie };
    const first = await all("/api/sync/measurements", "", headers);
    expect(first.items.length).toBeGreaterThanOrEqual(3);

    await put([
      value("jobs_created", "2024", 11, "public", 1),
      value("jobs_created", "2026", 5, "community"),
      // Was shared with the community; now the partnership keeps it to itself.
      value("jobs_created", "2025", 20, "partnership", 1),
    ]);
    // A value removed by the system (as the BLS figures are when a partnership's codes change).
    const [gone] = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`
        with gone as (
          delete from measurements where partnership_id = ${own.id} and indicator_key = 'placements'
          returning id, partnership_id, visibility
        )
        insert into measurement_deletions (measurement_id, partnership_id, visibility, deleted_at)
        select id, partnership_id, visibility, ${ctx.deps.now().toISOString()}::timestamptz from gone
        returning measurement_id as id`,
    );
    settle();

    const second = await all(
      "/api/sync/measurements",
      `updatedSince=${encodeURIComponent(first.until)}`,
      headers,
    );
    const summary = second.items
      .map((i) =>
        i.removed
          ? `removed ${i.id === gone.id ? "placements" : i.id}`
          : `${i.indicatorKey} ${i.period} ${i.value}`,
      )
      .sort();
    const sharedBefore = first.items.find((i) => i.indicatorKey === "jobs_created" && i.period === "2025")!;
    expect(summary).toEqual(
      [
        "jobs_created 2024 11",
        "jobs_created 2026 5",
        `removed ${sharedBefore.id}`,
        "removed placements",
      ].sort(),
    );
    // The partnership-only value was never shared with the outsider: not even its removal is.
    expect(second.items.some((i) => i.visibility === "partnership")).toBe(false);

    // Nothing changed since: the third listing is empty.
    settle();
    const third = await all(
      "/api/sync/measurements",
      `updatedSince=${encodeURIComponent(second.until)}`,
      headers,
    );
    expect(third.items).toEqual([]);
  });
});

describe("syncing partnerships", () => {
  it("lists the partnerships changed since a moment, with their codes and counties", async () => {
    const first = await get<PartnershipsSyncPage>("/api/sync/partnerships?limit=1000");
    const mine = first.items.find((p) => p.id === own.id)!;
    expect(mine).toMatchObject({ slug: own.slug, deleted: false, naics: ["31-33"] });
    expect(mine.counties).toEqual(["08005", "08031", "08059"]);

    const res = await ctx.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${own.id}`,
      headers: { cookie: convener.cookie },
      payload: { version: 1, description: "Now with a description." },
    });
    expect(res.statusCode, res.body).toBe(200);
    settle();
    const second = await get<PartnershipsSyncPage>(
      `/api/sync/partnerships?updatedSince=${encodeURIComponent(first.until)}`,
    );
    expect(second.items.map((p) => p.id)).toEqual([own.id]);
  });
});

describe("bad input names the field", () => {
  it.each([
    ["cursor=not-a-cursor", "cursor"],
    [`cursor=${Buffer.from('{"until":"x"}').toString("base64url")}`, "cursor"],
    ["limit=0", "limit"],
    ["limit=1001", "limit"],
    ["limit=1e400", "limit"],
    ["updatedSince=yesterday", "updatedSince"],
    ["since=2026-01-01", "since"],
  ])("%s", async (query, field) => {
    for (const path of ["/api/sync/measurements", "/api/sync/partnerships"]) {
      const res = await ctx.app.inject({ url: `${path}?${query}` });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers["content-type"]).toMatch(/application\/problem\+json/);
      expect(res.body).toContain(field);
    }
  });
});
