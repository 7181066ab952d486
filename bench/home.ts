/**
 * Benchmark: the signed-in home page ("what is due", new replies, next events) of a person who
 * sits at 8 partnerships of the national set, owns 20 actions due soon or late, has open votes,
 * open self-assessments and meetings ahead, and follows 10 busy threads. The API (app.inject)
 * against the best hand-written SQL for the same answer: one statement that builds the whole
 * answer as JSON. Target: the API takes at most 1.5 times as long.
 *
 *   npx tsx bench/home.ts
 *   BENCH_DATABASE_URL=postgres://...   the server (a database shared_table_bench_home is created
 *                                       there and dropped after)
 */
import { pathToFileURL } from "node:url";
import pg from "pg";
import { sql } from "drizzle-orm";
import { addDays, utcDate } from "../src/core/agenda.js";
import { DUE_WINDOW_DAYS, type MeHome } from "../src/core/home.js";
import { openDatabase } from "../src/db/open.js";
import { queryRows } from "../src/db/query.js";
import { ensureReferenceData } from "../src/db/reference-data.js";
import { loadDemoData } from "../src/demo/load.js";
import { benchApp, signUpForBench } from "./app.js";
import { admin, fmt, printTable, timePair, type Row, withDatabase } from "./lib.js";

const BENCH_DB = "shared_table_bench_home";
export const homeTarget = 1.5;
const PARTNERSHIPS = 8;

export interface HomeBenchResult {
  due: number;
  replies: number;
  events: number;
  sqlMs: number;
  apiMs: number;
  ratio: number;
}

/**
 * The home page in one statement: the same four kinds of due item (with their rules: active
 * priorities, business voters, open rounds not yet answered, meetings in the window), followed
 * threads with new replies by others, and the next three events with places left and the
 * person's registration. $1 person, $2 user, $3 today + window, $4 now, $5 horizon.
 */
export const homeSql = `
with mine as (
  select m.partnership_id, m.role from memberships m
  join partnerships p on p.id = m.partnership_id and p.deleted_at is null
  where m.person_id = $1 and m.left_at is null
),
actions_due as (
  select a.id, a.title, a.due_date, a.status, a.progress, p.name, p.slug from actions a
  join action_teams t on t.id = a.team_id
  join priorities pr on pr.id = t.priority_id and pr.status = 'active'
  join mine on mine.partnership_id = a.partnership_id
  join partnerships p on p.id = a.partnership_id
  where a.owner_id = $1 and a.deleted_at is null and a.status <> 'done'
    and a.due_date is not null and a.due_date <= $3::date
  order by a.due_date, a.created_at, a.id limit 20
),
votes as (
  select r.id, r.title, r.method, r.created_at, p.name, p.slug from vote_rounds r
  join mine on mine.partnership_id = r.partnership_id and mine.role in ('champion', 'business_member')
  join partnerships p on p.id = r.partnership_id
  where r.status = 'open' and not exists (select 1 from ballots b where b.round_id = r.id and b.person_id = $1)
),
assessments as (
  select r.id, r.title, r.opened_at, p.name, p.slug from assessment_rounds r
  join mine on mine.partnership_id = r.partnership_id
  join partnerships p on p.id = r.partnership_id
  where r.status = 'open'
    and not exists (select 1 from assessment_responses x where x.round_id = r.id and x.person_id = $1)
),
meetings_ahead as (
  select mt.id, mt.title, mt.kind, mt.starts_at, mt.time_zone, p.name, p.slug from meetings mt
  join mine on mine.partnership_id = mt.partnership_id
  join partnerships p on p.id = mt.partnership_id
  where mt.deleted_at is null and not mt.cancelled
    and coalesce(mt.ends_at, mt.starts_at) >= $4::timestamptz and mt.starts_at <= $5::timestamptz
  order by mt.starts_at, mt.id limit 10
),
replies as (
  select t.id, t.title, count(*)::int as new_replies, max(r.created_at) as last_reply_at,
         (array_agg(u.name order by r.created_at desc, r.id desc))[1] as last_author
  from thread_follows f
  join discussion_threads t on t.id = f.thread_id and not t.hidden
  join discussion_replies r on r.thread_id = t.id and not r.hidden and r.author_id <> f.user_id
    and r.created_at > coalesce(f.last_read_at, f.created_at)
  join users u on u.id = r.author_id
  where f.user_id = $2
  group by t.id, t.title order by max(r.created_at) desc, t.id limit 5
),
next_events as (
  select e.id, e.slug, e.title, e.kind, e.starts_at, e.ends_at, e.time_zone, e.online, e.place,
         e.capacity - (select count(*) from event_registrations x where x.event_id = e.id and x.status = 'confirmed') as places_left,
         (select json_build_object('status', r.status, 'waitlistPosition',
            case when r.status = 'waitlisted' then (select count(*) from event_registrations w
              where w.event_id = r.event_id and w.status = 'waitlisted' and w.position <= r.position) end)
          from event_registrations r where r.event_id = e.id and r.user_id = $2) as my_registration
  from events e where e.ends_at > $4::timestamptz and not e.cancelled
  order by e.starts_at limit 3
)
select json_build_object(
  'actions', (select coalesce(json_agg(a), '[]') from actions_due a),
  'votes', (select coalesce(json_agg(v), '[]') from votes v),
  'assessments', (select coalesce(json_agg(s), '[]') from assessments s),
  'meetings', (select coalesce(json_agg(m), '[]') from meetings_ahead m),
  'newReplies', (select coalesce(json_agg(r), '[]') from replies r),
  'upcomingEvents', (select coalesce(json_agg(e), '[]') from next_events e)
) as home`;

