import { describe, expect, it } from "vitest";
import {
  filterPortfolio,
  flagsOf,
  monthsBetween,
  portfolioQuery,
  shareTrend,
  sortPortfolio,
  type PortfolioItem,
} from "./portfolio.js";

function item(name: string, over: Partial<PortfolioItem> = {}): PortfolioItem {
  return {
    id: `00000000-0000-4000-8000-${String(name.length).padStart(12, "0")}`,
    name,
    slug: name.toLowerCase(),
    stage: "act",
    states: ["CO"],
    counties: ["08031"],
    lastFullMeeting: null,
    monthsSinceFullMeeting: null,
    businessShareTrend: [],
    teams: { active: 0, withBusinessChampion: 0 },
    lateActions: 0,
    assessmentBand: null,
    assessedAt: null,
    indicators: { tracked: 0, withValueLastYear: 0 },
    valuesThisYear: 0,
    members: { business: 0, public: 0 },
    flags: [],
    role: null,
    ...over,
  };
}

describe("monthsBetween", () => {
  it("counts whole calendar months", () => {
    expect(monthsBetween("2026-01-31", "2026-03-01")).toBe(1);
    expect(monthsBetween("2026-06-02", "2026-12-02")).toBe(6);
    expect(monthsBetween("2026-06-03", "2026-12-02")).toBe(5);
    expect(monthsBetween("2025-12-15", "2026-01-14")).toBe(0);
    expect(monthsBetween("2024-02-29", "2026-03-01")).toBe(24);
    expect(monthsBetween("2026-12-03", "2026-12-02")).toBe(0);
  });
});

describe("flagsOf", () => {
  const calm = {
    monthsSinceFullMeeting: 2,
    monthsSinceCreated: 30,
    members: { business: 5, public: 5 },
    valuesThisYear: 1,
  };
  it("raises none for a partnership that met, is business-led and reported", () => {
    expect(flagsOf(calm)).toEqual([]);
  });
  it("raises each flag at its threshold", () => {
    expect(flagsOf({ ...calm, monthsSinceFullMeeting: 6 })).toEqual(["no_full_meeting_6_months"]);
    expect(flagsOf({ ...calm, monthsSinceFullMeeting: 5 })).toEqual([]);
    expect(flagsOf({ ...calm, members: { business: 4, public: 5 } })).toEqual(["public_outnumber_business"]);
    expect(flagsOf({ ...calm, valuesThisYear: 0 })).toEqual(["no_values_this_year"]);
  });
  it("flags a partnership that never met once it is six months old, not before", () => {
    expect(flagsOf({ ...calm, monthsSinceFullMeeting: null, monthsSinceCreated: 5 })).toEqual([]);
    expect(flagsOf({ ...calm, monthsSinceFullMeeting: null, monthsSinceCreated: 6 })).toEqual([
      "no_full_meeting_6_months",
    ]);
  });
});

describe("shareTrend", () => {
  it("keeps the last three, oldest first, null where no attendance was taken", () => {
    expect(
      shareTrend([
        { business: 3, total: 4 },
        { business: 0, total: 0 },
        { business: 1, total: 3 },
        { business: 9, total: 9 },
      ]),
    ).toEqual([0.333, null, 0.75]);
    expect(shareTrend([])).toEqual([]);
  });
});

describe("filter and sort", () => {
  const a = item("Alpha Health", {
    stage: "launch",
    monthsSinceFullMeeting: 8,
    lateActions: 2,
    flags: ["no_full_meeting_6_months"],
    businessShareTrend: [0.4],
  });
  const b = item("Beta Manufacturing Partners", {
    stage: "sustain",
    monthsSinceFullMeeting: 1,
    lateActions: 0,
    counties: ["39035"],
    businessShareTrend: [0.9, null],
  });
  const c = item("Gamma Manufacturing", {
    stage: "prepare",
    lateActions: 5,
    assessmentBand: "emerging",
    flags: ["no_values_this_year", "no_full_meeting_6_months"],
    businessShareTrend: [0.6],
  });
  const all = [a, b, c];

  it("filters by stage, flag, state and words of the name", () => {
    expect(filterPortfolio(all, { stage: "prepare" }).map((i) => i.name)).toEqual(["Gamma Manufacturing"]);
    expect(filterPortfolio(all, { flag: "no_full_meeting_6_months" }).map((i) => i.name)).toEqual([
      "Alpha Health",
      "Gamma Manufacturing",
    ]);
    expect(filterPortfolio(all, { inState: "39" }).map((i) => i.name)).toEqual([
      "Beta Manufacturing Partners",
    ]);
    expect(filterPortfolio(all, { q: "manufacturing  gam" }).map((i) => i.name)).toEqual([
      "Gamma Manufacturing",
    ]);
  });

  it("sorts either way; a partnership that never met waits longest; missing values go last", () => {
    const names = (sort: Parameters<typeof sortPortfolio>[1]) =>
      sortPortfolio(all, sort).map((i) => i.name[0]);
    expect(names("name")).toEqual(["A", "B", "G"]);
    expect(names("-name")).toEqual(["G", "B", "A"]);
    expect(names("stage")).toEqual(["G", "A", "B"]);
    expect(names("-months")).toEqual(["G", "A", "B"]);
    expect(names("months")).toEqual(["B", "A", "G"]);
    expect(names("-late")).toEqual(["G", "A", "B"]);
    expect(names("share")).toEqual(["A", "G", "B"]);
    expect(names("-band")).toEqual(["G", "A", "B"]);
    expect(names("band")).toEqual(["G", "A", "B"]);
    expect(names("-flags")).toEqual(["G", "A", "B"]);
  });
});

describe("portfolioQuery", () => {
  it("accepts the selection, filters and a sort; refuses unknown fields and values", () => {
    expect(portfolioQuery.parse({ state: "08", flag: "no_values_this_year", sort: "-late" })).toEqual({
      state: "08",
      flag: "no_values_this_year",
      sort: "-late",
    });
    expect(portfolioQuery.parse({}).sort).toBe("name");
    expect(portfolioQuery.safeParse({ sort: "size" }).success).toBe(false);
    expect(portfolioQuery.safeParse({ inState: "Ohio" }).success).toBe(false);
    expect(portfolioQuery.safeParse({ colour: "red" }).success).toBe(false);
  });
});
