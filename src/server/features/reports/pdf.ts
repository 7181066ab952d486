/**
 * The annual report as a PDF, drawn on the server with pdfkit (pure JavaScript: no browser in
 * production). Only the standard Helvetica faces, which every PDF reader has: nothing is fetched
 * or embedded. A cover summary, then one page (or more) per partnership; page numbers in the
 * footer; the scope and year in the document's Title.
 */
import type PDFKit from "pdfkit";
import { reportTitle, type AnnualReport, type ReportPartnership } from "../../../core/annual-report.js";
import { priorityStatusLabels } from "../../../core/agenda.js";
import {
  formatCount,
  formatDollars,
  formatNumber,
  formatShare,
  formatValue,
  NO_VALUE,
} from "../../../core/format.js";
import { fundingSourceLabels, impactAreaLabels } from "../../../core/impact.js";
import { organizationKindLabels, stageLabels } from "../../../core/vocabulary.js";

type Doc = PDFKit.PDFDocument;
interface Column {
  header: string;
  /** A share of the text width, 0 to 1. */
  width: number;
  align?: "left" | "right";
}

const MARGIN = 50;
const INK = "#1f2a30";
const MUTED = "#5b6770";
const RULE = "#c9d1d6";
const ACCENT = "#1d5e5a";

function width(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** Starts a new page when fewer than `height` points are left on this one. */
function room(doc: Doc, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: Doc, text: string, size: number) {
  room(doc, size * 3);
  doc
    .moveDown(0.6)
    .font("Helvetica-Bold")
    .fontSize(size)
    .fillColor(ACCENT)
    .text(text, { width: width(doc) });
  doc.moveDown(0.25).font("Helvetica").fontSize(10).fillColor(INK);
}

function paragraph(doc: Doc, text: string, options: { color?: string; size?: number } = {}) {
  doc
    .font("Helvetica")
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? INK)
    .text(text, { width: width(doc) });
}

/** Rows of cells under a bold header row, each row as tall as its tallest cell. */
function table(doc: Doc, columns: readonly Column[], rows: readonly (readonly string[])[]) {
  const left = doc.page.margins.left;
  const total = width(doc);
  const widths = columns.map((c) => c.width * total);
  const pad = 3;
  const drawRow = (cells: readonly string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
    const height =
      Math.max(...cells.map((cell, i) => doc.heightOfString(cell || " ", { width: widths[i] - 2 * pad }))) +
      2 * pad;
    room(doc, height + 2);
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.fillColor(INK).text(cell, x + pad, top + pad, {
        width: widths[i] - 2 * pad,
        align: columns[i].align ?? "left",
      });
      x += widths[i];
    });
    doc
      .moveTo(left, top + height)
      .lineTo(left + total, top + height)
      .lineWidth(bold ? 1 : 0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.5);
}

function summaryPages(doc: Doc, report: AnnualReport) {
  const s = report.summary;
  doc
    .font("Helvetica-Bold")
    .fontSize(26)
    .fillColor(ACCENT)
    .text("Annual report", { width: width(doc) });
  doc.font("Helvetica-Bold").fontSize(16).fillColor(INK).text(`${report.scope} · ${report.year}`);
  paragraph(doc, `Shared Table outcomes report, made ${report.generatedAt.slice(0, 10)}.`, { color: MUTED });
  if (report.note) {
    doc.moveDown(1);
    paragraph(doc, report.note, { size: 12 });
    return;
  }
  heading(doc, "Summary", 16);
  table(
    doc,
    [
      { header: "Figure", width: 0.7 },
      { header: String(report.year), width: 0.3, align: "right" },
    ],
    [
      ["Partnerships", formatCount(s.partnerships)],
      ...s.byStage.map((b) => [`  at stage: ${stageLabels[b.stage]}`, formatCount(b.count)]),
      ["Businesses engaged (counted from the tables)", formatCount(s.businessesEngaged)],
      ["Partnerships that reported at least one indicator", formatCount(s.partnershipsReporting)],
      [
        `Employer value check: mean of ${formatCount(s.valueCheck.answers)} answers in ${formatCount(s.valueCheck.checks)} checks (0-10)`,
        s.valueCheck.mean === null ? NO_VALUE : formatNumber(s.valueCheck.mean, 1),
      ],
    ],
  );
  heading(doc, "Yes/no outcomes", 13);
  table(
    doc,
    [
      { header: "Outcome", width: 0.55 },
      { header: "Achieved", width: 0.15, align: "right" },
      { header: "Reported", width: 0.15, align: "right" },
      { header: "Share", width: 0.15, align: "right" },
    ],
    s.outcomes.map((o) => [o.name, formatCount(o.achieved), formatCount(o.reporting), formatShare(o.share)]),
  );
  heading(doc, "Leveraged funding", 13);
  if (s.funding.length === 0)
    paragraph(doc, "No partnership reported leveraged funding for the year.", { color: MUTED });
  else
    table(
      doc,
      [
        { header: "Source", width: 0.5 },
        { header: "Total", width: 0.3, align: "right" },
        { header: "Partnerships", width: 0.2, align: "right" },
      ],
      s.funding.map((f) => [fundingSourceLabels[f.source], formatDollars(f.total), formatCount(f.reporting)]),
    );
}

