import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, field, signIn, signUp } from "./ui.js";

describe.skipIf(!!skipReason)("journey: an invited person without an account joins by the link", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** A fresh partnership whose convener invites one person; answers the link's token. */
  async function invite(id: string, person: { name: string; email: string }) {
    const convener = await h.newPage();
    await signUp(convener, {
      name: "Ivy Inviter",
      email: `ivy-${id}@example.org`,
      password: "correct-horse-battery",
    });
    const p = await apiFromPage<{ id: string; slug: string }>(convener, "POST", "/partnerships", {
      name: `Mesa Hospitals ${id}`,
      naics: ["622"],
      counties: ["08077"],
      setting: "mixed",
      stage: "prepare",
    });
    const org = await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/organizations`, {
      name: "Canyon Clinic",
      kind: "business",
    });
    await apiFromPage(convener, "POST", `/partnerships/${p.id}/invitations`, {
      ...person,
      role: "business_member",
      organizationId: org.id,
    });
    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password);
    const outbox = await apiFromPage<{ items: { to: string; text: string }[] }>(
      admin,
      "GET",
      "/admin/outbox",
    );
    const text = outbox.items.find((m) => m.to === person.email)?.text ?? "";
    const token = /\/invitations\/([\w-]+)/.exec(text)?.[1];
    expect(token).toBeTruthy();
    return { partnership: p, token: token ?? "" };
  }

  it("accepts with one tap: the link signs the invited person in, making the account, and the account page adds a password", async () => {
    const id = unique();
    const email = `nadia-${id}@example.org`;
    const { partnership: p, token } = await invite(id, { name: "Nadia Okafor", email });

    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/invitations/${token}`);
    await page.getByRole("heading", { name: `Join Mesa Hospitals ${id}` }).waitFor();
    // The convener's words, not typed again; the person may correct their name.
    await expect.poll(() => field(page, "Your name").inputValue()).toBe("Nadia Okafor");
    await page.getByText(`This link signs you in as ${email}`).waitFor();
    await expectNoSeriousViolations(page, "an invitation, signed out, on a phone");
    await field(page, "Your name").fill("Nadia Okafor-Reyes");
    await page.getByRole("button", { name: "Accept and sign in" }).click();
    await page.waitForURL(`**/p/${p.slug}**`);
    const me = await apiFromPage<{
      name: string;
      email: string;
      hasPassword: boolean;
      partnerships: { id: string; role: string }[];
    }>(page, "GET", "/me");
    expect(me).toMatchObject({ name: "Nadia Okafor-Reyes", email, hasPassword: false });
    expect(me.partnerships).toContainEqual(expect.objectContaining({ id: p.id, role: "business_member" }));

    // No password yet: the account page offers to add one, without asking for a current one.
    await page.goto("/me/account");
    const passwords = page.getByRole("region", { name: "Password" });
    await passwords.getByRole("button", { name: "Add a password" }).waitFor();
    expect(await passwords.getByLabel(/^Current password/).count()).toBe(0);
    await expectNoSeriousViolations(page, "the account page of an account without a password");
    await passwords.getByLabel(/^New password/).fill("quiet-lantern-orchard");
    await passwords.getByLabel(/^Repeat the new password/).fill("quiet-lantern-orchard");
    await passwords.getByRole("button", { name: "Add a password" }).click();
    await passwords.getByRole("button", { name: "Change password" }).waitFor();
    await passwords.getByLabel(/^Current password/).waitFor();

    // The link worked once.
    const again = await h.newPage();
    await again.goto(`/invitations/${token}`);
    await again.getByText("This invitation has been accepted.").waitFor();
  });

  it("keeps a name the person typed before the invitation arrived", async () => {
    const id = unique();
    const email = `omar-${id}@example.org`;
    const { token } = await invite(id, { name: "Omar Said", email });
    const page = await h.newPage();
    // The invitation's answer is held back until the person has typed a name.
    let release = () => {};
    const typed = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/api/invitations/*", async (route) => {
      await typed;
      await route.continue();
    });
    await page.goto(`/signup?invitation=${token}`);
    await field(page, "Your name").fill("Omar S. (Canyon Clinic)");
    release();
    await expect.poll(() => field(page, "E-mail").inputValue()).toBe(email);
    expect(await field(page, "Your name").inputValue()).toBe("Omar S. (Canyon Clinic)");
  });
});
