/**
 * The words the annual report's PDF and Excel files share: headings, column headers, sheet names.
 * Each is a message put in the reader's language where a file is written (`translate(locale, ...)`),
 * so a word means the same in both files.
 */
import type { AnnualReport } from "../../../core/annual-report.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { translate } from "../../i18n/intl.js";

export const reportWords = {
  achieved: msg({ id: "server.reports.achieved", defaultMessage: "Achieved" }),
  area: msg({ id: "server.reports.area", defaultMessage: "Area" }),
  businessesEngaged: msg({ id: "server.reports.businessesEngaged", defaultMessage: "Businesses engaged" }),
  figure: msg({ id: "server.reports.figure", defaultMessage: "Figure" }),
  funding: msg({ id: "server.reports.funding", defaultMessage: "Funding" }),
  indicator: msg({ id: "server.reports.indicator", defaultMessage: "Indicator" }),
  indicators: msg({ id: "server.reports.indicators", defaultMessage: "Indicators" }),
  key: msg({ id: "server.reports.key", defaultMessage: "Key" }),
  no: msg({ id: "server.reports.no", defaultMessage: "No" }),
  outcome: msg({ id: "server.reports.outcome", defaultMessage: "Outcome" }),
  outcomes: msg({ id: "server.reports.outcomes", defaultMessage: "Outcomes" }),
  partnership: msg({ id: "server.reports.partnership", defaultMessage: "Partnership" }),
  partnerships: msg({ id: "server.reports.partnerships", defaultMessage: "Partnerships" }),
  partnershipsReporting: msg({
    id: "server.reports.partnershipsReporting",
    defaultMessage: "Partnerships that reported at least one indicator",
  }),
  priorities: msg({ id: "server.reports.priorities", defaultMessage: "Priorities" }),
  source: msg({ id: "server.reports.source", defaultMessage: "Source" }),
  stories: msg({ id: "server.reports.stories", defaultMessage: "Stories" }),
  summary: msg({ id: "server.reports.summary", defaultMessage: "Summary" }),
  yes: msg({ id: "server.reports.yes", defaultMessage: "Yes" }),
} satisfies Record<string, Msg>;

/** "Organizations: Business": a count of the table's organizations of one kind. */
export const organizationsOfKind = (kind: string) =>
  msg({ id: "server.reports.organizationsOfKind", defaultMessage: "Organizations: {kind}" }, { kind });

/**
 * The file's title, "Annual report: Ohio 2025", in the reader's language (the PDF's Title, the
 * workbook's title, the PDF's footer). The year is a string: it is never grouped ("2,025").
 */
export function reportTitleIn(locale: AppLocale, report: Pick<AnnualReport, "scope" | "year">): string {
  return translate(
    locale,
    msg(
      { id: "server.reports.title", defaultMessage: "Annual report: {scope} {year}" },
      { scope: report.scope, year: String(report.year) },
    ),
  );
}

/** "Yes" or "No", in the reader's language. */
export function yesNo(locale: AppLocale, yes: boolean): string {
  return translate(locale, yes ? reportWords.yes : reportWords.no);
}
