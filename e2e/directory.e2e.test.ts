import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, unique, type Harness } from "./harness.js";
import { field, pick, signUpWithForm } from "./ui.js";

if (skipReason) console.warn(`Skipping end-to-end tests. ${skipReason}`);

describe.skipIf(!!skipReason)("journey: start a partnership and find it", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("signs up, creates a two-state partnership, finds it by filter and map, reads its profile", async () => {
    const page = await h.newPage();
    const id = unique();
    const name = `High Plains Advanced Manufacturing ${id}`;
    await signUpWithForm(page, {
      name: "Dana Convener",
      email: `dana-${id}@example.org`,
    });

    // Create the partnership through the form.
    await page.goto("/partnerships");
    await page.getByRole("main").getByRole("link", { name: "Start a partnership" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Start a partnership" }).waitFor();
    await field(page, "Name").fill(name);
    await pick(page, "Industry", "manufacturing", /^31-33 · Manufacturing$/);
    await page.keyboard.press("Escape");
    await pick(page, "State", "Colorado", "Colorado");
    await pick(page, "Counties in Colorado", "Larimer", "Larimer");
    await pick(page, "Counties in Colorado", "Weld", "Weld");
    await page.keyboard.press("Escape");
    await pick(page, "State", "Wyoming", "Wyoming");
    await pick(page, "Counties in Wyoming", "Laramie", "Laramie");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("chosen-CO").textContent()).toContain("Weld");
    await page.getByRole("radio", { name: "Metro and rural" }).check();
    await field(page, "Description").fill("Manufacturers of the high plains, hiring together.");
    await page.getByRole("button", { name: "Create partnership" }).click();
    await page.waitForURL(/\/p\/[a-z0-9-]+$/);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const profileUrl = page.url();

    // The directory, filtered by the State select.
    await page.goto("/partnerships");
    const count = page.getByTestId("result-count");
    await expect.poll(() => count.textContent()).toMatch(/^\d+ partnerships?$/);
    const everywhere = parseInt((await count.textContent()) ?? "0", 10);
    await pick(page, "State", "Wyoming", "Wyoming");
    await page.waitForURL(/state=WY/);
    await expect.poll(() => count.textContent()).toMatch(/in Wyoming$/);
    await page.getByRole("link", { name }).waitFor();
    const inWyoming = parseInt((await count.textContent()) ?? "0", 10);
    expect(inWyoming).toBeGreaterThan(0);
    expect(inWyoming).toBeLessThan(everywhere);

    // The directory, filtered by clicking Colorado on the map.
    await page.goto("/partnerships");
    const colorado = page
      .locator("svg.us-map")
      .getByRole("button", { name: /^Colorado: \d+ partnerships?$/ });
    await colorado.click();
    await page.waitForURL(/state=CO/);
    await expect.poll(() => count.textContent()).toMatch(/in Colorado$/);
    expect(await colorado.getAttribute("aria-pressed")).toBe("true");
    await page.getByRole("link", { name }).click();

    // The public profile lists the counties under their states.
    await page.waitForURL(profileUrl);
    const co = page.getByTestId("region-CO");
    const wy = page.getByTestId("region-WY");
    await co.waitFor();
    expect(await co.textContent()).toContain("Larimer");
    expect(await co.textContent()).toContain("Weld");
    expect(await wy.textContent()).toContain("Laramie");
    await page.getByRole("link", { name: "Edit profile" }).waitFor();
  });

  it("keeps the map usable by keyboard: Enter on a focused state filters the directory", async () => {
    const page = await h.newPage();
    await page.goto("/partnerships");
    const state = page.locator("svg.us-map path[role=button][tabindex='0']").first();
    await state.focus();
    const abbr = await state.getAttribute("data-state");
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`state=${abbr ?? "XX"}`));
  });
});
