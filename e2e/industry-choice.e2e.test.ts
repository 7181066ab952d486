import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centralOhioCounties, importCentralOhio } from "./qcew-fixtures.js";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import {
  apiFromPage,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  screenshot,
  signIn,
  signUp,
} from "./ui.js";

const shots = "e2e/screenshots/industry-choice";
const centralOhio = centralOhioCounties.join(",");

/** Mantine's segmented control hides its radio inputs under their labels: click the label. */
async function segment(page: Page, name: string) {
  const label = page.locator("label.mantine-SegmentedControl-label", { hasText: new RegExp(`^${name}$`) });
  await label.click();
  await page.getByRole("radio", { name, checked: true }).waitFor({ state: "attached" });
}

describe.skipIf(!!skipReason)("journey: a convener chooses an industry for Central Ohio", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("ranks, charts, shortlists with a note and starts a partnership from the shortlist", async () => {
    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password, "/admin");
    await importCentralOhio(admin);

    // A regional team member of their own: a partnership started here must not change whose
    // table the demo convener leads, which other journeys rely on.
    const page = await h.newPage();
    await signUp(page, {
      name: "Rhea Region",
      email: `region-${unique()}@example.org`,
      password: "harvest-lantern-ridge",
    });
    await page.goto(`/regions/economy?counties=${centralOhio}&level=4`);
    await page.getByTestId("total-jobs").filter({ hasText: "870,961" }).waitFor({ timeout: 30_000 });

    // Sort the industries by location quotient, highest first.
    const table = page.getByTestId("industries");
    await table.getByRole("button", { name: "Location quotient" }).click();
    await expect(table.locator("th[aria-sort='descending']").textContent()).resolves.toContain(
      "Location quotient",
    );

    // The ranking: weights, each criterion, incomplete industries counted.
    await page.getByRole("tab", { name: "Choose an industry" }).click();
    expect(page.url()).toContain("view=choose");
    const regionName = page.getByRole("textbox", { name: "Region's name" });
    await regionName.fill("Central Ohio");
    const ranking = page.getByTestId("ranking");
    await ranking.waitFor({ timeout: 30_000 });
    const summary = page.getByTestId("ranking-summary");
    await expect(summary.textContent()).resolves.toMatch(
      /^\d+ candidate industries; \d+ incomplete: a county did not disclose/,
    );
    await page.getByText(/scored 0 to 100 by where the industry stands among the candidates/).waitFor();
    // The head of the ranking first; "Show all" brings every row (restaurants are further down).
    await expect(ranking.locator("tbody tr").count()).resolves.toBe(25);
    await expectNoSeriousViolations(page, "the industry ranking");
    await screenshot(page, { path: `${shots}/ranking.png`, fullPage: true });
    await page.getByRole("button", { name: /^Show all \d+$/ }).click();
    const restaurants = page.getByTestId("rank-7225");
    await expect(restaurants.textContent()).resolves.toContain("incomplete");
    await expect(restaurants.locator("td[data-label='Size (jobs)']").textContent()).resolves.toMatch(
      /^at least 58,416/,
    );
    expect(await ranking.locator("tbody tr").count()).toBeGreaterThan(25);

    // Concentration alone: the first row has the highest LQ and scores 100.
    for (const c of ["Size (jobs)", "Growth", "Pay vs region"])
      await page.getByRole("textbox", { name: `${c} weight` }).fill("0");
    await page.getByRole("textbox", { name: "Concentration (LQ) weight" }).fill("5");
    await ranking.locator("th", { hasText: "Concentration (LQ) ×5" }).waitFor();
    await ranking.locator("th", { hasText: "Size (jobs) ×0" }).waitFor();
    const first = ranking.locator("tbody tr").first();
    await expect(first.locator("td[data-label='Score']").textContent()).resolves.toMatch(/^100/);
    const lqs = (await ranking.locator("tbody td[data-label='Concentration (LQ)']").allTextContents())
      .map((t) => Number(t.replace(/^at least /, "").replace(/score.*$/, "")))
      .filter((n) => !Number.isNaN(n));
    expect(lqs.length).toBeGreaterThan(10);
    expect(lqs[0]).toBe(Math.max(...lqs));
    await page.getByRole("button", { name: "Default weights" }).click();
    await ranking.locator("th", { hasText: "Concentration (LQ) ×3" }).waitFor();

    // The bubble chart and its table.
    await segment(page, "Bubble chart");
    const chart = page.getByTestId("bubble-chart");
    await chart.waitFor({ timeout: 30_000 });
    await chart.locator(".recharts-scatter-symbol").first().waitFor();
    await expect(chart.getAttribute("aria-label")).resolves.toMatch(
      /^Bubble chart of \d+ industries: location quotient across/,
    );
    await expectNoSeriousViolations(page, "the bubble chart");
    await screenshot(page, { path: `${shots}/bubble-chart.png`, fullPage: true });
    await segment(page, "Table of the chart");
    const chartTable = page.getByTestId("bubble-table");
    await chartTable.waitFor();
    await chartTable.locator("tbody tr", { hasText: "7225" }).waitFor();
    await expectNoSeriousViolations(page, "the bubble chart's table");

    // Shortlist bakeries from its ranking row (all rows are still shown).
    await segment(page, "Ranking");
    await ranking.waitFor();
    await page.getByRole("button", { name: "Show the top 25" }).waitFor();
    await page.getByRole("button", { name: "Shortlist Bakeries and Tortilla Manufacturing" }).click();
    await page
      .getByRole("button", { name: "Bakeries and Tortilla Manufacturing is on the shortlist" })
      .waitFor();
    expect(page.url()).toMatch(/shortlist=[0-9a-f-]{36}/);

    // The shortlist: a note, saved.
    await page.getByRole("tab", { name: "Shortlists" }).click();
    const item = page.getByTestId("shortlist-item-3118");
    await item.waitFor({ timeout: 30_000 });
    await page.getByRole("heading", { name: "Central Ohio industries" }).waitFor();
    const note = "Ten bakeries in Franklin County; ask the Food Manufacturers' Council first.";
    await item.getByRole("textbox", { name: "Note on Bakeries and Tortilla Manufacturing" }).fill(note);
    await item.getByRole("button", { name: "Save note" }).click();
    await item.getByText("Saved").waitFor();
    await expectNoSeriousViolations(page, "the shortlist");
    await screenshot(page, { path: `${shots}/shortlist.png`, fullPage: true });
    const mine = await apiFromPage<{ items: { id: string; name: string }[] }>(page, "GET", "/shortlists");
    const saved = mine.items.find((s) => page.url().includes(s.id))!;
    const detail = await apiFromPage<{ items: { code: string; note: string }[]; counties: string[] }>(
      page,
      "GET",
      `/shortlists/${saved.id}`,
    );
    expect(detail.items).toMatchObject([{ code: "3118", note }]);
    expect(detail.counties.join(",")).toBe(centralOhio);

    // Start a partnership from the shortlisted industry: the form comes filled in.
    await item
      .getByRole("link", { name: "Start a partnership in Bakeries and Tortilla Manufacturing" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Start a partnership" }).waitFor({ timeout: 30_000 });
    await page.getByText("Filled in from the region's economy").waitFor();
    const name = page.getByRole("textbox", { name: "Name", exact: true });
    await expect(name.inputValue()).resolves.toBe(
      "Central Ohio Bakeries and Tortilla Manufacturing Partnership",
    );
    await page.getByText("3118 · Bakeries and Tortilla Manufacturing").waitFor();
    for (const county of ["Delaware", "Fairfield", "Fayette", "Franklin", "Hocking"])
      await page.locator(".mantine-Pill-label", { hasText: county }).first().waitFor();
    // A unique name: the journey may run twice against one server.
    const partnershipName = `Central Ohio Bakeries Partnership ${unique()}`;
    await name.fill(partnershipName);
    await page.getByRole("radio", { name: "Metro and rural" }).check();
    await page.getByRole("button", { name: "Create partnership" }).click();
    await page.getByRole("heading", { level: 1, name: partnershipName }).waitFor({ timeout: 30_000 });
    const slug = new URL(page.url()).pathname.split("/")[2];
    const created = await apiFromPage<{ naics: { code: string }[]; counties: { fips: string }[] }>(
      page,
      "GET",
      `/partnerships/${slug}`,
    );
    expect(created.naics.map((n) => n.code)).toEqual(["3118"]);
    // Its profile already shows its own regional economy, from the same BLS files.
    const panel = page.getByTestId("regional-economy");
    await panel.getByRole("heading", { name: "Local economy", exact: true }).waitFor({ timeout: 30_000 });
    await panel.getByTestId("economy-source").filter({ hasText: "BLS QCEW, 2020 annual averages" }).waitFor();
    expect(
      created.counties
        .map((c) => c.fips)
        .sort()
        .join(","),
    ).toBe(centralOhio);

    // On a phone: the ranking reads as cards, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/regions/economy?counties=${centralOhio}&level=4&view=choose`);
    await page.getByTestId("ranking").waitFor({ timeout: 30_000 });
    await page.getByTestId("ranking").locator("tbody tr").first().locator("td[data-label='Score']").waitFor();
    await expectNoSidewaysScroll(page, "the ranking on a phone");
    await expectNoSeriousViolations(page, "the ranking on a phone");
    await screenshot(page, { path: `${shots}/phone-ranking.png`, fullPage: true });
    await segment(page, "Bubble chart");
    await page.getByTestId("bubble-chart").waitFor();
    await expectNoSidewaysScroll(page, "the bubble chart on a phone");
  }, 300_000);
});
