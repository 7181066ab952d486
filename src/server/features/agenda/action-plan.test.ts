import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, utcDate } from "../../../core/agenda.js";
import { eq, sql } from "drizzle-orm";
import { actions, actionTeams, priorities } from "../../../db/schema/index.js";
import { agendaFixture, raise, type AgendaFixture } from "./test-fixture.js";
import { planRows } from "./plan-query.js";
import { actionRows, priorityRows, teamMemberRows, teamRows } from "./plan-service.js";

let f: AgendaFixture;
let opportunityId: string;
let priority: { id: string; version: number };
let teamId: string;

const DAY = 86_400_000;
const today = () => utcDate(f.ctx.deps.now());

beforeAll(async () => {
  f = await agendaFixture();
  [opportunityId] = await raise(f, f.business1, ["Apprenticeships for machinists"]);
});
afterAll(() => f.ctx.close());

const url = () => `/api/partnerships/${f.partnership.id}`;

describe("priorities", () => {
  it("are chosen by a convener, from an opportunity; others get 403 and nothing is stored", async () => {
    for (const who of [f.business1, f.champion, f.support]) {
      const res = await f.call(who, "POST", `${url()}/priorities`, { title: "Grow apprenticeships" });
      expect(res.statusCode).toBe(403);
    }
    expect(await f.count("priorities")).toBe(0);
    const res = await f.call(f.convener, "POST", `${url()}/priorities`, {
      title: "Grow apprenticeships",
      opportunityId,
      problem: "Retiring machinists are not replaced.",
      goal: "Forty apprentices a year.",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: "Grow apprenticeships",
      opportunityId,
      status: "active",
      version: 1,
      teams: [],
    });
    priority = res.json();
    const opportunities = await f.call(f.business1, "GET", `${url()}/opportunities`);
    expect(opportunities.json().items[0].priorityId).toBe(priority.id);
    expect(await f.count("activity", `kind = 'priority.chosen'`)).toBe(1);
  });

  it("refuse an opportunity that is not the partnership's", async () => {
    const res = await f.call(f.convener, "POST", `${url()}/priorities`, {
      title: "Someone else's idea",
      opportunityId: "00000000-0000-4000-8000-000000000000",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: "opportunityId", message: "is not an opportunity of this partnership" },
    ]);
  });

  it("are edited with their version; a stale edit gets 409 with the current record", async () => {
    const first = await f.call(f.convener, "PATCH", `/api/priorities/${priority.id}`, {
      version: 1,
      goal: "Fifty apprentices a year.",
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, goal: "Fifty apprentices a year." });
    const stale = await f.call(f.convener, "PATCH", `/api/priorities/${priority.id}`, {
      version: 1,
      goal: "Ten.",
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({
      id: priority.id,
      version: 2,
      goal: "Fifty apprentices a year.",
    });
    expect(await f.count("agenda_revisions", `entity = 'priority'`)).toBe(1);
    priority = first.json();
  });
});

describe("action teams", () => {
  it("refuse a champion who is not a business member, naming that person", async () => {
    const before = await f.count("action_teams");
    const res = await f.call(f.convener, "POST", `/api/priorities/${priority.id}/action-teams`, {
      name: "Apprenticeship team",
      championIds: [f.champion.personId, f.patPublic.personId],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        field: "championIds.1",
        message:
          "Pat Public is a support team member, not a business member: an action team's champion must be a business member or business champion",
      },
    ]);
    expect(res.json().detail).toContain("Pat Public");
    const convenerChampion = await f.call(f.convener, "POST", `/api/priorities/${priority.id}/action-teams`, {
      name: "Apprenticeship team",
      championIds: [f.convener.personId],
    });
    expect(convenerChampion.statusCode).toBe(400);
    expect(convenerChampion.json().detail).toContain("Casey Convener is a convener, not a business member");
    const outsider = await f.call(f.convener, "POST", `/api/priorities/${priority.id}/action-teams`, {
      name: "Apprenticeship team",
      championIds: [f.outsider.personId],
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().detail).toBe("Otto Outsider is not a member of this partnership");
    expect(await f.count("action_teams")).toBe(before);
  });

  it("are formed by a convener with business champions, business members and support partners", async () => {
    expect(
      (
        await f.call(f.champion, "POST", `/api/priorities/${priority.id}/action-teams`, {
          name: "Apprenticeship team",
          championIds: [f.champion.personId],
        })
      ).statusCode,
    ).toBe(403);
    const res = await f.call(f.convener, "POST", `/api/priorities/${priority.id}/action-teams`, {
      name: "Apprenticeship team",
      championIds: [f.champion.personId, f.business2.personId],
      memberIds: [f.support.personId, f.business2.personId],
    });
    expect(res.statusCode).toBe(201);
    const team = res.json();
    teamId = team.id;
    expect(team.champions).toEqual([
      {
        personId: f.business2.personId,
        name: "Ben Bolt",
        organization: "Bolt Fabrication",
        role: "champion",
      },
      {
        personId: f.champion.personId,
        name: "Cleo Champion",
        organization: "Acme Precision Machining",
        role: "champion",
      },
    ]);
    expect(team.members).toEqual([
      {
        personId: f.support.personId,
        name: "Sam Support",
        organization: "Front Range Community College",
        role: "support",
      },
    ]);
    expect(await f.count("activity", `kind = 'team.formed'`)).toBe(1);
  });

  it("take sign-ups from members, but not from observers", async () => {
    const joined = await f.call(f.business1, "POST", `/api/action-teams/${teamId}/join`);
    expect(joined.statusCode).toBe(200);
    expect(joined.json()).toMatchObject({ isMember: true });
    expect(joined.json().members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ["Bea Builder", "member"],
      ["Sam Support", "support"],
    ]);
    expect((await f.call(f.observer, "POST", `/api/action-teams/${teamId}/join`)).statusCode).toBe(403);
    const left = await f.call(f.business1, "POST", `/api/action-teams/${teamId}/leave`);
    expect(left.json()).toMatchObject({ isMember: false });
  });
});

