import type { IntlShape } from "react-intl";
import { ApiError } from "../../lib/api.js";
import { uploadFile } from "../../components/fileUpload.js";

/** A file the server stored (B's POST /api/admin/qcew/imports answer). */
export interface QcewImportReport {
  importId: string;
  fileName: string;
  layout: "annual" | "quarterly";
  year: number;
  quarter: number;
  rows: number;
  areas: string[];
  replaced: "areas" | "industry";
  seconds: number;
}

/** A line of the list of imported files (the server's schema of it). */
export type { QcewImportItem } from "../../../core/qcew/imports.js";

/** A bad row of a refused file, in the file's own terms. */
export interface BadRow {
  line: number;
  column: string;
  reason: string;
}

export interface FetchedFile {
  area: string;
  url: string;
  status: "imported" | "skipped" | "failed";
  message: string;
  importId?: string;
  rows?: number;
  badRows?: BadRow[];
  moreBadRows?: number;
}

export interface FetchResult {
  year: number;
  quarter: number;
  files: FetchedFile[];
}

export const periodLabel = (intl: IntlShape, year: number, quarter: number) =>
  quarter === 0
    ? intl.formatMessage(
        { id: "qcewAdmin.period.annual", defaultMessage: "{year} annual" },
        { year: String(year) },
      )
    : intl.formatMessage(
        { id: "qcewAdmin.period.quarter", defaultMessage: "{year} Q{quarter}" },
        { year: String(year), quarter: String(quarter) },
      );

/**
 * The bad rows of a refusal: each field error carries its row (line 2 is row 1), the file's
 * column and a message that starts with its line in the reader's words ("line 5: ...",
 * "línea 5: ..."), which the table's own Line column makes redundant.
 */
export function badRowsOf(error: unknown): BadRow[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).flatMap((e) => {
    if (e.row === undefined) return [];
    const line = e.row + 1;
    const prefix = new RegExp(`^\\S+ ${line}: `);
    return [{ line, column: e.column ?? e.field, reason: e.message.replace(prefix, "") }];
  });
}

/** Sends one CSV file as the raw body; a refusal throws an ApiError with every bad row. */
export function uploadQcewFile(file: File): Promise<QcewImportReport> {
  return uploadFile<QcewImportReport>(
    "POST",
    `/admin/qcew/imports?name=${encodeURIComponent(file.name)}`,
    file,
    {
      contentType: "text/csv",
      tooLarge: null,
    },
  );
}
