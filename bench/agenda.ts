/**
 * Benchmark: the shared action plan of one partnership with 20 priorities and 400 actions, on
 * PostgreSQL beside the national data set, through the API (app.inject, and over HTTP for
 * information) against the best hand-written SQL for the same data run directly with `pg`.
 * Target: the API takes at most 1.5 times as long.
 *
 *   npx tsx bench/agenda.ts
 *   BENCH_DATABASE_URL=postgres://...   the server (a database shared_table_bench_agenda is
 *                                       created there and dropped after)
 *   BENCH_AGENDA_SIZE=demo              a small data set around the partnership (default national)
 *   BENCH_AGENDA_ROUNDS=300             timed requests on each side
 */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { sql } from "drizzle-orm";
import { utcDate } from "../src/core/agenda.js";
import { openDatabase, type Db } from "../src/db/open.js";
import { ensureReferenceData } from "../src/db/reference-data.js";
import * as schema from "../src/db/schema/index.js";
import { loadDemoData } from "../src/demo/load.js";
import { StampedCache } from "../src/server/lib/stamped-cache.js";
import { benchApp, signUpForBench } from "./app.js";
import { admin, fmt, freePort, printTable, type Row, withDatabase } from "./lib.js";

const BENCH_DB = "shared_table_bench_agenda";
export const agendaTarget = 1.5;

export interface AgendaBenchResult {
  loadSeconds: number;
  priorities: number;
  actions: number;
  rounds: number;
  sqlMs: { median: number; mean: number };
  apiMs: { median: number; mean: number };
  httpMs: { median: number; mean: number };
  ratio: number;
  bytes: number;
}

/**
 * The best single statement for the action plan: the whole nested document (priorities, teams
 * with champions and members, actions with owners and update counts, what is due in 60 days
 * and what is late) built by PostgreSQL as JSON in one round trip.
 */
export const actionPlanSql = `
with a as (
  select a.id, a.team_id, a.title, a.owner_id, o.name as owner_name, a.due_date, a.status, a.progress,
         a.result, a.version, a.created_at, a.updated_at, a.completed_at,
         (select count(*) from action_updates u where u.action_id = a.id) as update_count
  from actions a left join people o on o.id = a.owner_id
  where a.partnership_id = $1 and a.deleted_at is null
),
people_of as (
  select tm.team_id,
         json_agg(json_build_object('personId', p.id, 'name', p.name, 'organization', org.name, 'role', tm.role)
                  order by p.name) as people
  from action_team_members tm
  join action_teams t on t.id = tm.team_id
  join people p on p.id = tm.person_id
  left join memberships ms on ms.person_id = p.id and ms.partnership_id = t.partnership_id
  left join organizations org on org.id = ms.organization_id
  where t.partnership_id = $1 and tm.left_at is null
  group by tm.team_id
),
actions_of as (
  select team_id,
         json_agg(json_build_object('id', id, 'title', title, 'ownerId', owner_id, 'ownerName', owner_name,
                  'dueDate', due_date, 'status', status, 'progress', progress, 'result', result,
                  'version', version, 'createdAt', created_at, 'updatedAt', updated_at,
                  'completedAt', completed_at, 'updateCount', update_count,
                  'late', status <> 'done' and due_date < $2::date)
                  order by due_date asc nulls last, created_at) as actions
  from a group by team_id
),
teams_of as (
  select t.priority_id,
         json_agg(json_build_object('id', t.id, 'name', t.name, 'createdAt', t.created_at,
                  'people', coalesce(po.people, '[]'::json), 'actions', coalesce(ao.actions, '[]'::json))
                  order by t.created_at, t.name) as teams
  from action_teams t
  left join people_of po on po.team_id = t.id
  left join actions_of ao on ao.team_id = t.id
  where t.partnership_id = $1
  group by t.priority_id
),
open_actions as (
  select a.id, a.title, a.due_date, a.status, a.progress, a.owner_id, a.owner_name,
         t.id as team_id, t.name as team_name, pr.id as priority_id, pr.title as priority_title
  from a join action_teams t on t.id = a.team_id
  join priorities pr on pr.id = t.priority_id and pr.status = 'active'
  where a.status <> 'done' and a.due_date <= $2::date + 60
)
select json_build_object(
  'priorities', (
    select coalesce(json_agg(json_build_object('id', p.id, 'opportunityId', p.opportunity_id, 'title', p.title,
             'problem', p.problem, 'goal', p.goal, 'status', p.status, 'chosenAt', p.chosen_at,
             'version', p.version, 'teams', coalesce(tf.teams, '[]'::json))
             order by case p.status when 'active' then 0 when 'achieved' then 1 else 2 end,
                      p.chosen_at desc, p.title), '[]'::json)
    from priorities p left join teams_of tf on tf.priority_id = p.id
    where p.partnership_id = $1),
  'dueSoon', (select coalesce(json_agg(row_to_json(o) order by o.due_date, o.title), '[]'::json)
              from open_actions o where o.due_date >= $2::date),
  'late', (select coalesce(json_agg(row_to_json(o) order by o.due_date, o.title), '[]'::json)
           from open_actions o where o.due_date < $2::date)
) as plan`;

