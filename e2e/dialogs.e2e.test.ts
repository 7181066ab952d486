import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, type Harness, type StorageState } from "./harness.js";
import { apiFromPage, expectButtonsNamed, expectNoSeriousViolations, signIn } from "./ui.js";

/**
 * The axe scans of the other journeys look at pages at rest. Here the demo convener opens what
 * appears on top of them (dialogs, menus, open dropdowns, chosen pills, forms) and each open state
 * is scanned, and every button in it must have a name.
 */
describe.skipIf(!!skipReason)("accessibility of open dialogs, menus and forms", () => {
  let h: Harness;
  let convener: StorageState;
  let slug: string;
  beforeAll(async () => {
    h = await startHarness();
    const page = await h.newPage();
    await signIn(page, demo.convener.email, demo.convener.password);
    const me = await apiFromPage<{ partnerships: { slug: string; role: string }[] }>(page, "GET", "/me");
    const mine = me.partnerships.find((p) => p.role === "convener");
    expect(mine).toBeTruthy();
    slug = mine?.slug ?? "";
    convener = await page.context().storageState();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function check(page: Page, what: string) {
    await expectNoSeriousViolations(page, what);
    await expectButtonsNamed(page, what);
  }

  it("the account menu, a member's actions menu and the member dialog it opens", async () => {
    const page = await h.newPage({ storageState: convener });
    await page.goto(`/p/${slug}/members`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();

    await page.getByRole("button", { name: /^Account menu for / }).click();
    await page.getByRole("menu").waitFor();
    await check(page, "the account menu, open");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("menu").count()).toBe(0);

    const actions = page.getByRole("button", { name: /^Actions for / }).first();
    await actions.click();
    await page.getByRole("menu").waitFor();
    await check(page, "a member's actions menu, open");
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // The dialog's × in the corner is named by the theme, as in every dialog.
    await dialog.getByRole("button", { name: "Close", exact: true }).waitFor();
    await check(page, "the member dialog, open");
    await dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
  });

  it("a form's Select open, chosen pills each with a named remove button, and the clear button", async () => {
    const page = await h.newPage({ storageState: convener });
    await page.goto("/resources/suggest");
    await page.getByRole("heading", { level: 1 }).first().waitFor();

    await page.getByRole("combobox", { name: "Stage", exact: true }).click();
    await page.locator("[role=listbox]:visible").waitFor();
    await check(page, "the Stage select, open");
    await page.getByRole("option", { name: "3. Launch" }).click();
    // Chosen, it can be cleared by a button that says so.
    const clear = page.getByRole("button", { name: "Clear the choice" });
    await clear.waitFor();
    await check(page, "the suggestion form with a stage chosen");
    await clear.click();
    await expect.poll(() => page.getByRole("combobox", { name: "Stage", exact: true }).inputValue()).toBe("");

    // Not searchable, its text field is hidden: a click on the field's box opens the list.
    const topics = page.getByRole("combobox", { name: "Topics", exact: true });
    await topics.locator("xpath=ancestor::div[contains(@class, 'mantine-MultiSelect-input')]").click();
    const listbox = page.locator("[role=listbox]:visible");
    await listbox.waitFor();
    const first = (await listbox.getByRole("option").first().textContent())?.trim() ?? "";
    const second = (await listbox.getByRole("option").nth(1).textContent())?.trim() ?? "";
    await listbox.getByRole("option").first().click();
    await listbox.getByRole("option", { name: second }).click();
    await check(page, "the Topics multi-select, open with two chosen");
    await page.keyboard.press("Escape");
    const removeFirst = page.getByRole("button", { name: `Remove ${first}`, exact: true });
    await removeFirst.waitFor();
    await page.getByRole("button", { name: `Remove ${second}`, exact: true }).waitFor();
    await check(page, "the Topics multi-select with two pills");
    // The named button does what it says: that pill goes, the other stays.
    await removeFirst.click();
    await expect.poll(() => removeFirst.count()).toBe(0);
    await page.getByRole("button", { name: `Remove ${second}`, exact: true }).waitFor();

    await page.locator("input[type=file]").setInputFiles({
      name: "launch-agenda.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "Remove the chosen file" }).waitFor();
    await check(page, "the suggestion form with a file chosen");
  });

  it("the new-discussion form with its mention suggestions open", async () => {
    const page = await h.newPage({ storageState: convener });
    await page.goto("/discussions");
    const { items } = await apiFromPage<{ items: { name: string }[] }>(
      page,
      "GET",
      "/discussions/mentionable?q=a",
    );
    const someone = items.find((p) => /^[\p{L}]{3}/u.test(p.name));
    expect(someone).toBeTruthy();
    await page.getByRole("button", { name: "Start a discussion" }).click();
    const body = page.getByRole("textbox", { name: "Your question or idea" });
    await body.pressSequentially(`Has anyone asked @${someone?.name.slice(0, 3) ?? ""}`);
    await page.getByRole("list", { name: "People to mention" }).waitFor();
    await check(page, "the new-discussion form with mention suggestions");
  });

  it("a number field in a form: no unnamed steppers, the arrow keys still step", async () => {
    const page = await h.newPage({ storageState: convener });
    await page.goto(`/p/${slug}/agenda/votes`);
    const dots = page.getByRole("textbox", { name: "Dots per voter" });
    await dots.waitFor();
    await check(page, "the open-a-vote form with its number field");
    const before = Number(await dots.inputValue());
    await dots.focus();
    await page.keyboard.press("ArrowUp");
    await expect.poll(async () => Number(await dots.inputValue())).toBe(before + 1);
  });

  it("a confirmation dialog, and the navigation drawer on a phone", async () => {
    const page = await h.newPage({ storageState: convener });
    await page.goto("/me/account");
    await page.getByRole("button", { name: "Sign out of all other sessions" }).click();
    const dialog = page.getByRole("dialog", { name: "Sign out of all other sessions?" });
    await dialog.waitFor();
    await check(page, "a confirmation dialog, open");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/p/${slug}`);
    await page.getByRole("button", { name: "Open navigation" }).click();
    const drawer = page.getByRole("dialog", { name: "Shared Table" });
    await drawer.waitFor();
    await drawer.getByRole("button", { name: "Close", exact: true }).waitFor();
    await check(page, "the navigation drawer on a phone, open");
    await drawer.getByRole("button", { name: "Close", exact: true }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);
  });
});
