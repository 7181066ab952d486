import { mkdirSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { portfolioFlagLabels, type Portfolio } from "../src/core/portfolio.js";
import { stageLabels } from "../src/core/vocabulary.js";
import { skipReason, startHarness, type Harness } from "./harness.js";
import {
  apiFromPage,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  pick,
  screenshot,
  signIn,
} from "./ui.js";

const files = "/tmp/portfolio-e2e";
const coordinator = { email: "coordinator@demo.sharedtable.org", password: "demo-password-1" };

describe.skipIf(!!skipReason)("journey: the demo state coordinator's portfolio", () => {
  let h: Harness;
  beforeAll(async () => {
    mkdirSync(files, { recursive: true });
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("opens the portfolio from My scope on a phone, filters by a flag, sorts, opens the map and downloads it", async () => {
    const page = await h.newPage();
    await signIn(page, coordinator.email, coordinator.password);
    // The account menu offers the portfolio to people with a scope.
    await page.getByRole("button", { name: /^Account menu for / }).click();
    await page.getByRole("menuitem", { name: "Portfolio" }).click();
    await page.getByRole("heading", { level: 1, name: "Portfolio" }).waitFor();

    await page.setViewportSize({ width: 390, height: 844 });

    await page.goto("/me/scope");
    await page.getByRole("heading", { level: 1, name: "My scope" }).waitFor();
    await page.getByRole("link", { name: /^Open the portfolio/ }).click();
    await page.waitForURL(/\/portfolio$/);
    await page.getByRole("heading", { level: 1, name: "Portfolio" }).waitFor();

    // The same portfolio as JSON says what the page must show: Colorado's partnerships.
    const all = await apiFromPage<Portfolio>(page, "GET", "/portfolio");
    expect(all.scopes.map((s) => s.name)).toEqual(["Colorado"]);
    expect(all.total).toBeGreaterThan(1);
    expect(all.items.every((i) => i.states.includes("CO"))).toBe(true);
    await page
      .getByTestId("portfolio-count")
      .getByText(`${all.total} partnerships`, { exact: true })
      .waitFor();
    expect(await page.getByTestId("portfolio-card").count()).toBe(Math.min(all.total, 60));

    // A flagged partnership shows its flags on its card.
    const flagged = all.items.find((i) => i.flags.length > 0);
    expect(flagged, "the demo has a flagged Colorado partnership").toBeDefined();
    const card = page.getByRole("article", { name: flagged!.name });
    const flagList = card.getByRole("list", { name: `Flags of ${flagged!.name}` });
    for (const f of flagged!.flags)
      await flagList.getByText(portfolioFlagLabels[f], { exact: true }).waitFor();
    await expectNoSeriousViolations(page, "the portfolio");
    await expectNoSidewaysScroll(page, "the portfolio at 390 px");
    await screenshot(page, { path: `${files}/portfolio-390.png`, fullPage: true });

    // Filter by that partnership's first flag: only the flagged ones stay.
    const flag = flagged!.flags[0]!;
    const withFlag = all.items.filter((i) => i.flags.includes(flag));
    await page
      .getByRole("button", { name: `${portfolioFlagLabels[flag]} · ${all.flagCounts[flag]}`, exact: true })
      .click();
    await page.waitForURL(new RegExp(`flag=${flag}`));
    const count =
      withFlag.length === all.total
        ? `${all.total} partnerships`
        : `${withFlag.length} of ${all.total} partnerships`;
    await page.getByTestId("portfolio-count").getByText(count, { exact: true }).waitFor();
    expect(await page.getByTestId("portfolio-card").count()).toBe(Math.min(withFlag.length, 60));

    // Sort: the most late actions first, as the API orders them.
    await pick(page, "Sort by", "", "Late actions, most first");
    await page.waitForURL(/sort=-late/);
    const sorted = await apiFromPage<Portfolio>(page, "GET", `/portfolio?flag=${flag}&sort=-late`);
    await page
      .getByTestId("portfolio-card")
      .first()
      .getByRole("heading", { level: 3, name: sorted.items[0]!.name })
      .waitFor();

    // The map: Colorado is drawn with its partnerships.
    await page.getByRole("button", { name: "Show map" }).click();
    await page.locator("svg.us-map path[data-state='CO']").waitFor();
    const colorado = page.getByRole("button", { name: /^Colorado: \d+ partnerships?$/ }).first();
    await colorado.waitFor();
    await expectNoSeriousViolations(page, "the portfolio with its map");
    await expectNoSidewaysScroll(page, "the portfolio's map at 390 px");

    // The Excel file: one header row and a row per partnership shown, read back here.
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download Excel" }).click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toBe(`portfolio-your-scopes-${sorted.today}.xlsx`);
    // The browser is shared over a connection, so the file is copied here before reading.
    await xlsxDownload.saveAs(`${files}/portfolio.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(`${files}/portfolio.xlsx`);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]!.slice(0, 3)).toEqual(["partnership", "stage", "states"]);
    expect(rows.length).toBe(sorted.items.length + 1);
    const known = sorted.items[0]!;
    expect(rows[1]!.slice(0, 3)).toEqual([known.name, stageLabels[known.stage], known.states.join(", ")]);
    expect(rows[1]![10]).toBe(known.lateActions);

    // The CSV: the same rows.
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe(`portfolio-your-scopes-${sorted.today}.csv`);
    await csvDownload.saveAs(`${files}/portfolio.csv`);
    const lines = readFileSync(`${files}/portfolio.csv`, "utf8").split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(sorted.items.length + 1);
    expect(lines[0]!.startsWith("partnership,stage,states,last full meeting,")).toBe(true);
  });
});
