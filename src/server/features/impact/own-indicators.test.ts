import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
type User = Awaited<ReturnType<typeof signUp>>;
let convener: User;
let other: User;
let admin: User;
let outsider: User;
let mine: { id: string; slug: string };
let theirs: { id: string; slug: string };
let ownKey = "";

function call(method: "GET" | "POST" | "PUT", url: string, who: User | null, payload?: object) {
  return ctx.app.inject({
    method,
    url,
    headers: who ? { cookie: who.cookie } : {},
    ...(payload ? { payload } : {}),
  });
}
const define = (p: { id: string }, who: User | null, body: object) =>
  call("POST", `/api/partnerships/${p.id}/own-indicators`, who, body);
const apprentices = { name: "Apprentices hired", area: "businesses", unit: "count", direction: "higher" };

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  other = await signUp(ctx, "Olive Other");
  admin = await signUp(ctx, "Ada Admin");
  outsider = await signUp(ctx, "Otto Outsider");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  mine = await createPartnership(ctx, convener.cookie, { name: "Front Range Makers" });
  theirs = await createPartnership(ctx, other.cookie, { name: "Valley Machinists" });
});
afterAll(() => ctx.close());

describe("a partnership's own indicators", () => {
  it("are defined by a convener, tracked at once, and kept out of the catalog", async () => {
    const res = await define(mine, convener, {
      ...apprentices,
      definition: "New apprentices at member firms.",
    });
    expect(res.statusCode, res.body).toBe(201);
    const indicator = res.json();
    ownKey = indicator.key;
    expect(ownKey).toMatch(/^own_[0-9a-f]{12}$/);
    expect(indicator).toMatchObject({
      name: "Apprentices hired",
      rollup: "sum",
      custom: true,
      retired: false,
    });
    const tracked = (await call("GET", `/api/partnerships/${mine.id}/indicators`, convener)).json();
    expect(tracked.items.map((i: { key: string }) => i.key)).toContain(ownKey);
    const catalog = (await call("GET", "/api/indicators", null)).json();
    expect(catalog.items.map((i: { key: string }) => i.key)).not.toContain(ownKey);
    // Saving the catalog picks without it keeps it: a partnership's own indicator is always tracked.
    expect(
      (await call("PUT", `/api/partnerships/${mine.id}/indicators`, convener, { keys: [] })).statusCode,
    ).toBe(200);
    const after = (await call("GET", `/api/partnerships/${mine.id}/indicators`, convener)).json();
    expect(after.items.map((i: { key: string }) => i.key)).toEqual([ownKey]);
  });

  it("refuses bad fields by name, a second one of the same name, and anyone but a convener", async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from indicators`))[0].n;
    const before = await count();
    const short = await define(mine, convener, { ...apprentices, name: "ab" });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([{ field: "name", message: "must be at least 3 characters" }]);
    const unit = await define(mine, convener, { ...apprentices, name: "Furlongs run", unit: "furlongs" });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().errors[0].field).toBe("unit");
    const again = await define(mine, convener, { ...apprentices, name: "apprentices HIRED" });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([
      { field: "name", message: "is already one of this partnership's own indicators" },
    ]);
    expect((await define(mine, outsider, apprentices)).statusCode).toBe(403);
    expect((await define(mine, null, apprentices)).statusCode).toBe(401);
    expect(await count()).toBe(before);
  });

  it("takes values like a catalog indicator, only from its own partnership, and stays out of benchmarks and the roll-up", async () => {
    const put = (p: { id: string }, who: User) =>
      call("PUT", `/api/partnerships/${p.id}/measurements`, who, {
        items: [{ indicator: ownKey, period: "2025", value: 14, kind: "actual", visibility: "public" }],
      });
    expect((await put(mine, convener)).statusCode).toBe(200);
    const refused = await put(theirs, other);
    expect(refused.statusCode).toBe(400);
    const values = (await call("GET", `/api/partnerships/${mine.id}/measurements`, convener)).json();
    expect(values.items.map((m: { indicator: string; value: number }) => [m.indicator, m.value])).toEqual([
      [ownKey, 14],
    ]);
    const csv = await call("GET", `/api/partnerships/${mine.id}/measurements.csv`, convener);
    expect(csv.body).toContain(ownKey);
    const rollup = (await call("GET", "/api/community/rollup?period=2025", null)).json();
    expect(rollup.items.map((i: { indicator: string }) => i.indicator)).not.toContain(ownKey);
    const bench = await call(
      "GET",
      `/api/partnerships/${mine.id}/benchmarks?indicator=${ownKey}&period=2025`,
      convener,
    );
    expect(bench.statusCode).toBe(400);
  });

  it("shows the community admin the ones defined alike, and adopting one brings its values into the catalog", async () => {
    const theirsDefined = await define(theirs, other, { ...apprentices, name: "  apprentices   HIRED " });
    expect(theirsDefined.statusCode).toBe(201);
    await define(theirs, other, {
      name: "Truck drivers licensed",
      area: "people",
      unit: "count",
      direction: "higher",
    });
    expect((await call("GET", "/api/admin/indicators/alike", convener)).statusCode).toBe(403);
    const alike = (await call("GET", "/api/admin/indicators/alike", admin)).json();
    expect(alike.items).toHaveLength(1);
    expect(alike.items[0]).toMatchObject({ unit: "count", partnerships: 2 });
    expect(alike.items[0].indicators).toEqual([
      { key: ownKey, partnership: "Front Range Makers", values: 1 },
      { key: theirsDefined.json().key, partnership: "Valley Machinists", values: 0 },
    ]);

    expect((await call("POST", `/api/admin/indicators/${ownKey}/adopt`, convener)).statusCode).toBe(403);
    const adopted = await call("POST", `/api/admin/indicators/${ownKey}/adopt`, admin);
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toMatchObject({ key: ownKey, custom: false });
    const catalog = (await call("GET", "/api/indicators", null)).json();
    expect(catalog.items.map((i: { key: string }) => i.key)).toContain(ownKey);
    const rollup = (await call("GET", "/api/community/rollup?period=2025", null)).json();
    expect(rollup.items.find((i: { indicator: string }) => i.indicator === ownKey)).toMatchObject({
      total: 14,
      reporting: 1,
    });
    // The other one keeps its owner; a second indicator of that name cannot join the catalog.
    const twice = await call("POST", `/api/admin/indicators/${theirsDefined.json().key}/adopt`, admin);
    expect(twice.statusCode).toBe(409);
    expect((await call("POST", `/api/admin/indicators/${ownKey}/adopt`, admin)).statusCode).toBe(409);
    expect((await call("POST", "/api/admin/indicators/nope/adopt", admin)).statusCode).toBe(404);
    expect((await call("GET", "/api/admin/indicators/alike", admin)).json().items).toEqual([]);
  });
});
