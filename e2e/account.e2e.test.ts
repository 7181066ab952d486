import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, unique, type Harness } from "./harness.js";
import { expectNoSeriousViolations, expectNoSidewaysScroll, field, signInWithForm, signUp } from "./ui.js";

describe.skipIf(!!skipReason)("journey: a member looks after their account", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("changes name and password, downloads their data, and deletes the account", async () => {
    const page = await h.newPage();
    const email = `keeper-${unique()}@example.org`;
    await signUp(page, { name: "Kit Keeper", email, password: "violet-harbor-sundial" });

    // The account menu leads to the page.
    await page.getByRole("button", { name: /^Account menu for / }).click();
    await page.getByRole("menuitem", { name: "Your account" }).click();
    await page.waitForURL("**/me/account");
    await page.getByRole("heading", { name: "Your account", exact: true }).waitFor();
    await expectNoSeriousViolations(page, "/me/account");

    // Name.
    await field(page, "Name").fill("Kit Keeper-Lane");
    await page.getByRole("button", { name: "Save name" }).click();
    await page.getByText("Your name is saved.").waitFor();
    await page.getByText(`Signed in as Kit Keeper-Lane (${email}).`).waitFor();

    // Password: a weak one is refused on its field, then a good one is taken.
    const passwords = page.getByRole("region", { name: "Password" });
    await passwords.getByLabel(/^Current password/).fill("violet-harbor-sundial");
    await passwords.getByLabel(/^New password/).fill("password1234");
    await passwords.getByLabel(/^Repeat the new password/).fill("password1234");
    await passwords.getByRole("button", { name: "Change password" }).click();
    await passwords.getByText(/add another word or two/).waitFor();
    await passwords.getByLabel(/^New password/).fill("copper kettle meadow");
    await passwords.getByLabel(/^Repeat the new password/).fill("copper kettle meadow");
    await passwords.getByRole("button", { name: "Change password" }).click();
    await page.getByText(/Your password is changed/).waitFor();

    // Sign out of other sessions, confirmed in a dialog.
    await page.getByRole("button", { name: "Sign out of all other sessions" }).click();
    const sessionsDialog = page.getByRole("dialog", { name: "Sign out of all other sessions?" });
    await sessionsDialog.waitFor();
    await expectNoSeriousViolations(page, "the sign-out dialog");
    await sessionsDialog.getByRole("button", { name: "Sign out other sessions" }).click();
    await page.getByText(/There were no other sessions|Signed out of/).waitFor();

    // Download my data.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download my data" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("shared-table-my-data.json");
    const data = JSON.parse(await text(await download.createReadStream())) as {
      account: { email: string; name: string };
    };
    expect(data.account).toMatchObject({ email, name: "Kit Keeper-Lane" });

    // Delete the account, confirmed in a dialog with the password.
    await page.getByRole("button", { name: "Delete my account" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    await dialog.waitFor();
    await expectNoSeriousViolations(page, "the delete dialog");
    await dialog.getByLabel(/^Current password/).fill("copper kettle meadow");
    await dialog.getByRole("button", { name: "Delete my account for good" }).click();
    await page.getByText(/Your account is deleted/).waitFor();
    await page.getByRole("link", { name: "Sign in" }).first().waitFor();

    // The old address and password no longer sign in.
    await page.goto("/signin");
    await field(page, "E-mail").fill(email);
    await field(page, "Password").fill("copper kettle meadow");
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await page.getByText(/do not match/).waitFor();
  });

  it("the new password works for signing in", async () => {
    const page = await h.newPage();
    const email = `switcher-${unique()}@example.org`;
    await signUp(page, { name: "Sam Switcher", email, password: "violet-harbor-sundial" });
    await page.goto("/me/account");
    const passwords = page.getByRole("region", { name: "Password" });
    await passwords.getByLabel(/^Current password/).fill("violet-harbor-sundial");
    await passwords.getByLabel(/^New password/).fill("copper kettle meadow");
    await passwords.getByLabel(/^Repeat the new password/).fill("copper kettle meadow");
    await passwords.getByRole("button", { name: "Change password" }).click();
    await page.getByText(/Your password is changed/).waitFor();
    const fresh = await h.newPage();
    await signInWithForm(fresh, email, "copper kettle meadow");
  });

  it("makes an API token, sees it once, a script reads with it, and revoking it stops it", async () => {
    const page = await h.newPage();
    await signUp(page, {
      name: "Tomas Token",
      email: `tokens-${unique()}@example.org`,
      password: "amber-lantern-field",
    });
    await page.goto("/me/account");
    const section = page.getByRole("region", { name: "API tokens" });
    await section.getByRole("textbox", { name: "Token name" }).fill("Ohio dashboard");
    await section.getByRole("button", { name: "Make a token" }).click();
    const shown = section.getByRole("textbox", { name: "Token", exact: true });
    await shown.waitFor();
    const token = await shown.inputValue();
    expect(token).toMatch(/^st_/);
    await expectNoSeriousViolations(page, "the account page with a new token shown");

    // A script, not the browser: the token alone signs it in, as this person.
    const asScript = (method = "GET") =>
      fetch(`${h.baseUrl}/api/me`, { method, headers: { authorization: `Bearer ${token}` } });
    const me = await asScript();
    expect(me.status).toBe(200);
    expect(((await me.json()) as { name: string }).name).toBe("Tomas Token");

    // Once dismissed, the token is not shown again; the list names it with its prefix.
    await section.getByRole("button", { name: "I have copied it" }).click();
    await expect(shown.count()).resolves.toBe(0);
    const row = section.getByRole("row").filter({ hasText: "Ohio dashboard" });
    await row.getByText("Read only").waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSidewaysScroll(page, "the account page with a token at 390 px");
    await page.setViewportSize({ width: 1280, height: 900 });

    await row.getByRole("button", { name: "Revoke Ohio dashboard" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke “Ohio dashboard”?" });
    await dialog.waitFor();
    await expectNoSeriousViolations(page, "the revoke dialog");
    await dialog.getByRole("button", { name: "Revoke the token" }).click();
    await page.getByText("“Ohio dashboard” is revoked and works no more.").waitFor();
    await row.getByText("Revoked").waitFor();
    expect((await asScript()).status).toBe(401);
  });
});
