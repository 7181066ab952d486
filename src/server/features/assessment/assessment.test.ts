import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import {
  createPartnership,
  createTestContext,
  seatByInvitation,
  signUp,
  type TestContext,
} from "../../test-support.js";
import { rubricV1 } from "./rubric-v1.js";
import { rubricV2 } from "./rubric-v2.js";

type User = Awaited<ReturnType<typeof signUp>>;
let ctx: TestContext;
let convener: User;
let outsider: User;
let admin: User;
let biz1: User;
let biz2: User;
let biz3: User;
let pub1: User;
let pub2: User;
let pub3: User;
let partnership: { id: string; slug: string };

const keys = rubricV2.characteristics.flatMap((c) => c.statements.map((s) => s.key));
const answersAt = (level: number, overrides: Record<string, number> = {}) => ({
  ...Object.fromEntries(keys.map((k) => [k, level])),
  ...overrides,
});

const count = async (table: string, where = "true") =>
  (
    await queryRows<{ n: number }>(
      ctx.deps.db,
      sql.raw(`select count(*)::int as n from ${table} where ${where}`),
    )
  )[0].n;

async function inject(method: "GET" | "POST" | "PUT", url: string, user?: User, payload?: object) {
  return ctx.app.inject({ method, url, headers: user ? { cookie: user.cookie } : {}, payload });
}

/** Signs a person up and seats them at the partnership through a real invitation. */
const seat = (name: string, organizationId: string, role: string): Promise<User> =>
  seatByInvitation(ctx, partnership.id, convener.cookie, name, organizationId, role);

async function openRound(title = "Spring check") {
  const res = await inject("POST", `/api/partnerships/${partnership.id}/assessments`, convener, { title });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; invited: number; version: number }>();
}

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  outsider = await signUp(ctx, "Olive Outsider");
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  partnership = await createPartnership(ctx, convener.cookie);
  const org = async (payload: object) =>
    (await inject("POST", `/api/partnerships/${partnership.id}/organizations`, convener, payload)).json<{
      id: string;
    }>();
  const acme = await org({ name: "Acme Precision", kind: "business", naics: "332710" });
  const beta = await org({ name: "Beta Fabrication", kind: "business" });
  const board = await org({ name: "Workforce Board", kind: "workforce_development" });
  const college = await org({ name: "Front Range College", kind: "postsecondary_education" });
  const gamma = await org({ name: "Gamma Machining", kind: "business" });
  const redRocks = await org({ name: "Red Rocks Community College", kind: "postsecondary_education" });
  biz1 = await seat("Bea Business", acme.id, "champion");
  biz2 = await seat("Bo Business", beta.id, "business_member");
  biz3 = await seat("Bix Business", gamma.id, "business_member");
  pub1 = await seat("Pat Public", board.id, "support");
  pub2 = await seat("Paz Public", college.id, "support");
  pub3 = await seat("Pim Public", redRocks.id, "support");
});
afterAll(() => ctx.close());

describe("the rubric", () => {
  it("is served to anyone: version 2, the six characteristics of the published indicators", async () => {
    const res = await inject("GET", "/api/assessment/rubric");
    expect(res.statusCode).toBe(200);
    const rubric = res.json<{ version: number; characteristics: { key: string; statements: unknown[] }[] }>();
    expect(rubric.version).toBe(2);
    expect(rubric.characteristics.map((c) => c.key)).toEqual([
      "regional_sector",
      "industry_driven",
      "industry_solutions",
      "community_supported",
      "action_results",
      "sustainable",
    ]);
    expect(rubric.characteristics.map((c) => c.statements.length)).toEqual([3, 4, 3, 4, 4, 4]);
    expect(rubric.characteristics[1].statements[0]).toMatchObject({
      key: "business_majority",
      text: "Business leaders outnumber public partners at our full partnership meetings.",
      levels: { not_yet: expect.any(String), exemplary: expect.any(String) },
      resources: expect.any(Array),
    });
  });
});

