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
async function members(): Promise<Table> {
  const res = await f.call(f.convener, "GET", `${base()}/members`);
  expect(res.statusCode).toBe(200);
  return res.json<Table>();
}
const orgId = async (name: string) => (await members()).organizations.find((o) => o.name === name)!.id;

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
    const bea = (await members()).items.find((m) => m.name === "Bea Builder")!;
    const edited = await f.call(f.convener, "PATCH", `${base()}/members/${bea.membershipId}`, {
      version: bea.version,
      seniority: "executive",
    });
    expect(edited.statusCode).toBe(200);
    const t = await members();
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
    const sam = (await members()).items.find((m) => m.name === "Sam Support")!;
    const refused = await f.call(f.convener, "PATCH", `${base()}/members/${sam.membershipId}`, {
      version: sam.version,
      seniority: "manager",
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toEqual({
      field: "seniority",
      message: "is for business members; Sam Support sits with a public partner",
    });

    const olive = (await members()).items.find((m) => m.name === "Olive Owner")!;
    const moved = await f.call(f.convener, "PATCH", `${base()}/members/${olive.membershipId}`, {
      version: olive.version,
      role: "support",
      organizationId: await orgId("City of Denver"),
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().seniority).toBeNull();
    expect((await members()).makeup.businessSeniority.owner_ceo).toBe(0);
  });
});

describe("chambers of commerce and industry associations", () => {
  it("sit at the table as public partners; a chamber fills a core kind", async () => {
    expect((await members()).makeup.kindsMissing).toContain("chamber_of_commerce");
    for (const [name, kind] of [
      ["Denver Metro Chamber of Commerce", "chamber_of_commerce"],
      ["Colorado Advanced Manufacturing Alliance", "industry_association"],
    ]) {
      const res = await f.call(f.convener, "POST", `${base()}/organizations`, { name, kind });
      expect(res.statusCode).toBe(201);
    }
    const t = await members();
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

describe("the influential leaders benchmark", () => {
  /** A manufacturing partnership whose business people have these seniorities (null: not said). */
  async function table(name: string, seniorities: (string | null)[]) {
    const p = await f.call(f.convener, "POST", "/api/partnerships", {
      name,
      setting: "metro",
      counties: ["08031"],
      naics: ["332"],
    });
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json<{ id: string }>().id;
    const org = await f.call(f.convener, "POST", `/api/partnerships/${id}/organizations`, {
      name: `${name} Works`,
      kind: "business",
    });
    for (const [i, seniority] of seniorities.entries()) {
      const res = await f.call(f.convener, "POST", `/api/partnerships/${id}/members`, {
        name: `${name} Person ${i + 1}`,
        role: "business_member",
        organizationId: org.json<{ id: string }>().id,
        ...(seniority ? { seniority } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  }
  const benchmark = async () => {
    const res = await f.call(f.convener, "GET", `${base()}/leaders-benchmark`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it("compares the table's share of owners, CEOs and executives with 5 or more peers, naming none", async () => {
    await table("Peer One", ["owner_ceo", "manager"]);
    await table("Peer Two", ["executive", "owner_ceo"]);
    await table("Peer Three", ["manager"]);
    await table("Peer Four", ["executive", "other", null, "manager"]);
    // Says nothing about seniority: not a peer with a share of zero.
    await table("Peer Quiet", [null, null]);
    // Four peers record seniority: too few to compare with.
    expect(await benchmark()).toEqual({
      share: 0.333,
      suppressed: true,
      peers: 0,
      group: null,
      groupLabel: null,
      q1: null,
      median: null,
      q3: null,
    });
    await table("Peer Five", ["owner_ceo"]);
    // Shares 0.5, 1, 0, 0.25 and 1; this table: Bea (executive) of Bea, Ben and Cleo.
    const b = await benchmark();
    expect(b).toMatchObject({
      share: 0.333,
      suppressed: false,
      peers: 5,
      group: "industry",
      q1: 0.25,
      median: 0.5,
      q3: 1,
    });
    expect(b.groupLabel).toMatch(/^Manufacturing \(31-33\)$/);
    expect((await f.call(f.outsider, "GET", `${base()}/leaders-benchmark`)).statusCode).toBe(403);
    expect((await f.call(null, "GET", `${base()}/leaders-benchmark`)).statusCode).toBe(401);
  });
});
