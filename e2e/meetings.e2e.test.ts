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
  screenshot,
} from "./ui.js";

const shots = process.env.MEETINGS_SHOTS ?? "/tmp/meetings-shots";

describe.skipIf(!!skipReason)(
  "journey: a convener records a meeting, ticks the checklist, reads the health panel",
  () => {
    let h: Harness;
    let page: Page;
    let slug = "";
    let planned = "";

    beforeAll(async () => {
      h = await startHarness();
      page = await h.newPage();
      await signIn(page, demo.convener.email, demo.convener.password);
      const me = await apiFromPage<{ partnerships: { slug: string; role: string }[] }>(page, "GET", "/me");
      slug = me.partnerships.find((p) => p.role === "convener")?.slug ?? "";
      expect(slug).not.toBe("");
    });
    afterAll(async () => {
      await h?.stop();
    });

    it("plans a meeting in the partnership's own zone, found by friendly names, and shows its end time", async () => {
      const title = `Full partnership ${unique()}`;
      planned = title;
      await page.goto(`/p/${slug}`);
      await page
        .getByRole("navigation", { name: "Workspace" })
        .getByRole("link", { name: "Meetings" })
        .click();
      await page.getByRole("heading", { level: 1, name: "Meetings" }).waitFor();
      await page.getByRole("heading", { name: "Past meetings" }).waitFor();
      // The workspace navigation leads back; no "← partnership" link any more.
      expect(await page.getByRole("link", { name: /^←/ }).count()).toBe(0);

      // A Colorado partnership: the zone is Mountain time, not the browser's (UTC in this Chromium).
      const zone = page.getByRole("combobox", { name: "Time zone", exact: true });
      await expect.poll(() => zone.inputValue()).toMatch(/^Mountain time – Denver \(UTC−[67]\)$/);
      await screenshot(page, { path: `${shots}/meetings.png`, fullPage: true });
      await expectNoSeriousViolations(page, "the meetings page with its form");

      // Friendly names: "Eastern" finds New York first; "Ohio" too; the list stays axe clean while open.
      await zone.click();
      await zone.fill("Eastern");
      await expect
        .poll(() => page.getByRole("option").first().textContent())
        .toMatch(/^Eastern time – New York \(UTC−[45]\)$/);
      await expectNoSeriousViolations(page, "the time zone picker open on a search");
      await zone.fill("Ohio");
      await expect
        .poll(() => page.getByRole("option").allTextContents())
        .toEqual([expect.stringMatching(/^Eastern time – New York/)]);
      await zone.fill("Phoenix");
      await expect
        .poll(() => page.getByRole("option").first().textContent())
        .toMatch(/^Arizona time – Phoenix/);
      await page.keyboard.press("Escape");

      await pick(page, "Kind", "", "Full partnership");
      await field(page, "Title").fill(title);
      await page.getByLabel("Starts").fill("2026-03-05T08:00");
      await page.getByLabel("Ends").fill("2026-03-05T09:30");
      await pick(page, "Time zone", "Denver", /^Mountain time – Denver/);
      await field(page, "Place").fill("Front Range Community College, Room 104");
      await page.getByRole("button", { name: "Plan the meeting" }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByText("Thu, Mar 5, 2026, 8:00–9:30 AM MST").waitFor();

      // One business person and three public partners: not a business majority.
      const business = page.getByRole("group", { name: /^Business people/ });
      const publicSide = page.getByRole("group", { name: /^Public partners/ });
      await business.getByRole("checkbox").first().check();
      for (let i = 0; i < 3; i++) await publicSide.getByRole("checkbox").nth(i).check();
      await page.getByRole("button", { name: "Add a walk-in guest" }).click();
      await field(page, "Guest 1 name").fill("Gale Walk-in");
      await field(page, "Organization").fill("State Chamber");
      await pick(page, "Sector", "", "Public partner");
      await page.getByRole("button", { name: "Save attendance" }).click();
      await page.getByText("Attendance saved.").waitFor();
      await page.getByText("No business majority").first().waitFor();
      expect(
        await page
          .getByText(/1 business · 4 public/)
          .first()
          .textContent(),
      ).toContain("incl. 1 guest");

      const saved = await apiFromPage<{
        id: string;
        timeZone: string;
        attendance: { business: number; public: number; guests: number; businessMajority: boolean };
      }>(page, "GET", `/meetings/${page.url().split("/").pop() ?? ""}`);
      expect(saved.timeZone).toBe("America/Denver");
      expect(saved.attendance).toMatchObject({ business: 1, public: 4, guests: 1, businessMajority: false });
      await screenshot(page, { path: `${shots}/meeting.png`, fullPage: true });
      await expectNoSeriousViolations(page, "a meeting");

      await page.getByRole("link", { name: /Meetings of/ }).click();
      const item = page.getByRole("listitem").filter({ hasText: title });
      await item.getByText("No business majority").waitFor();
      await item.getByText("Thu, Mar 5, 2026, 8:00–9:30 AM MST").waitFor();
    });

    it("asks in a dialog before cancelling, warning about the recorded attendance, and restores", async () => {
      await page
        .getByRole("listitem")
        .filter({ hasText: planned })
        .getByRole("link", { name: planned })
        .click();
      await page.getByRole("heading", { level: 1, name: planned }).waitFor();
      await page.getByRole("button", { name: "Cancel the meeting" }).click();
      const dialog = page.getByRole("dialog", { name: "Cancel this meeting?" });
      await dialog.waitFor();
      await dialog
        .getByText(
          "5 people are recorded as attending; cancelling keeps their attendance out of the partnership’s counts",
          { exact: false },
        )
        .waitFor();
      await dialog.getByText("nobody is e-mailed", { exact: false }).waitFor();
      await expectNoSeriousViolations(page, "the cancel dialog");
      await screenshot(page, { path: `${shots}/cancel-dialog.png` });
      // Keeping it changes nothing.
      await dialog.getByRole("button", { name: "Keep the meeting" }).click();
      await dialog.waitFor({ state: "hidden" });
      expect(await page.getByText("Cancelled", { exact: true }).count()).toBe(0);

      await page.getByRole("button", { name: "Cancel the meeting" }).click();
      await dialog.getByRole("button", { name: "Cancel the meeting" }).click();
      await dialog.waitFor({ state: "hidden" });
      await page.getByText("Cancelled", { exact: true }).first().waitFor();
      const id = page.url().split("/").pop() ?? "";
      const cancelled = await apiFromPage<{ cancelled: boolean; lacksBusinessMajority: boolean }>(
        page,
        "GET",
        `/meetings/${id}`,
      );
      expect(cancelled).toMatchObject({ cancelled: true, lacksBusinessMajority: false });

      await page.getByRole("button", { name: "Restore the meeting" }).click();
      await page.getByRole("button", { name: "Cancel the meeting" }).waitFor();
      expect((await apiFromPage<{ cancelled: boolean }>(page, "GET", `/meetings/${id}`)).cancelled).toBe(
        false,
      );
    });

    it("fits a 390 px phone: the form, the meeting page and the dialog", async () => {
      const phone = await h.newPage({ storageState: await page.context().storageState() });
      await phone.setViewportSize({ width: 390, height: 844 });
      await phone.goto(`/p/${slug}/meetings`);
      await phone.getByRole("heading", { level: 1, name: "Meetings" }).waitFor();
      await phone.getByRole("button", { name: "Plan the meeting" }).waitFor();
      await expectNoSidewaysScroll(phone, "the meetings page and its form on a phone");
      await phone
        .getByRole("listitem")
        .filter({ hasText: planned })
        .getByRole("link", { name: planned })
        .click();
      await phone.getByRole("heading", { level: 1, name: planned }).waitFor();
      await expectNoSidewaysScroll(phone, "a meeting on a phone");
      await phone.getByRole("button", { name: "Cancel the meeting" }).click();
      const dialog = phone.getByRole("dialog", { name: "Cancel this meeting?" });
      await dialog.waitFor();
      await expectNoSidewaysScroll(phone, "the cancel dialog on a phone");
      await expectNoSeriousViolations(phone, "the cancel dialog on a phone");
      await screenshot(phone, { path: `${shots}/cancel-dialog-phone.png` });
      await dialog.getByRole("button", { name: "Keep the meeting" }).click();
      await dialog.waitFor({ state: "hidden" });
      await phone.close();
    });

    it("copies the private calendar address, gets a new one after confirming, and the old one stops working", async () => {
      const feed = (address: string) => fetch(`${h.baseUrl}${new URL(address).pathname}`);
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: h.baseUrl });
      await page.goto(`/p/${slug}/meetings`);
      const section = page.getByRole("region", { name: "Subscribe in your calendar" });
      const address = section.getByRole("textbox", { name: "Your private calendar address" });
      const make = section.getByRole("button", { name: "Make my private calendar address" });
      await address.or(make).waitFor();
      if (await make.isVisible()) await make.click();
      await address.waitFor();
      const first = await address.inputValue();
      expect(first).toMatch(/\/api\/meeting-feeds\/[0-9a-f-]{36}\.[\w-]{43}\.ics$/);
      await expect
        .poll(async () => (await section.getByRole("link").getAttribute("href")) ?? "")
        .toMatch(new RegExp(`/api/partnerships/${slug}/calendar\\.ics$`));

      await section.getByRole("button", { name: "Copy", exact: true }).click();
      await section.getByRole("button", { name: "Copied" }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

      // Read without a session, it carries the meeting planned above with its place.
      const before = await feed(first);
      expect(before.status).toBe(200);
      const text = await before.text();
      expect(text).toContain(planned);
      expect(text).toContain("Front Range Community College");

      await section.getByRole("button", { name: "Get a new address" }).click();
      const dialog = page.getByRole("dialog", { name: "Get a new calendar address?" });
      await dialog.waitFor();
      await expectNoSeriousViolations(page, "the new calendar address dialog");
      await dialog.getByRole("button", { name: "Get a new address" }).click();
      await dialog.waitFor({ state: "hidden" });
      // The first address, made above, may still show its own notice.
      await page.getByText("Your new calendar address is ready.").last().waitFor();
      await expect.poll(() => address.inputValue()).not.toBe(first);
      const second = await address.inputValue();
      expect((await feed(first)).status).toBe(404);
      expect((await feed(second)).status).toBe(200);
      await screenshot(page, { path: `${shots}/calendar-subscribe.png`, fullPage: true });
      await expectNoSeriousViolations(page, "the meetings page with the calendar address");
    });

    it("ticks a checklist step off and back on", async () => {
      await page.goto(`/p/${slug}/checklist`);
      await page.getByRole("heading", { level: 1, name: "Stage checklist" }).waitFor();
      const current = page
        .getByRole("region")
        .filter({ has: page.getByText("Current stage", { exact: true }) });
      const box = current.getByRole("checkbox").first();
      const wasChecked = await box.isChecked();
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(!wasChecked);
      if (wasChecked) {
        await box.click();
        await expect.poll(() => box.isChecked()).toBe(true);
      }
      await current
        .getByText(/by Maria Delgado/)
        .first()
        .waitFor();
      await screenshot(page, { path: `${shots}/checklist.png`, fullPage: true });
      await expectNoSeriousViolations(page, "the checklist");
    });

    it("shows the health panel and the timeline", async () => {
      await page.goto(`/p/${slug}/health`);
      await page.getByRole("heading", { level: 1, name: "Health" }).waitFor();
      await page.getByRole("heading", { name: "Year by year" }).waitFor();
      expect(await page.getByRole("row").count()).toBeGreaterThan(2);
      await screenshot(page, { path: `${shots}/health.png`, fullPage: true });
      await expectNoSeriousViolations(page, "the health panel");

      await page.goto(`/p/${slug}/activity`);
      await page.getByRole("heading", { level: 1, name: "Activity" }).waitFor();
      await page
        .getByText(/^Meeting held: Full partnership/)
        .first()
        .waitFor();
      await screenshot(page, { path: `${shots}/activity.png`, fullPage: true });
      await expectNoSeriousViolations(page, "the timeline");
    });

    it("lets a signed-in person follow from the profile", async () => {
      await page.goto(`/p/${slug}`);
      const follow = page.getByRole("button", { name: /^Follow/ });
      await follow.waitFor();
      const before = await follow.getAttribute("aria-pressed");
      await follow.click();
      await expect.poll(() => follow.getAttribute("aria-pressed")).not.toBe(before);
      await page
        .getByText(/steps done/)
        .first()
        .waitFor();
      await screenshot(page, { path: `${shots}/profile.png`, fullPage: true });
    });
  },
);
