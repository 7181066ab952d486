import type ExcelJS from "exceljs";
import type { Portfolio } from "../../../core/portfolio.js";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { inReaderLanguage, intlFor } from "../../i18n/intl.js";
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
export async function portfolioXlsx(
  portfolio: Portfolio,
  publicUrl: string,
  locale: AppLocale = DEFAULT_LOCALE,
): Promise<Buffer> {
  // Every word first, in the reader's language (synchronously: see inReaderLanguage), then the file.
  const { columns, rows, title, sheetName } = inReaderLanguage(locale, () => {
    const columns = portfolioColumns(portfolio, publicUrl, locale);
    const intl = intlFor(locale);
    return {
      columns,
      rows: portfolio.items.map((item) => columns.map((c) => cellValue(c.kind, c.value(item)))),
      title: intl.formatMessage(
        { id: "server.portfolio.xlsx.title", defaultMessage: "Portfolio: {label}" },
        { label: portfolio.label },
      ),
      sheetName: intl.formatMessage({ id: "server.portfolio.xlsx.sheet", defaultMessage: "Portfolio" }),
    };
  });
  // Loaded on the first download: exceljs takes about 200 ms to load, which every start would pay.
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.Workbook();
  workbook.creator = "Shared Table";
  workbook.title = title;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, index) => ({
    header: c.header,
    key: String(index),
    width: c.width,
    style: formats[c.kind] ? { numFmt: formats[c.kind] } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
