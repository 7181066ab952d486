import { createReadStream } from "node:fs";
import { basename } from "node:path";
import type { Readable } from "node:stream";
import { getTableColumns, sql } from "drizzle-orm";
import {
  detectLayout,
  parseQcewRecord,
  qcewLineReader,
  type QcewLayout,
  type QcewLineReader,
  type QcewRow,
  type QcewRowKey,
} from "../../../core/qcew/rows.js";
import type { Db, Executor } from "../../../db/open.js";
import { qcewImports, qcewRows } from "../../../db/schema/index.js";
import { syncEconomyAfterImport } from "./partnership-sync.js";
import { agglvlMeaning, OWNERSHIP_TITLES } from "../../../core/qcew/levels.js";
import { copyInto } from "./copy.js";
import { planEachCall } from "../../../db/plan-each-call.js";
import { csvRecords } from "./import-csv.js";
import { msg, type Msg } from "../../../core/i18n/msg.js";
import { DEFAULT_LOCALE, type AppLocale } from "../../../core/i18n/locales.js";
import { translate } from "../../i18n/intl.js";

const ownershipCodes = Object.keys(OWNERSHIP_TITLES).join(", ");

/** One thing wrong with one row of a file: its line (the header is line 1), column and why. */
export interface QcewBadRow {
  line: number;
  column: string;
  /** In English, for logs and the command line. */
  reason: string;
  /** The reason as a message, and the cell it is about: the API writes them in the reader's language. */
  words: Msg;
  value?: string;
}

export interface QcewImportReport {
  importId: string;
  fileName: string;
  layout: QcewLayout;
  year: number;
  /** 0 for annual averages, else 1-4. */
  quarter: number;
  rows: number;
  /** The area codes of the file, sorted. */
  areas: string[];
  /** What a re-import replaced: every row of these areas for the period, or only this industry's. */
  replaced: "areas" | "industry";
  seconds: number;
}

/** At most this many bad rows are listed; the rest are counted. */
export const MAX_LISTED_BAD_ROWS = 1_000;

/** A refused file: nothing of it was stored. */
export class QcewImportError extends Error {
  constructor(
    message: string,
    readonly badRows: QcewBadRow[],
    /** Bad rows beyond the listed ones. */
    readonly moreBadRows: number,
  ) {
    super(message);
  }

  /** Every bad row, listed or only counted. */
  get problems(): number {
    return this.badRows.length + this.moreBadRows;
  }
}

/** The database to import into and its engine (a server's deps or an opened Database). */
export interface QcewTarget {
  db: Db;
  engine: "pglite" | "postgres";
}

export interface QcewImportOptions {
  fileName: string;
  via: "cli" | "upload";
  importedBy?: string | null;
  /** Rows per COPY; large enough that a statement's cost is in its rows, not its round trip. */
  batchSize?: number;
}

/** The table's columns in order, each with the QcewRow field it comes from. */
const columns = Object.entries(getTableColumns(qcewRows)).map(([key, column]) => ({
  key: key as keyof QcewRow,
  name: column.name,
}));
const fieldsInOrder = columns.map((c) => c.key);
const copyStatement = `copy qcew_rows (${columns.map((c) => `"${c.name}"`).join(", ")})`;

/** One CSV line of the table's columns: an empty cell is NULL, booleans are t and f. */
function csvLine(row: QcewRow, quarter: number): string {
  let line = "";
  for (let i = 0; i < columns.length; i++) {
    const key = columns[i].key;
    const value = key === "quarter" ? quarter : row[key];
    if (i > 0) line += ",";
    if (value === null || value === undefined) continue;
    if (typeof value === "boolean") line += value ? "t" : "f";
    else if (typeof value === "number") line += String(value);
    // Codes are checked (digits, letters, a dash); quoting is for anything else.
    else line += /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  }
  return line + "\n";
}

interface Batch {
  /** The rows as CSV, written into a buffer off the JavaScript heap as they come. */
  csv: Buffer;
  bytes: number;
  lines: number[];
  areas: string[];
  industries: string[];
  owns: number[];
  sizes: number[];
}
const newBatch = (): Batch => ({
  csv: Buffer.allocUnsafe(4 << 20),
  bytes: 0,
  lines: [],
  areas: [],
  industries: [],
  owns: [],
  sizes: [],
});

