import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, field, pick, signIn, signOut, signUp } from "./ui.js";

describe.skipIf(!!skipReason)("journey: a convener brings people to the table", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("adds a business, invites a person, and the admin outbox holds the invitation", async () => {
    const page = await h.newPage();
    const id = unique();
    const partnershipName = `Valley Health Careers ${id}`;
    const invitee = `maria-${id}@example.org`;
    const business = `Riverside Machining ${id}`;

    await signUp(page, {
      name: "Sam Convener",
      email: `sam-${id}@example.org`,
      password: "correct-horse-battery",
    });
    const created = await apiFromPage<{ slug: string }>(page, "POST", "/partnerships", {
      name: partnershipName,
      naics: ["31-33"],
      counties: ["08069"],
      setting: "mixed",
    });

    await page.goto(`/p/${created.slug}`);
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();

    // A business organization with its industry and size.
    await field(page, "Organization name").fill(business);
    await pick(page, "Industry (NAICS)", "3327", /^3327 · /);
    await pick(page, "Size", "", "50-249 employees");
    await page.getByRole("button", { name: "Add organization" }).click();
    const orgs = page.getByRole("region", { name: /^Organizations/ });
    await orgs.getByText(business).waitFor();
    expect(await page.getByRole("region", { name: "The table's make-up" }).textContent()).toMatch(
      /1\s*businesses/,
    );

    // Invite a person of that business by e-mail.
    await page.getByRole("tab", { name: "Invite" }).click();
    await field(page, "Name").fill("Maria Owner");
    await field(page, "E-mail").fill(invitee);
    await pick(page, "Organization", "", business);
    await pick(page, "Role", "", "Business champion");
    await page.getByRole("button", { name: "Send invitation" }).click();
    await page
      .getByRole("region", { name: /^Pending invitations/ })
      .getByText(invitee)
      .waitFor();

    // The community admin reads the invitation in the outbox and its link works.
    await signOut(page);
    await signIn(page, demo.admin.email, demo.admin.password, "/admin/outbox");
    const mail = page.getByTestId("outbox-item").filter({ hasText: invitee });
    await mail.first().waitFor();
    const link = mail.first().locator("a[href*='/invitations/']").first();
    const href = await link.getAttribute("href");
    expect(href).toBeTruthy();
    const path = new URL(href ?? "", h.baseUrl).pathname;
    await page.goto(path);
    await page.getByRole("heading", { level: 1, name: `Join ${partnershipName}` }).waitFor();
    await page.getByText("Another account is signed in").waitFor();

    // The invitee signs up from the invitation, comes back to it, and accepts.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL(/\/signup\?/);
    expect(await field(page, "E-mail").inputValue()).toBe(invitee);
    await field(page, "Your name").fill("Maria Owner");
    await field(page, "Password").fill("correct-horse-battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`**${path}`);
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await page.waitForURL(`**/p/${created.slug}`);
    await page.getByRole("link", { name: "Members" }).click();
    const people = page.getByRole("region", { name: /^People/ });
    const row = people.getByRole("row").filter({ hasText: "Maria Owner" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Business champion");
  });
});
