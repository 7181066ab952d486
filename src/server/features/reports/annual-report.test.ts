import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnualReport } from "../../../core/annual-report.js";
import type { Scope } from "../../../core/coordinators.js";
import { queryRows } from "../../../db/query.js";
import type { Actor, AppDeps } from "../../deps.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";
import { buildAnnualReport } from "./service.js";

/*
 * The annual report of Ohio for 2025: three Ohio partnerships with known tables, actions, values,
 * value checks and stories, and one in Michigan whose figures would change every number if they
 * leaked in. The Ohio coordinator reads members-only values through the scope, and it is logged.
 */

type User = Awaited<ReturnType<typeof signUp>>;
let ctx: TestContext;
let admin: User;
let ohioConvener: User;
let michiganConvener: User;
let coordinator: User;
let outsider: User;
let cleveland: { id: string };
let columbus: { id: string };
let dayton: { id: string };
let detroit: { id: string };
let ohioScope: Scope;

const YEAR = 2025;
const OHIO_NAMES = [
  "Cleveland Manufacturing Partnership",
  "Columbus Health Partnership",
  "Dayton Logistics Partnership",
];

function get(who: User | null, url: string) {
  return ctx.app.inject({ method: "GET", url, headers: who ? { cookie: who.cookie } : {} });
}

