import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
let convener: Awaited<ReturnType<typeof signUp>>;
let outsider: Awaited<ReturnType<typeof signUp>>;
let partnership: { id: string; slug: string };
let acme: { id: string };
let college: { id: string };

const count = async (table: string) =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  outsider = await signUp(ctx, "Olive Outsider");
  partnership = await createPartnership(ctx, convener.cookie);
  const post = (payload: object) =>
    ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/organizations`,
      headers: { cookie: convener.cookie },
      payload,
    });
  const a = await post({
    name: "Acme Precision Machining",
    kind: "business",
    naics: "332710",
    sizeBand: "50-249",
  });
  expect(a.statusCode).toBe(201);
  expect(a.json()).toMatchObject({ kind: "business", naicsTitle: "Machine Shops", memberCount: 0 });
  acme = a.json();
  college = (await post({ name: "Front Range Community College", kind: "postsecondary_education" })).json();
});
afterAll(() => ctx.close());

describe("organizations", () => {
  it("refuses a NAICS code on a public partner and an unknown NAICS code", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/organizations`,
      headers: { cookie: convener.cookie },
      payload: { name: "Workforce Board", kind: "workforce_development", naics: "3363" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: "kind", message: "only a business has a NAICS code and a size band" },
    ]);
    const unknown = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/organizations`,
      headers: { cookie: convener.cookie },
      payload: { name: "Mystery Co", kind: "business", naics: "999999" },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it("may be added only by a convener: an outsider gets 403 and nothing is stored", async () => {
    const before = await count("organizations");
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/organizations`,
      headers: { cookie: outsider.cookie },
      payload: { name: "Intruder LLC", kind: "business" },
    });
    expect(res.statusCode).toBe(403);
    expect(await count("organizations")).toBe(before);
  });
});

describe("people at the table", () => {
  it("adds a business champion from a business", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/members`,
      headers: { cookie: convener.cookie },
      payload: { name: "Bea Builder", role: "champion", organizationId: acme.id, title: "Plant manager" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: "Bea Builder",
      role: "champion",
      sector: "business",
      hasAccount: false,
    });
  });

  it("refuses a champion from a public partner with a clear message, storing nothing", async () => {
    const before = await count("people");
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/members`,
      headers: { cookie: convener.cookie },
      payload: { name: "Dean Drake", role: "champion", organizationId: college.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({
      field: "role",
      message: expect.stringContaining("must come from a business"),
    });
    expect(await count("people")).toBe(before);
  });

  it("refuses an organization of another partnership", async () => {
    const other = await createPartnership(ctx, outsider.cookie, { name: "Other Partnership" });
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${other.id}/members`,
      headers: { cookie: outsider.cookie },
      payload: { name: "Sneaky", role: "business_member", organizationId: acme.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe("organizationId");
  });
});

describe("invitations", () => {
  it("e-mails a link; only the invited address can accept it, once", async () => {
    const invitee = await signUp(ctx, "Ivy Invitee");
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/invitations`,
      headers: { cookie: convener.cookie },
      payload: { email: invitee.email, name: "Ivy Invitee", role: "support", organizationId: college.id },
    });
    expect(res.statusCode).toBe(201);
    const [mail] = await queryRows<{ text: string }>(
      ctx.deps.db,
      sql`select text from outbox where "to" = ${invitee.email} order by created_at desc, id desc limit 1`,
    );
    const token = /\/invitations\/([\w-]+)/.exec(mail.text)![1];
    expect(mail.text).toContain(`http://shared-table.test/invitations/${token}`);

    const shown = await ctx.app.inject({ url: `/api/invitations/${token}` });
    expect(shown.json()).toMatchObject({
      role: "support",
      organization: "Front Range Community College",
      expired: false,
    });

    const wrongPerson = await ctx.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      headers: { cookie: outsider.cookie },
    });
    expect(wrongPerson.statusCode).toBe(403);
    expect(wrongPerson.json().detail).toContain(invitee.email);
    const anonymous = await ctx.app.inject({ method: "POST", url: `/api/invitations/${token}/accept` });
    expect(anonymous.statusCode).toBe(401);

    const accepted = await ctx.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      headers: { cookie: invitee.cookie },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ partnershipId: partnership.id, role: "support" });
    const again = await ctx.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      headers: { cookie: invitee.cookie },
    });
    expect(again.statusCode).toBe(410);

    const members = await ctx.app.inject({
      url: `/api/partnerships/${partnership.id}/members`,
      headers: { cookie: invitee.cookie },
    });
    expect(members.statusCode).toBe(200);
    expect(members.json().items).toContainEqual(
      expect.objectContaining({
        personId: invitee.personId,
        role: "support",
        sector: "public",
        hasAccount: true,
      }),
    );
  });

  it("expires after 14 days", async () => {
    const invitee = await signUp(ctx);
    await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/invitations`,
      headers: { cookie: convener.cookie },
      payload: { email: invitee.email, name: "Late Larry", role: "business_member", organizationId: acme.id },
    });
    const [mail] = await queryRows<{ text: string }>(
      ctx.deps.db,
      sql`select text from outbox where "to" = ${invitee.email} order by created_at desc, id desc limit 1`,
    );
    const token = /\/invitations\/([\w-]+)/.exec(mail.text)![1];
    ctx.advance(15 * 86_400_000);
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/invitations/${token}/accept`,
      headers: { cookie: invitee.cookie },
    });
    expect(res.statusCode).toBe(410);
  });

  it("may be sent only by a convener; the outbox stays as it was", async () => {
    const before = await count("outbox");
    const res = await ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${partnership.id}/invitations`,
      headers: { cookie: outsider.cookie },
      payload: { email: "x@example.org", name: "X", role: "observer", organizationId: acme.id },
    });
    expect(res.statusCode).toBe(403);
    expect(await count("outbox")).toBe(before);
    expect(await count("invitations")).toBe(2);
  });
});

describe("the members page", () => {
  it("shows the make-up of the table to members", async () => {
    const res = await ctx.app.inject({
      url: `/api/partnerships/${partnership.slug}/members`,
      headers: { cookie: convener.cookie },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.makeup).toMatchObject({
      businesses: 1,
      publicPartners: 1,
      kindsPresent: ["postsecondary_education"],
      kindsMissing: [
        "workforce_development",
        "economic_development",
        "k12_education",
        "community_organization",
        "chamber_of_commerce",
      ],
    });
    expect(body.items.map((m: { name: string; role: string }) => `${m.name}:${m.role}`)).toEqual([
      "Bea Builder:champion",
      "Casey Convener:convener",
      "Ivy Invitee:support",
    ]);
  });

  it("is closed to outsiders (403) and anonymous callers (401)", async () => {
    const url = `/api/partnerships/${partnership.id}/members`;
    expect((await ctx.app.inject({ url, headers: { cookie: outsider.cookie } })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url })).statusCode).toBe(401);
  });
});

describe("the outbox", () => {
  it("is for community admins only", async () => {
    const res = await ctx.app.inject({ url: "/api/admin/outbox", headers: { cookie: convener.cookie } });
    expect(res.statusCode).toBe(403);
    expect((await ctx.app.inject({ url: "/api/admin/outbox" })).statusCode).toBe(401);
  });
});
