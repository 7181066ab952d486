import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openFileStore } from "../db/files.js";
import { DataDirectoryInUseError } from "../db/lock.js";
import { exportDatabase, importDatabase } from "../db/dump.js";
import { openDatabase, type Database } from "../db/open.js";
import { ensureReferenceData } from "../db/reference-data.js";
import { demoSignIns, loadDemoData } from "../demo/load.js";
import { readConfig } from "../server/config.js";
import { importReferenceFile, ReferenceImportError } from "../server/features/reference/import.js";
import { importQcewFile, QcewImportError } from "../server/features/qcew/import.js";
import { fetchQcew, qcewFetchRequest } from "../server/features/qcew/fetch.js";
import { startServer, type RunningServer } from "../server/main.js";
import { rerunWithHeap } from "./heap.js";

/** The heap ten times the national demo set needs while it is built (it peaks near 6 GB). */
const NATIONAL10_HEAP_MB = 8192;

const usage = `Usage: shared-table <command> [options]

Commands:
  serve                          start the web app and API
  migrate                        apply database migrations and load reference data, then exit
  seed-demo [--size S] [--seed N]  load the fictional demo data (S: demo, national, national10
                                 or a number; national10 is ten times national, for benchmarks)
  import-reference <file.csv>    import a Census NAICS code file or a CBSA delineation
  import-qcew <file or folder>...  import BLS QCEW CSV files (a folder: each *.csv in it);
                                 each file all or nothing, re-importing a period replaces it
  fetch-qcew --year Y --areas A,B [--quarter Q]  download BLS QCEW area files of a year (annual, or
                                 quarter 1-4) from QCEW_BASE_URL and import them, with US000
  export <file.json>             write the whole database to one JSON file
  import <file.json>             load such a file into an empty database

The database comes from DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite, default ./data).
`;

const command = z.enum([
  "serve",
  "migrate",
  "seed-demo",
  "import-reference",
  "import-qcew",
  "fetch-qcew",
  "export",
  "import",
  "help",
]);
const fileArgument = z.string({ error: "name the file" }).min(1, { error: "name the file" });
const qcewPaths = z
  .array(z.string().min(1))
  .min(1, { error: "name at least one QCEW CSV file or folder" })
  .superRefine((paths, ctx) => {
    for (const path of paths)
      if (!statSync(path, { throwIfNoEntry: false }))
        ctx.addIssue({ code: "custom", message: `${path} does not exist`, path: ["file"] });
  });
const seedOptions = z.object({
  size: z
    .union([z.enum(["demo", "national", "national10"]), z.coerce.number().int().min(1).max(10_000)])
    .default("demo"),
  seed: z.coerce.number().int().optional(),
});