describe("the quick check", () => {
  it("scores answers for anyone and stores nothing", async () => {
    const before = await count("assessment_quick_saves");
    const res = await inject("POST", "/api/assessment/quick", undefined, {
      answers: answersAt(2, { business_majority: 0, business_sets_priorities: 0 }),
    });
    expect(res.statusCode).toBe(200);
    // Led by business leaders: (0 + 2 + 2 + 2) / 4 / 3 = 50; industry-identified solutions:
    // (0 + 2 + 2) / 3 / 3 = 44.4; the other four 66.7; overall (4 × 66.67 + 50 + 44.44) / 6 = 60.2.
    expect(res.json()).toEqual({
      version: 2,
      overall: 60.2,
      band: "emerging",
      characteristics: [
        { key: "regional_sector", score: 66.7 },
        { key: "industry_driven", score: 50 },
        { key: "industry_solutions", score: 44.4 },
        { key: "community_supported", score: 66.7 },
        { key: "action_results", score: 66.7 },
        { key: "sustainable", score: 66.7 },
      ],
      // The two at level 0, the weaker characteristic first; then the first at level 2 there.
      workOnFirst: [
        { statement: "business_sets_priorities", characteristic: "industry_solutions", level: 0 },
        { statement: "business_majority", characteristic: "industry_driven", level: 0 },
        { statement: "beyond_workforce", characteristic: "industry_solutions", level: 2 },
      ],
    });
    expect(await count("assessment_quick_saves")).toBe(before);
    expect(await count("assessment_responses")).toBe(0);
  });

  it("names each missing statement, unknown key and bad level", async () => {
    const { business_majority: _, ...missing } = answersAt(1);
    const res = await inject("POST", "/api/assessment/quick", undefined, {
      answers: { ...missing, one_industry: 4, early_wins: 1.5, sixty_day_goals: "2", made_up: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: "answers.business_majority", message: expect.stringContaining("is missing") },
      { field: "answers.one_industry", message: "must be a whole number from 0 to 3" },
      { field: "answers.sixty_day_goals", message: "must be a whole number from 0 to 3" },
      { field: "answers.early_wins", message: "must be a whole number from 0 to 3" },
      { field: "answers.made_up", message: "is not a statement of this rubric; remove it" },
    ]);
  });

  it("is kept only when a member saves it to their partnership", async () => {
    const refused = await inject(
      "POST",
      `/api/partnerships/${partnership.id}/assessment-quick-saves`,
      outsider,
      {
        answers: answersAt(1),
      },
    );
    expect(refused.statusCode).toBe(403);
    expect(await count("assessment_quick_saves")).toBe(0);
    const anonymous = await inject(
      "POST",
      `/api/partnerships/${partnership.id}/assessment-quick-saves`,
      undefined,
      {
        answers: answersAt(1),
      },
    );
    expect(anonymous.statusCode).toBe(401);
    const saved = await inject("POST", `/api/partnerships/${partnership.id}/assessment-quick-saves`, biz1, {
      answers: answersAt(1),
    });
    expect(saved.statusCode).toBe(201);
    const [row] = await queryRows<{ sector: string; person_id: string }>(
      ctx.deps.db,
      sql`select sector, person_id from assessment_quick_saves`,
    );
    expect(row).toEqual({ sector: "business", person_id: biz1.personId });
  });
});

