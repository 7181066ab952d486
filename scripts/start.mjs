/**
 * `npm start`: builds what is stale (scripts/ensure-build.mjs), then runs `shared-table serve`
 * from the fresh one-file build in this same process. Starting one node instead of two (a
 * build check, then bin/shared-table.js) saves a process start and a second walk of the sources.
 * Arguments after `npm start --` go to `serve`.
 */
import process from "node:process";
import { ensureBuilt, serverBuild } from "./ensure-build.mjs";

ensureBuilt();
process.argv.splice(2, 0, "serve");
await import(serverBuild);