function append(batch: Batch, line: string) {
  // Checked codes and numbers are ASCII, but a character may take up to 3 bytes in UTF-8.
  if (batch.bytes + line.length * 3 > batch.csv.length) {
    const larger = Buffer.allocUnsafe(batch.csv.length * 2);
    batch.csv.copy(larger, 0, 0, batch.bytes);
    batch.csv = larger;
  }
  batch.bytes += batch.csv.write(line, batch.bytes, "utf8");
}

const PK_VIOLATION = "23505";
const KEY_DETAIL = /\)=\((\d+), (\d+), ([^,]+), (\d+), ([^,]+), (\d+)\)/;

function errorCode(error: unknown): { code?: string; detail?: string } {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const { code, detail } = e as { code?: unknown; detail?: unknown };
    if (typeof code === "string" && code.length === 5)
      return { code, detail: typeof detail === "string" ? detail : undefined };
  }
  return {};
}

/** A bad row, its reason in English beside the message (see QcewBadRow). */
function badRow(line: number, column: string, words: Msg, value?: string): QcewBadRow {
  const english = translate(DEFAULT_LOCALE, words);
  return {
    line,
    column,
    reason: value === undefined ? english : `${JSON.stringify(value)} ${english}`,
    words,
    ...(value === undefined ? {} : { value }),
  };
}

/** A bad row's reason in `locale`: the cell it is about (as the file has it), then why. */
export function badRowReason(bad: QcewBadRow, locale: AppLocale): string {
  const why = translate(locale, bad.words);
  return bad.value === undefined ? why : `${JSON.stringify(bad.value)} ${why}`;
}

/**
 * Imports one BLS QCEW CSV file (annual or quarterly layout, quoted or not) in one transaction,
 * reading it as a stream: memory stays flat whatever its size. Every row is validated; rows go in
 * by batches while the file is good, and at the first bad row inserting stops but validating goes
 * on, so that the refusal lists every bad row (the first MAX_LISTED_BAD_ROWS, and a count of the
 * rest) and the rollback leaves the database as it was.
 *
 * Re-importing replaces: before the first rows of an area for the file's period go in, that
 * area's rows of the period are deleted. A file of one industry across areas (a BLS industry
 * slice) replaces only that industry's rows of its areas, keeping what area files brought.
 */
