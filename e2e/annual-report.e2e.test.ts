import { mkdirSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnnualReport } from "../src/core/annual-report.js";
import { stageLabels } from "../src/core/vocabulary.js";
import { skipReason, startHarness, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, expectNoSidewaysScroll, screenshot, signIn } from "./ui.js";

const files = "/tmp/annual-report-e2e";
/** The demo's last year of values (src/demo/impact.ts). */
const YEAR = "2025";
const coordinator = { email: "coordinator@demo.sharedtable.org", password: "demo-password-1" };

describe.skipIf(!!skipReason)("journey: the demo state coordinator's annual report", () => {
  let h: Harness;
  beforeAll(async () => {
    mkdirSync(files, { recursive: true });
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("opens the report from My scope on a phone, then downloads it as PDF and Excel", async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, coordinator.email, coordinator.password);

    // From My scope, the link of the Colorado scope.
    await page.goto("/me/scope");
    await page.getByRole("heading", { level: 1, name: "My scope" }).waitFor();
    await page.getByRole("link", { name: "Annual report of Colorado" }).click();
    await page.waitForURL(/\/reports\/annual\?scope=/);
    await page.getByLabel("Year").selectOption(YEAR);
    await page.getByRole("heading", { level: 1, name: `Colorado · ${YEAR}` }).waitFor();

    // The same report as JSON names the partnerships the page must show.
    const scope = new URL(page.url()).searchParams.get("scope") ?? "";
    const report = await apiFromPage<AnnualReport>(
      page,
      "GET",
      `/reports/annual?scope=${scope}&year=${YEAR}`,
    );
    expect(report.scope).toBe("Colorado");
    expect(report.partnerships.length).toBeGreaterThan(0);
    const first = report.partnerships[0]!;

    const summary = page.getByRole("region", { name: "Summary" });
    await summary.waitFor();
    await summary.getByText("Businesses engaged", { exact: true }).waitFor();
    expect(
      await summary.getByText(String(report.summary.partnerships), { exact: true }).count(),
    ).toBeGreaterThan(0);
    const section = page.getByRole("region", { name: first.name });
    await section.getByRole("heading", { level: 3, name: "Priorities and what was achieved" }).waitFor();
    await section.getByRole("heading", { level: 3, name: "Stories" }).waitFor();
    await expectNoSeriousViolations(page, "the annual report");
    await expectNoSidewaysScroll(page, "the annual report at 390 px");
    await screenshot(page, { path: `${files}/annual-report-390.png`, fullPage: true });

    // On paper: no navigation or buttons, and each partnership starts a page.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".app-header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    expect(await section.evaluate((e) => getComputedStyle(e).breakBefore)).toBe("page");
    await page.emulateMedia({ media: "screen" });

    // The PDF: read back, its headings and the partnerships' names are there.
    const [pdfDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    expect(pdfDownload.suggestedFilename()).toBe(`shared-table-colorado-${YEAR}.pdf`);
    // The browser is shared over a connection, so the file is copied here before reading.
    await pdfDownload.saveAs(`${files}/report.pdf`);
    const pdf = await getDocumentProxy(new Uint8Array(readFileSync(`${files}/report.pdf`)));
    const { text } = await extractText(pdf, { mergePages: true });
    for (const heading of ["Annual report", `Colorado · ${YEAR}`, "Summary", "Yes/no outcomes", first.name]) {
      expect(text).toContain(heading);
    }

    // The workbook: one sheet per section, a row for the first partnership.
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download Excel" }).click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toBe(`shared-table-colorado-${YEAR}.xlsx`);
    await xlsxDownload.saveAs(`${files}/report.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(`${files}/report.xlsx`);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "Summary",
      "Partnerships",
      "Priorities",
      "Indicators",
      "Outcomes",
      "Funding",
      "Stories",
    ]);
    const rows: unknown[][] = [];
    workbook.getWorksheet("Partnerships")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.length).toBe(report.partnerships.length + 1);
    const row = rows.find((r) => r[0] === first.name);
    expect(row?.slice(0, 6)).toEqual([
      first.name,
      stageLabels[first.stage],
      first.states.join(", "),
      first.table.businessPeople,
      first.table.publicPeople,
      first.table.businessesEngaged,
    ]);
  });
});
