import type { Indicator, Measurement, Rollup } from "../../../core/impact.js";
import { allowedRange } from "../../../core/impact.js";
import { importColumns } from "./import.js";
import type { AppLocale } from "../../../core/i18n/locales.js";
import { msg } from "../../../core/i18n/msg.js";
import { inReaderLanguage, translate } from "../../i18n/intl.js";
import { indicatorName } from "../../../core/indicator-catalog.js";

function cell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // Quote what a spreadsheet would misread; neutralize formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export const templateColumns = [
  "indicator",
  "name",
  "unit",
  "allowed values",
  "period",
  "value",
  "kind",
  "visibility",
  "source",
  "note",
] as const;

/**
 * The import template: one row per indicator with its key, name, unit and the values it allows;
 * a person fills period, value, kind and visibility (copying a row for more periods). The
 * import reads the indicator by key or name, ignores the name, unit and allowed-values columns,
 * and skips a row left blank.
 */
export function templateCsv(indicators: readonly Indicator[]): string {
  return toCsv(
    templateColumns,
    indicators.map((i) => [i.key, i.name, i.unit, allowedRange(i.unit), "", "", "", "", "", ""]),
  );
}

/** A partnership's measurements in the import's columns, so an export can be imported again. */
export function measurementsCsv(items: readonly Measurement[]): string {
  return toCsv(
    [...importColumns, "entered_at"],
    items.map((m) => [m.indicator, m.period, m.value, m.kind, m.visibility, m.source, m.note, m.enteredAt]),
  );
}

/** The roll-up's columns as a person reads them in a spreadsheet (their language). */
const rollupColumns = [
  msg({ id: "server.impact.rollupCsv.period", defaultMessage: "period" }),
  msg({ id: "server.impact.rollupCsv.indicator", defaultMessage: "indicator" }),
  msg({ id: "server.impact.rollupCsv.name", defaultMessage: "name" }),
  msg({ id: "server.impact.rollupCsv.unit", defaultMessage: "unit" }),
  msg({ id: "server.impact.rollupCsv.rollup", defaultMessage: "rollup" }),
  msg({ id: "server.impact.rollupCsv.scope", defaultMessage: "scope" }),
  msg({ id: "server.impact.rollupCsv.group", defaultMessage: "group" }),
  msg({ id: "server.impact.rollupCsv.reporting", defaultMessage: "reporting" }),
  msg({ id: "server.impact.rollupCsv.total", defaultMessage: "total" }),
  msg({ id: "server.impact.rollupCsv.median", defaultMessage: "median" }),
  msg({ id: "server.impact.rollupCsv.q1", defaultMessage: "q1" }),
  msg({ id: "server.impact.rollupCsv.q3", defaultMessage: "q3" }),
  msg({ id: "server.impact.rollupCsv.share", defaultMessage: "share" }),
];

export function rollupCsv(rollup: Rollup, locale: AppLocale = "en"): string {
  const rows: (string | number | null)[][] = [];
  for (const item of rollup.items) {
    const name = inReaderLanguage(locale, () => indicatorName({ key: item.indicator, name: item.name }));
    const line = (
      scope: string,
      group: string,
      n: Omit<
        Rollup["items"][number],
        "indicator" | "name" | "area" | "unit" | "rollup" | "bySector" | "byState"
      >,
    ) => [
      rollup.period,
      item.indicator,
      name,
      item.unit,
      item.rollup,
      scope,
      group,
      n.reporting,
      n.total,
      n.median,
      n.q1,
      n.q3,
      n.share ?? null,
    ];
    rows.push(line("all", "", item));
    for (const s of item.bySector) rows.push(line("sector", s.sector, s));
    for (const s of item.byState) rows.push(line("state", s.state, s));
  }
  return toCsv(
    rollupColumns.map((column) => translate(locale, column)),
    rows,
  );
}
