import type { Measurement, Rollup } from "../../../core/impact.js";
import { importColumns } from "./import.js";

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

/** The import template: the columns and two example rows a convener can overwrite. */
export function templateCsv(): string {
  return toCsv(importColumns, [
    ["jobs_created", "2025", 42, "actual", "community", "Member employer survey", "Hiring at 6 firms"],
    ["staff_retention_rate", "2025-Q3", 87.5, "target", "partnership", "", ""],
  ]);
}

/** A partnership's measurements in the import's columns, so an export can be imported again. */
export function measurementsCsv(items: readonly Measurement[]): string {
  return toCsv(
    [...importColumns, "entered_at"],
    items.map((m) => [m.indicator, m.period, m.value, m.kind, m.visibility, m.source, m.note, m.enteredAt]),
  );
}

export function rollupCsv(rollup: Rollup): string {
  const rows: (string | number | null)[][] = [];
  for (const item of rollup.items) {
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
      item.name,
      item.unit,
      item.rollup,
      scope,
      group,
      n.reporting,
      n.total,
      n.median,
      n.q1,
      n.q3,
    ];
    rows.push(line("all", "", item));
    for (const s of item.bySector) rows.push(line("sector", s.sector, s));
    for (const s of item.byState) rows.push(line("state", s.state, s));
  }
  return toCsv(
    [
      "period",
      "indicator",
      "name",
      "unit",
      "rollup",
      "scope",
      "group",
      "reporting",
      "total",
      "median",
      "q1",
      "q3",
    ],
    rows,
  );
}
