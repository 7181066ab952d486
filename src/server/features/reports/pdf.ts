/**
 * The annual report as a PDF, drawn on the server with pdfkit (pure JavaScript: no browser in
 * production). Only the standard Helvetica faces, which every PDF reader has: nothing is fetched
 * or embedded. A cover summary, then one page (or more) per partnership; page numbers in the
 * footer; the scope and year in the document's Title.
 */
import type PDFKit from "pdfkit";
import type { AnnualReport, ReportPartnership } from "../../../core/annual-report.js";
import { priorityStatusLabels } from "../../../core/agenda.js";
import {
  formatCount,
  formatDollars,
  formatNumber,
  formatShare,
  formatValue,
  NO_VALUE,
} from "../../../core/format.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { fundingSourceLabels, impactAreaLabels } from "../../../core/impact.js";
import { organizationKindLabels, stageLabels } from "../../../core/vocabulary.js";
import { inReaderLanguage, translate } from "../../i18n/intl.js";
import { organizationsOfKind, reportTitleIn, reportWords as w } from "./words.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

type Doc = PDFKit.PDFDocument;
/** A message in the reader's words. */
type Say = (message: Msg) => string;
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

function summaryPages(doc: Doc, report: AnnualReport, say: Say) {
  const s = report.summary;
  doc
    .font("Helvetica-Bold")
    .fontSize(26)
    .fillColor(ACCENT)
    .text(say(msg({ id: "server.reports.pdf.heading", defaultMessage: "Annual report" })), {
      width: width(doc),
    });
  doc.font("Helvetica-Bold").fontSize(16).fillColor(INK).text(`${report.scope} · ${report.year}`);
  paragraph(
    doc,
    say(
      msg(
        { id: "server.reports.pdf.made", defaultMessage: "Shared Table outcomes report, made {day}." },
        { day: report.generatedAt.slice(0, 10) },
      ),
    ),
    { color: MUTED },
  );
  if (report.note) {
    doc.moveDown(1);
    paragraph(doc, report.note, { size: 12 });
    return;
  }
  heading(doc, say(w.summary), 16);
  table(
    doc,
    [
      { header: say(w.figure), width: 0.7 },
      { header: String(report.year), width: 0.3, align: "right" },
    ],
    [
      [say(w.partnerships), formatCount(s.partnerships)],
      ...s.byStage.map((b) => [
        // Indented under "Partnerships".
        `  ${say(msg({ id: "server.reports.pdf.atStage", defaultMessage: "at stage: {stage}" }, { stage: stageLabels[b.stage] }))}`,
        formatCount(b.count),
      ]),
      [
        say(
          msg({
            id: "server.reports.pdf.businessesEngaged",
            defaultMessage: "Businesses engaged (counted from the tables)",
          }),
        ),
        formatCount(s.businessesEngaged),
      ],
      [say(w.partnershipsReporting), formatCount(s.partnershipsReporting)],
      [
        say(
          msg(
            {
              id: "server.reports.pdf.valueCheckMean",
              defaultMessage:
                "Employer value check: mean of {answers, plural, one {# answer} other {# answers}} in {checks, plural, one {# check} other {# checks}} (0-10)",
            },
            { answers: s.valueCheck.answers, checks: s.valueCheck.checks },
          ),
        ),
        s.valueCheck.mean === null ? NO_VALUE : formatNumber(s.valueCheck.mean, 1),
      ],
    ],
  );
  heading(doc, say(msg({ id: "server.reports.pdf.yesNoOutcomes", defaultMessage: "Yes/no outcomes" })), 13);
  table(
    doc,
    [
      { header: say(w.outcome), width: 0.55 },
      { header: say(w.achieved), width: 0.15, align: "right" },
      {
        header: say(msg({ id: "server.reports.pdf.reported", defaultMessage: "Reported" })),
        width: 0.15,
        align: "right",
      },
      {
        header: say(msg({ id: "server.reports.pdf.share", defaultMessage: "Share" })),
        width: 0.15,
        align: "right",
      },
    ],
    s.outcomes.map((o) => [
      indicatorName({ key: o.indicator, name: o.name }),
      formatCount(o.achieved),
      formatCount(o.reporting),
      formatShare(o.share),
    ]),
  );
  heading(
    doc,
    say(msg({ id: "server.reports.pdf.leveragedFunding", defaultMessage: "Leveraged funding" })),
    13,
  );
  if (s.funding.length === 0)
    paragraph(
      doc,
      say(
        msg({
          id: "server.reports.pdf.noFunding",
          defaultMessage: "No partnership reported leveraged funding for the year.",
        }),
      ),
      { color: MUTED },
    );
  else
    table(
      doc,
      [
        { header: say(w.source), width: 0.5 },
        {
          header: say(msg({ id: "server.reports.pdf.total", defaultMessage: "Total" })),
          width: 0.3,
          align: "right",
        },
        { header: say(w.partnerships), width: 0.2, align: "right" },
      ],
      s.funding.map((f) => [fundingSourceLabels[f.source], formatDollars(f.total), formatCount(f.reporting)]),
    );
}

