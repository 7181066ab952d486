/**
 * Benchmark of the health panel on PostgreSQL: one partnership with 5 years of meetings (two a
 * month, 20-40 people each), its members joining and leaving and its action teams, among 300
 * other partnerships with two years of monthly meetings. The panel through the HTTP API (session,
 * rights, serialization) against the same hand-written statements run directly with `pg`.
 *
 *   npx tsx bench/health.ts            (BENCH_DATABASE_URL, default the local postgres)
 *
 * Exports `benchHealth(url)` for bench/run.ts.
 */
import pg from "pg";
import { PgDialect } from "drizzle-orm/pg-core";
import { openDatabase } from "../src/db/open.js";
import { ensureReferenceData } from "../src/db/reference-data.js";
import { buildApp } from "../src/server/app.js";
import {
  healthPanelQuery,
  yearSpanQuery,
  type YearSpan,
} from "../src/server/features/health/panel-service.js";
import { benchApp, signUpForBench } from "./app.js";
import { admin, fmt, freePort, printTable, type Row, withDatabase } from "./lib.js";

const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
const DB_NAME = "shared_table_bench_health";
const RUNS = 200;
export const healthTarget = 1.5;

/**
 * Median milliseconds of each of two calls, run alternately after a warm-up, so that a busy
 * machine slows both sides alike.
 */
