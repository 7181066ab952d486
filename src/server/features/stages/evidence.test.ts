import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Checklist } from "../../../core/stages.js";
import { formatDay } from "../agenda/format.js";
import { agendaFixture, raise, type AgendaFixture, type User } from "../agenda/test-fixture.js";

let f: AgendaFixture;
/** The team the second test forms, for the actions of the third. */
let teamId = "";
/** The day of the launch meeting the third test records. */
let launchDay = "";
beforeAll(async () => {
  f = await agendaFixture();
});
afterAll(() => f.ctx.close());

type Step = Checklist["stages"][number]["steps"][number];

async function steps(who: User | null): Promise<Map<string, Step>> {
  const res = await f.call(who, "GET", `/api/partnerships/${f.partnership.id}/checklist`);
  expect(res.statusCode, res.body).toBe(200);
  return new Map(
    res
      .json<Checklist>()
      .stages.flatMap((s) => s.steps)
      .map((s) => [s.key, s]),
  );
}
const evidenceOf = async (key: string, who: User | null = f.convener) =>
  (await steps(who)).get(key)?.evidence;

async function ok<T>(who: User, method: "POST" | "PUT" | "PATCH", url: string, payload: unknown) {
  const res = await f.call(who, method, url, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<T>();
}

const today = () => formatDay(f.ctx.deps.now());

describe("evidence on the stage checklist", () => {
  it("shows nothing for a step the workspace holds no record of", async () => {
    const all = await steps(f.convener);
    for (const key of [
      "partners_mapped",
      "launch_planned",
      "launch_held",
      "opportunities_raised",
      "priorities_chosen",
      "action_teams_formed",
      "first_win",
      "first_report_back",
      "regular_meetings",
      "impact_told",
      "public_partners_listened",
      "sixty_day_goals",
      "follow_up_sent",
    ]) {
      expect(all.get(key)?.evidence, key).toBeNull();
    }
    // The fixture seats a business champion: that much the workspace knows already.
    expect(all.get("champions_recruited")?.evidence).toEqual({
      text: "1 business champion: Cleo Champion; the toolkit suggests at least 2",
      link: `/p/${f.partnership.slug}/members`,
    });
    // And its convener, region and industry, from the profile.
    expect(all.get("conveners_agreed")?.evidence).toEqual({
      text: "Convener: Casey Convener",
      link: `/p/${f.partnership.slug}/members`,
    });
    expect(all.get("region_agreed")?.evidence).toEqual({
      text: "3 counties in Colorado: Arapahoe, Denver and Jefferson",
      link: `/p/${f.partnership.slug}`,
    });
    expect(all.get("industry_chosen")?.evidence).toEqual({
      text: "Manufacturing (31-33); no regional economy data for these counties yet",
      link: `/p/${f.partnership.slug}`,
    });
    // Each step points at the library's resource for it.
    expect(all.get("invitations_sent")?.resource).toEqual({
      slug: "launch-invitation-letter",
      title: "Template: launch invitation letter from business champions",
    });
  });

  it("a vote round counts only once closed, then names the priorities and the champion-led team", async () => {
    const ids = await raise(f, f.business1, ["Apprenticeships for machinists", "Broadband for small shops"]);
    expect(await evidenceOf("opportunities_raised")).toEqual({
      text: "2 opportunities raised by business members",
      link: `/p/${f.partnership.slug}/agenda/opportunities`,
    });
    const round = await ok<{ id: string }>(
      f.convener,
      "POST",
      `/api/partnerships/${f.partnership.id}/vote-rounds`,
      { title: "Spring priorities", method: "dots", opportunityIds: ids },
    );
    expect(await evidenceOf("priorities_chosen")).toBeNull();

    await ok(f.convener, "POST", `/api/vote-rounds/${round.id}/close`, {});
    expect(await evidenceOf("priorities_chosen")).toEqual({
      text: `Vote round “Spring priorities” closed on ${today()}; no priority recorded yet`,
      link: `/p/${f.partnership.slug}/agenda/votes/${round.id}`,
    });

    const priority = await ok<{ id: string }>(
      f.convener,
      "POST",
      `/api/partnerships/${f.partnership.id}/priorities`,
      { title: "Apprenticeships for machinists", opportunityId: ids[0] },
    );
    expect((await evidenceOf("priorities_chosen"))?.text).toBe(
      `Vote round “Spring priorities” closed on ${today()}; 1 priority chosen`,
    );
    teamId = (
      await ok<{ id: string }>(f.convener, "POST", `/api/priorities/${priority.id}/action-teams`, {
        name: "Apprenticeship team",
        championIds: [f.champion.personId],
      })
    ).id;
    expect(await evidenceOf("action_teams_formed")).toEqual({
      text: "1 of 1 action team led by a business champion: Apprenticeship team (Cleo Champion)",
      link: `/p/${f.partnership.slug}/agenda/plan`,
    });
  });

  it("a launch meeting is planned evidence at once and held evidence once its attendance is recorded", async () => {
    const startsAt = new Date(f.ctx.deps.now().getTime() - 2 * 86_400_000);
    const meeting = await ok<{ id: string; version: number }>(
      f.convener,
      "POST",
      `/api/partnerships/${f.partnership.id}/meetings`,
      { kind: "launch", title: "Launch at the plant", startsAt: startsAt.toISOString(), timeZone: "UTC" },
    );
    const day = formatDay(startsAt);
    launchDay = day;
    expect(await evidenceOf("launch_planned")).toEqual({
      text: `Launch meeting “Launch at the plant” was on ${day}`,
      link: `/p/${f.partnership.slug}/meetings/${meeting.id}`,
    });
    expect(await evidenceOf("launch_held")).toBeNull();

    await ok(f.convener, "PUT", `/api/meetings/${meeting.id}/attendance`, {
      personIds: [f.business1.personId, f.business2.personId, f.support.personId],
      guests: [{ name: "Gail Guest", organization: "Gail's Gears", sector: "business" }],
    });
    expect(await evidenceOf("launch_held")).toEqual({
      text: `Launch meeting “Launch at the plant” held on ${day}: 4 people attended, 3 from business`,
      link: `/p/${f.partnership.slug}/meetings/${meeting.id}`,
    });
    // Nobody voted in the closed round yet: the launch shows no choice by business leaders.
    expect(await evidenceOf("public_partners_listened")).toBeNull();

    // Evidence goes with its record: a cancelled meeting was not held.
    const version = async () =>
      (await f.call(f.convener, "GET", `/api/meetings/${meeting.id}`)).json<{ version: number }>().version;
    await ok(f.convener, "PATCH", `/api/meetings/${meeting.id}`, {
      cancelled: true,
      version: await version(),
    });
    expect(await evidenceOf("launch_held")).toBeNull();
    await ok(f.convener, "PATCH", `/api/meetings/${meeting.id}`, {
      cancelled: false,
      version: await version(),
    });
    expect(await evidenceOf("launch_held")).not.toBeNull();
  });

  it("a finished action, a report-back, workforce, education and economic development at the table, and a refreshed vote", async () => {
    const action = await ok<{ id: string; version: number }>(
      f.convener,
      "POST",
      `/api/action-teams/${teamId}/actions`,
      { title: "Survey shops on apprentice needs", ownerId: f.champion.personId },
    );
    expect(await evidenceOf("first_win")).toBeNull();
    await ok(f.convener, "PATCH", `/api/actions/${action.id}`, { version: action.version, status: "done" });
    expect(await evidenceOf("first_win")).toEqual({
      text: `Action “Survey shops on apprentice needs” (Apprenticeship team) done on ${today()}`,
      link: `/p/${f.partnership.slug}/agenda/plan`,
    });
    // A goal for the next 60 days: an action due within 60 days of the team forming.
    expect(await evidenceOf("sixty_day_goals")).toBeNull();
    const due = new Date(f.ctx.deps.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await ok(f.convener, "POST", `/api/action-teams/${teamId}/actions`, {
      title: "Sign up ten apprentices",
      ownerId: f.champion.personId,
      dueDate: due,
    });
    expect(await evidenceOf("sixty_day_goals")).toEqual({
      text: "1 of 1 action team set actions due within 60 days of forming: Apprenticeship team",
      link: `/p/${f.partnership.slug}/agenda/plan`,
    });

    // A full partnership meeting after the launch is its report-back; with the launch, two this year.
    const startsAt = new Date(f.ctx.deps.now().getTime() - 86_400_000);
    const full = await ok<{ id: string }>(
      f.convener,
      "POST",
      `/api/partnerships/${f.partnership.id}/meetings`,
      {
        kind: "full_partnership",
        title: "First report-back",
        startsAt: startsAt.toISOString(),
        timeZone: "UTC",
      },
    );
    expect(await evidenceOf("first_report_back")).toBeNull();
    expect((await evidenceOf("regular_meetings"))?.text).toBe(
      `2 full partnership meetings in the last 12 months, the latest on ${formatDay(startsAt)}`,
    );
    await ok(f.convener, "PUT", `/api/meetings/${full.id}/attendance`, {
      personIds: [f.business1.personId, f.champion.personId],
    });
    expect((await evidenceOf("first_report_back"))?.text).toBe(
      `Full partnership meeting “First report-back” held on ${formatDay(startsAt)}: 2 people attended, 2 from business`,
    );
    // The follow-up note: what the meeting decided, written down for everyone.
    expect(await evidenceOf("follow_up_sent")).toBeNull();
    const fullVersion = (await f.call(f.convener, "GET", `/api/meetings/${full.id}`)).json<{
      version: number;
    }>().version;
    await ok(f.convener, "PATCH", `/api/meetings/${full.id}`, {
      version: fullVersion,
      notes: "Teams reported their first 60 days; the survey is out.",
    });
    expect(await evidenceOf("follow_up_sent")).toEqual({
      text: `Notes or decisions recorded for 1 of 2 full partnership meetings in the last 12 months, the latest on ${formatDay(startsAt)}`,
      link: `/p/${f.partnership.slug}/meetings`,
    });

    // Workforce, education and economic development at the table.
    expect(await evidenceOf("partners_mapped")).toBeNull();
    for (const [name, kind] of [
      ["Metro Workforce Board", "workforce_development"],
      ["Denver Economic Development", "economic_development"],
    ]) {
      await ok(f.convener, "POST", `/api/partnerships/${f.partnership.id}/organizations`, { name, kind });
    }
    expect((await evidenceOf("partners_mapped"))?.text).toBe(
      "At the table: Metro Workforce Board (workforce development), Front Range Community College " +
        "(postsecondary education) and Denver Economic Development (economic development)",
    );

    // A round closed over a year ago and a second one now: the priorities were refreshed.
    expect(await evidenceOf("priorities_refreshed")).toBeNull();
    const yearAgo = new Date(f.ctx.deps.now().getTime() - 400 * 86_400_000);
    await f.ctx.deps.db.execute(
      sql`update vote_rounds set closed_at = ${yearAgo.toISOString()}::timestamptz where title = 'Spring priorities'`,
    );
    const ids = await raise(f, f.business2, ["Childcare near the plants", "Truck drivers"]);
    const round = await ok<{ id: string }>(
      f.convener,
      "POST",
      `/api/partnerships/${f.partnership.id}/vote-rounds`,
      { title: "Next year", method: "dots", opportunityIds: ids },
    );
    expect(await evidenceOf("priorities_refreshed")).toBeNull();
    await ok(f.business2, "PUT", `/api/vote-rounds/${round.id}/ballot`, {
      allocations: [{ opportunityId: ids[0], dots: 3 }],
    });
    await ok(f.convener, "POST", `/api/vote-rounds/${round.id}/close`, {});
    // Business leaders chose, public partners watched: the launch and the vote show it.
    expect(await evidenceOf("public_partners_listened")).toEqual({
      text:
        `At the launch “Launch at the plant” on ${launchDay}, 3 of 4 people came from business; ` +
        "1 business member voted in “Next year”, public partners did not",
      link: `/p/${f.partnership.slug}/agenda/votes/${round.id}`,
    });
    expect(await evidenceOf("priorities_refreshed")).toEqual({
      text: `Vote round “Next year” closed on ${today()}, after “Spring priorities” on ${formatDay(yearAgo)}`,
      link: `/p/${f.partnership.slug}/agenda/votes/${round.id}`,
    });
  });

  it("shows evidence to members only: the public and outsiders see the steps without it", async () => {
    expect(await evidenceOf("launch_held", f.support)).not.toBeNull();
    for (const who of [null, f.outsider]) {
      const all = await steps(who);
      expect([...all.values()].filter((s) => s.evidence !== null).map((s) => s.key)).toEqual([]);
    }
  });

  it("only a convener ticks a step from its evidence, which the step keeps as its note; nothing ticks itself", async () => {
    const evidence = await evidenceOf("priorities_chosen");
    expect(evidence).not.toBeNull();
    expect((await steps(f.convener)).get("priorities_chosen")?.done).toBe(false);
    const before = await f.count("stage_steps");
    for (const who of [f.business1, f.champion, f.support, f.outsider]) {
      const refused = await f.call(
        who,
        "PUT",
        `/api/partnerships/${f.partnership.id}/checklist/priorities_chosen`,
        {
          done: true,
          note: evidence?.text,
        },
      );
      expect(refused.statusCode, who.email).toBe(403);
    }
    expect(await f.count("stage_steps")).toBe(before);

    const ticked = await ok<Checklist>(
      f.convener,
      "PUT",
      `/api/partnerships/${f.partnership.id}/checklist/priorities_chosen`,
      { done: true, note: evidence?.text },
    );
    const step = ticked.stages.flatMap((s) => s.steps).find((s) => s.key === "priorities_chosen");
    expect(step).toMatchObject({ done: true, doneBy: "Casey Convener", note: evidence?.text, evidence });
    expect(await f.count("stage_steps")).toBe(before + 1);
  });
});
