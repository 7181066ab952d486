import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessLog, MyScopes, Scope } from "../../../core/coordinators.js";
import type { Measurement } from "../../../core/impact.js";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

/*
 * State and regional coordinators read the partnerships of their scope (members-only data
 * included), never write, and every such read is in the log the partnership's conveners see.
 */

type User = Awaited<ReturnType<typeof signUp>>;
let ctx: TestContext;
let admin: User;
let ohioConvener: User;
let michiganConvener: User;
let ohioCoordinator: User;
let regional: User;
let outsider: User;
let cleveland: { id: string; slug: string };
let columbus: { id: string; slug: string };
let detroit: { id: string; slug: string };

const CLEVELAND_CBSA = "17460";

function call(
  who: User | null,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
) {
  return ctx.app.inject({
    method,
    url,
    headers: who ? { cookie: who.cookie } : {},
    ...(payload === undefined ? {} : { payload }),
  });
}

async function values(who: User, partnershipId: string) {
  const res = await call(who, "GET", `/api/partnerships/${partnershipId}/measurements`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Measurement[] }>().items;
}

async function logCount(partnershipId: string, userId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    ctx.deps.db,
    sql`select count(*)::int as n from coordinator_access_log
        where partnership_id = ${partnershipId} and user_id = ${userId}`,
  );
  return row.n;
}

