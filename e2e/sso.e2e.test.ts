import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startTestOidcProvider,
  type TestOidcProvider,
} from "../src/server/features/auth/test-oidc-provider.js";
import { freePort, startServer, type RunningServer } from "./global-setup.js";
import { demo, skipReason, startHarness, type Harness } from "./harness.js";
import { expectNoSeriousViolations, expectNoSidewaysScroll, field, pick, signIn } from "./ui.js";

const phone = { width: 390, height: 844 };
const PROVIDER = "Northwind Work";

/**
 * Work-account sign-in against a real OpenID provider (`oidc-provider`) started here, with a
 * server of its own configured with it (SSO_PROVIDERS): the other journeys' servers offer none.
 */
describe.skipIf(!!skipReason)("journey: signing in with a work account (OpenID Connect), on a phone", () => {
  let h: Harness;
  let idp: TestOidcProvider;
  let server: RunningServer;
  const contexts: BrowserContext[] = [];

  /** A page of this journey's server, in a browser context of its own. */
  async function newPage(viewport = phone): Promise<Page> {
    const context = await h.browser.newContext({
      baseURL: server.baseUrl,
      viewport,
      reducedMotion: "reduce",
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  /** At the provider's page, picks an account; its page is not ours, so it is not scanned. */
  async function chooseAtProvider(page: Page, name: string) {
    await page.waitForURL(`${idp.issuer}/**`);
    await page.getByRole("heading", { name: "Test identity provider" }).waitFor();
    await page.getByRole("button", { name: `Continue as ${name}` }).click();
  }

  beforeAll(async () => {
    h = await startHarness();
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    idp = await startTestOidcProvider({
      redirectUris: [`${baseUrl}/signin/sso/northwind/callback`],
      accounts: {
        wendy: { email: "wendy@northwind.test", email_verified: true, name: "Wendy Work" },
        uli: { email: "uli@northwind.test", email_verified: false, name: "Uli Unverified" },
      },
    });
    server = await startServer({
      port,
      env: {
        PUBLIC_URL: baseUrl,
        SSO_PROVIDERS: JSON.stringify([idp.providerConfig("northwind", PROVIDER)]),
      },
    });
  }, 180_000);
  afterAll(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await h?.stop();
    await server?.stop();
    await idp?.close();
  });

  it("signs a new person in with the work account and lands on next, signed in, with the account made", async () => {
    const page = await newPage();
    await page.goto(`/signin?next=${encodeURIComponent("/me/account")}`);
    // The e-mail link stays offered first; the work account comes under it.
    await page.getByRole("button", { name: `Sign in with ${PROVIDER}` }).waitFor();
    const buttons = await page.getByRole("button").allTextContents();
    const link = buttons.indexOf("E-mail me a sign-in link");
    const sso = buttons.indexOf(`Sign in with ${PROVIDER}`);
    expect(link).toBeGreaterThanOrEqual(0);
    expect(sso).toBeGreaterThan(link);
    await expectNoSidewaysScroll(page, "the sign-in page with a work-account button on a phone");
    await expectNoSeriousViolations(page, "the sign-in page with a work-account button");

    await page.getByRole("button", { name: `Sign in with ${PROVIDER}` }).click();
    await chooseAtProvider(page, "Wendy Work");
    await page.waitForURL("**/me/account");
    await page.getByRole("heading", { level: 1, name: "Your account" }).waitFor();
    await page.getByText("Signed in as Wendy Work (wendy@northwind.test).").waitFor();
    const section = page.getByRole("region", { name: "Work accounts" });
    await section.getByText("wendy@northwind.test").waitFor();
    await expectNoSidewaysScroll(page, "the account page with a work account on a phone");
    await expectNoSeriousViolations(page, "the account page with a linked work account");
  });

  it("unlinks the work account and links it again from the account page", async () => {
    const page = await newPage();
    await page.goto("/signin");
    await page.getByRole("button", { name: `Sign in with ${PROVIDER}` }).click();
    await chooseAtProvider(page, "Wendy Work");
    await page.waitForURL("**/me");
    await page.goto("/me/account");
    const section = page.getByRole("region", { name: "Work accounts" });
    await section.getByRole("button", { name: `Unlink ${PROVIDER} (wendy@northwind.test)` }).click();
    await section.getByText("No work account is linked yet.").waitFor();

    await section.getByRole("button", { name: `Link ${PROVIDER}` }).click();
    // Linking asks the provider to sign in again, so the person picks the account to link.
    await chooseAtProvider(page, "Wendy Work");
    await page.waitForURL("**/me/account");
    await page.getByText("Your work account is linked.").waitFor();
    await section.getByText("wendy@northwind.test").waitFor();
    await page.getByText("Signed in as Wendy Work (wendy@northwind.test).").waitFor();
  });

  it("refuses an address the provider has not verified, saying why", async () => {
    const page = await newPage();
    await page.goto("/signin");
    await page.getByRole("button", { name: `Sign in with ${PROVIDER}` }).click();
    await chooseAtProvider(page, "Uli Unverified");
    await page.waitForURL("**/signin/sso/northwind/callback?**");
    const refusal = page.getByRole("alert").filter({ hasText: "Could not sign in" });
    await refusal.getByText(/did not say it verified your e-mail address \(uli@northwind\.test\)/).waitFor();
    await expectNoSeriousViolations(page, "the work-account callback page with a refusal");
    // Nothing was made: the address still has no account, and this browser is not signed in.
    expect(await page.evaluate(async () => (await fetch("/api/me")).json())).toBeNull();
  });

  it("lets the admin require the work account for a domain: the e-mail link is then refused and the button shown", async () => {
    const admin = await newPage({ width: 1280, height: 900 });
    await signIn(admin, demo.admin.email, demo.admin.password, "/admin");
    await admin.getByRole("link", { name: /Work-account sign-in/ }).click();
    await admin.getByRole("heading", { level: 1, name: "Work-account sign-in" }).waitFor();
    await field(admin, "E-mail domain").fill("northwind.test");
    await pick(admin, "Provider", "", PROVIDER);
    await admin.getByRole("button", { name: "Require it" }).click();
    const listed = admin.getByRole("region", { name: "Domains that require it" });
    await listed.getByText(`signs in with ${PROVIDER}`).waitFor();
    await expectNoSeriousViolations(admin, "the admin's work-account sign-in page");

    const page = await newPage();
    await page.goto("/signin");
    await field(page, "E-mail").fill("someone@northwind.test");
    await page
      .getByRole("status")
      .filter({ hasText: `Your organization signs in with ${PROVIDER}` })
      .waitFor();
    await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
    await page
      .getByRole("alert")
      .filter({
        hasText: `Your organization signs in with ${PROVIDER}: use the "Sign in with ${PROVIDER}" button.`,
      })
      .waitFor();
    await expectNoSidewaysScroll(page, "the sign-in page of a domain that requires the work account");
    await expectNoSeriousViolations(page, "the sign-in page of a domain that requires the work account");

    // The required provider's work account stays linked.
    await page.getByRole("button", { name: `Sign in with ${PROVIDER}` }).click();
    await chooseAtProvider(page, "Wendy Work");
    await page.waitForURL("**/me");
    await page.goto("/me/account");
    const section = page.getByRole("region", { name: "Work accounts" });
    await section.getByText("Required by your organization").waitFor();
    expect(await section.getByRole("button", { name: /^Unlink/ }).count()).toBe(0);

    await listed
      .getByRole("button", { name: "Remove northwind.test: stop requiring work-account sign-in" })
      .click();
    await listed.getByText("None yet").waitFor();
  });
});
