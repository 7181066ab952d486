import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreResponses, type Answers, type ScoredResponse } from "../../../core/assessment-scoring.js";
import {
  createPartnership,
  createTestContext,
  seatByInvitation,
  signUp,
  type TestContext,
} from "../../test-support.js";
import { rubricV2 } from "./rubric-v2.js";

/**
 * DOMAIN.md: a group's results (all, business, public) are shown only when at least 3 people of
 * that group answered, so that no one's answers can be inferred. These tests read every answer
 * the app gives about a round (results, which the printable report shows as they are; history;
 * the round itself; the admins' community view) and look for any number derived from the answers
 * of a group that is too small.
 */

type User = Awaited<ReturnType<typeof signUp>>;
type Partnership = { id: string; slug: string };
let ctx: TestContext;
let convener: User;
let admin: User;
let partnership: Partnership;
const biz: User[] = [];
const pub: User[] = [];

const keys = rubricV2.characteristics.flatMap((c) => c.statements.map((s) => s.key));
const answersAt = (level: number, overrides: Record<string, number> = {}): Answers => ({
  ...Object.fromEntries(keys.map((k) => [k, level])),
  ...overrides,
});

async function inject(method: "GET" | "POST" | "PUT", url: string, user?: User, payload?: object) {
  return ctx.app.inject({ method, url, headers: user ? { cookie: user.cookie } : {}, payload });
}

async function get(url: string, user: User): Promise<unknown> {
  const res = await inject("GET", url, user);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Signs a person up and seats them at a partnership through a real invitation. */
const seat = (p: Partnership, by: User, name: string, organizationId: string, role: string) =>
  seatByInvitation(ctx, p.id, by.cookie, name, organizationId, role);

async function organization(p: Partnership, by: User, name: string, kind: string) {
  const res = await inject("POST", `/api/partnerships/${p.id}/organizations`, by, { name, kind });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string }>().id;
}

/** Opens a round, takes each person's answers, closes it; answers the round's id. */
async function closedRound(p: Partnership, by: User, title: string, answers: [User, Answers][]) {
  const opened = await inject("POST", `/api/partnerships/${p.id}/assessments`, by, { title });
  expect(opened.statusCode).toBe(201);
  const id = opened.json<{ id: string }>().id;
  for (const [user, a] of answers) {
    expect((await inject("PUT", `/api/assessments/${id}/response`, user, { answers: a })).statusCode).toBe(
      200,
    );
  }
  expect((await inject("POST", `/api/assessments/${id}/close`, by)).statusCode).toBe(200);
  return id;
}

/** Every number in an answer body. */
function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === "number") out.push(value);
  else if (Array.isArray(value)) for (const v of value) numbersIn(v, out);
  else if (value && typeof value === "object") for (const v of Object.values(value)) numbersIn(v, out);
  return out;
}

/** A score or mean as the app would show it: numbers from the raw shown arithmetic. */
function shownNumbers(results: ReturnType<typeof scoreResponses>, groups: ("all" | "business" | "public")[]) {
  return [
    ...(groups.includes("all") ? [results.overall] : []),
    ...results.characteristics.flatMap((c) => groups.map((g) => c[g])),
    ...results.statements.flatMap((s) => groups.map((g) => s[g])),
    ...results.gaps.flatMap((g) => [g.business, g.public, g.difference]),
  ].filter((v): v is number => v !== null);
}

/**
 * Every score, mean and gap that could be computed from groups that must stay hidden, as the app
 * rounds them. Each group is repeated three times so that the arithmetic shows it; small whole
 * numbers (0 to 6) are left out because counts, the version and the minimum legitimately take them.
 */
function hiddenNumbers(groups: ScoredResponse[][], compare?: [ScoredResponse[], ScoredResponse[]]) {
  const thrice = (rs: ScoredResponse[]) => rs.flatMap((r) => [r, r, r]);
  const numbers = groups.flatMap((g) => shownNumbers(scoreResponses(rubricV2, thrice(g)), ["all"]));
  if (compare) {
    const split = scoreResponses(rubricV2, thrice([...compare[0], ...compare[1]]));
    numbers.push(...shownNumbers(split, ["business", "public"]));
  }
  return new Set(numbers.filter((n) => !(Number.isInteger(n) && n >= 0 && n <= 6)));
}

