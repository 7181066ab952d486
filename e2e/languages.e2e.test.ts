import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { expectNoSeriousViolations, expectNoSidewaysScroll, signIn, signUp } from "./ui.js";

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
});
