/**
 * The annual outcomes report of a coordinator's scope (issue 14): a cover summary, then one
 * section per partnership. The contract of GET /api/reports/annual (its PDF, Excel and CSV are
 * made from the same object), and the summary's arithmetic as pure functions.
 */
import { msg, say } from "./i18n/msg.js";
import { z } from "zod";
import { scopeSelectionQuery } from "./coordinators.js";
import { uuidSchema } from "./ids.js";
import { fundingSources, impactAreas, indicatorUnits, type FundingSource } from "./impact.js";
import { MIN_RESPONDENTS } from "./value-check.js";
import { organizationKinds, stages, type Stage } from "./vocabulary.js";

export const REPORT_MIN_YEAR = 1990;
export const REPORT_MAX_YEAR = 2100;
const yearError = `must be a year from ${REPORT_MIN_YEAR} to ${REPORT_MAX_YEAR}, such as 2025`;

/** `?scope=<id>` or `?state=<fips>` (or neither: every scope of the caller) and `year=YYYY`. */
export const annualReportQuery = scopeSelectionQuery.extend({
  year: z.coerce
    .number({ error: yearError })
    .int({ error: yearError })
    .min(REPORT_MIN_YEAR, { error: yearError })
    .max(REPORT_MAX_YEAR, { error: yearError }),
});
export type AnnualReportQuery = z.infer<typeof annualReportQuery>;

const stageCount = z.object({ stage: z.enum(stages), count: z.number().int() });

export const outcomeShareSchema = z.object({
  indicator: z.string(),
  name: z.string(),
  /** Partnerships that said yes for the year. */
  achieved: z.number().int(),
  /** Partnerships that reported the outcome (yes or no) for the year. */
  reporting: z.number().int(),
  /** achieved / reporting, 0 to 1; null when nobody reported it. */
  share: z.number().nullable(),
});
export type OutcomeShare = z.infer<typeof outcomeShareSchema>;

export const fundingTotalSchema = z.object({
  source: z.enum(fundingSources),
  /** Dollars, summed over the partnerships that reported it. */
  total: z.number(),
  reporting: z.number().int(),
});
export type FundingTotal = z.infer<typeof fundingTotalSchema>;

export const valueCheckSummarySchema = z.object({
  /** Closed checks of the year with at least `minimum` answers: the only ones counted. */
  checks: z.number().int(),
  answers: z.number().int(),
  /** Mean of those answers, 0 to 10; null without any such check. */
  mean: z.number().nullable(),
  minimum: z.number().int(),
});
export type ValueCheckSummary = z.infer<typeof valueCheckSummarySchema>;

export const annualReportSummarySchema = z.object({
  partnerships: z.number().int(),
  byStage: z.array(stageCount),
  /** Business organizations with a member seated during the year, counted from the tables. */
  businessesEngaged: z.number().int(),
  outcomes: z.array(outcomeShareSchema),
  funding: z.array(fundingTotalSchema),
  valueCheck: valueCheckSummarySchema,
  /** Partnerships with at least one value entered for the year (computed values aside). */
  partnershipsReporting: z.number().int(),
});
export type AnnualReportSummary = z.infer<typeof annualReportSummarySchema>;

const reportIndicator = z.object({
  key: z.string(),
  name: z.string(),
  area: z.enum(impactAreas),
  unit: z.enum(indicatorUnits),
  /** The year's actual (annual) value, and the year before's; null when none was entered. */
  value: z.number().nullable(),
  previous: z.number().nullable(),
});

const reportAction = z.object({ title: z.string(), result: z.string(), completedAt: z.string() });

const reportPriority = z.object({
  id: uuidSchema,
  title: z.string(),
  status: z.enum(["active", "achieved", "retired"]),
  /** Its actions that are not deleted, and those of them done during the year. */
  actions: z.number().int(),
  actionsDone: z.number().int(),
  done: z.array(reportAction),
});

const reportStory = z.object({
  title: z.string(),
  date: z.string(),
  area: z.enum(impactAreas),
  /** The story as plain text (its Markdown read out). */
  text: z.string(),
});