export async function runCli(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      size: { type: "string" },
      seed: { type: "string" },
      year: { type: "string" },
      quarter: { type: "string" },
      areas: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const parsed = command.safeParse(positionals[0] ?? "help");
  if (!parsed.success || parsed.data === "help" || values.help) {
    (parsed.success ? console.log : console.error)(usage);
    return parsed.success ? 0 : 2;
  }
  try {
    switch (parsed.data) {
      case "serve":
        return await serve();
      case "migrate":
        return await withDatabase(async () => {
          console.log("Migrations applied; reference data loaded.");
        });
      case "seed-demo": {
        const options = seedOptions.parse(values);
        if (options.size === "national10") {
          const code = rerunWithHeap(NATIONAL10_HEAP_MB);
          if (code !== null) return code;
        }
        return await withDatabase(async (database) => {
          const result = await loadDemoData(database.db, options);
          console.log(
            result.partnerships === 0
              ? "Demo data is already loaded."
              : `Loaded ${result.partnerships} partnerships, ${result.organizations} organizations, ${result.people} people.`,
          );
        });
      }
      case "import-reference": {
        const file = fileArgument.parse(positionals[1]);
        return await withDatabase(async (database) => {
          const report = await importReferenceFile(database.db, readFileSync(file, "utf8"));
          console.log(
            `Imported ${report.applied} ${report.kind === "naics" ? "NAICS codes" : "CBSA county rows"} from ${file}.`,
          );
        });
      }
      case "import-qcew": {
        const files = qcewFiles(qcewPaths.parse(positionals.slice(1)));
        if (!files.length) {
          console.error("No .csv files there: name QCEW CSV files or a folder holding them.");
          return 2;
        }
        let refused = 0;
        await withDatabase(
          async (database) => {
            for (const file of files) {
              try {
                const r = await importQcewFile(database, file, { via: "cli" });
                const period = r.quarter === 0 ? `${r.year} annual` : `${r.year} Q${r.quarter}`;
                const areas = r.areas.length === 1 ? `area ${r.areas[0]}` : `${r.areas.length} areas`;
                console.log(
                  `${file}: ${r.rows.toLocaleString("en-US")} rows, ${areas}, ${period}, ${r.seconds.toFixed(1)} s`,
                );
              } catch (error) {
                if (!(error instanceof QcewImportError)) throw error;
                refused += 1;
                console.error(`${file}: ${error.message}.`);
                for (const r of error.badRows) console.error(`  line ${r.line}, ${r.column}: ${r.reason}`);
                if (error.moreBadRows) console.error(`  and ${error.moreBadRows} more`);
              }
            }
          },
          { streaming: true },
        );
        return refused ? 1 : 0;
      }
      case "fetch-qcew": {
        const request = qcewFetchRequest.parse({
          year: Number(values.year),
          quarter: values.quarter === undefined ? undefined : Number(values.quarter),
          areas: values.areas?.split(",").filter((a) => a.trim() !== "") ?? [],
        });
        const baseUrl = readConfig().qcewBaseUrl;
        if (!baseUrl) {
          console.error(
            "Fetching from the BLS is off (QCEW_BASE_URL=off): download the files and use import-qcew.",
          );
          return 1;
        }
        let failed = 0;
        await withDatabase(
          async (database) => {
            await fetchQcew(database, request, {
              baseUrl,
              via: "cli",
              onFile: (file) => {
                if (file.status !== "failed") return console.log(`${file.area}: ${file.message}`);
                failed += 1;
                console.error(`${file.area}: ${file.message}`);
                for (const r of file.badRows ?? [])
                  console.error(`  line ${r.line}, ${r.column}: ${r.reason}`);
                if (file.moreBadRows) console.error(`  and ${file.moreBadRows} more`);
              },
            });
          },
          { streaming: true },
        );
        return failed ? 1 : 0;
      }
      case "export": {
        const file = fileArgument.parse(positionals[1]);
        return await withDatabase(async (database) => {
          const dump = await exportDatabase(database.db, fileStoreOf(database));
          writeFileSync(file, JSON.stringify(dump));
          const rows = Object.values(dump.tables).reduce((n, t) => n + t.length, 0);
          console.log(`Exported ${rows} rows of ${Object.keys(dump.tables).length} tables to ${file}.`);
        });
      }
      case "import": {
        const file = fileArgument.parse(positionals[1]);
        return await withDatabase(async (database) => {
          const counts = await importDatabase(database.db, JSON.parse(readFileSync(file, "utf8")) as unknown);
          const rows = Object.values(counts).reduce((n, c) => n + c, 0);
          console.log(`Imported ${rows} rows from ${file}.`);
        });
      }
    }
  } catch (error) {
    return reportError(error);
  }
}

/** The files named, a folder standing for the *.csv files in it, in name order. */
function qcewFiles(paths: string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.toLowerCase().endsWith(".csv"))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );
}

function reportError(error: unknown): number {
  if (error instanceof ReferenceImportError) {
    console.error(`Nothing was imported: ${error.message}.`);
    for (const r of error.rejected) console.error(`  row ${r.row}, column ${r.column}: ${r.reason}`);
    return 1;
  }
  if (error instanceof z.ZodError) {
    for (const issue of error.issues)
      console.error(`${issue.path.join(".") || "argument"}: ${issue.message}`);
    return 2;
  }
  if (error instanceof DataDirectoryInUseError || error instanceof Error) {
    console.error(error.message);
    return 1;
  }
  throw error;
}

function fileStoreOf(database: Database) {
  const config = readConfig();
  return openFileStore({ storage: config.FILE_STORAGE, engine: database.engine, dataDir: config.DATA_DIR });
}

/** Streaming a file through once needs no large buffer cache (see OpenOptions.sharedBuffersMb). */
const STREAMING_BUFFERS_MB = 32;

async function withDatabase(
  work: (database: Database) => Promise<void>,
  options: { streaming?: boolean } = {},
): Promise<number> {
  const config = readConfig();
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    sharedBuffersMb: options.streaming ? STREAMING_BUFFERS_MB : undefined,
  });
  try {
    await ensureReferenceData(database.db);
    await work(database);
    return 0;
  } finally {
    await database.close();
  }
}

async function serve(): Promise<number> {
  const config = readConfig();
  const server = await startServer(config, { loadDemoData });
  printWelcome(server, config.DEMO_DATA !== "false");
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      server.app.log.info({ signal }, "shutting down");
      void server.stop().then(resolve, (error: unknown) => {
        console.error(error);
        resolve();
      });
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
  return 0;
}

function printWelcome(server: RunningServer, showDemo: boolean) {
  const lines = [`Shared Table is running at ${server.url} (database: ${server.database.engine})`];
  if (showDemo) {
    lines.push("Demo sign-ins (fictional data):");
    for (const s of demoSignIns) lines.push(`  ${s.role.padEnd(22)} ${s.email}  password: ${s.password}`);
  }
  console.log(lines.join("\n"));
}
