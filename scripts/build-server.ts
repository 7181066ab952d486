/**
 * Builds the server into one file, dist/server/shared-table.mjs: loading one bundled module
 * takes a fraction of the time that compiling some 400 TypeScript modules on the fly with tsx
 * takes, and start-up is what a person waits for. Packages stay in node_modules (not bundled).
 * `bin/shared-table.js` runs this file while it is newer than every server source, and the
 * sources through tsx otherwise, so a stale build never runs.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
export const serverBuild = fromRoot("dist/server/shared-table.mjs");

export async function buildServer(): Promise<void> {
  await build({
    entryPoints: [fromRoot("src/cli/index.ts")],
    outfile: serverBuild,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
  });
}

// `npm run build` runs this file directly.
if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