describe("actions", () => {
  let actionId: string;

  it("are added by conveners and the team's champions; others get 403 and nothing is stored", async () => {
    for (const who of [f.support, f.business1, f.observer, f.outsider]) {
      const res = await f.call(who, "POST", `/api/action-teams/${teamId}/actions`, {
        title: "Sneaky action",
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await f.count("actions")).toBe(0);
    const res = await f.call(f.champion, "POST", `/api/action-teams/${teamId}/actions`, {
      title: "Survey shops on apprentice needs",
      ownerId: f.business1.personId,
      dueDate: addDays(today(), 10),
      status: "planned",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: "Survey shops on apprentice needs",
      owner: { personId: f.business1.personId, name: "Bea Builder" },
      dueDate: addDays(today(), 10),
      status: "planned",
      progress: 0,
      version: 1,
      late: false,
      canEdit: true,
    });
    actionId = res.json().id;
  });

  it("refuse a due date before the action's creation, a date that does not parse, and an owner from elsewhere", async () => {
    const before = await f.count("actions");
    const early = await f.call(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
      title: "Backdated action",
      dueDate: addDays(today(), -3),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe("dueDate");
    expect(early.json().errors[0].message).toMatch(/is before the action was created/);
    const garbled = await f.call(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
      title: "Garbled date",
      dueDate: "2026-02-30x",
    });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().errors).toEqual([{ field: "dueDate", message: "must be a date as YYYY-MM-DD" }]);
    const owner = await f.call(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
      title: "Owned by a stranger",
      ownerId: f.outsider.personId,
    });
    expect(owner.statusCode).toBe(400);
    expect(owner.json().errors).toEqual([
      { field: "ownerId", message: "Otto Outsider is not a member of this partnership" },
    ]);
    expect(await f.count("actions")).toBe(before);
    // Editing later keeps the rule: the date may not move before the creation day.
    const moved = await f.call(f.convener, "PATCH", `/api/actions/${actionId}`, {
      version: 1,
      dueDate: addDays(today(), -2),
    });
    expect(moved.statusCode).toBe(400);
  });

  it("are edited by the owner, the team's champions and conveners, not by other members", async () => {
    const other = await f.call(f.support, "PATCH", `/api/actions/${actionId}`, { version: 1, progress: 10 });
    expect(other.statusCode).toBe(403);
    const byOwner = await f.call(f.business1, "PATCH", `/api/actions/${actionId}`, {
      version: 1,
      status: "in_progress",
      progress: 20,
    });
    expect(byOwner.statusCode).toBe(200);
    expect(byOwner.json()).toMatchObject({ version: 2, status: "in_progress", progress: 20 });
  });

  it("two conveners editing at once: the later, stale write gets 409 with the current record", async () => {
    const a = await f.call(f.convener, "PATCH", `/api/actions/${actionId}`, {
      version: 2,
      title: "Survey 40 shops",
    });
    expect(a.statusCode).toBe(200);
    const b = await f.call(f.convener, "PATCH", `/api/actions/${actionId}`, {
      version: 2,
      title: "Survey 30 shops",
    });
    expect(b.statusCode).toBe(409);
    expect(b.json().current).toMatchObject({
      id: actionId,
      version: 3,
      title: "Survey 40 shops",
      progress: 20,
    });
    const stored = await f.call(f.support, "GET", `/api/actions/${actionId}`);
    expect(stored.json()).toMatchObject({ title: "Survey 40 shops", version: 3, canEdit: false });
    expect(await f.count("agenda_revisions", `entity = 'action'`)).toBe(2);
  });

  it("take dated updates; done means 100% and goes on the timeline", async () => {
    const update = await f.call(f.business1, "POST", `/api/actions/${actionId}/updates`, {
      note: "Twelve shops answered.",
      progress: 60,
    });
    expect(update.statusCode).toBe(201);
    expect(update.json()).toMatchObject({ progress: 60, version: 4, updateCount: 1 });
    expect(update.json().updates[0]).toMatchObject({
      note: "Twelve shops answered.",
      progress: 60,
      author: { personId: f.business1.personId, name: "Bea Builder" },
    });
    expect(
      (await f.call(f.support, "POST", `/api/actions/${actionId}/updates`, { note: "Hi" })).statusCode,
    ).toBe(403);
    const done = await f.call(f.champion, "PATCH", `/api/actions/${actionId}`, {
      version: 4,
      status: "done",
      result: "Forty shops surveyed.",
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: "done", progress: 100, result: "Forty shops surveyed." });
    expect(done.json().completedAt).not.toBeNull();
    expect(await f.count("activity", `kind = 'action.done'`)).toBe(1);
  });
});

