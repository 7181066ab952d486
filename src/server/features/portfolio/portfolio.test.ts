import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Rubric } from "../../../core/assessment.js";
import type { Scope } from "../../../core/coordinators.js";
import type { Portfolio, PortfolioItem } from "../../../core/portfolio.js";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";
import { portfolioCsv } from "./csv.js";

/*
 * The portfolio of a coordinator's scope, with exact figures: two Ohio partnerships built with
 * known meetings, attendance, teams, actions, values and assessments; a third Ohio one where the
 * coordinator sits at the table; one in Michigan that an Ohio coordinator never sees.
 */

type User = Awaited<ReturnType<typeof signUp>>;
let ctx: TestContext;
let admin: User;
let ohioConvener: User;
let michiganConvener: User;
let ohioCoordinator: User;
let regional: User;
let outsider: User;
let cleveland: { id: string; slug: string };
let columbus: { id: string; slug: string };
let toledo: { id: string; slug: string };
let detroit: { id: string; slug: string };
let regionScope: Scope;
let year: number;
let clevelandAssessedAt: string;

const DAY_MS = 86_400_000;

function call(who: User | null, url: string) {
  return ctx.app.inject({ method: "GET", url, headers: who ? { cookie: who.cookie } : {} });
}

async function portfolio(who: User, query = ""): Promise<Portfolio> {
  const res = await call(who, `/api/portfolio${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Portfolio>();
}

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await queryRows<T>(ctx.deps.db, query);
  return row;
}

/** A day relative to the test clock: negative is in the past. */
function daysFromNow(days: number): Date {
  return new Date(ctx.deps.now().getTime() + days * DAY_MS);
}
function dayString(days: number): string {
  return daysFromNow(days).toISOString().slice(0, 10);
}

async function person(name: string): Promise<string> {
  return (await one<{ id: string }>(sql`insert into people (name) values (${name}) returning id`)).id;
}

async function seat(partnershipId: string, name: string, role: string): Promise<string> {
  const id = await person(name);
  await ctx.deps.db.execute(
    sql`insert into memberships (partnership_id, person_id, role) values (${partnershipId}, ${id}, ${role})`,
  );
  return id;
}

interface MeetingSpec {
  kind: "full_partnership" | "launch" | "action_team" | "support_team";
  daysAgo: number;
  cancelled?: boolean;
  people?: { id: string; sector: "business" | "public" }[];
  guests?: ("business" | "public")[];
}

async function meeting(partnershipId: string, m: MeetingSpec) {
  // 15:00 UTC is the same day in New York, so the meeting's own day is the UTC one.
  const at = new Date(`${dayString(-m.daysAgo)}T15:00:00Z`);
  const { id } = await one<{ id: string }>(
    sql`insert into meetings (partnership_id, kind, title, starts_at, time_zone, cancelled)
        values (${partnershipId}, ${m.kind}, ${`Meeting ${m.daysAgo} days ago`}, ${at.toISOString()}::timestamptz,
                'America/New_York', ${m.cancelled ?? false})
        returning id`,
  );
  for (const p of m.people ?? []) {
    await ctx.deps.db.execute(
      sql`insert into meeting_attendance (meeting_id, person_id, sector) values (${id}, ${p.id}, ${p.sector})`,
    );
  }
  for (const [n, sector] of (m.guests ?? []).entries()) {
    await ctx.deps.db.execute(
      sql`insert into meeting_guests (meeting_id, name, sector) values (${id}, ${`Guest ${n}`}, ${sector})`,
    );
  }
}

async function team(partnershipId: string, priorityStatus: string, championId: string | null) {
  const priority = await one<{ id: string }>(
    sql`insert into priorities (partnership_id, title, status) values (${partnershipId}, 'A priority', ${priorityStatus})
        returning id`,
  );
  const made = await one<{ id: string }>(
    sql`insert into action_teams (partnership_id, priority_id, name) values (${partnershipId}, ${priority.id}, 'A team')
        returning id`,
  );
  if (championId) {
    await ctx.deps.db.execute(
      sql`insert into action_team_members (team_id, person_id, role) values (${made.id}, ${championId}, 'champion')`,
    );
  }
  return made.id;
}

async function action(
  partnershipId: string,
  teamId: string,
  dueInDays: number,
  status: string,
  deleted = false,
) {
  await ctx.deps.db.execute(
    sql`insert into actions (partnership_id, team_id, title, due_date, status, deleted_at)
        values (${partnershipId}, ${teamId}, 'An action', ${dayString(dueInDays)}::date, ${status},
                ${deleted ? ctx.deps.now().toISOString() : null}::timestamptz)`,
  );
}

async function value(partnershipId: string, indicator: string, period: string, kind = "actual") {
  await ctx.deps.db.execute(
    sql`insert into measurements (partnership_id, indicator_key, kind, period, value, visibility)
        values (${partnershipId}, ${indicator}, ${kind}, ${period}, 5, 'partnership')`,
  );
}

async function track(partnershipId: string, indicator: string) {
  await ctx.deps.db.execute(
    sql`insert into tracked_indicators (partnership_id, indicator_key) values (${partnershipId}, ${indicator})`,
  );
}

/** A closed round where every respondent answers every statement at `level`. */
async function closedRound(
  partnershipId: string,
  rubric: Rubric,
  level: number,
  respondents: number,
  daysAgo: number,
): Promise<string> {
  const closedAt = daysFromNow(-daysAgo).toISOString();
  const round = await one<{ id: string }>(
    sql`insert into assessment_rounds (partnership_id, rubric_version, title, status, opened_at, closed_at)
        values (${partnershipId}, ${rubric.version}, 'Round', 'closed', ${daysFromNow(-daysAgo - 7).toISOString()}::timestamptz,
                ${closedAt}::timestamptz)
        returning id`,
  );
  const answers = Object.fromEntries(
    rubric.characteristics.flatMap((c) => c.statements.map((s) => [s.key, level] as const)),
  );
  for (let n = 0; n < respondents; n += 1) {
    const id = await person(`Respondent ${n}`);
    await ctx.deps.db.execute(
      sql`insert into assessment_responses (round_id, person_id, sector, answers)
          values (${round.id}, ${id}, ${n % 2 ? "public" : "business"}, ${JSON.stringify(answers)}::jsonb)`,
    );
  }
  return closedAt;
}

async function logCount(partnershipId: string, userId: string): Promise<number> {
  return (
    await one<{ n: number }>(
      sql`select count(*)::int as n from coordinator_access_log
           where partnership_id = ${partnershipId} and user_id = ${userId}`,
    )
  ).n;
}

function pick(items: PortfolioItem[], id: string): PortfolioItem {
  const found = items.find((i) => i.id === id);
  if (!found) throw new Error(`partnership ${id} is not in the portfolio`);
  return found;
}

beforeAll(async () => {
  ctx = await createTestContext();
  year = ctx.deps.now().getUTCFullYear();
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  ohioConvener = await signUp(ctx, "Olive Ohio");
  michiganConvener = await signUp(ctx, "Mick Michigan");
  ohioCoordinator = await signUp(ctx, "Stella State");
  regional = await signUp(ctx, "Rene Regional");
  outsider = await signUp(ctx, "Otto Outsider");

  for (const body of [
    { email: ohioCoordinator.email, kind: "state", stateFips: "39" },
    { email: regional.email, kind: "region", name: "Cuyahoga", counties: ["39035"] },
  ]) {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/coordinators",
      headers: { cookie: admin.cookie },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(201);
    if (body.kind === "region") regionScope = res.json<Scope>();
  }

  cleveland = await createPartnership(ctx, ohioConvener.cookie, {
    name: "Cleveland Manufacturing Partnership",
    counties: ["39035"],
  });
  columbus = await createPartnership(ctx, ohioConvener.cookie, {
    name: "Columbus Health Partnership",
    counties: ["39049"],
    naics: ["622"],
  });
  // The Ohio coordinator convenes this one: reading it is no scope read.
  toledo = await createPartnership(ctx, ohioCoordinator.cookie, {
    name: "Toledo Logistics Partnership",
    counties: ["39095"],
    naics: ["48-49"],
  });
  detroit = await createPartnership(ctx, michiganConvener.cookie, {
    name: "Detroit Manufacturing Partnership",
    counties: ["26163"],
  });
  const rubricRes = await call(null, "/api/assessment/rubric");
  expect(rubricRes.statusCode, rubricRes.body).toBe(200);
  const rubric = rubricRes.json<Rubric>();
  const catalog = await queryRows<{ key: string }>(
    ctx.deps.db,
    sql`select key from indicators where owner_partnership_id is null and retired_at is null order by key limit 4`,
  );
  const [k1, k2, k3, k4] = catalog.map((c) => c.key);

  // Cleveland: 3 business (a champion, 2 business members) and 2 public (the convener, 1 support).
  const champion = await seat(cleveland.id, "Cara Champion", "champion");
  const b1 = await seat(cleveland.id, "Ben Business", "business_member");
  const b2 = await seat(cleveland.id, "Bea Business", "business_member");
  const s1 = await seat(cleveland.id, "Sam Support", "support");
  const gone = await seat(cleveland.id, "Gus Gone", "support");
  await ctx.deps.db.execute(sql`update memberships set left_at = now() where person_id = ${gone}`);
  await meeting(cleveland.id, {
    kind: "full_partnership",
    daysAgo: 300,
    people: [{ id: s1, sector: "public" }],
  });
  await meeting(cleveland.id, {
    kind: "full_partnership",
    daysAgo: 200,
    people: [
      { id: b1, sector: "business" },
      { id: s1, sector: "public" },
    ],
  });
  await meeting(cleveland.id, { kind: "full_partnership", daysAgo: 100 });
  await meeting(cleveland.id, {
    kind: "full_partnership",
    daysAgo: 45,
    people: [
      { id: b1, sector: "business" },
      { id: b2, sector: "business" },
      { id: s1, sector: "public" },
    ],
    guests: ["business"],
  });
  // Not full meetings held: an action team's, a cancelled one, one still to come.
  await meeting(cleveland.id, { kind: "action_team", daysAgo: 5, people: [{ id: s1, sector: "public" }] });
  await meeting(cleveland.id, { kind: "full_partnership", daysAgo: 10, cancelled: true });
  await meeting(cleveland.id, { kind: "full_partnership", daysAgo: -10 });
  const led = await team(cleveland.id, "active", champion);
  const unled = await team(cleveland.id, "active", null);
  const retired = await team(cleveland.id, "retired", champion);
  await action(cleveland.id, led, -10, "planned"); // late
  await action(cleveland.id, led, -3, "stuck"); // late
  await action(cleveland.id, unled, -10, "done");
  await action(cleveland.id, unled, 10, "in_progress");
  await action(cleveland.id, led, -5, "planned", true);
  await action(cleveland.id, retired, -10, "planned");
  await action(cleveland.id, led, 0, "planned"); // due today: not late yet
  for (const k of [k1, k2, k3]) await track(cleveland.id, k);
  await value(cleveland.id, k1, String(year - 1));
  await value(cleveland.id, k2, `${year - 1}-Q3`);
  await value(cleveland.id, k3, String(year - 1), "target");
  await value(cleveland.id, k4, String(year - 1)); // not tracked
  await value(cleveland.id, k1, String(year));
  await closedRound(cleveland.id, rubric, 3, 3, 400); // older: Next Gen
  clevelandAssessedAt = await closedRound(cleveland.id, rubric, 2, 3, 30); // latest: 66.7, emerging

  // Columbus: public only; its one full meeting, a launch, 250 days ago (8 months).
  const s2 = await seat(columbus.id, "Pat Public", "support");
  await seat(columbus.id, "Pia Public", "support");
  await seat(columbus.id, "Otis Observer", "observer");
  await meeting(columbus.id, { kind: "launch", daysAgo: 250, people: [{ id: s2, sector: "public" }] });
  await meeting(columbus.id, { kind: "support_team", daysAgo: 3, people: [{ id: s2, sector: "public" }] });
  await track(columbus.id, k1);
  await value(columbus.id, k1, String(year - 2));
  await closedRound(columbus.id, rubric, 3, 2, 20); // 2 respondents: hidden, so no band

  // Detroit has everything Cleveland lacks nothing of: it must still never show to Ohio.
  await seat(detroit.id, "Dana Detroit", "champion");
  await meeting(detroit.id, { kind: "full_partnership", daysAgo: 20 });
}, 120_000);
afterAll(() => ctx.close());

describe("an Ohio state coordinator's portfolio", () => {
  it("lists exactly Ohio's partnerships with their figures and flags", async () => {
    const mine = await portfolio(ohioCoordinator);
    expect(mine.label).toBe("Your scopes");
    expect(mine.total).toBe(3);
    expect(mine.items.map((i) => i.name)).toEqual([
      "Cleveland Manufacturing Partnership",
      "Columbus Health Partnership",
      "Toledo Logistics Partnership",
    ]);
    expect(mine.year).toBe(year);
    expect(mine.lastYear).toBe(year - 1);
    expect(mine.scopes.map((s) => [s.kind, s.name])).toEqual([["state", "Ohio"]]);

    const c = pick(mine.items, cleveland.id);
    expect(c).toMatchObject({
      stage: "civic_infrastructure",
      states: ["OH"],
      counties: ["39035"],
      lastFullMeeting: dayString(-45),
      monthsSinceFullMeeting: 1,
      businessShareTrend: [0.5, null, 0.75],
      teams: { active: 2, withBusinessChampion: 1 },
      lateActions: 2,
      assessmentBand: "emerging",
      indicators: { tracked: 3, withValueLastYear: 2 },
      valuesThisYear: 1,
      members: { business: 3, public: 2 },
      flags: [],
      role: null,
    });
    expect(c.assessedAt).toBe(clevelandAssessedAt);

    expect(pick(mine.items, columbus.id)).toMatchObject({
      lastFullMeeting: dayString(-250),
      monthsSinceFullMeeting: 8,
      businessShareTrend: [0],
      teams: { active: 0, withBusinessChampion: 0 },
      lateActions: 0,
      assessmentBand: null,
      assessedAt: null,
      indicators: { tracked: 1, withValueLastYear: 0 },
      valuesThisYear: 0,
      members: { business: 0, public: 3 },
      flags: ["no_full_meeting_6_months", "public_outnumber_business", "no_values_this_year"],
    });
    // Created today and never met: too young for the meeting flag.
    expect(pick(mine.items, toledo.id)).toMatchObject({
      lastFullMeeting: null,
      monthsSinceFullMeeting: null,
      businessShareTrend: [],
      members: { business: 0, public: 1 },
      flags: ["public_outnumber_business", "no_values_this_year"],
      role: "convener",
    });
    expect(mine.flagCounts).toEqual({
      no_full_meeting_6_months: 1,
      public_outnumber_business: 2,
      no_values_this_year: 2,
    });
    expect(JSON.stringify(mine)).not.toContain("Detroit");
  });

  it("logs one read per partnership shown, none where they sit at the table", async () => {
    expect(await logCount(cleveland.id, ohioCoordinator.userId)).toBe(1);
    expect(await logCount(columbus.id, ohioCoordinator.userId)).toBe(1);
    expect(await logCount(toledo.id, ohioCoordinator.userId)).toBe(0);
    expect(await logCount(detroit.id, ohioCoordinator.userId)).toBe(0);
    const whats = await queryRows<{ what: string }>(
      ctx.deps.db,
      sql`select distinct what from coordinator_access_log where user_id = ${ohioCoordinator.userId}`,
    );
    expect(whats).toEqual([{ what: "portfolio" }]);
  });

  it("filters and sorts; only what is shown is logged", async () => {
    const flagged = await portfolio(ohioCoordinator, "?flag=no_full_meeting_6_months");
    expect(flagged.items.map((i) => i.id)).toEqual([columbus.id]);
    expect(flagged.total).toBe(3);
    expect(await logCount(columbus.id, ohioCoordinator.userId)).toBe(2);
    expect(await logCount(cleveland.id, ohioCoordinator.userId)).toBe(1);

    const names = async (query: string) =>
      (await portfolio(ohioCoordinator, query)).items.map((i) => i.name.split(" ")[0]);
    expect(await names("?sort=-late")).toEqual(["Cleveland", "Columbus", "Toledo"]);
    expect(await names("?sort=-months")).toEqual(["Toledo", "Columbus", "Cleveland"]);
    expect(await names("?sort=-name")).toEqual(["Toledo", "Columbus", "Cleveland"]);
    expect(await names("?q=health")).toEqual(["Columbus"]);
    expect(await names("?inState=39&stage=civic_infrastructure&sort=-flags")).toEqual([
      "Columbus",
      "Toledo",
      "Cleveland",
    ]);
    expect(await names("?inState=26")).toEqual([]);
  });

  it("sees their state whole, but not another state (403) nor another person's scope (404)", async () => {
    const ohio = await portfolio(ohioCoordinator, "?state=39");
    expect(ohio.label).toBe("Ohio");
    expect(ohio.items).toHaveLength(3);
    const michigan = await call(ohioCoordinator, "/api/portfolio?state=26");
    expect(michigan.statusCode).toBe(403);
    expect(michigan.headers["content-type"]).toContain("application/problem+json");
    expect((await call(ohioCoordinator, `/api/portfolio?scope=${regionScope.id}`)).statusCode).toBe(404);
    expect((await call(ohioCoordinator, "/api/portfolio.csv?state=26")).statusCode).toBe(403);
    expect((await call(ohioCoordinator, `/api/portfolio.xlsx?scope=${regionScope.id}`)).statusCode).toBe(404);
  });

  it("answers 400 naming the field for a bad query", async () => {
    for (const [query, field] of [
      ["sort=size", "sort"],
      ["flag=late", "flag"],
      ["stage=growing", "stage"],
      ["state=OH", "state"],
      ["inState=Ohio", "inState"],
      ["scope=nope", "scope"],
      ["colour=red", "colour"],
    ] as const) {
      const res = await call(ohioCoordinator, `/api/portfolio?${query}`);
      expect([query, res.statusCode]).toEqual([query, 400]);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
    const both = await call(admin, "/api/portfolio?state=39&scope=" + regionScope.id);
    expect(both.statusCode).toBe(400);
    expect(both.json<{ errors: { field: string }[] }>().errors[0].field).toBe("state");
  });
});

describe("other callers", () => {
  it("a regional coordinator sees only their counties' partnerships", async () => {
    const mine = await portfolio(regional);
    expect(mine.items.map((i) => i.id)).toEqual([cleveland.id]);
    const byScope = await portfolio(regional, `?scope=${regionScope.id}`);
    expect(byScope.label).toBe("Cuyahoga");
    expect(byScope.items.map((i) => i.id)).toEqual([cleveland.id]);
    expect((await call(regional, "/api/portfolio?state=39")).statusCode).toBe(403);
    expect(await logCount(cleveland.id, regional.userId)).toBe(2);
    expect(await logCount(columbus.id, regional.userId)).toBe(0);
  });

  it("the community admin picks a state, and is not logged", async () => {
    const michigan = await portfolio(admin, "?state=26");
    expect(michigan.label).toBe("Michigan");
    expect(michigan.items.map((i) => i.id)).toEqual([detroit.id]);
    expect(michigan.items[0]).toMatchObject({ monthsSinceFullMeeting: 0, businessShareTrend: [null] });
    expect((await portfolio(admin, "?state=39")).items).toHaveLength(3);
    expect((await portfolio(admin, `?scope=${regionScope.id}`)).items.map((i) => i.id)).toEqual([
      cleveland.id,
    ]);
    expect((await portfolio(admin)).label).toBe("Every partnership");
    // The label's own words in the reader's language; a state's name stays its name.
    const inSpanish = (query = "") =>
      ctx.app
        .inject({ url: `/api/portfolio${query}`, headers: { cookie: admin.cookie, "accept-language": "es" } })
        .then((res) => res.json<Portfolio>().label);
    expect(await inSpanish()).toBe("Todas las alianzas");
    expect(await inSpanish("?state=39")).toBe("Ohio");
    const logged = await one<{ n: number }>(
      sql`select count(*)::int as n from coordinator_access_log where user_id = ${admin.userId}`,
    );
    expect(logged.n).toBe(0);
  });

  it("someone without a scope gets an empty portfolio; nobody signed in gets 401", async () => {
    const none = await portfolio(outsider);
    expect(none).toMatchObject({ total: 0, items: [], scopes: [] });
    expect((await call(outsider, "/api/portfolio?state=39")).statusCode).toBe(403);
    expect((await call(null, "/api/portfolio")).statusCode).toBe(401);
    expect((await call(null, "/api/portfolio.csv")).statusCode).toBe(401);
    expect((await call(null, "/api/portfolio.xlsx")).statusCode).toBe(401);
  });
});

describe("exports", () => {
  it("CSV: the rows shown, in order, as an attachment kept by no cache", async () => {
    const res = await call(ohioCoordinator, "/api/portfolio.csv?sort=-late");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="portfolio-your-scopes-${dayString(0)}.csv"`,
    );
    const lines = res.body.split("\r\n");
    expect(lines).toHaveLength(5); // header, 3 rows, the final CRLF
    expect(lines[0]).toBe(
      "partnership,stage,states,last full meeting,months since full meeting," +
        '"business share of attendance, 3rd last full meeting","business share of attendance, 2nd last full meeting",' +
        '"business share of attendance, last full meeting",active action teams,teams with a business champion,' +
        `late actions,self-assessment band,indicators tracked,indicators with a value for ${year - 1},` +
        "business members,public members,flags,workspace",
    );
    expect(lines[1]).toBe(
      `Cleveland Manufacturing Partnership,1. Build civic infrastructure,OH,${dayString(-45)},1,0.5,,0.75,2,1,2,` +
        `Emerging Next Gen,3,2,3,2,,http://shared-table.test/p/${cleveland.slug}`,
    );
    expect(lines[2]).toBe(
      `Columbus Health Partnership,1. Build civic infrastructure,OH,${dayString(-250)},8,,,0,0,0,0,,1,0,0,3,` +
        `No full meeting in 6 months; Public partners outnumber business; No values this year,` +
        `http://shared-table.test/p/${columbus.slug}`,
    );
    expect(lines[4]).toBe("");
  });

  it("CSV: a name that a spreadsheet would run as a formula is neutralized", () => {
    const item: PortfolioItem = {
      id: "00000000-0000-4000-8000-000000000001",
      name: '=HYPERLINK("http://evil.example","x")',
      slug: "evil",
      stage: "act",
      states: ["OH"],
      counties: ["39035"],
      lastFullMeeting: null,
      monthsSinceFullMeeting: null,
      businessShareTrend: [],
      teams: { active: 0, withBusinessChampion: 0 },
      lateActions: 0,
      assessmentBand: null,
      assessedAt: null,
      indicators: { tracked: 0, withValueLastYear: 0 },
      valuesThisYear: 0,
      members: { business: 0, public: 0 },
      flags: [],
      role: null,
    };
    const csv = portfolioCsv(
      {
        label: "Ohio",
        selection: { scope: null, state: "39" },
        scopes: [],
        today: "2026-12-02",
        year: 2026,
        lastYear: 2025,
        total: 1,
        flagCounts: { no_full_meeting_6_months: 0, public_outnumber_business: 0, no_values_this_year: 0 },
        items: [item],
      },
      "http://shared-table.test",
    );
    expect(csv.split("\r\n")[1].startsWith(`"'=HYPERLINK(""http://evil.example"",""x"")"`)).toBe(true);
  });

  it("Excel: one frozen header row, widths, numbers as numbers", async () => {
    const res = await call(ohioCoordinator, "/api/portfolio.xlsx?state=39");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="portfolio-ohio-${dayString(0)}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe("Portfolio");
    expect(sheet.rowCount).toBe(4);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe("partnership");
    expect(sheet.getRow(1).getCell(2).value).toBe("stage");
    expect(sheet.getColumn(1).width).toBe(40);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe("Cleveland Manufacturing Partnership");
    expect(row.getCell(2).value).toBe("1. Build civic infrastructure");
    expect(row.getCell(4).value).toEqual(new Date(`${dayString(-45)}T00:00:00Z`));
    expect(row.getCell(5).value).toBe(1);
    expect(row.getCell(6).value).toBe(0.5);
    expect(row.getCell(7).value).toBeNull();
    expect(row.getCell(8).value).toBe(0.75);
    expect(row.getCell(8).numFmt).toBe("0%");
    expect(row.getCell(11).value).toBe(2);
    expect(sheet.getRow(3).getCell(1).value).toBe("Columbus Health Partnership");
  });
});