const dayMs = 86_400_000;

/** One partnership with 20 priorities, 20 teams and 400 actions with updates; its convener's id. */
async function seedPartnership(db: Db, today: string) {
  const partnershipId = randomUUID();
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  await db.insert(schema.partnerships).values({
    id: partnershipId,
    slug: `bench-action-plan-${partnershipId.slice(0, 8)}`,
    name: "Benchmark Action Plan Partnership",
    setting: "metro",
    stage: "act",
    launchDate: utcDate(new Date(todayMs - 700 * dayMs)),
  });
  await db.insert(schema.partnershipNaics).values({ partnershipId, code: "31-33", position: 0 });
  const orgs = Array.from({ length: 24 }, (_, i) => ({
    id: randomUUID(),
    partnershipId,
    name: i < 18 ? `Bench Manufacturer ${i + 1}` : `Bench College ${i - 17}`,
    kind: i < 18 ? ("business" as const) : ("postsecondary_education" as const),
  }));
  await db.insert(schema.organizations).values(orgs);
  const people = Array.from({ length: 48 }, (_, i) => ({
    id: randomUUID(),
    name: `Bench Person ${String(i + 1).padStart(2, "0")}`,
  }));
  await db.insert(schema.people).values(people);
  await db.insert(schema.memberships).values(
    people.map((p, i) => ({
      partnershipId,
      personId: p.id,
      organizationId: orgs[i % orgs.length].id,
      role:
        i % orgs.length >= 18
          ? ("support" as const)
          : i < 12
            ? ("champion" as const)
            : ("business_member" as const),
    })),
  );
  const priorityRows = Array.from({ length: 20 }, (_, i) => ({
    id: randomUUID(),
    partnershipId,
    title: `Priority ${String(i + 1).padStart(2, "0")}`,
    problem: "What business leaders named at the launch.",
    goal: "Measurable progress within a year.",
    status: i < 16 ? ("active" as const) : i < 18 ? ("achieved" as const) : ("retired" as const),
    chosenAt: new Date(todayMs - (600 - i * 10) * dayMs),
  }));
  await db.insert(schema.priorities).values(priorityRows);
  const teams = priorityRows.map((p, i) => ({
    id: randomUUID(),
    partnershipId,
    priorityId: p.id,
    name: `Team ${i + 1}`,
    createdAt: new Date(todayMs - (590 - i * 10) * dayMs),
  }));
  await db.insert(schema.actionTeams).values(teams);
  await db.insert(schema.actionTeamMembers).values(
    teams.flatMap((t, i) => [
      { teamId: t.id, personId: people[i % 12].id, role: "champion" as const },
      { teamId: t.id, personId: people[12 + (i % 6)].id, role: "member" as const },
      { teamId: t.id, personId: people[24 + (i % 12)].id, role: "member" as const },
      { teamId: t.id, personId: people[18 + (i % 6)].id, role: "support" as const },
    ]),
  );
  const statuses = ["planned", "in_progress", "done", "stuck"] as const;
  const actionRows = teams.flatMap((t, ti) =>
    Array.from({ length: 20 }, (_, ai) => {
      const status = statuses[(ti + ai) % 4];
      const due = ((ti * 20 + ai) % 160) - 60;
      return {
        id: randomUUID(),
        partnershipId,
        teamId: t.id,
        title: `Action ${ti + 1}.${ai + 1}`,
        ownerId: people[(ti + ai) % people.length].id,
        dueDate: ai === 19 ? null : utcDate(new Date(todayMs + due * dayMs)),
        status,
        progress: status === "done" ? 100 : status === "planned" ? 0 : 40,
        result: status === "done" ? "Done as planned." : "",
        createdAt: new Date(todayMs - 120 * dayMs),
        completedAt: status === "done" ? new Date(todayMs - 10 * dayMs) : null,
      };
    }),
  );
  await db.insert(schema.actions).values(actionRows);
  await db.insert(schema.actionUpdates).values(
    actionRows.flatMap((a, i) =>
      Array.from({ length: i % 3 }, (_, k) => ({
        actionId: a.id,
        note: `Update ${k + 1}`,
        authorId: a.ownerId,
      })),
    ),
  );
  return {
    partnershipId,
    convenerCandidates: people,
    priorities: priorityRows.length,
    actions: actionRows.length,
  };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, mean: samples.reduce((s, v) => s + v, 0) / samples.length };
}

