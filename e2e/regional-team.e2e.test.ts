import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
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

interface TeamList {
  items: { name: string; access: string; partnerships: number; members: number; stepsDone: number }[];
}

async function checkPage(page: Page, what: string) {
  await expectNoSeriousViolations(page, what);
  await expectNoSidewaysScroll(page, `${what} at 390 px`);
}

describe.skipIf(!!skipReason)("journey: a regional support team starts a partnership, on a phone", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("a workforce director creates a team, fills it in and starts a partnership that inherits it", async () => {
    // The demo team is the demo convener's; the state coordinator of Colorado reads it.
    const demoConvener = await h.newPage();
    await signIn(demoConvener, demo.convener.email, demo.convener.password);
    const mine = await apiFromPage<TeamList>(demoConvener, "GET", "/regional-teams");
    expect(mine.items.find((t) => t.name === "Northern Front Range (demo)")).toMatchObject({
      access: "convener",
      partnerships: 1,
      members: 6,
      stepsDone: 3,
    });
    const coordinator = await h.newPage();
    await signIn(coordinator, "coordinator@demo.sharedtable.org", demo.convener.password);
    const read = await apiFromPage<TeamList>(coordinator, "GET", "/regional-teams");
    expect(read.items.find((t) => t.name === "Northern Front Range (demo)")?.access).toBe("reader");

    // A new team by a fresh account: other journeys count the demo convener's partnerships.
    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signUp(page, {
      name: "Dana Director",
      email: `dana-${unique()}@example.org`,
      password: "correct-horse-battery",
    });

    // From the user menu to the list, and a new team for two Colorado counties.
    // On a phone the account menu sits in the navigation drawer.
    await page.getByRole("button", { name: "Open navigation" }).click();
    await page.getByRole("button", { name: /^Account menu for / }).click();
    await page.getByRole("menuitem", { name: "Regional teams" }).click();
    // Any navigation closes the drawer, also a pick from the account menu inside it.
    await page.getByRole("dialog", { name: "Shared Table" }).waitFor({ state: "hidden" });
    await page.getByRole("heading", { level: 1, name: "Regional teams" }).waitFor();
    await checkPage(page, "the regional teams page");

    const teamName = `Mesa Valley ${unique()}`;
    await field(page, "Team name").fill(teamName);
    await field(page, "Region's name").fill("Grand Valley");
    await pick(page, "State", "Colorado", "Colorado");
    await pick(page, "Counties in Colorado", "Mesa", "Mesa");
    await pick(page, "Counties in Colorado", "Delta", "Delta");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Start the team" }).click();
    await page.getByRole("heading", { level: 1, name: teamName }).waitFor();
    const region = page.getByRole("list", { name: "Counties of the region" });
    await region.getByText("Mesa, CO").waitFor();
    await region.getByText("Delta, CO").waitFor();

    // An organization and a person.
    const orgName = `Grand Valley Workforce Center ${unique()}`;
    await field(page, "Organization").fill(orgName);
    await pick(page, "Kind", "", "Workforce development");
    await page.getByRole("button", { name: "Add the organization" }).click();
    await page.getByRole("list", { name: "Organizations" }).getByText(orgName).waitFor();
    const personName = `Wren Partner ${unique()}`;
    await field(page, "Person's name").fill(personName);
    await field(page, "E-mail").fill(`wren-${unique()}@example.org`);
    await pick(page, "Their organization", "", orgName);
    await page.getByRole("button", { name: "Add the person" }).click();
    await page.getByRole("list", { name: "People" }).getByText(personName).waitFor();

    // Two first-stage steps: the box shows ticked once the server has it.
    await page.getByRole("checkbox", { name: "Lead convener or co-conveners agreed" }).click();
    await page.getByText("1 of 5 steps done.", { exact: false }).waitFor();
    await page.getByRole("checkbox", { name: "Support team agreed to work as one team" }).click();
    await page.getByText("2 of 5 steps done.", { exact: false }).waitFor();

    // A note and a candidate industry.
    await field(page, "New note").fill("We meet **every other Tuesday** at the college.");
    await page.getByRole("button", { name: "Add the note" }).click();
    // The Markdown is shown formatted.
    await page.locator(".prose strong", { hasText: "every other Tuesday" }).waitFor();
    await field(page, "NAICS code").fill("622");
    await field(page, "Why this industry").fill("Two hospitals hire most nurses of the valley.");
    await page.getByRole("button", { name: "Add the candidate" }).click();
    await page
      .getByTestId("candidate-622")
      .getByText(/^Hospitals NAICS 622/)
      .waitFor();
    await page.getByRole("heading", { name: "The region's economy" }).waitFor();
    await checkPage(page, "the regional team page");

    // Start a partnership from the team and land in its workspace.
    await page.getByRole("button", { name: "Start a partnership" }).click();
    const dialog = page.getByRole("dialog", { name: "Start a partnership" });
    await dialog.waitFor();
    const partnershipName = `Grand Valley Health Care ${unique()}`;
    await field(page, "Partnership name").fill(partnershipName);
    await pick(page, "Industry from the team's candidates", "Hosp", "Hospitals (622)");
    await page.keyboard.press("Escape");
    await expectNoSeriousViolations(page, "the start a partnership dialog");
    await dialog.getByRole("button", { name: "Start the partnership" }).click();
    await page.waitForURL(/\/p\/[^/]+$/);
    await page.getByRole("heading", { level: 1, name: partnershipName }).waitFor();
    const slug = new URL(page.url()).pathname.split("/")[2]!;
    await checkPage(page, "the new partnership's profile");

    await page.goto(`/p/${slug}/members`);
    await page.getByText(personName).first().waitFor();
    await page.getByText(orgName).first().waitFor();
    await checkPage(page, "the new partnership's members");

    await page.goto(`/p/${slug}/checklist`);
    const agreed = page.getByRole("checkbox", { name: "Lead convener or co-conveners agreed" });
    await agreed.waitFor();
    expect(await agreed.isChecked()).toBe(true);
    expect(
      await page.getByRole("checkbox", { name: "Support team agreed to work as one team" }).isChecked(),
    ).toBe(true);
    expect(await page.getByRole("checkbox", { name: "Target industry chosen with data" }).isChecked()).toBe(
      false,
    );
    await page.getByText(`regional support team`, { exact: false }).first().waitFor();
    await checkPage(page, "the new partnership's checklist");

    // Back on the team, the partnership is listed.
    const teams = await apiFromPage<TeamList>(page, "GET", "/regional-teams");
    expect(teams.items.find((t) => t.name === teamName)?.partnerships).toBe(1);
  });
});