interface HomeSqlAnswer {
  actions: unknown[];
  votes: unknown[];
  assessments: unknown[];
  meetings: unknown[];
  newReplies: unknown[];
  upcomingEvents: unknown[];
}

/** Makes the person's plate full: memberships, owned actions due, a vote, meetings, followed threads. */
async function fillPlate(db: Parameters<typeof queryRows>[0], personId: string, userId: string, now: Date) {
  const today = utcDate(now);
  const chosen = await queryRows<{ id: string; org: string }>(
    db,
    sql`select p.id, (select o.id from organizations o where o.partnership_id = p.id and o.kind = 'business'
          order by o.name limit 1) as org
        from partnerships p
        where p.deleted_at is null and p.stage in ('act', 'sustain')
          and exists (select 1 from actions a join action_teams t on t.id = a.team_id
            join priorities pr on pr.id = t.priority_id and pr.status = 'active'
            where a.partnership_id = p.id and a.status <> 'done')
        order by md5(p.slug) limit ${PARTNERSHIPS}`,
  );
  for (const p of chosen) {
    await db.execute(sql`insert into memberships (partnership_id, person_id, organization_id, role)
      values (${p.id}, ${personId}, ${p.org}, 'business_member')`);
  }
  const ids = chosen.map((c) => c.id);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  // 20 open actions of active priorities, owned by the person: some late, most due in the window.
  await db.execute(sql`
    with picked as (
      select a.id, row_number() over (order by a.id) as n from actions a
      join action_teams t on t.id = a.team_id
      join priorities pr on pr.id = t.priority_id and pr.status = 'active'
      where a.partnership_id in (${idList}) and a.status <> 'done' and a.deleted_at is null
      order by a.id limit 24
    )
    update actions a set owner_id = ${personId},
      due_date = ${today}::date + ((picked.n % ${DUE_WINDOW_DAYS + 6})::int - 5)
    from picked where picked.id = a.id`);
  await db.execute(sql`
    insert into vote_rounds (partnership_id, title, method, status)
    select id, 'Which priority next?', 'dots', 'open' from partnerships where id in (${idList}) limit 3`);
  await db.execute(sql`
    insert into meetings (partnership_id, kind, title, starts_at, time_zone)
    select p.id, 'full_partnership', 'Full partnership meeting', ${now.toISOString()}::timestamptz + (g * interval '2 days'),
      'America/Denver'
    from partnerships p, generate_series(1, 2) g where p.id in (${idList})`);
  // Ten of the busiest threads, followed from a month ago: their newer replies are new.
  await db.execute(sql`
    insert into thread_follows (thread_id, user_id, last_read_at)
    select t.id, ${userId}, ${new Date(now.getTime() - 30 * 86_400_000).toISOString()}::timestamptz
    from discussion_threads t where not t.hidden
    order by (select count(*) from discussion_replies r where r.thread_id = t.id) desc, t.id limit 10`);
  return addDays(today, DUE_WINDOW_DAYS);
}

/**
 * With `loaded`, measures on that database (a data set already loaded, as the ten-times run
 * does) and leaves it; otherwise creates a database with the national set and drops it after.
 */
