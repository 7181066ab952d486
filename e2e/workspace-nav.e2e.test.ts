import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, signIn, signUp } from "./ui.js";

interface Me {
  name: string;
  partnerships: { slug: string; name: string; role: string }[];
}

const phone = { width: 390, height: 844 };

/** The names of the links (or menu items) of a navigation, in order, once the first is shown. */
async function names(items: Locator): Promise<string[]> {
  await items.first().waitFor();
  return (await items.allTextContents()).map((t) => t.trim());
}

/** The workspace navigation's entry marked as the current page (exactly one). */
async function current(nav: Locator): Promise<string> {
  const marked = nav.locator('[aria-current="page"]');
  expect(await marked.count()).toBe(1);
  return ((await marked.textContent()) ?? "").trim();
}

async function expectNoHorizontalOverflow(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

/** Two boxes overlap when neither lies wholly beside, above or below the other. */
function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe.skipIf(!!skipReason)("journey: one workspace navigation on every workspace page", () => {
  let h: Harness;
  let slug: string;
  let partnershipName: string;

  beforeAll(async () => {
    h = await startHarness();
    const page = await h.newPage();
    await signIn(page, demo.convener.email, demo.convener.password);
    const me = await apiFromPage<Me>(page, "GET", "/me");
    const convened = me.partnerships.find((p) => p.role === "convener");
    if (!convened) throw new Error("the demo convener convenes no partnership");
    slug = convened.slug;
    partnershipName = convened.name;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("takes the demo convener through the workspace, marking where they are", async () => {
    const page = await h.newPage();
    await signIn(page, demo.convener.email, demo.convener.password, `/p/${slug}`);
    await page.getByRole("heading", { level: 1, name: partnershipName }).waitFor();
    const nav = page.getByRole("navigation", { name: "Workspace" });
    await nav.getByRole("link", { name: "Overview" }).waitFor();
    expect(await names(nav.getByRole("link"))).toEqual([
      "Overview",
      "Members",
      "Agenda",
      "Meetings",
      "Impact",
      "Self-assessment",
      "Activity",
      "Settings",
    ]);
    expect(await current(nav)).toBe("Overview");
    // The profile's old wrap of outlined buttons is gone: the nav is the way around.
    expect(
      await page
        .getByRole("main")
        .locator(`a[href="/p/${slug}/health"]`)
        .evaluateAll((as) => as.map((a) => a.outerHTML)),
    ).toEqual([]);
    await expectNoSeriousViolations(page, "the workspace overview");

    const walk: [link: string, heading: string, path: string][] = [
      ["Members", "Members", "members"],
      ["Agenda", "Agenda", "agenda"],
      ["Meetings", "Meetings", "meetings"],
      ["Impact", "Impact", "impact"],
      ["Self-assessment", "Self-assessment", "assessment"],
      ["Activity", "Activity", "activity"],
      ["Settings", "Edit profile", "edit"],
    ];
    for (const [link, heading, path] of walk) {
      await nav.getByRole("link", { name: link, exact: true }).click();
      await page.waitForURL(`**/p/${slug}/${path}`);
      await page.getByRole("heading", { level: 1, name: heading, exact: true }).waitFor();
      expect(await current(nav)).toBe(link);
      // The frame names the partnership and leads back to its overview.
      expect(await page.getByRole("link", { name: partnershipName, exact: true }).getAttribute("href")).toBe(
        `/p/${slug}`,
      );
      if (path === "members")
        await expectNoSeriousViolations(page, "the members page under the workspace nav");
      if (path === "assessment") {
        // A round's results belong to the partnership's self-assessment: same frame, same place.
        await page
          .getByRole("link", { name: /^Results of / })
          .first()
          .click();
        await page.waitForURL(/\/assessments\/[0-9a-f-]+\/results$/);
        await page.getByRole("heading", { level: 1, name: /^Results: / }).waitFor();
        await nav.getByRole("link", { name: "Overview" }).waitFor();
        expect(await current(nav)).toBe("Self-assessment");
        await page.goBack();
        await page.getByRole("heading", { level: 1, name: "Self-assessment", exact: true }).waitFor();
      }
    }
    // The workspace pages outside meetings no longer carry a "← partnership" link.
    await nav.getByRole("link", { name: "Members", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();
    expect(await page.getByRole("link", { name: `← ${partnershipName}` }).count()).toBe(0);

    // The rest of the workspace waits under "More", which names the page when it is one of them.
    await nav.getByRole("button", { name: "More" }).click();
    const more = page.getByRole("menu");
    expect(await names(more.getByRole("menuitem"))).toEqual([
      "Stage checklist",
      "Health",
      "Partnerships like ours",
      "Benchmarking profile",
    ]);
    await more.getByRole("menuitem", { name: "Health" }).click();
    await page.waitForURL(`**/p/${slug}/health`);
    await page.getByRole("heading", { level: 1, name: "Health" }).waitFor();
    await nav.getByRole("button", { name: "Health" }).click();
    expect(await page.getByRole("menuitem", { name: "Health" }).getAttribute("aria-current")).toBe("page");
    await page.keyboard.press("Escape");

    // Overview leads back, and the browser's history follows the nav.
    await nav.getByRole("link", { name: "Overview" }).click();
    await page.getByRole("heading", { level: 1, name: partnershipName }).waitFor();
    expect(await current(nav)).toBe("Overview");
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: "Health" }).waitFor();
  });

  it("collapses to one menu on a 390 px phone, without sideways scrolling", async () => {
    const page = await h.newPage();
    await page.setViewportSize(phone);
    await signIn(page, demo.convener.email, demo.convener.password, `/p/${slug}`);
    await page.getByRole("heading", { level: 1, name: partnershipName }).waitFor();
    const nav = page.getByRole("navigation", { name: "Workspace" });
    const button = nav.getByRole("button", { name: "Workspace: Overview" });
    await button.waitFor();
    // The tabs are not shown on a phone: only the menu button.
    expect(await nav.getByRole("link").count()).toBe(0);
    await expectNoHorizontalOverflow(page, phone.width);
    await expectNoSeriousViolations(page, "the workspace overview at 390 px");

    await button.click();
    const menu = page.getByRole("menu");
    expect(await names(menu.getByRole("menuitem"))).toEqual([
      "Overview",
      "Members",
      "Agenda",
      "Meetings",
      "Impact",
      "Self-assessment",
      "Activity",
      "Settings",
      "Stage checklist",
      "Health",
      "Partnerships like ours",
      "Benchmarking profile",
    ]);
    expect(await menu.getByRole("menuitem", { name: "Overview" }).getAttribute("aria-current")).toBe("page");
    await menu.getByRole("menuitem", { name: "Meetings" }).click();
    await page.waitForURL(`**/p/${slug}/meetings`);
    await page.getByRole("heading", { level: 1, name: "Meetings" }).waitFor();
    await nav.getByRole("button", { name: "Workspace: Meetings" }).waitFor();
    await expectNoHorizontalOverflow(page, phone.width);

    await nav.getByRole("button", { name: "Workspace: Meetings" }).click();
    await page.getByRole("menuitem", { name: "Members" }).click();
    await page.getByRole("heading", { level: 1, name: "Members" }).waitFor();
    await nav.getByRole("button", { name: "Workspace: Members" }).waitFor();
    await expectNoHorizontalOverflow(page, phone.width);
    await expectNoSeriousViolations(page, "the members page at 390 px");
  });

  it("shows a visitor, and a signed-in stranger, only the public parts of a workspace", async () => {
    const visitor = await h.newPage();
    await visitor.goto(`/p/${slug}`);
    await visitor.getByRole("heading", { level: 1, name: partnershipName }).waitFor();
    const nav = visitor.getByRole("navigation", { name: "Workspace" });
    await nav.getByRole("link", { name: "Overview" }).waitFor();
    const publicSections = ["Overview", "Impact", "Partnerships like ours"];
    expect(await names(nav.getByRole("link"))).toEqual(publicSections);
    expect(await nav.getByRole("button").count()).toBe(0);
    await expectNoSeriousViolations(visitor, "the workspace overview for a visitor");

    await nav.getByRole("link", { name: "Impact" }).click();
    await visitor.getByRole("heading", { level: 1, name: "Impact" }).waitFor();
    expect(await current(nav)).toBe("Impact");
    // A members-only page typed in by hand keeps the frame and asks to sign in.
    await visitor.goto(`/p/${slug}/members`);
    await visitor.getByRole("heading", { level: 1, name: `Members of ${partnershipName}` }).waitFor();
    expect(await names(nav.getByRole("link"))).toEqual(publicSections);

    const stranger = await h.newPage();
    await signUp(stranger, {
      name: "Sol Stranger",
      email: `sol-${unique()}@example.org`,
      password: "correct-horse-battery",
    });
    await stranger.goto(`/p/${slug}`);
    const strangerNav = stranger.getByRole("navigation", { name: "Workspace" });
    await strangerNav.getByRole("link", { name: "Overview" }).waitFor();
    expect(await names(strangerNav.getByRole("link"))).toEqual(publicSections);
  });

  it("opens the signed-in home on the person's dashboard, and the visitor's on the hero", async () => {
    const visitor = await h.newPage();
    await visitor.goto("/");
    const hero = visitor.getByRole("heading", { level: 1, name: /^Businesses of one industry/ });
    await hero.waitFor();
    expect(await visitor.getByRole("heading", { name: "What is due" }).count()).toBe(0);

    const page = await h.newPage();
    await signIn(page, demo.convener.email, demo.convener.password, "/");
    const welcome = page.getByRole("heading", { level: 1, name: "Welcome back, Maria" });
    await welcome.waitFor();
    await page.getByRole("heading", { level: 2, name: "What is due" }).waitFor();
    const mine = page.getByRole("region", { name: "Your partnerships" });
    await mine.getByRole("link", { name: partnershipName }).waitFor();
    expect(await page.getByRole("heading", { name: /^Businesses of one industry/ }).count()).toBe(0);
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
    // The dashboard comes first: its heading is above the community's numbers.
    const welcomeBox = await welcome.boundingBox();
    const numbersBox = await page.getByRole("heading", { name: "The community today" }).boundingBox();
    expect(welcomeBox!.y).toBeLessThan(numbersBox!.y);
    await expectNoSeriousViolations(page, "the signed-in dashboard");
  });

  it("shows toasts below the header, on a laptop and on a phone", async () => {
    for (const viewport of [{ width: 1280, height: 900 }, phone]) {
      const page = await h.newPage();
      await page.setViewportSize(viewport);
      await signIn(page, demo.convener.email, demo.convener.password, "/");
      await page.getByRole("heading", { level: 1, name: "Welcome back, Maria" }).waitFor();
      // Signing out says so in a toast: from the account menu, in the drawer on a phone.
      if (viewport.width < 576) await page.getByRole("button", { name: "Open navigation" }).click();
      await page.getByRole("button", { name: /^Account menu for / }).click();
      await page.getByRole("menuitem", { name: "Sign out" }).click();
      const toast = page.getByText("You are signed out.");
      await toast.waitFor();
      // A toast slides in: measure where it comes to rest.
      await page.evaluate(() =>
        Promise.all(
          document
            .getAnimations()
            .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
            .map((a) => a.finished.catch(() => undefined)),
        ),
      );
      const toastBox = await page.locator(".mantine-Notification-root").first().boundingBox();
      const headerBox = await page.locator("header.app-header").boundingBox();
      expect(toastBox).not.toBeNull();
      expect(headerBox).not.toBeNull();
      expect(overlaps(toastBox!, headerBox!)).toBe(false);
      expect(toastBox!.x + toastBox!.width).toBeLessThanOrEqual(viewport.width);
    }
  });

  it("loads a visitor's pages without a failed request or a console error", async () => {
    const paths = [
      "/",
      "/partnerships",
      `/p/${slug}`,
      `/p/${slug}/impact`,
      `/p/${slug}/peers`,
      "/events",
      "/resources",
      "/results",
      // Members only: it asks a visitor to sign in, and asks the server nothing that would fail.
      "/discussions",
    ];
    // One page for the walk: each path is a full page load, as when a link is opened from elsewhere.
    const page = await h.newPage();
    let failed: string[] = [];
    let errors: string[] = [];
    let inFlight = 0;
    page.on("request", () => inFlight++);
    page.on("requestfinished", () => inFlight--);
    page.on("requestfailed", (req) => {
      inFlight--;
      // A request the page itself cancels (a query left behind) is not a failure.
      const reason = req.failure()?.errorText ?? "failed";
      if (!reason.includes("ERR_ABORTED")) failed.push(`${reason} ${req.url()}`);
    });
    page.on("response", (res) => {
      if (res.status() >= 400) failed.push(`${res.status()} ${res.request().method()} ${res.url()}`);
    });
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    for (const path of paths) {
      failed = [];
      errors = [];
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).first().waitFor();
      // Every request the page starts, including those that follow an answer (the map after the
      // numbers), has ended: none in flight at three checks in a row.
      let quiet = 0;
      await expect
        .poll(() => (quiet = inFlight === 0 ? quiet + 1 : 0), { interval: 200, timeout: 20_000 })
        .toBeGreaterThanOrEqual(3);
      expect({ path, failed, errors }).toEqual({ path, failed: [], errors: [] });
    }
  }, 120_000);
});