async function time(rounds: number, run: () => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function benchAgenda(
  baseUrl: string,
  options: { size?: "national" | "demo"; rounds?: number } = {},
): Promise<AgendaBenchResult> {
  const size = options.size ?? "national";
  const rounds = options.rounds ?? 300;
  const url = withDatabase(baseUrl, BENCH_DB);
  console.log(`Creating database ${BENCH_DB} ...`);
  await admin(baseUrl, `drop database if exists ${BENCH_DB} with (force)`);
  await admin(baseUrl, `create database ${BENCH_DB}`);
  const database = await openDatabase({ url });
  const client = new pg.Client({ connectionString: url });
  try {
    await ensureReferenceData(database.db);
    console.log(`Loading the ${size} data set ...`);
    const started = performance.now();
    await loadDemoData(database.db, { size });
    const loadSeconds = (performance.now() - started) / 1000;
    const today = utcDate(new Date());
    const seeded = await seedPartnership(database.db, today);
    await database.db.execute(sql`analyze`);
    console.log(
      `  loaded in ${fmt(loadSeconds, 1)} s; benchmark partnership: ${seeded.priorities} priorities, ${seeded.actions} actions`,
    );

    const { app, deps } = await benchApp(database, url);
    // The plan's own statement is measured: the rows a server keeps (lib/stamped-cache.ts) are
    // read again after every change to the plan, and that read is the one people wait for.
    deps.stamped = new StampedCache(0);
    try {
      // A convener with a session, signed up the ordinary way.
      const { headers, personId } = await signUpForBench(app, database.db, "Bench Convener");
      await database.db
        .insert(schema.memberships)
        .values({ partnershipId: seeded.partnershipId, personId, role: "convener" });
      const path = `/api/partnerships/${seeded.partnershipId}/action-plan`;

      await client.connect();
      const probe = await app.inject({ method: "GET", url: path, headers });
      if (probe.statusCode !== 200)
        throw new Error(`GET ${path} answered ${probe.statusCode}: ${probe.body}`);
      const plan = probe.json<{
        priorities: { teams: { actions: unknown[] }[] }[];
        dueSoon: unknown[];
        late: unknown[];
      }>();
      const apiActions = plan.priorities.reduce(
        (n, p) => n + p.teams.reduce((m, t) => m + t.actions.length, 0),
        0,
      );
      const direct = await client.query<{ plan: typeof plan }>(actionPlanSql, [seeded.partnershipId, today]);
      const sqlPlan = direct.rows[0].plan;
      const sqlActions = sqlPlan.priorities.reduce(
        (n, p) => n + p.teams.reduce((m, t) => m + t.actions.length, 0),
        0,
      );
      if (
        apiActions !== sqlActions ||
        plan.late.length !== sqlPlan.late.length ||
        plan.dueSoon.length !== sqlPlan.dueSoon.length
      ) {
        throw new Error(
          `the API and the SQL disagree: ${apiActions}/${sqlActions} actions, ${plan.late.length}/${sqlPlan.late.length} late, ` +
            `${plan.dueSoon.length}/${sqlPlan.dueSoon.length} due soon`,
        );
      }
      console.log(
        `  ${apiActions} actions, ${plan.dueSoon.length} due in 60 days, ${plan.late.length} late; ${fmt(probe.body.length / 1024)} KB of JSON`,
      );

      const runSql = async () => {
        await client.query(actionPlanSql, [seeded.partnershipId, today]);
      };
      const runApi = async () => {
        const res = await app.inject({ method: "GET", url: path, headers });
        if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode}`);
      };
      console.log("Warming up ...");
      await time(30, runSql);
      await time(30, runApi);
      console.log(`Measuring (${rounds} requests each, interleaved) ...`);
      // Interleaved in blocks, so a slow moment of the machine falls on both sides alike.
      const sqlSamples: number[] = [];
      const apiSamples: number[] = [];
      for (let block = 0; block < 10; block++) {
        sqlSamples.push(...(await time(Math.ceil(rounds / 10), runSql)));
        apiSamples.push(...(await time(Math.ceil(rounds / 10), runApi)));
      }
      // Over HTTP as well, for information: the same app listening on loopback.
      const port = await freePort();
      await app.listen({ port, host: "127.0.0.1" });
      const httpSamples = await time(Math.ceil(rounds / 3), async () => {
        const res = await fetch(`http://127.0.0.1:${port}${path}`, { headers });
        await res.arrayBuffer();
      });
      const sqlMs = stats(sqlSamples);
      const apiMs = stats(apiSamples);
      const httpMs = stats(httpSamples);
      return {
        loadSeconds,
        priorities: seeded.priorities,
        actions: seeded.actions,
        rounds,
        sqlMs,
        apiMs,
        httpMs,
        ratio: apiMs.median / sqlMs.median,
        bytes: probe.body.length,
      };
    } finally {
      await app.close();
    }
  } finally {
    await client.end().catch(() => undefined);
    await database.close();
    await admin(baseUrl, `drop database if exists ${BENCH_DB} with (force)`).catch((error: unknown) =>
      console.error(`Could not drop ${BENCH_DB}:`, error),
    );
  }
}