async function assign(who: User, body: object) {
  return call(who, "POST", "/api/coordinators", body);
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  ohioConvener = await signUp(ctx, "Olive Ohio");
  michiganConvener = await signUp(ctx, "Mick Michigan");
  ohioCoordinator = await signUp(ctx, "Stella State");
  regional = await signUp(ctx, "Rene Regional");
  outsider = await signUp(ctx, "Otto Outsider");
  // Cleveland's CBSA (Cuyahoga, Lake, Lorain): the reference data ships without CBSAs.
  await ctx.deps.db.execute(
    sql`update counties set cbsa_code = ${CLEVELAND_CBSA}, cbsa_title = 'Cleveland-Elyria, OH'
        where fips in ('39035', '39085', '39093')`,
  );
  cleveland = await createPartnership(ctx, ohioConvener.cookie, {
    name: "Cleveland Manufacturing Partnership",
    counties: ["39035"],
  });
  columbus = await createPartnership(ctx, ohioConvener.cookie, {
    name: "Columbus Health Partnership",
    counties: ["39049"],
    naics: ["622"],
  });
  detroit = await createPartnership(ctx, michiganConvener.cookie, {
    name: "Detroit Manufacturing Partnership",
    counties: ["26163"],
  });
  for (const [who, p, value] of [
    [ohioConvener, cleveland, 41],
    [ohioConvener, columbus, 42],
    [michiganConvener, detroit, 43],
  ] as const) {
    const saved = await call(who, "PUT", `/api/partnerships/${p.id}/measurements`, {
      items: [
        { indicator: "jobs_created", period: "2025", value, kind: "actual", visibility: "partnership" },
        { indicator: "jobs_created", period: "2024", value: 7, kind: "actual", visibility: "public" },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
  }
}, 120_000);
afterAll(() => ctx.close());

describe("a coordinator of Ohio", () => {
  let scope: Scope;

  it("is assigned by the community admin; non-admins cannot assign (403)", async () => {
    const refused = await assign(outsider, { email: outsider.email, kind: "state", stateFips: "39" });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    const convenerRefused = await assign(ohioConvener, {
      email: ohioCoordinator.email,
      kind: "state",
      stateFips: "39",
    });
    expect(convenerRefused.statusCode).toBe(403);
    expect((await queryRows(ctx.deps.db, sql`select 1 from coordinator_scopes`)).length).toBe(0);

    const unknown = await assign(admin, { email: "nobody@example.org", kind: "state", stateFips: "39" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ errors: { field: string }[] }>().errors[0].field).toBe("email");

    const made = await assign(admin, { email: ohioCoordinator.email, kind: "state", stateFips: "39" });
    expect(made.statusCode, made.body).toBe(201);
    scope = made.json<Scope>();
    expect(scope).toMatchObject({
      kind: "state",
      stateFips: "39",
      name: "Ohio",
      email: ohioCoordinator.email,
    });
  });

  it("lists Ohio's partnerships in My scope, not Michigan's", async () => {
    const res = await call(ohioCoordinator, "GET", "/api/me/scopes");
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json<MyScopes>();
    expect(mine.scopes.map((s) => s.id)).toEqual([scope.id]);
    expect(mine.partnerships.map((p) => p.name)).toEqual([
      "Cleveland Manufacturing Partnership",
      "Columbus Health Partnership",
    ]);
    expect(mine.partnerships[0]).toMatchObject({ states: ["OH"], role: null, scopeIds: [scope.id] });
    const none = await call(outsider, "GET", "/api/me/scopes");
    expect(none.json<MyScopes>()).toEqual({ scopes: [], partnerships: [] });
  });

  it("sees Ohio's partnership-only values and nothing of Michigan's", async () => {
    const ohio = await values(ohioCoordinator, cleveland.id);
    expect(ohio.find((m) => m.period === "2025")).toMatchObject({ value: 41, visibility: "partnership" });
    const michigan = await values(ohioCoordinator, detroit.id);
    expect(michigan.map((m) => m.visibility)).toEqual(["public"]);
    expect(michigan.map((m) => m.value)).toEqual([7]);
    // A stranger sees no more than public and community values of Ohio either.
    expect((await values(outsider, cleveland.id)).map((m) => m.period)).toEqual(["2024"]);
  });

  it("reads members, meetings, activity, the action plan and assessments of Ohio; 403 in Michigan", async () => {
    const reads = [
      "members",
      "meetings",
      "activity",
      "opportunities",
      "action-plan",
      "vote-rounds",
      "assessments",
    ];
    for (const path of reads) {
      const ohio = await call(ohioCoordinator, "GET", `/api/partnerships/${cleveland.id}/${path}`);
      const michigan = await call(ohioCoordinator, "GET", `/api/partnerships/${detroit.id}/${path}`);
      expect([path, ohio.statusCode]).toEqual([path, 200]);
      expect([path, michigan.statusCode]).toEqual([path, 403]);
    }
    const members = await call(ohioCoordinator, "GET", `/api/partnerships/${cleveland.id}/members`);
    expect(members.body).toContain("Olive Ohio");
    const workspace = await call(ohioCoordinator, "GET", `/api/partnerships/${cleveland.slug}`);
    expect(workspace.json<{ permissions: object }>().permissions).toEqual({
      edit: false,
      manageMembers: false,
      viewMembers: true,
    });
  });

  it("cannot write: 403, nothing changed", async () => {
    const before = await values(ohioConvener, cleveland.id);
    const write = await call(ohioCoordinator, "PUT", `/api/partnerships/${cleveland.id}/measurements`, {
      items: [
        { indicator: "jobs_created", period: "2025", value: 999, kind: "actual", visibility: "partnership" },
      ],
    });
    expect(write.statusCode).toBe(403);
    const edit = await call(ohioCoordinator, "PATCH", `/api/partnerships/${cleveland.id}`, {
      name: "Taken over",
      version: 1,
    });
    expect(edit.statusCode).toBe(403);
    const raise = await call(ohioCoordinator, "POST", `/api/partnerships/${cleveland.id}/opportunities`, {
      title: "A coordinator's idea",
      theme: "talent_pipeline",
    });
    expect(raise.statusCode).toBe(403);
    const meeting = await call(ohioCoordinator, "POST", `/api/partnerships/${cleveland.id}/meetings`, {
      kind: "full_partnership",
      title: "A coordinator's meeting",
      startsAt: "2026-12-10T15:00:00.000Z",
      timeZone: "America/New_York",
    });
    expect(meeting.statusCode).toBe(403);
    expect(await values(ohioConvener, cleveland.id)).toEqual(before);
    const [p] = await queryRows<{ name: string; n: number }>(
      ctx.deps.db,
      sql`select name, (select count(*)::int from opportunities o where o.partnership_id = p.id) as n
          from partnerships p where id = ${cleveland.id}`,
    );
    expect(p).toEqual({ name: "Cleveland Manufacturing Partnership", n: 0 });
  });

  it("is logged, and the Ohio convener sees it; Michigan's log has nothing of them", async () => {
    expect(await logCount(cleveland.id, ohioCoordinator.userId)).toBeGreaterThan(0);
    expect(await logCount(detroit.id, ohioCoordinator.userId)).toBe(0);
    const res = await call(
      ohioConvener,
      "GET",
      `/api/partnerships/${cleveland.id}/coordinator-access?limit=2`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const log = res.json<AccessLog>();
    expect(log.items).toHaveLength(2);
    expect(log.total).toBeGreaterThan(2);
    expect(log.items[0]).toMatchObject({ userName: "Stella State", email: ohioCoordinator.email });
    expect(log.items[0].at >= log.items[1].at).toBe(true);
    const whats = (
      await call(ohioConvener, "GET", `/api/partnerships/${cleveland.id}/coordinator-access?limit=100`)
    )
      .json<AccessLog>()
      .items.map((i) => i.what);
    expect(whats).toContain("impact values");
    expect(whats).toContain("members");
    // A Spanish-speaking convener reads the same log in Spanish.
    const spanish = (
      await ctx.app.inject({
        url: `/api/partnerships/${cleveland.id}/coordinator-access?limit=100`,
        headers: { cookie: ohioConvener.cookie, "accept-language": "es" },
      })
    )
      .json<AccessLog>()
      .items.map((i) => i.what);
    expect(spanish).toContain("valores de impacto");
    expect(spanish).toContain("miembros");
    expect(spanish).not.toContain("impact values");
    // The coordinator (not a convener) and strangers may not read the log.
    expect(
      (await call(ohioCoordinator, "GET", `/api/partnerships/${cleveland.id}/coordinator-access`)).statusCode,
    ).toBe(403);
    expect(
      (await call(outsider, "GET", `/api/partnerships/${cleveland.id}/coordinator-access`)).statusCode,
    ).toBe(403);
    expect((await call(null, "GET", `/api/partnerships/${cleveland.id}/coordinator-access`)).statusCode).toBe(
      401,
    );
    // A member reading their own partnership is not logged.
    await values(ohioConvener, cleveland.id);
    expect(await logCount(cleveland.id, ohioConvener.userId)).toBe(0);
  });

  it("assigns a regional coordinator inside Ohio, not outside (403)", async () => {
    const outside = await assign(ohioCoordinator, {
      email: regional.email,
      kind: "region",
      counties: ["26163"],
    });
    expect(outside.statusCode).toBe(403);
    const straddling = await assign(ohioCoordinator, {
      email: regional.email,
      kind: "region",
      counties: ["39035", "26163"],
    });
    expect(straddling.statusCode).toBe(403);
    const state = await assign(ohioCoordinator, { email: regional.email, kind: "state", stateFips: "39" });
    expect(state.statusCode).toBe(403);
    const inside = await assign(ohioCoordinator, {
      email: regional.email,
      kind: "region",
      cbsaCode: CLEVELAND_CBSA,
    });
    expect(inside.statusCode, inside.body).toBe(201);
    expect(inside.json<Scope>()).toMatchObject({
      kind: "region",
      stateFips: "39",
      cbsaCode: CLEVELAND_CBSA,
      name: "Cleveland-Elyria, OH",
      counties: ["39035", "39085", "39093"],
    });
    const listed = await call(ohioCoordinator, "GET", "/api/coordinators");
    expect(listed.statusCode).toBe(200);
    expect(listed.json<{ items: Scope[] }>().items.map((s) => s.kind)).toEqual(["region", "state"]);
    expect((await call(ohioCoordinator, "GET", "/api/coordinators?stateFips=26")).statusCode).toBe(403);
    expect((await call(outsider, "GET", "/api/coordinators")).statusCode).toBe(403);
  });
});

describe("a regional coordinator by CBSA", () => {
  it("sees only partnerships with a county in the region", async () => {
    const mine = (await call(regional, "GET", "/api/me/scopes")).json<MyScopes>();
    expect(mine.partnerships.map((p) => p.name)).toEqual(["Cleveland Manufacturing Partnership"]);
    expect((await values(regional, cleveland.id)).some((m) => m.value === 41)).toBe(true);
    expect((await values(regional, columbus.id)).some((m) => m.value === 42)).toBe(false);
    expect((await call(regional, "GET", `/api/partnerships/${columbus.id}/members`)).statusCode).toBe(403);
    expect(await logCount(columbus.id, regional.userId)).toBe(0);
    expect(await logCount(cleveland.id, regional.userId)).toBe(1);
  });
});

describe("removing a scope", () => {
  it("removes access at once; only admins or the state's coordinator may remove", async () => {
    const scopes = (await call(admin, "GET", "/api/coordinators")).json<{ items: Scope[] }>().items;
    const region = scopes.find((s) => s.kind === "region")!;
    const state = scopes.find((s) => s.kind === "state")!;
    expect((await call(outsider, "DELETE", `/api/coordinators/${region.id}`)).statusCode).toBe(403);
    expect((await call(ohioCoordinator, "DELETE", `/api/coordinators/${state.id}`)).statusCode).toBe(403);
    expect((await call(admin, "DELETE", `/api/coordinators/not-a-uuid`)).statusCode).toBe(404);

    const removedRegion = await call(ohioCoordinator, "DELETE", `/api/coordinators/${region.id}`);
    expect(removedRegion.statusCode).toBe(204);
    expect((await values(regional, cleveland.id)).some((m) => m.value === 41)).toBe(false);
    expect((await call(regional, "GET", `/api/partnerships/${cleveland.id}/members`)).statusCode).toBe(403);

    const removed = await call(admin, "DELETE", `/api/coordinators/${state.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await values(ohioCoordinator, cleveland.id)).some((m) => m.value === 41)).toBe(false);
    expect((await call(ohioCoordinator, "GET", "/api/me/scopes")).json<MyScopes>().partnerships).toEqual([]);
    expect((await call(admin, "DELETE", `/api/coordinators/${state.id}`)).statusCode).toBe(404);
  });
});
