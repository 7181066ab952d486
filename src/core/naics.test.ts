import { describe, expect, it } from "vitest";
import { cleanNaicsTitle, naicsAncestors, naicsPrefixes, naicsSector, naicsWithin } from "./naics.js";

describe("NAICS codes", () => {
  it("expands sector ranges into their two-digit prefixes", () => {
    expect(naicsPrefixes("31-33")).toEqual(["31", "32", "33"]);
    expect(naicsPrefixes("622")).toEqual(["622"]);
  });
  it("finds the sector of any code", () => {
    expect(naicsSector("3363")).toBe("31-33");
    expect(naicsSector("4931")).toBe("48-49");
    expect(naicsSector("6221")).toBe("62");
  });
  it("knows which codes lie inside a filter", () => {
    expect(naicsWithin("3363", "31-33")).toBe(true);
    expect(naicsWithin("6221", "622")).toBe(true);
    expect(naicsWithin("622", "6221")).toBe(false);
    expect(naicsWithin("5415", "31-33")).toBe(false);
  });
  it("lists the broader codes above a code", () => {
    expect(naicsAncestors("336390")).toEqual(["33639", "3363", "336", "33", "31-33"]);
    expect(naicsAncestors("6221")).toEqual(["622", "62"]);
    expect(naicsAncestors("31-33")).toEqual([]);
  });
  it("strips the footnote marker T from titles", () => {
    expect(cleanNaicsTitle("Agriculture, Forestry, Fishing and HuntingT")).toBe(
      "Agriculture, Forestry, Fishing and Hunting",
    );
    expect(cleanNaicsTitle("Hospitals")).toBe("Hospitals");
    expect(cleanNaicsTitle("Software PublishersT ")).toBe("Software Publishers");
  });
});