async function put(who: User, partnershipId: string, items: object[]) {
  const res = await ctx.app.inject({
    method: "PUT",
    url: `/api/partnerships/${partnershipId}/measurements`,
    headers: { cookie: who.cookie },
    payload: { items },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const actual = (indicator: string, value: number, period = String(YEAR)) => ({
  indicator,
  period,
  value,
  kind: "actual",
  visibility: "partnership",
});

/** An organization with `people` seated in a role from `joined` (until `left`); answers the people's ids. */
async function seat(
  partnershipId: string,
  org: { name: string; kind: string },
  people: number,
  role: string,
  joined: string,
  left: string | null = null,
): Promise<string[]> {
  const [o] = await queryRows<{ id: string }>(
    ctx.deps.db,
    sql`insert into organizations (partnership_id, name, kind, created_at)
        values (${partnershipId}, ${org.name}, ${org.kind}, ${joined}::timestamptz) returning id`,
  );
  const ids: string[] = [];
  for (let i = 0; i < people; i++) {
    const [person] = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`insert into people (name) values (${`${org.name} person ${i + 1}`}) returning id`,
    );
    await ctx.deps.db.execute(
      sql`insert into memberships (partnership_id, person_id, organization_id, role, joined_at, left_at)
          values (${partnershipId}, ${person.id}, ${o.id}, ${role}, ${joined}::timestamptz, ${left}::timestamptz)`,
    );
    ids.push(person.id);
  }
  return ids;
}

async function valueCheck(
  partnershipId: string,
  year: number,
  status: string,
  answerers: string[],
  worths: number[],
) {
  const [check] = await queryRows<{ id: string }>(
    ctx.deps.db,
    sql`insert into employer_value_checks (partnership_id, year, status, closed_at)
        values (${partnershipId}, ${year}, ${status}, ${status === "closed" ? `${year}-12-01` : null}::timestamptz)
        returning id`,
  );
  for (const [i, worth] of worths.entries()) {
    await ctx.deps.db.execute(
      sql`insert into employer_value_answers (check_id, person_id, worth, changed)
          values (${check.id}, ${answerers[i]}, ${worth}, ${"Secret company answer"})`,
    );
  }
}

async function logged(partnershipId: string, userId: string): Promise<string[]> {
  const rows = await queryRows<{ what: string }>(
    ctx.deps.db,
    sql`select what from coordinator_access_log where partnership_id = ${partnershipId} and user_id = ${userId}`,
  );
  return rows.map((r) => r.what);
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  ohioConvener = await signUp(ctx, "Olive Ohio");
  michiganConvener = await signUp(ctx, "Mick Michigan");
  coordinator = await signUp(ctx, "Stella State");
  outsider = await signUp(ctx, "Otto Outsider");
  cleveland = await createPartnership(ctx, ohioConvener.cookie, { name: OHIO_NAMES[0], counties: ["39035"] });
  columbus = await createPartnership(ctx, ohioConvener.cookie, {
    name: OHIO_NAMES[1],
    counties: ["39049"],
    naics: ["622"],
  });
  dayton = await createPartnership(ctx, ohioConvener.cookie, { name: OHIO_NAMES[2], counties: ["39113"] });
  detroit = await createPartnership(ctx, michiganConvener.cookie, {
    name: "Detroit Manufacturing Partnership",
    counties: ["26163"],
  });
  for (const [p, stage] of [
    [cleveland, "act"],
    [columbus, "launch"],
    [dayton, "launch"],
    [detroit, "sustain"],
  ] as const) {
    await ctx.deps.db.execute(sql`update partnerships set stage = ${stage} where id = ${p.id}`);
  }

  // Cleveland: two businesses (three people) and a workforce board; businesses engaged 2.
  const clevelandBusiness = [
    ...(await seat(
      cleveland.id,
      { name: "Acme Tool", kind: "business" },
      2,
      "business_member",
      "2024-06-01",
    )),
    ...(await seat(cleveland.id, { name: "Lake Forge", kind: "business" }, 1, "champion", "2025-02-01")),
  ];
  await seat(
    cleveland.id,
    { name: "Ohio Means Jobs", kind: "workforce_development" },
    1,
    "support",
    "2024-01-01",
  );
  // Columbus: one business left before 2025 (not engaged), one joined in 2025: engaged 1.
  const columbusBusiness = [
    ...(await seat(
      columbus.id,
      { name: "Gone Clinic", kind: "business" },
      1,
      "business_member",
      "2023-01-01",
      "2024-12-01",
    )),
    ...(await seat(
      columbus.id,
      { name: "OhioHealth", kind: "business" },
      2,
      "business_member",
      "2025-03-01",
    )),
  ];
  const daytonBusiness = await seat(
    dayton.id,
    { name: "Dayton Freight", kind: "business" },
    3,
    "business_member",
    "2026-02-01",
  );
  const detroitBusiness = await seat(
    detroit.id,
    { name: "Motor Co", kind: "business" },
    5,
    "business_member",
    "2024-01-01",
  );

  // Values of 2025 (members-only: the coordinator reads them through the scope).
  await put(ohioConvener, cleveland.id, [
    actual("jobs_created", 41),
    actual("jobs_created", 7, "2024"),
    actual("shared_data_support_orgs", 1),
    actual("joint_projects_implemented", 1),
    actual("leveraged_funding_federal", 100_000),
  ]);
  await put(ohioConvener, columbus.id, [
    actual("shared_data_support_orgs", 0),
    actual("leveraged_funding_federal", 50_000),
    actual("leveraged_funding_state", 25_000),
  ]);
  // Dayton reports nothing for 2025; a 2024 value does not make it a reporter of 2025.
  await put(ohioConvener, dayton.id, [actual("jobs_created", 3, "2024")]);
  await put(michiganConvener, detroit.id, [
    actual("shared_data_support_orgs", 1),
    actual("hr_policies_changed", 1),
    actual("leveraged_funding_federal", 999_999),
  ]);
  await ctx.deps.db.execute(
    sql`insert into tracked_indicators (partnership_id, indicator_key) values (${cleveland.id}, 'businesses_engaged')`,
  );
  // A partnership's own indicator whose name a spreadsheet would run as a formula.
  await ctx.deps.db.execute(
    sql`insert into indicators (key, name, area, unit, direction, rollup, owner_partnership_id)
        values ('dayton_own', '=HYPERLINK("http://evil.example")', 'businesses', 'count', 'higher', 'sum', ${dayton.id})`,
  );
  await ctx.deps.db.execute(
    sql`insert into tracked_indicators (partnership_id, indicator_key) values (${dayton.id}, 'dayton_own')`,
  );

  // Value checks: only Cleveland's 2025 check is closed with 3+ answers (6, 8, 10: mean 8).
  await valueCheck(cleveland.id, YEAR, "closed", clevelandBusiness, [6, 8, 10]);
  await valueCheck(cleveland.id, YEAR - 1, "closed", clevelandBusiness, [1, 1, 1]);
  await valueCheck(columbus.id, YEAR, "closed", columbusBusiness, [0, 1]);
  await valueCheck(dayton.id, YEAR, "open", daytonBusiness, [9, 9, 9]);
  await valueCheck(detroit.id, YEAR, "closed", detroitBusiness, [0, 0, 0]);

  // Cleveland's action plan: one action done in 2025, one done in 2024, one planned.
  const [priority] = await queryRows<{ id: string }>(
    ctx.deps.db,
    sql`insert into priorities (partnership_id, title, status, chosen_at)
        values (${cleveland.id}, 'Talent pipeline', 'active', '2024-05-01') returning id`,
  );
  const [team] = await queryRows<{ id: string }>(
    ctx.deps.db,
    sql`insert into action_teams (partnership_id, priority_id, name) values (${cleveland.id}, ${priority.id}, 'Interns') returning id`,
  );
  for (const [title, status, completed, result] of [
    ["Launch the summer internship", "done", "2025-05-01", "12 interns hired"],
    ["Map the training programs", "done", "2024-03-01", ""],
    ["Open a second cohort", "planned", null, ""],
  ] as const) {
    await ctx.deps.db.execute(
      sql`insert into actions (partnership_id, team_id, title, status, completed_at, result)
          values (${cleveland.id}, ${team.id}, ${title}, ${status}, ${completed}::timestamptz, ${result})`,
    );
  }
  await ctx.deps.db.execute(
    sql`insert into impact_stories (partnership_id, title, story_date, area, body, visibility) values
        (${cleveland.id}, 'Interns stayed on', '2025-09-10', 'people', 'Nine of **twelve** interns stayed.', 'partnership'),
        (${cleveland.id}, 'Last year''s story', '2024-12-31', 'people', '', 'public'),
        (${detroit.id}, 'Detroit story', '2025-03-01', 'community', '', 'public')`,
  );

  const assigned = await ctx.app.inject({
    method: "POST",
    url: "/api/coordinators",
    headers: { cookie: admin.cookie },
    payload: { email: coordinator.email, kind: "state", stateFips: "39" },
  });
  expect(assigned.statusCode, assigned.body).toBe(201);
  ohioScope = assigned.json<Scope>();
}, 120_000);
afterAll(() => ctx.close());

describe("the annual report of Ohio's coordinator", () => {
  let report: AnnualReport;

  it("covers exactly Ohio's partnerships with the exact summary, and logs the reads", async () => {
    const res = await get(coordinator, `/api/reports/annual?state=39&year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    report = res.json<AnnualReport>();
    expect(report.scope).toBe("Ohio");
    expect(report.year).toBe(YEAR);
    expect(report.note).toBeNull();
    expect(report.partnerships.map((p) => p.name)).toEqual(OHIO_NAMES);
    expect(res.body).not.toContain("Detroit");
    expect(res.body).not.toContain("Secret company answer");

    const s = report.summary;
    expect(s.partnerships).toBe(3);
    expect(s.byStage).toEqual([
      { stage: "civic_infrastructure", count: 0 },
      { stage: "prepare", count: 0 },
      { stage: "launch", count: 2 },
      { stage: "act", count: 1 },
      { stage: "sustain", count: 0 },
    ]);
    expect(s.businessesEngaged).toBe(3);
    expect(s.partnershipsReporting).toBe(2);
    const outcome = (key: string) => s.outcomes.find((o) => o.indicator === key);
    expect(outcome("shared_data_support_orgs")).toMatchObject({ achieved: 1, reporting: 2, share: 0.5 });
    expect(outcome("joint_projects_implemented")).toMatchObject({ achieved: 1, reporting: 1, share: 1 });
    expect(outcome("hr_policies_changed")).toMatchObject({ achieved: 0, reporting: 0, share: null });
    expect(s.funding).toEqual([
      { source: "federal", total: 150_000, reporting: 2 },
      { source: "state", total: 25_000, reporting: 1 },
    ]);
    expect(s.valueCheck).toEqual({ checks: 1, answers: 3, mean: 8, minimum: 3 });

    for (const p of [cleveland, columbus, dayton])
      expect(await logged(p.id, coordinator.userId)).toEqual([`annual report ${YEAR}`]);
    expect(await logged(detroit.id, coordinator.userId)).toEqual([]);
  });

  it("describes each partnership: table, priorities, indicators, outcomes, stories", () => {
    const [cle, col, day] = report.partnerships;
    expect(cle).toMatchObject({ stage: "act", states: ["OH"] });
    expect(cle.table).toEqual({
      businessPeople: 3,
      publicPeople: 1,
      businessesEngaged: 2,
      organizations: [
        { kind: "business", count: 2 },
        { kind: "workforce_development", count: 1 },
      ],
    });
    expect(col.table).toEqual({
      businessPeople: 2,
      publicPeople: 0,
      businessesEngaged: 1,
      organizations: [{ kind: "business", count: 1 }],
    });
    // Dayton's business joined in 2026: nobody of it sat at the table in 2025.
    expect(day.table).toMatchObject({ businessPeople: 0, businessesEngaged: 0, organizations: [] });
    expect(cle.priorities).toEqual([
      {
        id: expect.any(String) as string,
        title: "Talent pipeline",
        status: "active",
        actions: 3,
        actionsDone: 1,
        done: [
          { title: "Launch the summer internship", result: "12 interns hired", completedAt: "2025-05-01" },
        ],
      },
    ]);
    expect(cle.actionsDone).toBe(1);
    const jobs = cle.indicators.find((i) => i.key === "jobs_created");
    expect(jobs).toMatchObject({ value: 41, previous: 7, unit: "count" });
    expect(cle.indicators.find((i) => i.key === "businesses_engaged")).toMatchObject({ value: 2 });
    expect(day.indicators.find((i) => i.key === "jobs_created")).toMatchObject({ value: null, previous: 3 });
    expect(cle.outcomes).toEqual([
      { key: "joint_projects_implemented", name: "Implemented joint projects", achieved: true },
      { key: "shared_data_support_orgs", name: "Shared data across support organizations", achieved: true },
    ]);
    expect(col.outcomes).toEqual([
      { key: "shared_data_support_orgs", name: "Shared data across support organizations", achieved: false },
    ]);
    expect(col.funding).toEqual([
      { source: "federal", total: 50_000 },
      { source: "state", total: 25_000 },
    ]);
    expect(cle.valueCheck).toEqual({ answers: 3, mean: 8 });
    expect(col.valueCheck).toBeNull();
    expect(day.valueCheck).toBeNull();
    expect(cle.stories).toEqual([
      {
        title: "Interns stayed on",
        date: "2025-09-10",
        area: "people",
        text: "Nine of twelve interns stayed.",
      },
    ]);
  });

  it("answers the same through the coordinator's scope id", async () => {
    const res = await get(coordinator, `/api/reports/annual?scope=${ohioScope.id}&year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const byScope = res.json<AnnualReport>();
    expect(byScope.scope).toBe("Ohio");
    expect(byScope.summary).toEqual(report.summary);
  });

  it("refuses Michigan (403), anonymous callers (401), and bad years (400 naming year)", async () => {
    const michigan = await get(coordinator, `/api/reports/annual?state=26&year=${YEAR}`);
    expect(michigan.statusCode).toBe(403);
    expect(michigan.headers["content-type"]).toContain("application/problem+json");
    expect((await get(null, `/api/reports/annual?state=39&year=${YEAR}`)).statusCode).toBe(401);
    expect((await get(null, `/api/reports/annual.pdf?state=39&year=${YEAR}`)).statusCode).toBe(401);
    for (const year of ["0", "99999", "abc", "2025.5", ""]) {
      const res = await get(coordinator, `/api/reports/annual?state=39&year=${year}`);
      expect(res.statusCode, `year=${year}`).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
      expect(fields, `year=${year}`).toContain("year");
    }
    const missing = await get(coordinator, "/api/reports/annual.xlsx?state=39");
    expect(missing.statusCode).toBe(400);
    const both = await get(coordinator, `/api/reports/annual?state=39&scope=${ohioScope.id}&year=${YEAR}`);
    expect(both.statusCode).toBe(400);
  });

  it("gives a caller without a scope an empty report that says so", async () => {
    const res = await get(outsider, `/api/reports/annual?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const empty = res.json<AnnualReport>();
    expect(empty.partnerships).toEqual([]);
    expect(empty.summary.partnerships).toBe(0);
    expect(empty.note).toMatch(/no state or region/);
  });

  it("lets the community admin read Michigan without logging it", async () => {
    const res = await get(admin, `/api/reports/annual?state=26&year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const mi = res.json<AnnualReport>();
    expect(mi.partnerships.map((p) => p.name)).toEqual(["Detroit Manufacturing Partnership"]);
    expect(mi.summary.valueCheck).toEqual({ checks: 1, answers: 3, mean: 0, minimum: 3 });
    expect(await logged(detroit.id, admin.userId)).toEqual([]);
  });
});

describe("the report's files", () => {
  it("is a PDF with the headings, each partnership and the scope and year in its Title", async () => {
    const res = await get(coordinator, `/api/reports/annual.pdf?state=39&year=${YEAR}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="shared-table-ohio-2025.pdf"');
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const pdf = await getDocumentProxy(new Uint8Array(res.rawPayload));
    const { text, totalPages } = await extractText(pdf, { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(4);
    for (const heading of [
      "Annual report",
      "Ohio · 2025",
      "Summary",
      "Yes/no outcomes",
      "Leveraged funding",
      ...OHIO_NAMES,
    ]) {
      expect(text).toContain(heading);
    }
    expect(text).toContain("Interns stayed on");
    expect(text).toContain(`page 1 of ${totalPages}`);
    expect(text).not.toContain("Detroit");
    const { info } = await getMeta(pdf);
    expect((info as { Title?: string }).Title).toBe("Annual report: Ohio 2025");
  });

  it("is a workbook with one sheet per section and a row per partnership", async () => {
    const res = await get(coordinator, `/api/reports/annual.xlsx?state=39&year=${YEAR}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="shared-table-ohio-2025.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Summary",
      "Partnerships",
      "Priorities",
      "Indicators",
      "Outcomes",
      "Funding",
      "Stories",
    ]);
    const partnerships = workbook.getWorksheet("Partnerships")!;
    expect(partnerships.rowCount).toBe(4);
    const cleRow = partnerships.getRow(2).values as unknown[];
    // exceljs rows are 1-based: [empty, name, stage, states, business people, public, engaged, ...]
    expect(cleRow.slice(1, 7)).toEqual([OHIO_NAMES[0], "4. Act", "OH", 3, 1, 2]);
    const summary = workbook.getWorksheet("Summary")!;
    const figures = new Map<string, unknown>();
    summary.eachRow((row) => figures.set(row.getCell(1).text, row.getCell(2).value));
    expect(figures.get("Partnerships")).toBe(3);
    expect(figures.get("Businesses engaged")).toBe(3);
    expect(figures.get("Employer value check: mean (0-10)")).toBe(8);
    const funding = workbook.getWorksheet("Funding")!;
    expect(funding.getRow(2).values).toEqual([undefined, OHIO_NAMES[0], "Federal", 100_000]);
    // A name that looks like a formula is stored as text.
    const indicators = workbook.getWorksheet("Indicators")!;
    const names: unknown[] = [];
    indicators.eachRow((row) => names.push(row.getCell(2).value));
    expect(names).toContain('=HYPERLINK("http://evil.example")');
  });

  it("is a CSV of one row per partnership and indicator, formulas neutralized", async () => {
    const res = await get(coordinator, `/api/reports/annual.csv?state=39&year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="shared-table-ohio-2025.csv"');
    const lines = res.body.trim().split("\r\n");
    expect(lines[0]).toBe(
      "year,scope,partnership,stage,states,business people,public partners,businesses engaged,priorities,actions done,yes/no outcomes achieved,employer value,stories,indicator,indicator name,unit,value,previous year",
    );
    expect(lines).toContain(
      `2025,Ohio,${OHIO_NAMES[0]},4. Act,OH,3,1,2,1,1,2,8,1,jobs_created,New jobs created,count,41,7`,
    );
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(res.body).not.toContain("Detroit");
  });
});

describe("the report in its reader's language", () => {
  const ask = (who: User, url: string, language: string) =>
    ctx.app.inject({ method: "GET", url, headers: { cookie: who.cookie, "accept-language": language } });

  it("writes the CSV's headers and stages in Spanish or English, as the reader asks", async () => {
    const url = `/api/reports/annual.csv?state=39&year=${YEAR}`;
    const spanish = await ask(coordinator, url, "es-MX,es;q=0.9");
    const english = await ask(coordinator, url, "en");
    expect(spanish.statusCode, spanish.body).toBe(200);
    expect(english.statusCode, english.body).toBe(200);
    const es = spanish.body.trim().split("\r\n");
    expect(es[0]).toBe(
      "año,ámbito,alianza,etapa,estados,personas de empresas,aliados públicos,empresas participantes,prioridades,acciones realizadas,resultados de sí/no logrados,valor para empleadores,historias,indicador,nombre del indicador,unidad,valor,año anterior",
    );
    // The stage and a shipped indicator's name are in the reader's words; typed data and keys stay.
    expect(es).toContain(
      `2025,Ohio,${OHIO_NAMES[0]},4. Actuar,OH,3,1,2,1,1,2,8,1,jobs_created,Nuevos empleos creados,count,41,7`,
    );
    const en = english.body.trim().split("\r\n");
    expect(en[0]).toMatch(/^year,scope,partnership,stage,states,business people,/);
    expect(en).toContain(
      `2025,Ohio,${OHIO_NAMES[0]},4. Act,OH,3,1,2,1,1,2,8,1,jobs_created,New jobs created,count,41,7`,
    );
    // The file's name is the same in both: a download's name is no sentence.
    expect(spanish.headers["content-disposition"]).toBe(english.headers["content-disposition"]);
  });

  it("names the workbook's sheets and headers, and titles the PDF, in the reader's language", async () => {
    const url = `/api/reports/annual.xlsx?state=39&year=${YEAR}`;
    const load = async (language: string) => {
      const res = await ask(coordinator, url, language);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return workbook;
    };
    const spanish = await load("es");
    expect(spanish.worksheets.map((w) => w.name)).toEqual([
      "Resumen",
      "Alianzas",
      "Prioridades",
      "Indicadores",
      "Resultados",
      "Financiamiento",
      "Historias",
    ]);
    const alianzas = spanish.getWorksheet("Alianzas")!;
    expect((alianzas.getRow(1).values as unknown[]).slice(1, 4)).toEqual(["Alianza", "Etapa", "Estados"]);
    expect((alianzas.getRow(2).values as unknown[]).slice(1, 3)).toEqual([OHIO_NAMES[0], "4. Actuar"]);
    const indicadores = spanish.getWorksheet("Indicadores")!;
    const names = indicadores.getColumn(2).values as unknown[];
    expect(names).toContain("Nuevos empleos creados");
    const english = await load("en");
    expect(english.worksheets.map((w) => w.name)[1]).toBe("Partnerships");
    expect(english.getWorksheet("Indicators")!.getColumn(2).values as unknown[]).toContain(
      "New jobs created",
    );

    const pdf = await ask(coordinator, `/api/reports/annual.pdf?state=39&year=${YEAR}`, "es");
    expect(pdf.statusCode).toBe(200);
    const doc = await getDocumentProxy(new Uint8Array(pdf.rawPayload));
    const { text } = await extractText(doc, { mergePages: true });
    for (const heading of [
      "Informe anual",
      "Resumen",
      "Resultados de sí/no",
      "Financiamiento movilizado",
      "Nuevos empleos creados",
    ])
      expect(text).toContain(heading);
    expect(text).toContain("página 1 de");
    const { info } = await getMeta(doc);
    expect((info as { Title?: string }).Title).toBe("Informe anual: Ohio 2025");
  });

  it("says why a report is empty in the reader's language", async () => {
    const note = async (language: string) =>
      (await ask(outsider, `/api/reports/annual?year=${YEAR}`, language)).json<AnnualReport>().note;
    expect(await note("es")).toMatch(/^Usted todavía no coordina ningún estado ni región/);
    expect(await note("en")).toMatch(/no state or region/);
  });
});

/** The database with every statement counted (execute, and the query builder's entry points). */
function countingDb(db: AppDeps["db"]): { db: AppDeps["db"]; count: () => number } {
  let n = 0;
  const counted = new Set(["execute", "select", "insert", "update", "delete"]);
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      const fn = value as (...args: unknown[]) => unknown;
      if (!counted.has(String(prop))) return fn.bind(target);
      return (...args: unknown[]) => {
        n++;
        return fn.apply(target, args);
      };
    },
  });
  return { db: proxy, count: () => n };
}

describe("the report's cost", () => {
  // A guard, not a timing: the statements are set-based, so their number does not grow with the
  // partnerships covered (bench/annual-report.ts times a state of 100).
  it("runs as many statements for three partnerships as for one", async () => {
    const actor: Actor = {
      userId: admin.userId,
      personId: admin.personId,
      email: admin.email,
      name: "Ada Admin",
      isAdmin: true,
    };
    const statements = async (state: string) => {
      const { db, count } = countingDb(ctx.deps.db);
      const report = await buildAnnualReport({ ...ctx.deps, db }, actor, { state, year: YEAR });
      return { partnerships: report.partnerships.length, statements: count() };
    };
    const ohio = await statements("39");
    const michigan = await statements("26");
    expect(ohio.partnerships).toBe(3);
    expect(michigan.partnerships).toBe(1);
    expect(ohio.statements).toBe(michigan.statements);
    expect(ohio.statements).toBeGreaterThanOrEqual(10);
    expect(ohio.statements).toBeLessThanOrEqual(14);
  });
});
