import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answers, RubricContent } from "../../../core/assessment-scoring.js";
import { queryRows } from "../../../db/query.js";
import { assessmentRounds, assessmentRubrics } from "../../../db/schema/index.js";
import {
  createPartnership,
  createTestContext,
  seatByInvitation,
  signUp,
  type TestContext,
} from "../../test-support.js";
import { rubricV1 } from "./rubric-v1.js";
import { rubricV2 } from "./rubric-v2.js";

/**
 * A database from before version 2: version 1 is the only rubric and a round is open under it.
 * Version 2 (the published indicators) arrives with the software; the open round keeps version 1,
 * the next one is on version 2, and history compares the characteristics that map.
 */

type User = Awaited<ReturnType<typeof signUp>>;
let ctx: TestContext;
let convener: User;
let partnership: { id: string; slug: string };
const members: User[] = [];
let springId: string;

const answersAt = (rubric: RubricContent, level: number, per: Record<string, number> = {}): Answers =>
  Object.fromEntries(
    rubric.characteristics.flatMap((c) => c.statements.map((s) => [s.key, per[c.key] ?? level])),
  );

async function inject(method: "GET" | "POST" | "PUT", url: string, user?: User, payload?: object) {
  return ctx.app.inject({ method, url, headers: user ? { cookie: user.cookie } : {}, payload });
}

const seat = (name: string, organizationId: string, role: string): Promise<User> =>
  seatByInvitation(ctx, partnership.id, convener.cookie, name, organizationId, role);

beforeAll(async () => {
  ctx = await createTestContext();
  const released = new Date(Date.UTC(2025, 0, 15));
  await ctx.deps.db
    .insert(assessmentRubrics)
    .values({ version: 1, status: "published", content: rubricV1, publishedAt: released });
  convener = await signUp(ctx, "Casey Convener");
  partnership = await createPartnership(ctx, convener.cookie);
  const org = async (name: string, kind: string) =>
    (
      await inject("POST", `/api/partnerships/${partnership.id}/organizations`, convener, { name, kind })
    ).json<{ id: string }>().id;
  for (const [name, kind, role] of [
    ["Acme Precision", "business", "business_member"],
    ["Beta Fabrication", "business", "business_member"],
    ["Gamma Machining", "business", "business_member"],
    ["Workforce Board", "workforce_development", "support"],
    ["Front Range College", "postsecondary_education", "support"],
    ["Metro Chamber", "chamber_of_commerce", "support"],
  ] as const) {
    members.push(await seat(`${name} lead`, await org(name, kind), role));
  }
  // Opened under version 1 before the upgrade, as the database holds it.
  const [spring] = await ctx.deps.db
    .insert(assessmentRounds)
    .values({
      partnershipId: partnership.id,
      rubricVersion: 1,
      title: "Spring 2026",
      openedBy: convener.userId,
      openedAt: new Date(ctx.deps.now().getTime() - 20 * 86_400_000),
    })
    .returning({ id: assessmentRounds.id });
  springId = spring.id;
}, 60_000);
afterAll(() => ctx.close());

