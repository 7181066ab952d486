/**
 * Retakes the README's screenshot of the public directory: `npx tsx scripts/screenshot-readme.ts`
 * after `npx vite build` (needs Chromium). It serves the built app with fresh demo data in a
 * temporary directory, so the picture never shows anyone's own data.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { findChromium } from "./find-chromium.js";

const executablePath = findChromium();
if (!executablePath) throw new Error("No Chromium found: set CHROMIUM_PATH or install chromium.");
const port = 3555 + Math.floor(Math.random() * 400);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), "shared-table-shot-"));
const server = spawn(process.execPath, ["bin/shared-table.js", "serve"], {
  env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: "" },
  stdio: "ignore",
});
try {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const up = await fetch(`${base}/partnerships`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`The server did not answer on ${base}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1250 } });
    await page.goto(`${base}/partnerships`);
    await page
      .getByRole("button", { name: /^Colorado: \d+ partnerships?/ })
      .first()
      .waitFor({ timeout: 60_000 });
    await page.getByRole("heading", { name: "Partnerships", exact: true }).waitFor();
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: "docs/directory.png" });
    console.log("docs/directory.png written");
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
  rmSync(dataDir, { recursive: true, force: true });
}
