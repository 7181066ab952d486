import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import {
  apiFromPage,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  field,
  pick,
  signIn,
  screenshot,
  signUp,
} from "./ui.js";

const phone = { width: 390, height: 844 };
const shots = process.env.MEETINGS_SHOTS ?? "/tmp/meetings-shots";
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!!skipReason)("journey: a meeting invitation answered from the e-mail, on a phone", () => {
  let h: Harness;
  let admin: Page;
  let convener: Page;
  let p: { id: string; slug: string };
  const id = unique();
  const memberEmail = `mia-${id}@example.org`;

  interface OutboxMail {
    to: string;
    subject: string;
    text: string;
    attachments: string[];
  }

  /** The newest mail to `to` whose subject starts with `subject`, read from the admin outbox. */
  async function mailTo(to: string, subject: string): Promise<OutboxMail> {
    let found: OutboxMail | undefined;
    await expect
      .poll(
        async () => {
          const outbox = await apiFromPage<{ items: OutboxMail[] }>(admin, "GET", "/admin/outbox");
          found = outbox.items.find((m) => m.to === to && m.subject.startsWith(subject));
          return !!found;
        },
        { timeout: 5_000, interval: 250 },
      )
      .toBe(true);
    return found!;
  }

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password, "/admin");
    convener = await h.newPage();
    await signUp(convener, {
      name: "Carla Convener",
      email: `carla-rsvp-${id}@example.org`,
      password: "correct-horse-battery",
    });
    p = await apiFromPage<{ id: string; slug: string }>(convener, "POST", "/partnerships", {
      name: `Front Range Welding ${id}`,
      naics: ["31-33"],
      counties: ["08031"],
      setting: "metro",
      stage: "act",
    });
    const acme = await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/organizations`, {
      name: "Acme Welding",
      kind: "business",
    });
    // A business member without an account: the invitation and its links reach her all the same.
    await apiFromPage(convener, "POST", `/partnerships/${p.id}/members`, {
      name: "Mia Member",
      role: "business_member",
      organizationId: acme.id,
      email: memberEmail,
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("the convener plans a meeting; the member taps Yes in the invitation on her phone; the meeting page counts 1 yes", async () => {
    const title = `Welding huddle ${id}`;
    await convener.goto(`/p/${p.slug}/meetings`);
    await convener.getByRole("heading", { level: 1, name: "Meetings" }).waitFor();
    await pick(convener, "Kind", "", "Full partnership");
    await field(convener, "Title").fill(title);
    await convener.getByLabel("Starts").fill(`${inDays(14)}T08:00`);
    await convener.getByLabel("Ends").fill(`${inDays(14)}T09:30`);
    await pick(convener, "Time zone", "Denver", /^Mountain time – Denver/);
    await field(convener, "Place").fill("Acme Welding, Bay 2");
    await convener.getByRole("button", { name: "Plan the meeting" }).click();
    await convener.getByRole("heading", { level: 1, name: title }).waitFor();
    const meetingUrl = convener.url();

    // The calendar invitation, with her own answer links.
    const mail = await mailTo(memberEmail, `Invitation: ${title}`);
    expect(mail.attachments).toEqual(["invite.ics"]);
    const yes = /Yes: \S+?(\/meeting-answer\/[\w-]+\?answer=yes&token=[\w.-]+)\n/.exec(mail.text)![1]!;

    // Opened on a phone, signed in as nobody.
    const phonePage = await h.newPage();
    await phonePage.setViewportSize(phone);
    await phonePage.goto(yes);
    await phonePage.getByRole("heading", { level: 1, name: "Will you come?" }).waitFor();
    await phonePage.getByText(title).waitFor();
    await phonePage.getByText("For Mia Member.", { exact: false }).waitFor();
    expect(await phonePage.getByRole("radio", { name: "Yes, I'll come" }).isChecked()).toBe(true);
    await expectNoSidewaysScroll(phonePage, "the answer page on a phone");
    await screenshot(phonePage, { path: `${shots}/meeting-answer-phone.png`, fullPage: true });
    await expectNoSeriousViolations(phonePage, "the answer page of an invitation");
    await phonePage.getByRole("button", { name: "Send my answer: Yes" }).click();
    await phonePage.getByRole("status").filter({ hasText: "Your answer: Yes" }).waitFor();
    await expectNoSeriousViolations(phonePage, "the answer page after answering");

    // The convener's meeting page, on a phone too: 1 yes, by name.
    await convener.setViewportSize(phone);
    await convener.goto(meetingUrl);
    const rsvp = convener.getByRole("region", { name: "Who's coming" });
    try {
      await rsvp.getByTestId("rsvp-counts").filter({ hasText: "1 yes" }).waitFor();
    } catch (error) {
      // What the page and the API showed, to tell a slow page from a wrong count.
      const meetingId = meetingUrl.split("/").pop() ?? "";
      const api = await apiFromPage<{ rsvp: unknown }>(convener, "GET", `/meetings/${meetingId}`);
      console.error(convener.url(), JSON.stringify(api.rsvp), await convener.locator("main").innerText());
      throw error;
    }
    await rsvp.getByText("Yes: Mia Member").waitFor();
    await expectNoSidewaysScroll(convener, "the meeting page with its answers on a phone");
    await screenshot(convener, { path: `${shots}/meeting-rsvp-phone.png`, fullPage: true });
    await expectNoSeriousViolations(convener, "the meeting page with its answers");

    // The convener answers for herself on the page.
    await rsvp.getByRole("button", { name: "Maybe" }).click();
    await expect
      .poll(() => rsvp.getByRole("button", { name: "Maybe" }).getAttribute("aria-pressed"))
      .toBe("true");
    await rsvp.getByTestId("rsvp-counts").filter({ hasText: "1 maybe" }).waitFor();
  });
});
