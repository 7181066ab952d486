import { mkdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, signIn, screenshot } from "./ui.js";

const shots = "/tmp/impact-shots";

describe.skipIf(!!skipReason)("journey: a convener reports impact and compares it with peers", () => {
  let h: Harness;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("enters values in the grid, sees the chart, a benchmark, and downloads the CSV", async () => {
    const page = await h.newPage();
    await signIn(page, demo.convener.email, demo.convener.password);
    const me = await apiFromPage<{ partnerships: { slug: string; name: string }[] }>(page, "GET", "/me");
    const slug = me.partnerships[0]?.slug ?? "";

    await page.goto(`/p/${slug}`);
    await page.getByRole("link", { name: "Impact", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Impact" }).waitFor();
    await page.getByTestId("trend-chart").first().waitFor();
    await screenshot(page, { path: `${shots}/impact.png`, fullPage: true });
    await expectNoSeriousViolations(page, "the impact page");

    // The grid: indicators down, years across; type a value for the current year and save.
    await page.getByRole("tab", { name: "Enter values" }).click();
    const year = String(new Date().getUTCFullYear());
    const cell = page.getByRole("textbox", { name: new RegExp(`, ${year}$`) }).first();
    const label = (await cell.getAttribute("aria-label")) ?? "";
    const indicatorName = label.replace(`, ${year}`, "");
    await cell.fill("42");
    await screenshot(page, { path: `${shots}/grid.png`, fullPage: false });
    await page.getByRole("button", { name: "Save 1 value" }).click();
    await page.getByRole("status").filter({ hasText: "1 value saved." }).waitFor();

    // The chart of that indicator now shows the value, in its text alternative too.
    await page.getByRole("tab", { name: "Indicators" }).click();
    const card = page.getByRole("article", { name: indicatorName });
    await card.getByTestId("trend-chart").waitFor();
    expect(await card.locator("figcaption").textContent()).toMatch(new RegExp(`${year} \\$?42`));

    // A benchmark among peers with the distribution.
    await page.getByRole("tab", { name: "Benchmarks" }).click();
    await page.getByTestId("benchmark-result").waitFor();
    await page.getByTestId("distribution-chart").waitFor();
    expect(await page.getByTestId("benchmark-result").textContent()).toMatch(/Peers\s*\d+/);
    await screenshot(page, { path: `${shots}/benchmark.png`, fullPage: true });
    await expectNoSeriousViolations(page, "the benchmark tab");

    // The CSV holds the value just entered.
    await page.getByRole("tab", { name: "Indicators" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    // The browser is shared over a connection, so the file is copied here before reading.
    const path = `${shots}/impact.csv`;
    await download.saveAs(path);
    const csv = readFileSync(path, "utf8");
    expect(csv.split("\r\n")[0]).toBe("indicator,period,value,kind,visibility,source,note,entered_at");
    expect(csv).toMatch(new RegExp(`,${year},42,actual,`));

    await page.getByRole("tab", { name: "Stories" }).click();
    await page.getByRole("article").first().waitFor();
    await screenshot(page, { path: `${shots}/stories.png`, fullPage: true });

    // A story is edited in place.
    await page.getByRole("article").first().getByRole("button", { name: /^Edit/ }).click();
    const editor = page.getByRole("region", { name: /^Edit “/ });
    await editor
      .getByRole("textbox", { name: "Title", exact: true })
      .fill("Forty welders hired through the academy");
    await editor.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: "Forty welders hired through the academy" }).waitFor();

    // The import: a bad row is reported with its row and column, and nothing is stored.
    await page.getByRole("tab", { name: "Set up and import" }).click();
    await page.getByRole("heading", { name: "Import values from a spreadsheet" }).waitFor();
    const file =
      "indicator,period,value,kind,visibility\njobs_created,2019,5,actual,public\njobs_created,2019,-2,actual,public\n";
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "values.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const report = page.getByRole("table", { name: "Rows to fix" });
    await report.waitFor();
    expect(await report.textContent()).toMatch(/2\s*value\s*Must not be negative/);
    await screenshot(page, { path: `${shots}/setup.png`, fullPage: true });
    await expectNoSeriousViolations(page, "the set-up tab");
  });

  it("shows the community roll-up to practitioners and, from public values, to the public", async () => {
    const visitor = await h.newPage();
    await visitor.goto("/results");
    await visitor.getByRole("heading", { level: 1, name: "Results across partnerships" }).waitFor();
    await visitor.getByText("Built from public values only").waitFor();
    await visitor.getByRole("row", { name: /New jobs created/ }).waitFor();
    await screenshot(visitor, { path: `${shots}/rollup-public.png`, fullPage: true });
    await expectNoSeriousViolations(visitor, "the public roll-up");

    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password);
    await admin.getByRole("link", { name: "Results" }).first().waitFor();
    // A fresh load: the sign-in greeting (not part of this page) is gone.
    await admin.goto("/results");
    await admin.getByText("Built from values shared with the Community of Practice").waitFor();
    const publicReporting = await visitor.getByText(/partnerships? reported for/).textContent();
    const practitionerReporting = await admin.getByText(/partnerships? reported for/).textContent();
    const count = (text: string | null) => Number(/(\d+) partnership/.exec(text ?? "")?.[1] ?? 0);
    expect(count(practitionerReporting)).toBeGreaterThanOrEqual(count(publicReporting));
    await screenshot(admin, { path: `${shots}/rollup.png`, fullPage: true });
    await expectNoSeriousViolations(admin, "the roll-up");

    await admin.getByRole("link", { name: "Indicator catalog" }).click();
    await admin.getByRole("heading", { level: 1, name: "Indicator catalog" }).waitFor();
    await admin.getByRole("button", { name: "Retire New jobs created" }).waitFor();
    await screenshot(admin, { path: `${shots}/catalog.png`, fullPage: false });
    await expectNoSeriousViolations(admin, "the indicator catalog");
  });
});
