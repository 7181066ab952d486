/**
 * The annual report as CSV: one row per partnership and chosen indicator (a partnership without
 * indicators still has one row, its indicator columns empty), each row repeating the
 * partnership's figures so the file filters and pivots on its own. Cells go through the impact
 * export's writer, which neutralizes formulas (CSV injection).
 */
import type { AnnualReport } from "../../../core/annual-report.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg } from "../../../core/i18n/msg.js";
import { stageLabels } from "../../../core/vocabulary.js";
import { inReaderLanguage, translate } from "../../i18n/intl.js";
import { toCsv } from "../impact/csv.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

/**
 * The header row, in the reader's language: the file is read by people in a spreadsheet, and no
 * importer reads it back. The indicator key and unit stay the catalog's codes, to join on.
 */
export const annualReportCsvColumns = [
  msg({ id: "server.reports.csv.year", defaultMessage: "year" }),
  msg({ id: "server.reports.csv.scope", defaultMessage: "scope" }),
  msg({ id: "server.reports.csv.partnership", defaultMessage: "partnership" }),
  msg({ id: "server.reports.csv.stage", defaultMessage: "stage" }),
  msg({ id: "server.reports.csv.states", defaultMessage: "states" }),
  msg({ id: "server.reports.csv.businessPeople", defaultMessage: "business people" }),
  msg({ id: "server.reports.csv.publicPartners", defaultMessage: "public partners" }),
  msg({ id: "server.reports.csv.businessesEngaged", defaultMessage: "businesses engaged" }),
  msg({ id: "server.reports.csv.priorities", defaultMessage: "priorities" }),
  msg({ id: "server.reports.csv.actionsDone", defaultMessage: "actions done" }),
  msg({ id: "server.reports.csv.outcomesAchieved", defaultMessage: "yes/no outcomes achieved" }),
  msg({ id: "server.reports.csv.employerValue", defaultMessage: "employer value" }),
  msg({ id: "server.reports.csv.stories", defaultMessage: "stories" }),
  msg({ id: "server.reports.csv.indicator", defaultMessage: "indicator" }),
  msg({ id: "server.reports.csv.indicatorName", defaultMessage: "indicator name" }),
  msg({ id: "server.reports.csv.unit", defaultMessage: "unit" }),
  msg({ id: "server.reports.csv.value", defaultMessage: "value" }),
  msg({ id: "server.reports.csv.previousYear", defaultMessage: "previous year" }),
] as const;

/** The report as CSV in `locale`, its reader's language: the header row and the stage names. */
export function annualReportCsv(report: AnnualReport, locale: AppLocale): string {
  return inReaderLanguage(locale, () => csvIn(report, locale));
}

function csvIn(report: AnnualReport, locale: AppLocale): string {
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
    return p.indicators.map((i) => [...partnership, i.key, indicatorName(i), i.unit, i.value, i.previous]);
  });
  return toCsv(
    annualReportCsvColumns.map((column) => translate(locale, column)),
    rows,
  );
}
