/**
 * `npm test`: unit and API tests on PGlite; then the end-to-end tests in Chromium when one is
 * installed, with the API tests again on PostgreSQL beside them when TEST_DATABASE_URL is set.
 * Ends with the ten slowest tests, the run's length and one line "N passed, N failed".
 */
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildServer } from "./build-server.js";
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

/**
 * Runs one vitest run to its end. With `logTo`, its output goes to that file and is printed
 * when it ends, so that two runs side by side do not interleave their lines.
 */
async function vitest(label: string, args: string[], env: Record<string, string> = {}, logTo?: string) {
  if (!logTo) console.log(`\n=== ${label} ===`);
  const report = join(reports, `${label.replace(/\W+/g, "-")}.json`);
  const log = logTo ? openSync(logTo, "w") : undefined;
  const status = await new Promise<number | null>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        "node_modules/vitest/vitest.mjs",
        "run",
        ...args,
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${report}`,
      ],
      { stdio: log === undefined ? "inherit" : ["ignore", log, log], env: { ...process.env, ...env } },
    );
    child.on("exit", (code) => resolve(code));
  });
  if (log !== undefined && logTo) {
    closeSync(log);
    console.log(`\n=== ${label} ===`);
    process.stdout.write(readFileSync(logTo, "utf8"));
  }
  if (status !== 0) exitCode = 1;
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

/**
 * The web app, and the one-file server the end-to-end servers start from (see bin/). Vite runs
 * in a child process so that it can build while the PGlite tests run: it fills the moments when
 * one of their two workers waits (the template's set-up, the last long files).
 */
async function buildApp() {
  const status = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"], {
      stdio: "inherit",
    });
    child.on("exit", (code) => resolve(code));
  });
  if (status !== 0) throw new Error("the web app did not build");
  await buildServer();
}

const chromium = findChromium();
const postgres = !e2eOnly && !!process.env.TEST_DATABASE_URL;

// First the unit and API tests on PGlite, which keep both cores busy. Then the browser
// journeys, which spend much of their time waiting on pages, with the API tests on PostgreSQL
// beside them in one worker, printed when they end so that the lines do not interleave.
// (All three at once was tried: everything slowed down and the run took longer.)
const built = chromium ? buildApp() : Promise.resolve();
// An unawaited rejection would end the run before the PGlite tests do: it is awaited below.
built.catch(() => undefined);
if (!e2eOnly) await vitest("unit and API tests (PGlite)", []);
const onPostgres = async () => {
  if (!postgres) {
    if (!e2eOnly) console.log("\nTEST_DATABASE_URL is not set: the API tests ran on PGlite only.");
    return;
  }
  await vitest(
    "API tests (PostgreSQL)",
    ["src/server", "src/db", "src/cli", "--maxWorkers=1"],
    { TEST_ENGINE: "postgres" },
    join(reports, "postgres.log"),
  );
};
const endToEnd = async () => {
  if (!chromium) {
    console.log(
      "\nEnd-to-end tests SKIPPED: no Chromium or Chrome found. Install one (Debian/Ubuntu: " +
        "`sudo apt-get install chromium-headless-shell`, or chromium) or set CHROMIUM_PATH to its executable, then run `npm run test:e2e`.",
    );
    if (e2eOnly) exitCode = 1;
    return;
  }
  await built;
  await vitest("end-to-end tests (Chromium)", ["--config", "e2e/vitest.config.ts"], {
    CHROMIUM_PATH: chromium,
  });
};
await Promise.all([endToEnd(), onPostgres()]);

console.log("\nThe ten slowest tests:");
for (const t of timings.sort((a, b) => b.ms - a.ms).slice(0, 10)) {
  console.log(`  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.name}  (${t.label})`);
}
console.log(`The whole run took ${Math.round((Date.now() - started) / 1000)} s.`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode);
