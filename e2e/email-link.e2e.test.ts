import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import {
  apiFromPage,
  createAccount,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  field,
  signIn,
  signUpLinkFor,
} from "./ui.js";

const phone = { width: 390, height: 844 };

describe.skipIf(!!skipReason)("journey: a business leader signs in by a link, on a phone", () => {
  let h: Harness;
  let admin: Page;
  const person = {
    name: "Dana Dairy",
    email: `dana-${unique()}@example.org`,
    password: "milk-churn-barn-gate",
  };

  /** The newest sign-in link mailed to the person, read from the admin outbox. */
  async function newestLink(): Promise<string> {
    const outbox = await apiFromPage<{ items: { to: string; subject: string; text: string }[] }>(
      admin,
      "GET",
      "/admin/outbox",
    );
    const mail = outbox.items.find((m) => m.to === person.email && m.subject.includes("sign-in link"));
    expect(mail?.text).toContain("Chrome");
    return /\/signin\/link\/[\w-]+/.exec(mail!.text)![0];
  }

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password, "/admin");
    // Signed up in a browser of its own: signing up signs that browser in.
    const elsewhere = await h.newPage();
    await createAccount(elsewhere, person);
    await elsewhere.context().close();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("asks for a link, opens it in the same browser and lands where they were going; another browser must confirm", async () => {
    const page = await h.newPage();
    await page.setViewportSize(phone);
    await page.goto(`/signin?next=${encodeURIComponent("/me/account")}`);
    await field(page, "E-mail").fill(person.email);
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    const sent = page.getByRole("status").filter({ hasText: "Check your e-mail" });
    await sent.getByText(`If an account uses ${person.email}, a sign-in link is on its way`).waitFor();
    await expectNoSidewaysScroll(page, "the sign-in page on a phone");
    await expectNoSeriousViolations(page, "the sign-in page with the link sent");

    const first = await newestLink();
    await page.goto(first);
    await page.getByText(`This link signs in ${person.email}, once.`).waitFor();
    expect(await page.getByText("Asked for in another browser").count()).toBe(0);
    await expectNoSeriousViolations(page, "the sign-in link page");
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await page.waitForURL("**/me/account");
    await page.getByRole("heading", { level: 1, name: /account/i }).waitFor();

    // The same link again: refused, with the way to a new one.
    await page.goto(first);
    await page.getByRole("alert").filter({ hasText: "This link no longer works" }).waitFor();

    // A link asked for here but opened in another browser says where it was asked from.
    await page.context().clearCookies();
    await page.goto("/signin");
    await field(page, "E-mail").fill(person.email);
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    await sent.waitFor();
    const link = await newestLink();
    const other = await h.newPage();
    await other.setViewportSize(phone);
    await other.goto(link);
    await other.getByText("Asked for in another browser").waitFor();
    await other.getByText(/The link was asked for from .*Chrome/).waitFor();
    await expectNoSeriousViolations(other, "the sign-in link page in another browser");
    await other.getByRole("button", { name: "Sign in" }).last().click();
    await other.waitForURL("**/me");
    const me = await apiFromPage<{ email: string }>(other, "GET", "/me");
    expect(me.email).toBe(person.email);
  });

  it("signs up with a name and an address, no password; an address already in use gets the same answer", async () => {
    const page = await h.newPage();
    await page.setViewportSize(phone);
    const newcomer = { name: "Rae Rancher", email: `rae-${unique()}@example.org` };
    await page.goto(`/signup?next=${encodeURIComponent("/resources")}`);
    await expect.poll(() => page.getByRole("textbox", { name: "Password" }).count()).toBe(0);
    await field(page, "Your name").fill(newcomer.name);
    await field(page, "E-mail").fill(newcomer.email);
    await page.getByRole("button", { name: "E-mail me a link to create my account" }).click();
    const sent = page.getByRole("status").filter({ hasText: "Check your e-mail" });
    await sent.getByText(`We e-mailed a link to ${newcomer.email}`).waitFor();
    const answerForNew = (await sent.textContent())!.replace(newcomer.email, "X");
    await expectNoSidewaysScroll(page, "the sign-up page on a phone");
    await expectNoSeriousViolations(page, "the sign-up page with the link sent");

    // Someone types the address of an existing account: the page says exactly the same.
    const prober = await h.newPage();
    await prober.setViewportSize(phone);
    await prober.goto("/signup");
    await field(prober, "Your name").fill("Not Dana");
    await field(prober, "E-mail").fill(person.email);
    await prober.getByRole("button", { name: "E-mail me a link to create my account" }).click();
    const proberSent = prober.getByRole("status").filter({ hasText: "Check your e-mail" });
    await proberSent.getByText(`We e-mailed a link to ${person.email}`).waitFor();
    expect((await proberSent.textContent())!.replace(person.email, "X")).toBe(answerForNew);
    await prober.context().close();

    // The link, opened in the same browser: the account is made with one tap, no password.
    await page.goto(await signUpLinkFor(page, newcomer.email));
    await page.getByText(`This makes the Shared Table account of ${newcomer.email}`).waitFor();
    expect(await page.getByText("Asked for in another browser").count()).toBe(0);
    expect(await field(page, "Your name").inputValue()).toBe(newcomer.name);
    await expectNoSidewaysScroll(page, "the sign-up link page on a phone");
    await expectNoSeriousViolations(page, "the sign-up link page");
    await page.getByRole("button", { name: "Create my account" }).click();
    await page.waitForURL("**/resources");
    const me = await apiFromPage<{ email: string; hasPassword: boolean }>(page, "GET", "/me");
    expect(me).toMatchObject({ email: newcomer.email, hasPassword: false });

    // Used once: the link now says so.
    await page.goto(await signUpLinkFor(page, newcomer.email));
    await page.getByRole("alert").filter({ hasText: "This link no longer works" }).waitFor();
  });
});
