import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centralOhioCounties, importCentralOhio } from "./qcew-fixtures.js";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, expectNoSidewaysScroll, screenshot, signIn } from "./ui.js";

const shots = "e2e/screenshots/partnership-economy";
const centralOhio = centralOhioCounties;

describe.skipIf(!!skipReason)("journey: a partnership's own regional economy panel", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("shows the empty state, then, after the admin imports Central Ohio, the figures on the profile and in Impact", async () => {
    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password, "/admin");

    // Counties with no imported files (Denver): the plain empty state, with the admin's link.
    const denver = await apiFromPage<{ slug: string }>(admin, "POST", "/partnerships", {
      name: `Denver Makers ${unique()}`,
      setting: "metro",
      counties: ["08031"],
      naics: ["31-33"],
    });
    await admin.goto(`/p/${denver.slug}`);
    const empty = admin.getByTestId("regional-economy");
    await empty.getByText("No BLS QCEW data imported yet").waitFor({ timeout: 30_000 });
    await expect(
      empty.getByRole("link", { name: "Import them on the Regional economy data page" }).getAttribute("href"),
    ).resolves.toBe("/admin/regional-economy");

    await importCentralOhio(admin);

    // Manufacturing (31-33) and restaurants (7225, which Hocking County did not disclose).
    const partnership = await apiFromPage<{ slug: string }>(admin, "POST", "/partnerships", {
      name: `Central Ohio Makers and Kitchens ${unique()}`,
      setting: "mixed",
      counties: centralOhio,
      naics: ["31-33", "7225"],
    });

    // A visitor who is not signed in reads the public profile.
    const page = await h.newPage();
    await page.goto(`/p/${partnership.slug}`);
    const panel = page.getByTestId("regional-economy");
    await panel.getByRole("heading", { name: "Local economy", exact: true }).waitFor({ timeout: 30_000 });
    await panel.getByText("at least 107,616").waitFor({ timeout: 30_000 });
    await panel
      .getByTestId("economy-source")
      .filter({ hasText: "BLS QCEW, 2020 annual averages; 1 of 5 counties not disclosed" })
      .waitFor();
    const codes = panel.getByRole("list", { name: "Each industry code" });
    const manufacturing = codes.getByRole("listitem").filter({ hasText: "31-33" });
    await manufacturing.getByText("49,200", { exact: true }).waitFor();
    await manufacturing.getByText("1,299", { exact: true }).waitFor();
    await manufacturing.getByText("$66,132", { exact: true }).waitFor();
    await manufacturing.getByText("0.65", { exact: true }).waitFor();
    await codes.getByRole("listitem").filter({ hasText: "7225" }).getByText("at least 58,416").waitFor();
    await expect(panel.getByText("incomplete").first().isVisible()).resolves.toBe(true);
    // No admin link for a visitor once figures are there, and none in the empty state either.
    await expect(page.getByRole("link", { name: /Regional economy data page/ }).count()).resolves.toBe(0);
    await expectNoSeriousViolations(page, "the profile with its regional economy panel");
    await screenshot(page, { path: `${shots}/profile.png`, fullPage: true });

    // The Impact page's "For the regional economy" area, as a signed-in visitor sees it.
    await page.goto(`/p/${partnership.slug}/impact`);
    const area = page.locator("section[aria-labelledby='area-regional_economy']");
    await area.getByRole("heading", { name: "For the regional economy" }).waitFor({ timeout: 30_000 });
    await area.getByTestId("regional-economy").getByText("at least 107,616").waitFor({ timeout: 30_000 });
    // Jobs are incomplete (Hocking) and not written; establishments are: 1,299 + 3,113.
    await area
      .getByText(
        /Jobs in the industry in the region \(BLS QCEW\), 2020: not written: 1 county did not disclose it/,
      )
      .waitFor();
    const establishments = area.getByRole("article", {
      name: "Establishments in the industry in the region (BLS QCEW)",
    });
    await establishments.getByText("4,412", { exact: true }).waitFor({ timeout: 30_000 });
    await expectNoSeriousViolations(page, "the Impact page with the regional economy area");
    await screenshot(page, { path: `${shots}/impact.png`, fullPage: true });

    // On a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/p/${partnership.slug}`);
    await page.getByTestId("regional-economy").getByText("at least 107,616").waitFor({ timeout: 30_000 });
    await expectNoSidewaysScroll(page, "the profile at 390 px");
    await expectNoSeriousViolations(page, "the profile at 390 px");
    await screenshot(page, { path: `${shots}/profile-390.png`, fullPage: true });
    await page.goto(`/p/${partnership.slug}/impact`);
    await page.getByTestId("regional-economy").getByText("at least 107,616").waitFor({ timeout: 30_000 });
    await expectNoSidewaysScroll(page, "the Impact page at 390 px");
    await screenshot(page, { path: `${shots}/impact-390.png`, fullPage: true });
  });
});
