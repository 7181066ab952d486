import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessLog } from "../../../core/coordinators.js";
import type { CreatedServiceToken, ServiceToken } from "../../../core/service-tokens.js";
import type { MeasurementsSyncPage, PartnershipsSyncPage } from "../../../core/sync.js";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

/*
 * Service tokens: the community admin makes a read-only token for a coordinator scope; a state
 * system reads that scope's members-only data with it (logged under the token's name), never
 * another scope's, never writes, and its service account can never sign in.
 */

type User = Awaited<ReturnType<typeof signUp>>;
let ctx: TestContext;
let admin: User;
let ohioConvener: User;
let michiganConvener: User;
let cleveland: { id: string; slug: string };
let detroit: { id: string; slug: string };
let ohio: CreatedServiceToken;
let serviceUserId = "";
let serviceEmail = "";

const call = (who: User | null, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  ctx.app.inject({
    method,
    url,
    headers: who ? { cookie: who.cookie } : {},
    ...(payload === undefined ? {} : { payload }),
  });
const bearer = (
  token: string,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  url: string,
  payload?: object,
) =>
  ctx.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload === undefined ? {} : { payload }),
  });
const makeToken = (who: User, body: object) => call(who, "POST", "/api/admin/service-tokens", body);
const value = (period: string, v: number, visibility: string, version = 0) => ({
  indicator: "jobs_created",
  kind: "actual",
  period,
  value: v,
  visibility,
  version,
});
async function put(who: User, partnershipId: string, items: object[]) {
  const res = await call(who, "PUT", `/api/partnerships/${partnershipId}/measurements`, { items });
  expect(res.statusCode, res.body).toBe(200);
}
async function logged(partnershipId: string): Promise<{ user_id: string; what: string }[]> {
  return queryRows(
    ctx.deps.db,
    sql`select user_id, what from coordinator_access_log where partnership_id = ${partnershipId} order by at, id`,
  );
}
const snapshot = async () =>
  queryRows(
    ctx.deps.db,
    sql`select p.name, p.updated_at, (select count(*)::int from measurements m where m.partnership_id = p.id) as values
        from partnerships p order by p.name`,
  );

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  ohioConvener = await signUp(ctx, "Olive Ohio");
  michiganConvener = await signUp(ctx, "Mick Michigan");
  cleveland = await createPartnership(ctx, ohioConvener.cookie, {
    name: "Cleveland Manufacturing Partnership",
    counties: ["39035"],
  });
  detroit = await createPartnership(ctx, michiganConvener.cookie, {
    name: "Detroit Manufacturing Partnership",
    counties: ["26163"],
  });
  await put(ohioConvener, cleveland.id, [value("2025", 41, "partnership"), value("2024", 7, "public")]);
  await put(michiganConvener, detroit.id, [value("2025", 43, "partnership"), value("2024", 9, "public")]);
}, 120_000);
afterAll(() => ctx.close());

