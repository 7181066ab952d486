/**
 * A server keeps an action plan's rows with the partnership's agenda stamp (migration 0023,
 * lib/stamped-cache.ts). These tests change, behind the API's back, each thing a plan shows and
 * hold the kept plan to a plan read afresh: a change that did not move the stamp would leave the
 * kept plan behind and fail here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { queryRows } from "../../../db/query.js";
import { memberships, partnerships } from "../../../db/schema/index.js";
import { StampedCache } from "../../lib/stamped-cache.js";
import { createPartnership, signUp } from "../../test-support.js";
import { agendaFixture, raise, type AgendaFixture } from "./test-fixture.js";

let f: AgendaFixture;
let other: { id: string };
let teamId: string;
let actionId: string;

const planUrl = () => `/api/partnerships/${f.partnership.id}/action-plan`;

async function stampOf(partnershipId: string): Promise<number> {
  const [row] = await queryRows<{ stamp: string }>(
    f.ctx.deps.db,
    sql`select stamp from agenda_stamps where partnership_id = ${partnershipId}`,
  );
  return Number(row.stamp);
}

async function keptPlan(): Promise<unknown> {
  const res = await f.call(f.convener, "GET", planUrl());
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** The plan as a server that keeps nothing answers it. */
async function freshPlan(): Promise<unknown> {
  const kept = f.ctx.deps.stamped;
  f.ctx.deps.stamped = new StampedCache(0);
  try {
    return await keptPlan();
  } finally {
    f.ctx.deps.stamped = kept;
  }
}

