import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { expectNoSeriousViolations, expectNoSidewaysScroll, signIn, signUp } from "./ui.js";

/**
 * The text nodes under `selector` that still hold a plain ASCII letter: in the pseudo-language
 * every translated letter is accented, so such a node did not go through a catalog. Content
 * marked translate="no" (the product's name, people's names) is not text to translate.
 */
async function untranslated(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        const parent = node.parentElement;
        // Style sheets Mantine writes beside a component are not text anyone reads.
        if (!parent || parent.closest('style, script, [translate="no"]')) continue;
        if (/[A-Za-z]/.test(text)) found.push(text.trim());
      }
      for (const el of root.querySelectorAll("[aria-label]")) {
        const label = el.getAttribute("aria-label") ?? "";
        if (/[A-Za-z]/.test(label)) found.push(`aria-label: ${label}`);
      }
    }
    return found;
  }, selector);
}

describe.skipIf(!!skipReason)("journey: reading Shared Table in Spanish", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("a visitor picks Español in the header on a phone, and the choice stays", async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.getByRole("button", { name: "Language: English EN" }).click();
    await page.getByRole("menuitem", { name: "Español" }).click();
    await page.getByRole("link", { name: "Saltar al contenido principal" }).waitFor({ state: "attached" });
    expect(await page.getAttribute("html", "lang")).toBe("es");
    await page.getByRole("button", { name: "Idioma: Español ES" }).waitFor();
    await page.getByRole("contentinfo").getByRole("link", { name: "Iniciar una alianza" }).waitFor();
    await expectNoSidewaysScroll(page, "the home page in Spanish on a phone");
    await page.setViewportSize({ width: 1280, height: 800 });
    await expectNoSidewaysScroll(page, "the home page in Spanish on a laptop");
    // A visitor's shorter bar fits a laptop in Spanish, in the header itself.
    await page
      .getByRole("navigation", { name: "Principal", exact: true })
      .getByRole("link", { name: "Directorio" })
      .waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoSeriousViolations(page, "the home page in Spanish");

    // The next visit opens in Spanish, and the server answers in it too.
    await page.reload();
    await page.getByRole("button", { name: "Idioma: Español ES" }).waitFor();
    const problem = await page.evaluate(async () => {
      const res = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "a@example.org", password: "x", color: "blue" }),
      });
      return (await res.json()) as { title: string };
    });
    expect(problem.title).toBe("Algunos campos necesitan corrección");
  });

  it("a member saves Spanish on the account page, and it follows them to another browser", async () => {
    const page = await h.newPage();
    const email = `lengua-${unique()}@example.org`;
    await signUp(page, { name: "Lucía Lengua", email, password: "violet-harbor-sundial" });
    await page.goto("/me/account");
    await page.getByRole("radio", { name: "Español" }).click();
    await page.getByText("Su idioma quedó guardado.").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("es");
    await page.getByRole("heading", { name: "Idioma" }).waitFor();
    await expectNoSeriousViolations(page, "the account page in Spanish");
    await expectNoSidewaysScroll(page, "the account page in Spanish on a laptop");

    // A browser that never chose (English, no cookie) switches once it knows who is there.
    const other = await h.newPage({ storageState: await page.context().storageState() });
    await other.context().clearCookies({ name: "st_lang" });
    await other.goto("/me");
    await other.getByRole("button", { name: /^Menú de la cuenta de Lucía Lengua/ }).click();
    await other.getByRole("menuitem", { name: "Idioma" }).click();
    await other.getByRole("radio", { name: "Español" }).waitFor();
    expect(await other.getByRole("radio", { name: "Español" }).isChecked()).toBe(true);
    expect(await other.getAttribute("html", "lang")).toBe("es");
  });

  it("the community admin's header, the fullest one, gives way to the menu button in Spanish rather than run off the screen", async () => {
    const page = await h.newPage();
    // The browser's choice only: the shared demo account keeps its own (none) for other journeys.
    await page.context().addCookies([{ name: "st_lang", value: "es", url: h.baseUrl }]);
    await page.setViewportSize({ width: 1280, height: 800 });
    await signIn(page, demo.admin.email, demo.admin.password, "/partnerships");
    await page.locator("html[lang='es']").waitFor({ state: "attached" });
    // Too long for one line at 1280 px in Spanish: the bar gives way to the menu button...
    const burger = page.getByRole("button", { name: "Abrir la navegación" });
    await burger.waitFor();
    await expectNoSidewaysScroll(page, "the admin's header in Spanish at 1280 px");
    await burger.click();
    await page.getByRole("dialog").getByRole("link", { name: "Administración" }).waitFor();
    await page.keyboard.press("Escape");
    await page.setViewportSize({ width: 1600, height: 800 });
    await expectNoSidewaysScroll(page, "the admin's header in Spanish at 1600 px");
  });

  it("an industry's NAICS title, published in English only, is marked lang=en on a Spanish page and not on an English one", async () => {
    const page = await h.newPage();
    const list = await page.request.get("/api/partnerships?q=Northern+Colorado+Health+Care&pageSize=1");
    const [partnership] = ((await list.json()) as { items: { slug: string; industry: string }[] }).items;
    expect(partnership?.industry).toBeTruthy();
    const { slug, industry } = partnership!;

    await page.context().addCookies([{ name: "st_lang", value: "es", url: h.baseUrl }]);
    await page.goto(`/p/${slug}`);
    const section = page.getByRole("region", { name: "Industria" });
    await section.waitFor();
    const titles = section.locator("li p");
    expect(await titles.count()).toBeGreaterThan(0);
    for (const title of await titles.all()) expect(await title.locator("span[lang='en']").count()).toBe(1);
    // The directory's card names the same industry, marked the same way.
    await page.goto(`/partnerships?q=${encodeURIComponent("Northern Colorado Health Care")}`);
    await page.locator(`span[lang='en']`, { hasText: industry }).first().waitFor();
    await expectNoSeriousViolations(page, "the directory in Spanish");

    await page.context().addCookies([{ name: "st_lang", value: "en", url: h.baseUrl }]);
    await page.goto(`/p/${slug}`);
    await page.getByRole("region", { name: "Industry" }).waitFor();
    expect(await page.locator("main [lang]").count()).toBe(0);
  });

  it("the shell and the visitor's home page show no untranslated text in the pseudo-language", async () => {
    const page = await h.newPage();
    await page.goto("/?lang=en-XA");
    await page.locator("html[lang='en-XA']").waitFor({ state: "attached" });
    await page.locator("#ways-heading").getByText(/^⟦/).waitFor();
    // The parts of the page that are the app's own words (the stories, events and map below
    // them are the community's data, and their vocabularies move to the catalogs next).
    const ownWords = [
      "header.app-header",
      "footer.app-footer",
      "a.skip-link",
      "section[aria-labelledby=intro-heading]",
      "section[aria-labelledby=ways-heading]",
      "section[aria-labelledby=numbers-heading]",
      "#home-map-heading",
      "#events-heading",
    ].join(", ");
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await untranslated(page, ownWords)).toEqual([]);
      await expectNoSidewaysScroll(page, `the home page in the pseudo-language at ${width} px`);
    }
    // The phone's drawer, open (its button is the header's last; the map's states are buttons too).
    await page.locator("header.app-header").getByRole("button", { name: /^⟦/ }).last().click();
    await page.getByRole("dialog").waitFor();
    expect(await untranslated(page, "[role=dialog]")).toEqual([]);
  });
});
