/**
 * `npm test`: unit and API tests on PGlite; the API tests again on PostgreSQL when
 * TEST_DATABASE_URL is set; then the end-to-end tests in Chromium when one is installed.
 * Ends with one line "N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { findChromium } from "./find-chromium.js";

const e2eOnly = process.argv.includes("--e2e-only");
const reports = mkdtempSync(join(tmpdir(), "shared-table-tests-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const timings: { label: string; name: string; ms: number }[] = [];
const started = Date.now();

interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: { name: string; assertionResults: { fullName: string; duration?: number | null }[] }[];
}
let exitCode = 0;

function vitest(label: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n=== ${label} ===`);
  const report = join(reports, `${label.replace(/\W+/g, "-")}.json`);
  const result = spawnSync(
    process.execPath,
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      ...args,
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    { stdio: "inherit", env: { ...process.env, ...env } },
  );
  if (result.status !== 0) exitCode = 1;
  try {
    const json = JSON.parse(readFileSync(report, "utf8")) as VitestJsonReport;
    for (const file of json.testResults)
      for (const test of file.assertionResults)
        timings.push({
          label,
          name: `${relative(process.cwd(), file.name)} > ${test.fullName}`,
          ms: test.duration ?? 0,
        });
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests;
  } catch {
    exitCode = 1;
    console.error(`${label}: no test report was written`);
  }
}

function buildWeb() {
  const result = spawnSync(
    process.execPath,
    ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"],
    {
      stdio: "inherit",
    },
  );
  if (result.status !== 0) throw new Error("the web app did not build");
}

if (!e2eOnly) {
  vitest("unit and API tests (PGlite)", []);
  if (process.env.TEST_DATABASE_URL) {
    vitest("API tests (PostgreSQL)", ["src/server", "src/db"], { TEST_ENGINE: "postgres" });
  } else {
    console.log("\nTEST_DATABASE_URL is not set: the API tests ran on PGlite only.");
  }
}

const chromium = findChromium();
if (chromium) {
  buildWeb();
  vitest("end-to-end tests (Chromium)", ["--config", "e2e/vitest.config.ts"], { CHROMIUM_PATH: chromium });
} else {
  console.log(
    "\nEnd-to-end tests SKIPPED: no Chromium or Chrome found. Install one (Debian/Ubuntu: " +
      "`sudo apt-get install chromium`) or set CHROMIUM_PATH to its executable, then run `npm run test:e2e`.",
  );
  if (e2eOnly) exitCode = 1;
}

console.log("\nThe ten slowest tests:");
for (const t of timings.sort((a, b) => b.ms - a.ms).slice(0, 10)) {
  console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.name}  (${t.label})`);
}
console.log(`The whole run took ${Math.round((Date.now() - started) / 1000)} s.`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
