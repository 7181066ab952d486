/**
 * `npm start`'s first step: builds the web app and the one-file server when they are missing or
 * older than their sources (the first start, or after a change).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildServer, serverBuild } from "./build-server.js";

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const builtAt = (file: string) => (existsSync(file) ? statSync(file).mtimeMs : 0);

const web = "dist/web/index.html";
if (builtAt(web) < Math.max(newest("src/web"), newest("src/core"), statSync("src/web/index.html").mtimeMs)) {
  console.log("Building the web app (first start or changed sources)...");
  execFileSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], {
    stdio: "inherit",
  });
}

const serverSources = ["src/cli", "src/core", "src/db", "src/demo", "src/server"];
if (builtAt(serverBuild) < Math.max(...serverSources.map(newest))) {
  console.log("Building the server (first start or changed sources)...");
  await buildServer();
}