/** The summary rows, for bench/run.ts's table. */
export function agendaRows(r: AgendaBenchResult): Row[] {
  return [
    {
      metric: `action plan SQL (${r.priorities} priorities, ${r.actions} actions), median`,
      measured: `${fmt(r.sqlMs.median, 2)} ms`,
      target: "",
      verdict: "info",
    },
    {
      metric: "action plan API (inject), median",
      measured: `${fmt(r.apiMs.median, 2)} ms`,
      target: "",
      verdict: "info",
    },
    {
      metric: "action plan API (HTTP), median",
      measured: `${fmt(r.httpMs.median, 2)} ms`,
      target: "",
      verdict: "info",
    },
    {
      metric: "action plan API/SQL ratio",
      measured: r.ratio.toFixed(2),
      target: `<= ${agendaTarget}`,
      verdict: r.ratio <= agendaTarget ? "ok" : "MISSED",
    },
  ];
}

async function main(): Promise<number> {
  const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
  const size = process.env.BENCH_AGENDA_SIZE === "demo" ? "demo" : "national";
  const rounds = Math.min(Math.max(Number(process.env.BENCH_AGENDA_ROUNDS ?? 300) || 300, 20), 5000);
  console.log("\n== Action plan on PostgreSQL: API against the best SQL ==");
  const r = await benchAgenda(baseUrl, { size, rounds });
  console.log(
    `SQL median ${fmt(r.sqlMs.median, 2)} ms (mean ${fmt(r.sqlMs.mean, 2)}); ` +
      `API median ${fmt(r.apiMs.median, 2)} ms (mean ${fmt(r.apiMs.mean, 2)}); ` +
      `HTTP median ${fmt(r.httpMs.median, 2)} ms`,
  );
  console.log(`action plan API/SQL ratio: ${r.ratio.toFixed(2)} (target <= ${agendaTarget})`);
  printTable(agendaRows(r));
  return r.ratio <= agendaTarget ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
