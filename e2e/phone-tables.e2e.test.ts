import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { demo, skipReason, startHarness, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, expectNoSidewaysScroll, screenshot, signIn } from "./ui.js";

const phone = { width: 390, height: 844 };
const shots = "e2e/screenshots/phone-tables";

/**
 * A table read as cards: its header row is visually hidden and each row is one block as wide as
 * the screen allows, so every cell (and the row's links or buttons) is on screen.
 */
async function expectCards(table: Locator) {
  // The admin pages load lazily and ask the API once signed in: slow on a busy machine.
  await table.locator("tbody tr").first().waitFor({ timeout: 30_000 });
  const layout = await table.evaluate((t) => ({
    head: t.querySelector("thead")?.getBoundingClientRect().height ?? 0,
    rows: [...t.querySelectorAll("tbody tr")].map((r) => getComputedStyle(r).display),
    right: Math.max(
      ...[...t.querySelectorAll("tbody td, tbody th")].map((c) => c.getBoundingClientRect().right),
    ),
  }));
  expect(layout.head).toBeLessThanOrEqual(1);
  expect(new Set(layout.rows)).toEqual(new Set(["block"]));
  expect(layout.right).toBeLessThanOrEqual(phone.width);
}

async function phonePage(h: Harness, who: { email: string; password: string }): Promise<Page> {
  const page = await h.newPage();
  await page.setViewportSize(phone);
  await signIn(page, who.email, who.password);
  return page;
}

describe.skipIf(!!skipReason)(
  "journey: the tables of the self-assessment and the admin pages on a phone",
  () => {
    let h: Harness;

    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.stop();
    });

    it("shows the demo convener the scores over time as one card per round", async () => {
      const page = await phonePage(h, demo.convener);
      const me = await apiFromPage<{ partnerships: { id: string; slug: string; role: string }[] }>(
        page,
        "GET",
        "/me",
      );
      // Other journeys start partnerships as the demo convener: take one with closed rounds.
      let convened: { slug: string } | undefined;
      for (const p of me.partnerships.filter((p) => p.role === "convener")) {
        const history = await apiFromPage<{ closed: unknown[] }>(
          page,
          "GET",
          `/partnerships/${p.id}/assessments`,
        );
        if (history.closed.length > 1) {
          convened = p;
          break;
        }
      }
      if (!convened) throw new Error("the demo convener convenes no partnership with rounds");
      await page.goto(`/p/${convened.slug}/assessment`);
      const history = page.getByRole("region", { name: "Scores over time" });
      const table = history.getByRole("table");
      await expectCards(table);
      // The round's links stay on screen, inside its card.
      const results = history.getByRole("link", { name: /^Results of / }).first();
      const box = await results.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= phone.width).toBe(true);
      await screenshot(page, { path: `${shots}/scores-over-time.png`, fullPage: true });
      await expectNoSidewaysScroll(page, "the self-assessment section on a phone");
      await expectNoSeriousViolations(page, "the self-assessment section on a phone");
    });

    it("lets the demo admin read every admin page and its tables on a phone", async () => {
      const page = await phonePage(h, demo.admin);

      await page.goto("/admin");
      await page.getByRole("heading", { level: 1, name: "Community admin" }).waitFor();
      await expectNoSidewaysScroll(page, "the admin home on a phone");
      await expectNoSeriousViolations(page, "the admin home on a phone");

      await page.goto("/admin/outbox");
      await page.getByRole("heading", { level: 1, name: "Outbox" }).waitFor();
      await page.getByTestId("outbox-item").or(page.getByText("No e-mail yet.")).first().waitFor();
      await expectNoSidewaysScroll(page, "the outbox on a phone");
      await expectNoSeriousViolations(page, "the outbox on a phone");

      await page.goto("/admin/assessment");
      const versions = page.getByRole("region", { name: "Versions" }).getByRole("table");
      await expectCards(versions);
      await screenshot(page, { path: `${shots}/rubric.png`, fullPage: true });
      await expectNoSidewaysScroll(page, "the rubric admin on a phone");
      await expectNoSeriousViolations(page, "the rubric admin on a phone");

      await page.goto("/admin/assessment/community");
      const lowest = page.getByRole("region", { name: "Characteristics, lowest first" }).getByRole("table");
      await expectCards(lowest);
      await expectNoSidewaysScroll(page, "the community self-assessment on a phone");
      await expectNoSeriousViolations(page, "the community self-assessment on a phone");

      await page.goto("/admin/indicators");
      const indicators = page.getByRole("table", { name: "Indicators" });
      await expectCards(indicators);
      // Each indicator's retire (or restore) button is on screen in its card.
      const retire = indicators.getByRole("button", { name: /^(Retire|Restore) / }).first();
      const box = await retire.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= phone.width).toBe(true);
      await screenshot(page, { path: `${shots}/indicators.png`, fullPage: true });
      await expectNoSidewaysScroll(page, "the indicator catalog on a phone");
      await expectNoSeriousViolations(page, "the indicator catalog on a phone");

      await page.goto("/admin/resources");
      await page.getByRole("heading", { level: 1, name: "Suggested resources" }).waitFor();
      await expectNoSidewaysScroll(page, "the resource review on a phone");
      await expectNoSeriousViolations(page, "the resource review on a phone");
    });
  },
);
