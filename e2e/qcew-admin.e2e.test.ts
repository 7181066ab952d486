import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, repoRoot, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { expectNoSeriousViolations, expectNoSidewaysScroll, pick, screenshot, signIn } from "./ui.js";

const shots = "e2e/screenshots/qcew-admin";
const fixture = readFileSync(join(repoRoot, "fixtures/qcew/morpc-qcew-2020-a-39047.csv"));

describe.skipIf(!!skipReason)("journey: the admin imports regional economy data", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("uploads a QCEW file and sees it listed, then sees the bad row of a refused file named", async () => {
    const id = unique();
    const page = await h.newPage();
    await signIn(page, demo.admin.email, demo.admin.password, "/admin");
    await page.getByRole("link", { name: /Regional economy data/ }).click();
    await page.getByRole("heading", { level: 1, name: "Regional economy data" }).waitFor({ timeout: 30_000 });
    await expectNoSeriousViolations(page, "the regional economy data page");

    const upload = page.getByRole("region", { name: "Import BLS files" });
    const fileInput = upload.locator("input[type=file]");
    const good = `fayette-2020-${id}.csv`;
    await fileInput.setInputFiles({ name: good, mimeType: "text/csv", buffer: fixture });
    await upload.getByRole("button", { name: "Import" }).click();
    await upload
      .getByText(/^Imported [\d,]+ rows of area 39047, 2020 annual\.$/)
      .waitFor({ timeout: 30_000 });
    const list = page.getByRole("table", { name: "Imported QCEW files, newest first" });
    const row = list.getByRole("row", { name: new RegExp(good) });
    await row.waitFor();
    await expect(row.getByRole("cell").first().textContent()).resolves.toBe("2020 annual");

    // Line 3 gets an ownership code BLS does not use: the whole file is refused, the row named.
    const lines = fixture.toString("utf8").split("\n");
    lines[2] = lines[2]!.replace(/^"?39047"?,"?\d"?,/, "39047,7,");
    const bad = `fayette-bad-${id}.csv`;
    await fileInput.setInputFiles({ name: bad, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
    await upload.getByRole("button", { name: "Import" }).click();
    const badRows = upload.getByRole("table", { name: `Rows to fix in ${bad}` });
    await badRows.waitFor({ timeout: 30_000 });
    await upload.getByText(`Nothing was imported from ${bad}`, { exact: false }).waitFor();
    const cells = await badRows.locator("tbody tr").first().locator("td").allTextContents();
    expect(cells[0]).toBe("3");
    expect(cells[1]).toBe("own_code");
    expect(cells[2]).toContain("is not a BLS ownership code");
    await expect(list.getByRole("row", { name: new RegExp(bad) }).count()).resolves.toBe(0);
    await screenshot(page, { path: `${shots}/refused.png`, fullPage: true });
    await expectNoSeriousViolations(page, "the regional economy data page with a refused file");
    await expectNoSidewaysScroll(page, "the regional economy data page at 1280 px");

    // The e2e server runs with NODE_ENV=test, where fetching from the BLS is off: the form says so.
    const fetchForm = page.getByRole("region", { name: "Fetch from BLS" });
    await pick(page, "State", "Ohio", "Ohio");
    await pick(page, "Counties in Ohio", "Frank", "Franklin");
    await fetchForm.getByRole("button", { name: "Fetch from BLS" }).click();
    await fetchForm.getByText(/Fetching from the BLS is turned off here|QCEW_BASE_URL set to off/).waitFor();
    await expectNoSeriousViolations(page, "the fetch form with a county chosen");

    await page.setViewportSize({ width: 390, height: 844 });
    await badRows.waitFor();
    await expectNoSidewaysScroll(page, "the regional economy data page on a phone");
    await expectNoSeriousViolations(page, "the regional economy data page on a phone");
    await screenshot(page, { path: `${shots}/phone.png`, fullPage: true });
  });
});
