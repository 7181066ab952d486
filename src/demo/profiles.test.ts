import { describe, expect, it } from "vitest";
import { naicsSector } from "../core/naics.js";
import { profileParts, PROFILE_MAX_INDICATORS, PROFILE_PART_MAX } from "../core/profiles.js";
import { generateDemoData } from "./generate.js";
import { generateImpactData } from "./impact.js";
import { generateProfilesDemo } from "./profiles.js";
import { Random } from "./random.js";

describe("demo benchmarking profiles", () => {
  const data = generateDemoData({ passwordHash: "x" });
  const impact = generateImpactData(data, new Random(1).fork("impact"), { national: false });
  const profiles = generateProfilesDemo(data, new Random(1).fork("profiles"), { today: "2026-03-01" });
  const partnershipOf = (id: string) => data.partnerships.find((p) => p.id === id)!;

  it("publishes six profiles of different industries, states and stages, every part written", () => {
    expect(profiles).toHaveLength(6);
    const ids = profiles.map((p) => p.partnershipId);
    expect(new Set(ids).size).toBe(6);
    const sectors = ids.map((id) => {
      const main = data.partnershipNaics.find((n) => n.partnershipId === id)!;
      return naicsSector(main.code);
    });
    expect(new Set(sectors).size).toBeGreaterThanOrEqual(5);
    const states = ids.map((id) => data.partnershipCounties.find((c) => c.partnershipId === id)!.stateFips);
    expect(new Set(states).size).toBe(6);
    expect(new Set(ids.map((id) => partnershipOf(id).stage)).size).toBeGreaterThanOrEqual(2);
    for (const p of profiles) {
      for (const part of profileParts) {
        expect(p.parts[part].length, part).toBeGreaterThan(50);
        expect(p.parts[part].length, part).toBeLessThanOrEqual(PROFILE_PART_MAX);
      }
      expect(new Date(p.publishedAt).getTime()).toBeLessThan(new Date("2026-03-01T12:00:00Z").getTime());
    }
  });

  it("features 3 to 5 indicators the partnership tracks and has values for", () => {
    for (const p of profiles) {
      expect(p.indicatorKeys.length).toBeGreaterThanOrEqual(3);
      expect(p.indicatorKeys.length).toBeLessThanOrEqual(PROFILE_MAX_INDICATORS);
      for (const key of p.indicatorKeys) {
        expect(impact.tracked).toContainEqual({ partnershipId: p.partnershipId, indicatorKey: key });
        expect(
          impact.measurements.some(
            (m) => m.partnershipId === p.partnershipId && m.indicatorKey === key && m.kind === "actual",
          ),
        ).toBe(true);
      }
    }
  });

  it("is the same for the same seed, and leaves the demo convener's partnerships to write their own", () => {
    const again = generateProfilesDemo(data, new Random(1).fork("profiles"), { today: "2026-03-01" });
    expect(again).toEqual(profiles);
    const ids = profiles.map((p) => p.partnershipId);
    expect(ids).not.toContain(data.partnerships[0].id);
    expect(ids).not.toContain(data.partnerships[1].id);
  });
});
