/**
 * The database's sums are the core's sums: random regions (undisclosed cells, counties missing
 * in one year, industries new or gone) are written to qcew_rows, summed by industrySums in SQL,
 * and compared with core/qcew's sumOverAreas, otyChangeOverAreas and changeBetween over the
 * same rows. Any rule the SQL got wrong (a hidden cell as zero, a one-sided county) differs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeBetween, otyChangeOverAreas } from "../../../core/qcew/change.js";
import { sumOverAreas } from "../../../core/qcew/region.js";
import { qcewRows } from "../../../db/schema/index.js";
import { createTestContext, type TestContext } from "../../test-support.js";
import { industrySums } from "./industry-sums.js";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** A small deterministic generator (mulberry32), so a failure can be replayed by its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Cell {
  year: number;
  area: string;
  code: string;
  employment: number | null;
  wages: number | null;
  establishments: number;
  oty: number | null;
}

const AGGLVL = 76; // county, 4-digit
const US_AGGLVL = 16;
const OWN = 5;

function region(seed: number, counties: string[], codes: string[], years: number[]): Cell[] {
  const next = random(seed);
  const cells: Cell[] = [];
  for (const year of years)
    for (const area of counties)
      for (const code of codes) {
        if (next() < 0.25) continue; // no establishments here this year: no row at all
        const hidden = next() < 0.2;
        const employment = Math.floor(next() * 5000);
        cells.push({
          year,
          area,
          code,
          employment: hidden ? null : employment,
          wages: hidden ? null : next() < 0.05 ? null : employment * Math.floor(40_000 + next() * 60_000),
          establishments: 1 + Math.floor(next() * 90),
          oty: hidden || next() < 0.15 ? null : Math.floor(next() * 400) - 200,
        });
      }
  return cells;
}

async function write(cells: Cell[], years: number[], codes: string[]) {
  const us = years.flatMap((year) =>
    codes.slice(1).map((code, i) => ({ year, area: "US000", code, employment: 1_000_000 + 1000 * i + year })),
  );
  const rows = [
    ...cells.map((c) => ({ ...c, agglvlCode: AGGLVL })),
    ...us.map((u) => ({ ...u, agglvlCode: US_AGGLVL, wages: null, establishments: 9, oty: null })),
  ];
  for (let i = 0; i < rows.length; i += 500)
    await ctx.deps.db.insert(qcewRows).values(
      rows.slice(i, i + 500).map((c) => ({
        year: c.year,
        quarter: 0,
        areaFips: c.area,
        ownCode: OWN,
        industryCode: c.code,
        agglvlCode: c.agglvlCode,
        sizeCode: 0,
        disclosed: c.employment !== null,
        establishments: c.establishments,
        employment: c.employment,
        totalWages: c.wages,
        lqDisclosed: false,
        otyDisclosed: c.oty !== null,
        otyEmploymentChg: c.oty,
      })),
    );
}

describe("industry sums in SQL are the core's sums over the same rows", () => {
  const counties = ["48001", "48003", "48005", "48007", "48009", "48011", "48013"];
  const codes = ["1111", "2211", "3111", "3112", "4411", "5221", "6211", "7211", "8111"];
  const years = [2018, 2021, 2023];

  beforeAll(async () => {
    await write(region(20261201, counties, codes, years), years, codes);
  });

  for (const [year, earlierYear] of [
    [2023, 2018],
    [2023, 2021],
    [2021, 2018],
    [2018, null],
  ] as const)
    it(`${year} against ${earlierYear ?? "no earlier year"}, every industry and every rule`, async () => {
      const cells = region(20261201, counties, codes, years);
      const sums = await industrySums(ctx.deps.db, {
        counties,
        agglvl: AGGLVL,
        usAgglvl: US_AGGLVL,
        ownCode: OWN,
        year,
        earlierYear,
      });
      const present = [...new Set(cells.filter((c) => c.year === year).map((c) => c.code))].sort();
      expect(sums.map((s) => s.code)).toEqual(present);
      let hiddenSeen = 0;
      for (const s of sums) {
        const now = cells.filter((c) => c.year === year && c.code === s.code);
        const before = cells.filter((c) => c.year === earlierYear && c.code === s.code);
        const values = (list: Cell[]) => list.map((c) => ({ areaFips: c.area, value: c.employment }));
        expect(s.jobs, s.code).toEqual(sumOverAreas(values(now)));
        expect(s.wages, s.code).toEqual(sumOverAreas(now.map((c) => ({ areaFips: c.area, value: c.wages }))));
        expect(s.establishments).toBe(now.reduce((n, c) => n + c.establishments, 0));
        expect(s.oneYear, s.code).toEqual(
          otyChangeOverAreas(now.map((c) => ({ areaFips: c.area, current: c.employment, change: c.oty }))),
        );
        expect(s.sinceEarlier, s.code).toEqual(
          earlierYear === null ? null : changeBetween(values(before), values(now)),
        );
        const usIndex = codes.indexOf(s.code) - 1;
        expect(s.usJobs).toBe(usIndex < 0 ? null : 1_000_000 + 1000 * usIndex + year);
        expect(s.usEarlierJobs).toBe(
          usIndex < 0 || earlierYear === null ? null : 1_000_000 + 1000 * usIndex + earlierYear,
        );
        hiddenSeen += s.jobs.undisclosedAreas + (s.sinceEarlier?.undisclosedAreas ?? 0);
      }
      // The random region must exercise the rules, or this test proves nothing.
      expect(hiddenSeen).toBeGreaterThan(5);
      expect(sums.some((s) => s.jobs.complete)).toBe(true);
    });

  it("answers nothing for no counties, and only the counties asked for", async () => {
    const base = { agglvl: AGGLVL, usAgglvl: US_AGGLVL, ownCode: OWN, year: 2023, earlierYear: null };
    expect(await industrySums(ctx.deps.db, { ...base, counties: [] })).toEqual([]);
    const one = await industrySums(ctx.deps.db, { ...base, counties: ["48001"] });
    const cells = region(20261201, counties, codes, years).filter(
      (c) => c.year === 2023 && c.area === "48001",
    );
    expect(one.map((s) => s.code)).toEqual(cells.map((c) => c.code).sort());
  });
});
