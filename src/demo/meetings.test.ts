import { describe, expect, it } from "vitest";
import { lacksBusinessMajority, summarizeAttendance } from "../core/meeting-time.js";
import { stageSteps } from "../core/stages.js";
import { stages } from "../core/vocabulary.js";
import { defaultSeed, generateDemoData } from "./generate.js";
import { generateMeetingsDemo } from "./meetings.js";
import { Random } from "./random.js";

const data = generateDemoData({ passwordHash: "x" });
const make = () =>
  generateMeetingsDemo(data, new Random(defaultSeed).fork("meetings"), { seed: defaultSeed });

describe("demo meetings", () => {
  it("is the same for the same seed", () => {
    expect(make()).toEqual(make());
  });

  it("gives every partnership two or more years of held meetings, some without a business majority", () => {
    const demo = make();
    const reference = Date.UTC(2026, 9, 1);
    let flagged = 0;
    for (const p of data.partnerships) {
      const held = demo.meetings.filter((m) => m.partnershipId === p.id && m.startsAt.getTime() < reference);
      const years = new Set(held.map((m) => m.startsAt.getUTCFullYear()));
      expect(years.size, p.name).toBeGreaterThanOrEqual(2);
      for (const m of held) {
        const members = demo.meetingAttendance.filter((a) => a.meetingId === m.id);
        const guests = demo.meetingGuests.filter((g) => g.meetingId === m.id);
        if (lacksBusinessMajority(m.kind, summarizeAttendance(members, guests))) flagged += 1;
      }
    }
    expect(flagged).toBeGreaterThan(0);
  });

  it("ticks every step of the stages behind each partnership, and none ahead", () => {
    const demo = make();
    for (const p of data.partnerships) {
      const done = new Set(demo.stageSteps.filter((s) => s.partnershipId === p.id).map((s) => s.stepKey));
      const at = stages.indexOf(p.stage);
      for (const step of stageSteps) {
        const i = stages.indexOf(step.stage);
        if (i < at) expect(done.has(step.key), `${p.name} ${step.key}`).toBe(true);
        if (i > at) expect(done.has(step.key)).toBe(false);
      }
    }
  });

  it("gives the meetings still to come some answers to their invitations, from members only", () => {
    const demo = make();
    const reference = Date.UTC(2026, 9, 1);
    const meetingsById = new Map(demo.meetings.map((m) => [m.id, m]));
    expect(demo.meetingRsvps.length).toBeGreaterThan(0);
    for (const a of demo.meetingRsvps) {
      const m = meetingsById.get(a.meetingId)!;
      expect(m.startsAt.getTime()).toBeGreaterThan(reference);
      expect(
        data.memberships.some((s) => s.partnershipId === m.partnershipId && s.personId === a.personId),
      ).toBe(true);
    }
    expect(new Set(demo.meetingRsvps.map((a) => a.answer))).toEqual(new Set(["yes", "maybe", "no"]));
  });
});
