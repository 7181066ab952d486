/**
 * Test support: the committed QCEW fixtures (fixtures/qcew/), parsed. Tests only; the product
 * never reads files from core.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { detectLayout, parseQcewRecord, type QcewRow } from "./rows.js";

const fixtures = fileURLToPath(new URL("../../../fixtures/qcew/", import.meta.url));

export const CENTRAL_OHIO = {
  delaware: "39041",
  fairfield: "39045",
  fayette: "39047",
  franklin: "39049",
  hocking: "39073",
} as const;

export function fixtureText(file: string): string {
  return readFileSync(fixtures + file, "utf8");
}

export function fixtureRecords(file: string): Record<string, string>[] {
  return parse(fixtureText(file), { columns: true });
}

/** Every row of a fixture, parsed; throws on a bad row so a broken fixture cannot pass quietly. */
export function fixtureRows(file: string): QcewRow[] {
  const records = fixtureRecords(file);
  const layout = detectLayout(Object.keys(records[0] ?? {}));
  if (!layout.ok) throw new Error(`${file}: ${layout.message}`);
  return records.map((record, i) => {
    const parsed = parseQcewRecord(record, layout.layout);
    if (!parsed.ok)
      throw new Error(`${file} row ${i + 2}: ${parsed.errors.map((e) => e.message).join("; ")}`);
    return parsed.row;
  });
}

export const annualCountyFile = (fips: string) => `morpc-qcew-2020-a-${fips}.csv`;
export const DERIVED_US_FILE = "derived-US000-2020-a.csv";