function expectNoneOf(hidden: Set<number>, bodies: unknown[]) {
  const leaked = bodies.flatMap((b) => numbersIn(b)).filter((n) => hidden.has(n));
  expect(leaked).toEqual([]);
}

beforeAll(async () => {
  ctx = await createTestContext();
  convener = await signUp(ctx, "Casey Convener");
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  partnership = await createPartnership(ctx, convener.cookie);
  for (const [i, name] of ["Acme Precision", "Beta Fabrication", "Gamma Machining"].entries()) {
    const org = await organization(partnership, convener, name, "business");
    biz.push(await seat(partnership, convener, `Business ${i + 1}`, org, "business_member"));
  }
  for (const [i, name] of ["Workforce Board", "Front Range College", "Red Rocks College"].entries()) {
    const org = await organization(
      partnership,
      convener,
      name,
      i === 0 ? "workforce_development" : "postsecondary_education",
    );
    pub.push(await seat(partnership, convener, `Public ${i + 1}`, org, "support"));
  }
}, 60_000);
afterAll(() => ctx.close());

describe("a round answered by one business and one public member", () => {
  // Distinct levels so that each person's scores are numbers no count could be.
  const b1 = answersAt(3, { business_majority: 1, one_support_team: 2, early_wins: 0 });
  const p1 = answersAt(1, { business_majority: 0, one_support_team: 3, early_wins: 2 });
  const business: ScoredResponse[] = [{ sector: "business", answers: b1 }];
  const publicPartner: ScoredResponse[] = [{ sector: "public", answers: p1 }];
  const hidden = hiddenNumbers(
    [business, publicPartner, [...business, ...publicPartner]],
    [business, publicPartner],
  );
  let roundId: string;

  it("shows only the counts, and says which groups are too small", async () => {
    // The check below could not fail if these answers derived no telling number.
    expect(hidden.size).toBeGreaterThan(10);
    roundId = await closedRound(partnership, convener, "Tiny round", [
      [biz[0], b1],
      [pub[0], p1],
    ]);
    const results = await get(`/api/assessments/${roundId}/results`, biz[0]);
    expect(results).toMatchObject({
      respondents: { all: 2, business: 1, public: 1 },
      minimum: 3,
      visibility: { all: "too_few", business: "too_few", public: "too_few" },
      overall: null,
      band: null,
      gaps: [],
      previous: null,
      change: { overall: null },
    });
    const r = results as { characteristics: object[]; statements: object[] };
    expect(r.characteristics).toHaveLength(6);
    for (const c of r.characteristics) expect(c).toMatchObject({ all: null, business: null, public: null });
    expect(r.statements).toHaveLength(keys.length);
    for (const s of r.statements) expect(s).toMatchObject({ all: null, business: null, public: null });
  });

  it("leaks no number derived from their answers in results, report, history, round or community view", async () => {
    const bodies = [
      await get(`/api/assessments/${roundId}/results`, biz[0]),
      await get(`/api/assessments/${roundId}/results`, pub[0]),
      await get(`/api/assessments/${roundId}/results`, convener),
      await get(`/api/assessments/${roundId}`, convener),
      await get(`/api/partnerships/${partnership.id}/assessments`, pub[1]),
      await get("/api/admin/assessment/community", admin),
    ];
    expectNoneOf(hidden, bodies);
    const history = bodies[4] as { minimum: number; closed: unknown[] };
    expect(history.minimum).toBe(3);
    expect(history.closed).toEqual([
      expect.objectContaining({
        title: "Tiny round",
        respondents: 2,
        visibility: "too_few",
        overall: null,
        band: null,
        characteristics: rubricV2.characteristics.map((c) => ({ key: c.key, all: null })),
        change: { overall: null, comparison: "first", notCompared: [] },
      }),
    ]);
    // A round no one may see a score of is not an assessed partnership in the community view.
    expect(bodies[5]).toEqual({ partnershipsAssessed: 0, minimum: 5, bands: null, characteristics: null });
  });
});

