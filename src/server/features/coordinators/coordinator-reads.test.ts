import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { memberships } from "../../../db/schema/index.js";
import { createPartnership, signUp } from "../../test-support.js";
import { rubricV2 } from "../assessment/rubric-v2.js";
import { agendaFixture, raise, type AgendaFixture } from "../agenda/test-fixture.js";
import { meetingNow } from "../checkin/test-meeting.js";

/*
 * The reads a coordinator gets beyond the workspace pages: assessment round results (aggregates
 * only), evidence signals, the health panel and an action by id. Ohio's coordinator reads Ohio's
 * (each read logged), is refused Michigan's (nothing logged), and writes nothing.
 */

type User = Awaited<ReturnType<typeof signUp>>;
let f: AgendaFixture;
let coordinator: User;
let michiganConvener: User;
const ohio = { roundId: "", actionId: "" };
const live = { roundId: "", code: "", opportunityId: "" };
const michigan = { id: "", roundId: "", actionId: "" };

const keys = rubricV2.characteristics.flatMap((c) => c.statements.map((s) => s.key));
const answersAt = (level: number) => Object.fromEntries(keys.map((k) => [k, level]));

async function ok<T>(res: { statusCode: number; body: string; json: <U>() => U }): Promise<T> {
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<T>();
}

async function logCount(partnershipId: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    f.ctx.deps.db,
    sql`select count(*)::int as n from coordinator_access_log
        where partnership_id = ${partnershipId} and user_id = ${coordinator.userId}`,
  );
  return row.n;
}

/** A priority, its team (with a champion) and one action; answers the action's id. */
async function actionIn(partnershipId: string, convener: User, championId: string): Promise<string> {
  const priority = await ok<{ id: string }>(
    await f.call(convener, "POST", `/api/partnerships/${partnershipId}/priorities`, {
      title: "Grow apprenticeships",
      theme: "talent_pipeline",
    }),
  );
  const team = await ok<{ id: string }>(
    await f.call(convener, "POST", `/api/priorities/${priority.id}/action-teams`, {
      name: "Apprenticeship team",
      championIds: [championId],
    }),
  );
  const action = await ok<{ id: string }>(
    await f.call(convener, "POST", `/api/action-teams/${team.id}/actions`, { title: "Call the college" }),
  );
  return action.id;
}

/** Opens a round, takes these people's answers, closes it; answers its id. */
async function closedRound(
  partnershipId: string,
  convener: User,
  answers: [User, number][],
): Promise<string> {
  const round = await ok<{ id: string }>(
    await f.call(convener, "POST", `/api/partnerships/${partnershipId}/assessments`, {
      title: "Spring check",
    }),
  );
  for (const [who, level] of answers) {
    await ok(
      await f.call(who, "PUT", `/api/assessments/${round.id}/response`, { answers: answersAt(level) }),
    );
  }
  await ok(await f.call(convener, "POST", `/api/assessments/${round.id}/close`));
  return round.id;
}

