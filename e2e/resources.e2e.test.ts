import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, type Harness } from "./harness.js";
import { describeViolations, seriousViolations, screenshot } from "./ui.js";

const shots = "/tmp/hub-resources";

describe.skipIf(!!skipReason)("the resource library and the home page", () => {
  let h: Harness;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("searches the library and opens a result, the words found highlighted", async () => {
    const page = await h.newPage();
    await page.goto("/resources");
    await page.getByRole("searchbox", { name: "Search the library" }).fill("invitation letter");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { name: /resources? for “invitation letter”/ }).waitFor();
    const first = page.locator("section[aria-labelledby=results-heading] li").first();
    await expect.poll(() => first.locator("mark").count()).toBeGreaterThan(0);
    expect((await first.locator("mark").first().textContent())?.toLowerCase()).toMatch(/invit|letter/);
    await screenshot(page, { path: `${shots}/library-search.png`, fullPage: true });
    const violations = await seriousViolations(page);
    if (violations.length) console.error(describeViolations(violations));
    expect(violations.map((v) => v.id)).toEqual([]);

    await first.getByRole("link").first().click();
    await page.getByRole("heading", { level: 1, name: /launch invitation letter/i }).waitFor();
    await expect.poll(() => page.getByText("Dear [first name],").count()).toBe(1);
    await screenshot(page, { path: `${shots}/resource.png`, fullPage: true });
    const onResource = await seriousViolations(page);
    if (onResource.length) console.error(describeViolations(onResource));
    expect(onResource.map((v) => v.id)).toEqual([]);
  });

  it("filters by stage from a link, as the checklist does", async () => {
    const page = await h.newPage();
    await page.goto("/resources?stage=launch");
    await page.getByRole("heading", { name: /^\d+ resources?$/ }).waitFor();
    await expect
      .poll(() => page.getByRole("link", { name: /Launch: let business leaders set the agenda/ }).count())
      .toBe(1);
    expect(await page.getByRole("link", { name: /Build one support team/ }).count()).toBe(0);
  });

  it("home page: what Next Gen is, the numbers, the ways in; no serious axe violations", async () => {
    const page = await h.newPage();
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: /Businesses of one industry/ }).waitFor();
    await expect.poll(() => page.locator("dd").first().textContent()).toMatch(/^\d[\d,]*$/);
    await page.getByRole("link", { name: "Find a partnership near you" }).first().waitFor();
    await screenshot(page, { path: `${shots}/home.png`, fullPage: true });
    const violations = await seriousViolations(page);
    if (violations.length) console.error(describeViolations(violations));
    expect(violations.map((v) => v.id)).toEqual([]);
  });
});
