import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, type Harness } from "./harness.js";
import { describeViolations, pick, seriousViolations, screenshot } from "./ui.js";

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

  it("shows passages in plain words, and the way back keeps the search and its filters", async () => {
    const page = await h.newPage();
    await page.goto("/resources");
    await page.getByRole("searchbox", { name: "Search the library" }).fill("roles in writing");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("heading", { name: /resources? for “roles in writing”/ }).waitFor();
    await pick(page, "Stage", "", "1. Build civic infrastructure");
    await page.waitForURL(/stage=civic_infrastructure/);
    const heading = page.getByRole("heading", { name: /^1 resource for “roles in writing”$/ });
    await heading.waitFor();
    const result = page.locator("section[aria-labelledby=results-heading] li").first();
    await result.getByRole("link", { name: /Build one support team/ }).waitFor();
    await expect.poll(() => result.locator("mark").count()).toBeGreaterThan(0);

    // The body is Markdown ("2. **Agree on roles in writing.**", "## What to do", "- the team has met"):
    // the passage reads as plain words.
    const passage = (await result.locator(".search-highlight").textContent()) ?? "";
    expect(passage).toContain("Agree on roles in writing.");
    expect(passage).not.toContain("**");
    expect(passage).not.toMatch(/\d\.\s+Agree/);
    expect(passage).not.toMatch(/(^|\s)#{1,6}\s/);
    expect(passage).not.toMatch(/(^|\s)[-*+]\s/);
    expect(passage).not.toContain("](");

    await result.getByRole("link", { name: /Build one support team/ }).click();
    await page.getByRole("heading", { level: 1, name: /Build one support team/ }).waitFor();
    await page.getByRole("link", { name: "← Resource library" }).click();
    // The same search and filter, in the address, the fields and the results.
    await heading.waitFor();
    const back = new URL(page.url());
    expect(back.pathname).toBe("/resources");
    expect(back.searchParams.get("q")).toBe("roles in writing");
    expect(back.searchParams.get("stage")).toBe("civic_infrastructure");
    expect(await page.getByRole("searchbox", { name: "Search the library" }).inputValue()).toBe(
      "roles in writing",
    );
    expect(await page.getByRole("combobox", { name: "Stage", exact: true }).inputValue()).toBe(
      "1. Build civic infrastructure",
    );

    // Opened straight from elsewhere, the resource's way back is the whole library.
    await page.goto("/resources/build-your-support-team");
    await page.getByRole("link", { name: "← Resource library" }).click();
    await page.waitForURL((url) => url.pathname === "/resources" && url.search === "");
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
