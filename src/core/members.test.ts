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
      [{ sector: "business" }, { sector: "business" }, { sector: "business" }, { sector: "public" }],
    );
    expect(makeup).toEqual({
      businesses: 2,
      publicPartners: 3,
      businessPeople: 3,
      publicPeople: 1,
      kindsPresent: ["workforce_development", "postsecondary_education", "philanthropy"],
      kindsMissing: ["economic_development", "k12_education", "community_organization"],
    });
  });
  it("takes a person's sector from their organization, else from their role", () => {
    expect(sectorOf("business", "convener")).toBe("business");
    expect(sectorOf("k12_education", "observer")).toBe("public");
    expect(sectorOf(null, "champion")).toBe("business");
    expect(sectorOf(null, "convener")).toBe("public");
  });
});
