import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { stateByFips } from "../../../core/geography.js";
import { cleanNaicsTitle, naicsCodePattern, naicsLevel } from "../../../core/naics.js";
import type { Db } from "../../../db/open.js";
import { counties, naicsCodes } from "../../../db/schema/index.js";
import { refreshSearchDocuments } from "../../../db/search-documents.js";
import { formatCountOf, noun } from "../../../core/format.js";

export interface RejectedRow {
  row: number;
  column: string;
  reason: string;
}

export interface ImportReport {
  kind: "naics" | "cbsa";
  rows: number;
  applied: number;
  rejected: RejectedRow[];
}

/** "1 row is not valid", "3 rows are not valid". */
const notValid = (rows: number) => `${formatCountOf(rows, "row")} ${noun(rows, "is", "are")} not valid`;

export class ReferenceImportError extends Error {
  constructor(
    message: string,
    readonly rejected: RejectedRow[] = [],
  ) {
    super(message);
  }
}

type Row = Record<string, string>;

function readCsv(text: string): { header: string[]; rows: { line: number; cells: string[] }[] } {
  const records = parse(text.replace(/^\uFEFF/, ""), {
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    trim: false,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  // Census files open with separator rows (",") before the header: skip rows with no content.
  const meaningful = records.filter((r) => r.record.some((cell) => cell.trim() !== ""));
  const [head, ...rest] = meaningful;
  if (!head) throw new ReferenceImportError("The file is empty.");
  return {
    header: head.record.map((h) => h.trim()),
    rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

const naicsHeaders = [
  { code: "code", title: "title" },
  { code: "2022 NAICS Code", title: "2022 NAICS Title" },
  { code: "2017 NAICS Code", title: "2017 NAICS Title" },
  { code: "2022 NAICS US Code", title: "2022 NAICS US Title" },
  { code: "2017 NAICS US Code", title: "2017 NAICS US Title" },
];

const naicsRow = z.object({
  code: z
    .string()
    .trim()
    .regex(naicsCodePattern, { error: "is not a NAICS code (2 to 6 digits, or 31-33, 44-45, 48-49)" }),
  title: z.string().trim().min(1, { error: "is empty" }).max(300),
});

const cbsaRow = z.object({
  "CBSA Code": z
    .string()
    .trim()
    .regex(/^\d{5}$/, { error: "is not a five-digit CBSA code" }),
  "CBSA Title": z.string().trim().min(1, { error: "is empty" }),
  "Metropolitan/Micropolitan Statistical Area": z
    .string()
    .trim()
    .transform((v) =>
      v === "Metropolitan Statistical Area"
        ? "metro"
        : v === "Micropolitan Statistical Area"
          ? "micro"
          : null,
    )
    .refine((v) => v !== null, { error: "must be Metropolitan or Micropolitan Statistical Area" }),
  "County/County Equivalent": z.string().trim().min(1, { error: "is empty" }),
  "FIPS State Code": z
    .string()
    .trim()
    .transform((v) => v.padStart(2, "0"))
    .refine((v) => stateByFips(v) !== undefined, { error: "is not a state FIPS code" }),
  "FIPS County Code": z
    .string()
    .trim()
    .transform((v) => v.padStart(3, "0"))
    .refine((v) => /^\d{3}$/.test(v), { error: "is not a three-digit county code" }),
});

function validateRows<T>(
  header: string[],
  rows: { line: number; cells: string[] }[],
  schema: z.ZodType<T>,
  pick: (cells: string[]) => Row,
): { valid: T[]; rejected: RejectedRow[] } {
  const valid: T[] = [];
  const rejected: RejectedRow[] = [];
  for (const { line, cells } of rows) {
    const result = schema.safeParse(pick(cells));
    if (result.success) valid.push(result.data);
    else
      for (const issue of result.error.issues) {
        const column = String(issue.path[0] ?? header.join(","));
        rejected.push({ row: line, column, reason: issue.message });
      }
  }
  return { valid, rejected };
}

function columnsPicker(header: string[], wanted: Record<string, string>) {
  const index = Object.fromEntries(
    Object.entries(wanted).map(([key, name]) => {
      const i = header.indexOf(name);
      if (i < 0) throw new ReferenceImportError(`The file has no column "${name}".`);
      return [key, i];
    }),
  );
  return (cells: string[]): Row =>
    Object.fromEntries(Object.entries(index).map(([key, i]) => [key, cells[i] ?? ""]));
}

/** Recognizes a Census NAICS code file or a Census CBSA delineation by its header. */
export function detectKind(header: string[]): "naics" | "cbsa" {
  if (header.includes("CBSA Code") && header.includes("FIPS County Code")) return "cbsa";
  if (naicsHeaders.some((h) => header.includes(h.code) && header.includes(h.title))) return "naics";
  throw new ReferenceImportError(
    `Unrecognized file: expected a Census NAICS code file (columns "2022 NAICS Code","2022 NAICS Title") ` +
      `or a Census CBSA delineation (columns "CBSA Code", ..., "FIPS County Code"); the header was: ${header.join(", ")}`,
  );
}

/**
 * Imports an official reference file, all-or-nothing: one bad row rejects the file and the
 * report lists every bad row. NAICS codes are added or retitled, never removed, because
 * partnerships may still use codes of an older edition.
 */
export async function importReferenceFile(db: Db, text: string): Promise<ImportReport> {
  const { header, rows } = readCsv(text);
  const kind = detectKind(header);
  if (kind === "naics") {
    const names = naicsHeaders.find((h) => header.includes(h.code) && header.includes(h.title))!;
    const edition = Number(/^(\d{4})/.exec(names.code)?.[1] ?? 2022);
    const { valid, rejected } = validateRows(header, rows, naicsRow, columnsPicker(header, names));
    if (rejected.length) throw new ReferenceImportError(notValid(rejected.length), rejected);
    await db.transaction(async (tx) => {
      for (let i = 0; i < valid.length; i += 500) {
        const chunk = valid.slice(i, i + 500).map((r) => ({
          code: r.code,
          title: cleanNaicsTitle(r.title),
          level: naicsLevel(r.code),
          edition,
        }));
        await tx
          .insert(naicsCodes)
          .values(chunk)
          .onConflictDoUpdate({
            target: naicsCodes.code,
            set: { title: sql`excluded.title`, edition: sql`excluded.edition`, level: sql`excluded.level` },
          });
      }
      await refreshSearchDocuments(tx);
    });
    return { kind, rows: rows.length, applied: valid.length, rejected: [] };
  }
  const picker = columnsPicker(header, Object.fromEntries(Object.keys(cbsaRow.shape).map((k) => [k, k])));
  const { valid, rejected } = validateRows(header, rows, cbsaRow, picker);
  if (rejected.length) throw new ReferenceImportError(notValid(rejected.length), rejected);
  await db.transaction(async (tx) => {
    // Counties in no CBSA are outside metro and micro areas: "noncore" (rural).
    await tx.update(counties).set({ cbsaCode: null, cbsaTitle: null, cbsaType: "noncore" });
    for (let i = 0; i < valid.length; i += 500) {
      const chunk = valid.slice(i, i + 500).map((r) => ({
        fips: `${r["FIPS State Code"]}${r["FIPS County Code"]}`,
        name: r["County/County Equivalent"].replace(/ (County|Parish|Borough|Census Area|Municipality)$/, ""),
        stateFips: r["FIPS State Code"],
        cbsaCode: r["CBSA Code"],
        cbsaTitle: r["CBSA Title"],
        cbsaType: r["Metropolitan/Micropolitan Statistical Area"],
      }));
      await tx
        .insert(counties)
        .values(chunk)
        .onConflictDoUpdate({
          target: counties.fips,
          set: {
            cbsaCode: sql`excluded.cbsa_code`,
            cbsaTitle: sql`excluded.cbsa_title`,
            cbsaType: sql`excluded.cbsa_type`,
          },
        });
    }
    await refreshSearchDocuments(tx);
  });
  return { kind, rows: rows.length, applied: valid.length, rejected: [] };
}
