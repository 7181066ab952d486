/**
 * `npm run bench`: measures the directory API against a bare Fastify route, start-up time and
 * the initial web bundle, and prints each against its target. Ratios are measured within one
 * run, so a slow or busy machine slows both sides alike.
 *
 *   npm run bench                      all of them
 *   npm run bench -- directory bundle  some of them
 *   BENCH_DATABASE_URL=postgres://...  the PostgreSQL server to use (a database
 *                                      shared_table_bench is created there and dropped after)
 *   BENCH_SECONDS=10                   length of each load run
 *   BENCH_MIXED_SECONDS=60             length of each mixed-load run
 */
import { benchBundle } from "./bundle.js";
import { benchDirectory, type DirectoryResult } from "./directory.js";
import { fmt, printTable, type Row } from "./lib.js";
import { benchStartup } from "./startup.js";
import { benchHealth, healthRows } from "./health.js";
import { agendaRows, agendaTarget, benchAgenda } from "./agenda.js";
import { benchImpact } from "./impact.js";
import { benchResources, resourcesTarget } from "./resources.js";
import { benchDiscussions, discussionsRows, discussionsTarget } from "./discussions.js";
import { benchQcew, qcewBenchRows } from "./qcew.js";
import { annualReportRows, benchAnnualReport } from "./annual-report.js";
import { benchHome, homeRows, type HomeBenchResult } from "./home.js";
import { growthRows } from "./growth.js";
import { benchMixedPglite, benchMixedPostgres, mixedRows } from "./mixed.js";

const parts = [
  "directory",
  "startup",
  "bundle",
  "health",
  "agenda",
  "impact",
  "resources",
  "discussions",
  "qcew",
  "report",
  "home",
  "mixed",
  "national10",
] as const;
type Part = (typeof parts)[number];

const targets = {
  ratio: 0.25,
  p99Ms: 50,
  loadSeconds: 120,
  startupMs: 1500,
  bundleKb: 300,
};

