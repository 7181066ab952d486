import type { Portfolio } from "../../../core/portfolio.js";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { inReaderLanguage } from "../../i18n/intl.js";
import { toCsv } from "../impact/csv.js";
import { portfolioColumns } from "./columns.js";

/**
 * The portfolio as CSV (RFC 4180, CRLF), through the impact export's writer, which also
 * neutralizes text a spreadsheet would run as a formula. Shares stay fractions (0.667), as in Excel.
 */
export function portfolioCsv(
  portfolio: Portfolio,
  publicUrl: string,
  locale: AppLocale = DEFAULT_LOCALE,
): string {
  // Stages, bands and flags in the cells, and the headers, in the reader's language.
  return inReaderLanguage(locale, () => {
    const columns = portfolioColumns(portfolio, publicUrl, locale);
    return toCsv(
      columns.map((c) => c.header),
      portfolio.items.map((item) => columns.map((c) => c.value(item))),
    );
  });
}