async function timePair(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<[number, number]> {
  for (let i = 0; i < 20; i++) {
    await a();
    await b();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [k, call] of [a, b].entries()) {
      const start = performance.now();
      await call();
      times[k].push(performance.now() - start);
    }
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return [median(times[0]), median(times[1])];
}

/**
 * The history, written with set-returning SQL so 5 years load in seconds: organizations and
 * people, memberships joining over the years (a quarter of the business people leave), two
 * meetings a month with 20-40 of the members present, walk-in guests, and action teams.
 */
async function seedHistory(client: pg.Client, partnershipId: string, years: number, perMonth: number) {
  await client.query(
    `
    with orgs as (
      insert into organizations (partnership_id, name, kind)
      select $1, 'Org ' || g, (array['business','business','business','workforce_development','economic_development',
             'k12_education','postsecondary_education','community_organization'])[1 + g % 8]
        from generate_series(1, 40) g
      returning id, kind
    ), numbered as (select id, kind, row_number() over () as n from orgs),
    persons as (
      insert into people (name) select 'Person ' || g from generate_series(1, 120) g returning id
    ), pn as (select id, row_number() over () as n from persons)
    insert into memberships (partnership_id, person_id, organization_id, role, joined_at, left_at)
    select $1, pn.id, numbered.id,
           case when numbered.kind = 'business' then (case when pn.n % 10 = 0 then 'champion' else 'business_member' end)
                else 'support' end,
           now() - make_interval(days => ((pn.n * 37) % ($2::int * 365))::int),
           case when numbered.kind = 'business' and pn.n % 4 = 0 then now() - make_interval(days => ((pn.n * 11) % 300)::int) end
      from pn join numbered on numbered.n = 1 + (pn.n % 40)`,
    [partnershipId, years],
  );
  await client.query(
    `
    insert into meetings (partnership_id, kind, title, starts_at, time_zone)
    select $1, (array['full_partnership','action_team','launch','support_team'])[1 + (g % 4)], 'Meeting ' || g,
           now() - make_interval(days => g * (30 / $3::int)), 'America/Denver'
      from generate_series(1, $2::int * 12 * $3::int) g`,
    [partnershipId, years, perMonth],
  );
  await client.query(
    `
    insert into meeting_attendance (meeting_id, person_id, sector)
    select m.id, ms.person_id, case when o.kind = 'business' then 'business' else 'public' end
      from meetings m
      join memberships ms on ms.partnership_id = m.partnership_id
      join organizations o on o.id = ms.organization_id
     where m.partnership_id = $1
       and abs(hashtext(m.id::text || ms.person_id::text)) % 120 < 20 + abs(hashtext(m.id::text)) % 21`,
    [partnershipId],
  );
  await client.query(
    `insert into meeting_guests (meeting_id, name, organization, sector)
     select id, 'Guest', 'Walk-in Co', case when random() < 0.5 then 'business' else 'public' end
       from meetings where partnership_id = $1`,
    [partnershipId],
  );
  await client.query(
    `
    with pr as (insert into priorities (partnership_id, title) values ($1, 'Priority') returning id),
    teams as (
      insert into action_teams (partnership_id, priority_id, name, created_at)
      select $1, pr.id, 'Team ' || g, now() - make_interval(days => g * 150) from pr, generate_series(1, 12) g
      returning id
    ), tn as (select id, row_number() over () as n from teams),
    people_n as (select person_id, row_number() over (order by person_id) as n from memberships where partnership_id = $1)
    insert into action_team_members (team_id, person_id, role)
    select tn.id, people_n.person_id, case when people_n.n % 5 = 0 then 'champion' else 'member' end
      from tn join people_n on people_n.n % 12 = tn.n % 12`,
    [partnershipId],
  );
}

export interface HealthBenchResult {
  meetings: number;
  attendance: number;
  apiMs: number;
  sqlMs: number;
}

export async function benchHealth(baseUrl: string = BASE_URL): Promise<HealthBenchResult> {
  const url = withDatabase(baseUrl, DB_NAME);
  await admin(BASE_URL, `drop database if exists ${DB_NAME} with (force)`);
  await admin(BASE_URL, `create database ${DB_NAME}`);
  const database = await openDatabase({ url });
  const client = new pg.Client({ connectionString: url });
  let app: Awaited<ReturnType<typeof buildApp>> | undefined;
  try {
    await ensureReferenceData(database.db);
    ({ app } = await benchApp(database, url));
    const port = await freePort();
    await app.listen({ port, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${port}/api`;
    // Signed up the ordinary way (an e-mailed link); the session cookie then travels over HTTP.
    const { headers } = await signUpForBench(app, database.db, "Bench Convener");
    const { cookie } = headers;
    const create = async (name: string) => {
      const res = await fetch(`${base}/partnerships`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ name, naics: ["31-33"], counties: ["08069"], setting: "mixed" }),
      });
      if (!res.ok) throw new Error(`create failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    };
    await client.connect();
    const id = await create("Bench Manufacturing Partnership");
    await seedHistory(client, id, 5, 2);
    // Other partnerships' history, so the indexes are tested against a table that is not all ours.
    for (let i = 0; i < 300; i++) await seedHistory(client, await create(`Neighbor Partnership ${i}`), 2, 1);
    await client.query("analyze");
    const [{ meetings, attendance }] = (
      await client.query<{ meetings: number; attendance: number }>(
        `select (select count(*) from meetings where partnership_id = $1)::int as meetings,
                (select count(*) from meeting_attendance a join meetings m on m.id = a.meeting_id
                  where m.partnership_id = $1)::int as attendance`,
        [id],
      )
    ).rows;

    const apiUrl = `${base}/partnerships/${id}/health`;
    const api = async () => {
      const response = await fetch(apiUrl, { headers: { cookie } });
      if (!response.ok) throw new Error(`health answered ${response.status}`);
      return (await response.json()) as { years: { year: number; meetings: number }[] };
    };
    // The same two hand-written statements the service runs (the years, then the counts), sent
    // with `pg` as text and parameters.
    const dialect = new PgDialect();
    const now = new Date();
    const spanStatement = dialect.sqlToQuery(yearSpanQuery(id, now));
    const direct = async () => {
      const [span] = (await client.query<YearSpan>(spanStatement.sql, spanStatement.params)).rows;
      const statement = dialect.sqlToQuery(healthPanelQuery(id, now, span));
      return (await client.query<{ year: number; meetings: number }>(statement.sql, statement.params)).rows;
    };
    const fromApi = await api();
    const fromSql = await direct();
    const apiMeetings = fromApi.years.reduce((n, y) => n + y.meetings, 0);
    const sqlMeetings = fromSql.reduce((n, y) => n + y.meetings, 0);
    if (apiMeetings !== sqlMeetings || apiMeetings === 0) {
      throw new Error(`the API counted ${apiMeetings} meetings, the SQL ${sqlMeetings}`);
    }
    const [apiMs, sqlMs] = await timePair(RUNS, api, direct);
    return { meetings, attendance, apiMs, sqlMs };
  } finally {
    await app?.close();
    await client.end().catch(() => undefined);
    await database.close();
    // BENCH_KEEP=1 keeps the database to EXPLAIN the statement afterwards.
    if (!process.env.BENCH_KEEP) await admin(BASE_URL, `drop database if exists ${DB_NAME} with (force)`);
  }
}

export function healthRows(r: HealthBenchResult): Row[] {
  const ratio = r.apiMs / r.sqlMs;
  return [
    {
      metric: "health panel data (one partnership, 5 years)",
      measured: `${fmt(r.meetings)} meetings, ${fmt(r.attendance)} attendances`,
      target: "",
      verdict: "info",
    },
    {
      metric: "health panel: API / direct SQL",
      measured: `${fmt(r.apiMs, 2)} ms / ${fmt(r.sqlMs, 2)} ms = ${fmt(ratio, 2)}x`,
      target: `<= ${healthTarget}x`,
      verdict: ratio <= healthTarget ? "ok" : "MISSED",
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchHealth()
    .then((r) => {
      printTable(healthRows(r));
      process.exitCode = r.apiMs / r.sqlMs <= healthTarget ? 0 : 1;
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
