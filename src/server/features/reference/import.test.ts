import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../../test-support.js";
import { importReferenceFile, ReferenceImportError } from "./import.js";

// Real rows cut from the Census files (fixtures/README.md says which).
const fixtures = new URL("../../../../fixtures/reference/", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, fixtures), "utf8");

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const naics = async (codes: string) =>
  (await ctx.app.inject({ url: `/api/reference/naics?codes=${codes}` })).json<{ items: unknown[] }>().items;
const county = async (fips: string) =>
  (await ctx.app.inject({ url: `/api/reference/counties?fips=${fips}` })).json<{ items: unknown[] }>()
    .items[0];

describe("importing official reference files", () => {
  it("imports the raw Census NAICS 2022 file: new codes, clean titles, old codes kept", async () => {
    expect(await naics("513210")).toEqual([]);
    const report = await importReferenceFile(ctx.deps.db, read("census_naics_2022_sample_raw.csv"));
    // 100 codes; the Census separator rows (",") between sectors are not rows.
    expect(report).toMatchObject({ kind: "naics", rows: 100, applied: 100, rejected: [] });
    expect(await naics("513210,31-33,6221")).toEqual([
      { code: "31-33", title: "Manufacturing", level: 2 },
      { code: "6221", title: "General Medical and Surgical Hospitals", level: 4 },
      { code: "513210", title: "Software Publishers", level: 6 },
    ]);
    // 511210 (Software Publishers, NAICS 2017) is gone from 2022 but stays for partnerships using it.
    expect(await naics("511210")).toHaveLength(1);
  });

  it("imports the CBSA delineation and sets each county's metro, micro or rural status", async () => {
    const report = await importReferenceFile(ctx.deps.db, read("census_cbsa_delineation_2023_sample.csv"));
    expect(report).toMatchObject({ kind: "cbsa", rows: 132, applied: 132 });
    expect(await county("08031")).toEqual({ fips: "08031", name: "Denver", state: "CO", cbsaType: "metro" });
    expect(await county("46013")).toMatchObject({ name: "Brown", cbsaType: "micro" });
    // Hinsdale County, Colorado is in no metro or micro area.
    expect(await county("08053")).toMatchObject({ cbsaType: "noncore" });
    // Connecticut's planning regions replaced its counties in the 2023 delineation.
    expect(await county("09110")).toMatchObject({ state: "CT", cbsaType: "metro" });
  });

  it("rejects a whole file with bad rows, listing every one, and changes nothing", async () => {
    const before = await naics("11,111");
    const bad = "code,title\n11,Farming changed\n1A1,Bad code\n112,\n";
    const error = await importReferenceFile(ctx.deps.db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReferenceImportError);
    expect((error as ReferenceImportError).rejected).toEqual([
      { row: 3, column: "code", reason: expect.stringContaining("not a NAICS code") },
      { row: 4, column: "title", reason: "is empty" },
    ]);
    expect(await naics("11,111")).toEqual(before);
  });

  it("says what it expected from an unknown file", async () => {
    await expect(importReferenceFile(ctx.deps.db, "a,b\n1,2\n")).rejects.toThrow(/Unrecognized file/);
  });
});
