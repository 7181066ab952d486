import { describe, expect, it } from "vitest";
import {
  annualReportQuery,
  countByStage,
  fundingBySource,
  outcomeShare,
  reportFileName,
  valueCheckSummary,
} from "./annual-report.js";

describe("the annual report's summary math", () => {
  it("shares a yes/no outcome among those that reported it, with no minimum group", () => {
    expect(outcomeShare([1, 0, 1, 1])).toEqual({ achieved: 3, reporting: 4, share: 0.75 });
    expect(outcomeShare([0])).toEqual({ achieved: 0, reporting: 1, share: 0 });
    expect(outcomeShare([])).toEqual({ achieved: 0, reporting: 0, share: null });
  });

  it("adds funding up by source in the vocabulary's order, counting partnerships once", () => {
    expect(
      fundingBySource([
        { partnershipId: "a", source: "state", value: 10 },
        { partnershipId: "a", source: "federal", value: 2.5 },
        { partnershipId: "b", source: "federal", value: 100 },
        { partnershipId: "b", source: "state", value: 0 },
      ]),
    ).toEqual([
      { source: "federal", total: 102.5, reporting: 2 },
      { source: "state", total: 10, reporting: 2 },
    ]);
    expect(fundingBySource([])).toEqual([]);
  });

  it("pools the answers of value checks with at least 3 answers only", () => {
    expect(
      valueCheckSummary([
        { answers: 3, sum: 24 },
        { answers: 4, sum: 36 },
        { answers: 2, sum: 0 },
        { answers: 0, sum: 0 },
      ]),
    ).toEqual({ checks: 2, answers: 7, mean: 60 / 7, minimum: 3 });
    expect(valueCheckSummary([{ answers: 2, sum: 20 }])).toEqual({
      checks: 0,
      answers: 0,
      mean: null,
      minimum: 3,
    });
  });

  it("counts every stage, zeros included", () => {
    expect(
      countByStage([{ stage: "act" }, { stage: "act" }, { stage: "launch" }]).map((s) => s.count),
    ).toEqual([0, 0, 1, 2, 0]);
  });

  it("names files after the scope and year", () => {
    expect(reportFileName("Colorado", 2026, "pdf")).toBe("shared-table-colorado-2026.pdf");
    expect(reportFileName("Northeast Ohio (Cleveland)", 2025, "xlsx")).toBe(
      "shared-table-northeast-ohio-cleveland-2025.xlsx",
    );
    expect(reportFileName("Every partnership", 2025, "csv")).toBe("shared-table-every-partnership-2025.csv");
    expect(reportFileName("???", 2025, "csv")).toBe("shared-table-report-2025.csv");
  });

  it("takes a year from 1990 to 2100 and nothing else", () => {
    expect(annualReportQuery.parse({ year: "2025", state: "08" })).toEqual({ year: 2025, state: "08" });
    for (const year of ["0", "99999", "abc", "1989", "2025.5"]) {
      expect(annualReportQuery.safeParse({ year }).success, year).toBe(false);
    }
    expect(annualReportQuery.safeParse({ year: "2025", other: "x" }).success).toBe(false);
  });
});
