import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import {
  apiFromPage,
  createAccount,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  field,
  mailedLink,
  screenshot,
  signIn,
  signUp,
} from "./ui.js";

const phone = { width: 390, height: 844 };
const shots = process.env.LIVE_VOTE_SHOTS ?? "/tmp/live-vote-shots";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A zone where it is daytime now, so the meeting's day does not end during the journey. */
function zoneInDaylight(now: Date): string {
  const zones = ["America/Denver", "Europe/London", "Asia/Tokyo", "Pacific/Honolulu", "Asia/Kolkata"];
  const hour = (zone: string) =>
    Number(
      new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "numeric", hourCycle: "h23" }).format(now),
    );
  return zones.find((z) => hour(z) >= 6 && hour(z) < 18) ?? "America/Denver";
}

describe.skipIf(!!skipReason)("journey: a business leader at the launch, on a phone", () => {
  let h: Harness;
  let admin: Page;
  let convener: Page;
  let bea: Page;
  let p: { id: string; slug: string };
  let meetingId = "";
  let roundId = "";
  let actionId = "";
  const id = unique();
  const title = `Launch ${id}`;
  const person = { name: "Bea Builder", email: `bea-${id}@example.org`, password: "correct-horse-battery" };
  const items = ["Apprenticeships for machinists", "Broadband for small shops"];

  /** The newest mail to `to` whose subject starts with `subject`, read from the admin outbox. */
  async function mailTo(to: string, subject: string | RegExp, timeout = 5_000): Promise<string> {
    let text = "";
    await expect
      .poll(
        async () => {
          const outbox = await apiFromPage<{ items: { to: string; subject: string; text: string }[] }>(
            admin,
            "GET",
            "/admin/outbox",
          );
          const fits = (s: string) => (typeof subject === "string" ? s.startsWith(subject) : subject.test(s));
          text = outbox.items.find((m) => m.to === to && fits(m.subject))?.text ?? "";
          return text;
        },
        { timeout, interval: 1_000 },
      )
      .not.toBe("");
    return text;
  }

  /** Rates both items on a phone's ballot and casts it. */
  async function rate(page: Page, ratings: [string, string][]) {
    for (const [k, item] of items.entries()) {
      const box = page.getByRole("group", { name: item });
      await box.getByRole("combobox", { name: "Importance" }).selectOption(ratings[k]![0]);
      await box.getByRole("combobox", { name: "Feasibility" }).selectOption(ratings[k]![1]);
    }
    await page.getByRole("button", { name: "Cast my ratings" }).click();
    await page.getByRole("status").filter({ hasText: "Your vote is counted" }).waitFor();
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
      stage: "launch",
    });
    const acme = (
      await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/organizations`, {
        name: "Acme Precision",
        kind: "business",
      })
    ).id;
    // Bea has an account (made in a browser of its own) and joins as a business member.
    const elsewhere = await h.newPage();
    await createAccount(elsewhere, person);
    await apiFromPage(convener, "POST", `/partnerships/${p.id}/invitations`, {
      email: person.email,
      name: person.name,
      role: "business_member",
      organizationId: acme,
    });
    const invitation = await mailedLink(elsewhere, person.email, /\/invitations\/[\w-]+/);
    const token = invitation.split("/invitations/")[1]!;
    await elsewhere.goto("/me");
    await apiFromPage(elsewhere, "POST", `/invitations/${token}/accept`);
    const me = await apiFromPage<{ personId: string }>(elsewhere, "GET", "/me");
    await elsewhere.context().close();

    // An action of Bea's due in two days: its reminder comes by e-mail within a minute or so.
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
        championIds: [me.personId],
      },
    );
    actionId = (
      await apiFromPage<{ id: string }>(convener, "POST", `/action-teams/${team.id}/actions`, {
        title: `Call the college ${id}`,
        ownerId: me.personId,
        dueDate: inDays(2),
      })
    ).id;

    const ids: string[] = [];
    for (const item of items) {
      ids.push(
        (
          await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/opportunities`, {
            title: item,
            theme: "talent_pipeline",
          })
        ).id,
      );
    }
    roundId = (
      await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/vote-rounds`, {
        title: "Launch priorities",
        method: "rating",
        opportunityIds: ids,
      })
    ).id;
    const now = new Date();
    meetingId = (
      await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/meetings`, {
        kind: "launch",
        title,
        startsAt: now.toISOString(),
        timeZone: zoneInDaylight(now),
        place: "Front Range Community College, Room 104",
      })
    ).id;
    bea = await h.newPage();
    await bea.setViewportSize(phone);
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
  });

  it("signs in by an e-mail link on the phone", async () => {
    await bea.goto("/signin?next=/me");
    await field(bea, "E-mail").fill(person.email);
    await bea.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    await bea.getByRole("status").filter({ hasText: "Check your e-mail" }).waitFor();
    await expectNoSidewaysScroll(bea, "the sign-in page on a phone");
    await expectNoSeriousViolations(bea, "the sign-in page on a phone");
    const mail = await mailTo(person.email, /sign-in link/);
    const link = /\/signin\/link\/[\w-]+/.exec(mail)![0];
    await bea.goto(link);
    await bea.getByRole("button", { name: "Sign in" }).last().click();
    await bea.waitForURL("**/me");
    expect((await apiFromPage<{ email: string }>(bea, "GET", "/me")).email).toBe(person.email);
  });

  it("checks in by the QR code's address", async () => {
    await convener.goto(`/meetings/${meetingId}/check-in`);
    await convener.getByRole("heading", { level: 1, name: `Check in: ${title}` }).waitFor();
    const screen = await apiFromPage<{ url: string }>(convener, "GET", `/meetings/${meetingId}/check-in`);
    await bea.goto(new URL(screen.url).pathname);
    await bea.getByRole("button", { name: "Check me in" }).click();
    await bea.getByRole("heading", { name: `You're checked in, ${person.name}` }).waitFor();
    await expectNoSidewaysScroll(bea, "the check-in page on a phone");
    await expectNoSeriousViolations(bea, "the check-in page after checking in");
    await convener.getByText(`Welcome, ${person.name}!`).waitFor();
  });

  it("votes on the live round while the projector counts; a business guest votes too; closing shows the 2x2", async () => {
    // The convener shows the round live from the check-in screen: the projector opens.
    await convener.getByRole("button", { name: "Show the vote live" }).click();
    await convener.waitForURL(`**/vote-rounds/${roundId}/live`);
    await convener.getByRole("heading", { level: 1, name: "Launch priorities" }).waitFor();
    await convener.getByRole("img", { name: /^QR code of the live vote's address/ }).waitFor();
    await convener.getByText("Live", { exact: true }).waitFor();
    const count = convener.getByTestId("live-voter-count");
    expect(await count.textContent()).toBe("0");
    await expectNoSeriousViolations(convener, "the live vote's projector");
    await screenshot(convener, { path: `${shots}/projector.png`, fullPage: true });

    // Bea scans the projector's QR code: she votes as herself.
    const live = await apiFromPage<{ joinUrl: string }>(convener, "GET", `/vote-rounds/${roundId}/live`);
    const join = new URL(live.joinUrl);
    await bea.goto(`${join.pathname}${join.search}`);
    await bea.getByRole("heading", { level: 1, name: "Launch priorities" }).waitFor();
    await bea.getByText(`Voting as ${person.name}`).waitFor();
    await expectNoSidewaysScroll(bea, "the live ballot on a phone");
    await expectNoSeriousViolations(bea, "the live ballot on a phone");
    await screenshot(bea, { path: `${shots}/phone-ballot.png`, fullPage: true });
    await rate(bea, [
      ["5", "4"],
      ["2", "3"],
    ]);
    await expect.poll(() => count.textContent(), { timeout: 5_000 }).toBe("1");

    // A walk-in from a business checks in on the vote's page and votes as a guest.
    const guest = await h.newPage();
    await guest.setViewportSize(phone);
    await guest.goto(`${join.pathname}${join.search}`);
    await guest.getByRole("heading", { level: 1, name: "Launch priorities" }).waitFor();
    await expectNoSidewaysScroll(guest, "the live vote's guest form on a phone");
    await expectNoSeriousViolations(guest, "the live vote's guest form");
    await screenshot(guest, { path: `${shots}/phone-guest-form.png`, fullPage: true });
    await field(guest, "Your name").fill("Gina Guest");
    await field(guest, "Organization").fill("Gear Works");
    await guest.getByRole("radio", { name: "A business" }).check();
    await guest.getByRole("button", { name: "Check me in" }).click();
    await guest.getByText("Voting as Gina Guest (guest)").waitFor();
    await rate(guest, [
      ["3", "2"],
      ["4", "5"],
    ]);
    await expect.poll(() => count.textContent(), { timeout: 5_000 }).toBe("2");
    // A reload keeps the guest's token: the same ballot, not a second one.
    await guest.reload();
    await guest.getByRole("status").filter({ hasText: "Your vote is counted" }).waitFor();

    // Results stay hidden until the close.
    expect(await convener.getByTestId("results-table").count()).toBe(0);
    await convener.getByRole("button", { name: "Close the vote and show the results" }).click();
    await convener.getByRole("dialog").getByRole("button", { name: "Close the vote" }).click();
    await convener.getByTestId("results-table").waitFor();
    await convener.getByTestId("rating-chart").waitFor();
    await convener.getByText("2 business leaders voted.").waitFor();
    await expectNoSeriousViolations(convener, "the live vote's projector with the results");
    await screenshot(convener, { path: `${shots}/projector-results.png`, fullPage: true });

    await bea.reload();
    await bea.getByText("Voting is closed").waitFor();
    await expectNoSeriousViolations(bea, "the closed live vote on a phone");
    await screenshot(bea, { path: `${shots}/phone-closed.png`, fullPage: true });
  });

  it("marks an action done from the reminder e-mail's link", async () => {
    // Reminders go out from the server's once-a-minute housekeeping.
    const mail = await mailTo(person.email, `Due soon: Call the college ${id}`, 90_000);
    const done = /Done:\n\S+(\/action-link\/[\w-]+\/[\w-]+)\n/.exec(mail)![1]!;
    await bea.goto(done);
    await bea.getByRole("heading", { level: 1, name: "Mark this action done?" }).waitFor();
    await expectNoSidewaysScroll(bea, "the one-tap page on a phone");
    await expectNoSeriousViolations(bea, "the one-tap confirmation page");
    await bea.getByRole("button", { name: "Yes, mark it done" }).click();
    await bea.getByRole("status").filter({ hasText: "Marked done" }).waitFor();
    const after = await apiFromPage<{ status: string }>(convener, "GET", `/actions/${actionId}`);
    expect(after.status).toBe("done");
  }, 120_000);
});