describe("making service tokens", () => {
  it("is for the community admin only (403 for others, and for a token), and makes nothing then", async () => {
    const body = {
      name: "Ohio workforce data sync",
      scope: { kind: "state", stateFips: "39" },
      expiresInDays: null,
    };
    expect((await makeToken(ohioConvener, body)).statusCode).toBe(403);
    expect((await call(ohioConvener, "GET", "/api/admin/service-tokens")).statusCode).toBe(403);
    expect((await call(null, "GET", "/api/admin/service-tokens")).statusCode).toBe(401);
    const personal = await call(admin, "POST", "/api/me/tokens", {
      name: "Mine",
      access: "write",
      expiresInDays: null,
    });
    expect(personal.statusCode, personal.body).toBe(201);
    const withToken = await bearer(
      personal.json<{ token: string }>().token,
      "POST",
      "/api/admin/service-tokens",
      body,
    );
    expect(withToken.statusCode).toBe(403);
    expect(await queryRows(ctx.deps.db, sql`select 1 from users where is_service`)).toHaveLength(0);
  });

  it("refuses a bad scope naming the field, and makes nothing", async () => {
    const res = await makeToken(admin, {
      name: "Bad",
      scope: { kind: "region", counties: ["99999"] },
      expiresInDays: 30,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors[0].field).toBe("scope.counties");
    const noName = await makeToken(admin, {
      name: " ",
      scope: { kind: "state", stateFips: "39" },
      expiresInDays: 30,
    });
    expect(noName.statusCode).toBe(400);
    expect(await queryRows(ctx.deps.db, sql`select 1 from users where is_service`)).toHaveLength(0);
    expect(await queryRows(ctx.deps.db, sql`select 1 from coordinator_scopes`)).toHaveLength(0);
  });

  it("makes an Ohio token with its service account, person, scope and token, shown once", async () => {
    const res = await makeToken(admin, {
      name: "Ohio workforce data sync",
      scope: { kind: "state", stateFips: "39" },
      expiresInDays: 90,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers["cache-control"]).toBe("no-store");
    ohio = res.json<CreatedServiceToken>();
    expect(ohio).toMatchObject({
      name: "Ohio workforce data sync",
      scopeKind: "state",
      scopeLabel: "Ohio",
      access: "read",
      status: "active",
      lastUsedAt: null,
    });
    expect(ohio.token).toMatch(/^st_[A-Za-z0-9_-]{43}$/);
    expect(new Date(ohio.expiresAt!).getTime() - new Date(ohio.createdAt).getTime()).toBe(90 * 86_400_000);
    const [account] = await queryRows<{
      id: string;
      email: string;
      name: string;
      password_hash: string | null;
    }>(ctx.deps.db, sql`select u.id, u.email, u.name, u.password_hash from users u where u.is_service`);
    expect(account.email).toMatch(/^service-[0-9a-f-]{36}@service\.invalid$/);
    expect(account.name).toBe("Ohio workforce data sync");
    expect(account.password_hash).toBeNull();
    serviceUserId = account.id;
    serviceEmail = account.email;
    const [scope] = await queryRows<{ kind: string; state_fips: string; id: string }>(
      ctx.deps.db,
      sql`select id, kind, state_fips from coordinator_scopes where user_id = ${serviceUserId}`,
    );
    expect(scope).toMatchObject({ kind: "state", state_fips: "39", id: ohio.scopeId });

    const list = await call(admin, "GET", "/api/admin/service-tokens");
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: ServiceToken[] }>().items;
    expect(items.map((t) => [t.name, t.scopeLabel, t.status])).toEqual([
      ["Ohio workforce data sync", "Ohio", "active"],
    ]);
    expect(JSON.stringify(items)).not.toContain(ohio.token);
    // Not among people: the coordinators page lists no service account.
    const scopes = await call(admin, "GET", "/api/coordinators");
    expect(scopes.json<{ items: unknown[] }>().items).toHaveLength(0);
  });

  it("makes a region token from a CBSA", async () => {
    await ctx.deps.db.execute(
      sql`update counties set cbsa_code = '17460', cbsa_title = 'Cleveland-Elyria, OH' where fips in ('39035', '39085', '39093')`,
    );
    const res = await makeToken(admin, {
      name: "NEO region",
      scope: { kind: "region", cbsaCode: "17460" },
      expiresInDays: null,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<ServiceToken>()).toMatchObject({
      scopeKind: "region",
      scopeLabel: "Cleveland-Elyria, OH",
      expiresAt: null,
    });
    const counties = await queryRows<{ county_fips: string }>(
      ctx.deps.db,
      sql`select county_fips from coordinator_scope_counties where scope_id = ${res.json<ServiceToken>().scopeId} order by 1`,
    );
    expect(counties.map((c) => c.county_fips)).toEqual(["39035", "39085", "39093"]);
  });
});

describe("reading with an Ohio service token", () => {
  it("reads an Ohio partnership's members-only values and members, each read logged under its name", async () => {
    const values = await bearer(ohio.token, "GET", `/api/partnerships/${cleveland.id}/measurements`);
    expect(values.statusCode, values.body).toBe(200);
    const items = values.json<{ items: { value: number; visibility: string }[] }>().items;
    expect(items.filter((m) => m.visibility === "partnership").map((m) => m.value)).toEqual([41]);
    const members = await bearer(ohio.token, "GET", `/api/partnerships/${cleveland.id}/members`);
    expect(members.statusCode, members.body).toBe(200);
    expect(members.body).toContain("Olive Ohio");
    const rows = await logged(cleveland.id);
    expect(rows.filter((r) => r.user_id === serviceUserId)).toHaveLength(2);

    const log = await call(ohioConvener, "GET", `/api/partnerships/${cleveland.id}/coordinator-access`);
    expect(log.statusCode, log.body).toBe(200);
    const entries = log.json<AccessLog>().items;
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.userName === "Ohio workforce data sync" && e.viaServiceToken)).toBe(true);
    const listed = await call(admin, "GET", "/api/admin/service-tokens");
    expect(
      listed.json<{ items: ServiceToken[] }>().items.find((t) => t.id === ohio.id)?.lastUsedAt,
    ).not.toBeNull();
  });

  it("gets nothing members-only of Michigan's, and nothing is logged there", async () => {
    const values = await bearer(ohio.token, "GET", `/api/partnerships/${detroit.id}/measurements`);
    expect(values.statusCode).toBe(200);
    expect(values.json<{ items: { visibility: string }[] }>().items.map((m) => m.visibility)).toEqual([
      "public",
    ]);
    const members = await bearer(ohio.token, "GET", `/api/partnerships/${detroit.id}/members`);
    expect([403, 404]).toContain(members.statusCode);
    expect(await logged(detroit.id)).toHaveLength(0);
  });

  it("changes nothing: any write answers 403 token_read_only", async () => {
    const before = await snapshot();
    const writes = [
      bearer(ohio.token, "PUT", `/api/partnerships/${cleveland.id}/measurements`, {
        items: [value("2025", 1, "partnership", 1)],
      }),
      bearer(ohio.token, "PATCH", `/api/partnerships/${cleveland.id}`, { name: "Taken over" }),
      bearer(ohio.token, "POST", "/api/admin/service-tokens", {
        name: "x",
        scope: { kind: "state", stateFips: "39" },
        expiresInDays: 1,
      }),
      bearer(ohio.token, "DELETE", `/api/partnerships/${cleveland.id}`),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json<{ reason: string }>().reason).toBe("token_read_only");
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("a service account never signs in", () => {
  it("answers a password sign-in as for an unknown address", async () => {
    const tries = async (email: string) => {
      const res = await ctx.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email, password: "correct horse battery" },
        remoteAddress: "10.9.9.9",
      });
      return { status: res.statusCode, detail: res.json<{ detail: string }>().detail };
    };
    const service = await tries(serviceEmail);
    expect(service.status).toBe(401);
    expect(service).toEqual(await tries("nobody-here@example.org"));
    expect(
      await queryRows(ctx.deps.db, sql`select 1 from sessions where user_id = ${serviceUserId}`),
    ).toHaveLength(0);
  });

  it("answers an e-mail link and a password reset as for an unknown address, and mails nothing", async () => {
    for (const url of ["/api/auth/email-link", "/api/auth/password-reset"]) {
      const service = await ctx.app.inject({
        method: "POST",
        url,
        payload: { email: serviceEmail },
        remoteAddress: "10.9.9.8",
      });
      const unknown = await ctx.app.inject({
        method: "POST",
        url,
        payload: { email: "nobody-else@example.org" },
        remoteAddress: "10.9.9.7",
      });
      expect(service.statusCode, `${url} ${service.body}`).toBe(unknown.statusCode);
      // The answer repeats the address asked about, and says nothing else.
      expect(service.body.replace(serviceEmail, "ADDRESS")).toBe(
        unknown.body.replace("nobody-else@example.org", "ADDRESS"),
      );
    }
    expect(await queryRows(ctx.deps.db, sql`select 1 from outbox where "to" = ${serviceEmail}`)).toHaveLength(
      0,
    );
    expect(
      await queryRows(ctx.deps.db, sql`select 1 from sign_in_links where user_id = ${serviceUserId}`),
    ).toHaveLength(0);
    expect(
      await queryRows(ctx.deps.db, sql`select 1 from password_resets where user_id = ${serviceUserId}`),
    ).toHaveLength(0);
  });

  it("cannot be given a coordinator scope by its e-mail (as an unknown address)", async () => {
    const res = await call(admin, "POST", "/api/coordinators", {
      email: serviceEmail,
      kind: "state",
      stateFips: "26",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors[0].field).toBe("email");
    const scopes = await queryRows(
      ctx.deps.db,
      sql`select 1 from coordinator_scopes where user_id = ${serviceUserId}`,
    );
    expect(scopes).toHaveLength(1);
  });
});

describe("syncing a scope with a service token", () => {
  const settle = () => ctx.advance(10_000);
  async function all(path: string, query: string) {
    const items: MeasurementsSyncPage["items"] = [];
    let url = `${path}?${query}`;
    for (let pages = 0; pages < 20; pages++) {
      const res = await bearer(ohio.token, "GET", url);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<MeasurementsSyncPage>();
      items.push(...page.items);
      if (!page.nextCursor) return { items, until: page.until };
      url = `${path}?${query}&cursor=${page.nextCursor}`;
    }
    throw new Error("no end to the listing");
  }

  it("copies Ohio's values, members-only included with their unit, then only the changes, never Michigan's", async () => {
    settle();
    const logBefore = (await logged(cleveland.id)).length;
    const first = await all("/api/sync/measurements", "limit=1");
    const own = first.items.filter((m) => m.partnershipId === cleveland.id);
    expect(own.map((m) => [m.period, m.value, m.visibility, m.unit]).sort()).toEqual([
      ["2024", 7, "public", "count"],
      ["2025", 41, "partnership", "count"],
    ]);
    // Michigan's public value is public; its members-only value is never sent.
    expect(first.items.filter((m) => m.partnershipId === detroit.id).map((m) => m.visibility)).toEqual([
      "public",
    ]);
    // One log row for the one page that carried Cleveland's members-only value.
    const rows = (await logged(cleveland.id)).slice(logBefore);
    expect(rows).toEqual([{ user_id: serviceUserId, what: "impact values (bulk sync)" }]);

    // A value edited, a value added, a value deleted; and Michigan changes its own.
    const ids = await queryRows<{ id: string; period: string; version: number }>(
      ctx.deps.db,
      sql`select id, period, version from measurements where partnership_id = ${cleveland.id}`,
    );
    const byPeriod = new Map(ids.map((m) => [m.period, m]));
    await put(ohioConvener, cleveland.id, [
      value("2025", 45, "partnership", byPeriod.get("2025")!.version),
      value("2023", 3, "partnership"),
    ]);
    // Values are deleted by the system (the BLS figures when a partnership's codes change), as sync.test.ts does.
    const removedId = byPeriod.get("2024")!.id;
    await ctx.deps.db.execute(sql`
      with gone as (delete from measurements where id = ${removedId} returning id, partnership_id, visibility)
      insert into measurement_deletions (measurement_id, partnership_id, visibility, deleted_at)
      select id, partnership_id, visibility, ${ctx.deps.now().toISOString()}::timestamptz from gone`);
    await put(michiganConvener, detroit.id, [value("2023", 99, "partnership")]);
    settle();

    const second = await all("/api/sync/measurements", `updatedSince=${encodeURIComponent(first.until)}`);
    expect(
      second.items
        .map((m) => [
          m.partnershipId === cleveland.id ? "cleveland" : "detroit",
          m.period,
          m.value,
          m.removed,
        ])
        .sort(),
    ).toEqual(
      [
        ["cleveland", "2025", 45, false],
        ["cleveland", "2023", 3, false],
        ["cleveland", null, null, true],
      ].sort(),
    );
    expect(second.items.find((m) => m.removed)?.id).toBe(removedId);
  });

  it("narrows to its own scope; another scope is not found, a whole state it does not coordinate refused", async () => {
    const scoped = await bearer(ohio.token, "GET", `/api/sync/partnerships?scope=${ohio.scopeId}`);
    expect(scoped.statusCode, scoped.body).toBe(200);
    expect(scoped.json<PartnershipsSyncPage>().items.map((p) => p.name)).toEqual([
      "Cleveland Manufacturing Partnership",
    ]);
    const ohioValues = await bearer(ohio.token, "GET", "/api/sync/measurements?state=39");
    expect(ohioValues.statusCode, ohioValues.body).toBe(200);
    expect(new Set(ohioValues.json<MeasurementsSyncPage>().items.map((m) => m.partnershipId))).toEqual(
      new Set([cleveland.id]),
    );
    expect((await bearer(ohio.token, "GET", "/api/sync/measurements?state=26")).statusCode).toBe(403);
    const [other] = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`select id from coordinator_scopes where id <> ${ohio.scopeId} limit 1`,
    );
    expect((await bearer(ohio.token, "GET", `/api/sync/measurements?scope=${other.id}`)).statusCode).toBe(
      404,
    );
    // Anyone narrows public profiles by state; a scope needs its owner.
    const michigan = await ctx.app.inject({ url: "/api/sync/partnerships?state=26" });
    expect(michigan.json<PartnershipsSyncPage>().items.map((p) => p.name)).toEqual([
      "Detroit Manufacturing Partnership",
    ]);
    expect((await ctx.app.inject({ url: `/api/sync/partnerships?scope=${ohio.scopeId}` })).statusCode).toBe(
      401,
    );
    const both = await ctx.app.inject({ url: `/api/sync/partnerships?scope=${ohio.scopeId}&state=39` });
    expect(both.statusCode).toBe(400);
  });
});

describe("a token that stopped working", () => {
  it("answers 401 once expired, and changes nothing", async () => {
    const made = await makeToken(admin, {
      name: "Short",
      scope: { kind: "state", stateFips: "39" },
      expiresInDays: 1,
    });
    const token = made.json<CreatedServiceToken>().token;
    expect((await bearer(token, "GET", "/api/sync/partnerships")).statusCode).toBe(200);
    ctx.advance(86_400_000 + 1_000);
    const before = await snapshot();
    const read = await bearer(token, "GET", `/api/partnerships/${cleveland.id}/measurements`);
    expect(read.statusCode).toBe(401);
    expect(read.json<{ reason: string }>().reason).toBe("token_invalid");
    const write = await bearer(token, "PUT", `/api/partnerships/${cleveland.id}/measurements`, { items: [] });
    expect(write.statusCode).toBe(401);
    expect(await snapshot()).toEqual(before);
    const listed = await call(admin, "GET", "/api/admin/service-tokens");
    expect(listed.json<{ items: ServiceToken[] }>().items.find((t) => t.name === "Short")?.status).toBe(
      "expired",
    );
  });

  it("answers 401 once revoked; only the admin revokes", async () => {
    expect((await call(ohioConvener, "POST", `/api/admin/service-tokens/${ohio.id}/revoke`)).statusCode).toBe(
      403,
    );
    expect((await bearer(ohio.token, "GET", "/api/sync/partnerships")).statusCode).toBe(200);
    const revoked = await call(admin, "POST", `/api/admin/service-tokens/${ohio.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<ServiceToken>().status).toBe("revoked");
    const after = await bearer(ohio.token, "GET", "/api/sync/measurements");
    expect(after.statusCode).toBe(401);
    const unknown = await call(
      admin,
      "POST",
      "/api/admin/service-tokens/00000000-0000-4000-8000-000000000000/revoke",
    );
    expect(unknown.statusCode).toBe(404);
  });
});
