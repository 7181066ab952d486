import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, type Harness } from "./harness.js";
import { expectNoSeriousViolations, signIn, signOut, screenshot } from "./ui.js";

const shots = "/tmp/hub-events";

describe.skipIf(!!skipReason)("journey: a member registers for a community event", () => {
  let h: Harness;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("lists events, registers from the event page, and the confirmation reaches the outbox with its .ics", async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, demo.convener.email, demo.convener.password);

    await page.getByRole("link", { name: "Events", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
    const card = page
      .getByRole("listitem")
      .filter({ hasText: "Training: facilitating a business-led launch" });
    await card.getByText(/places left/).waitFor();
    await expectNoSeriousViolations(page, "the events page");
    await screenshot(page, { path: `${shots}/events.png`, fullPage: true });

    await card.getByRole("link", { name: "Training: facilitating a business-led launch" }).click();
    await page
      .getByRole("heading", { level: 1, name: "Training: facilitating a business-led launch" })
      .waitFor();
    await page
      .getByText(/(EST|EDT)$/)
      .first()
      .waitFor();
    await expectNoSeriousViolations(page, "an event page");
    await page.getByRole("button", { name: "Register" }).click();
    await page.getByText("You're registered", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Cancel registration" }).waitFor();
    await page.getByText(/^Join online:/).waitFor();
    await screenshot(page, { path: `${shots}/event-registered.png`, fullPage: true });

    // A full event offers the waitlist instead.
    await page.goto("/events/peer-exchange-health-care-partnerships");
    await page.getByText("Full: waitlist open").waitFor();
    await page.getByRole("button", { name: "Join the waitlist" }).click();
    await page.getByText(/You are number 4 on the waitlist/).waitFor();
    await screenshot(page, { path: `${shots}/event-waitlisted.png`, fullPage: true });

    await signOut(page);
    await signIn(page, demo.admin.email, demo.admin.password, "/admin/outbox");
    const mail = page.getByTestId("outbox-item").filter({
      hasText: "You're registered: Training: facilitating a business-led launch",
    });
    await mail.first().waitFor();
    expect(await mail.first().textContent()).toContain(demo.convener.email);
    const answer = await page.evaluate(async () => {
      const res = await fetch("/api/admin/outbox");
      return (await res.json()) as { items: { subject: string; attachments: string[] }[] };
    });
    const confirmation = answer.items.find((m) => m.subject.startsWith("You're registered: Training"));
    expect(confirmation?.attachments).toEqual(["training-facilitating-a-business-led-launch.ics"]);

    // Past events keep their recordings and materials.
    await page.goto("/events");
    await page
      .locator("label")
      .filter({ hasText: /^Past$/ })
      .click();
    await page.getByText("Recording available").first().waitFor();
    await page.getByRole("link", { name: "Launch meetings that business leaders want to attend" }).click();
    await page.getByRole("link", { name: "Watch the recording" }).waitFor();
    await page.getByRole("link", { name: "Slides (PDF)" }).waitFor();
    await expectNoSeriousViolations(page, "a past event page");
    await screenshot(page, { path: `${shots}/event-past.png`, fullPage: true });

    // The admin edits it from the event page.
    await page.getByRole("link", { name: "Edit event" }).click();
    await page.getByRole("heading", { level: 1, name: /^Edit: Launch meetings/ }).waitFor();
    expect(await page.getByLabel("Recording").inputValue()).toMatch(/^https:\/\/video\.example\.org\//);
    await expectNoSeriousViolations(page, "the event editor");
    await screenshot(page, { path: `${shots}/event-edit.png`, fullPage: true });
  });
});