beforeAll(async () => {
  f = await agendaFixture();
  const [opportunityId] = await raise(f, f.business1, ["Apprenticeships for machinists"]);
  const priority = await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/priorities`, {
    title: "Grow apprenticeships",
    opportunityId,
  });
  const team = await f.call(f.convener, "POST", `/api/priorities/${priority.json().id}/action-teams`, {
    name: "Apprenticeship team",
    championIds: [f.champion.personId],
  });
  teamId = team.json().id;
  const action = await f.call(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
    title: "Survey 40 shops",
    ownerId: f.business2.personId,
  });
  expect(action.statusCode).toBe(201);
  actionId = action.json().id;
  // Another partnership, whose stamp no change here may move.
  const elsewhere = await signUp(f.ctx, "Elsie Elsewhere");
  other = await createPartnership(f.ctx, elsewhere.cookie, { name: "Elsewhere Health Partnership" });
});
afterAll(() => f.ctx.close());

describe("agenda stamps", () => {
  it("exist for every partnership from its start", async () => {
    // Created with its convener's membership: one change already.
    expect(await stampOf(other.id)).toBe(1);
    const [{ n }] = await queryRows<{ n: number }>(
      f.ctx.deps.db,
      sql`select count(*)::int as n from partnerships p
          where not exists (select 1 from agenda_stamps s where s.partnership_id = p.id)`,
    );
    expect(n).toBe(0);
  });

  // Each change as a statement of its own, then whether the plan must look different.
  const changes: [string, () => SQL][] = [
    [
      "a priority renamed",
      () =>
        sql`update priorities set title = 'Grow apprenticeships fast' where partnership_id = ${f.partnership.id}`,
    ],
    ["a team renamed", () => sql`update action_teams set name = 'Apprentice crew' where id = ${teamId}`],
    [
      "a person joining a team",
      () =>
        sql`insert into action_team_members (team_id, person_id, role) values (${teamId}, ${f.business1.personId}, 'member')`,
    ],
    [
      "a team member's role changed",
      () =>
        sql`update action_team_members set role = 'champion' where team_id = ${teamId} and person_id = ${f.business1.personId}`,
    ],
    [
      "a person leaving a team",
      () =>
        sql`delete from action_team_members where team_id = ${teamId} and person_id = ${f.business1.personId}`,
    ],
    ["an action retitled", () => sql`update actions set title = 'Survey 50 shops' where id = ${actionId}`],
    [
      "an action added",
      () =>
        sql`insert into actions (partnership_id, team_id, title) select partnership_id, id, 'Call the college' from action_teams where id = ${teamId}`,
    ],
    [
      "an update posted to an action",
      () =>
        sql`insert into action_updates (action_id, note, author_id) values (${actionId}, 'Called 12 shops.', ${f.business2.personId})`,
    ],
    ["an update taken away", () => sql`delete from action_updates where action_id = ${actionId}`],
    [
      "an action's owner leaving the table",
      () =>
        sql`update memberships set left_at = now() where partnership_id = ${f.partnership.id} and person_id = ${f.business2.personId}`,
    ],
    [
      "a champion's organization renamed",
      () =>
        sql`update organizations set name = 'Acme Precision' where partnership_id = ${f.partnership.id} and name = 'Acme Precision Machining'`,
    ],
    [
      "a champion's name changed",
      () => sql`update people set name = 'Cleo Championne' where id = ${f.champion.personId}`,
    ],
    [
      "an action deleted",
      () =>
        sql`update actions set deleted_at = now() where partnership_id = ${f.partnership.id} and title = 'Call the college'`,
    ],
  ];

  for (const [what, change] of changes) {
    it(`move with ${what}, and the kept plan follows`, async () => {
      const before = await keptPlan();
      expect(await keptPlan()).toEqual(before);
      const [mine, theirs] = [await stampOf(f.partnership.id), await stampOf(other.id)];
      await f.ctx.deps.db.execute(change());
      expect(await stampOf(f.partnership.id)).toBeGreaterThan(mine);
      expect(await stampOf(other.id)).toBe(theirs);
      const after = await keptPlan();
      expect(after).not.toEqual(before);
      expect(after).toEqual(await freshPlan());
    });
  }

  it("stay where they are for what the plan does not show", async () => {
    const before = await keptPlan();
    const stamp = await stampOf(f.partnership.id);
    await f.ctx.deps.db.execute(
      sql`update people set title = 'Plant manager' where id = ${f.champion.personId}`,
    );
    await f.ctx.deps.db.execute(
      sql`update partnerships set description = 'Machinists first.' where id = ${f.partnership.id}`,
    );
    expect(await stampOf(f.partnership.id)).toBe(stamp);
    expect(await keptPlan()).toEqual(before);
  });

  it("let a server answer a plan again without reading it, until the stamp moves", async () => {
    const before = (await keptPlan()) as { priorities: { title: string }[] };
    // A change the triggers do not see (replication role): only a kept plan can miss it.
    await f.ctx.deps.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(
        sql`update priorities set title = 'Unseen title' where partnership_id = ${f.partnership.id}`,
      );
    });
    expect(await keptPlan()).toEqual(before);
    expect((await freshPlan()) as { priorities: { title: string }[] }).toMatchObject({
      priorities: [{ title: "Unseen title" }],
    });
    // Through the API, an update moves the stamp: the plan is read again, title and all.
    const posted = await f.call(f.convener, "POST", `/api/actions/${actionId}/updates`, {
      note: "Halfway.",
      progress: 50,
    });
    expect(posted.statusCode).toBe(201);
    const after = (await keptPlan()) as {
      priorities: {
        title: string;
        teams: { actions: { id: string; updateCount: number; progress: number }[] }[];
      }[];
    };
    expect(after.priorities[0].title).toBe("Unseen title");
    expect(after.priorities[0].teams[0].actions.find((a) => a.id === actionId)).toMatchObject({
      updateCount: 1,
      progress: 50,
    });
  });

  it("go with their partnership when it is deleted", async () => {
    const gone = await createPartnership(f.ctx, f.convener.cookie, { name: "Short-lived Partnership" });
    await f.ctx.deps.db
      .insert(memberships)
      .values({ partnershipId: gone.id, personId: f.business1.personId, role: "business_member" });
    await f.ctx.deps.db.execute(sql`delete from ${partnerships} where id = ${gone.id}`);
    const [{ n }] = await queryRows<{ n: number }>(
      f.ctx.deps.db,
      sql`select count(*)::int as n from agenda_stamps where partnership_id = ${gone.id}`,
    );
    expect(n).toBe(0);
  });
});

describe("the stamped cache", () => {
  it("answers what it keeps for the same stamp, loads again for another, and never goes back", async () => {
    const cache = new StampedCache(2);
    let loads = 0;
    const load = (value: string) => async () => {
      loads++;
      return value;
    };
    expect(await cache.get("plan:a", 1, load("one"))).toBe("one");
    expect(await cache.get("plan:a", 1, load("not read"))).toBe("one");
    expect(await cache.get("plan:a", 2, load("two"))).toBe("two");
    // A slow reader of an older stamp gets its own answer but does not put it back.
    expect(await cache.get("plan:a", 1, load("old"))).toBe("old");
    expect(await cache.get("plan:a", 2, load("not read"))).toBe("two");
    expect(loads).toBe(3);
    // Full: the least recently used goes.
    await cache.get("plan:b", 1, load("b"));
    await cache.get("plan:a", 2, load("not read"));
    await cache.get("plan:c", 1, load("c"));
    expect(cache.size).toBe(2);
    expect(await cache.get("plan:b", 1, load("b again"))).toBe("b again");
    expect(await cache.get("plan:a", 2, load("a again"))).toBe("a again");
    // No stamp (a partnership without one) or no room: always loaded.
    expect(await cache.get("plan:d", null, load("d"))).toBe("d");
    const none = new StampedCache(0);
    await none.get("plan:a", 1, load("x"));
    expect(await none.get("plan:a", 1, load("y"))).toBe("y");
    expect(none.size).toBe(0);
  });
});
