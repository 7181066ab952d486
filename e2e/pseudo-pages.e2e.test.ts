/*
 * Every main page, and the dialogs people open most, rendered in the pseudo-language (en-XA:
 * every letter of the app's own words accented and each message wrapped in ⟦ ⟧). A text node,
 * aria-label, placeholder, title or alt with plain English letters that is not the community's
 * data (a string the API sent) is a word that skipped the catalogs; a page wider than the screen
 * is a layout the longer words broke. The same pages in Spanish pass axe with lang="es".
 */
import type { Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Me } from "../src/core/auth.js";
import { usStates } from "../src/core/geography.js";
import { demo, skipReason, startHarness, type Harness, type StorageState } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, expectNoSidewaysScroll, signIn } from "./ui.js";
import { pseudoText } from "../src/core/i18n/pseudo.js";

/** A whole message of the app in the pseudo-language, as a page shows it. */
const pseudo = (english: string) => `⟦${pseudoText(english)}⟧`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Two dozen pages take a few seconds each under a loaded CI: more than the one-minute default. */
const MANY_PAGES = 180_000;

/** Every string in the JSON answers the page received: the community's data, in its own words. */
function recordData(page: Page): Set<string> {
  const strings = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.trim()) strings.add(value.trim());
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  // Place names are proper nouns, the same in every language the app speaks.
  for (const state of usStates) strings.add(state.name);
  page.on("response", (response: Response) => {
    if (!response.url().includes("/api/")) return;
    if (!(response.headers()["content-type"] ?? "").includes("json")) return;
    response.json().then(walk, () => undefined);
  });
  return strings;
}

/**
 * The words on the page that are neither the app's (pseudo-localized) nor the community's data.
 * A message split by tags (a link inside a sentence) leaves pieces with an open ⟦ or a close ⟧.
 */
async function untranslated(page: Page, data: Set<string>, selector = "body"): Promise<string[]> {
  return page.evaluate(
    ({ selector, data }) => {
      const known = data.join("\u0000");
      const own = (text: string) => {
        const rest = text
          .replace(/⟦[^⟧]*(⟧|$)/g, " ")
          .replace(/^[^⟦]*⟧/, " ")
          .trim();
        if (!/[A-Za-z]/.test(rest)) return true;
        // An address shown as it is (a calendar feed's, a link's placeholder).
        if (/^https?:\/\/\S*$/.test(rest)) return true;
        // The community's data, whole or a piece of it (a name, a truncated description).
        if (known.includes(rest)) return true;
        // Addresses, codes and abbreviations that no language translates.
        return rest
          .split(/[\s,;:()/·–—-]+/)
          .filter(Boolean)
          .every(
            (word) =>
              !/[A-Za-z]/.test(word) ||
              /^[A-Z]{2,5}\d*$/.test(word) ||
              /^https?:|@|\.(org|com|gov|edu|ics|csv|pdf)$/.test(word) ||
              known.includes(word),
          );
      };
      const found: string[] = [];
      for (const root of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          // Style sheets are no text; text marked as another language's (a language's own name)
          // or as not to translate (the brand) is meant as it is.
          if (!parent || parent.closest('style, script, noscript, [translate="no"], [lang]:not(html)'))
            continue;
          // Hidden text nobody reads or hears (a closed menu's items are not in the page).
          if (parent.closest("[hidden]") || !parent.getClientRects().length) continue;
          const text = node.textContent ?? "";
          if (!own(text)) found.push(text.trim());
        }
        for (const el of root.querySelectorAll("[aria-label], [placeholder], [title], img[alt]")) {
          // Not for readers: hidden from them, or a helper element (a textarea's autosize twin).
          if (el.closest('[translate="no"], [aria-hidden="true"], [lang]:not(html)')) continue;
          for (const name of ["aria-label", "placeholder", "title", "alt"]) {
            const value = el.getAttribute(name);
            if (value && !own(value)) found.push(`${name}: ${value}`);
          }
        }
      }
      return [...new Set(found)];
    },
    { selector, data: [...data] },
  );
}

