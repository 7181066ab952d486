/**
 * The QCEW importer alone in its own process, so that its peak memory is its own: the regional
 * economy bench (bench/qcew.ts) starts it and reads the one JSON line it prints.
 *
 *   tsx bench/qcew-import-child.ts postgres <url> <file>
 *   tsx bench/qcew-import-child.ts pglite <data dir> <file>
 *
 * Peak memory is the process's peak resident set size (getrusage's maxrss), which counts the
 * JavaScript heap, buffers off it and, on PGlite, the database engine running in the process.
 */
import { openDatabase } from "../src/db/open.js";
import { importQcewFile } from "../src/server/features/qcew/import.js";

export interface ImportChildResult {
  seconds: number;
  rows: number;
  /** Peak resident set size of the whole process, MB. */
  peakRssMb: number;
  /** Resident set size after opening the database, before the import, MB. */
  openRssMb: number;
}

async function main() {
  const [engine, target, file] = process.argv.slice(2);
  if (!file || (engine !== "postgres" && engine !== "pglite"))
    throw new Error("usage: qcew-import-child.ts postgres|pglite <url or data dir> <file>");
  const database = await openDatabase(engine === "postgres" ? { url: target } : { dataDir: target });
  try {
    const openRssMb = process.memoryUsage().rss / 2 ** 20;
    const started = performance.now();
    const report = await importQcewFile({ db: database.db, engine: database.engine }, file, { via: "cli" });
    const result: ImportChildResult = {
      seconds: (performance.now() - started) / 1000,
      rows: report.rows,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      openRssMb,
    };
    console.log(JSON.stringify(result));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
