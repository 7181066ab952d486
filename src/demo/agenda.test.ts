import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionStatuses, dueState, priorityStatuses } from "../core/agenda.js";
import type { Database } from "../db/open.js";
import { openReferenceDatabase } from "../server/test-support.js";
import { getActionPlan } from "../server/features/agenda/plan-service.js";
import { generateAgendaDemo, insertAgendaDemo } from "./agenda.js";
import { defaultSeed, generateDemoData } from "./generate.js";
import { Random } from "./random.js";
import * as schema from "../db/schema/index.js";
import type { AppDeps } from "../server/deps.js";
import { StampedCache } from "../server/lib/stamped-cache.js";

const today = "2026-11-25";
const data = generateDemoData({ passwordHash: "scrypt$test" });
const agenda = generateAgendaDemo(data, new Random(defaultSeed).fork("agenda"), { seed: defaultSeed, today });
const day = (d: Date | string | null | undefined) => (d instanceof Date ? d.toISOString().slice(0, 10) : d);

describe("the demo agenda", () => {
  it("is the same for the same seed and day", () => {
    const again = generateAgendaDemo(data, new Random(defaultSeed).fork("agenda"), {
      seed: defaultSeed,
      today,
    });
    expect(again).toEqual(agenda);
  });

  it("gives every demo partnership opportunities and a vote with ballots; launched ones a closed vote", () => {
    for (const p of data.partnerships) {
      expect(agenda.opportunities.some((o) => o.partnershipId === p.id)).toBe(true);
      const rounds = agenda.voteRounds.filter((r) => r.partnershipId === p.id);
      expect(rounds).toHaveLength(1);
      expect(agenda.ballots.some((b) => b.roundId === rounds[0].id)).toBe(true);
      expect(rounds[0].status).toBe(p.launchDate ? "closed" : "open");
    }
  });

  it("has priorities in every status, teams with business champions, actions in every status with updates", () => {
    expect(new Set(agenda.priorities.map((p) => p.status))).toEqual(new Set(priorityStatuses));
    expect(new Set(agenda.actions.map((a) => a.status))).toEqual(new Set(actionStatuses));
    const roleOf = new Map(data.memberships.map((m) => [`${m.partnershipId}/${m.personId}`, m.role]));
    for (const team of agenda.actionTeams) {
      const champions = agenda.actionTeamMembers.filter((m) => m.teamId === team.id && m.role === "champion");
      expect(champions.length).toBeGreaterThan(0);
      for (const c of champions) {
        expect(["champion", "business_member"]).toContain(roleOf.get(`${team.partnershipId}/${c.personId}`));
      }
    }
    expect(agenda.actionUpdates.length).toBeGreaterThan(agenda.actions.length / 3);
    // The rules of the API hold: no due date before the action's creation, nothing in the future.
    for (const a of agenda.actions) {
      if (a.dueDate) expect(a.dueDate >= day(a.createdAt)!).toBe(true);
      expect(day(a.createdAt)! <= today).toBe(true);
    }
    const states = new Set(
      agenda.actions.map((a) => dueState({ status: a.status!, dueDate: a.dueDate ?? null }, today)),
    );
    expect(states).toEqual(new Set(["done", "late", "due_soon", "later", "none"]));
    // The demo champion account leads a team of their partnership.
    const champion = data.people.find((p) => p.email === "champion@demo.sharedtable.org")!;
    expect(agenda.actionTeamMembers.some((m) => m.personId === champion.id && m.role === "champion")).toBe(
      true,
    );
    // ... and has something on their plate: an open action of theirs late or due within two weeks.
    const theirs = agenda.actions.filter((a) => a.ownerId === champion.id && a.status !== "done");
    expect(
      theirs.some((a) =>
        ["late", "due_soon"].includes(dueState({ status: a.status!, dueDate: a.dueDate ?? null }, today)),
      ),
    ).toBe(true);
  });
});

describe("loaded into a database", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openReferenceDatabase();
    await database.db.transaction(async (tx) => {
      await tx.insert(schema.users).values(data.users);
      await tx.insert(schema.partnerships).values(data.partnerships);
      await tx.insert(schema.partnershipNaics).values(data.partnershipNaics);
      await tx.insert(schema.partnershipCounties).values(data.partnershipCounties);
      await tx.insert(schema.organizations).values(data.organizations);
      await tx.insert(schema.people).values(data.people);
      await tx.insert(schema.memberships).values(data.memberships);
      await insertAgendaDemo(tx, agenda);
    });
  });
  afterAll(() => database.close());

  it("shows the demo convener's partnership with late and due actions", async () => {
    const convener = data.people.find((p) => p.email === "convener@demo.sharedtable.org")!;
    const user = data.users.find((u) => u.id === convener.userId)!;
    const deps = {
      db: database.db,
      now: () => new Date(`${today}T12:00:00Z`),
      stamped: new StampedCache(),
    } as unknown as AppDeps;
    const actor = {
      userId: user.id,
      personId: convener.id,
      email: user.email,
      name: user.name,
      isAdmin: false,
    };
    const plan = await getActionPlan(deps, actor, data.partnerships[0].id);
    expect(plan.priorities.length).toBeGreaterThanOrEqual(2);
    expect(plan.late.length).toBeGreaterThan(0);
    expect(plan.dueSoon.length).toBeGreaterThan(0);
    expect(plan.summary.businessLedShare).toBe(1);
    expect(plan.permissions.manage).toBe(true);
  });
});
