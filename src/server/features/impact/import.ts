import { parse } from "csv-parse/sync";
import type { MeasurementInput } from "../../../core/impact.js";
import { measurementKinds, parseNumber, parsePeriod, visibilities } from "../../../core/impact.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, type FieldError } from "../../errors.js";
import { impactAccess, requireEnter } from "./access.js";
import { writeMeasurements } from "./measurements-service.js";

export const importColumns = [
  "indicator",
  "period",
  "value",
  "kind",
  "visibility",
  "source",
  "note",
] as const;
const requiredColumns = ["indicator", "period", "value", "kind", "visibility"] as const;
export const MAX_IMPORT_ROWS = 50_000;

/** A problem with a row of the file; rows count from 1 at the first row under the header. */
function rowError(row: number, column: string, message: string): FieldError {
  return { field: `rows.${row}.${column}`, row, column, message };
}

function rejectFile(errors: FieldError[]): AppError {
  const rows = new Set(errors.map((e) => e.row)).size;
  const detail =
    rows === 0
      ? (errors[0]?.message ?? "The file could not be read.")
      : `Nothing was imported: ${rows === 1 ? "1 row needs" : `${rows} rows need`} fixing.`;
  return new AppError("bad_request", detail, { errors });
}

/** Reads the CSV into measurement items, or throws a report of every bad row and column. */
export function readMeasurementsCsv(text: string): MeasurementInput[] {
  let records: string[][];
  try {
    const parsed: unknown = parse(text.replace(/^\uFEFF/, ""), {
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
    records = parsed as string[][];
  } catch (error) {
    throw rejectFile([{ field: "file", message: `is not a CSV file: ${(error as Error).message}` }]);
  }
  const [header, ...rows] = records;
  if (!header) throw rejectFile([{ field: "file", message: "is empty; start with the header row" }]);
  const names = header.map((h) => h.toLowerCase());
  const missing = requiredColumns.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw rejectFile(
      missing.map((c) => ({ field: "header", column: c, message: `the column "${c}" is missing` })),
    );
  }
  if (rows.length === 0) throw rejectFile([{ field: "file", message: "has no rows under the header" }]);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw rejectFile([{ field: "file", message: `has more than ${MAX_IMPORT_ROWS} rows; split it` }]);
  }
  const at = Object.fromEntries(importColumns.map((c) => [c, names.indexOf(c)])) as Record<
    (typeof importColumns)[number],
    number
  >;
  const errors: FieldError[] = [];
  const items: MeasurementInput[] = [];
  rows.forEach((cells, i) => {
    const row = i + 1;
    const cell = (column: (typeof importColumns)[number]) =>
      at[column] >= 0 ? (cells[at[column]] ?? "") : "";
    const before = errors.length;
    const indicator = cell("indicator");
    if (!indicator) errors.push(rowError(row, "indicator", "is empty"));
    const period = cell("period");
    if (!parsePeriod(period))
      errors.push(rowError(row, "period", `"${period}" is not a year (2025) or a quarter (2025-Q3)`));
    const value = parseNumber(cell("value"));
    if (value === null) errors.push(rowError(row, "value", `"${cell("value")}" is not a number`));
    const kind = cell("kind").toLowerCase();
    if (!(measurementKinds as readonly string[]).includes(kind))
      errors.push(rowError(row, "kind", `"${kind}" must be actual, baseline or target`));
    const visibility = cell("visibility").toLowerCase();
    if (!(visibilities as readonly string[]).includes(visibility))
      errors.push(rowError(row, "visibility", `"${visibility}" must be partnership, community or public`));
    const source = cell("source");
    const note = cell("note");
    if (source.length > 500) errors.push(rowError(row, "source", "is longer than 500 characters"));
    if (note.length > 2000) errors.push(rowError(row, "note", "is longer than 2000 characters"));
    if (errors.length > before || value === null) return;
    items.push({
      indicator,
      period,
      value,
      kind: kind as MeasurementInput["kind"],
      visibility: visibility as MeasurementInput["visibility"],
      source,
      note,
    });
  });
  if (errors.length > 0) throw rejectFile(errors);
  return items;
}

/** Imports a CSV file all or nothing: any bad row rejects the file with a report of every one. */
export async function importMeasurements(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  text: string,
): Promise<{ imported: number }> {
  // Refuse a caller without the right before reading their file.
  requireEnter(actor, await impactAccess(deps.db, id, actor));
  const items = readMeasurementsCsv(text);
  // Every row passed the checks above, so item i is the file's row i + 1.
  await writeMeasurements(deps, actor, id, items, (problems) =>
    rejectFile(
      problems.map((p) =>
        rowError(
          p.index + 1,
          p.field,
          p.repeats === undefined ? p.message : `${p.message} (also row ${p.repeats + 1})`,
        ),
      ),
    ),
  );
  return { imported: items.length };
}
