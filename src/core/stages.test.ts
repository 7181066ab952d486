import { describe, expect, it } from "vitest";
import { checklistProgress, nextStageOffered, stageSteps } from "./stages.js";

const keysOf = (stage: string) => stageSteps.filter((s) => s.stage === stage).map((s) => s.key);

describe("the stage checklist", () => {
  it("has unique keys and 3-5 steps per stage", () => {
    expect(new Set(stageSteps.map((s) => s.key)).size).toBe(stageSteps.length);
    for (const p of checklistProgress([])) {
      expect(p.total).toBeGreaterThanOrEqual(3);
      expect(p.total).toBeLessThanOrEqual(5);
    }
  });

  it("counts progress per stage and ignores unknown keys", () => {
    const progress = checklistProgress([...keysOf("prepare").slice(0, 2), "launch_held", "not_a_step"]);
    expect(progress.map((p) => [p.stage, p.done, p.total, p.complete])).toEqual([
      ["civic_infrastructure", 0, 5, false],
      ["prepare", 2, 4, false],
      ["launch", 1, 4, false],
      ["act", 0, 5, false],
      ["sustain", 0, 4, false],
    ]);
  });

  it("offers the next stage only when the current one is complete", () => {
    expect(nextStageOffered("prepare", keysOf("prepare").slice(1))).toBeNull();
    expect(nextStageOffered("prepare", keysOf("prepare"))).toBe("launch");
    // Steps of later stages do not move a partnership past its current one.
    expect(nextStageOffered("prepare", keysOf("launch"))).toBeNull();
    expect(nextStageOffered("sustain", keysOf("sustain"))).toBeNull();
  });
});