function partnershipPages(doc: Doc, p: ReportPartnership, year: number, say: Say) {
  doc.addPage();
  doc
    .font("Helvetica-Bold")
    .fontSize(18)
    .fillColor(ACCENT)
    .text(p.name, { width: width(doc) });
  paragraph(doc, `${stageLabels[p.stage]} · ${p.states.join(", ") || NO_VALUE}`, { color: MUTED });

  heading(doc, say(msg({ id: "server.reports.pdf.theTable", defaultMessage: "The table" })), 12);
  table(
    doc,
    [
      { header: say(msg({ id: "server.reports.pdf.who", defaultMessage: "Who" })), width: 0.7 },
      {
        header: say(msg({ id: "server.reports.pdf.count", defaultMessage: "Count" })),
        width: 0.3,
        align: "right",
      },
    ],
    [
      [
        say(msg({ id: "server.reports.pdf.businessPeopleSeated", defaultMessage: "Business people seated" })),
        formatCount(p.table.businessPeople),
      ],
      [
        say(msg({ id: "server.reports.pdf.publicPartnersSeated", defaultMessage: "Public partners seated" })),
        formatCount(p.table.publicPeople),
      ],
      [say(w.businessesEngaged), formatCount(p.table.businessesEngaged)],
      ...p.table.organizations.map((o) => [
        say(organizationsOfKind(organizationKindLabels[o.kind])),
        formatCount(o.count),
      ]),
    ],
  );

  heading(
    doc,
    say(
      msg({
        id: "server.reports.pdf.prioritiesAchieved",
        defaultMessage: "Priorities and what was achieved",
      }),
    ),
    12,
  );
  if (p.priorities.length === 0)
    paragraph(
      doc,
      say(msg({ id: "server.reports.pdf.noPriorities", defaultMessage: "No priorities chosen yet." })),
      {
        color: MUTED,
      },
    );
  for (const pr of p.priorities) {
    room(doc, 40);
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .fillColor(INK)
      .text(`${pr.title} (${priorityStatusLabels[pr.status]})`, {
        width: width(doc),
      });
    paragraph(
      doc,
      say(
        msg(
          {
            id: "server.reports.pdf.actionsDone",
            defaultMessage: "{done} of {actions, plural, one {# action} other {# actions}} done in {year}.",
          },
          { done: formatCount(pr.actionsDone), actions: pr.actions, year: String(year) },
        ),
      ),
      { color: MUTED, size: 9 },
    );
    for (const a of pr.done) {
      paragraph(doc, `- ${a.title} (${a.completedAt})${a.result ? `: ${a.result}` : ""}`, { size: 9 });
    }
    doc.moveDown(0.3);
  }

  heading(doc, say(w.indicators), 12);
  if (p.indicators.length === 0)
    paragraph(
      doc,
      say(msg({ id: "server.reports.pdf.noIndicators", defaultMessage: "No indicators chosen." })),
      {
        color: MUTED,
      },
    );
  else
    table(
      doc,
      [
        { header: say(w.indicator), width: 0.6 },
        { header: String(year), width: 0.2, align: "right" },
        { header: String(year - 1), width: 0.2, align: "right" },
      ],
      p.indicators.map((i) => [
        indicatorName(i),
        formatValue(i.value, i.unit),
        formatValue(i.previous, i.unit),
      ]),
    );

  if (p.outcomes.length > 0 || p.funding.length > 0 || p.valueCheck) {
    heading(doc, say(w.outcomes), 12);
    table(
      doc,
      [
        { header: say(w.outcome), width: 0.7 },
        { header: String(year), width: 0.3, align: "right" },
      ],
      [
        ...p.outcomes.map((o) => [indicatorName(o), say(o.achieved ? w.yes : w.no)]),
        ...p.funding.map((f) => [
          say(
            msg(
              {
                id: "server.reports.pdf.leveragedFundingFrom",
                defaultMessage: "Leveraged funding: {source}",
              },
              { source: fundingSourceLabels[f.source] },
            ),
          ),
          formatDollars(f.total),
        ]),
        ...(p.valueCheck
          ? [
              [
                say(
                  msg(
                    {
                      id: "server.reports.pdf.valueCheckAnswers",
                      defaultMessage:
                        "Employer value check ({answers, plural, one {# answer} other {# answers}})",
                    },
                    { answers: p.valueCheck.answers },
                  ),
                ),
                say(
                  msg(
                    { id: "server.reports.pdf.outOfTen", defaultMessage: "{mean} of 10" },
                    { mean: formatNumber(p.valueCheck.mean, 1) },
                  ),
                ),
              ],
            ]
          : []),
      ],
    );
  }

  heading(doc, say(w.stories), 12);
  if (p.stories.length === 0)
    paragraph(
      doc,
      say(
        msg(
          { id: "server.reports.pdf.noStories", defaultMessage: "No stories told in {year}." },
          { year: String(year) },
        ),
      ),
      { color: MUTED },
    );
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
function footers(doc: Doc, title: string, say: Say) {
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
        say(
          msg(
            {
              id: "server.reports.pdf.footer",
              defaultMessage: "Shared Table · {title} · page {page} of {pages}",
            },
            { title, page: String(i + 1), pages: String(range.count) },
          ),
        ),
        doc.page.margins.left,
        doc.page.height - 32,
        { width: width(doc), align: "center", lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
}

/** The report as a PDF in `locale`, its reader's language: words, numbers and the vocabularies. */
export async function annualReportPdf(report: AnnualReport, locale: AppLocale): Promise<Buffer> {
  // Loaded on first use: most processes never make a PDF, and start-up time is what people wait for.
  const { default: PDFDocument } = await import("pdfkit");
  const say: Say = (message) => translate(locale, message);
  const title = reportTitleIn(locale, report);
  const doc = new PDFDocument({
    size: "LETTER",
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: title,
      Author: "Shared Table",
      Subject: say(msg({ id: "server.reports.pdf.subject", defaultMessage: "Annual outcomes report" })),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  // Every page is drawn here, synchronously: the words are in place before the bytes flow out.
  inReaderLanguage(locale, () => {
    summaryPages(doc, report, say);
    for (const p of report.partnerships) partnershipPages(doc, p, report.year, say);
    footers(doc, title, say);
  });
  doc.end();
  return done;
}
