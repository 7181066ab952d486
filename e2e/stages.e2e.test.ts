import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, expectNoSidewaysScroll, screenshot, signUp } from "./ui.js";

const shots = "/tmp/stages-shots";

interface Step {
  key: string;
  done: boolean;
  note: string;
  evidence: { text: string; link: string } | null;
}

describe.skipIf(!!skipReason)("journey: the stage checklist uses what the workspace knows", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("shows a closed vote round and a champion-led team as evidence; the convener ticks a step off from it", async () => {
    const id = unique();
    const convener = await h.newPage();
    await signUp(convener, {
      name: "Carla Convener",
      email: `carla-${id}@example.org`,
      password: "correct-horse-battery",
    });
    const p = await apiFromPage<{ id: string; slug: string }>(convener, "POST", "/partnerships", {
      name: `Pikes Peak Manufacturing ${id}`,
      naics: ["31-33"],
      counties: ["08041"],
      setting: "metro",
      stage: "launch",
    });
    const acme = await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/organizations`, {
      name: "Acme Precision",
      kind: "business",
    });
    const ada = await apiFromPage<{ personId: string }>(convener, "POST", `/partnerships/${p.id}/members`, {
      name: "Ada Owner",
      role: "champion",
      organizationId: acme.id,
    });
    const opportunityIds: string[] = [];
    for (const title of ["Apprenticeships for machinists", "Broadband for small shops"]) {
      const o = await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/opportunities`, {
        title,
        theme: "talent_pipeline",
      });
      opportunityIds.push(o.id);
    }
    const round = await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/vote-rounds`, {
      title: "Spring priorities",
      method: "dots",
      opportunityIds,
    });
    await apiFromPage(convener, "POST", `/vote-rounds/${round.id}/close`);
    const priority = await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/priorities`, {
      title: "Apprenticeships for machinists",
      opportunityId: opportunityIds[0],
    });
    await apiFromPage(convener, "POST", `/priorities/${priority.id}/action-teams`, {
      name: "Apprenticeship team",
      championIds: [ada.personId],
    });

    await convener.goto(`/p/${p.slug}/checklist`);
    await convener.getByRole("heading", { level: 1, name: "Stage checklist" }).waitFor();
    const launch = convener.getByRole("region", { name: "3. Launch" });
    const chosen = launch.getByTestId("evidence-priorities_chosen");
    await chosen.getByText(/^Vote round “Spring priorities” closed on .+; 1 priority chosen$/).waitFor();
    expect(await chosen.getByRole("link").getAttribute("href")).toBe(`/p/${p.slug}/agenda/votes/${round.id}`);
    await convener
      .getByRole("region", { name: "4. Act" })
      .getByTestId("evidence-action_teams_formed")
      .getByText("1 of 1 action team led by a business champion: Apprenticeship team (Ada Owner)")
      .waitFor();
    // No launch meeting was recorded: that step offers nothing, and nothing was ticked by itself.
    expect(await launch.getByTestId("evidence-launch_held").count()).toBe(0);
    expect(await launch.getByRole("checkbox", { name: "Priorities chosen" }).isChecked()).toBe(false);
    // The toolkit's own steps: the convener is on record, and each step links to its how-to.
    await convener
      .getByRole("region", { name: "1. Build civic infrastructure" })
      .getByTestId("evidence-conveners_agreed")
      .getByText("Convener: Carla Convener")
      .waitFor();
    const howTo = convener
      .getByRole("region", { name: "2. Prepare" })
      .getByRole("link", { name: /^How to: .*launch invitation letter/i });
    expect(await howTo.getAttribute("href")).toBe("/resources/launch-invitation-letter");
    await screenshot(convener, { path: `${shots}/evidence.png`, fullPage: true });
    await expectNoSeriousViolations(convener, "the checklist with evidence");

    await chosen.getByRole("button", { name: "Tick it off: Priorities chosen" }).click();
    const box = launch.getByRole("checkbox", { name: "Priorities chosen" });
    await expect.poll(() => box.isChecked()).toBe(true);
    await launch.getByText(/^Done .+ by Carla Convener: Vote round “Spring priorities” closed on /).waitFor();
    expect(await launch.getByTestId("evidence-priorities_chosen").count()).toBe(0);
    const stored = await apiFromPage<{ stages: { steps: Step[] }[] }>(
      convener,
      "GET",
      `/partnerships/${p.id}/checklist`,
    );
    const step = stored.stages.flatMap((s) => s.steps).find((s) => s.key === "priorities_chosen");
    expect(step?.done).toBe(true);
    expect(step?.note).toMatch(/^Vote round “Spring priorities” closed on /);
    await expectNoSeriousViolations(convener, "the checklist after ticking a step off");

    // On a phone the evidence and its button stay in view.
    await convener.setViewportSize({ width: 390, height: 844 });
    await convener
      .getByRole("region", { name: "4. Act" })
      .getByRole("button", { name: "Tick it off: Action teams formed with business champions" })
      .waitFor();
    await expectNoSidewaysScroll(convener, "the checklist on a phone");
  });
});
