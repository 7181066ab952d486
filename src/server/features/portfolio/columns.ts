/**
 * The portfolio as a table, one definition for the CSV and the Excel file so the two never
 * disagree: a header, the kind of each cell (so Excel gets numbers, shares and dates as such),
 * and its value.
 */
import { bandLabels } from "../../../core/assessment-scoring.js";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import {
  portfolioFlagLabels,
  TREND_MEETINGS,
  type Portfolio,
  type PortfolioItem,
} from "../../../core/portfolio.js";
import { stageLabels } from "../../../core/vocabulary.js";
import { translate } from "../../i18n/intl.js";

export type CellKind = "text" | "integer" | "share" | "date";
export type CellValue = string | number | null;

export interface PortfolioColumn {
  header: string;
  kind: CellKind;
  /** Width in characters in the Excel file. */
  width: number;
  value: (item: PortfolioItem) => CellValue;
}

/** The n-th last full meeting's share (1 = the last), or null when there were fewer meetings. */
function shareAt(item: PortfolioItem, fromEnd: number): number | null {
  const trend = item.businessShareTrend;
  return trend.length >= fromEnd ? trend[trend.length - fromEnd] : null;
}

/** The trend's headers, the last full meeting first. */
const shareHeaders: readonly Msg[] = [
  msg({
    id: "server.portfolio.column.shareLast",
    defaultMessage: "business share of attendance, last full meeting",
  }),
  msg({
    id: "server.portfolio.column.shareSecondLast",
    defaultMessage: "business share of attendance, 2nd last full meeting",
  }),
  msg({
    id: "server.portfolio.column.shareThirdLast",
    defaultMessage: "business share of attendance, 3rd last full meeting",
  }),
];

/**
 * The columns, headers in `locale` (the reader's language; the files are read by people and no
 * importer reads them back). The cells' words (stage, band, flags) are the core vocabularies'
 * and read in the language the caller runs in (inReaderLanguage).
 */
export function portfolioColumns(
  portfolio: Pick<Portfolio, "lastYear">,
  publicUrl: string,
  locale: AppLocale = DEFAULT_LOCALE,
): PortfolioColumn[] {
  const say = (message: Msg) => translate(locale, message);
  const base = publicUrl.replace(/\/+$/, "");
  const trend: PortfolioColumn[] = [];
  for (let n = TREND_MEETINGS; n >= 1; n -= 1) {
    trend.push({
      header: say(shareHeaders[n - 1]),
      kind: "share",
      width: 16,
      value: (i) => shareAt(i, n),
    });
  }
  return [
    {
      header: say(msg({ id: "server.portfolio.column.partnership", defaultMessage: "partnership" })),
      kind: "text",
      width: 40,
      value: (i) => i.name,
    },
    {
      header: say(msg({ id: "server.portfolio.column.stage", defaultMessage: "stage" })),
      kind: "text",
      width: 22,
      value: (i) => stageLabels[i.stage],
    },
    {
      header: say(msg({ id: "server.portfolio.column.states", defaultMessage: "states" })),
      kind: "text",
      width: 10,
      value: (i) => i.states.join(", "),
    },
    {
      header: say(
        msg({ id: "server.portfolio.column.lastFullMeeting", defaultMessage: "last full meeting" }),
      ),
      kind: "date",
      width: 14,
      value: (i) => i.lastFullMeeting,
    },
    {
      header: say(
        msg({
          id: "server.portfolio.column.monthsSinceFullMeeting",
          defaultMessage: "months since full meeting",
        }),
      ),
      kind: "integer",
      width: 14,
      value: (i) => i.monthsSinceFullMeeting,
    },
    ...trend,
    {
      header: say(msg({ id: "server.portfolio.column.activeTeams", defaultMessage: "active action teams" })),
      kind: "integer",
      width: 12,
      value: (i) => i.teams.active,
    },
    {
      header: say(
        msg({
          id: "server.portfolio.column.teamsWithChampion",
          defaultMessage: "teams with a business champion",
        }),
      ),
      kind: "integer",
      width: 14,
      value: (i) => i.teams.withBusinessChampion,
    },
    {
      header: say(msg({ id: "server.portfolio.column.lateActions", defaultMessage: "late actions" })),
      kind: "integer",
      width: 10,
      value: (i) => i.lateActions,
    },
    {
      header: say(
        msg({ id: "server.portfolio.column.assessmentBand", defaultMessage: "self-assessment band" }),
      ),
      kind: "text",
      width: 20,
      value: (i) => (i.assessmentBand ? bandLabels[i.assessmentBand] : null),
    },
    {
      header: say(
        msg({ id: "server.portfolio.column.indicatorsTracked", defaultMessage: "indicators tracked" }),
      ),
      kind: "integer",
      width: 12,
      value: (i) => i.indicators.tracked,
    },
    {
      header: say(
        msg(
          {
            id: "server.portfolio.column.indicatorsWithValue",
            defaultMessage: "indicators with a value for {year}",
          },
          { year: String(portfolio.lastYear) },
        ),
      ),
      kind: "integer",
      width: 14,
      value: (i) => i.indicators.withValueLastYear,
    },
    {
      header: say(msg({ id: "server.portfolio.column.businessMembers", defaultMessage: "business members" })),
      kind: "integer",
      width: 12,
      value: (i) => i.members.business,
    },
    {
      header: say(msg({ id: "server.portfolio.column.publicMembers", defaultMessage: "public members" })),
      kind: "integer",
      width: 12,
      value: (i) => i.members.public,
    },
    {
      header: say(msg({ id: "server.portfolio.column.flags", defaultMessage: "flags" })),
      kind: "text",
      width: 50,
      value: (i) => i.flags.map((f) => portfolioFlagLabels[f]).join("; "),
    },
    {
      header: say(msg({ id: "server.portfolio.column.workspace", defaultMessage: "workspace" })),
      kind: "text",
      width: 50,
      value: (i) => `${base}/p/${i.slug}`,
    },
  ];
}

/** "portfolio-colorado-2026-12-02": what the export covers and when, safe in any file system. */
export function exportName(portfolio: Pick<Portfolio, "label" | "today">): string {
  const words = portfolio.label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `portfolio-${words || "scope"}-${portfolio.today}`;
}
