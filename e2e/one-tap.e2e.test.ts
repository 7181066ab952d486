import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, expectNoSidewaysScroll, signIn, signUp } from "./ui.js";

const phone = { width: 390, height: 844 };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!!skipReason)("journey: act straight from the e-mail, on a phone", () => {
  let h: Harness;
  let admin: Page;
  let convener: Page;
  let p: { id: string; slug: string };
  let acme: string;
  const id = unique();

  /** The newest mail to `to` whose subject starts with `subject`, read from the admin outbox. */
  async function mailTo(to: string, subject: string, timeout = 5_000): Promise<string> {
    let text = "";
    // The server sends reminders from its once-a-minute housekeeping: wait for the mail to appear.
    await expect
      .poll(
        async () => {
          const outbox = await apiFromPage<{ items: { to: string; subject: string; text: string }[] }>(
            admin,
            "GET",
            "/admin/outbox",
          );
          text = outbox.items.find((m) => m.to === to && m.subject.startsWith(subject))?.text ?? "";
          return text;
        },
        { timeout, interval: 1_000 },
      )
      .not.toBe("");
    return text;
  }

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password, "/admin");
    convener = await h.newPage();
    await signUp(convener, {
      name: "Carla Convener",
      email: `carla-${id}@example.org`,
      password: "correct-horse-battery",
    });
    p = await apiFromPage<{ id: string; slug: string }>(convener, "POST", "/partnerships", {
      name: `Front Range Machining ${id}`,
      naics: ["31-33"],
      counties: ["08031"],
      setting: "metro",
      stage: "act",
    });
    acme = (
      await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/organizations`, {
        name: "Acme Precision",
        kind: "business",
      })
    ).id;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("an action's owner taps Done in the reminder, confirms on the phone, and the action is done", async () => {
    // The owner has no account: the link alone lets them answer.
    const ownerEmail = `olive-${id}@example.org`;
    const owner = await apiFromPage<{ personId: string }>(convener, "POST", `/partnerships/${p.id}/members`, {
      name: "Olive Owner",
      role: "champion",
      organizationId: acme,
      email: ownerEmail,
    });
    const priority = await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/priorities`, {
      title: "Grow apprenticeships",
      theme: "talent_pipeline",
    });
    const team = await apiFromPage<{ id: string }>(
      convener,
      "POST",
      `/priorities/${priority.id}/action-teams`,
      {
        name: "Apprenticeship team",
        championIds: [owner.personId],
      },
    );
    const action = await apiFromPage<{ id: string }>(convener, "POST", `/action-teams/${team.id}/actions`, {
      title: "Call the college",
      ownerId: owner.personId,
      dueDate: inDays(2),
    });

    const mail = await mailTo(ownerEmail, "Due soon: Call the college", 90_000);
    const done = /Done:\n\S+(\/action-link\/[\w-]+\/[\w-]+)\n/.exec(mail)![1]!;
    const page = await h.newPage();
    await page.setViewportSize(phone);
    await page.goto(done);
    await page.getByRole("heading", { level: 1, name: "Mark this action done?" }).waitFor();
    await page.getByText("Call the college").waitFor();
    await expectNoSidewaysScroll(page, "the one-tap page on a phone");
    await expectNoSeriousViolations(page, "the one-tap confirmation page");
    await page.getByRole("button", { name: "Yes, mark it done" }).click();
    await page.getByRole("status").filter({ hasText: "Marked done" }).waitFor();
    await expectNoSeriousViolations(page, "the one-tap page after the change");

    const after = await apiFromPage<{ status: string; progress: number }>(
      convener,
      "GET",
      `/actions/${action.id}`,
    );
    expect(after).toMatchObject({ status: "done", progress: 100 });
    // The same link again: refused, nothing to press.
    await page.goto(done);
    await page.getByRole("alert").filter({ hasText: "This link no longer works" }).waitFor();
    expect(await page.getByRole("button", { name: "Yes, mark it done" }).count()).toBe(0);
  });

  it("a business voter opens the vote e-mail's link and lands on the ballot, signed in", async () => {
    const email = `bea-${id}@example.org`;
    const bea = await h.newPage();
    await signUp(bea, { name: "Bea Builder", email, password: "correct-horse-battery" });
    await apiFromPage(convener, "POST", `/partnerships/${p.id}/invitations`, {
      email,
      name: "Bea Builder",
      role: "business_member",
      organizationId: acme,
    });
    const invitation = await mailTo(email, "");
    const token = /\/invitations\/([\w-]+)/.exec(invitation)![1]!;
    await apiFromPage(bea, "POST", `/invitations/${token}/accept`);
    await bea.context().close();
    const ids: string[] = [];
    for (const title of ["Apprenticeships for machinists", "Broadband for small shops"]) {
      ids.push(
        (
          await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/opportunities`, {
            title,
            theme: "talent_pipeline",
          })
        ).id,
      );
    }
    const closesAt = new Date(Date.now() + 5 * 86_400_000);
    const round = await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/vote-rounds`, {
      title: "Spring priorities",
      method: "dots",
      opportunityIds: ids,
      closesAt: closesAt.toISOString(),
    });

    const mail = await mailTo(email, "Your vote is open: Spring priorities");
    const link = /\/signin\/link\/[\w-]+/.exec(mail)![0];
    const page = await h.newPage();
    await page.setViewportSize(phone);
    await page.goto(link);
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await page.waitForURL(`**/p/${p.slug}/agenda/votes/${round.id}`);
    await page.getByRole("heading", { name: "Spring priorities" }).waitFor();
    await page
      .getByText(/closes /)
      .first()
      .waitFor();
    const me = await apiFromPage<{ email: string } | null>(page, "GET", "/me");
    expect(me?.email).toBe(email);
    await expectNoSeriousViolations(page, "the ballot opened from the vote e-mail");
  });
});
