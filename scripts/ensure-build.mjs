/**
 * `npm start`'s first step: builds the web app and the one-file server when they are missing or
 * older than their sources (the first start, or after a change). Plain JavaScript run by node:
 * on a start with nothing to build (nearly every start) it costs a few file dates, not the
 * 0.4 s of loading a TypeScript compiler; tsx is loaded only to build the server.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import process, { execPath } from "node:process";

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

const web = "dist/web/index.html";
if (builtAt(web) < Math.max(newest("src/web"), newest("src/core"), statSync("src/web/index.html").mtimeMs)) {
  process.stdout.write("Building the web app (first start or changed sources)...\n");
  execFileSync(execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], {
    stdio: "inherit",
  });
}

// The same folders and file as scripts/build-server.ts and bin/shared-table.js.
const serverSources = ["src/cli", "src/core", "src/db", "src/demo", "src/server"];
if (builtAt("dist/server/shared-table.mjs") < Math.max(...serverSources.map(newest))) {
  process.stdout.write("Building the server (first start or changed sources)...\n");
  execFileSync(execPath, ["--import", "tsx", "scripts/build-server.ts"], { stdio: "inherit" });
}
