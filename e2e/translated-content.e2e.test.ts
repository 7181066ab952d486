import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, expectNoSidewaysScroll, signIn, signUp } from "./ui.js";

/**
 * Content, not only the app's words, in the reader's language: the rubric of the quick check and
 * the resource library in Spanish, the original marked where no translation exists yet, and a
 * community admin writing one.
 */
describe.skipIf(!!skipReason)("journey: the rubric and the library in Spanish", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("a Spanish-speaking visitor answers the quick check and reads a toolkit chapter in Spanish, on a phone", async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.context().addCookies([{ name: "st_lang", value: "es", url: h.baseUrl }]);
    await page.goto("/next-gen-check");
    await page.getByRole("heading", { name: "Un mercado laboral regional", level: 2 }).waitFor();
    await page
      .getByRole("radiogroup", {
        name: "Nuestra región es el mercado laboral del que contratan nuestras empresas, aunque cruce límites de condado o de estado.",
      })
      .waitFor();
    // The whole version is translated: no note, nothing marked as English.
    expect(await page.getByRole("note").count()).toBe(0);
    expect(await page.locator("form [lang='en']").count()).toBe(0);
    await expectNoSidewaysScroll(page, "the quick check in Spanish on a phone");
    await expectNoSeriousViolations(page, "the quick check in Spanish");

    await page.goto("/resources/prepare-for-launch");
    await page
      .getByRole("heading", {
        name: "Prepare: conozca la industria, encuentre líderes empresariales, invite a las empresas",
        level: 1,
      })
      .waitFor();
    await page.getByRole("heading", { name: "Estudie la industria", level: 2 }).waitFor();
    expect(await page.getByRole("note").count()).toBe(0);
    await expectNoSidewaysScroll(page, "a resource in Spanish on a phone");
  });

  it("a resource not yet translated reads in English, marked; the community admin translates it", async () => {
    const page = await h.newPage();
    await page.context().addCookies([{ name: "st_lang", value: "es", url: h.baseUrl }]);
    await signIn(page, demo.admin.email, demo.admin.password, "/resources");
    const title = `Harvest crew scheduling ${unique()}`;
    const created = await apiFromPage<{ id: string; slug: string }>(page, "POST", "/resources", {
      title,
      summary: "A shared calendar for the season.",
      body: "## How to use it\n\nWrite down each crew's **shifts**.",
    });
    await page.goto(`/resources/${created.slug}`);
    await page.getByRole("heading", { name: title, level: 1 }).waitFor();
    await page
      .getByRole("note")
      .getByText("Este recurso aún no está traducido a su idioma, así que se muestra en inglés.")
      .waitFor();
    // The English is marked as English for screen readers.
    expect(await page.locator("article .prose[lang='en']").count()).toBe(1);

    const panel = page.getByRole("region", { name: "Traducciones" });
    await panel.getByRole("textbox", { name: "Título" }).fill("Turnos de las cuadrillas de cosecha");
    await panel.getByRole("textbox", { name: "Resumen" }).fill("Un calendario compartido para la temporada.");
    await panel
      .getByRole("textbox", { name: "Texto (Markdown)" })
      .fill("## Cómo usarla\n\nAnote los **turnos** de cada cuadrilla.");
    await expectNoSeriousViolations(page, "the translation panel in Spanish");
    await panel.getByRole("button", { name: "Guardar la traducción" }).click();
    await page.getByRole("heading", { name: "Turnos de las cuadrillas de cosecha", level: 1 }).waitFor();
    await page.getByRole("heading", { name: "Cómo usarla", level: 2 }).waitFor();
    expect(await page.getByRole("note").count()).toBe(0);

    // The library lists it in Spanish, and a Spanish search finds it by a Spanish word.
    await page.goto("/resources?q=cuadrillas");
    await page.getByRole("link", { name: "Turnos de las cuadrillas de cosecha" }).waitFor();
  });

  it("a Spanish-speaking convener reads the catalog's indicators, their definitions and the roll-up in Spanish, on a phone", async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.context().addCookies([{ name: "st_lang", value: "es", url: h.baseUrl }]);
    // An account of its own, in Spanish: the demo accounts' languages belong to other journeys.
    const id = unique();
    await signUp(page, {
      name: "Lucía Leal",
      email: `lucia-${id}@example.org`,
      password: "correct-horse-battery",
    });
    await apiFromPage(page, "PATCH", "/me", { locale: "es" });
    const { slug } = await apiFromPage<{ slug: string }>(page, "POST", "/partnerships", {
      name: `Alianza Logística ${id}`,
      naics: ["48-49"],
      counties: ["31055"],
      setting: "metro",
    });
    await apiFromPage(page, "PUT", `/partnerships/${slug}/indicators`, { keys: ["jobs_created"] });
    await page.goto(`/p/${slug}/impact`);
    // The shipped name and definition in the reader's words: what the number counts, at a glance.
    const card = page.getByRole("article", { name: "Nuevos empleos creados" });
    await card.getByRole("heading", { name: "Nuevos empleos creados", level: 3 }).waitFor();
    await card.getByText("Nuevos empleos netos en las empresas miembro de la región.").waitFor();
    await expectNoSidewaysScroll(page, "the impact indicators in Spanish on a phone");
    await expectNoSeriousViolations(page, "the impact indicators in Spanish");

    // The roll-up on a phone: each indicator as a list item, no table to scroll sideways.
    await page.goto("/results");
    const jobs = page.getByRole("listitem").filter({ hasText: "Nuevos empleos creados" });
    await jobs.first().waitFor();
    expect(await jobs.first().textContent()).toMatch(/alianzas? informan?/);
    await expectNoSidewaysScroll(page, "the roll-up in Spanish on a phone");
    await expectNoSeriousViolations(page, "the roll-up in Spanish on a phone");
  });

  it("the community admin edits a draft's Spanish beside its English, and a Spanish reader gets it", async () => {
    const page = await h.newPage();
    await signIn(page, demo.admin.email, demo.admin.password, "/admin/assessment");
    // Every journey on this server shares its rubric: the assessment journey may have started the
    // draft (version 3) first; either way this one edits it.
    const start = page.getByRole("button", { name: "Start a new version" });
    const draft = page.getByRole("region", { name: "Draft version 3" });
    await start.or(draft).first().waitFor();
    if (await start.isVisible()) await start.click();
    await draft.waitFor();
    await draft.locator("label", { hasText: "Español" }).click();
    const name = draft.getByRole("textbox", { name: "Characteristic" }).first();
    expect(await name.inputValue()).toBe("Un mercado laboral regional");
    await draft.getByText("English: A regional labor market").waitFor();
    await name.fill("Un mercado laboral de la región");
    await expectNoSeriousViolations(page, "the rubric draft's Spanish");
    await draft.getByRole("button", { name: "Save draft" }).click();
    await draft.getByRole("status").getByText("Draft saved.").waitFor();
    // The English stayed as written; the Spanish reader of the draft gets the new words.
    await draft.locator("label", { hasText: "English (source)" }).click();
    expect(await draft.getByRole("textbox", { name: "Characteristic" }).first().inputValue()).toBe(
      "A regional labor market",
    );
    const read = await page.evaluate(async () => {
      const versions = (await (await fetch("/api/assessment/rubrics")).json()) as {
        items: { version: number; status: string }[];
      };
      const version = versions.items.find((v) => v.status === "draft")?.version;
      const res = await fetch(`/api/assessment/rubrics/${version}`, { headers: { "accept-language": "es" } });
      return (await res.json()) as { characteristics: { name: string }[]; language: string };
    });
    expect(read.language).toBe("es");
    expect(read.characteristics[0]?.name).toBe("Un mercado laboral de la región");
  });
});
