import { parse } from "csv-parse/sync";
import type { Indicator, MeasurementInput } from "../../../core/impact.js";
import { measurementKinds, parseNumber, parsePeriod, visibilities } from "../../../core/impact.js";
import type { Actor, AppDeps } from "../../deps.js";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { AppError, type FieldError } from "../../errors.js";
import { fieldMessageIn } from "../../i18n/field-words.js";
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
import { importColumnOf, importColumns } from "./import-columns.js";

export { importColumns } from "./import-columns.js";
const requiredColumns = ["indicator", "period", "value", "kind", "visibility"] as const;
export const MAX_IMPORT_ROWS = 50_000;

/** A problem with a row of the file; rows count from 1 at the first row under the header. */
function rowError(row: number, column: string, message: string | Msg): FieldError {
  return { field: `rows.${row}.${column}`, row, column, message };
}

/** The catalog's problems with items (worded in `locale`), at the file's rows they came from. */
function catalogErrors(problems: ItemProblem[], rowOf: readonly number[], locale: AppLocale): FieldError[] {
  return problems.map((p) =>
    rowError(
      rowOf[p.index],
      p.field,
      p.repeats === undefined
        ? p.message
        : translate(
            locale,
            msg(
              { id: "server.impact.import.alsoRow", defaultMessage: "{problem} (also row {row})" },
              { problem: p.message, row: String(rowOf[p.repeats]) },
            ),
          ),
    ),
  );
}

/** One sentence that says nothing was imported and why; the page shows it once, as it is. */
function rejectFile(errors: FieldError[]): AppError {
  const rows = new Set(errors.flatMap((e) => (e.row === undefined ? [] : [e.row]))).size;
  const first = errors[0];
  const why =
    rows > 0
      ? msg(
          {
            id: "server.impact.import.rowsNeedFixing",
            defaultMessage:
              "Nothing was imported: {rows, plural, one {# row needs} other {# rows need}} fixing.",
          },
          { rows },
        )
      : null;
  return new AppError(
    "bad_request",
    (locale) =>
      translate(
        locale,
        why ??
          (first
            ? msg(
                {
                  id: "server.impact.import.fileProblem",
                  defaultMessage: "Nothing was imported: the file {problem}.",
                },
                { problem: fieldMessageIn(locale, first.message) },
              )
            : msg({
                id: "server.impact.import.unreadable",
                defaultMessage: "Nothing was imported: the file could not be read.",
              })),
      ),
    { errors },
  );
}

/**
 * Reads the CSV into measurement items, or throws a report of every bad row and column. The
 * indicator column takes a key or an exact name (any case); a row left as the template gave it
 * (an indicator and nothing in period, value, kind and visibility) is skipped.
 */