export async function importQcewStream(
  { db, engine }: QcewTarget,
  input: Readable,
  options: QcewImportOptions,
): Promise<QcewImportReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 10_000;
  const badRows: QcewBadRow[] = [];
  let moreBadRows = 0;
  const bad = (line: number, column: string, words: Msg, value?: string) => {
    if (badRows.length < MAX_LISTED_BAD_ROWS) badRows.push(badRow(line, column, words, value));
    else moreBadRows += 1;
  };

  let layout: QcewLayout | undefined;
  let picks: { name: string; index: number }[] = [];
  let headerLength = 0;
  let readLine: QcewLineReader | undefined;
  let period: { year: number; quarter: number } | undefined;
  let rows = 0;
  const areas = new Set<string>();
  const industries = new Set<string>();
  /** Decided at the first batch: an industry slice replaces (period, area, industry) sets. */
  let replaced: "areas" | "industry" | undefined;
  /** The (area) or (area, industry) sets already cleared for the period. */
  const cleared = new Set<string>();
  let importId = "";

  const report = await db.transaction(async (tx) => {
    const copy = copyInto(tx, engine);
    let batch = newBatch();
    let inFlight: Promise<void> = Promise.resolve();
    let storing = true;

    const store = async (full: Batch) => {
      if (!period) return;
      replaced ??= industries.size === 1 ? "industry" : "areas";
      const newAreas: string[] = [];
      const newIndustries: string[] = [];
      for (let i = 0; i < full.areas.length; i++) {
        const key = replaced === "areas" ? full.areas[i] : `${full.areas[i]}|${full.industries[i]}`;
        if (cleared.has(key)) continue;
        cleared.add(key);
        newAreas.push(full.areas[i]);
        newIndustries.push(full.industries[i]);
      }
      if (newAreas.length) await clearPeriod(tx, period, replaced, newAreas, newIndustries);
      try {
        await copy(copyStatement, full.csv.subarray(0, full.bytes));
      } catch (error) {
        const { code, detail } = errorCode(error);
        if (code !== PK_VIOLATION) throw error;
        storing = false;
        duplicateRows(full, detail, bad);
      }
    };

    const flush = async () => {
      const full = batch;
      batch = newBatch();
      // One batch is stored while the next is read and checked (pg works in another process).
      await inFlight;
      if (!storing) return;
      inFlight = store(full);
      inFlight.catch(() => undefined);
    };

    const knownAgglvl = new Map<number, boolean>();
    reading: for await (const items of csvRecords(input)) {
      for (const item of items) {
        const line = item.line;
        if ("error" in item) {
          bad(line, item.fatal ? "file" : "row", item.error);
          if (item.fatal) break reading;
          continue;
        }
        const record = item.cells;
        if (record.length === 1 && record[0] === "") continue;
        if (!layout) {
          const detected = detectLayout(record);
          if (!detected.ok) {
            bad(line, detected.missing.slice(0, 5).join(", ") || "header", detected.words);
            break reading;
          }
          layout = detected.layout;
          const header = record.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h).trim());
          headerLength = header.length;
          picks = header.map((name, index) => ({ name, index }));
          readLine = qcewLineReader(header, layout, fieldsInOrder);
          continue;
        }
        // The fast path reads a good row straight into its COPY line; a row it refuses is read
        // again the thorough way, which names every bad cell.
        let row: (QcewRowKey & { line: string }) | null = readLine!(record);
        if (!row) {
          const cells: Record<string, string> = {};
          for (const { name, index } of picks) if (index < record.length) cells[name] = record[index]!;
          const parsed = parseQcewRecord(cells, layout);
          if (record.length !== headerLength)
            bad(
              line,
              "row",
              msg(
                {
                  id: "server.qcew.row.cellCount",
                  defaultMessage: "has {cells} cells where the header has {header}",
                },
                { cells: record.length, header: headerLength },
              ),
            );
          if (!parsed.ok) {
            for (const e of parsed.errors) bad(line, e.column, e.words, e.value);
            continue;
          }
          const quarter = parsed.row.quarter ?? 0;
          row = { ...parsed.row, quarter, line: csvLine(parsed.row, quarter) };
        }
        const quarter = row.quarter;
        // The parser checks a code's shape; BLS's vocabulary says which codes exist.
        if (OWNERSHIP_TITLES[row.ownCode] === undefined) {
          bad(
            line,
            "own_code",
            msg(
              {
                id: "server.qcew.row.unknownOwnership",
                defaultMessage: "is not a BLS ownership code ({codes})",
              },
              { codes: ownershipCodes },
            ),
            String(row.ownCode),
          );
          continue;
        }
        let knownLevel = knownAgglvl.get(row.agglvlCode);
        if (knownLevel === undefined)
          knownAgglvl.set(row.agglvlCode, (knownLevel = !!agglvlMeaning(row.agglvlCode)));
        if (!knownLevel) {
          bad(
            line,
            "agglvl_code",
            msg({
              id: "server.qcew.row.unknownAggregation",
              defaultMessage: "is not an aggregation level BLS uses",
            }),
            String(row.agglvlCode),
          );
          continue;
        }
        if (!period) period = { year: row.year, quarter };
        else if (row.year !== period.year || quarter !== period.quarter) {
          bad(
            line,
            row.year !== period.year ? "year" : "qtr",
            msg(
              {
                id: "server.qcew.row.otherPeriod",
                defaultMessage:
                  "is {year} {quarter, select, 0 {annual} other {Q{quarter}}}, but the file began with {firstYear} {firstQuarter, select, 0 {annual} other {Q{firstQuarter}}}: a file holds one period",
              },
              {
                year: String(row.year),
                quarter: String(quarter),
                firstYear: String(period.year),
                firstQuarter: String(period.quarter),
              },
            ),
          );
          continue;
        }
        rows += 1;
        areas.add(row.areaFips);
        if (industries.size < 2) industries.add(row.industryCode);
        if (badRows.length || !storing) continue;
        append(batch, row.line);
        batch.lines.push(line);
        batch.areas.push(row.areaFips);
        batch.industries.push(row.industryCode);
        batch.owns.push(row.ownCode);
        batch.sizes.push(row.sizeCode);
        if (batch.lines.length >= batchSize) await flush();
      }
    }
    badRows.sort((a, b) => a.line - b.line);
    if (!badRows.length && storing && batch.lines.length) await flush();
    await inFlight;

    if (!layout && !badRows.length)
      bad(
        1,
        "file",
        msg({
          id: "server.qcew.file.empty",
          defaultMessage: "is empty: a BLS QCEW CSV file starts with its header row",
        }),
      );
    else if (layout && !period && !badRows.length)
      bad(2, "file", msg({ id: "server.qcew.file.noRows", defaultMessage: "has a header but no rows" }));
    if (badRows.length || !period || !layout) {
      const total = badRows.length + moreBadRows;
      throw new QcewImportError(
        `Nothing was imported from ${options.fileName}: ${total === 1 ? "1 problem" : `${total} problems`} to fix`,
        badRows,
        moreBadRows,
      );
    }
    const sortedAreas = [...areas].sort();
    const durationMs = Math.round(performance.now() - started);
    const [saved] = await tx
      .insert(qcewImports)
      .values({
        fileName: options.fileName,
        year: period.year,
        quarter: period.quarter,
        areas: sortedAreas,
        rows,
        via: options.via,
        importedBy: options.importedBy ?? null,
        durationMs,
      })
      .returning({ id: qcewImports.id });
    importId = saved.id;
    await syncEconomyAfterImport(tx, { quarter: period.quarter, areas: sortedAreas });
    return {
      importId,
      fileName: options.fileName,
      layout,
      year: period.year,
      quarter: period.quarter,
      rows,
      areas: sortedAreas,
      replaced: replaced ?? "areas",
      seconds: 0,
    } satisfies QcewImportReport;
  });
  // PGlite has no autovacuum: without a vacuum the new rows' pages are never marked all-visible,
  // and a region profile reads 50-column rows instead of its covering index; the statistics
  // tell the planner about the new rows. (PostgreSQL's autovacuum does both within a minute.)
  if (engine === "pglite") await db.execute(sql`vacuum analyze qcew_rows`);
  return { ...report, seconds: (performance.now() - started) / 1000 };
}