describe("upgrading to rubric version 2", () => {
  it("publishes version 2 beside version 1, once", async () => {
    const current = (await inject("GET", "/api/assessment/rubric")).json<{
      version: number;
      characteristics: { key: string }[];
    }>();
    expect(current.version).toBe(2);
    expect(current.characteristics).toHaveLength(6);
    expect((await inject("GET", "/api/assessment/rubrics/1")).json().characteristics).toHaveLength(5);
    await inject("GET", "/api/assessment/rubric");
    const [{ n }] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from assessment_rubrics`,
    );
    expect(n).toBe(2);
  });

  it("keeps the open round on version 1: its statements, not version 2's", async () => {
    const detail = (await inject("GET", `/api/assessments/${springId}`, members[0])).json();
    expect(detail).toMatchObject({ version: 1, status: "open", canRespond: true });
    const refused = await inject("PUT", `/api/assessments/${springId}/response`, members[0], {
      answers: answersAt(rubricV2, 1),
    });
    expect(refused.statusCode).toBe(400);
    const fields = refused.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    // Version 1's statements v2 dropped are missing; version 2's new ones are unknown.
    expect(fields).toContain("answers.whole_region_represented");
    expect(fields).toContain("answers.influential_leaders");
    for (const user of members) {
      const res = await inject("PUT", `/api/assessments/${springId}/response`, user, {
        answers: answersAt(rubricV1, 1),
      });
      expect(res.statusCode).toBe(200);
    }
    expect((await inject("POST", `/api/assessments/${springId}/close`, convener)).statusCode).toBe(200);
    const results = (await inject("GET", `/api/assessments/${springId}/results`, members[1])).json();
    expect(results).toMatchObject({ version: 1, overall: 33.3, change: { comparison: "first" } });
    expect(results.characteristics.map((c: { key: string }) => c.key)).toEqual([
      "industry_driven",
      "community_supported",
      "sustainable",
      "regional_sector",
      "action_results",
    ]);
  });

  it("opens the next round on version 2 and compares the five characteristics that map", async () => {
    const opened = await inject("POST", `/api/partnerships/${partnership.id}/assessments`, convener, {
      title: "Autumn 2026",
    });
    expect(opened.statusCode).toBe(201);
    const autumn = opened.json<{ id: string; version: number }>();
    expect(autumn.version).toBe(2);
    // Level 2 everywhere (66.7) except the new characteristic, at 0.
    for (const user of members) {
      const res = await inject("PUT", `/api/assessments/${autumn.id}/response`, user, {
        answers: answersAt(rubricV2, 2, { industry_solutions: 0 }),
      });
      expect(res.statusCode).toBe(200);
    }
    await inject("POST", `/api/assessments/${autumn.id}/close`, convener);
    const results = (await inject("GET", `/api/assessments/${autumn.id}/results`, members[3])).json();
    // Overall (66.7 × 5 + 0) / 6 = 55.6; the five that map went from 33.3 to 66.7 each: +33.4,
    // where the overall scores alone (33.3 -> 55.6) would have said +22.3.
    expect(results).toMatchObject({
      version: 2,
      overall: 55.6,
      previous: { title: "Spring 2026", version: 1, overall: 33.3 },
      change: {
        overall: 33.4,
        comparison: "mapped",
        notCompared: [
          {
            key: "industry_solutions",
            name: "Industry-identified solutions with economic impact",
            reason: "new",
          },
        ],
      },
    });
    expect(
      results.change.characteristics.map((c: { key: string; change: number | null }) => [c.key, c.change]),
    ).toEqual([
      ["regional_sector", 33.4],
      ["industry_driven", 33.4],
      ["industry_solutions", null],
      ["community_supported", 33.4],
      ["action_results", 33.4],
      ["sustainable", 33.4],
    ]);

    const history = (
      await inject("GET", `/api/partnerships/${partnership.id}/assessments`, members[2])
    ).json<{
      closed: {
        title: string;
        version: number;
        overall: number;
        characteristics: unknown[];
        change: { overall: number | null; comparison: string; notCompared: { key: string }[] };
      }[];
    }>();
    expect(
      history.closed.map((r) => [
        r.title,
        r.version,
        r.overall,
        r.characteristics.length,
        r.change.overall,
        r.change.comparison,
        r.change.notCompared.map((n) => n.key),
      ]),
    ).toEqual([
      ["Autumn 2026", 2, 55.6, 6, 33.4, "mapped", ["industry_solutions"]],
      ["Spring 2026", 1, 33.3, 5, null, "first", []],
    ]);
  });
});

describe("a database where an admin already published a version 2 of their own", () => {
  it("gets the indicators' rubric as version 3; rounds on 2 keep it", async () => {
    const other = await createTestContext();
    try {
      const edited = structuredClone(rubricV1);
      edited.characteristics[0].statements[0].text = "Business leaders are the majority at our meetings.";
      await other.deps.db.insert(assessmentRubrics).values([
        { version: 1, status: "published", content: rubricV1, publishedAt: new Date(Date.UTC(2025, 0, 1)) },
        { version: 2, status: "published", content: edited, publishedAt: new Date(Date.UTC(2025, 6, 1)) },
      ]);
      const current = (await other.app.inject({ method: "GET", url: "/api/assessment/rubric" })).json();
      expect(current.version).toBe(3);
      expect(current.characteristics.map((c: { key: string }) => c.key)).toEqual(
        rubricV2.characteristics.map((c) => c.key),
      );
      const two = (await other.app.inject({ method: "GET", url: "/api/assessment/rubrics/2" })).json();
      expect(two.characteristics[0].statements[0].text).toBe(
        "Business leaders are the majority at our meetings.",
      );
      await other.app.inject({ method: "GET", url: "/api/assessment/rubric" });
      const [{ n }] = await queryRows<{ n: number }>(
        other.deps.db,
        sql`select count(*)::int as n from assessment_rubrics`,
      );
      expect(n).toBe(3);
    } finally {
      await other.close();
    }
  });
});
