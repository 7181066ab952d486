import { describe, expect, it } from "vitest";
import { valueProblem } from "../core/impact.js";
import { defaultCatalog } from "../server/features/impact/catalog.js";
import { generateDemoData } from "./generate.js";
import { generateImpactData } from "./impact.js";
import { Random } from "./random.js";

const units = new Map(defaultCatalog.map((i) => [i.key, i.unit]));

describe("demo impact data", () => {
  const data = generateDemoData({ passwordHash: "x" });
  const impact = generateImpactData(data, new Random(1).fork("impact"), { national: false });

  it("tracks 8 to 15 indicators with 3 to 5 years of values and stories in every partnership", () => {
    for (const p of data.partnerships) {
      const tracked = impact.tracked.filter((t) => t.partnershipId === p.id);
      expect(tracked.length).toBeGreaterThanOrEqual(8);
      expect(tracked.length).toBeLessThanOrEqual(15);
      const years = new Set(
        impact.measurements
          .filter((m) => m.partnershipId === p.id && m.kind === "actual")
          .map((m) => m.period),
      );
      expect(years.size).toBeGreaterThanOrEqual(3);
      expect(years.size).toBeLessThanOrEqual(5);
      expect(impact.stories.some((s) => s.partnershipId === p.id)).toBe(true);
    }
  });

  it("makes only values that fit their unit, once per indicator, kind and period", () => {
    const seen = new Set<string>();
    const own = new Map(impact.own.map((o) => [o.key, o.unit]));
    for (const m of impact.measurements) {
      expect(
        valueProblem((units.get(m.indicatorKey) ?? own.get(m.indicatorKey))!, m.value),
        `${m.indicatorKey} ${m.value}`,
      ).toBeNull();
      const id = `${m.partnershipId}|${m.indicatorKey}|${m.kind}|${m.period}`;
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  });

  it("gives a few partnerships indicators of their own, two of them alike, each tracked with values", () => {
    expect(impact.own.length).toBeGreaterThanOrEqual(2);
    const names = impact.own.map((o) => o.name);
    expect(names.filter((n) => n === "Apprentices hired").length).toBeGreaterThanOrEqual(2);
    for (const o of impact.own) {
      expect(impact.tracked).toContainEqual({ partnershipId: o.ownerPartnershipId, indicatorKey: o.key });
      expect(impact.measurements.some((m) => m.indicatorKey === o.key)).toBe(true);
    }
  });

  it("is the same for the same seed", () => {
    const again = generateImpactData(data, new Random(1).fork("impact"), { national: false });
    expect(again.measurements).toEqual(impact.measurements);
  });

  it("makes 25 indicators x 5 years for each partnership of the national set", () => {
    const national = generateImpactData({ partnerships: data.partnerships }, new Random(2), {
      national: true,
    });
    expect(national.measurements).toHaveLength(data.partnerships.length * 25 * 5);
    expect(national.tracked).toHaveLength(data.partnerships.length * 25);
  });
});
