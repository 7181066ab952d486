import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import type { Page } from "playwright-core";
import { expectNoSeriousViolations, field, signInWithForm as signIn, signOut, signUp } from "./ui.js";

/** The reset links mailed to an address, newest first, read from the community admin's outbox. */
async function resetLinks(page: Page, email: string, count: number): Promise<string[]> {
  await signIn(page, demo.admin.email, demo.admin.password, "/admin/outbox");
  const mails = page.getByTestId("outbox-item").filter({ hasText: email });
  await mails.nth(count - 1).waitFor();
  const hrefs = await mails
    .locator("a[href*='/reset-password/']")
    .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  await signOut(page);
  return [...new Set(hrefs)];
}

describe.skipIf(!!skipReason)("journey: a member who forgot the password", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("asks for a link, sets a new password through it, and signs in with it", async () => {
    const page = await h.newPage();
    const email = `forgetful-${unique()}@example.org`;
    await signUp(page, { name: "Fran Forgetful", email, password: "the-old-password" });
    await signOut(page);

    await page.goto("/signin");
    await page.getByRole("link", { name: /forgot/i }).click();
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
    await field(page, "E-mail").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await page
      .getByText(/reset link is on its way|check your e-mail/i)
      .first()
      .waitFor();

    // The community admin's outbox holds the message; its link is what the member would click.
    await signIn(page, demo.admin.email, demo.admin.password, "/admin/outbox");
    const mail = page.getByTestId("outbox-item").filter({ hasText: email });
    await mail.first().waitFor();
    const href = await mail.first().locator("a[href*='/reset-password/']").first().getAttribute("href");
    expect(href).toBeTruthy();
    await signOut(page);

    await page.goto(new URL(href ?? "", h.baseUrl).pathname);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    // A common password is refused on its field, with advice, and the link stays usable.
    await page.getByLabel(/^New password/).fill("password1234");
    await page.getByLabel(/^Repeat the new password/).fill("password1234");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText(/add another word or two; avoid names and common phrases/).waitFor();
    // On the field, not in the alert for a spent link.
    expect(await page.getByText("The password was not changed").count()).toBe(0);
    await page.getByLabel(/^New password/).fill("the-new-password");
    await page.getByLabel(/^Repeat the new password/).fill("the-new-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL("**/signin");
    await signIn(page, email, "the-new-password");

    // The link worked once: opened again, it says so before any password form, and offers a new one.
    await signOut(page);
    await page.goto(new URL(href ?? "", h.baseUrl).pathname);
    await page.getByRole("heading", { name: "This link was already used" }).waitFor();
    expect(await page.getByLabel(/^New password/).count()).toBe(0);
    await expectNoSeriousViolations(page, "a used reset link");
    await page.getByRole("link", { name: "Send a new link" }).click();
    await page.getByRole("heading", { name: "Reset your password" }).waitFor();
  });

  it("says an older link was replaced by a newer one, and the newer one still opens its form", async () => {
    const page = await h.newPage();
    const email = `twice-${unique()}@example.org`;
    await signUp(page, { name: "Toby Twice", email, password: "the-old-password" });
    await signOut(page);
    for (let i = 0; i < 2; i++) {
      await page.goto("/forgot-password");
      await field(page, "E-mail").fill(email);
      await page.getByRole("button", { name: "Send the link" }).click();
      await page
        .getByText(/reset link is on its way|check your e-mail/i)
        .first()
        .waitFor();
    }
    const links = await resetLinks(page, email, 2);
    expect(links).toHaveLength(2);
    // The outbox lists the newest first.
    const [newer = "", older = ""] = links;

    await page.goto(older);
    await page.getByRole("heading", { name: "This link was replaced by a newer one" }).waitFor();
    await page.getByText(/only the newest works/).waitFor();
    expect(await page.getByLabel(/^New password/).count()).toBe(0);
    await expectNoSeriousViolations(page, "a replaced reset link");

    // Checking a link does not spend it: the newer one opens its form twice, then sets the password.
    for (let i = 0; i < 2; i++) {
      await page.goto(newer);
      await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
      await page.getByLabel(/^New password/).waitFor();
    }
    await page.getByLabel(/^New password/).fill("the-second-password");
    await page.getByLabel(/^Repeat the new password/).fill("the-second-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL("**/signin");

    await page.goto("/reset-password/not-a-link-anyone-was-ever-sent");
    await page.getByRole("heading", { name: "This link is not valid" }).waitFor();
    await page.getByRole("link", { name: "Send a new link" }).waitFor();
  });
});
