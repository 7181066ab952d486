import { parse } from "csv-parse/sync";
import type { Indicator, MeasurementInput } from "../../../core/impact.js";
import { measurementKinds, parseNumber, parsePeriod, visibilities } from "../../../core/impact.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, type FieldError } from "../../errors.js";
import { translate } from "../../i18n/intl.js";
import { impactAccess, requireEnter } from "./access.js";
import { loadCatalog } from "./indicators-service.js";
import { writeMeasurements } from "./measurements-service.js";
import {
  checkAgainstCatalog,
  indicatorsByReference,
  resolveIndicator,
  type ItemProblem,
} from "./validate.js";
import { formatCountOf, noun } from "../../../core/format.js";

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

/** The catalog's problems with items, at the file's rows they came from. */
function catalogErrors(problems: ItemProblem[], rowOf: readonly number[]): FieldError[] {
  return problems.map((p) =>
    rowError(
      rowOf[p.index],
      p.field,
      p.repeats === undefined ? p.message : `${p.message} (also row ${rowOf[p.repeats]})`,
    ),
  );
}

/** One sentence that says nothing was imported and why; the page shows it once, as it is. */
function rejectFile(errors: FieldError[]): AppError {
  const rows = new Set(errors.flatMap((e) => (e.row === undefined ? [] : [e.row]))).size;
  const first = errors[0];
  const why =
    rows > 0
      ? `${formatCountOf(rows, "row")} ${noun(rows, "needs", "need")} fixing`
      : first
        ? `the file ${translate("en", first.message)}`
        : "the file could not be read";
  return new AppError("bad_request", `Nothing was imported: ${why}.`, { errors });
}

/**
 * Reads the CSV into measurement items, or throws a report of every bad row and column. The
 * indicator column takes a key or an exact name (any case); a row left as the template gave it
 * (an indicator and nothing in period, value, kind and visibility) is skipped.
 */
export function readMeasurementsCsv(
  text: string,
  catalog: Map<string, Indicator>,
): { items: MeasurementInput[]; rowOf: number[] } {
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
    const list = missing.map((c) => `"${c}"`).join(", ");
    throw new AppError(
      "bad_request",
      `Nothing was imported: the header lacks the ${noun(missing.length, "column")} ${list}.`,
      {
        errors: missing.map((c) => ({ field: "header", column: c, message: `lacks the column "${c}"` })),
      },
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
  /** Item i came from the file's row rowOf[i]: skipped template rows leave gaps. */
  const rowOf: number[] = [];
  const references = indicatorsByReference(catalog);
  rows.forEach((cells, i) => {
    const row = i + 1;
    const cell = (column: (typeof importColumns)[number]) =>
      at[column] >= 0 ? (cells[at[column]] ?? "") : "";
    if (
      ["period", "value", "kind", "visibility"].every((c) => cell(c as (typeof importColumns)[number]) === "")
    )
      return;
    const before = errors.length;
    let indicator = cell("indicator");
    if (!indicator) errors.push(rowError(row, "indicator", "is empty"));
    else {
      const found = resolveIndicator(indicator, catalog, references);
      if ("problem" in found) errors.push(rowError(row, "indicator", found.problem));
      else indicator = found.key;
    }
    const period = cell("period");
    if (!parsePeriod(period))
      errors.push(rowError(row, "period", `"${period}" is not a year (2025) or a quarter (2025-Q3)`));
    const value = parseNumber(cell("value"), catalog.get(indicator)?.unit);
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
    rowOf.push(row);
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
  // The catalog's rules (values within their unit, one value per indicator, kind and period)
  // on the rows that read well, so one answer reports every problem of the file.
  const checked = catalogErrors(checkAgainstCatalog(items, catalog), rowOf);
  if (errors.length > 0 || checked.length > 0) {
    const order = (e: FieldError) => (e.row ?? 0) * 100 + importColumns.indexOf(e.column as never);
    throw rejectFile([...errors, ...checked].sort((a, b) => order(a) - order(b)));
  }
  if (items.length === 0) {
    throw rejectFile([
      { field: "file", message: "has no values: fill the period, value, kind and visibility of a row" },
    ]);
  }
  return { items, rowOf };
}

/** Imports a CSV file all or nothing: any bad row rejects the file with a report of every one. */
export async function importMeasurements(
  deps: AppDeps,
  actor: Actor | null,
  id: string,
  text: string,
): Promise<{ imported: number }> {
  // Refuse a caller without the right before reading their file.
  const access = await impactAccess(deps.db, id, actor);
  requireEnter(actor, access);
  const { items, rowOf } = readMeasurementsCsv(text, await loadCatalog(deps.db, access.partnership.id));
  // Checked again in the write's transaction: the catalog may have changed in between.
  await writeMeasurements(deps, actor, id, items, (problems) => rejectFile(catalogErrors(problems, rowOf)));
  return { imported: items.length };
}
