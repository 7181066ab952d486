import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, field, signOut, signUp } from "./ui.js";

describe.skipIf(!!skipReason)("journey: practitioners talk, and a mention reaches its person", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("starts a discussion, replies with a mention, and the mentioned person is notified", async () => {
    const id = unique();
    const page = await h.newPage();
    const mona = `Mona Mentioned${id.replace(/\d/g, "")}`;
    await signUp(page, { name: mona, email: `mona-${id}@example.org`, password: "correct-horse-battery" });

    // Mona starts a discussion through the page.
    await page.goto("/discussions");
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.getByRole("button", { name: "Start a discussion" }).click();
    await field(page, "Title").fill(`How did you recruit your first champions? ${id}`);
    await page.getByRole("textbox", { name: "Your question or idea" }).fill("We have **three** so far.");
    await page.getByRole("button", { name: "Post" }).click();
    await page.getByRole("heading", { name: `How did you recruit your first champions? ${id}` }).waitFor();
    const threadUrl = page.url();
    await expectNoSeriousViolations(page, "a discussion");
    await signOut(page);

    // Ravi replies and mentions Mona with the autocomplete.
    await signUp(page, {
      name: "Ravi Replier",
      email: `ravi-${id}@example.org`,
      password: "correct-horse-battery",
    });
    await page.goto(new URL(threadUrl).pathname);
    const box = page.getByRole("textbox", { name: "Your reply" });
    await box.fill("Thanks @Mona");
    await page
      .getByRole("listitem")
      .filter({ hasText: `@${mona}` })
      .click();
    await box.pressSequentially("we invited plant managers one by one.");
    await page.getByRole("button", { name: "Reply", exact: true }).click();
    const reply = page.getByRole("article", { name: "Reply by Ravi Replier" });
    await reply.waitFor();
    expect(await reply.textContent()).toContain(`@${mona}`);
    await page.goto("/discussions");
    await page.getByRole("list", { name: "Threads" }).waitFor();
    await expectNoSeriousViolations(page, "the discussions list");
    await signOut(page);

    // Mona sees the notification.
    await page.goto("/signin");
    await field(page, "E-mail").fill(`mona-${id}@example.org`);
    await field(page, "Password").fill("correct-horse-battery");
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await page.getByRole("link", { name: /^Notifications, [1-9]\d* unread$/ }).click();
    await page
      .getByRole("list", { name: "Notifications" })
      .getByText(/Ravi Replier/)
      .first()
      .waitFor();
    const items = await apiFromPage<{ items: { kind: string }[] }>(page, "GET", "/notifications");
    expect(items.items.map((n) => n.kind)).toContain("mention");
  });
});