export const reportPartnershipSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  slug: z.string(),
  stage: z.enum(stages),
  /** State abbreviations its counties touch. */
  states: z.array(z.string()),
  table: z.object({
    /** People seated during the year, by the sector of their organization. */
    businessPeople: z.number().int(),
    publicPeople: z.number().int(),
    businessesEngaged: z.number().int(),
    organizations: z.array(z.object({ kind: z.enum(organizationKinds), count: z.number().int() })),
  }),
  priorities: z.array(reportPriority),
  actionsDone: z.number().int(),
  indicators: z.array(reportIndicator),
  outcomes: z.array(z.object({ key: z.string(), name: z.string(), achieved: z.boolean() })),
  funding: z.array(z.object({ source: z.enum(fundingSources), total: z.number() })),
  /** The closed value check of the year when it had enough answers (never an answer). */
  valueCheck: z.object({ answers: z.number().int(), mean: z.number() }).nullable(),
  stories: z.array(reportStory),
});
export type ReportPartnership = z.infer<typeof reportPartnershipSchema>;

export const annualReportSchema = z.object({
  year: z.number().int(),
  /** The scope in words: "Colorado", "Northeast Ohio", "Your scopes". */
  scope: z.string(),
  generatedAt: z.string(),
  /** Why the report is empty, in words; null when it covers partnerships. */
  note: z.string().nullable(),
  summary: annualReportSummarySchema,
  partnerships: z.array(reportPartnershipSchema),
});
export type AnnualReport = z.infer<typeof annualReportSchema>;

// ---- The summary's arithmetic ----------------------------------------------------------------

/** How many partnerships are at each stage, every stage listed (zeros included), in order. */
export function countByStage(list: readonly { stage: Stage }[]): { stage: Stage; count: number }[] {
  return stages.map((stage) => ({ stage, count: list.filter((p) => p.stage === stage).length }));
}

/**
 * The share of partnerships that achieved a yes/no outcome, of those that reported it. Unlike
 * the community roll-up (core/impact.ts shareOf), no minimum group: a coordinator reads each
 * partnership's answer in the same report, so hiding the share would protect nothing.
 */
export function outcomeShare(values: readonly number[]): {
  achieved: number;
  reporting: number;
  share: number | null;
} {
  const achieved = values.filter((v) => v === 1).length;
  return { achieved, reporting: values.length, share: values.length === 0 ? null : achieved / values.length };
}

/** Leveraged funding summed by source, in the vocabulary's order; sources nobody reported left out. */
export function fundingBySource(
  rows: readonly { partnershipId: string; source: FundingSource; value: number }[],
): FundingTotal[] {
  return fundingSources.flatMap((source) => {
    const of = rows.filter((r) => r.source === source);
    if (of.length === 0) return [];
    return [
      {
        source,
        total: of.reduce((sum, r) => sum + r.value, 0),
        reporting: new Set(of.map((r) => r.partnershipId)).size,
      },
    ];
  });
}

/**
 * The employer value check over a scope: the mean of every answer of the closed checks that had
 * at least MIN_RESPONDENTS answers; smaller checks count for nothing (their mean would tell what
 * each business answered). Takes each check's answer count and the sum of its 0-10 answers.
 */
export function valueCheckSummary(checks: readonly { answers: number; sum: number }[]): ValueCheckSummary {
  const counted = checks.filter((c) => c.answers >= MIN_RESPONDENTS);
  const answers = counted.reduce((n, c) => n + c.answers, 0);
  const sum = counted.reduce((n, c) => n + c.sum, 0);
  return {
    checks: counted.length,
    answers,
    mean: answers === 0 ? null : sum / answers,
    minimum: MIN_RESPONDENTS,
  };
}

/** The report's title, as the PDF's Title and the page's heading say it. */
export function reportTitle(report: Pick<AnnualReport, "scope" | "year">): string {
  return say(msg({ id: "vocab.report.title", defaultMessage: "Annual report: {scope} {year}" }), {
    scope: report.scope,
    year: String(report.year),
  });
}

/** A download's file name: "shared-table-colorado-2026.pdf". */
export function reportFileName(scope: string, year: number, extension: "pdf" | "xlsx" | "csv"): string {
  const slug =
    scope
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "report";
  return `shared-table-${slug}-${year}.${extension}`;
}