function partnershipPages(doc: Doc, p: ReportPartnership, year: number) {
  doc.addPage();
  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .fillColor(ACCENT)
    .text(p.name, { width: width(doc) });
  paragraph(doc, `${stageLabels[p.stage]} · ${p.states.join(", ") || NO_VALUE}`, { color: MUTED });

  heading(doc, "The table", 12);
  table(
    doc,
    [
      { header: "Who", width: 0.7 },
      { header: "Count", width: 0.3, align: "right" },
    ],
    [
      ["Business people seated", formatCount(p.table.businessPeople)],
      ["Public partners seated", formatCount(p.table.publicPeople)],
      ["Businesses engaged", formatCount(p.table.businessesEngaged)],
      ...p.table.organizations.map((o) => [
        `Organizations: ${organizationKindLabels[o.kind]}`,
        formatCount(o.count),
      ]),
    ],
  );

  heading(doc, "Priorities and what was achieved", 12);
  if (p.priorities.length === 0) paragraph(doc, "No priorities chosen yet.", { color: MUTED });
  for (const pr of p.priorities) {
    room(doc, 40);
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .fillColor(INK)
      .text(`${pr.title} (${priorityStatusLabels[pr.status]})`, {
        width: width(doc),
      });
    paragraph(doc, `${formatCount(pr.actionsDone)} of ${formatCount(pr.actions)} actions done in ${year}.`, {
      color: MUTED,
      size: 9,
    });
    for (const a of pr.done) {
      paragraph(doc, `- ${a.title} (${a.completedAt})${a.result ? `: ${a.result}` : ""}`, { size: 9 });
    }
    doc.moveDown(0.3);
  }

  heading(doc, "Indicators", 12);
  if (p.indicators.length === 0) paragraph(doc, "No indicators chosen.", { color: MUTED });
  else
    table(
      doc,
      [
        { header: "Indicator", width: 0.6 },
        { header: String(year), width: 0.2, align: "right" },
        { header: String(year - 1), width: 0.2, align: "right" },
      ],
      p.indicators.map((i) => [i.name, formatValue(i.value, i.unit), formatValue(i.previous, i.unit)]),
    );

  if (p.outcomes.length > 0 || p.funding.length > 0 || p.valueCheck) {
    heading(doc, "Outcomes", 12);
    table(
      doc,
      [
        { header: "Outcome", width: 0.7 },
        { header: String(year), width: 0.3, align: "right" },
      ],
      [
        ...p.outcomes.map((o) => [o.name, o.achieved ? "Yes" : "No"]),
        ...p.funding.map((f) => [
          `Leveraged funding: ${fundingSourceLabels[f.source]}`,
          formatDollars(f.total),
        ]),
        ...(p.valueCheck
          ? [
              [
                `Employer value check (${formatCount(p.valueCheck.answers)} answers)`,
                `${formatNumber(p.valueCheck.mean, 1)} of 10`,
              ],
            ]
          : []),
      ],
    );
  }

  heading(doc, "Stories", 12);
  if (p.stories.length === 0) paragraph(doc, `No stories told in ${year}.`, { color: MUTED });
  for (const story of p.stories) {
    room(doc, 40);
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .fillColor(INK)
      .text(story.title, { width: width(doc) });
    paragraph(doc, `${story.date} · ${impactAreaLabels[story.area]}`, { color: MUTED, size: 9 });
    if (story.text) paragraph(doc, story.text, { size: 9 });
    doc.moveDown(0.4);
  }
}

/** Numbers every page at its foot, once all pages exist ("page 3 of 12"). */
function footers(doc: Doc, report: AnnualReport) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page: lift the margin while writing.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        `Shared Table · ${reportTitle(report)} · page ${i + 1} of ${range.count}`,
        doc.page.margins.left,
        doc.page.height - 32,
        { width: width(doc), align: "center", lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
}

export async function annualReportPdf(report: AnnualReport): Promise<Buffer> {
  // Loaded on first use: most processes never make a PDF, and start-up time is what people wait for.
  const { default: PDFDocument } = await import("pdfkit");
  const doc = new PDFDocument({
    size: "LETTER",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: reportTitle(report), Author: "Shared Table", Subject: "Annual outcomes report" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  summaryPages(doc, report);
  for (const p of report.partnerships) partnershipPages(doc, p, report.year);
  footers(doc, report);
  doc.end();
  return done;
}
