/**
 * The portfolio as a table, one definition for the CSV and the Excel file so the two never
 * disagree: a header, the kind of each cell (so Excel gets numbers, shares and dates as such),
 * and its value.
 */
import { bandLabels } from "../../../core/assessment-scoring.js";
import {
  portfolioFlagLabels,
  TREND_MEETINGS,
  type Portfolio,
  type PortfolioItem,
} from "../../../core/portfolio.js";
import { stageLabels } from "../../../core/vocabulary.js";

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

const ordinal = ["last", "2nd last", "3rd last"];

export function portfolioColumns(
  portfolio: Pick<Portfolio, "lastYear">,
  publicUrl: string,
): PortfolioColumn[] {
  const base = publicUrl.replace(/\/+$/, "");
  const trend: PortfolioColumn[] = [];
  for (let n = TREND_MEETINGS; n >= 1; n -= 1) {
    trend.push({
      header: `business share of attendance, ${ordinal[n - 1]} full meeting`,
      kind: "share",
      width: 16,
      value: (i) => shareAt(i, n),
    });
  }
  return [
    { header: "partnership", kind: "text", width: 40, value: (i) => i.name },
    { header: "stage", kind: "text", width: 22, value: (i) => stageLabels[i.stage] },
    { header: "states", kind: "text", width: 10, value: (i) => i.states.join(", ") },
    { header: "last full meeting", kind: "date", width: 14, value: (i) => i.lastFullMeeting },
    {
      header: "months since full meeting",
      kind: "integer",
      width: 14,
      value: (i) => i.monthsSinceFullMeeting,
    },
    ...trend,
    { header: "active action teams", kind: "integer", width: 12, value: (i) => i.teams.active },
    {
      header: "teams with a business champion",
      kind: "integer",
      width: 14,
      value: (i) => i.teams.withBusinessChampion,
    },
    { header: "late actions", kind: "integer", width: 10, value: (i) => i.lateActions },
    {
      header: "self-assessment band",
      kind: "text",
      width: 20,
      value: (i) => (i.assessmentBand ? bandLabels[i.assessmentBand] : null),
    },
    { header: "indicators tracked", kind: "integer", width: 12, value: (i) => i.indicators.tracked },
    {
      header: `indicators with a value for ${portfolio.lastYear}`,
      kind: "integer",
      width: 14,
      value: (i) => i.indicators.withValueLastYear,
    },
    { header: "business members", kind: "integer", width: 12, value: (i) => i.members.business },
    { header: "public members", kind: "integer", width: 12, value: (i) => i.members.public },
    {
      header: "flags",
      kind: "text",
      width: 50,
      value: (i) => i.flags.map((f) => portfolioFlagLabels[f]).join("; "),
    },
    { header: "workspace", kind: "text", width: 50, value: (i) => `${base}/p/${i.slug}` },
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
