import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { naicsSector } from "../core/naics.js";
import { stages } from "../core/vocabulary.js";
import { demoAccounts, generateDemoData, type DemoData } from "./generate.js";

function reference<T>(name: string): T {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../data/reference/${name}`, import.meta.url)), "utf8"),
  ) as T;
}
const countyCodes = new Set(reference<{ fips: string }[]>("counties.json").map((c) => c.fips));
const naicsCodes = new Set(reference<{ code: string }[]>("naics-2017.json").map((c) => c.code));

const data = generateDemoData({ passwordHash: "scrypt$test" });

function organizationsOf(d: DemoData, partnershipId: string) {
  return d.organizations.filter((o) => o.partnershipId === partnershipId);
}

describe("the demo data set", () => {
  it("has enough partnerships, states, industries and every stage and setting", () => {
    expect(data.partnerships.length).toBeGreaterThanOrEqual(12);
    const states = new Set(data.partnershipCounties.map((c) => c.stateFips));
    expect(states.size).toBeGreaterThanOrEqual(8);
    const sectors = new Set(data.partnershipNaics.map((n) => naicsSector(n.code)));
    expect(sectors.size).toBeGreaterThanOrEqual(6);
    expect(new Set(data.partnerships.map((p) => p.stage))).toEqual(new Set(stages));
    const settings = new Set(data.partnerships.map((p) => p.setting));
    expect(settings.has("metro")).toBe(true);
    expect(settings.has("rural")).toBe(true);
  });

  it("uses only counties and NAICS codes from the reference data", () => {
    for (const c of data.partnershipCounties) expect(countyCodes.has(c.fips), c.fips).toBe(true);
    for (const n of data.partnershipNaics) expect(naicsCodes.has(n.code), n.code).toBe(true);
    for (const o of data.organizations) if (o.naics) expect(naicsCodes.has(o.naics), o.naics).toBe(true);
  });

  it("gives each partnership a region, businesses of its industry and public partners", () => {
    for (const p of data.partnerships) {
      const counties = data.partnershipCounties.filter((c) => c.partnershipId === p.id);
      expect(counties.length).toBeGreaterThanOrEqual(2);
      expect(counties.length).toBeLessThanOrEqual(8);
      const orgs = organizationsOf(data, p.id);
      const businesses = orgs.filter((o) => o.kind === "business");
      const publicPartners = orgs.filter((o) => o.kind !== "business");
      expect(businesses.length).toBeGreaterThanOrEqual(5);
      expect(businesses.length).toBeLessThanOrEqual(25);
      expect(publicPartners.length).toBeGreaterThanOrEqual(3);
      expect(publicPartners.length).toBeLessThanOrEqual(8);
      const codes = data.partnershipNaics.filter((n) => n.partnershipId === p.id).map((n) => n.code);
      for (const b of businesses) {
        expect(b.naics!.length).toBeGreaterThanOrEqual(4);
        expect(codes.map(naicsSector)).toContain(naicsSector(b.naics!));
      }
      expect(p.description).toMatch(/Fictional demo data\.$/);
      expect(p.contactEmail).toMatch(/@(demo\.sharedtable|example)\.org$/);
      expect(p.launchDate === null).toBe(p.stage === "civic_infrastructure" || p.stage === "prepare");
    }
  });

  it("takes champions from businesses and conveners from public partners", () => {
    const kindOf = new Map(data.organizations.map((o) => [o.id, o.kind]));
    for (const p of data.partnerships) {
      const members = data.memberships.filter((m) => m.partnershipId === p.id);
      const champions = members.filter((m) => m.role === "champion");
      expect(champions.length).toBeGreaterThanOrEqual(1);
      expect(champions.length).toBeLessThanOrEqual(4);
      const conveners = members.filter((m) => m.role === "convener");
      expect(conveners.length).toBeGreaterThanOrEqual(1);
      expect(conveners.length).toBeLessThanOrEqual(2);
      for (const m of members) {
        const kind = kindOf.get(m.organizationId!);
        const business = m.role === "champion" || m.role === "business_member";
        expect(kind === "business", `${m.role} from ${kind}`).toBe(business);
      }
    }
  });

  it("has unique slugs and ids, and the demo accounts", () => {
    expect(new Set(data.partnerships.map((p) => p.slug)).size).toBe(data.partnerships.length);
    const ids = [
      ...data.partnerships,
      ...data.organizations,
      ...data.people,
      ...data.memberships,
      ...data.users,
    ];
    expect(new Set(ids.map((r) => r.id)).size).toBe(ids.length);
    expect(data.users.map((u) => u.email).sort()).toEqual(
      Object.values(demoAccounts)
        .map((a) => a.email)
        .sort(),
    );
    expect(data.users.find((u) => u.isAdmin)?.email).toBe(demoAccounts.admin.email);
    const personOf = (email: string) => data.people.find((p) => p.email === email)!;
    const convener = data.memberships.filter((m) => m.personId === personOf(demoAccounts.convener.email).id);
    expect(convener.map((m) => m.role)).toEqual(["convener", "convener"]);
    const champion = data.memberships.filter((m) => m.personId === personOf(demoAccounts.champion.email).id);
    expect(champion.map((m) => m.role)).toEqual(["champion"]);
  });

  it("is the same for the same seed and different for another", () => {
    expect(generateDemoData({ passwordHash: "scrypt$test" })).toEqual(data);
    const other = generateDemoData({ passwordHash: "scrypt$test", seed: 7 });
    expect(other.organizations.map((o) => o.name)).not.toEqual(data.organizations.map((o) => o.name));
  });

  it("scales to a larger set over many states", () => {
    const large = generateDemoData({ passwordHash: "scrypt$test", size: 200 });
    expect(large.partnerships).toHaveLength(200);
    expect(new Set(large.partnershipCounties.map((c) => c.stateFips)).size).toBeGreaterThanOrEqual(50);
    expect(new Set(large.partnerships.map((p) => p.slug)).size).toBe(200);
    for (const c of large.partnershipCounties) expect(countyCodes.has(c.fips), c.fips).toBe(true);
  });
});