describe("a round answered by three business members and one public member", () => {
  const p1 = answersAt(1, { business_majority: 0 });
  // The business results beside everyone's would give the public partner's answers: 4 × all − 3 × business.
  const business: ScoredResponse[] = [1, 2, 3].map(() => ({ sector: "business", answers: answersAt(2) }));
  const publicPartner: ScoredResponse[] = [{ sector: "public", answers: p1 }];
  const hidden = hiddenNumbers([business, publicPartner], [business, publicPartner]);
  let roundId: string;

  it("shows everyone's scores, exactly, and neither sector nor gaps", async () => {
    // The business side alone 66.7; the public partner's industry_driven 25, others 33.3, overall 31.9.
    expect([...hidden]).toEqual(expect.arrayContaining([66.7, 25, 33.3, 31.9]));
    roundId = await closedRound(partnership, convener, "Business-heavy round", [
      [biz[0], answersAt(2)],
      [biz[1], answersAt(2)],
      [biz[2], answersAt(2)],
      [pub[0], p1],
    ]);
    const results = (await get(`/api/assessments/${roundId}/results`, pub[0])) as {
      characteristics: { key: string; all: number | null; business: number | null; public: number | null }[];
      statements: { key: string; all: number | null; business: number | null; public: number | null }[];
    };
    expect(results).toMatchObject({
      respondents: { all: 4, business: 3, public: 1 },
      visibility: { all: "shown", business: "reveals_other", public: "too_few" },
      // (56.25 + 58.33 × 5) / 6 = 57.99
      overall: 58,
      band: "emerging",
      gaps: [],
      previous: { title: "Tiny round", overall: null },
      change: { overall: null },
    });
    // Industry-driven: business_majority (2 × 3 + 0) / 4 = 1.5, the other three (2 × 3 + 1) / 4 = 1.75,
    // (1.5 + 1.75 × 3) / 4 / 3 = 56.25; the other characteristics 1.75 / 3 = 58.3.
    expect(results.characteristics.map((c) => [c.key, c.all, c.business, c.public])).toEqual([
      ["regional_sector", 58.3, null, null],
      ["industry_driven", 56.3, null, null],
      ["industry_solutions", 58.3, null, null],
      ["community_supported", 58.3, null, null],
      ["action_results", 58.3, null, null],
      ["sustainable", 58.3, null, null],
    ]);
    expect(results.statements.find((s) => s.key === "business_majority")).toMatchObject({
      all: 1.5,
      business: null,
      public: null,
    });
    expect(results.statements.find((s) => s.key === "one_industry")).toMatchObject({
      all: 1.75,
      business: null,
      public: null,
    });
  });

  it("leaks neither the business results nor the public partner's answers anywhere", async () => {
    expectNoneOf(hidden, [
      await get(`/api/assessments/${roundId}/results`, biz[1]),
      await get(`/api/assessments/${roundId}`, convener),
      await get(`/api/partnerships/${partnership.id}/assessments`, biz[2]),
      await get("/api/admin/assessment/community", admin),
    ]);
  });
});

describe("a round answered by three business and three public members", () => {
  let roundId: string;

  it("shows every group with exact numbers, and the gaps", async () => {
    roundId = await closedRound(partnership, convener, "Full round", [
      [biz[0], answersAt(3)],
      [biz[1], answersAt(3)],
      [biz[2], answersAt(2)],
      [pub[0], answersAt(1)],
      [pub[1], answersAt(2)],
      [pub[2], answersAt(1, { one_support_team: 0 })],
    ]);
    const results = (await get(`/api/assessments/${roundId}/results`, biz[0])) as {
      characteristics: { key: string; all: number | null; business: number | null; public: number | null }[];
      statements: { key: string; all: number | null; business: number | null; public: number | null }[];
      gaps: object[];
    };
    // Business 8 / 3 = 2.67 everywhere → 88.9; public 4 / 3 = 1.33 → 44.4 (one_support_team 1);
    // all 2 → 66.7 (one_support_team 11 / 6 = 1.83).
    expect(results).toMatchObject({
      respondents: { all: 6, business: 3, public: 3 },
      visibility: { all: "shown", business: "shown", public: "shown" },
      // (66.67 × 5 + 65.28) / 6 = 66.44
      overall: 66.4,
      band: "emerging",
      previous: { title: "Business-heavy round", overall: 58 },
      change: { overall: 8.4, comparison: "same" },
    });
    expect(results.characteristics.map((c) => [c.key, c.all, c.business, c.public])).toEqual([
      ["regional_sector", 66.7, 88.9, 44.4],
      ["industry_driven", 66.7, 88.9, 44.4],
      ["industry_solutions", 66.7, 88.9, 44.4],
      // all (2 × 3 + 1.83) / 4 / 3 = 65.28; public (1.33 × 3 + 1) / 4 / 3 = 41.67
      ["community_supported", 65.3, 88.9, 41.7],
      ["action_results", 66.7, 88.9, 44.4],
      ["sustainable", 66.7, 88.9, 44.4],
    ]);
    expect(results.statements.find((s) => s.key === "one_support_team")).toMatchObject({
      all: 1.83,
      business: 2.67,
      public: 1,
    });
    expect(results.gaps).toHaveLength(keys.length);
    expect(results.gaps[0]).toMatchObject({
      statement: "one_support_team",
      business: 2.67,
      public: 1,
      difference: 1.67,
    });
    expect(results.gaps[1]).toMatchObject({ business: 2.67, public: 1.33, difference: 1.33 });
  });

  it("keeps history with no score for the round that had too few, and no change after it", async () => {
    const history = (await get(`/api/partnerships/${partnership.id}/assessments`, pub[2])) as {
      closed: {
        title: string;
        respondents: number;
        visibility: string;
        overall: number | null;
        band: string | null;
        change: { overall: number | null };
      }[];
    };
    expect(
      history.closed.map((r) => [r.title, r.respondents, r.visibility, r.overall, r.band, r.change.overall]),
    ).toEqual([
      ["Full round", 6, "shown", 66.4, "emerging", 8.4],
      ["Business-heavy round", 4, "shown", 58, "emerging", null],
      ["Tiny round", 2, "too_few", null, null, null],
    ]);
  });
});

