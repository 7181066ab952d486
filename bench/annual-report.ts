/**
 * Benchmark of the annual outcomes report (issue 14): a state with 100 partnerships, each with a
 * full table (40 organizations, 120 people), 5 priorities with 100 actions, every catalog
 * indicator tracked with values for two years, stories and a closed employer value check. Times
 * the JSON, PDF and Excel answers through the HTTP API as a state coordinator (rights, the access
 * log and serialization included), each against the 5 s target.
 *
 *   npx tsx bench/annual-report.ts       (BENCH_DATABASE_URL, default the local postgres)
 *
 * Exports `benchAnnualReport(url)` and `annualReportRows` for bench/run.ts.
 */
import pg from "pg";
import { openDatabase } from "../src/db/open.js";
import { ensureReferenceData } from "../src/db/reference-data.js";
import { ensureIndicatorCatalog } from "../src/server/features/impact/catalog.js";
import { benchApp, signUpForBench } from "./app.js";
import { admin, fmt, printTable, type Row, withDatabase } from "./lib.js";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const DB_NAME = "shared_table_bench_report";
const PARTNERSHIPS = 100;
const YEAR = 2025;
const RUNS = 3;
export const annualReportTargetMs = 5000;

/**
 * Everything in a few set-returning statements over all partnerships at once: a per-row loop
 * would take longer to seed than the report takes to build.
 */
async function seed(client: pg.Client): Promise<void> {
  await client.query(
    `with p as (
       insert into partnerships (slug, name, setting, stage)
       select 'bench-report-' || g, 'Bench Partnership ' || lpad(g::text, 3, '0'), 'metro',
              (array['civic_infrastructure','prepare','launch','act','sustain'])[1 + g % 5]
         from generate_series(1, $1::int) g
       returning id)
     insert into partnership_counties (partnership_id, fips, state_fips)
     select id, (array['08031','08005','08059','08001'])[1 + abs(hashtext(id::text)) % 4], '08' from p`,
    [PARTNERSHIPS],
  );
  await client.query(
    `insert into organizations (partnership_id, name, kind, created_at)
     select p.id, 'Org ' || g,
            (array['business','business','business','workforce_development','economic_development',
                   'k12_education','postsecondary_education','community_organization'])[1 + g % 8],
            '2023-01-01'
       from partnerships p, generate_series(1, 40) g`,
  );
  await client.query(
    `with o as (select id, partnership_id, kind, row_number() over (partition by partnership_id order by id) as n
                  from organizations),
     persons as (
       insert into people (name) select 'Person ' || g from generate_series(1, $1::int * 120) g returning id),
     pn as (select id, row_number() over (order by id) as n from persons),
     seats as (select p.id as partnership_id, row_number() over (order by p.id) as k, gs.g
                 from partnerships p, generate_series(1, 120) gs(g))
     insert into memberships (partnership_id, person_id, organization_id, role, joined_at, left_at)
     select s.partnership_id, pn.id, o.id,
            case when o.kind = 'business' then (case when s.g % 10 = 0 then 'champion' else 'business_member' end)
                 else 'support' end,
            timestamptz '2023-01-01' + make_interval(days => (s.g * 7) % 900),
            case when s.g % 6 = 0 then timestamptz '2025-06-01' end
       from seats s
       join pn on pn.n = s.k
       join o on o.partnership_id = s.partnership_id and o.n = 1 + s.g % 40`,
    [PARTNERSHIPS],
  );
  await client.query(
    `with pr as (
       insert into priorities (partnership_id, title, status, chosen_at)
       select p.id, 'Priority ' || g, (array['active','active','achieved','retired'])[1 + g % 4], '2024-02-01'
         from partnerships p, generate_series(1, 5) g
       returning id, partnership_id),
     teams as (
       insert into action_teams (partnership_id, priority_id, name)
       select partnership_id, id, 'Team ' || g from pr, generate_series(1, 2) g
       returning id, partnership_id)
     insert into actions (partnership_id, team_id, title, status, completed_at, result)
     select partnership_id, id, 'Action ' || g,
            case when g % 2 = 0 then 'done' else 'in_progress' end,
            case when g % 2 = 0 then timestamptz '2024-07-01' + make_interval(days => g * 30) end,
            case when g % 2 = 0 then 'Done: ' || g || ' people trained' else '' end
       from teams, generate_series(1, 10) g`,
  );
  await client.query(
    `insert into tracked_indicators (partnership_id, indicator_key)
     select p.id, i.key from partnerships p, indicators i where i.owner_partnership_id is null`,
  );
  await client.query(
    `insert into measurements (partnership_id, indicator_key, kind, period, value, visibility)
     select p.id, i.key, 'actual', y::text,
            case when i.unit = 'yes_no' then abs(hashtext(p.id::text || i.key || y)) % 2
                 else abs(hashtext(p.id::text || i.key || y)) % 1000 end,
            (array['partnership','community','public'])[1 + abs(hashtext(i.key)) % 3]
       from partnerships p, indicators i, generate_series($1::int - 1, $1::int) y
      where i.owner_partnership_id is null and i.key <> 'businesses_engaged'`,
    [YEAR],
  );
  await client.query(
    `insert into impact_stories (partnership_id, title, story_date, area, body, visibility)
     select p.id, 'Story ' || g, make_date($1::int, 1 + g, 10), 'community',
            'What **happened**: ' || repeat('a partnership story sentence. ', 20), 'partnership'
       from partnerships p, generate_series(1, 6) g`,
    [YEAR],
  );
  await client.query(
    `with c as (
       insert into employer_value_checks (partnership_id, year, status, closed_at)
       select id, $1::int, 'closed', make_date($1::int, 11, 1) from partnerships returning id, partnership_id),
     voters as (select m.partnership_id, m.person_id,
                       row_number() over (partition by m.partnership_id order by m.person_id) as n
                  from memberships m where m.role in ('champion', 'business_member'))
     insert into employer_value_answers (check_id, person_id, worth)
     select c.id, v.person_id, abs(hashtext(v.person_id::text)) % 11
       from c join voters v on v.partnership_id = c.partnership_id and v.n <= 8`,
    [YEAR],
  );
  await client.query("analyze");
}

