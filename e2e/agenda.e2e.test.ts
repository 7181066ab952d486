import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import {
  apiFromPage,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  field,
  pick,
  signIn,
  signUp,
} from "./ui.js";

const opportunities = [
  "Apprenticeships for machinists",
  "Broadband for small shops",
  "Childcare near the plants",
];

describe.skipIf(!!skipReason)("journey: business leaders vote and champion a priority", () => {
  let h: Harness;
  /** Left by the first journey for the second: the partnership and its people's pages. */
  let shared: { partnershipId: string; slug: string; convener: Page; voters: Page[]; pat: Page } | undefined;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("a convener opens a round, business members vote, a public partner cannot, the convener closes it and forms a team", async () => {
    const id = unique();
    const convener = await h.newPage();
    await signUp(convener, {
      name: "Carla Convener",
      email: `carla-${id}@example.org`,
      password: "correct-horse-battery",
    });
    const p = await apiFromPage<{ id: string; slug: string }>(convener, "POST", "/partnerships", {
      name: `Front Range Manufacturing ${id}`,
      naics: ["31-33"],
      counties: ["08031"],
      setting: "metro",
      stage: "launch",
    });
    const org = (name: string, kind: string) =>
      apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/organizations`, { name, kind });
    const acme = await org("Acme Precision", "business");
    const bolt = await org("Bolt Fabrication", "business");
    const college = await org("Red Rocks College", "postsecondary_education");

    // Three people join by invitation: two business members and a public partner.
    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password);
    const join = async (name: string, role: string, organizationId: string) => {
      const email = `${name.split(" ")[0]!.toLowerCase()}-${id}@example.org`;
      const page = await h.newPage();
      await signUp(page, { name, email, password: "correct-horse-battery" });
      await apiFromPage(convener, "POST", `/partnerships/${p.id}/invitations`, {
        email,
        name,
        role,
        organizationId,
      });
      const outbox = await apiFromPage<{ items: { to: string; text: string }[] }>(
        admin,
        "GET",
        "/admin/outbox",
      );
      const mail = outbox.items.find((m) => m.to === email);
      const token = /\/invitations\/([\w-]+)/.exec(mail?.text ?? "")?.[1];
      expect(token).toBeTruthy();
      await apiFromPage(page, "POST", `/invitations/${token}/accept`);
      return page;
    };
    const bea = await join("Bea Builder", "business_member", acme.id);
    const ben = await join("Ben Bolt", "business_member", bolt.id);
    const pat = await join("Pat Public", "support", college.id);
    for (const title of opportunities) {
      await apiFromPage(bea, "POST", `/partnerships/${p.id}/opportunities`, {
        title,
        theme: "talent_pipeline",
      });
    }

    // The convener opens a dot vote from the workspace.
    await convener.goto(`/p/${p.slug}`);
    await convener.getByRole("link", { name: "Agenda" }).click();
    await convener.getByRole("heading", { level: 1, name: "Agenda" }).waitFor();
    await convener.getByRole("tab", { name: "Votes" }).click();
    await field(convener, "Title of the round").fill("Launch meeting vote");
    for (const title of opportunities) await convener.getByRole("checkbox", { name: title }).check();
    await convener.getByRole("button", { name: "Open the vote" }).click();
    await convener.waitForURL(/\/agenda\/votes\/[0-9a-f-]{36}$/);
    const roundPath = new URL(convener.url()).pathname;
    await convener.getByRole("heading", { name: "Launch meeting vote" }).waitFor();
    await convener.getByText("Results are hidden while the round is open").waitFor();
    expect(await convener.getByRole("button", { name: /^Add a dot/ }).count()).toBe(0);
    await expectNoSeriousViolations(convener, "the open vote round (convener)");

    // Two business members vote: the counter shows the dots left.
    const vote = async (page: Page, dots: [string, number][]) => {
      await page.goto(roundPath);
      await page.getByText("Dots left: 5 of 5").waitFor();
      for (const [title, n] of dots) {
        for (let i = 0; i < n; i++) await page.getByRole("button", { name: `Add a dot to ${title}` }).click();
      }
      await page.getByText("Dots left: 0 of 5").waitFor();
      expect(await page.getByRole("button", { name: `Add a dot to ${dots[0]![0]}` }).isDisabled()).toBe(true);
      await page.getByRole("button", { name: "Cast my vote" }).click();
      await page.getByRole("button", { name: "Change my vote" }).waitFor();
    };
    await vote(bea, [
      [opportunities[0]!, 3],
      [opportunities[1]!, 2],
    ]);
    await expectNoSeriousViolations(bea, "the ballot");
    await vote(ben, [
      [opportunities[0]!, 1],
      [opportunities[2]!, 4],
    ]);

    // The public partner sees the round and the count, but no voting controls.
    await pat.goto(roundPath);
    await pat.getByTestId("voter-count").getByText("2 people have voted so far.").waitFor();
    await pat
      .getByTestId("vote-note")
      .getByText(/Only business members and champions vote/)
      .waitFor();
    expect(await pat.getByRole("button", { name: /^Add a dot/ }).count()).toBe(0);
    expect(await pat.getByRole("button", { name: /Cast my vote|Change my vote/ }).count()).toBe(0);
    expect(await pat.getByTestId("results-table").count()).toBe(0);

    // The convener closes the round; the results come in order.
    await convener.reload();
    await convener.getByRole("button", { name: "Close the round and show the results" }).click();
    const closing = convener.getByRole("dialog", { name: "Close the vote “Launch meeting vote”?" });
    await closing.getByText("counts the 2 ballots cast", { exact: false }).waitFor();
    await expectNoSeriousViolations(convener, "the close-the-vote dialog");
    await closing.getByRole("button", { name: "Close the round" }).click();
    await closing.waitFor({ state: "hidden" });
    const results = convener.getByTestId("results-table");
    await results.waitFor();
    const rows = results.getByRole("row");
    await expect.poll(() => rows.count()).toBe(4);
    expect(await rows.nth(1).textContent()).toContain(opportunities[0]);
    expect(await rows.nth(1).textContent()).toMatch(/^1.*4\s*2/);
    expect(await rows.nth(2).textContent()).toContain(opportunities[2]);
    await expectNoSeriousViolations(convener, "the results of a closed round");

    // The public partner now sees the results too, still without voting controls.
    await pat.reload();
    await pat.getByTestId("results-table").waitFor();
    expect(await pat.getByRole("button", { name: /^Add a dot/ }).count()).toBe(0);

    // The top item becomes a priority.
    await convener
      .getByRole("button", { name: new RegExp(`^Make it a priority\\W+${opportunities[0]}`) })
      .click();
    const dialog = convener.getByRole("dialog", { name: "Choose a priority" });
    await dialog.getByRole("textbox", { name: "The goal" }).fill("Forty apprentices a year.");
    await dialog.getByRole("button", { name: "Save priority" }).click();
    await dialog.waitFor({ state: "hidden" });
    await results.locator("tbody").getByText("Priority", { exact: true }).waitFor();

    // In the action plan, the convener forms a team with a business champion.
    await convener.getByRole("tab", { name: "Priorities & action plan" }).click();
    const card = convener.getByRole("article", { name: opportunities[0] });
    await card.waitFor();
    await card.getByRole("button", { name: "Form an action team" }).click();
    const teamDialog = convener.getByRole("dialog", { name: /^Form an action team/ });
    await pick(convener, "Champions", "Bea", /^Bea Builder/);
    await convener.keyboard.press("Escape");
    await teamDialog.getByRole("button", { name: "Form the team" }).click();
    await teamDialog.waitFor({ state: "hidden" });
    await card.getByText("Champions:").waitFor();
    expect(await card.getByRole("region", { name: /^Action team/ }).textContent()).toContain("Bea Builder");

    // An action due in two weeks shows among what is due in the next 60 days.
    await card.getByRole("button", { name: "Add an action" }).click();
    const actionDialog = convener.getByRole("dialog", { name: /^Add an action/ });
    await actionDialog.getByRole("textbox", { name: "Action" }).fill("Survey shops on apprentice needs");
    await actionDialog
      .getByRole("combobox", { name: "Owner" })
      .selectOption({ label: "Bea Builder · Business member" });
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    await actionDialog.getByLabel("Due date").fill(due);
    await actionDialog.getByRole("button", { name: "Add action" }).click();
    await actionDialog.waitFor({ state: "hidden" });
    await convener
      .getByRole("region", { name: /^Due in the next 60 days/ })
      .getByText("Survey shops on apprentice needs")
      .waitFor();
    await expectNoSeriousViolations(convener, "the priorities and action plan");

    shared = { partnershipId: p.id, slug: p.slug, convener, voters: [bea, ben], pat };

    // The opportunities page too.
    await convener.getByRole("tab", { name: "Opportunities" }).click();
    await convener.getByRole("button", { name: "Record opportunity" }).waitFor();
    await expectNoSeriousViolations(convener, "the opportunities page");
    // Six people, two ballots cast in the page and four axe scans: a minute on a busy machine.
  }, 120_000);

  it("on a phone (390 px) the owner reads the action plan and their home page without a sideways scroll", async () => {
    if (!shared) throw new Error("the first journey did not finish");
    const { slug, voters } = shared;
    // Each action is a card with its owner, due date and button in view.
    const phone = await h.newPage({ storageState: await voters[0]!.context().storageState() });
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`/p/${slug}/agenda/plan`);
    const actionRow = phone
      .getByRole("table", { name: /^Actions of/ })
      .getByRole("row", { name: /Survey shops on apprentice needs/ });
    await actionRow.waitFor();
    const update = actionRow.getByRole("button", { name: /Survey shops on apprentice needs/ });
    for (const part of [actionRow.getByText("Bea Builder"), actionRow.getByText(/^Planned$/), update]) {
      const box = await part.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    await expectNoSidewaysScroll(phone, "the action plan on a phone");
    await expectNoSeriousViolations(phone, "the action plan on a phone");
    await phone.goto("/");
    await phone
      .getByRole("region", { name: "What is due" })
      .getByRole("link", { name: "Survey shops on apprentice needs" })
      .waitFor();
    await expectNoSidewaysScroll(phone, "the home page's due actions on a phone");
    await expectNoSeriousViolations(phone, "the home page on a phone");
    await phone.context().close();
  });

  it("a rating round shows the importance/feasibility chart and its table, without serious axe violations", async () => {
    if (!shared) throw new Error("the first journey did not finish");
    const { partnershipId, slug, convener, voters, pat } = shared;
    const items = await apiFromPage<{ items: { id: string; title: string }[] }>(
      convener,
      "GET",
      `/partnerships/${partnershipId}/opportunities`,
    );
    const round = await apiFromPage<{ id: string }>(
      convener,
      "POST",
      `/partnerships/${partnershipId}/vote-rounds`,
      {
        title: "Rate what is left",
        method: "rating",
        opportunityIds: items.items.map((o) => o.id),
      },
    );
    // One voter rates through the page, the other through the API.
    await voters[0]!.goto(`/p/${slug}/agenda/votes/${round.id}`);
    const first = voters[0]!.getByRole("group", { name: items.items[0]!.title });
    await first.getByRole("combobox", { name: "Importance" }).selectOption("5");
    await first.getByRole("combobox", { name: "Feasibility" }).selectOption("4");
    await voters[0]!.getByRole("button", { name: "Cast my ratings" }).click();
    await voters[0]!.getByRole("button", { name: "Change my ratings" }).waitFor();
    await expectNoSeriousViolations(voters[0]!, "the rating ballot");
    await apiFromPage(voters[1]!, "PUT", `/vote-rounds/${round.id}/ballot`, {
      ratings: items.items.map((o, i) => ({
        opportunityId: o.id,
        importance: 1 + (i % 5),
        feasibility: 5 - (i % 5),
      })),
    });
    await pat.goto(`/p/${slug}/agenda/votes/${round.id}`);
    expect(await pat.getByRole("combobox", { name: "Importance" }).count()).toBe(0);
    await apiFromPage(convener, "POST", `/vote-rounds/${round.id}/close`);
    await pat.reload();
    await pat.getByTestId("rating-chart").locator("svg").first().waitFor();
    const table = pat.getByTestId("results-table");
    await table.waitFor();
    expect(await table.getByRole("columnheader").allTextContents()).toEqual(
      expect.arrayContaining(["Importance", "Feasibility", "Voters"]),
    );
    await expectNoSeriousViolations(pat, "the results of a rating round");
  });
});
