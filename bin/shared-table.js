#!/usr/bin/env node
// The installed command. Runs the one-file server build (dist/server, written by `npm start`)
// while it is newer than every server source: it loads several times faster. Otherwise it
// compiles the TypeScript sources on the fly with tsx, so a stale build never runs.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const build = join(root, "dist/server/shared-table.mjs");
// Every folder the server is built from (src/web is the browser's, built apart; locales holds
// the catalogs both bundle).
const serverSources = ["src/cli", "src/core", "src/db", "src/demo", "src/server", "locales"];

function newestBelow(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestBelow(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIsFresh() {
  if (process.env.SHARED_TABLE_FROM_SOURCES === "1" || !existsSync(build)) return false;
  const built = statSync(build).mtimeMs;
  return serverSources.every((dir) => !existsSync(join(root, dir)) || newestBelow(join(root, dir)) < built);
}

if (buildIsFresh()) {
  await import(build);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/index.ts");
}
