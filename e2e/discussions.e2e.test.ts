import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, unique, type Harness } from "./harness.js";
import {
  apiFromPage,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  field,
  signOut,
  signUp,
} from "./ui.js";

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
  it("on a phone, a long thread comes 50 replies a page, and a reply lands on the last page", async () => {
    const id = unique();
    const page = await h.newPage();
    await signUp(page, {
      name: "Lena Longthread",
      email: `lena-${id}@example.org`,
      password: "correct-horse-battery",
    });
    const thread = await apiFromPage<{ id: string }>(page, "POST", "/discussions", {
      title: `Our apprenticeship year, week by week ${id}`,
      category: "launching",
      body: "One reply a week.",
    });
    for (let week = 1; week <= 60; week++) {
      await apiFromPage(page, "POST", `/discussions/${thread.id}/replies`, {
        body: `Week ${week}: on track.`,
      });
    }
    await signOut(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await signUp(page, {
      name: "Omar Reader",
      email: `omar-${id}@example.org`,
      password: "correct-horse-battery",
    });
    await page.goto(`/discussions/${thread.id}`);
    const replies = page.getByRole("region", { name: "Replies" });
    await replies.getByText("Replies 1–50 of 60").first().waitFor();
    expect(await replies.getByRole("article").count()).toBe(50);
    await expectNoSeriousViolations(page, "a long thread's first page");
    await expectNoSidewaysScroll(page, "a long thread at 390 px");

    await replies.getByRole("button", { name: "Replies page 2" }).first().click();
    await replies.getByText("Replies 51–60 of 60").first().waitFor();
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    expect(await replies.getByRole("article").count()).toBe(10);
    await replies.getByRole("article").first().getByText("Week 51: on track.").waitFor();

    // Back to the first page, then a reply: it is the 61st, on the second page, shown at once.
    await replies.getByRole("button", { name: "Replies page 1" }).first().click();
    await replies.getByText("Replies 1–50 of 60").first().waitFor();
    await page.getByRole("textbox", { name: "Your reply" }).fill("Week 61 from me: we joined.");
    await page.getByRole("button", { name: "Reply", exact: true }).click();
    await replies.getByText("Replies 51–61 of 61").first().waitFor();
    await page
      .getByRole("article", { name: "Reply by Omar Reader" })
      .getByText("Week 61 from me: we joined.")
      .waitFor();
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
  });
});
