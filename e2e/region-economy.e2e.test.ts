import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCentralOhio } from "./qcew-fixtures.js";
import { demo, skipReason, startHarness, type Harness } from "./harness.js";
import { expectNoSeriousViolations, expectNoSidewaysScroll, pick, screenshot, signIn } from "./ui.js";

const shots = "e2e/screenshots/region-economy";

describe.skipIf(!!skipReason)("journey: a visitor explores Central Ohio's economy", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("imports the files as the admin, then explores, sorts by LQ, sees 'at least' and downloads the CSV", async () => {
    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password, "/admin");
    await importCentralOhio(admin);

    // An anonymous visitor: no sign-in.
    const page = await h.newPage();
    await page.goto("/regions/economy?counties=08031");
    await page
      .getByRole("heading", { level: 1, name: "Explore a region's economy" })
      .waitFor({ timeout: 30_000 });
    await page.getByText("No figures imported for this region yet").waitFor({ timeout: 30_000 });
    await page.getByText(/An admin imports them/).waitFor();

    await page.goto("/regions/economy");
    await page
      .getByText("Choose counties or a metro area to see its industries.")
      .waitFor({ timeout: 30_000 });
    await expectNoSeriousViolations(page, "the region economy page before a choice");
    for (const [search, name] of [
      ["Delaware", "Delaware, OH"],
      ["Fairfield", "Fairfield, OH"],
      ["Fayette", "Fayette, OH"],
      ["Franklin", "Franklin, OH"],
      ["Hocking", "Hocking, OH"],
    ] as const) {
      await pick(page, "Counties", search, name);
    }
    await page.getByTestId("total-jobs").filter({ hasText: "870,961" }).waitFor({ timeout: 30_000 });
    await page.getByTestId("source-line").filter({ hasText: "BLS QCEW, 2020 annual averages" }).waitFor();

    await pick(page, "Industry detail", "", "Industry group (4-digit)");
    const table = page.getByTestId("industries");
    await table.waitFor({ timeout: 30_000 });
    expect(page.url()).toContain("level=4");
    expect(decodeURIComponent(page.url())).toContain("counties=39041,39045,39047,39049,39073");

    // Sort by location quotient, highest first.
    await table.getByRole("button", { name: "Location quotient" }).click();
    await expect(table.locator("th[aria-sort='descending']").textContent()).resolves.toContain(
      "Location quotient",
    );
    const lqs = (await table.locator("tbody td[data-label='Location quotient']").allTextContents())
      .map((t) => Number(t.replace(/^at least /, "")))
      .filter((n) => !Number.isNaN(n));
    expect(lqs.length).toBeGreaterThan(10);
    expect(lqs).toEqual([...lqs].sort((a, b) => b - a));
    await screenshot(page, { path: `${shots}/sorted-by-lq.png`, fullPage: true });

    // Restaurants: Hocking County did not disclose its figure.
    await page.getByRole("textbox", { name: "Filter industries" }).fill("7225");
    const restaurants = table.locator("tbody tr").filter({ hasText: "7225" });
    await restaurants.waitFor();
    await page.getByText("1 industry match “7225”").waitFor();
    await expect(table.locator("tbody tr").count()).resolves.toBe(1);
    await expect(restaurants.locator("td[data-label='Jobs']").textContent()).resolves.toMatch(
      /^at least 58,416\s*1 of 5 counties not disclosed/,
    );

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("qcew-39041-39045-39047-39049-39073-2020-naics4-private.csv");
    const saved = join(mkdtempSync(join(tmpdir(), "region-economy-")), "download.csv");
    await download.saveAs(saved);
    const csv = readFileSync(saved, "utf8");
    expect(csv.split("\r\n")[0]).toMatch(/^naics code,industry,jobs \(annual average\)/);
    expect(csv).toMatch(/\n7225,[^\r]*,at least 58416,/);

    await expectNoSeriousViolations(page, "the region economy page at 1280 px");
    await expectNoSidewaysScroll(page, "the region economy page at 1280 px");
    await page.getByRole("textbox", { name: "Filter industries" }).fill("");
    await page.setViewportSize({ width: 390, height: 844 });
    await table.waitFor();
    await expectNoSidewaysScroll(page, "the region economy page on a phone");
    await expectNoSeriousViolations(page, "the region economy page on a phone");
    await screenshot(page, { path: `${shots}/phone.png`, fullPage: true });
  });
});
