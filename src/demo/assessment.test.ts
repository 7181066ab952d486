import { describe, expect, it } from "vitest";
import { scoreResponses } from "../core/assessment-scoring.js";
import { rubricV1 } from "../server/features/assessment/rubric-v1.js";
import { rubricV2 } from "../server/features/assessment/rubric-v2.js";
import { generateAssessmentDemo } from "./assessment.js";
import { defaultSeed, generateDemoData } from "./generate.js";
import { Random } from "./random.js";

const data = generateDemoData({ passwordHash: "x" });
const make = () =>
  generateAssessmentDemo(data, new Random(defaultSeed).fork("assessment"), { seed: defaultSeed });

describe("demo self-assessments", () => {
  it("is the same for the same seed", () => {
    expect(make()).toEqual(make());
  });

  it("gives each demo partnership one to three closed rounds with business and public respondents, some with gaps", () => {
    const demo = make();
    let withGaps = 0;
    for (const p of data.partnerships) {
      const rounds = demo.rounds.filter((r) => r.partnershipId === p.id);
      expect(rounds.length).toBeGreaterThanOrEqual(1);
      expect(rounds.length).toBeLessThanOrEqual(3);
      for (const round of rounds) {
        expect(round.status).toBe("closed");
        const responses = demo.responses.filter((r) => r.roundId === round.id);
        const results = scoreResponses(round.rubricVersion === 2 ? rubricV2 : rubricV1, responses);
        expect(results.respondents.business).toBeGreaterThanOrEqual(1);
        expect(results.respondents.public).toBeGreaterThanOrEqual(1);
        if (results.gaps.length) withGaps += 1;
      }
    }
    expect(withGaps).toBeGreaterThan(0);
  });

  it("answers the latest round on version 2 and earlier ones on version 1, each with its own statements", () => {
    const demo = make();
    expect(demo.rubrics.map((r) => r.version)).toEqual([1, 2]);
    let crossing = 0;
    for (const p of data.partnerships) {
      const rounds = demo.rounds.filter((r) => r.partnershipId === p.id);
      const versions = rounds.map((r) => r.rubricVersion);
      expect(versions.at(-1)).toBe(2);
      expect(versions.slice(0, -1).every((v) => v === 1)).toBe(true);
      if (versions.length > 1) crossing += 1;
      for (const round of rounds) {
        const keys = Object.keys(demo.responses.find((r) => r.roundId === round.id)!.answers);
        const rubric = round.rubricVersion === 2 ? rubricV2 : rubricV1;
        expect(keys).toEqual(rubric.characteristics.flatMap((c) => c.statements.map((s) => s.key)));
      }
    }
    expect(crossing).toBeGreaterThan(0);
  });
});
