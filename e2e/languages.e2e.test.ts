import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, type Harness } from "./harness.js";
import { expectNoSeriousViolations, expectNoSidewaysScroll } from "./ui.js";

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
    await page.getByRole("button", { name: "Language: English" }).click();
    await page.getByRole("menuitem", { name: "Español" }).click();
    await page.getByRole("link", { name: "Saltar al contenido principal" }).waitFor({ state: "attached" });
    expect(await page.getAttribute("html", "lang")).toBe("es");
    await page.getByRole("button", { name: "Idioma: Español" }).waitFor();
    await page.getByRole("contentinfo").getByRole("link", { name: "Iniciar una alianza" }).waitFor();
    await expectNoSidewaysScroll(page, "the home page in Spanish on a phone");
    await expectNoSeriousViolations(page, "the home page in Spanish");

    // The next visit opens in Spanish, and the server answers in it too.
    await page.reload();
    await page.getByRole("button", { name: "Idioma: Español" }).waitFor();
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
});
