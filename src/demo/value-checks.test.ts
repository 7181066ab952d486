import { describe, expect, it } from "vitest";
import { businessRoles } from "../core/vocabulary.js";
import { defaultSeed, demoAccounts, generateDemoData } from "./generate.js";
import { Random } from "./random.js";
import { generateValueChecksDemo } from "./value-checks.js";

const data = generateDemoData({ size: "demo", seed: defaultSeed, passwordHash: "x" });
const make = () =>
  generateValueChecksDemo(data, new Random(defaultSeed).fork("value-checks"), {
    seed: defaultSeed,
    today: "2026-12-02",
  });

describe("demo employer value checks", () => {
  const demo = make();
  const businessOf = (partnershipId: string) =>
    new Set(
      data.memberships
        .filter((m) => m.partnershipId === partnershipId && !m.leftAt && businessRoles.includes(m.role))
        .map((m) => m.personId),
    );

  it("closes last year's check for every partnership with at least 3 business members, with 3-8 of their answers", () => {
    const eligible = data.partnerships.filter((p) => businessOf(p.id).size >= 3).map((p) => p.id);
    const closed = demo.checks.filter((c) => c.status === "closed");
    expect(closed.map((c) => c.partnershipId).sort()).toEqual([...eligible].sort());
    expect(closed.every((c) => c.year === 2025 && c.closedAt)).toBe(true);
    for (const check of closed) {
      const answers = demo.answers.filter((a) => a.checkId === check.id);
      expect(answers.length).toBeGreaterThanOrEqual(3);
      expect(answers.length).toBeLessThanOrEqual(8);
      const business = businessOf(check.partnershipId);
      expect(answers.every((a) => business.has(a.personId))).toBe(true);
      expect(new Set(answers.map((a) => a.personId)).size).toBe(answers.length);
    }
    const worth = demo.answers.map((a) => a.worth);
    expect(worth.every((w) => Number.isInteger(w) && w >= 0 && w <= 10)).toBe(true);
    expect(worth.filter((w) => w >= 6).length / worth.length).toBeGreaterThan(0.8);
  });

  it("opens this year's check only for the demo convener's partnership", () => {
    const open = demo.checks.filter((c) => c.status === "open");
    expect(open).toHaveLength(1);
    expect(open[0].year).toBe(2026);
    const convener = data.users.find((u) => u.email === demoAccounts.convener.email)!;
    const person = data.people.find((p) => p.userId === convener.id)!;
    expect(
      data.memberships.some(
        (m) => m.partnershipId === open[0].partnershipId && m.personId === person.id && m.role === "convener",
      ),
    ).toBe(true);
    expect(demo.answers.filter((a) => a.checkId === open[0].id)).toHaveLength(0);
  });

  it("is the same every time", () => {
    expect(make()).toEqual(demo);
  });
});
