import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, signIn, signOut, signUp } from "./ui.js";

const REPLIES = "E-mail me when someone replies in a discussion I follow";

describe.skipIf(!!skipReason)(
  "journey: a practitioner chooses their e-mail and unsubscribes from one",
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.stop();
    });

    const repliesSwitch = (page: Page) => page.getByRole("switch", { name: REPLIES });

    it("switches reply e-mails off and on in settings, then off from a reply e-mail's link after confirming", async () => {
      const id = unique();
      const email = `una-${id}@example.org`;
      const password = "correct-horse-battery";
      const page = await h.newPage();
      await signUp(page, { name: "Una Unsubscriber", email, password });

      await page.goto("/me/settings");
      await page.getByRole("heading", { name: "E-mail settings", level: 1 }).waitFor();
      await page.getByRole("radio", { name: /^Weekly/ }).waitFor();
      expect(await page.getByRole("radio", { name: /^Weekly/ }).isChecked()).toBe(true);
      expect(await repliesSwitch(page).isChecked()).toBe(true);
      await expectNoSeriousViolations(page, "the e-mail settings");

      await repliesSwitch(page).click({ force: true });
      await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      await page.reload();
      await repliesSwitch(page).waitFor();
      expect(await repliesSwitch(page).isChecked()).toBe(false);
      expect(await page.getByRole("switch", { name: /mentions me/ }).isChecked()).toBe(true);
      expect(await apiFromPage(page, "GET", "/me/preferences")).toEqual({
        digest: "weekly",
        mentions: true,
        replies: false,
        eventReminders: true,
        votes: true,
      });

      // On again, so that a reply e-mail is written and its link can turn it off.
      await repliesSwitch(page).click({ force: true });
      await page.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      const thread = await apiFromPage<{ id: string }>(page, "POST", "/discussions", {
        title: `Who hosts your meetings? ${id}`,
        category: "business_engagement",
        body: "We rotate between plants.",
      });
      await signOut(page);

      await signIn(page, demo.admin.email, demo.admin.password);
      await apiFromPage(page, "POST", `/discussions/${thread.id}/replies`, { body: "We do too." });
      await page.goto("/admin/outbox");
      const mail = page.getByTestId("outbox-item").filter({ hasText: email });
      await mail.first().waitFor();
      const href = await mail
        .first()
        .locator("a[href*='/unsubscribe?token=replies.']")
        .first()
        .getAttribute("href");
      expect(href).toBeTruthy();
      await signOut(page);

      const link = new URL(href ?? "", h.baseUrl);
      await page.goto(`${link.pathname}${link.search}`);
      // Opening the link asks first and changes nothing (mail scanners open links too).
      await page
        .getByRole("heading", { name: "Stop e-mails about replies in discussions you follow?", level: 1 })
        .waitFor();
      await page.getByText("This link is for Una Unsubscriber.").waitFor();
      await expectNoSeriousViolations(page, "the unsubscribe question");
      const token = link.searchParams.get("token") ?? "";
      const check = `/unsubscribe?token=${encodeURIComponent(token)}`;
      expect(await apiFromPage(page, "GET", check)).toEqual({
        list: "replies",
        name: "Una Unsubscriber",
        on: true,
      });

      await page.getByRole("button", { name: "Yes, stop these e-mails" }).click();
      await page.getByRole("heading", { name: "You are unsubscribed" }).waitFor();
      await page.getByText("You will get no more e-mails about replies in discussions you follow.").waitFor();
      expect(await apiFromPage(page, "GET", check)).toEqual({
        list: "replies",
        name: "Una Unsubscriber",
        on: false,
      });
      await expectNoSeriousViolations(page, "the unsubscribe page");
      await page.getByRole("link", { name: "e-mail settings" }).click();
      await page.waitForURL("**/me/settings");

      await signIn(page, email, password, "/me/settings");
      await repliesSwitch(page).waitFor();
      expect(await repliesSwitch(page).isChecked()).toBe(false);
      expect(await page.getByRole("switch", { name: /mentions me/ }).isChecked()).toBe(true);
      expect(await page.getByRole("radio", { name: /^Weekly/ }).isChecked()).toBe(true);
    });
  },
);
