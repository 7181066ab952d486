/**
 * The annual report as CSV: one row per partnership and chosen indicator (a partnership without
 * indicators still has one row, its indicator columns empty), each row repeating the
 * partnership's figures so the file filters and pivots on its own. Cells go through the impact
 * export's writer, which neutralizes formulas (CSV injection).
 */
import type { AnnualReport } from "../../../core/annual-report.js";
import { stageLabels } from "../../../core/vocabulary.js";
import { toCsv } from "../impact/csv.js";

export const annualReportCsvColumns = [
  "year",
  "scope",
  "partnership",
  "stage",
  "states",
  "business people",
  "public partners",
  "businesses engaged",
  "priorities",
  "actions done",
  "yes/no outcomes achieved",
  "employer value",
  "stories",
  "indicator",
  "indicator name",
  "unit",
  "value",
  "previous year",
] as const;

export function annualReportCsv(report: AnnualReport): string {
  const rows = report.partnerships.flatMap((p) => {
    const partnership = [
      report.year,
      report.scope,
      p.name,
      stageLabels[p.stage],
      p.states.join(" "),
      p.table.businessPeople,
      p.table.publicPeople,
      p.table.businessesEngaged,
      p.priorities.length,
      p.actionsDone,
      p.outcomes.filter((o) => o.achieved).length,
      p.valueCheck?.mean ?? null,
      p.stories.length,
    ];
    if (p.indicators.length === 0) return [[...partnership, null, null, null, null, null]];
    return p.indicators.map((i) => [...partnership, i.key, i.name, i.unit, i.value, i.previous]);
  });
  return toCsv(annualReportCsvColumns, rows);
}
