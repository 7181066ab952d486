import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../db/open.js";
import { queryRows } from "../db/query.js";
import { runCommand, useCliDatabase } from "./testing.js";

// The command end to end, in this process, on the engine under test: PGlite in a data
// directory of its own, or a PostgreSQL database of its own made from the test template.
const fixtures = fileURLToPath(new URL("../../fixtures/qcew/", import.meta.url));
const franklin = "morpc-qcew-2020-a-39049.csv";
const cliDatabase = useCliDatabase("qcew-cli");
const folder = cliDatabase.folder;
const run = (...args: string[]) => runCommand(args);

/** Reads the database the command wrote, once it has closed it (PGlite serves one opener). */
async function inDatabase<T>(read: (database: Database) => Promise<T>): Promise<T> {
  const database = await cliDatabase.open();
  try {
    return await read(database);
  } finally {
    await database.close();
  }
}

const counts = () =>
  inDatabase(async ({ db }) => {
    const rows = await queryRows<{ area: string; quarter: number; n: number; jobs: number | null }>(
      db,
      sql`select area_fips as area, quarter::int as quarter, count(*)::int as n,
                 sum(employment) filter (where agglvl_code = 70)::int as jobs
          from qcew_rows group by area_fips, quarter order by area_fips, quarter`,
    );
    const imports = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from qcew_imports`);
    return { rows, imports: imports[0].n };
  });

describe("shared-table import-qcew", () => {
  it("imports a folder of files and a file, one line each, and re-imports without duplicating", async () => {
    for (const name of [franklin, "morpc-qcew-2020-1-39041.csv"]) {
      copyFileSync(join(fixtures, name), join(folder, name.replace(".csv", ".copy.csv")));
    }
    const result = await run(
      "import-qcew",
      join(folder, `${franklin.replace(".csv", ".copy.csv")}`),
      join(fixtures, "morpc-qcew-2020-a-39073.csv"),
    );
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      expect.stringMatching(
        /morpc-qcew-2020-a-39049\.copy\.csv: 411 rows, area 39049, 2020 annual, \d+\.\d s$/,
      ),
      expect.stringMatching(/morpc-qcew-2020-a-39073\.csv: 190 rows, area 39073, 2020 annual, \d+\.\d s$/),
    ]);
    // A folder stands for the .csv files in it; the Franklin file a second time replaces itself.
    const again = await run("import-qcew", folder);
    expect(again.code).toBe(0);
    expect(again.out).toEqual([
      expect.stringMatching(/morpc-qcew-2020-1-39041\.copy\.csv: 302 rows, area 39041, 2020 Q1/),
      expect.stringMatching(/morpc-qcew-2020-a-39049\.copy\.csv: 411 rows/),
    ]);
    expect(await counts()).toEqual({
      rows: [
        { area: "39041", quarter: 1, n: 302, jobs: 87_534 },
        { area: "39049", quarter: 0, n: 411, jobs: 727_016 },
        { area: "39073", quarter: 0, n: 190, jobs: expect.any(Number) },
      ],
      imports: 4,
    });
  });

  it("imports the good files, prints a refused file's bad rows and exits 1", async () => {
    const before = await counts();
    const lines = readFileSync(join(fixtures, franklin), "utf8").split("\n");
    const header = lines[0].split(",");
    const cells = lines[4].split(",");
    cells[header.indexOf("annual_avg_emplvl")] = "12x";
    lines[4] = cells.join(",");
    const bad = join(folder, "bad.csv");
    writeFileSync(bad, lines.join("\n"));
    const result = await run("import-qcew", bad, join(fixtures, "morpc-qcew-2020-a-39047.csv"));
    expect(result.code).toBe(1);
    expect(result.err).toEqual([
      `${bad}: Nothing was imported from bad.csv: 1 problem to fix.`,
      '  line 5, annual_avg_emplvl: "12x" is not a whole number',
    ]);
    expect(result.out).toEqual([expect.stringMatching(/morpc-qcew-2020-a-39047\.csv: 198 rows, area 39047/)]);
    const after = await counts();
    expect(after.imports).toBe(before.imports + 1);
    expect(after.rows.find((r) => r.area === "39049")).toEqual(before.rows.find((r) => r.area === "39049"));
  });

  it("says what is wrong with its arguments", async () => {
    expect(await run("import-qcew")).toMatchObject({
      code: 2,
      err: [expect.stringMatching(/name at least one/)],
    });
    expect(await run("import-qcew", join(folder, "missing.csv"))).toMatchObject({
      code: 2,
      err: [expect.stringMatching(/missing\.csv does not exist/)],
    });
    const empty = mkdtempSync(join(folder, "empty-"));
    expect(await run("import-qcew", empty)).toMatchObject({
      code: 2,
      err: [expect.stringMatching(/No \.csv files/)],
    });
  });
});