describe("an assessment round", () => {
  let round: { id: string; invited: number; version: number };

  it("may be opened only by a convener; nothing is stored otherwise", async () => {
    for (const [user, status] of [
      [biz1, 403],
      [outsider, 403],
      [undefined, 401],
    ] as const) {
      const res = await inject("POST", `/api/partnerships/${partnership.id}/assessments`, user, {});
      expect(res.statusCode).toBe(status);
    }
    expect(await count("assessment_rounds")).toBe(0);
  });

  it("is opened by the convener, who e-mails every member with an address", async () => {
    const mailsBefore = await count("outbox");
    round = await openRound();
    expect(round).toMatchObject({ version: 2, invited: 6 });
    expect(await count("outbox")).toBe(mailsBefore + 6);
    const [mail] = await queryRows<{ text: string; subject: string }>(
      ctx.deps.db,
      sql`select text, subject from outbox where "to" = ${pub1.email} order by created_at desc limit 1`,
    );
    expect(mail.text).toContain(`http://shared-table.test/assessments/${round.id}`);
    expect(mail.subject).toContain("Next Gen");
    const again = await inject("POST", `/api/partnerships/${partnership.id}/assessments`, convener, {});
    expect(again.statusCode).toBe(409);
    expect(await count("assessment_rounds")).toBe(1);
  });

  it("starts a member from the quick check they saved to the partnership", async () => {
    const detail = (await inject("GET", `/api/assessments/${round.id}`, biz1)).json();
    expect(detail).toMatchObject({ myAnswers: null, savedQuickCheck: answersAt(1), canRespond: true });
    expect((await inject("GET", `/api/assessments/${round.id}`, biz2)).json().savedQuickCheck).toBeNull();
  });

  it("takes one response per member, editable while open, with the sector of their organization", async () => {
    const first = await inject("PUT", `/api/assessments/${round.id}/response`, biz1, {
      answers: answersAt(1),
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ sector: "business" });
    const edited = await inject("PUT", `/api/assessments/${round.id}/response`, biz1, {
      answers: answersAt(3, { one_support_team: 3 }),
    });
    expect(edited.statusCode).toBe(200);
    expect(await count("assessment_responses")).toBe(1);
    const mine = await inject("GET", `/api/assessments/${round.id}`, biz1);
    expect(mine.json()).toMatchObject({
      myAnswers: answersAt(3),
      members: null,
      canManage: false,
      canRespond: true,
    });
    await inject("PUT", `/api/assessments/${round.id}/response`, biz2, {
      answers: answersAt(2, { one_support_team: 3 }),
    });
    await inject("PUT", `/api/assessments/${round.id}/response`, biz3, {
      answers: answersAt(1, { one_support_team: 3 }),
    });
    await inject("PUT", `/api/assessments/${round.id}/response`, pub1, {
      answers: answersAt(2, { one_support_team: 1 }),
    });
    await inject("PUT", `/api/assessments/${round.id}/response`, pub2, {
      answers: answersAt(1, { one_support_team: 2 }),
    });
    const last = await inject("PUT", `/api/assessments/${round.id}/response`, pub3, {
      answers: answersAt(0),
    });
    expect(last.json()).toMatchObject({ sector: "public" });
  });

  it("refuses bad answers, naming each, and stores nothing", async () => {
    const res = await inject("PUT", `/api/assessments/${round.id}/response`, pub1, {
      answers: { ...answersAt(0), early_wins: 7, extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      "answers.early_wins",
      "answers.extra",
    ]);
    const [row] = await queryRows<{ level: number }>(
      ctx.deps.db,
      sql`select (answers->>'early_wins')::int as level from assessment_responses where person_id = ${pub1.personId}`,
    );
    expect(row.level).toBe(2);
  });

  it("refuses a response from a non-member with 403, storing nothing", async () => {
    const res = await inject("PUT", `/api/assessments/${round.id}/response`, outsider, {
      answers: answersAt(0),
    });
    expect(res.statusCode).toBe(403);
    expect(await count("assessment_responses", `person_id = '${outsider.personId}'`)).toBe(0);
    expect(await count("assessment_responses")).toBe(6);
  });

  it("shows the convener who answered, never what; members see no list", async () => {
    const res = await inject("GET", `/api/assessments/${round.id}`, convener);
    expect(res.statusCode).toBe(200);
    const detail = res.json<{
      members: { name: string; answered: boolean }[];
      myAnswers: unknown;
      respondents: number;
    }>();
    expect(detail.respondents).toBe(6);
    expect(detail.myAnswers).toBeNull();
    expect(
      detail.members
        .filter((m) => m.answered)
        .map((m) => m.name)
        .sort(),
    ).toEqual(["Bea Business", "Bix Business", "Bo Business", "Pat Public", "Paz Public", "Pim Public"]);
    expect(JSON.stringify(detail)).not.toContain("one_support_team");
    expect((await inject("GET", `/api/assessments/${round.id}`, outsider)).statusCode).toBe(404);
  });

  it("keeps results until the round closes", async () => {
    const res = await inject("GET", `/api/assessments/${round.id}/results`, biz1);
    expect(res.statusCode).toBe(409);
  });

  it("may be closed only by its convener; a refusal changes nothing", async () => {
    expect((await inject("POST", `/api/assessments/${round.id}/close`, biz1)).statusCode).toBe(403);
    expect((await inject("POST", `/api/assessments/${round.id}/close`, outsider)).statusCode).toBe(404);
    expect(await count("assessment_rounds", "status = 'open'")).toBe(1);
    const closed = await inject("POST", `/api/assessments/${round.id}/close`, convener);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", respondents: 6 });
    expect((await inject("POST", `/api/assessments/${round.id}/close`, convener)).statusCode).toBe(409);
  });

  it("refuses answers after the close with 409 and keeps the stored ones", async () => {
    const res = await inject("PUT", `/api/assessments/${round.id}/response`, biz2, { answers: answersAt(0) });
    expect(res.statusCode).toBe(409);
    const [row] = await queryRows<{ level: number }>(
      ctx.deps.db,
      sql`select (answers->>'early_wins')::int as level from assessment_responses where person_id = ${biz2.personId}`,
    );
    expect(row.level).toBe(2);
  });

  it("answers results by sector with the gaps flagged, and never individual answers", async () => {
    const res = await inject("GET", `/api/assessments/${round.id}/results`, pub2);
    expect(res.statusCode).toBe(200);
    const results = res.json();
    // Business: 3, 2 and 1 everywhere → 2 → 66.7; public: 2, 1 and 0 → 1 → 33.3; all: 1.5 → 50.
    // Except one_support_team: business 3, 3, 3 → 3; public 1, 2, 0 → 1; all 2.
    expect(results).toMatchObject({
      version: 2,
      respondents: { all: 6, business: 3, public: 3 },
      minimum: 3,
      visibility: { all: "shown", business: "shown", public: "shown" },
      band: "emerging",
      previous: null,
      change: { overall: null, comparison: "first", notCompared: [] },
    });
    const community = results.characteristics.find((c: { key: string }) => c.key === "community_supported");
    // business (3 + 2 + 2 + 2) / 4 / 3 = 75; public 1 / 3 = 33.3; all (2 + 1.5 × 3) / 4 / 3 = 54.17.
    expect(community).toEqual({
      key: "community_supported",
      name: "A coordinated team of public partners",
      all: 54.2,
      business: 75,
      public: 33.3,
    });
    const industry = results.characteristics.find((c: { key: string }) => c.key === "industry_driven");
    expect(industry).toEqual({
      key: "industry_driven",
      name: "Led by influential business leaders",
      all: 50,
      business: 66.7,
      public: 33.3,
    });
    // overall = (50 × 5 + 54.17) / 6 = 50.69; every one of the 22 statements is a level or more apart.
    expect(results.overall).toBe(50.7);
    expect(results.gaps).toHaveLength(22);
    expect(results.gaps[0]).toEqual({
      statement: "one_support_team",
      text: "Our public partners come to the table as one coordinated team, not program by program.",
      business: 3,
      public: 1,
      difference: 2,
    });
    expect(results.gaps[1]).toMatchObject({ business: 2, public: 1, difference: 1 });
    expect(JSON.stringify(results)).not.toContain(biz1.personId);
  });

  it("hides results from non-members with 404 and asks anonymous callers to sign in", async () => {
    expect((await inject("GET", `/api/assessments/${round.id}/results`, outsider)).statusCode).toBe(404);
    expect((await inject("GET", `/api/assessments/${round.id}/results`, admin)).statusCode).toBe(404);
    expect((await inject("GET", `/api/assessments/${round.id}/results`)).statusCode).toBe(401);
    expect((await inject("GET", `/api/assessments/not-a-uuid/results`, biz1)).statusCode).toBe(404);
  });

  it("keeps history with the change since the last round", async () => {
    const second = await openRound("Summer check");
    for (const user of [biz1, biz2, biz3, pub1, pub2, pub3]) {
      const res = await inject("PUT", `/api/assessments/${second.id}/response`, user, {
        answers: answersAt(3),
      });
      expect(res.statusCode).toBe(200);
    }
    await inject("POST", `/api/assessments/${second.id}/close`, convener);
    const results = (await inject("GET", `/api/assessments/${second.id}/results`, biz1)).json();
    expect(results).toMatchObject({
      overall: 100,
      band: "next_gen",
      gaps: [],
      change: { overall: 49.3, comparison: "same", notCompared: [] },
    });
    expect(results.previous).toMatchObject({ roundId: round.id, version: 2, overall: 50.7 });

    const historyRes = await inject("GET", `/api/partnerships/${partnership.id}/assessments`, biz2);
    expect(historyRes.statusCode).toBe(200);
    const h = historyRes.json();
    expect(h.open).toBeNull();
    expect(h.canOpen).toBe(false);
    expect(
      h.closed.map((r: { title: string; overall: number; change: { overall: number | null } }) => [
        r.title,
        r.overall,
        r.change.overall,
      ]),
    ).toEqual([
      ["Summer check", 100, 49.3],
      ["Spring check", 50.7, null],
    ]);
    expect(
      (await inject("GET", `/api/partnerships/${partnership.id}/assessments`, outsider)).statusCode,
    ).toBe(403);
  });
});

describe("evidence signals", () => {
  it("shows what exists and null where there is no data yet", async () => {
    const res = await inject("GET", `/api/partnerships/${partnership.id}/assessment-signals`, biz1);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      businessAttendanceShare: null,
      businessChampions: null,
      meetingsLast12Months: 0,
      publicPartnerKinds: {
        present: ["workforce_development", "postsecondary_education"],
        missing: ["economic_development", "k12_education", "community_organization", "chamber_of_commerce"],
      },
      // Nobody's seniority is recorded yet, there is no plan, and the region has no QCEW data.
      businessSeniority: null,
      prioritiesBeyondWorkforce: null,
      actionPlanUpdated: null,
      regionalEconomy: { counties: 3, states: 1, commutingAreas: 0, industries: 1, dataYear: null },
    });
    expect(
      (await inject("GET", `/api/partnerships/${partnership.id}/assessment-signals`, outsider)).statusCode,
    ).toBe(403);
  });

  it("computes the business share of attendance and the meetings of the last 12 months", async () => {
    const now = ctx.deps.now();
    const day = 86_400_000;
    const ids = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`insert into meetings (partnership_id, kind, title, starts_at, time_zone) values
          (${partnership.id}, 'full_partnership', 'Spring', ${new Date(now.getTime() - 30 * day).toISOString()}::timestamptz, 'America/Denver'),
          (${partnership.id}, 'full_partnership', 'Winter', ${new Date(now.getTime() - 120 * day).toISOString()}::timestamptz, 'America/Denver'),
          (${partnership.id}, 'full_partnership', 'Long ago', ${new Date(now.getTime() - 500 * day).toISOString()}::timestamptz, 'America/Denver')
          returning id`,
    );
    const [spring, winter] = ids.map((r) => r.id);
    await ctx.deps.db.execute(sql`insert into meeting_attendance (meeting_id, person_id, sector) values
      (${spring}, ${biz1.personId}, 'business'), (${spring}, ${biz2.personId}, 'business'), (${spring}, ${pub1.personId}, 'public'),
      (${winter}, ${biz1.personId}, 'business'), (${winter}, ${pub1.personId}, 'public'), (${winter}, ${pub2.personId}, 'public')`);
    const [priority] = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`insert into priorities (partnership_id, title) values (${partnership.id}, 'Entry-level pipeline') returning id`,
    );
    const teams = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`insert into action_teams (partnership_id, priority_id, name) values
          (${partnership.id}, ${priority.id}, 'Pipeline team'), (${partnership.id}, ${priority.id}, 'Outreach team')
          returning id`,
    );
    await ctx.deps.db.execute(sql`insert into action_team_members (team_id, person_id, role) values
      (${teams[0].id}, ${biz1.personId}, 'champion'), (${teams[1].id}, ${pub1.personId}, 'support')`);
    const res = await inject("GET", `/api/partnerships/${partnership.id}/assessment-signals`, biz1);
    expect(res.json()).toMatchObject({
      businessAttendanceShare: { meetings: 2, attendees: 6, businessShare: 50, meetingsWithoutMajority: 1 },
      businessChampions: { teams: 2, withBusinessChampion: 1 },
      meetingsLast12Months: 2,
      // The plan changed when the priority and its teams were added, today.
      prioritiesBeyondWorkforce: { active: 1, withTheme: 0, beyondWorkforce: 0, themes: [] },
      actionPlanUpdated: { at: expect.any(String), daysAgo: 0 },
    });
  });

  it("counts influential business leaders, priorities beyond workforce and the plan's last change", async () => {
    const now = ctx.deps.now();
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    await ctx.deps.db.execute(sql`update people set seniority = 'owner_ceo' where id = ${biz1.personId}`);
    await ctx.deps.db.execute(sql`update people set seniority = 'manager' where id = ${biz2.personId}`);
    await ctx.deps.db.execute(sql`insert into priorities (partnership_id, title, theme, updated_at) values
      (${partnership.id}, 'Freight corridor', 'infrastructure_transportation', ${daysAgo(75)}::timestamptz),
      (${partnership.id}, 'Supplier network', 'supply_chain', ${daysAgo(75)}::timestamptz),
      (${partnership.id}, 'Night-shift training', 'incumbent_worker_skills', ${daysAgo(75)}::timestamptz)`);
    await ctx.deps.db.execute(
      sql`update priorities set updated_at = ${daysAgo(80)}::timestamptz where title = 'Entry-level pipeline'`,
    );
    await ctx.deps.db.execute(
      sql`update action_teams set created_at = ${daysAgo(61)}::timestamptz where partnership_id = ${partnership.id}`,
    );
    const res = await inject("GET", `/api/partnerships/${partnership.id}/assessment-signals`, biz1);
    expect(res.json()).toMatchObject({
      // Three business people; two have a seniority; one of them is an owner.
      businessSeniority: { businessPeople: 3, recorded: 2, influential: 1 },
      // Four active priorities, three with a theme, two of those beyond workforce (in vocabulary order).
      prioritiesBeyondWorkforce: {
        active: 4,
        withTheme: 3,
        beyondWorkforce: 2,
        themes: ["supply_chain", "infrastructure_transportation"],
      },
      // The latest change: the teams formed 61 days ago.
      actionPlanUpdated: { at: daysAgo(61), daysAgo: 61 },
    });
  });
});