function selectedParts(argv: readonly string[]): Part[] {
  const asked = argv.filter((a) => a !== "--");
  const unknown = asked.filter((a) => !(parts as readonly string[]).includes(a));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(", ")}; choose from ${parts.join(", ")}`);
  return asked.length === 0 ? [...parts] : parts.filter((p) => asked.includes(p));
}

const verdict = (ok: boolean): Row["verdict"] => (ok ? "ok" : "MISSED");

function heading(title: string): void {
  console.log(`\n== ${title} ==`);
}

async function main(): Promise<number> {
  const chosen = selectedParts(process.argv.slice(2));
  const seconds = Math.min(Math.max(Number(process.env.BENCH_SECONDS ?? 10) || 10, 1), 120);
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
  const rows: Row[] = [];
  let failed = false;
  /** Figures at the national scale, kept to show how they grow at ten times it. */
  const atOnce: { directory?: DirectoryResult; home?: HomeBenchResult } = {};

  if (chosen.includes("directory")) {
    heading("1. Directory API on PostgreSQL (national data set)");
    try {
      const r = await benchDirectory(databaseUrl, seconds);
      atOnce.directory = r;
      const ratio = r.directory.requests.average / r.bare.requests.average;
      const p99 = r.directory.latency.p99;
      const errors = r.directory.errors + r.directory.non2xx + r.directory.timeouts;
      console.log(`directory/bare ratio: ${ratio.toFixed(2)} (target >= ${targets.ratio})`);
      console.log(`directory p99 latency: ${fmt(p99)} ms (target < ${targets.p99Ms} ms)`);
      rows.push(
        {
          metric: "national data set load (PostgreSQL)",
          measured: `${fmt(r.loadSeconds, 1)} s`,
          target: `< ${targets.loadSeconds} s`,
          verdict: verdict(r.loadSeconds < targets.loadSeconds),
        },
        {
          metric: "bare Fastify route",
          measured: `${fmt(r.bare.requests.average)} req/s`,
          target: "",
          verdict: "info",
        },
        {
          metric: "app GET /api/health (select 1)",
          measured: `${fmt(r.health.requests.average)} req/s`,
          target: "",
          verdict: "info",
        },
        {
          metric: `directory (${r.states.join("/")}, 31-33)`,
          measured: `${fmt(r.directory.requests.average)} req/s`,
          target: "",
          verdict: errors === 0 ? "info" : "MISSED",
        },
        {
          metric: "directory, answer cache off: p99 at 50 connections",
          measured: `${fmt(r.uncached.latency.p99)} ms (${fmt(r.uncached.requests.average)} req/s)`,
          target: `<= ${targets.p99Ms} ms`,
          verdict: verdict(r.uncached.latency.p99 <= targets.p99Ms),
        },
        {
          metric: "directory search, answer cache off",
          measured: `${fmt(r.search.requests.average)} req/s, p99 ${fmt(r.search.latency.p99)} ms`,
          target: "",
          verdict: "info",
        },
        {
          metric: "directory/bare ratio",
          measured: ratio.toFixed(2),
          target: `>= ${targets.ratio}`,
          verdict: verdict(ratio >= targets.ratio),
        },
        {
          metric: "directory p99 latency",
          measured: `${fmt(p99)} ms`,
          target: `< ${targets.p99Ms} ms`,
          verdict: verdict(p99 < targets.p99Ms),
        },
      );
      if (errors > 0) console.log(`  warning: ${errors} failed directory requests`);
    } catch (error) {
      failed = true;
      console.error(
        `The directory benchmark could not run: ${error instanceof Error ? error.message : String(error)}`,
      );
      console.error(
        "Is PostgreSQL running? Set BENCH_DATABASE_URL to a server where a database may be created.",
      );
      rows.push({
        metric: "directory/bare ratio",
        measured: "-",
        target: `>= ${targets.ratio}`,
        verdict: "skipped",
      });
    }
  }

  if (chosen.includes("startup")) {
    heading("2. Start-up time (PGlite data directory)");
    try {
      const r = await benchStartup();
      console.log(
        `start-up: ${(r.serveMs / 1000).toFixed(2)} s (target <= ${targets.startupMs / 1000} s); ` +
          `${fmt(r.serveMs / r.nodeMs, 1)}x a bare node start (${fmt(r.nodeMs)} ms)`,
      );
      rows.push({
        metric: "start-up: `npm start` until /api/health is 200 (median of 3)",
        measured: `${(r.serveMs / 1000).toFixed(2)} s (${fmt(r.serveMs / r.nodeMs, 1)}x node -e)`,
        target: `<= ${targets.startupMs / 1000} s`,
        verdict: verdict(r.serveMs <= targets.startupMs),
      });
    } catch (error) {
      failed = true;
      console.error(
        `The start-up benchmark failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      rows.push({
        metric: "start-up",
        measured: "-",
        target: `<= ${targets.startupMs / 1000} s`,
        verdict: "skipped",
      });
    }
  }

  if (chosen.includes("health")) {
    heading("4. Health panel of a partnership with 5 years of meetings (PostgreSQL)");
    try {
      rows.push(...healthRows(await benchHealth(databaseUrl)));
    } catch (error) {
      failed = true;
      console.error(`The health benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  if (chosen.includes("agenda")) {
    heading("5. Action plan on PostgreSQL (20 priorities, 400 actions)");
    try {
      rows.push(...agendaRows(await benchAgenda(databaseUrl, { size: "national" })));
    } catch (error) {
      failed = true;
      console.error(`The action plan benchmark could not run: ${String(error)}`);
      rows.push({
        metric: "action plan API/SQL ratio",
        measured: "-",
        target: `<= ${agendaTarget}`,
        verdict: "skipped",
      });
    }
  }

  if (chosen.includes("impact")) {
    heading("6. Impact: a benchmark answer, the roll-up and a CSV import (PostgreSQL, national set)");
    try {
      rows.push(...(await benchImpact()));
    } catch (error) {
      failed = true;
      console.error(`The impact benchmark could not run: ${String(error)}`);
    }
  }

  if (chosen.includes("resources")) {
    heading("7. Resource search over 10,000 resources (PostgreSQL)");
    try {
      const { worst } = await benchResources(databaseUrl);
      rows.push({
        metric: "resource search: API / SQL, worst query",
        measured: `${fmt(worst, 2)}x`,
        target: `<= ${resourcesTarget}x`,
        verdict: verdict(worst <= resourcesTarget),
      });
    } catch (error) {
      failed = true;
      console.error(`The resource search benchmark could not run: ${String(error)}`);
    }
  }

  if (chosen.includes("discussions")) {
    heading("8. Discussion list over 2,000 threads and 50,000 replies (PostgreSQL)");
    try {
      const r = await benchDiscussions(databaseUrl);
      printTable(discussionsRows(r));
      rows.push({
        metric: "discussion list and thread pages: API / SQL, worst case",
        measured: `${fmt(r.worst, 2)}x`,
        target: `<= ${discussionsTarget}x`,
        verdict: verdict(r.worst <= discussionsTarget),
      });
    } catch (error) {
      failed = true;
      console.error(`The discussion list benchmark could not run: ${String(error)}`);
    }
  }

  if (chosen.includes("qcew")) {
    heading("9. Regional economy: a national QCEW file on PostgreSQL and PGlite, DuckDB beside it");
    try {
      const r = await benchQcew(databaseUrl);
      printTable(qcewBenchRows(r));
      rows.push(...qcewBenchRows(r));
    } catch (error) {
      failed = true;
      console.error(`The regional economy benchmark could not run: ${String(error)}`);
    }
  }

  if (chosen.includes("bundle")) {
    heading("3. Initial JavaScript of the web app");
    const r = benchBundle();
    if (!r) {
      console.log("No web build (dist/web/index.html) and none could be made: skipped.");
      rows.push({
        metric: "initial JS (gzip)",
        measured: "-",
        target: `<= ${targets.bundleKb} KB`,
        verdict: "skipped",
      });
    } else {
      for (const f of r.files)
        console.log(`  ${f.file}  ${fmt(f.raw / 1024, 1)} KB, gzip ${fmt(f.gzip / 1024, 1)} KB`);
      const kb = r.gzipBytes / 1024;
      console.log(
        `initial JS: ${fmt(kb, 1)} KB gzip (target <= ${targets.bundleKb} KB), ${fmt(r.rawBytes / 1024)} KB raw`,
      );
      rows.push({
        metric: `initial JS, ${r.files.length} files (gzip)`,
        measured: `${fmt(kb, 1)} KB`,
        target: `<= ${targets.bundleKb} KB`,
        verdict: verdict(kb <= targets.bundleKb),
      });
    }
  }

  if (chosen.includes("report")) {
    heading("10. Annual outcomes report of a state with 100 partnerships: JSON, PDF, Excel (PostgreSQL)");
    try {
      const r = annualReportRows(await benchAnnualReport(databaseUrl));
      printTable(r);
      rows.push(...r);
    } catch (error) {
      failed = true;
      console.error(`The annual report benchmark could not run: ${String(error)}`);
    }
  }

  if (chosen.includes("home")) {
    heading('11. The signed-in home page, "what is due", of a member of 8 partnerships (PostgreSQL)');
    try {
      const home = await benchHome(databaseUrl);
      atOnce.home = home;
      const r = homeRows(home);
      printTable(r);
      rows.push(...r);
    } catch (error) {
      failed = true;
      console.error(`The home page benchmark could not run: ${String(error)}`);
    }
  }

  if (chosen.includes("mixed")) {
    const mixedSeconds = Math.min(Math.max(Number(process.env.BENCH_MIXED_SECONDS ?? 60) || 60, 5), 600);
    heading("12. Mixed load: 50 people, 90% reads and 10% writes, on PGlite (national set) and PostgreSQL");
    for (const [engine, run] of [
      ["PGlite", () => benchMixedPglite(mixedSeconds)],
      ["PostgreSQL", () => benchMixedPostgres(databaseUrl, mixedSeconds)],
    ] as const) {
      try {
        const r = mixedRows(await run());
        printTable(r);
        rows.push(...r);
      } catch (error) {
        failed = true;
        console.error(`The mixed load on ${engine} could not run: ${String(error)}`);
      }
    }
  }

  if (chosen.includes("national10")) {
    heading("13. Ten times the national set (30,000 partnerships) on PostgreSQL: load, directory, home");
    try {
      let home: HomeBenchResult | undefined;
      const directory = await benchDirectory(databaseUrl, seconds, {
        size: "national10",
        alsoOn: async (url) => {
          home = await benchHome(databaseUrl, { loaded: url });
        },
      });
      const r = growthRows({ national: atOnce, national10: { directory, home } });
      printTable(r);
      rows.push(...r);
    } catch (error) {
      failed = true;
      console.error(`The ten-times benchmark could not run: ${String(error)}`);
    }
  }

  heading("Summary");
  printTable(rows);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    // Exit rather than wait for the event loop: a pool or timer left open by a library would
    // otherwise keep a finished run alive.
    process.exit(code);
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
