import { z } from "zod";
import { readConfig } from "../server/config.js";
import { printWelcome, startServer } from "../server/main.js";
import { DataDirectoryInUseError } from "../db/lock.js";

const usage = `Usage: shared-table <command> [options]

Commands:
  serve                    start the web app and API (PORT, DATABASE_URL, DATA_DIR, ...)
  migrate                  apply database migrations and load reference data, then exit
  seed-demo [--size N]     load the fictional demo data set (N partnerships, default 14)
  import-reference <file>  import a Census NAICS code file or CBSA delineation (CSV)
  export <file.json>       write the whole database to one JSON file
  import <file.json>       load such a file into an empty database
`;

const commandSchema = z.enum([
  "serve",
  "migrate",
  "seed-demo",
  "import-reference",
  "export",
  "import",
  "help",
]);

export async function runCli(argv: string[]): Promise<number> {
  const parsed = commandSchema.safeParse(argv[0] ?? "help");
  if (!parsed.success || parsed.data === "help") {
    console.log(usage);
    return parsed.success ? 0 : 2;
  }
  try {
    switch (parsed.data) {
      case "serve":
        return await serve();
      default:
        console.error(`${parsed.data} is not available yet`);
        return 2;
    }
  } catch (error) {
    if (
      error instanceof DataDirectoryInUseError ||
      (error instanceof Error && error.message.startsWith("Invalid environment"))
    ) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function serve(): Promise<number> {
  const config = readConfig();
  const server = await startServer(config);
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
