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
    const monaId = (await apiFromPage<{ id: string }>(page, "GET", "/me")).id;

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

    // He starts a discussion of his own that mentions her: the suggestions work in a new thread too.
    await page.goto("/discussions");
    await page.getByRole("button", { name: "Start a discussion" }).click();
    await field(page, "Title").fill(`Champions who stayed ${id}`);
    const body = page.getByRole("textbox", { name: "Your question or idea" });
    await body.pressSequentially("Picking up from @Mona Ment");
    const suggestions = page.getByRole("list", { name: "People to mention" });
    await suggestions.getByRole("button", { name: `@${mona}` }).click();
    // The caret stays in the box, after the mention: typing simply goes on.
    expect(await body.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("on champions: who stayed past the first year?");
    const mention = `@[${mona}](user:${monaId})`;
    expect(await body.inputValue()).toBe(
      `Picking up from ${mention} on champions: who stayed past the first year?`,
    );
    await expect.poll(() => suggestions.count()).toBe(0);
    await expectNoSeriousViolations(page, "a new discussion with a mention");
    await page.getByRole("button", { name: "Post" }).click();
    await page.getByRole("heading", { name: `Champions who stayed ${id}` }).waitFor();
    const started = page.url().split("/").pop() ?? "";
    await page.getByText(`Picking up from @${mona} on champions: who stayed past the first year?`).waitFor();
    const saved = await apiFromPage<{ body: string }>(page, "GET", `/discussions/${started}`);
    expect(saved.body).toBe(`Picking up from ${mention} on champions: who stayed past the first year?`);

    // And replies to Mona's thread, mentioning her in the middle of what he wrote.
    await page.goto(new URL(threadUrl).pathname);
    const box = page.getByRole("textbox", { name: "Your reply" });
    await box.fill("Thanks  for asking.");
    // The caret after "Thanks ": a mention typed in the middle keeps the words after it.
    await box.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(7, 7));
    await page.keyboard.type("@Mona");
    await page
      .getByRole("list", { name: "People to mention" })
      .getByRole("button", { name: `@${mona}` })
      .click();
    await page.keyboard.type("we invited plant managers one by one ");
    expect(await box.inputValue()).toBe(`Thanks ${mention} we invited plant managers one by one for asking.`);
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
    // One for the new discussion, one for the reply.
    expect(items.items.filter((n) => n.kind === "mention")).toHaveLength(2);
  });
});
