/**
 * Benchmark 3: gzip size of the JavaScript a browser loads first: the module scripts and
 * modulepreload links of dist/web/index.html.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export interface BundleResult {
  files: { file: string; raw: number; gzip: number }[];
  gzipBytes: number;
  rawBytes: number;
}

const root = fileURLToPath(new URL("..", import.meta.url));
const webDir = join(root, "dist/web");
const indexHtml = join(webDir, "index.html");

/** The JavaScript files index.html makes the browser fetch before the app can run. */
export function initialScripts(html: string): string[] {
  const urls = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\ssrc=["']([^"']+)["']/i.exec(tag)?.[1];
    if (src) urls.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\srel=["']?modulepreload["']?/i.test(tag)) continue;
    const href = /\shref=["']([^"']+)["']/i.exec(tag)?.[1];
    if (href) urls.add(href);
  }
  return [...urls].filter((u) => !/^(https?:)?\/\//.test(u));
}

/** Builds the web app when there is no build yet; false when it cannot be built (yet). */
function ensureBuild(): boolean {
  if (existsSync(indexHtml)) return true;
  if (!existsSync(join(root, "src/web/index.html"))) return false;
  console.log("dist/web is missing: building the web app with vite ...");
  try {
    execFileSync(
      process.execPath,
      [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"],
      {
        cwd: root,
        stdio: "inherit",
        timeout: 300_000,
      },
    );
  } catch (error) {
    console.log(
      `  the web build failed: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
    );
    return false;
  }
  return existsSync(indexHtml);
}

export function benchBundle(): BundleResult | null {
  if (!ensureBuild()) return null;
  const files = initialScripts(readFileSync(indexHtml, "utf8")).map((url) => {
    const content = readFileSync(join(webDir, url.replace(/^\//, "").split("?")[0]));
    return { file: url, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
  });
  return {
    files,
    rawBytes: files.reduce((sum, f) => sum + f.raw, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzip, 0),
  };
}