export async function benchHome(
  baseUrl: string,
  options: { rounds?: number; loaded?: string } = {},
): Promise<HomeBenchResult> {
  const rounds = options.rounds ?? 300;
  const url = options.loaded ?? withDatabase(baseUrl, BENCH_DB);
  if (!options.loaded) {
    console.log(`Creating database ${BENCH_DB} ...`);
    await admin(baseUrl, `drop database if exists ${BENCH_DB} with (force)`);
    await admin(baseUrl, `create database ${BENCH_DB}`);
  }
  const database = await openDatabase({ url });
  const client = new pg.Client({ connectionString: url });
  try {
    if (!options.loaded) {
      await ensureReferenceData(database.db);
      console.log("Loading the national data set ...");
      await loadDemoData(database.db, { size: "national" });
    }
    const { app, deps } = await benchApp(database, url);
    try {
      const { headers, personId } = await signUpForBench(app, database.db, "Bench Business Member");
      const [{ user_id: userId }] = await queryRows<{ user_id: string }>(
        database.db,
        sql`select user_id from people where id = ${personId}`,
      );
      // One clock for both sides, so the windows agree.
      const now = new Date();
      deps.now = () => now;
      const windowEnd = await fillPlate(database.db, personId, userId, now);
      await database.db.execute(sql`analyze`);
      const horizon = new Date(now.getTime() + DUE_WINDOW_DAYS * 86_400_000);
      const params = [personId, userId, windowEnd, now.toISOString(), horizon.toISOString()];
      await client.connect();

      const probe = await app.inject({ method: "GET", url: "/api/me/home", headers });
      if (probe.statusCode !== 200)
        throw new Error(`GET /api/me/home answered ${probe.statusCode}: ${probe.body}`);
      const home = probe.json<MeHome>();
      const direct = (await client.query<{ home: HomeSqlAnswer }>(homeSql, params)).rows[0].home;
      const sqlDue =
        direct.actions.length + direct.votes.length + direct.assessments.length + direct.meetings.length;
      if (
        sqlDue !== home.due.length ||
        direct.newReplies.length !== home.newReplies.length ||
        direct.upcomingEvents.length !== home.upcomingEvents.length
      ) {
        throw new Error(
          `the API and the SQL disagree: ${home.due.length}/${sqlDue} due, ` +
            `${home.newReplies.length}/${direct.newReplies.length} threads, ` +
            `${home.upcomingEvents.length}/${direct.upcomingEvents.length} events`,
        );
      }
      if (home.due.length < 20 || home.newReplies.length === 0)
        throw new Error(
          `the plate is too light to measure: ${home.due.length} due, ${home.newReplies.length} threads`,
        );
      console.log(
        `  ${home.due.length} due (${direct.actions.length} actions, ${direct.votes.length} votes, ` +
          `${direct.assessments.length} assessments, ${direct.meetings.length} meetings), ` +
          `${home.newReplies.length} threads with new replies, ${home.upcomingEvents.length} events`,
      );
      const runSql = async () => {
        await client.query(homeSql, params);
      };
      const runApi = async () => {
        const res = await app.inject({ method: "GET", url: "/api/me/home", headers });
        if (res.statusCode !== 200) throw new Error(`GET /api/me/home: ${res.statusCode}`);
      };
      console.log(`Measuring (${rounds} requests each, interleaved) ...`);
      const [sqlMs, apiMs] = await timePair(rounds, runSql, runApi);
      return {
        due: home.due.length,
        replies: home.newReplies.length,
        events: home.upcomingEvents.length,
        sqlMs,
        apiMs,
        ratio: apiMs / sqlMs,
      };
    } finally {
      await app.close();
    }
  } finally {
    await client.end().catch(() => undefined);
    await database.close();
    if (!options.loaded)
      await admin(baseUrl, `drop database if exists ${BENCH_DB} with (force)`).catch((error: unknown) =>
        console.error(`Could not drop ${BENCH_DB}:`, error),
      );
  }
}

export function homeRows(r: HomeBenchResult): Row[] {
  return [
    {
      metric: `home "what is due" (${r.due} due, ${r.replies} threads, ${r.events} events): SQL, API medians`,
      measured: `${fmt(r.sqlMs, 2)} ms, ${fmt(r.apiMs, 2)} ms`,
      target: "",
      verdict: "info",
    },
    {
      metric: "home: API / SQL",
      measured: `${fmt(r.ratio, 2)}x`,
      target: `<= ${homeTarget}x`,
      verdict: r.ratio <= homeTarget ? "ok" : "MISSED",
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres:postgres@127.0.0.1:5432/postgres";
  benchHome(baseUrl).then(
    (r) => {
      printTable(homeRows(r));
      process.exit(r.ratio <= homeTarget ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
