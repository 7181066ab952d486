/**
 * The annual report as an Excel workbook (exceljs), one sheet per section, one row per thing so
 * a state analyst can filter and pivot. Cells hold plain values: a text that starts with "=" is
 * stored as text, never as a formula (exceljs writes formulas only when given one).
 */
import type { AnnualReport } from "../../../core/annual-report.js";
import { priorityStatusLabels } from "../../../core/agenda.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { fundingSourceLabels, impactAreaLabels } from "../../../core/impact.js";
import { organizationKindLabels, organizationKinds, stageLabels } from "../../../core/vocabulary.js";
import { inReaderLanguage, translate } from "../../i18n/intl.js";
import { organizationsOfKind, reportTitleIn, reportWords as w, yesNo } from "./words.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

type Cell = string | number | null;
interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

/** The sheets of the report, every word in the reader's (`say`), called in their language. */
function sheets(report: AnnualReport, locale: AppLocale): SheetSpec[] {
  const say = (message: Msg) => translate(locale, message);
  const s = report.summary;
  const y = String(report.year);
  const before = String(report.year - 1);
  return [
    {
      name: say(w.summary),
      columns: [
        { header: say(w.figure), width: 60 },
        { header: say(msg({ id: "server.reports.xlsx.value", defaultMessage: "Value" })), width: 18 },
      ],
      rows: [
        [
          say(msg({ id: "server.reports.xlsx.report", defaultMessage: "Report" })),
          reportTitleIn(locale, report),
        ],
        [say(msg({ id: "server.reports.xlsx.scope", defaultMessage: "Scope" })), report.scope],
        [say(msg({ id: "server.reports.xlsx.year", defaultMessage: "Year" })), report.year],
        [say(msg({ id: "server.reports.xlsx.made", defaultMessage: "Made" })), report.generatedAt],
        ...(report.note
          ? [[say(msg({ id: "server.reports.xlsx.note", defaultMessage: "Note" })), report.note] as Cell[]]
          : []),
        [say(w.partnerships), s.partnerships],
        ...s.byStage.map((b) => [
          say(
            msg(
              {
                id: "server.reports.xlsx.partnershipsAtStage",
                defaultMessage: "Partnerships at stage: {stage}",
              },
              { stage: stageLabels[b.stage] },
            ),
          ),
          b.count,
        ]),
        [say(w.businessesEngaged), s.businessesEngaged],
        [say(w.partnershipsReporting), s.partnershipsReporting],
        [
          say(
            msg(
              {
                id: "server.reports.xlsx.valueCheckChecks",
                defaultMessage: "Employer value check: checks with {minimum}+ answers",
              },
              { minimum: s.valueCheck.minimum },
            ),
          ),
          s.valueCheck.checks,
        ],
        [
          say(
            msg({
              id: "server.reports.xlsx.valueCheckAnswers",
              defaultMessage: "Employer value check: answers",
            }),
          ),
          s.valueCheck.answers,
        ],
        [
          say(
            msg({
              id: "server.reports.xlsx.valueCheckMean",
              defaultMessage: "Employer value check: mean (0-10)",
            }),
          ),
          s.valueCheck.mean,
        ],
        ...s.outcomes.map((o) => [
          say(
            msg(
              {
                id: "server.reports.xlsx.outcomeShare",
                defaultMessage: "{name}: share achieved ({achieved} of {reporting} reporting)",
              },
              {
                name: indicatorName({ key: o.indicator, name: o.name }),
                achieved: o.achieved,
                reporting: o.reporting,
              },
            ),
          ),
          o.share,
        ]),
        ...s.funding.map((f) => [
          say(
            msg(
              {
                id: "server.reports.xlsx.fundingFrom",
                defaultMessage: "Leveraged funding, {source} ({reporting} reporting), dollars",
              },
              { source: fundingSourceLabels[f.source].toLowerCase(), reporting: f.reporting },
            ),
          ),
          f.total,
        ]),
      ],
    },
    {
      name: say(w.partnerships),
      columns: [
        { header: say(w.partnership), width: 44 },
        { header: say(msg({ id: "server.reports.xlsx.stage", defaultMessage: "Stage" })), width: 22 },
        { header: say(msg({ id: "server.reports.xlsx.states", defaultMessage: "States" })), width: 10 },
        {
          header: say(msg({ id: "server.reports.xlsx.businessPeople", defaultMessage: "Business people" })),
          width: 16,
        },
        {
          header: say(msg({ id: "server.reports.xlsx.publicPartners", defaultMessage: "Public partners" })),
          width: 16,
        },
        { header: say(w.businessesEngaged), width: 18 },
        ...organizationKinds.map((k) => ({
          header: say(organizationsOfKind(organizationKindLabels[k])),
          width: 18,
        })),
        { header: say(w.priorities), width: 11 },
        {
          header: say(
            msg(
              { id: "server.reports.xlsx.actionsDoneIn", defaultMessage: "Actions done in {year}" },
              { year: y },
            ),
          ),
          width: 18,
        },
        {
          header: say(
            msg({ id: "server.reports.xlsx.employerValue", defaultMessage: "Employer value (0-10)" }),
          ),
          width: 20,
        },
        { header: say(w.stories), width: 9 },
      ],
      rows: report.partnerships.map((p) => [
        p.name,
        stageLabels[p.stage],
        p.states.join(", "),
        p.table.businessPeople,
        p.table.publicPeople,
        p.table.businessesEngaged,
        ...organizationKinds.map((k) => p.table.organizations.find((o) => o.kind === k)?.count ?? 0),
        p.priorities.length,
        p.actionsDone,
        p.valueCheck?.mean ?? null,
        p.stories.length,
      ]),
    },
    {
      name: say(w.priorities),
      columns: [
        { header: say(w.partnership), width: 44 },
        { header: say(msg({ id: "server.reports.xlsx.priority", defaultMessage: "Priority" })), width: 44 },
        { header: say(msg({ id: "server.reports.xlsx.status", defaultMessage: "Status" })), width: 12 },
        { header: say(msg({ id: "server.reports.xlsx.actions", defaultMessage: "Actions" })), width: 10 },
        {
          header: say(
            msg({ id: "server.reports.xlsx.doneIn", defaultMessage: "Done in {year}" }, { year: y }),
          ),
          width: 12,
        },
        { header: say(msg({ id: "server.reports.xlsx.done", defaultMessage: "Done" })), width: 80 },
      ],
      rows: report.partnerships.flatMap((p) =>
        p.priorities.map((pr) => [
          p.name,
          pr.title,
          priorityStatusLabels[pr.status],
          pr.actions,
          pr.actionsDone,
          pr.done.map((a) => `${a.title} (${a.completedAt})${a.result ? `: ${a.result}` : ""}`).join("\n"),
        ]),
      ),
    },
    {
      name: say(w.indicators),
      columns: [
        { header: say(w.partnership), width: 44 },
        { header: say(w.indicator), width: 50 },
        { header: say(w.key), width: 30 },
        { header: say(w.area), width: 32 },
        { header: say(msg({ id: "server.reports.xlsx.unit", defaultMessage: "Unit" })), width: 10 },
        { header: y, width: 14 },
        { header: before, width: 14 },
      ],
      rows: report.partnerships.flatMap((p) =>
        p.indicators.map((i) => [
          p.name,
          indicatorName(i),
          i.key,
          impactAreaLabels[i.area],
          i.unit,
          i.value,
          i.previous,
        ]),
      ),
    },
    {
      name: say(w.outcomes),
      columns: [
        { header: say(w.partnership), width: 44 },
        { header: say(w.outcome), width: 50 },
        { header: say(w.key), width: 30 },
        { header: say(w.achieved), width: 10 },
      ],
      rows: report.partnerships.flatMap((p) =>
        p.outcomes.map((o) => [p.name, indicatorName(o), o.key, yesNo(locale, o.achieved)]),
      ),
    },
    {
      name: say(w.funding),
      columns: [
        { header: say(w.partnership), width: 44 },
        { header: say(w.source), width: 16 },
        { header: say(msg({ id: "server.reports.xlsx.dollars", defaultMessage: "Dollars" })), width: 16 },
      ],
      rows: report.partnerships.flatMap((p) =>
        p.funding.map((f) => [p.name, fundingSourceLabels[f.source], f.total]),
      ),
    },
    {
      name: say(w.stories),
      columns: [
        { header: say(w.partnership), width: 44 },
        { header: say(msg({ id: "server.reports.xlsx.date", defaultMessage: "Date" })), width: 12 },
        { header: say(w.area), width: 32 },
        { header: say(msg({ id: "server.reports.xlsx.title", defaultMessage: "Title" })), width: 44 },
        { header: say(msg({ id: "server.reports.xlsx.story", defaultMessage: "Story" })), width: 100 },
      ],
      rows: report.partnerships.flatMap((p) =>
        p.stories.map((st) => [p.name, st.date, impactAreaLabels[st.area], st.title, st.text]),
      ),
    },
  ];
}

/** The report as a workbook in `locale`, its reader's language: sheet names, headers, labels. */
export async function annualReportXlsx(report: AnnualReport, locale: AppLocale): Promise<Buffer> {
  // Loaded on first use, as pdf.ts does pdfkit: a large library that start-up need not pay for.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Shared Table";
  workbook.title = reportTitleIn(locale, report);
  workbook.created = new Date(report.generatedAt);
  for (const spec of inReaderLanguage(locale, () => sheets(report, locale))) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(spec.rows);
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
