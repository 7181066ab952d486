import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, type TestContext } from "../../test-support.js";
import { tableFixture } from "../meetings/table-fixture.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;

async function meeting(payload: object, attendance?: object) {
  const res = await ctx.app.inject({
    method: "POST",
    url: `/api/partnerships/${t.partnership.id}/meetings`,
    headers: { cookie: t.convener.cookie },
    payload: { title: "Meeting", timeZone: "America/Denver", ...payload },
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id, version } = res.json<{ id: string; version: number }>();
  if (attendance) {
    const put = await ctx.app.inject({
      method: "PUT",
      url: `/api/meetings/${id}/attendance`,
      headers: { cookie: t.convener.cookie },
      payload: attendance,
    });
    expect(put.statusCode, put.body).toBe(200);
  }
  return { id, version };
}

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
  // The panel counts up to "now": fix it so the years and the current year's end are known.
  ctx.advance(Date.parse("2026-11-25T12:00:00Z") - Date.now());
  const [ada, ben] = t.business;
  const [pat, quinn, rae] = t.publicPeople;
  const bea = t.member.personId;
  const db = ctx.deps.db;
  const p = t.partnership.id;
  await db.execute(
    sql`update memberships set joined_at = '2024-01-10T00:00:00Z' where partnership_id = ${p}`,
  );
  await db.execute(sql`update memberships set joined_at = '2024-06-01T00:00:00Z' where person_id = ${bea}`);
  await db.execute(
    sql`update memberships set joined_at = '2025-03-01T00:00:00Z', left_at = '2026-02-01T00:00:00Z' where person_id = ${ben}`,
  );
  await meeting({ kind: "launch", startsAt: "2024-05-01T08:00" }, { personIds: [ada, pat, quinn, rae] });
  await meeting(
    { kind: "full_partnership", startsAt: "2025-04-10T08:00" },
    {
      personIds: [ada, ben, bea, pat],
      guests: [{ name: "Walk-in", organization: "Delta Tooling", sector: "business" }],
    },
  );
  // New Year's Eve in Denver is already 2026 in UTC: it counts in 2025, the meeting's own year. As a
  // support team meeting it counts as a meeting but not in the business share of attendance.
  await meeting({ kind: "support_team", startsAt: "2025-12-31T20:00" }, { personIds: [quinn, rae] });
  await meeting({ kind: "full_partnership", startsAt: "2026-03-01T08:00" });
  const cancelled = await meeting(
    { kind: "full_partnership", startsAt: "2026-06-01T08:00" },
    { personIds: [pat] },
  );
  await ctx.app.inject({
    method: "PATCH",
    url: `/api/meetings/${cancelled.id}`,
    headers: { cookie: t.convener.cookie },
    payload: { version: cancelled.version, cancelled: true },
  });
  await meeting({ kind: "full_partnership", startsAt: "2027-02-01T08:00" }, { personIds: [pat] });

  const [priority] = await queryRows<{ id: string }>(
    db,
    sql`insert into priorities (partnership_id, title) values (${p}, 'Welding pipeline') returning id`,
  );
  const team = async (created: string, champion: string, left: string | null = null) => {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into action_teams (partnership_id, priority_id, name, created_at)
          values (${p}, ${priority.id}, 'Team', ${created}::timestamptz) returning id`,
    );
    await db.execute(
      sql`insert into action_team_members (team_id, person_id, role, joined_at, left_at)
          values (${row.id}, ${champion}, 'champion', ${created}::timestamptz, ${left}::timestamptz)`,
    );
  };
  await team("2024-06-01T00:00:00Z", ada);
  await team("2025-05-01T00:00:00Z", pat);
  await team("2025-07-01T00:00:00Z", ben, "2026-02-01T00:00:00Z");
});
afterAll(() => ctx.close());

describe("the health panel", () => {
  it("counts each year exactly", async () => {
    const res = await ctx.app.inject({
      url: `/api/partnerships/${t.partnership.id}/health`,
      headers: { cookie: t.member.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    const years = res.json().years;
    expect(years).toEqual([
      {
        year: 2024,
        meetings: 1,
        meetingsWithoutBusinessMajority: 1,
        attendance: { business: 1, public: 3, businessShare: 0.25 },
        actionTeams: { total: 1, ledByBusiness: 1, businessLedShare: 1 },
        businessMembers: { atStart: 0, retained: 0, added: 2, retentionRate: null, atEnd: 2 },
        publicKinds: ["workforce_development", "postsecondary_education"],
        missingPublicKinds: [
          "economic_development",
          "k12_education",
          "community_organization",
          "chamber_of_commerce",
        ],
      },
      {
        year: 2025,
        meetings: 2,
        meetingsWithoutBusinessMajority: 0,
        attendance: { business: 4, public: 1, businessShare: 0.8 },
        actionTeams: { total: 3, ledByBusiness: 2, businessLedShare: 0.667 },
        businessMembers: { atStart: 2, retained: 2, added: 1, retentionRate: 1, atEnd: 3 },
        publicKinds: ["workforce_development", "postsecondary_education"],
        missingPublicKinds: [
          "economic_development",
          "k12_education",
          "community_organization",
          "chamber_of_commerce",
        ],
      },
      {
        year: 2026,
        meetings: 1,
        meetingsWithoutBusinessMajority: 0,
        attendance: { business: 0, public: 0, businessShare: null },
        actionTeams: { total: 3, ledByBusiness: 1, businessLedShare: 0.333 },
        businessMembers: { atStart: 3, retained: 2, added: 0, retentionRate: 0.667, atEnd: 2 },
        publicKinds: [],
        missingPublicKinds: [
          "workforce_development",
          "economic_development",
          "k12_education",
          "postsecondary_education",
          "community_organization",
          "chamber_of_commerce",
        ],
      },
    ]);
  });

  it("is for members: an outsider gets 403, anonymous 401, an unknown partnership 404", async () => {
    const outsider = await ctx.app.inject({
      url: `/api/partnerships/${t.partnership.id}/health`,
      headers: { cookie: t.outsider.cookie },
    });
    expect(outsider.statusCode).toBe(403);
    expect((await ctx.app.inject({ url: `/api/partnerships/${t.partnership.id}/health` })).statusCode).toBe(
      401,
    );
    const unknown = await ctx.app.inject({
      url: `/api/partnerships/no-such-partnership/health`,
      headers: { cookie: t.member.cookie },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
