import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, field, signIn, signUp } from "./ui.js";

describe.skipIf(!!skipReason)("journey: an invited person without an account signs up", () => {
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

  it("finds the name and address from the invitation in the sign-up form, and accepts", async () => {
    const id = unique();
    const email = `nadia-${id}@example.org`;
    const { partnership: p, token } = await invite(id, { name: "Nadia Okafor-Reyes", email });

    const page = await h.newPage();
    await page.goto(`/invitations/${token}`);
    await page.getByRole("heading", { name: `Join Mesa Hospitals ${id}` }).waitFor();
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByRole("heading", { name: "Create an account" }).waitFor();

    // The convener's words, not typed again: the name and the invited address.
    await expect.poll(() => field(page, "Your name").inputValue()).toBe("Nadia Okafor-Reyes");
    expect(await field(page, "E-mail").inputValue()).toBe(email);
    await page.getByText(`Invited to Mesa Hospitals ${id}`).waitFor();
    await expectNoSeriousViolations(page, "sign-up from an invitation");

    // Arriving straight at the sign-up (a refresh, a shared link): filled in again from the token.
    await page.reload();
    await expect.poll(() => field(page, "Your name").inputValue()).toBe("Nadia Okafor-Reyes");

    await field(page, "Password").fill("quiet-lantern-orchard");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL(`**/invitations/${token}`);
    await page.getByRole("button", { name: "Accept the invitation" }).click();
    await page.waitForURL(`**/p/${p.slug}**`);
    const me = await apiFromPage<{
      name: string;
      email: string;
      partnerships: { id: string; role: string }[];
    }>(page, "GET", "/me");
    expect(me).toMatchObject({ name: "Nadia Okafor-Reyes", email });
    expect(me.partnerships).toContainEqual(expect.objectContaining({ id: p.id, role: "business_member" }));
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