describe("the shared action plan", () => {
  it("shows priorities, teams, champions and actions, what is due in 60 days and what is late", async () => {
    const add = async (title: string, days: number | null, status = "planned") => {
      const res = await f.call(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
        title,
        ownerId: f.business2.personId,
        dueDate: days === null ? null : addDays(today(), days),
        status,
      });
      expect(res.statusCode).toBe(201);
      return res.json<{ id: string }>().id;
    };
    await add("Due in 2 days", 2);
    await add("Due in 30 days", 30, "stuck");
    await add("Due in 90 days", 90);
    await add("No date", null);
    await add("Done already", 1, "done");
    // A week passes: "Due in 2 days" is now late; "Due in 90 days" comes within 60 days... not yet (83).
    f.ctx.advance(7 * DAY);
    const res = await f.call(f.observer, "GET", `${url()}/action-plan`);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.today).toBe(today());
    expect(plan.late.map((a: { title: string }) => a.title)).toEqual(["Due in 2 days"]);
    expect(plan.dueSoon.map((a: { title: string }) => a.title)).toEqual(["Due in 30 days"]);
    expect(plan.late[0]).toMatchObject({
      teamName: "Apprenticeship team",
      priorityTitle: "Grow apprenticeships",
      owner: { name: "Ben Bolt" },
    });
    expect(plan.summary).toEqual({
      activePriorities: 1,
      teams: 1,
      businessLedShare: 1,
      openActions: 4,
      doneActions: 2,
    });
    const team = plan.priorities[0].teams[0];
    expect(team.champions.map((c: { name: string }) => c.name)).toEqual(["Ben Bolt", "Cleo Champion"]);
    expect(team.actions.map((a: { title: string; late: boolean }) => [a.title, a.late])).toEqual([
      ["Done already", false],
      ["Due in 2 days", true],
      ["Survey 40 shops", false],
      ["Due in 30 days", false],
      ["Due in 90 days", false],
      ["No date", false],
    ]);
    expect(plan.permissions).toEqual({ raise: false, manage: false });
    expect((await f.call(f.outsider, "GET", `${url()}/action-plan`)).statusCode).toBe(403);
    expect((await f.call(null, "GET", `${url()}/action-plan`)).statusCode).toBe(401);
  });

  it("reads in one statement exactly the rows the four separate reads answer, a former owner too", async () => {
    const db = f.ctx.deps.db;
    const pid = f.partnership.id;
    // Ben Bolt owns the actions; once he leaves the table, he shows as a former member.
    await db.execute(
      sql`update memberships set left_at = now() where partnership_id = ${pid} and person_id = ${f.business2.personId}`,
    );
    try {
      const separately = {
        priorities: await priorityRows(db, eq(priorities.partnershipId, pid)),
        teams: await teamRows(db, eq(actionTeams.partnershipId, pid)),
        members: await teamMemberRows(db, eq(actionTeams.partnershipId, pid)),
        actions: await actionRows(db, eq(actions.partnershipId, pid)),
      };
      expect(separately.actions.length).toBeGreaterThan(3);
      expect(separately.actions.every((a) => a.ownerFormer || a.ownerId !== f.business2.personId)).toBe(true);
      expect(separately.actions.some((a) => a.ownerFormer)).toBe(true);
      expect(await planRows(db, pid)).toEqual(separately);
      const onePriority = await planRows(db, pid, priority.id);
      expect(onePriority.priorities.map((p) => p.id)).toEqual([priority.id]);
      expect(onePriority.actions).toEqual(separately.actions);
    } finally {
      await db.execute(
        sql`update memberships set left_at = null where partnership_id = ${pid} and person_id = ${f.business2.personId}`,
      );
    }
  });

  it("leaves retired priorities out of what is due, and refuses new teams for them", async () => {
    const current = await f.call(f.convener, "GET", `/api/priorities/${priority.id}`);
    const retired = await f.call(f.convener, "PATCH", `/api/priorities/${priority.id}`, {
      version: current.json().version,
      status: "retired",
    });
    expect(retired.statusCode).toBe(200);
    expect(await f.count("activity", `kind = 'priority.retired'`)).toBe(1);
    const plan = (await f.call(f.business1, "GET", `${url()}/action-plan`)).json();
    expect(plan.late).toEqual([]);
    expect(plan.dueSoon).toEqual([]);
    expect(plan.priorities[0].status).toBe("retired");
    const team = await f.call(f.convener, "POST", `/api/priorities/${priority.id}/action-teams`, {
      name: "Too late",
      championIds: [f.champion.personId],
    });
    expect(team.statusCode).toBe(400);
  });
});
