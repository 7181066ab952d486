/**
 * Re-cuts the small test fixtures in fixtures/ from the full public files in ../shared/data.
 * Tests read only the fixtures, so a fresh clone passes `npm test` with nothing beside it;
 * this script is the one place (with bench/) that may read the full files.
 *
 *   npx tsx scripts/cut-fixtures.ts [path/to/shared/data]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const source = resolve(process.argv[2] ?? join(repoRoot, "..", "shared", "data"));
const target = join(repoRoot, "fixtures");

if (!existsSync(source)) {
  console.log(`Skipped: ${source} does not exist, so the fixtures were left as committed.`);
  process.exit(0);
}

/** Keeps the header (and any lines before it) and the lines for which `keep` is true, bytes unchanged. */
function cut(from: string, to: string, headerLine: number, keep: (cells: string[], line: string) => boolean) {
  const text = readFileSync(join(source, from), "utf8");
  const lines = text.split(/\r?\n/);
  const kept = lines.filter((line, i) => {
    if (i <= headerLine) return true;
    if (line === "") return false;
    const cells: string[] | undefined = parse(line, { relax_column_count: true })[0];
    return keep(cells ?? [], line);
  });
  mkdirSync(join(target, to, ".."), { recursive: true });
  writeFileSync(join(target, to), kept.join("\n") + "\n");
  console.log(
    `${to}: ${kept.length - headerLine - 1} of ${lines.filter(Boolean).length - headerLine - 1} rows`,
  );
}

// NAICS 2022, raw Census export: the separator rows, every sector, Information (51, which has
// the new 513210) and Hospitals (622).
cut(
  "reference/census_naics_2022_2-6digit_raw.csv",
  "reference/census_naics_2022_sample_raw.csv",
  1,
  (c, line) => {
    const code = c[0] ?? "";
    return (
      line.startsWith(",") || /^\d\d(-\d\d)?$/.test(code) || code.startsWith("51") || code.startsWith("622")
    );
  },
);

// CBSA delineation July 2023: the counties of Colorado, Connecticut, Ohio and South Dakota.
cut(
  "reference/census_cbsa_delineation_list1_jul2023.csv",
  "reference/census_cbsa_delineation_2023_sample.csv",
  0,
  (c) => ["08", "09", "39", "46"].includes(c[9] ?? ""),
);

// QCEW 2020 area slices of five Central Ohio counties: the county total (70), the ownership
// rows (71), NAICS sectors (74) and 4-digit industries (76), with BLS's own lq_ and oty_ columns.
for (const file of [
  "morpc-qcew-2020-a-39041.csv",
  "morpc-qcew-2020-a-39045.csv",
  "morpc-qcew-2020-a-39047.csv",
  "morpc-qcew-2020-a-39049.csv",
  "morpc-qcew-2020-a-39073.csv",
  "morpc-qcew-2020-1-39041.csv",
]) {
  cut(`qcew/${file}`, `qcew/${file}`, 0, (c) => ["70", "71", "74", "76"].includes(c[3] ?? ""));
}

// A stand-in for the national file US000, which cannot be shipped here, DERIVED (not a BLS
// file) from Franklin County's published location quotients. BLS computes a county's
// lq = (county industry jobs / county all-ownership jobs) / (US industry jobs / US all-ownership
// jobs), so the US share of an industry is Franklin's share / Franklin's lq, and US industry
// jobs = US total x that share. Tests then compute the LQs of the other four counties from this
// file and compare them with BLS's own lq columns. The US totals are round figures: LQs and pay
// ratios are ratios, so the base cancels; see fixtures/README.md.
const US_2020_BASE = { estabs: 10_000_000, emplvl: 140_000_000, wages: 8_960_000_000_000 };
const NATIONAL_AGGLVL: Record<string, string> = { "70": "10", "71": "11", "74": "14", "76": "16" };

function deriveNational(from: string, to: string) {
  const text = readFileSync(join(source, from), "utf8");
  const header = text.slice(0, text.indexOf("\n")).replace(/\r$/, "");
  const columns = header.split(",");
  const records: Record<string, string>[] = parse(text, { columns: true });
  const total = records.find((r) => r.own_code === "0" && r.agglvl_code === "70");
  if (!total) throw new Error(`${from} has no all-ownership total row (agglvl 70)`);
  const n = (r: Record<string, string>, column: string) => Number(r[column]);
  /** US value of a measure: base x (county share of it) / county lq of it. */
  const us = (r: Record<string, string>, column: string, base: number) => {
    const lq = n(r, `lq_${column}`);
    return lq > 0 ? Math.round((base * (n(r, column) / n(total, column))) / lq) : undefined;
  };
  const lines = [header];
  let used = 0;
  for (const r of records) {
    const agglvl = NATIONAL_AGGLVL[r.agglvl_code ?? ""];
    if (!agglvl || r.disclosure_code !== "" || r.lq_disclosure_code !== "") continue;
    const emplvl = us(r, "annual_avg_emplvl", US_2020_BASE.emplvl);
    if (emplvl === undefined) continue;
    const estabs = us(r, "annual_avg_estabs", US_2020_BASE.estabs);
    const wages = us(r, "total_annual_wages", US_2020_BASE.wages);
    if (estabs === undefined || wages === undefined) continue;
    const pay = Math.round(wages / emplvl);
    const cells: Record<string, string> = {
      area_fips: "US000",
      own_code: r.own_code ?? "",
      industry_code: r.industry_code ?? "",
      agglvl_code: agglvl,
      size_code: "0",
      year: r.year ?? "",
      qtr: "A",
      disclosure_code: "",
      annual_avg_estabs: String(estabs),
      annual_avg_emplvl: String(emplvl),
      total_annual_wages: String(wages),
      // Not derivable from a county's LQs (government rows have none): 0, and not used.
      taxable_annual_wages: "0",
      annual_contributions: "0",
      annual_avg_wkly_wage: String(Math.round(wages / emplvl / 52)),
      avg_annual_pay: String(pay),
      lq_disclosure_code: "",
      // The nation against itself.
      lq_annual_avg_estabs: "1.0",
      lq_annual_avg_emplvl: "1.0",
      lq_total_annual_wages: "1.0",
      lq_taxable_annual_wages: "1.0",
      lq_annual_contributions: "1.0",
      lq_annual_avg_wkly_wage: "1.0",
      lq_avg_annual_pay: "1.0",
      // Unknown: suppressed, and empty rather than BLS's 0 so nothing can read a change of 0.
      oty_disclosure_code: "N",
    };
    lines.push(columns.map((c) => cells[c] ?? "").join(","));
    used++;
  }
  writeFileSync(join(target, to), lines.join("\n") + "\n");
  console.log(`${to}: ${used} rows derived from ${from}`);
}

deriveNational("qcew/morpc-qcew-2020-a-39049.csv", "qcew/derived-US000-2020-a.csv");
