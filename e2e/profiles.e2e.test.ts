import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, unique, type Harness } from "./harness.js";
import { mkdirSync } from "node:fs";
import {
  apiFromPage,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  field,
  screenshot,
  signUp,
} from "./ui.js";

const phone = { width: 390, height: 844 };
const shots = "/tmp/profiles-shots";

describe.skipIf(!!skipReason)(
  "journey: a benchmarking profile, written, found, compared and printed, on a phone",
  () => {
    let h: Harness;
    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.stop();
    });

    it("a convener writes and publishes a profile; a visitor finds it by filter, compares demo profiles and prints one", async () => {
      const page = await h.newPage();
      await page.setViewportSize(phone);
      const id = unique();
      const name = `Wind River Freight Partnership ${id}`;
      await signUp(page, {
        name: "Wren Convener",
        email: `wren-${id}@example.org`,
        password: "correct-horse-battery",
      });
      const p = await apiFromPage<{ id: string; slug: string }>(page, "POST", "/partnerships", {
        name,
        naics: ["484"],
        counties: ["56013"],
        setting: "rural",
        stage: "act",
      });
      await apiFromPage(page, "PUT", `/partnerships/${p.id}/measurements`, {
        items: [
          { indicator: "jobs_created", period: "2024", value: 10, kind: "actual", visibility: "public" },
          { indicator: "jobs_created", period: "2025", value: 16, kind: "actual", visibility: "public" },
          // Members only: never on the public profile.
          { indicator: "placements", period: "2025", value: 77, kind: "actual", visibility: "partnership" },
        ],
      });

      // The convener writes the profile in the workspace and features two indicators.
      await page.goto(`/p/${p.slug}/benchmarking`);
      await page.getByRole("heading", { level: 1, name: "Benchmarking profile" }).waitFor();
      await field(page, "Motivations for launch").fill(
        "Trucking firms could not find **drivers** for long hauls.",
      );
      await field(page, "Plans for the future").fill("A diesel technician pathway with the college.");
      await page.getByRole("checkbox", { name: "New jobs created" }).check();
      await page.getByRole("checkbox", { name: "Placements into jobs in the industry" }).check();
      await screenshot(page, { path: `${shots}/editor.png`, fullPage: true });
      await expectNoSidewaysScroll(page, "the profile editor on a phone");
      await expectNoSeriousViolations(page, "the profile editor");
      await page.getByRole("button", { name: "Save draft" }).click();
      await page.getByRole("status").getByText("Draft saved.").waitFor();
      await page.getByRole("tab", { name: "Preview as saved" }).click();
      await page.getByRole("region", { name: "Measurable results" }).getByText("New jobs created").waitFor();
      await expectNoSeriousViolations(page, "the profile preview");
      await page.getByRole("combobox", { name: "Who may read it" }).selectOption("public");
      await page.getByRole("button", { name: "Publish", exact: true }).click();
      await page.getByRole("status").getByText("Published for: Public.").waitFor();

      // A visitor, not signed in, finds it in the collection by industry sector and state.
      const visitor = await h.newPage();
      await visitor.setViewportSize(phone);
      await visitor.goto("/profiles");
      await visitor.getByRole("heading", { level: 1, name: "Benchmarking profiles" }).waitFor();
      await visitor
        .getByRole("link", { name: "Denver Metro Technology Partnership", exact: false })
        .first()
        .waitFor();
      await visitor.getByRole("combobox", { name: "Industry sector" }).selectOption("48-49");
      await visitor.getByRole("combobox", { name: "State" }).selectOption("WY");
      await visitor.waitForURL(/industry=48-49/);
      const card = visitor.getByRole("listitem").filter({ hasText: name });
      await card.getByRole("link", { name }).waitFor();
      // Our profile is in the unfiltered list too: wait for the filtered answer to replace it.
      await expect.poll(() => visitor.getByRole("link", { name: /Denver Metro Technology/ }).count()).toBe(0);
      await screenshot(visitor, { path: `${shots}/collection.png`, fullPage: true });
      await expectNoSidewaysScroll(visitor, "the profiles collection on a phone");
      await expectNoSeriousViolations(visitor, "the profiles collection");

      // Two demo profiles side by side, part by part.
      await visitor.goto(
        "/profiles/compare?ids=denver-metro-technology-partnership,permian-basin-energy-partnership",
      );
      await visitor.getByRole("heading", { level: 1, name: "Compare benchmarking profiles" }).waitFor();
      const motivations = visitor.getByRole("region", { name: "Motivations for launch" });
      await motivations.getByRole("article").nth(1).waitFor();
      expect(await motivations.getByRole("article").count()).toBe(2);
      const results = visitor.getByRole("region", { name: "Measurable results" });
      expect(await results.getByRole("listitem").count()).toBeGreaterThanOrEqual(6);
      await screenshot(visitor, { path: `${shots}/compare.png`, fullPage: false });
      await expectNoSidewaysScroll(visitor, "the comparison on a phone");
      await expectNoSeriousViolations(visitor, "the comparison");

      // The printable profile: the live numbers, nothing members-only, and the app's frame left off paper.
      await visitor.goto(`/profiles/${p.slug}`);
      await visitor.getByRole("heading", { level: 1, name }).waitFor();
      await visitor.getByRole("button", { name: "Print this profile" }).waitFor();
      const jobs = visitor.getByRole("listitem").filter({ hasText: "New jobs created" });
      expect(await jobs.textContent()).toMatch(/16.*2025.*Better.*\+6 since 2024 \(10\)/);
      const placements = visitor.getByRole("listitem").filter({ hasText: "Placements into jobs" });
      expect(await placements.textContent()).toContain("1 value not shared with you");
      expect(await placements.textContent()).not.toContain("77");
      await screenshot(visitor, { path: `${shots}/printable.png`, fullPage: true });
      await expectNoSidewaysScroll(visitor, "the printable profile on a phone");
      await expectNoSeriousViolations(visitor, "the printable profile");
      await visitor.emulateMedia({ media: "print" });
      expect(await visitor.getByRole("button", { name: "Print this profile" }).isVisible()).toBe(false);
      expect(await visitor.locator("header.app-header").isVisible()).toBe(false);
      expect(await visitor.getByRole("heading", { level: 1, name }).isVisible()).toBe(true);
    }, 120_000);
  },
);