describe("rubric versions", () => {
  let draft: { version: number; revision: number; characteristics: typeof rubricV1.characteristics };

  it("are managed by community admins only", async () => {
    expect((await inject("POST", "/api/assessment/rubrics", convener)).statusCode).toBe(403);
    expect((await inject("GET", "/api/assessment/rubrics", convener)).statusCode).toBe(403);
    expect(await count("assessment_rubrics")).toBe(2);
  });

  it("start as a draft copy of the current version, one draft at a time", async () => {
    const res = await inject("POST", "/api/assessment/rubrics", admin);
    expect(res.statusCode).toBe(201);
    draft = res.json();
    expect(draft).toMatchObject({ version: 3, status: "draft", revision: 1 });
    expect(draft.characteristics).toEqual(rubricV2.characteristics);
    expect((await inject("POST", "/api/assessment/rubrics", admin)).statusCode).toBe(409);
    expect((await inject("GET", "/api/assessment/rubrics/3", convener)).statusCode).toBe(404);
    expect((await inject("GET", "/api/assessment/rubric")).json().version).toBe(2);
  });

  it("refuse a draft that breaks the rules, and a stale edit", async () => {
    const tooFew = draft.characteristics.map((c) => ({ ...c, statements: c.statements.slice(0, 2) }));
    const bad = await inject("PUT", "/api/assessment/rubrics/3", admin, {
      revision: 1,
      characteristics: tooFew,
    });
    expect(bad.statusCode).toBe(400);
    const edited = structuredClone(draft.characteristics);
    edited[1].statements[0].text = "Business leaders are the majority at every full partnership meeting.";
    const ok = await inject("PUT", "/api/assessment/rubrics/3", admin, {
      revision: 1,
      characteristics: edited,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().revision).toBe(2);
    const stale = await inject("PUT", "/api/assessment/rubrics/3", admin, {
      revision: 1,
      characteristics: draft.characteristics,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.revision).toBe(2);
    const forbidden = await inject("PUT", "/api/assessment/rubrics/3", convener, {
      revision: 2,
      characteristics: draft.characteristics,
    });
    expect(forbidden.statusCode).toBe(403);
    expect(
      (await inject("GET", "/api/assessment/rubrics/3", admin)).json().characteristics[1].statements[0].text,
    ).toBe("Business leaders are the majority at every full partnership meeting.");
  });

  it("are never changed once published, only succeeded; old rounds keep their version", async () => {
    const published = await inject("POST", "/api/assessment/rubrics/3/publish", admin);
    expect(published.statusCode).toBe(200);
    expect((await inject("GET", "/api/assessment/rubric")).json()).toMatchObject({ version: 3 });
    const change = await inject("PUT", "/api/assessment/rubrics/1", admin, {
      revision: 1,
      characteristics: draft.characteristics,
    });
    expect(change.statusCode).toBe(409);
    expect((await inject("POST", "/api/assessment/rubrics/3/publish", admin)).statusCode).toBe(409);
    const v1 = (await inject("GET", "/api/assessment/rubrics/1")).json();
    expect(v1.characteristics[0].statements[0].text).toBe(rubricV1.characteristics[0].statements[0].text);
    const list = (await inject("GET", "/api/assessment/rubrics", admin)).json();
    expect(
      list.items.map((i: { version: number; current: boolean; rounds: number }) => [
        i.version,
        i.current,
        i.rounds,
      ]),
    ).toEqual([
      [3, true, 0],
      [2, false, 2],
      [1, false, 0],
    ]);
    const third = await openRound("Autumn check");
    expect(third.version).toBe(3);
  });
});

describe("a race", () => {
  it("opens one round when two conveners press at the same moment", async () => {
    const other = await createPartnership(ctx, convener.cookie, { name: "Twin Clicks Partnership" });
    const statuses = await Promise.all(
      [1, 2].map(
        async () =>
          (await inject("POST", `/api/partnerships/${other.id}/assessments`, convener, {})).statusCode,
      ),
    );
    expect(statuses.sort()).toEqual([201, 409]);
    expect(await count("assessment_rounds", `partnership_id = '${other.id}'`)).toBe(1);
  });
});
