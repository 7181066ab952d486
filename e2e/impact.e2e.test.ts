import { mkdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, signIn, signUp, screenshot } from "./ui.js";

const shots = "/tmp/impact-shots";

interface Tracked {
  key: string;
  name: string;
  unit: string;
  retired: boolean;
}

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
    await page.getByRole("status").filter({ hasText: "Saved 1 value." }).waitFor();

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
    expect(await report.textContent()).toMatch(/2\s*value\s*New jobs created, 2019: must not be negative/);
    // The refusal is said once, not as a title and again in its sentence.
    const refusal = page.getByRole("alert").filter({ has: report });
    expect((await refusal.textContent())?.match(/Nothing was imported/g)).toHaveLength(1);
    await screenshot(page, { path: `${shots}/setup.png`, fullPage: true });
    await expectNoSeriousViolations(page, "the set-up tab");
  });

  it("enters a baseline, a target and quarters, sees them formatted, and the grid works on a phone", async () => {
    const page = await h.newPage();
    await signIn(page, demo.convener.email, demo.convener.password);
    const me = await apiFromPage<{ partnerships: { id: string; slug: string }[] }>(page, "GET", "/me");
    const [own] = me.partnerships;
    if (!own) throw new Error("the demo convener has no partnership");
    const tracked = await apiFromPage<{ items: Tracked[] }>(
      page,
      "GET",
      `/partnerships/${own.id}/indicators`,
    );
    // A count or dollar indicator: its values run into the thousands, with separators.
    const ind = tracked.items.find((t) => !t.retired && (t.unit === "count" || t.unit === "dollars"));
    expect(ind, "the demo partnership tracks a count or dollar indicator").toBeDefined();
    const { name, key } = ind!;
    const year = new Date().getUTCFullYear();
    const box = (label: string) => page.getByRole("textbox", { name: label, exact: true });
    const select = (label: string) => page.getByRole("combobox", { name: label, exact: true });

    // A quarterly value arrives by CSV, the indicator named by its name in another case.
    await page.goto(`/p/${own.slug}/impact`);
    await page.getByRole("tab", { name: "Set up and import" }).click();
    await page.getByRole("table", { name: "The indicators you track, by key" }).getByText(key).waitFor();
    const file = `indicator,period,value,kind,visibility\n${name.toUpperCase()},${year - 1}-Q3,321,actual,community\n`;
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "quarter.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.getByRole("status").filter({ hasText: "Imported 1 value." }).waitFor();

    // A baseline and a target, each with the year it refers to.
    await page.getByRole("tab", { name: "Enter values" }).click();
    await select(`${name}, baseline year`).selectOption(String(year - 4));
    await box(`${name}, baseline value`).fill("1200");
    await select(`${name}, target year`).selectOption(String(year + 2));
    await box(`${name}, target value`).fill("4500");
    await page.getByRole("button", { name: "Save 2 values" }).click();
    await page.getByRole("status").filter({ hasText: "Saved 2 values." }).waitFor();
    await expect.poll(() => box(`${name}, target value`).inputValue()).toBe("4,500");

    // The quarters of last year: the imported value is there to edit.
    await page.locator("label", { hasText: /^Quarters$/ }).click();
    await select("Quarters of").selectOption(String(year - 1));
    const quarter = box(`${name}, Q3 ${year - 1}`);
    expect(await quarter.inputValue()).toBe("321");
    await quarter.fill("1350");
    await page.getByRole("button", { name: "Save 1 value" }).click();
    await page.getByRole("status").filter({ hasText: "Saved 1 value." }).waitFor();
    await expect.poll(() => quarter.inputValue()).toBe("1,350");
    const stored = await apiFromPage<{ items: { period: string; kind: string; value: number }[] }>(
      page,
      "GET",
      `/partnerships/${own.id}/measurements?indicator=${key}`,
    );
    expect(stored.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "actual", period: `${year - 1}-Q3`, value: 1350 }),
        expect.objectContaining({ kind: "baseline", period: String(year - 4), value: 1200 }),
        expect.objectContaining({ kind: "target", period: String(year + 2), value: 4500 }),
      ]),
    );
    await screenshot(page, { path: `${shots}/grid-quarters.png`, fullPage: true });
    await expectNoSeriousViolations(page, "the entry grid with its period switch");

    // Someone else saves the quarter meanwhile: the grid shows their value and overwrites
    // nothing until saved again.
    await apiFromPage(page, "PUT", `/partnerships/${own.id}/measurements`, {
      items: [
        { indicator: key, period: `${year - 1}-Q3`, kind: "actual", value: 1400, visibility: "community" },
      ],
    });
    await quarter.fill("1500");
    await page.getByRole("button", { name: "Save 1 value" }).click();
    const conflict = page.getByRole("alert").filter({ hasText: "Someone else saved first" });
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(new RegExp(`${name}, Q3 ${year - 1}: now \\$?1,400`));
    await expectNoSeriousViolations(page, "the entry grid after a conflict");
    expect(await quarter.inputValue()).toBe("1500");
    await page.getByRole("button", { name: "Save 1 value" }).click();
    await page.getByRole("status").filter({ hasText: "Saved 1 value." }).waitFor();
    await expect.poll(() => quarter.inputValue()).toBe("1,500");

    // A value that is not a number is named by its indicator's name before anything is sent.
    await quarter.fill("lots");
    const fix = page.getByRole("alert").filter({ hasText: "Some values need fixing" });
    expect(await fix.textContent()).toContain(`${name}, Q3 ${year - 1}: "lots" is not a number`);
    expect(await page.getByRole("button", { name: "Save 1 value" }).isDisabled()).toBe(true);
    await expectNoSeriousViolations(page, "the entry grid with a value to fix");
    await quarter.fill("1500");

    // The indicator's card reads the numbers with separators and its unit.
    await page.getByRole("tab", { name: "Indicators" }).click();
    const caption = page.getByRole("article", { name }).locator("figcaption");
    await caption.waitFor();
    const text = (await caption.textContent()) ?? "";
    expect(text).toMatch(new RegExp(`Baseline \\(${year - 4}\\): \\$?1,200\\.`));
    expect(text).toMatch(new RegExp(`Target \\(${year + 2}\\): \\$?4,500\\.`));

    // On a phone the grid scrolls inside its box; the indicator column stays in view.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("tab", { name: "Enter values" }).click();
    const grid = page.getByRole("table", { name: /^Enter values/ });
    await grid.waitFor();
    // Scroll the grid's own box to its far right, as a thumb would.
    const scrolled = await grid.evaluate((table) => {
      let box = table.parentElement;
      const scrolls = (e: HTMLElement) =>
        e.scrollWidth > e.clientWidth && ["auto", "scroll"].includes(getComputedStyle(e).overflowX);
      while (box && !scrolls(box)) box = box.parentElement;
      if (!box || box === document.documentElement || box === document.body) return 0;
      box.scrollLeft = box.scrollWidth;
      return box.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(0);
    const header = grid.getByRole("columnheader", { name: "Indicator" });
    const first = await header.boundingBox();
    expect(first?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((first?.x ?? 0) + (first?.width ?? 0)).toBeLessThanOrEqual(390);
    await expect.poll(() => grid.getByText(key, { exact: false }).first().isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, { path: `${shots}/grid-phone.png`, fullPage: false });
    await expectNoSeriousViolations(page, "the entry grid at 390 px");
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

  it("a convener defines an indicator of their own; the admin adopts one two partnerships defined alike", async () => {
    const page = await h.newPage();
    const id = unique();
    await signUp(page, {
      name: "Ivy Indicator",
      email: `ivy-${id}@example.org`,
      password: "correct-horse-battery",
    });
    const p = await apiFromPage<{ id: string; slug: string }>(page, "POST", "/partnerships", {
      name: `Plains Logistics ${id}`,
      naics: ["48-49"],
      counties: ["31055"],
      setting: "metro",
    });
    const name = `Forklift operators certified ${id}`;
    await page.goto(`/p/${p.slug}/impact`);
    await page.getByRole("tab", { name: "Set up and import" }).click();
    const form = page.getByRole("form", { name: "An indicator of your own" });
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    await form.getByRole("textbox", { name: "Definition" }).fill("Operators certified at member warehouses.");
    await form.getByRole("combobox", { name: "Outcome area" }).selectOption("people");
    await form.getByRole("button", { name: "Add the indicator" }).click();
    const table = page.getByRole("table", { name: "The indicators you track, by key" });
    await table.getByText(name).waitFor();
    await expectNoSeriousViolations(page, "the set-up tab with an indicator of one's own");
    // Never compared with peers: the benchmark tab does not offer it.
    await page.getByRole("tab", { name: "Benchmarks" }).click();
    const offered = await page
      .getByRole("combobox", { name: "Indicator" })
      .locator("option")
      .allTextContents();
    expect(offered.some((o) => o.includes(name))).toBe(false);

    // A second partnership defines the same indicator; the community admin adopts the first.
    const other = await h.newPage();
    await signUp(other, {
      name: "Omar Other",
      email: `omar-${id}@example.org`,
      password: "correct-horse-battery",
    });
    const q = await apiFromPage<{ id: string }>(other, "POST", "/partnerships", {
      name: `River Freight ${id}`,
      naics: ["48-49"],
      counties: ["31153"],
      setting: "metro",
    });
    await apiFromPage(other, "POST", `/partnerships/${q.id}/own-indicators`, {
      name: name.toUpperCase(),
      area: "people",
      unit: "count",
      direction: "higher",
    });
    await signIn(other, demo.admin.email, demo.admin.password, "/admin/indicators");
    const alike = other.getByRole("region", { name: "Defined alike by partnerships" });
    await alike
      .getByRole("button", {
        name: new RegExp(`^Adopt this one\\W+${name} as Plains Logistics ${id} defined it$`),
      })
      .click();
    await other.getByText(`${name} is in the catalog now, with its values.`).waitFor();
    await expectNoSeriousViolations(other, "the catalog after adopting an indicator");
  });
});