beforeAll(async () => {
  f = await agendaFixture();
  // The fixture's partnership moves to Cleveland (Cuyahoga County, Ohio).
  await f.ctx.deps.db.execute(
    sql`delete from partnership_counties where partnership_id = ${f.partnership.id}`,
  );
  await f.ctx.deps.db.execute(
    sql`insert into partnership_counties (partnership_id, fips, state_fips) values (${f.partnership.id}, '39035', '39')`,
  );
  ohio.actionId = await actionIn(f.partnership.id, f.convener, f.champion.personId);
  ohio.roundId = await closedRound(f.partnership.id, f.convener, [
    [f.business1, 2],
    [f.business2, 3],
    [f.champion, 1],
    [f.support, 0],
  ]);

  michiganConvener = await signUp(f.ctx, "Mick Michigan");
  const detroit = await createPartnership(f.ctx, michiganConvener.cookie, {
    name: "Detroit Manufacturing Partnership",
    counties: ["26163"],
  });
  michigan.id = detroit.id;
  const org = await ok<{ id: string }>(
    await f.call(michiganConvener, "POST", `/api/partnerships/${detroit.id}/organizations`, {
      name: "Motor City Tooling",
      kind: "business",
    }),
  );
  const champion = await signUp(f.ctx, "Dee Detroit");
  await f.ctx.deps.db.insert(memberships).values({
    partnershipId: detroit.id,
    personId: champion.personId,
    organizationId: org.id,
    role: "champion",
  });
  michigan.actionId = await actionIn(detroit.id, michiganConvener, champion.personId);
  michigan.roundId = await closedRound(detroit.id, michiganConvener, [[champion, 3]]);

  coordinator = await signUp(f.ctx, "Stella State");
  const admin = await signUp(f.ctx, "Ada Admin");
  await f.ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  await ok(
    await f.call(admin, "POST", "/api/coordinators", {
      email: coordinator.email,
      kind: "state",
      stateFips: "39",
    }),
  );

  // A dot vote shown live at a meeting: its phone page is a read view, its ballot a write.
  const opportunities = await raise(f, f.business1, ["Apprenticeships for machinists", "Broadband"]);
  live.opportunityId = opportunities[0];
  const round = await ok<{ id: string }>(
    await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/vote-rounds`, {
      title: "Launch dot vote",
      method: "dots",
      opportunityIds: opportunities,
      dotsPerVoter: 3,
    }),
  );
  live.roundId = round.id;
  const meeting = await meetingNow(f.ctx, f.partnership.id, f.convener.cookie, {
    kind: "launch",
    title: "Launch",
  });
  const screen = await ok<{ joinUrl: string }>(
    await f.call(f.convener, "POST", `/api/vote-rounds/${round.id}/live`, { meetingId: meeting.id }),
  );
  live.code = new URL(screen.joinUrl).searchParams.get("code") ?? "";
}, 180_000);
afterAll(() => f.ctx.close());

describe("an Ohio coordinator's reads", () => {
  const reads = (side: { roundId: string; actionId: string }, partnershipId: string) => [
    ["assessment round results", `/api/assessments/${side.roundId}/results`],
    ["assessment evidence signals", `/api/partnerships/${partnershipId}/assessment-signals`],
    ["health panel", `/api/partnerships/${partnershipId}/health`],
    ["an action", `/api/actions/${side.actionId}`],
  ];

  it("sees Ohio's public profiles as an observer (members list offered) and Michigan's as anyone", async () => {
    const profile = async (id: string) =>
      ok<{ permissions: Record<string, boolean> }>(
        await f.call(coordinator, "GET", `/api/partnerships/${id}`),
      );
    expect((await profile(f.partnership.id)).permissions).toEqual({
      edit: false,
      manageMembers: false,
      viewMembers: true,
    });
    expect((await profile(michigan.id)).permissions).toEqual({
      edit: false,
      manageMembers: false,
      viewMembers: false,
    });
  });

  it("reads each of Ohio's with 200 and one log row per read, named in words", async () => {
    for (const [what, url] of reads(ohio, f.partnership.id)) {
      const before = await logCount(f.partnership.id);
      const res = await f.call(coordinator, "GET", url);
      expect([url, res.statusCode], res.body).toEqual([url, 200]);
      expect([url, (await logCount(f.partnership.id)) - before]).toEqual([url, 1]);
      const [last] = await queryRows<{ what: string }>(
        f.ctx.deps.db,
        sql`select what from coordinator_access_log where user_id = ${coordinator.userId} order by at desc, id desc limit 1`,
      );
      expect(last.what).toBe(what);
    }
  });

  it("is refused each of Michigan's (403 or 404), and nothing is logged there", async () => {
    for (const [, url] of reads(michigan, michigan.id)) {
      const res = await f.call(coordinator, "GET", url);
      expect([url, [403, 404].includes(res.statusCode)], res.body).toEqual([url, true]);
    }
    expect(await logCount(michigan.id)).toBe(0);
  });

  it("sees the round's results as a member does: aggregates only, the small group hidden", async () => {
    const asCoordinator = await f.call(coordinator, "GET", `/api/assessments/${ohio.roundId}/results`);
    const asMember = await f.call(f.business1, "GET", `/api/assessments/${ohio.roundId}/results`);
    expect(asCoordinator.json()).toEqual(asMember.json());
    const results = asCoordinator.json<{
      respondents: { all: number; business: number; public: number };
      characteristics: { public: number | null }[];
    }>();
    expect(results.respondents).toEqual({ all: 4, business: 3, public: 1 });
    // One public answer: never shown, so no one's own answers can be read off.
    expect(results.characteristics.every((c) => c.public === null)).toBe(true);
    for (const who of [f.business1, f.business2, f.champion, f.support]) {
      expect(asCoordinator.body).not.toContain(who.personId);
    }
  });

  it("writes nothing through them: 403, nothing changed", async () => {
    const answer = await f.call(coordinator, "PUT", `/api/assessments/${ohio.roundId}/response`, {
      answers: answersAt(3),
    });
    expect(answer.statusCode).toBe(403);
    const edit = await f.call(coordinator, "PATCH", `/api/actions/${ohio.actionId}`, {
      version: 1,
      status: "done",
    });
    expect(edit.statusCode).toBe(403);
    const rows = await queryRows<{ n: number; status: string }>(
      f.ctx.deps.db,
      sql`select (select count(*)::int from assessment_responses r where r.round_id = ${ohio.roundId}) as n,
                 (select status from actions where id = ${ohio.actionId}) as status`,
    );
    expect(rows[0].n).toBe(4);
    expect(rows[0].status).not.toBe("done");
  });

  it("watches a live vote on the phone page (logged), and cannot vote (403, no ballot)", async () => {
    const before = await logCount(f.partnership.id);
    const query = new URLSearchParams({ code: live.code, round: live.roundId }).toString();
    const page = await f.call(coordinator, "GET", `/api/live-vote?${query}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json<{ viewer: string; name: string | null }>()).toMatchObject({
      viewer: "watch",
      name: "Stella State",
    });
    expect((await logCount(f.partnership.id)) - before).toBe(1);
    const vote = await f.call(coordinator, "PUT", `/api/vote-rounds/${live.roundId}/ballot`, {
      allocations: [{ opportunityId: live.opportunityId, dots: 3 }],
    });
    expect(vote.statusCode).toBe(403);
    const [ballots] = await queryRows<{ n: number }>(
      f.ctx.deps.db,
      sql`select count(*)::int as n from ballots where round_id = ${live.roundId}`,
    );
    expect(ballots.n).toBe(0);
  });
});
