/** Fails when the committed migrations or openapi.json no longer match the code. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { generateOpenApi } from "./openapi.js";

let failed = false;
const openapi = await generateOpenApi();
if (readFileSync("openapi.json", "utf8") !== openapi) {
  console.error("openapi.json is out of date: run `npm run openapi` and commit it.");
  failed = true;
}
const output = execFileSync(process.execPath, ["node_modules/drizzle-kit/bin.cjs", "generate"], {
  encoding: "utf8",
});
const status = execFileSync("git", ["status", "--porcelain", "src/db/migrations"], { encoding: "utf8" });
if (status.trim() !== "" || !/No schema changes/i.test(output)) {
  console.error("The database schema changed without a committed migration: run `npm run db:generate`.");
  console.error(status || output);
  failed = true;
}
if (failed) process.exit(1);
console.log("Generated files are up to date (openapi.json, migrations).");
