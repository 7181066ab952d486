import type ExcelJS from "exceljs";
import type { Portfolio } from "../../../core/portfolio.js";
import { portfolioColumns, type CellKind, type CellValue } from "./columns.js";

const formats: Partial<Record<CellKind, string>> = { share: "0%", date: "yyyy-mm-dd", integer: "0" };

/** A day (YYYY-MM-DD) as a date cell: midnight UTC, which Excel shows as that very day. */
function cellValue(kind: CellKind, value: CellValue): ExcelJS.CellValue {
  if (value === null || value === "") return null;
  if (kind === "date" && typeof value === "string") return new Date(`${value}T00:00:00Z`);
  return value;
}

/**
 * The portfolio as an Excel workbook: one sheet, one frozen header row with a filter, widths
 * set, and numbers, shares (0-1 shown as percents) and dates stored as such so they sort and sum.
 * Cells are values only, never formulas, so a partnership's name cannot run as one.
 */
export async function portfolioXlsx(portfolio: Portfolio, publicUrl: string): Promise<Buffer> {
  const columns = portfolioColumns(portfolio, publicUrl);
  // Loaded on the first download: exceljs takes about 200 ms to load, which every start would pay.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "Shared Table";
  workbook.title = `Portfolio: ${portfolio.label}`;
  const sheet = workbook.addWorksheet("Portfolio", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, index) => ({
    header: c.header,
    key: String(index),
    width: c.width,
    style: formats[c.kind] ? { numFmt: formats[c.kind] } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  for (const item of portfolio.items) {
    sheet.addRow(columns.map((c) => cellValue(c.kind, c.value(item))));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
