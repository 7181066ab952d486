import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { field, signInWithForm as signIn, signOut, signUpWithForm as signUp } from "./ui.js";

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

    // The link worked once: a second use is refused with a clear message.
    await signOut(page);
    await page.goto(new URL(href ?? "", h.baseUrl).pathname);
    await page.getByRole("heading", { name: "Choose a new password" }).waitFor();
    await page.getByLabel(/^New password/).fill("a-third-password");
    await page.getByLabel(/^Repeat the new password/).fill("a-third-password");
    await page.getByRole("button", { name: "Change password" }).click();
    await page.getByText(/expired, was already used/).waitFor();
  });
});
