import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, field, pick, signIn, signOut, signUp } from "./ui.js";

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
      .getByRole("region", { name: /^Invitations/ })
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

    // The admin signs out; the invitee accepts by the link, which signs them in.
    await page.getByRole("button", { name: "Sign out" }).click();
    await field(page, "Your name").fill("Maria Owner");
    await page.getByRole("button", { name: "Accept and sign in" }).click();
    await page.waitForURL(`**/p/${created.slug}`);
    await page.getByRole("link", { name: "Members" }).click();
    const people = page.getByRole("region", { name: /^People/ });
    const row = people.getByRole("row").filter({ hasText: "Maria Owner" });
    await row.waitFor();
    expect(await row.textContent()).toContain("Business champion");
    // The sector badge reads whole on a desktop and on a phone, never "Busine…".
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      const label = row.locator(".mantine-Badge-label", { hasText: "Business" });
      await label.waitFor();
      const { scroll, client } = await label.evaluate((el) => ({
        scroll: el.scrollWidth,
        client: el.clientWidth,
      }));
      expect(scroll, `sector badge at ${width} px`).toBeLessThanOrEqual(client);
    }
  });

  it("edits a person, revokes and resends invitations, and removes a member after seeing their open actions", async () => {
    const page = await h.newPage();
    const id = unique();
    await signUp(page, {
      name: "Rae Convener",
      email: `rae-${id}@example.org`,
      password: "correct-horse-battery",
    });
    const created = await apiFromPage<{ id: string; slug: string }>(page, "POST", "/partnerships", {
      name: `Tri-County Manufacturing ${id}`,
      naics: ["31-33"],
      counties: ["08069"],
      setting: "mixed",
    });
    const base = `/partnerships/${created.id}`;
    const shop = await apiFromPage<{ id: string }>(page, "POST", `${base}/organizations`, {
      name: `Granite Tool ${id}`,
      kind: "business",
    });
    const college = await apiFromPage<{ id: string }>(page, "POST", `${base}/organizations`, {
      name: `Aims College ${id}`,
      kind: "postsecondary_education",
    });
    const gus = await apiFromPage<{ personId: string }>(page, "POST", `${base}/members`, {
      name: "Gus Grinder",
      role: "champion",
      organizationId: shop.id,
    });
    await apiFromPage(page, "POST", `${base}/members`, {
      name: "Dana Dean",
      role: "support",
      organizationId: college.id,
    });
    const priority = await apiFromPage<{ id: string }>(page, "POST", `${base}/priorities`, {
      title: "Machinist pipeline",
      theme: "talent_pipeline",
    });
    const team = await apiFromPage<{ id: string }>(page, "POST", `/priorities/${priority.id}/action-teams`, {
      name: "Pipeline team",
      championIds: [gus.personId],
    });
    await apiFromPage(page, "POST", `/action-teams/${team.id}/actions`, {
      title: "Host a shop-floor tour",
      ownerId: gus.personId,
    });
    const revokeMe = `revoke-${id}@example.org`;
    const resendMe = `resend-${id}@example.org`;
    for (const [email, name] of [
      [revokeMe, "Rita Revoked"],
      [resendMe, "Ross Resent"],
    ]) {
      await apiFromPage(page, "POST", `${base}/invitations`, {
        email,
        name,
        role: "support",
        organizationId: college.id,
      });
    }

    await page.goto(`/p/${created.slug}/members`);
    await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();
    await expectNoSeriousViolations(page, "the members page with row actions");

    // Edit a person: a title and a new e-mail.
    const people = page.getByRole("region", { name: /^People/ });
    await people.getByRole("button", { name: "Actions for Dana Dean" }).click();
    await page.getByRole("menuitem", { name: "Edit" }).click();
    const edit = page.getByRole("dialog", { name: "Edit Dana Dean" });
    await edit.getByRole("textbox", { name: "Job title", exact: true }).fill("Dean of Applied Technology");
    await edit.getByRole("button", { name: "Save" }).click();
    await edit.waitFor({ state: "hidden" });
    await people.getByRole("row").filter({ hasText: "Dean of Applied Technology" }).waitFor();

    // Revoke one invitation (an in-app confirmation), resend the other.
    const invitations = page.getByRole("region", { name: /^Invitations/ });
    await invitations.getByRole("button", { name: `Revoke the invitation to ${revokeMe}` }).click();
    const confirm = page.getByRole("dialog", { name: "Revoke the invitation to Rita Revoked?" });
    await confirm.getByText("stops working at once").waitFor();
    await confirm.getByRole("button", { name: "Revoke the invitation" }).click();
    await confirm.waitFor({ state: "hidden" });
    await invitations
      .getByRole("row")
      .filter({ hasText: revokeMe })
      .getByText("Revoked", { exact: true })
      .waitFor();
    await invitations.getByRole("button", { name: `Resend the invitation to ${resendMe}` }).click();
    await page.getByText(`Invitation sent again to ${resendMe}.`).waitFor();
    await invitations
      .getByRole("row")
      .filter({ hasText: resendMe })
      .getByText("Pending", { exact: true })
      .waitFor();

    // Remove a member: the dialog says what happens to their open action and team.
    await people.getByRole("button", { name: "Actions for Gus Grinder" }).click();
    await page.getByRole("menuitem", { name: "Remove from the partnership" }).click();
    const removal = page.getByRole("dialog", { name: "Remove Gus Grinder?" });
    await removal
      .getByRole("list", { name: "Open actions to reassign" })
      .getByText(/Host a shop-floor tour/)
      .waitFor();
    expect(await removal.textContent()).toContain("Pipeline team");
    await expectNoSeriousViolations(page, "the removal dialog");
    await removal.getByRole("button", { name: "Remove from the partnership" }).click();
    await removal.waitFor({ state: "hidden" });
    await people.getByRole("row").filter({ hasText: "Gus Grinder" }).waitFor({ state: "detached" });
    expect(await people.textContent()).not.toContain("Gus Grinder");
  });
});
