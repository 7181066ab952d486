import { describe, expect, it } from "vitest";
import { defaultSeed, generateDemoData } from "./generate.js";
import { generateEventsDemo } from "./events.js";
import { Random } from "./random.js";

const data = generateDemoData({ passwordHash: "x" });
const make = (today: string) =>
  generateEventsDemo(data, new Random(defaultSeed).fork("events"), { seed: defaultSeed, today });

describe("demo events", () => {
  it("is the same for the same seed and day", () => {
    expect(make("2027-02-01")).toEqual(make("2027-02-01"));
  });

  it("has past events with recordings or materials and upcoming events still ahead of today", () => {
    const today = "2030-05-20";
    const demo = make(today);
    const now = Date.parse(`${today}T00:00:00Z`);
    const past = demo.events.filter((e) => e.endsAt.getTime() < now);
    const ahead = demo.events.filter((e) => e.startsAt.getTime() > now);
    expect(past.length).toBeGreaterThanOrEqual(3);
    expect(ahead.length).toBeGreaterThanOrEqual(3);
    for (const e of past) expect(demo.eventMaterials.some((m) => m.eventId === e.id)).toBe(true);
    expect(past.some((e) => e.recordingUrl)).toBe(true);
  });

  it("fills one upcoming event and keeps a waitlist in order, never over capacity", () => {
    const demo = make("2026-11-25");
    let full = 0;
    for (const e of demo.events) {
      const regs = demo.eventRegistrations.filter((r) => r.eventId === e.id);
      const confirmed = regs.filter((r) => r.status === "confirmed").length;
      if (e.capacity != null) expect(confirmed).toBeLessThanOrEqual(e.capacity);
      const waiting = regs.filter((r) => r.status === "waitlisted").map((r) => r.position);
      if (waiting.length > 0) {
        full += 1;
        expect(confirmed).toBe(e.capacity);
        expect(waiting).toEqual(waiting.map((_, i) => i + 1));
      }
      expect(new Set(regs.map((r) => r.userId)).size).toBe(regs.length);
    }
    expect(full).toBe(1);
  });
});
