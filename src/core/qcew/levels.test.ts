import { describe, expect, it } from "vitest";
import {
  agglvlFor,
  agglvlMeaning,
  areaKindOf,
  counterpartAgglvl,
  detailOfNaicsLevel,
  naicsLevelOfCode,
  naicsLevelOfRow,
  ownershipTitle,
  qcewAreaOfCbsa,
} from "./levels.js";
import { CENTRAL_OHIO, annualCountyFile, fixtureRows } from "./testing.js";

describe("aggregation levels", () => {
  it("names county, MSA, state and national levels", () => {
    expect(agglvlMeaning(70)).toEqual({ code: 70, area: "county", detail: "total", bySize: false });
    expect(agglvlMeaning(71)?.detail).toBe("ownership");
    expect(agglvlMeaning(74)?.detail).toBe("sector");
    expect(agglvlMeaning(78)?.detail).toBe("naics6");
    expect(agglvlMeaning(10)).toEqual({ code: 10, area: "national", detail: "total", bySize: false });
    expect(agglvlMeaning(16)).toEqual({ code: 16, area: "national", detail: "naics4", bySize: false });
    expect(agglvlMeaning(44)).toEqual({ code: 44, area: "msa", detail: "sector", bySize: false });
    expect(agglvlMeaning(53)?.detail).toBe("supersector");
    expect(agglvlMeaning(24)).toEqual({ code: 24, area: "national", detail: "sector", bySize: true });
    expect(agglvlMeaning(21)?.detail).toBe("total");
    expect(agglvlMeaning(62)).toEqual({ code: 62, area: "state", detail: "domain", bySize: true });
    expect(agglvlMeaning(80)?.area).toBe("micro");
    expect(agglvlMeaning(19)).toBeUndefined();
    expect(agglvlMeaning(79)).toBeUndefined();
  });

  it("finds the national row a county row compares with", () => {
    expect(agglvlFor("county", "sector")).toBe(74);
    expect(agglvlFor("national", "naics6")).toBe(18);
    expect(agglvlFor("msa", "total")).toBe(40);
    expect(counterpartAgglvl(76, "national")).toBe(16);
    expect(counterpartAgglvl(70, "national")).toBe(10);
    expect(counterpartAgglvl(45, "county")).toBe(75);
    expect(counterpartAgglvl(24, "county")).toBeUndefined();
  });
});

describe("NAICS levels", () => {
  it("reads a row's level from its aggregation level, not its code's length", () => {
    const rows = fixtureRows(annualCountyFile(CENTRAL_OHIO.franklin));
    const levels = new Map(rows.map((r) => [r.agglvlCode, naicsLevelOfRow(r)]));
    expect([...levels]).toEqual([
      [70, null],
      [71, null],
      [74, "sector"],
      [76, 4],
    ]);
    expect(naicsLevelOfRow({ agglvlCode: 73 })).toBeNull(); // supersector 1011 is four digits, not NAICS 4
  });

  it("reads a code's level from its shape, BLS aggregates (10...) excluded", () => {
    expect(naicsLevelOfCode("31-33")).toBe("sector");
    expect(naicsLevelOfCode("62")).toBe("sector");
    expect(naicsLevelOfCode("622")).toBe(3);
    expect(naicsLevelOfCode("3363")).toBe(4);
    expect(naicsLevelOfCode("513210")).toBe(6);
    expect(naicsLevelOfCode("10")).toBeNull();
    expect(naicsLevelOfCode("1011")).toBeNull();
    expect(detailOfNaicsLevel("sector")).toBe("sector");
    expect(detailOfNaicsLevel(5)).toBe("naics5");
  });
});

describe("ownership and areas", () => {
  it("names ownerships and area codes", () => {
    expect([0, 1, 2, 3, 5].map(ownershipTitle)).toEqual([
      "Total Covered",
      "Federal Government",
      "State Government",
      "Local Government",
      "Private",
    ]);
    expect(ownershipTitle(7)).toBe("Ownership 7");
    expect(["US000", "39000", "39049", "C1814", "CS198", "X"].map(areaKindOf)).toEqual([
      "national",
      "state",
      "county",
      "cbsa",
      "csa",
      "other",
    ]);
    expect(qcewAreaOfCbsa("18140")).toBe("C1814");
  });
});
