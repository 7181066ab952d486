import { describe, expect, it } from "vitest";
import { computeMakeup } from "./members.js";
import { sectorOf } from "./vocabulary.js";

describe("the table's make-up", () => {
  it("counts businesses against public partners and names the missing kinds", () => {
    const makeup = computeMakeup(
      [
        { kind: "business" },
        { kind: "business" },
        { kind: "workforce_development" },
        { kind: "postsecondary_education" },
        { kind: "philanthropy" },
      ],
      [
        { sector: "business", seniority: "owner_ceo" },
        { sector: "business", seniority: "manager" },
        { sector: "business", seniority: null },
        { sector: "public" },
      ],
    );
    expect(makeup).toEqual({
      businesses: 2,
      publicPartners: 3,
      businessPeople: 3,
      publicPeople: 1,
      kindsPresent: ["workforce_development", "postsecondary_education", "philanthropy"],
      kindsMissing: [
        "economic_development",
        "k12_education",
        "community_organization",
        "chamber_of_commerce",
      ],
      businessSeniority: { owner_ceo: 1, executive: 0, manager: 1, other: 0, unknown: 1 },
      // One owner of three business people: influential leaders are counted, never named.
      influentialShare: 0.333,
    });
  });
  it("counts chambers of commerce as core public partners, industry associations as welcome extras", () => {
    const makeup = computeMakeup(
      [{ kind: "chamber_of_commerce" }, { kind: "industry_association" }],
      [{ sector: "public", seniority: "executive" }],
    );
    expect(makeup.kindsPresent).toEqual(["chamber_of_commerce", "industry_association"]);
    expect(makeup.kindsMissing).not.toContain("chamber_of_commerce");
    expect(makeup.kindsMissing).not.toContain("industry_association");
    expect(makeup.publicPartners).toBe(2);
    // A public partner's seniority is never counted among business leaders.
    expect(makeup.businessSeniority).toEqual({
      owner_ceo: 0,
      executive: 0,
      manager: 0,
      other: 0,
      unknown: 0,
    });
    expect(makeup.influentialShare).toBeNull();
    expect(sectorOf("industry_association", "support")).toBe("public");
  });
  it("takes a person's sector from their organization, else from their role", () => {
    expect(sectorOf("business", "convener")).toBe("business");
    expect(sectorOf("k12_education", "observer")).toBe("public");
    expect(sectorOf(null, "champion")).toBe("business");
    expect(sectorOf(null, "convener")).toBe("public");
  });
});