export function readMeasurementsCsv(
  text: string,
  catalog: Map<string, Indicator>,
  locale: AppLocale = DEFAULT_LOCALE,
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
    throw rejectFile([
      {
        field: "file",
        message: msg(
          { id: "server.impact.import.notCsv", defaultMessage: "is not a CSV file: {reason}" },
          { reason: (error as Error).message },
        ),
      },
    ]);
  }
  const [header, ...rows] = records;
  if (!header) {
    throw rejectFile([
      {
        field: "file",
        message: msg({
          id: "server.impact.import.emptyFile",
          defaultMessage: "is empty; start with the header row",
        }),
      },
    ]);
  }
  // The machine name of each column, whichever language its header is written in.
  const names = header.map((h) => importColumnOf(h) ?? h.toLowerCase());
  const missing = requiredColumns.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    const list = missing.map((c) => `"${c}"`).join(", ");
    throw new AppError(
      "bad_request",
      msg(
        {
          id: "server.impact.import.headerLacks",
          defaultMessage:
            "Nothing was imported: the header lacks the {count, plural, one {column} other {columns}} {list}.",
        },
        { count: missing.length, list },
      ),
      {
        errors: missing.map((c) => ({
          field: "header",
          column: c,
          message: msg(
            { id: "server.impact.import.lacksColumn", defaultMessage: 'lacks the column "{column}"' },
            { column: c },
          ),
        })),
      },
    );
  }
  if (rows.length === 0) {
    throw rejectFile([
      {
        field: "file",
        message: msg({ id: "server.impact.import.noRows", defaultMessage: "has no rows under the header" }),
      },
    ]);
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw rejectFile([
      {
        field: "file",
        message: msg(
          { id: "server.impact.import.tooManyRows", defaultMessage: "has more than {max} rows; split it" },
          { max: String(MAX_IMPORT_ROWS) },
        ),
      },
    ]);
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
    if (!indicator) {
      errors.push(
        rowError(row, "indicator", msg({ id: "server.impact.import.emptyCell", defaultMessage: "is empty" })),
      );
    } else {
      const found = resolveIndicator(indicator, catalog, references, locale);
      if ("problem" in found) errors.push(rowError(row, "indicator", found.problem));
      else indicator = found.key;
    }
    const period = cell("period");
    if (!parsePeriod(period))
      errors.push(
        rowError(
          row,
          "period",
          msg(
            {
              id: "server.impact.import.badPeriod",
              defaultMessage: '"{period}" is not a year (2025) or a quarter (2025-Q3)',
            },
            { period },
          ),
        ),
      );
    const value = parseNumber(cell("value"), catalog.get(indicator)?.unit);
    if (value === null) {
      errors.push(
        rowError(
          row,
          "value",
          msg(
            { id: "server.impact.import.notANumber", defaultMessage: '"{value}" is not a number' },
            { value: cell("value") },
          ),
        ),
      );
    }
    const kind = cell("kind").toLowerCase();
    if (!(measurementKinds as readonly string[]).includes(kind))
      errors.push(
        rowError(
          row,
          "kind",
          msg(
            {
              id: "server.impact.import.badKind",
              defaultMessage: '"{kind}" must be actual, baseline or target',
            },
            { kind },
          ),
        ),
      );
    const visibility = cell("visibility").toLowerCase();
    if (!(visibilities as readonly string[]).includes(visibility))
      errors.push(
        rowError(
          row,
          "visibility",
          msg(
            {
              id: "server.impact.import.badVisibility",
              defaultMessage: '"{visibility}" must be partnership, community or public',
            },
            { visibility },
          ),
        ),
      );
    const source = cell("source");
    const note = cell("note");
    const longer = (max: number) =>
      msg(
        { id: "server.impact.import.tooLong", defaultMessage: "is longer than {max} characters" },
        { max: String(max) },
      );
    if (source.length > 500) errors.push(rowError(row, "source", longer(500)));
    if (note.length > 2000) errors.push(rowError(row, "note", longer(2000)));
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
  const checked = catalogErrors(checkAgainstCatalog(items, catalog, locale), rowOf, locale);
  if (errors.length > 0 || checked.length > 0) {
    const order = (e: FieldError) => (e.row ?? 0) * 100 + importColumns.indexOf(e.column as never);
    throw rejectFile([...errors, ...checked].sort((a, b) => order(a) - order(b)));
  }
  if (items.length === 0) {
    throw rejectFile([
      {
        field: "file",
        message: msg({
          id: "server.impact.import.noValues",
          defaultMessage: "has no values: fill the period, value, kind and visibility of a row",
        }),
      },
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
  locale: AppLocale = DEFAULT_LOCALE,
): Promise<{ imported: number }> {
  // Refuse a caller without the right before reading their file.
  const access = await impactAccess(deps.db, id, actor);
  requireEnter(actor, access);
  const { items, rowOf } = readMeasurementsCsv(
    text,
    await loadCatalog(deps.db, access.partnership.id),
    locale,
  );
  // Checked again in the write's transaction: the catalog may have changed in between.
  await writeMeasurements(
    deps,
    actor,
    id,
    items,
    (problems) => rejectFile(catalogErrors(problems, rowOf, locale)),
    locale,
  );
  return { imported: items.length };
}
