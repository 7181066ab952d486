import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
let convener: Awaited<ReturnType<typeof signUp>>;
let outsider: Awaited<ReturnType<typeof signUp>>;

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  outsider = await signUp(ctx, "Olive Outsider");
});
afterAll(() => ctx.close());

const partnershipCount = async () =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from partnerships`))[0].n;

describe("creating a partnership", () => {
  it("makes the creator its convener and answers the profile with id, slug and version", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/partnerships",
      headers: { cookie: convener.cookie },
      payload: {
        name: "Front Range Health Care Partnership",
        naics: ["622", "6216"],
        counties: ["08031", "56021"],
        setting: "mixed",
        stage: "prepare",
        description: "Hospitals and home health agencies of the Front Range.",
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      slug: "front-range-health-care-partnership",
      version: 1,
      stage: "prepare",
      setting: "mixed",
      // In the order the convener gave: the first is the main industry.
      naics: [
        { code: "622", title: "Hospitals" },
        { code: "6216", title: "Home Health Care Services" },
      ],
      states: [
        { abbr: "CO", name: "Colorado", fips: "08" },
        { abbr: "WY", name: "Wyoming", fips: "56" },
      ],
      counties: [
        { fips: "08031", name: "Denver", state: "CO" },
        { fips: "56021", name: "Laramie", state: "WY" },
      ],
      conveners: [{ name: "Casey Convener", organization: null }],
      permissions: { edit: true, manageMembers: true, viewMembers: true },
    });
    const me = await ctx.app.inject({ url: "/api/me", headers: { cookie: convener.cookie } });
    expect(me.json().partnerships).toContainEqual(expect.objectContaining({ id: body.id, role: "convener" }));
  });

  it("shows who sits at the table: businesses, public partners and their kinds, without removed ones", async () => {
    const p = await createPartnership(ctx, convener.cookie, { name: "Table Count Partnership" });
    const add = (name: string, kind: string) =>
      ctx.app.inject({
        method: "POST",
        url: `/api/partnerships/${p.id}/organizations`,
        headers: { cookie: convener.cookie },
        payload: { name, kind },
      });
    const acme = (await add("Acme Machining", "business")).json<{ id: string }>();
    await add("Beta Tooling", "business");
    await add("Front Range College", "postsecondary_education");
    await add("Denver Workforce Board", "workforce_development");
    await add("Community College of Aurora", "postsecondary_education");
    await ctx.deps.db.execute(sql`update organizations set removed_at = now() where id = ${acme.id}`);
    const visitor = await ctx.app.inject({ url: `/api/partnerships/${p.slug}` });
    expect(visitor.statusCode).toBe(200);
    const body = visitor.json();
    expect(body.table.businesses).toBe(1);
    expect(body.table.publicPartners).toBe(3);
    expect([...body.table.publicKinds].sort()).toEqual(["postsecondary_education", "workforce_development"]);
    expect(body.permissions).toEqual({ edit: false, manageMembers: false, viewMembers: false });
    expect(body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const byId = await ctx.app.inject({
      url: `/api/partnerships/${p.id}`,
      headers: { cookie: outsider.cookie },
    });
    expect(byId.json()).toEqual(body);
    expect((await ctx.app.inject({ url: "/api/partnerships/no-such-partnership" })).statusCode).toBe(404);
  });

  it("gives a second partnership of the same name its own slug", async () => {
    const a = await createPartnership(ctx, convener.cookie, { name: "Same Name Partnership" });
    const b = await createPartnership(ctx, convener.cookie, { name: "Same Name Partnership" });
    expect(a.slug).toBe("same-name-partnership");
    expect(b.slug).toBe("same-name-partnership-2");
  });

  it("needs a signed-in caller (401) and stores nothing", async () => {
    const before = await partnershipCount();
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/partnerships",
      payload: { name: "Anonymous", naics: ["31-33"], counties: ["08031"], setting: "metro" },
    });
    expect(res.statusCode).toBe(401);
    expect(await partnershipCount()).toBe(before);
  });

  it("refuses NAICS and county codes that do not exist, naming them, and stores nothing", async () => {
    const before = await partnershipCount();
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/partnerships",
      headers: { cookie: convener.cookie },
      payload: { name: "Bad Codes", naics: ["999999"], counties: ["08999", "1234"], setting: "rural" },
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ errors: { field: string; message: string }[] }>().errors;
    expect(errors.map((e) => e.field)).toContain("counties.1");
    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/partnerships",
      headers: { cookie: convener.cookie },
      payload: { name: "Bad Codes", naics: ["999999"], counties: ["08999"], setting: "rural" },
    });
    expect(again.json().errors).toEqual([
      { field: "naics", message: "unknown NAICS code 999999" },
      { field: "counties", message: "unknown county FIPS code 08999" },
    ]);
    expect(await partnershipCount()).toBe(before);
  });
});

describe("editing the profile", () => {
  it("lets the convener edit with the current version and keeps the previous version", async () => {
    const p = await createPartnership(ctx, convener.cookie, { name: "Editable Partnership" });
    const res = await ctx.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${p.id}`,
      headers: { cookie: convener.cookie },
      payload: { version: 1, stage: "launch", counties: ["08031", "08001"], launchDate: "2026-03-12" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, stage: "launch", launchDate: "2026-03-12" });
    expect(res.json().counties.map((c: { fips: string }) => c.fips)).toEqual(["08001", "08031"]);
    const revisions = await queryRows<{ version: number }>(
      ctx.deps.db,
      sql`select version from partnership_revisions where partnership_id = ${p.id}`,
    );
    expect(revisions).toEqual([{ version: 1 }]);
  });

  it("answers 409 with the current record to a stale version, changing nothing", async () => {
    const p = await createPartnership(ctx, convener.cookie, { name: "Contested Partnership" });
    await ctx.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${p.id}`,
      headers: { cookie: convener.cookie },
      payload: { version: 1, description: "First edit" },
    });
    const stale = await ctx.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${p.id}`,
      headers: { cookie: convener.cookie },
      payload: { version: 1, description: "Second edit", counties: ["56021"] },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, description: "First edit" });
    const now = await ctx.app.inject({ url: `/api/partnerships/${p.slug}` });
    expect(now.json()).toMatchObject({ version: 2, description: "First edit" });
    expect(now.json().counties).toHaveLength(3);
  });

  it("refuses an outsider (403) and an anonymous caller (401), changing nothing", async () => {
    const p = await createPartnership(ctx, convener.cookie, { name: "Guarded Partnership" });
    const forbidden = await ctx.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${p.id}`,
      headers: { cookie: outsider.cookie },
      payload: { version: 1, name: "Taken over" },
    });
    expect(forbidden.statusCode).toBe(403);
    const anonymous = await ctx.app.inject({
      method: "PATCH",
      url: `/api/partnerships/${p.id}`,
      payload: { version: 1, name: "Taken over" },
    });
    expect(anonymous.statusCode).toBe(401);
    const after = await ctx.app.inject({
      url: `/api/partnerships/${p.id}`,
      headers: { cookie: outsider.cookie },
    });
    expect(after.json()).toMatchObject({ name: "Guarded Partnership", version: 1 });
    expect(after.json().permissions).toEqual({ edit: false, manageMembers: false, viewMembers: false });
  });

  it("answers 404 for an unknown partnership", async () => {
    const res = await ctx.app.inject({ url: "/api/partnerships/00000000-0000-4000-8000-000000000000" });
    expect(res.statusCode).toBe(404);
    expect((await ctx.app.inject({ url: "/api/partnerships/no-such-slug" })).statusCode).toBe(404);
  });
});
