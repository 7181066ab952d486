import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agendaFixture, type AgendaFixture } from "../agenda/test-fixture.js";

let f: AgendaFixture;
const base = () => `/api/partnerships/${f.partnership.id}`;

interface Table {
  items: { membershipId: string; name: string; seniority: string | null; version: number }[];
  organizations: { id: string; name: string; kind: string }[];
  makeup: {
    kindsPresent: string[];
    kindsMissing: string[];
    businessSeniority: Record<string, number>;
    influentialShare: number | null;
  };
}
async function table(): Promise<Table> {
  const res = await f.call(f.convener, "GET", `${base()}/members`);
  expect(res.statusCode).toBe(200);
  return res.json<Table>();
}
const orgId = async (name: string) => (await table()).organizations.find((o) => o.name === name)!.id;

beforeAll(async () => {
  f = await agendaFixture();
});
afterAll(() => f.ctx.close());

describe("business members' seniority", () => {
  it("is recorded for business members and counted in the make-up, never for public partners", async () => {
    const acme = await orgId("Acme Precision Machining");
    const added = await f.call(f.convener, "POST", `${base()}/members`, {
      name: "Olive Owner",
      role: "business_member",
      organizationId: acme,
      seniority: "owner_ceo",
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().seniority).toBe("owner_ceo");

    const before = await f.count("people");
    const refused = await f.call(f.convener, "POST", `${base()}/members`, {
      name: "Paula Public",
      role: "support",
      organizationId: await orgId("Front Range Community College"),
      seniority: "executive",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      {
        field: "seniority",
        message: "is for business members; Front Range Community College is a public partner",
      },
    ]);
    expect(await f.count("people")).toBe(before);

    const bad = await f.call(f.convener, "POST", `${base()}/members`, {
      name: "Vic Vague",
      role: "business_member",
      organizationId: acme,
      seniority: "boss",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("seniority");

    // Bea Builder (business member of Acme) becomes an executive; Cleo and Ben stay unsaid.
    const bea = (await table()).items.find((m) => m.name === "Bea Builder")!;
    const edited = await f.call(f.convener, "PATCH", `${base()}/members/${bea.membershipId}`, {
      version: bea.version,
      seniority: "executive",
    });
    expect(edited.statusCode).toBe(200);
    const t = await table();
    // Business people: Bea (executive), Ben, Cleo (not said), Olive (owner): 2 of 4 influential.
    expect(t.makeup.businessSeniority).toEqual({
      owner_ceo: 1,
      executive: 1,
      manager: 0,
      other: 0,
      unknown: 2,
    });
    expect(t.makeup.influentialShare).toBe(0.5);
    expect(t.items.find((m) => m.name === "Sam Support")!.seniority).toBeNull();
  });

  it("refuses a seniority for someone who sits with a public partner, and hides it when they move there", async () => {
    const sam = (await table()).items.find((m) => m.name === "Sam Support")!;
    const refused = await f.call(f.convener, "PATCH", `${base()}/members/${sam.membershipId}`, {
      version: sam.version,
      seniority: "manager",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toEqual({
      field: "seniority",
      message: "is for business members; Sam Support sits with a public partner",
    });

    const olive = (await table()).items.find((m) => m.name === "Olive Owner")!;
    const moved = await f.call(f.convener, "PATCH", `${base()}/members/${olive.membershipId}`, {
      version: olive.version,
      role: "support",
      organizationId: await orgId("City of Denver"),
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().seniority).toBeNull();
    expect((await table()).makeup.businessSeniority.owner_ceo).toBe(0);
  });
});

describe("chambers of commerce and industry associations", () => {
  it("sit at the table as public partners; a chamber fills a core kind", async () => {
    expect((await table()).makeup.kindsMissing).toContain("chamber_of_commerce");
    for (const [name, kind] of [
      ["Denver Metro Chamber of Commerce", "chamber_of_commerce"],
      ["Colorado Advanced Manufacturing Alliance", "industry_association"],
    ]) {
      const res = await f.call(f.convener, "POST", `${base()}/organizations`, { name, kind });
      expect(res.statusCode).toBe(201);
    }
    const t = await table();
    expect(t.makeup.kindsPresent).toEqual(
      expect.arrayContaining(["chamber_of_commerce", "industry_association"]),
    );
    expect(t.makeup.kindsMissing).not.toContain("chamber_of_commerce");
    // An industry association speaks for businesses but is not one: no business roles.
    const refused = await f.call(f.convener, "POST", `${base()}/members`, {
      name: "Andy Association",
      role: "champion",
      organizationId: await orgId("Colorado Advanced Manufacturing Alliance"),
    });
    expect(refused.statusCode).toBe(400);
  });
});
