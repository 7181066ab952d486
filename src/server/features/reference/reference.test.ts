import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test-support.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe("reference data", () => {
  it("has NAICS sectors and detailed industries with clean titles", async () => {
    const res = await ctx.app.inject({ url: "/api/reference/naics?codes=31-33,6221,11" });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { code: "11", title: "Agriculture, Forestry, Fishing and Hunting", level: 2 },
      { code: "31-33", title: "Manufacturing", level: 2 },
      { code: "6221", title: "General Medical and Surgical Hospitals", level: 4 },
    ]);
  });
  it("searches NAICS titles", async () => {
    const res = await ctx.app.inject({ url: "/api/reference/naics?q=hospital&limit=5" });
    expect(res.json<{ items: { code: string }[] }>().items.map((i) => i.code)).toContain("622");
  });
  it("lists sectors only with level=2", async () => {
    const res = await ctx.app.inject({ url: "/api/reference/naics?level=2" });
    const codes = res.json<{ items: { code: string }[] }>().items.map((i) => i.code);
    expect(codes).toContain("31-33");
    expect(codes).toHaveLength(20);
  });
  it("has Denver County, Colorado as 08031", async () => {
    const res = await ctx.app.inject({ url: "/api/reference/counties?fips=08031" });
    expect(res.json().items).toEqual([{ fips: "08031", name: "Denver", state: "CO", cbsaType: null }]);
    const states = await ctx.app.inject({ url: "/api/reference/states" });
    expect(states.json<{ items: unknown[] }>().items).toContainEqual({
      fips: "08",
      abbr: "CO",
      name: "Colorado",
    });
  });
  it("lists a state's counties and refuses an unknown state", async () => {
    const res = await ctx.app.inject({ url: "/api/reference/counties?state=DE" });
    expect(res.json<{ items: { name: string }[] }>().items.map((c) => c.name)).toEqual([
      "Kent",
      "New Castle",
      "Sussex",
    ]);
    const bad = await ctx.app.inject({ url: "/api/reference/counties?state=XX" });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
  });
});