describe("a state of 120 partnerships", () => {
  it("answers in the same few queries as a state of three, with exact rows", async () => {
    const made = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`insert into partnerships (slug, name, setting, stage)
          select 'co-' || n, 'Colorado Partnership ' || lpad(n::text, 3, '0'), 'metro', 'act'
            from generate_series(1, 120) as n
          returning id`,
    );
    expect(made).toHaveLength(120);
    await ctx.deps.db.execute(
      sql`insert into partnership_counties (partnership_id, fips, state_fips)
          select id, '08031', '08' from partnerships where slug like 'co-%'`,
    );
    // Every third one met 45 days ago; every fifth one has a value this year.
    await ctx.deps.db.execute(
      sql`insert into meetings (partnership_id, kind, title, starts_at, time_zone)
          select id, 'full_partnership', 'Full meeting',
                 ${`${dayString(-45)}T15:00:00Z`}::timestamptz, 'America/New_York'
            from partnerships where slug like 'co-%' and substr(slug, 4)::int % 3 = 0`,
    );
    await ctx.deps.db.execute(
      sql`insert into measurements (partnership_id, indicator_key, kind, period, value, visibility)
          select id, (select key from indicators order by key limit 1), 'actual', ${String(year)}, 1, 'public'
            from partnerships where slug like 'co-%' and substr(slug, 4)::int % 5 = 0`,
    );

    const execute = vi.spyOn(ctx.deps.db, "execute");
    try {
      const small = await portfolio(admin, "?state=39");
      const smallQueries = execute.mock.calls.length;
      execute.mockClear();
      const big = await portfolio(admin, "?state=08");
      // Three partnerships (one with an assessment, so one more query for its rubric) or 120:
      // the same handful of statements, never one per partnership.
      expect(smallQueries).toBe(6);
      expect(execute.mock.calls.length).toBe(5);
      expect(small.items).toHaveLength(3);
      expect(big.total).toBe(120);
      expect(big.items).toHaveLength(120);
      expect(big.items[0].name).toBe("Colorado Partnership 001");
      expect(big.items.filter((i) => i.monthsSinceFullMeeting === 1)).toHaveLength(40);
      expect(big.items.filter((i) => i.valuesThisYear === 1)).toHaveLength(24);
      expect(big.flagCounts).toEqual({
        no_full_meeting_6_months: 0,
        public_outnumber_business: 0,
        no_values_this_year: 96,
      });
      expect(pick(big.items, big.items[14].id)).toMatchObject({
        name: "Colorado Partnership 015",
        monthsSinceFullMeeting: 1,
        valuesThisYear: 1,
        flags: [],
      });
    } finally {
      execute.mockRestore();
    }
  });
});