/** Imports a file from disk (see importQcewStream). */
export async function importQcewFile(
  target: QcewTarget,
  path: string,
  options: Omit<QcewImportOptions, "fileName"> & { fileName?: string },
): Promise<QcewImportReport> {
  const stream = createReadStream(path);
  try {
    return await importQcewStream(target, stream, {
      ...options,
      fileName: options.fileName ?? basename(path),
    });
  } finally {
    stream.destroy();
  }
}

async function clearPeriod(
  tx: Executor,
  period: { year: number; quarter: number },
  replaced: "areas" | "industry",
  areas: string[],
  industries: string[],
) {
  // Planned on each call: kept prepared (after a third call), PostgreSQL settled on a generic plan
  // that did not know how many areas the array holds and read the whole table for every batch
  // (the national file took 272 s instead of 33 s).
  await tx.execute(
    planEachCall(
      replaced === "areas"
        ? sql`delete from qcew_rows where year = ${period.year} and quarter = ${period.quarter}
              and area_fips = any(${sql.param(areas)}::text[])`
        : sql`delete from qcew_rows r using unnest(${sql.param(areas)}::text[], ${sql.param(industries)}::text[]) as k(area_fips, industry_code)
              where r.year = ${period.year} and r.quarter = ${period.quarter}
                and r.area_fips = k.area_fips and r.industry_code = k.industry_code`,
    ),
  );
}

/** Names the line that repeats a key, from the database's "Key (...)=(...) already exists". */
function duplicateRows(
  batch: Batch,
  detail: string | undefined,
  bad: (line: number, column: string, words: Msg) => void,
) {
  const key = detail ? KEY_DETAIL.exec(detail) : null;
  const column = "area_fips, own_code, industry_code, size_code";
  if (!key) {
    bad(
      batch.lines[0] ?? 0,
      column,
      msg(
        {
          id: "server.qcew.row.repeatsBetween",
          defaultMessage: "a row between lines {first} and {last} repeats an earlier row's cell",
        },
        { first: String(batch.lines[0]), last: String(batch.lines.at(-1)) },
      ),
    );
    return;
  }
  const [, , , area, own, industry, size] = key;
  const { areas: areaOf, owns: ownOf, industries: industryOf, sizes: sizeOf } = batch;
  const matching = batch.lines.filter(
    (_, i) =>
      areaOf[i] === area &&
      String(ownOf[i]) === own &&
      industryOf[i] === industry &&
      String(sizeOf[i]) === size,
  );
  const line = matching.at(-1) ?? batch.lines[0] ?? 0;
  bad(
    line,
    column,
    msg(
      {
        id: "server.qcew.row.repeats",
        defaultMessage:
          "repeats {earlier, select, 0 {an earlier line} other {line {earlier}}} (area {area}, ownership {own}, industry {industry}, size {size}): a file holds each cell once",
      },
      { earlier: String(matching.length > 1 ? matching[0] : 0), area, own, industry, size },
    ),
  );
}
