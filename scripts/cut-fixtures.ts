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