export interface AnnualReportBenchResult {
  partnerships: number;
  measurements: number;
  jsonMs: number;
  pdfMs: number;
  xlsxMs: number;
  pdfBytes: number;
  xlsxBytes: number;
}

export async function benchAnnualReport(baseUrl: string = BASE_URL): Promise<AnnualReportBenchResult> {
  const url = withDatabase(baseUrl, DB_NAME);
  await admin(baseUrl, `drop database if exists ${DB_NAME} with (force)`);
  await admin(baseUrl, `create database ${DB_NAME}`);
  const database = await openDatabase({ url });
  const client = new pg.Client({ connectionString: url });
  let app: Awaited<ReturnType<typeof benchApp>>["app"] | undefined;
  try {
    await ensureReferenceData(database.db);
    await ensureIndicatorCatalog(database.db);
    ({ app } = await benchApp(database, url));
    await client.connect();
    await seed(client);
    // A state coordinator of Colorado: the report is logged for each partnership, as in use.
    const coordinator = await signUpForBench(app, database.db, "Bench Coordinator");
    await client.query(
      `insert into coordinator_scopes (user_id, kind, state_fips)
       select user_id, 'state', '08' from people where id = $1`,
      [coordinator.personId],
    );
    const [{ measurements }] = (
      await client.query<{ measurements: number }>("select count(*)::int as measurements from measurements")
    ).rows;

    const server = app;
    const time = async (path: string, check: (body: Buffer) => void) => {
      const times: number[] = [];
      let bytes = 0;
      // One warm-up (the first PDF loads pdfkit and its fonts), then the median of RUNS.
      for (let i = 0; i <= RUNS; i++) {
        const start = performance.now();
        const res = await server.inject({ method: "GET", url: path, headers: coordinator.headers });
        const elapsed = performance.now() - start;
        if (res.statusCode !== 200)
          throw new Error(`${path} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        check(res.rawPayload);
        bytes = res.rawPayload.length;
        if (i > 0) times.push(elapsed);
      }
      times.sort((a, b) => a - b);
      return { ms: times[Math.floor(times.length / 2)], bytes };
    };
    const query = `state=08&year=${YEAR}`;
    const json = await time(`/api/reports/annual?${query}`, (body) => {
      const report = JSON.parse(body.toString("utf8")) as { partnerships: unknown[] };
      if (report.partnerships.length !== PARTNERSHIPS) {
        throw new Error(`the report covers ${report.partnerships.length} partnerships, not ${PARTNERSHIPS}`);
      }
    });
    const pdf = await time(`/api/reports/annual.pdf?${query}`, (body) => {
      if (body.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("the PDF answer is not a PDF");
    });
    const xlsx = await time(`/api/reports/annual.xlsx?${query}`, (body) => {
      // An .xlsx file is a zip archive.
      if (body.subarray(0, 2).toString("latin1") !== "PK")
        throw new Error("the Excel answer is not a workbook");
    });
    return {
      partnerships: PARTNERSHIPS,
      measurements,
      jsonMs: json.ms,
      pdfMs: pdf.ms,
      xlsxMs: xlsx.ms,
      pdfBytes: pdf.bytes,
      xlsxBytes: xlsx.bytes,
    };
  } finally {
    await app?.close();
    await client.end().catch(() => undefined);
    await database.close();
    if (!process.env.BENCH_KEEP) await admin(baseUrl, `drop database if exists ${DB_NAME} with (force)`);
  }
}

export function annualReportRows(r: AnnualReportBenchResult): Row[] {
  const target = `< ${fmt(annualReportTargetMs / 1000)} s`;
  const verdict = (ms: number): Row["verdict"] => (ms < annualReportTargetMs ? "ok" : "MISSED");
  return [
    {
      metric: "annual report data (one state)",
      measured: `${fmt(r.partnerships)} partnerships, ${fmt(r.measurements)} values`,
      target: "",
      verdict: "info",
    },
    { metric: "annual report: JSON", measured: `${fmt(r.jsonMs)} ms`, target, verdict: verdict(r.jsonMs) },
    {
      metric: "annual report: PDF",
      measured: `${fmt(r.pdfMs)} ms (${fmt(r.pdfBytes / 1024)} KB)`,
      target,
      verdict: verdict(r.pdfMs),
    },
    {
      metric: "annual report: Excel",
      measured: `${fmt(r.xlsxMs)} ms (${fmt(r.xlsxBytes / 1024)} KB)`,
      target,
      verdict: verdict(r.xlsxMs),
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchAnnualReport()
    .then((r) => {
      printTable(annualReportRows(r));
      process.exitCode = [r.jsonMs, r.pdfMs, r.xlsxMs].every((ms) => ms < annualReportTargetMs) ? 0 : 1;
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
