import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's folder (the one with package.json), found by walking up from this module. Files
 * the app reads beside its code (migrations, shipped reference data, the built web app) are named
 * from here, so that they resolve alike from the sources (tsx) and from the one-file server build
 * in dist/server, which sits at another depth.
 */
export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** A path inside the project, e.g. `projectPath("src", "db", "migrations")`. */
export function projectPath(...parts: string[]): string {
  return join(projectRoot, ...parts);
}
