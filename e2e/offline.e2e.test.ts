import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MyPlan } from "../src/core/my-plan.js";
import { demo, skipReason, startHarness, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, expectNoSidewaysScroll, signIn, signOut } from "./ui.js";

const phone = { width: 390, height: 844 };
/** Where lib/offline.ts keeps the copy. */
const STORAGE_KEY = "shared-table-offline";

describe.skipIf(!!skipReason)("journey: the installed app on a phone, with and without signal", () => {
  let h: Harness;
  let page: Page;

  beforeAll(async () => {
    h = await startHarness();
    page = await h.newPage({ serviceWorkers: "allow" });
    await page.setViewportSize(phone);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("is installable: a manifest with a name, a start page, standalone display and PNG icons of 192 and 512", async () => {
    await page.goto("/");
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBe("/manifest.webmanifest");
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/application\/manifest\+json/);
    const manifest = (await res.json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).toMatchObject({ name: "Shared Table", start_url: "/", display: "standalone" });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) {
      const png = await page.request.get(icon.src);
      expect(png.status(), icon.src).toBe(200);
      expect(png.headers()["content-type"]).toBe("image/png");
    }
    // The service worker takes the page over, which is what opens the app without signal.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 })
      .toBe(true);
  });

  it("shows my actions and next meetings, and keeps them for when there is no signal", async () => {
    await signIn(page, demo.champion.email, demo.champion.password, "/me/plan");
    await page.getByRole("heading", { name: "My actions and meetings", level: 1 }).waitFor();
    const plan = await apiFromPage<MyPlan>(page, "GET", "/me/plan");
    expect(plan.actions.length).toBeGreaterThan(0);
    const first = plan.actions[0]!;
    await page.getByRole("link", { name: first.title }).first().waitFor();
    await page.getByRole("heading", { name: `My actions (${plan.actions.length})` }).waitFor();
    await page.getByRole("heading", { name: "My next meetings" }).waitFor();
    await page.getByText(/^Updated /).waitFor();
    await expectNoSeriousViolations(page, "my actions and meetings");
    await expectNoSidewaysScroll(page, "my actions and meetings on a phone");
    // The copy is written a moment after the answer arrives.
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? "", STORAGE_KEY))
      .toContain(first.title);

    await page.context().setOffline(true);
    await page.reload();
    // Chromium's offline emulation leaves navigator.onLine true, as a phone with a dead signal
    // often does: the page finds out from the failed refresh and says so.
    await page.getByText(/^(You are offline|Could not refresh)$/).waitFor();
    await page.getByText(/This is what you last saw, updated /).waitFor();
    await page.getByRole("link", { name: first.title }).first().waitFor();
    await page.getByRole("heading", { name: "My next meetings" }).waitFor();
    if (plan.meetings[0]) await page.getByRole("link", { name: plan.meetings[0].title }).first().waitFor();
    await expectNoSeriousViolations(page, "my actions and meetings offline");

    await page.context().setOffline(false);
    await page.reload();
    await page.getByText(/^Updated /).waitFor();
    expect(await page.getByText(/This is what you last saw/).count()).toBe(0);
  });

  it("forgets the personal copy at sign-out", async () => {
    // The account menu sits in the header's wide layout; on a phone it is behind the menu button.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/");
    await signOut(page);
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key) ?? "", STORAGE_KEY))
      .not.toContain('"plan"');
  });
});
