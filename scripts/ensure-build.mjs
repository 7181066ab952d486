/**
 * `npm start`'s build check: builds the web app and the one-file server when they are missing or
 * older than their sources (the first start, or after a change). Plain JavaScript run by node:
 * on a start with nothing to build (nearly every start) it costs a few file dates, not the
 * 0.4 s of loading a TypeScript compiler; tsx is loaded only to build the server.
 *
 * `node scripts/ensure-build.mjs` builds and exits; scripts/start.mjs imports `ensureBuilt` and
 * goes on in the same process, so a start pays for one node, not two.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import process, { execPath } from "node:process";
import { URL, fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const serverBuild = join(root, "dist/server/shared-table.mjs");

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const at = (path) => join(root, path);

export function ensureBuilt() {
  const web = at("dist/web/index.html");
  const webSources = Math.max(
    newest(at("src/web")),
    newest(at("src/core")),
    newest(at("locales")),
    statSync(at("src/web/index.html")).mtimeMs,
  );
  if (builtAt(web) < webSources) {
    process.stdout.write("Building the web app (first start or changed sources)...\n");
    execFileSync(execPath, [at("node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], {
      cwd: root,
      stdio: "inherit",
    });
  }

  // The same folders and file as scripts/build-server.ts and bin/shared-table.js.
  const serverSources = ["src/cli", "src/core", "src/db", "src/demo", "src/server", "locales"];
  if (builtAt(serverBuild) < Math.max(...serverSources.map((dir) => newest(at(dir))))) {
    process.stdout.write("Building the server (first start or changed sources)...\n");
    execFileSync(execPath, ["--import", "tsx", at("scripts/build-server.ts")], {
      cwd: root,
      stdio: "inherit",
    });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureBuilt();