describe("the community view", () => {
  it("is for community admins only", async () => {
    expect((await inject("GET", "/api/admin/assessment/community", convener)).statusCode).toBe(403);
    expect((await inject("GET", "/api/admin/assessment/community")).statusCode).toBe(401);
  });

  it("counts each partnership by its latest round with 3 or more respondents, and no smaller one", async () => {
    // A later round of the first partnership with one business and one public respondent, at 0.
    await closedRound(partnership, convener, "Late tiny round", [
      [biz[1], answersAt(0)],
      [pub[1], answersAt(0)],
    ]);
    // Four partnerships whose three respondents answer 0, 1, 2 and 3 everywhere.
    for (let i = 0; i < 4; i += 1) {
      const owner = await signUp(ctx, `Convener ${i}`);
      const p = await createPartnership(ctx, owner.cookie, { name: `Partnership number ${i}` });
      const org = await organization(p, owner, "Workforce Board", "workforce_development");
      const members = [
        owner,
        await seat(p, owner, `Member ${i}a`, org, "support"),
        await seat(p, owner, `Member ${i}b`, org, "support"),
      ];
      await closedRound(
        p,
        owner,
        "Check",
        members.map((m) => [m, answersAt(i)] as [User, Answers]),
      );
    }
    // And one whose only round two people answered, at the top of the scale.
    const owner = await signUp(ctx, "Small Convener");
    const small = await createPartnership(ctx, owner.cookie, { name: "Small table partnership" });
    const org = await organization(small, owner, "Workforce Board", "workforce_development");
    const member = await seat(small, owner, "Small Member", org, "support");
    await closedRound(small, owner, "Check", [
      [owner, answersAt(3)],
      [member, answersAt(3)],
    ]);

    const view = (await get("/api/admin/assessment/community", admin)) as {
      characteristics: { key: string; partnerships: number; mean: number; median: number }[];
    };
    // The first partnership by its Full round (emerging), and the four at 0, 33.3, 66.7 and 100.
    expect(view).toMatchObject({
      partnershipsAssessed: 5,
      minimum: 5,
      bands: { not_yet: 2, emerging: 2, next_gen: 1 },
    });
    // Community-supported: (65.3 + 0 + 33.3 + 66.7 + 100) / 5 = 53.06, median 65.3; the others
    // (66.7 + 0 + 33.3 + 66.7 + 100) / 5 = 53.34, median 66.7.
    expect(view.characteristics.map((c) => [c.key, c.partnerships, c.mean, c.median])).toEqual([
      ["community_supported", 5, 53.1, 65.3],
      ["regional_sector", 5, 53.3, 66.7],
      ["industry_driven", 5, 53.3, 66.7],
      ["industry_solutions", 5, 53.3, 66.7],
      ["action_results", 5, 53.3, 66.7],
      ["sustainable", 5, 53.3, 66.7],
    ]);
  });
});
