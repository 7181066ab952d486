/**
 * The annual report as an Excel workbook (exceljs), one sheet per section, one row per thing so
 * a state analyst can filter and pivot. Cells hold plain values: a text that starts with "=" is
 * stored as text, never as a formula (exceljs writes formulas only when given one).
 */
import type { AnnualReport } from "../../../core/annual-report.js";
import { reportTitle } from "../../../core/annual-report.js";
import { priorityStatusLabels } from "../../../core/agenda.js";
import { fundingSourceLabels, impactAreaLabels } from "../../../core/impact.js";
import { organizationKindLabels, organizationKinds, stageLabels } from "../../../core/vocabulary.js";

type Cell = string | number | null;
interface SheetSpec {
  name: string;
  columns: { header: string; width: number }[];
  rows: Cell[][];
}

function sheets(report: AnnualReport): SheetSpec[] {
  const s = report.summary;
  const y = String(report.year);
  const before = String(report.year - 1);
  return [
    {
      name: "Summary",
      columns: [
        { header: "Figure", width: 60 },
        { header: "Value", width: 18 },
      ],
      rows: [
        ["Report", reportTitle(report)],
        ["Scope", report.scope],
        ["Year", report.year],
        ["Made", report.generatedAt],
        ...(report.note ? [["Note", report.note] as Cell[]] : []),
        ["Partnerships", s.partnerships],
        ...s.byStage.map((b) => [`Partnerships at stage: ${stageLabels[b.stage]}`, b.count]),
        ["Businesses engaged", s.businessesEngaged],
        ["Partnerships that reported at least one indicator", s.partnershipsReporting],
        [`Employer value check: checks with ${s.valueCheck.minimum}+ answers`, s.valueCheck.checks],
        ["Employer value check: answers", s.valueCheck.answers],
        ["Employer value check: mean (0-10)", s.valueCheck.mean],
        ...s.outcomes.map((o) => [
          `${o.name}: share achieved (${o.achieved} of ${o.reporting} reporting)`,
          o.share,
        ]),
        ...s.funding.map((f) => [
          `Leveraged funding, ${fundingSourceLabels[f.source].toLowerCase()} (${f.reporting} reporting), dollars`,
          f.total,
        ]),
      ],
    },
    {
      name: "Partnerships",
      columns: [
        { header: "Partnership", width: 44 },
        { header: "Stage", width: 22 },
        { header: "States", width: 10 },
        { header: "Business people", width: 16 },
        { header: "Public partners", width: 16 },
        { header: "Businesses engaged", width: 18 },
        ...organizationKinds.map((k) => ({
          header: `Organizations: ${organizationKindLabels[k]}`,
          width: 18,
        })),
        { header: "Priorities", width: 11 },
        { header: `Actions done in ${y}`, width: 18 },
        { header: "Employer value (0-10)", width: 20 },
        { header: "Stories", width: 9 },
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
      name: "Priorities",
      columns: [
        { header: "Partnership", width: 44 },
        { header: "Priority", width: 44 },
        { header: "Status", width: 12 },
        { header: "Actions", width: 10 },
        { header: `Done in ${y}`, width: 12 },
        { header: "Done", width: 80 },
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
      name: "Indicators",
      columns: [
        { header: "Partnership", width: 44 },
        { header: "Indicator", width: 50 },
        { header: "Key", width: 30 },
        { header: "Area", width: 32 },
        { header: "Unit", width: 10 },
        { header: y, width: 14 },
        { header: before, width: 14 },
      ],
      rows: report.partnerships.flatMap((p) =>
        p.indicators.map((i) => [
          p.name,
          i.name,
          i.key,
          impactAreaLabels[i.area],
          i.unit,
          i.value,
          i.previous,
        ]),
      ),
    },
    {
      name: "Outcomes",
      columns: [
        { header: "Partnership", width: 44 },
        { header: "Outcome", width: 50 },
        { header: "Key", width: 30 },
        { header: "Achieved", width: 10 },
      ],
      rows: report.partnerships.flatMap((p) =>
        p.outcomes.map((o) => [p.name, o.name, o.key, o.achieved ? "Yes" : "No"]),
      ),
    },
    {
      name: "Funding",
      columns: [
        { header: "Partnership", width: 44 },
        { header: "Source", width: 16 },
        { header: "Dollars", width: 16 },
      ],
      rows: report.partnerships.flatMap((p) =>
        p.funding.map((f) => [p.name, fundingSourceLabels[f.source], f.total]),
      ),
    },
    {
      name: "Stories",
      columns: [
        { header: "Partnership", width: 44 },
        { header: "Date", width: 12 },
        { header: "Area", width: 32 },
        { header: "Title", width: 44 },
        { header: "Story", width: 100 },
      ],
      rows: report.partnerships.flatMap((p) =>
        p.stories.map((st) => [p.name, st.date, impactAreaLabels[st.area], st.title, st.text]),
      ),
    },
  ];
}

export async function annualReportXlsx(report: AnnualReport): Promise<Buffer> {
  // Loaded on first use, as pdf.ts does pdfkit: a large library that start-up need not pay for.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Shared Table";
  workbook.title = reportTitle(report);
  workbook.created = new Date(report.generatedAt);
  for (const spec of sheets(report)) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.columns = spec.columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    sheet.addRows(spec.rows);
  }
  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes);
}
