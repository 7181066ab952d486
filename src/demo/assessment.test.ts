import { describe, expect, it } from "vitest";
import { scoreResponses } from "../core/assessment-scoring.js";
import { rubricV1 } from "../server/features/assessment/rubric-v1.js";
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
        const results = scoreResponses(rubricV1, responses);
        expect(results.respondents.business).toBeGreaterThanOrEqual(1);
        expect(results.respondents.public).toBeGreaterThanOrEqual(1);
        if (results.gaps.length) withGaps += 1;
      }
    }
    expect(withGaps).toBeGreaterThan(0);
  });
});