/** Opens a page and waits until it has its heading and nothing is loading. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator("main h1, [role=main] h1").first().waitFor();
  await expect
    .poll(() => page.locator('[aria-busy="true"], .mantine-Skeleton-root, .mantine-Loader-root').count(), {
      timeout: 15_000,
    })
    .toBe(0);
  // Answers that arrived with the last render are read before the check.
  await page.waitForTimeout(250);
}

async function inPseudo(h: Harness, storageState?: StorageState): Promise<{ page: Page; data: Set<string> }> {
  const page = await h.newPage(storageState ? { storageState } : {});
  await page.context().addCookies([{ name: "st_lang", value: "en-XA", url: h.baseUrl }]);
  return { page, data: recordData(page) };
}

/** The page's untranslated words, as "path: words" lines (all pages first, then one assertion). */
async function untranslatedOn(page: Page, data: Set<string>, what: string): Promise<string[]> {
  expect(await page.getAttribute("html", "lang")).toBe("en-XA");
  const words = await untranslated(page, data);
  return words.map((w) => `${what}: ${w}`);
}

describe.skipIf(!!skipReason)("journey: every main page in the pseudo-language and in Spanish", () => {
  let h: Harness;
  let slug = "";
  let meetingId = "";
  let convener: StorageState;
  let admin: StorageState;

  beforeAll(async () => {
    h = await startHarness();
    const page = await h.newPage();
    await signIn(page, demo.convener.email, demo.convener.password);
    const me = await apiFromPage<Me>(page, "GET", "/me");
    const convened = me.partnerships.find((p) => p.role === "convener");
    if (!convened) throw new Error("the demo convener convenes no partnership");
    slug = convened.slug;
    const meetings = await apiFromPage<{ items: { id: string }[] }>(
      page,
      "GET",
      `/partnerships/${slug}/meetings`,
    );
    meetingId = meetings.items[0]?.id ?? "";
    convener = await page.context().storageState();
    const adminPage = await h.newPage();
    await signIn(adminPage, demo.admin.email, demo.admin.password);
    admin = await adminPage.context().storageState();
  });
  afterAll(async () => {
    await h?.stop();
  });

  const visitorPages = [
    "/",
    "/partnerships",
    "/partnerships?state=OH",
    "/profiles",
    "/signin",
    "/signup",
    "/forgot-password",
    "/signin/link/not-a-real-link",
    "/reset-password/not-a-real-link",
    "/regions/economy",
    "/next-gen-check",
    "/events",
    "/resources",
    "/discussions",
    "/results",
    "/no-such-page",
  ];

  it("a visitor's pages", { timeout: MANY_PAGES }, async () => {
    const { page, data } = await inPseudo(h);
    const found: string[] = [];
    for (const path of visitorPages) {
      await open(page, path);
      found.push(...(await untranslatedOn(page, data, path)));
      await expectNoSidewaysScroll(page, `${path} in the pseudo-language`);
    }
    expect(found).toEqual([]);
  });

  const convenerPaths = () => [
    "/me",
    "/me/plan",
    "/me/account",
    "/me/settings",
    "/notifications",
    `/p/${slug}`,
    `/p/${slug}/members`,
    `/p/${slug}/agenda`,
    `/p/${slug}/agenda/plan`,
    `/p/${slug}/agenda/votes`,
    `/p/${slug}/assessment`,
    `/p/${slug}/meetings`,
    ...(meetingId ? [`/p/${slug}/meetings/${meetingId}`] : []),
    `/p/${slug}/checklist`,
    `/p/${slug}/health`,
    `/p/${slug}/activity`,
    `/p/${slug}/impact`,
    `/p/${slug}/value-check`,
    `/p/${slug}/peers`,
    `/p/${slug}/edit`,
    `/p/${slug}/benchmarking`,
    "/profiles/compare",
    "/partnerships/new",
    "/people",
    "/themes",
  ];

  for (const width of [1280, 390]) {
    it(
      `a convener's workspace at ${width} px`,
      async () => {
        const { page, data } = await inPseudo(h, convener);
        await page.setViewportSize({ width, height: 900 });
        const found: string[] = [];
        for (const path of convenerPaths()) {
          await open(page, path);
          found.push(...(await untranslatedOn(page, data, `${path} at ${width} px`)));
          // Two wide tables scroll inside their box on a phone (the health panel's, and the impact
          // page's funding by source over the years): their phone layout is a task of its own.
          if (width > 390 || !/\/(health|impact)$/.test(path))
            await expectNoSidewaysScroll(page, `${path} in the pseudo-language at ${width} px`);
        }
        expect(found).toEqual([]);
      },
      MANY_PAGES,
    );
  }

  it("the menus and dialogs a convener opens most", async () => {
    const { page, data } = await inPseudo(h, convener);
    const check = async (what: string, selector: string) =>
      expect(await untranslated(page, data, selector), what).toEqual([]);

    await open(page, `/p/${slug}/members`);
    await page
      .getByRole("button", { name: new RegExp(`^⟦${escapeRegExp(pseudoText("Account menu for"))}`) })
      .click();
    await page.getByRole("menu").waitFor();
    await check("the account menu", "[role=menu]");
    await page.keyboard.press("Escape");

    await page
      .getByRole("button", { name: new RegExp(`^⟦${escapeRegExp(pseudoText("Actions for "))}`) })
      .first()
      .click();
    await page.getByRole("menu").waitFor();
    await check("a member's actions menu", "[role=menu]");
    await page.getByRole("menuitem", { name: pseudo("Edit") }).click();
    await page.getByRole("dialog").waitFor();
    await check("the member dialog", "[role=dialog]");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);

    await open(page, "/me/account");
    await page.getByRole("button", { name: pseudo("Sign out of all other sessions") }).click();
    await page.getByRole("dialog").waitFor();
    await check("a confirmation dialog", "[role=dialog]");
    await page.keyboard.press("Escape");

    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, `/p/${slug}`);
    await page.getByRole("button", { name: pseudo("Open navigation") }).click();
    await page.getByRole("dialog").waitFor();
    await check("the navigation drawer on a phone", "[role=dialog]");
  });

  it("the community admin's pages", { timeout: MANY_PAGES }, async () => {
    const { page, data } = await inPseudo(h, admin);
    const found: string[] = [];
    const paths = [
      "/admin",
      "/admin/outbox",
      "/admin/sso-domains",
      "/admin/coordinators",
      "/admin/service-tokens",
      "/admin/regional-economy",
      "/admin/assessment",
      "/admin/assessment/community",
      "/admin/indicators",
      "/admin/resources",
      "/portfolio",
      "/regions/teams",
      "/reports/annual",
      "/events/new",
      "/resources/suggest",
    ];
    for (const path of paths) {
      await open(page, path);
      found.push(...(await untranslatedOn(page, data, path)));
      await expectNoSidewaysScroll(page, `${path} in the pseudo-language`);
    }
    expect(found).toEqual([]);
  });

  it("the same pages in Spanish: lang=es and no serious axe violation", { timeout: MANY_PAGES }, async () => {
    const page = await h.newPage({ storageState: convener });
    await page.goto("/me");
    await apiFromPage(page, "PATCH", "/me", { locale: "es" });
    try {
      for (const path of [
        "/",
        "/partnerships",
        "/events",
        "/resources",
        `/p/${slug}`,
        `/p/${slug}/members`,
        `/p/${slug}/agenda`,
        `/p/${slug}/meetings`,
        `/p/${slug}/impact`,
        "/me/account",
      ]) {
        await open(page, path);
        expect(await page.getAttribute("html", "lang")).toBe("es");
        await expectNoSeriousViolations(page, `${path} in Spanish`);
      }
    } finally {
      await apiFromPage(page, "PATCH", "/me", { locale: "en" });
    }
  });
});
