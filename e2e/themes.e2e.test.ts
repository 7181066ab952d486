import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, expectNoSidewaysScroll, field, pick, signUp } from "./ui.js";

describe.skipIf(!!skipReason)("journey: the words practitioners use, on a phone", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("records an owner's seniority and a chamber, raises an opportunity by theme, and reads what partnerships work on", async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const id = unique();
    await signUp(page, {
      name: "Tess Convener",
      email: `tess-${id}@example.org`,
      password: "correct-horse-battery",
    });
    const p = await apiFromPage<{ id: string; slug: string }>(page, "POST", "/partnerships", {
      name: `High Plains Food Processing ${id}`,
      naics: ["311"],
      counties: ["08123"],
      setting: "rural",
    });
    const business = `Prairie Mills ${id}`;
    for (const [name, kind] of [
      [business, "business"],
      [`Greeley Chamber of Commerce ${id}`, "chamber_of_commerce"],
    ])
      await apiFromPage(page, "POST", `/partnerships/${p.id}/organizations`, { name, kind });

    // The convener seats the owner of a member business and says how senior she is.
    await page.goto(`/p/${p.slug}/members`);
    await page.getByRole("tab", { name: "Person" }).click();
    const form = page.getByRole("form", { name: "Add a person" });
    await field(page, "Name").fill("Rosa Prairie");
    await pick(page, "Organization", "", business);
    await pick(page, "Role", "", "Business member");
    await pick(page, "Seniority", "", "Owner or CEO");
    await form.getByRole("button", { name: "Add person" }).click();
    const people = page.getByRole("region", { name: /^People/ });
    await people.getByText("Owner or CEO").waitFor();
    const makeup = page.getByRole("region", { name: "The table's make-up" });
    await makeup
      .getByText("Influential leaders: 1 of 1 business person is an owner, CEO or executive")
      .waitFor();
    // Against peers, by shares only: the demo's partnerships record their leaders' seniority.
    await expect
      .poll(
        async () =>
          (await makeup
            .getByTestId("leaders-benchmark")
            .textContent()
            .catch(() => "")) ?? "",
      )
      .toMatch(
        /^Peers \(.+, \d+ partnerships\): median \d+% owners, CEOs or executives; the middle half \d+% to \d+%\.$/,
      );
    // The chamber fills a core kind: it is at the table, not among the missing.
    const text = (await makeup.textContent()) ?? "";
    expect(text).toContain("Chamber of commerce");
    expect(text.slice(text.indexOf("Missing core kinds"))).not.toContain("Chamber of commerce");
    await expectNoSidewaysScroll(page, "the members page on a phone");
    await expectNoSeriousViolations(page, "the members page with seniority");

    // Raising an opportunity means saying what it is about.
    await page.goto(`/p/${p.slug}/agenda/opportunities`);
    await field(page, "Opportunity").fill("Cold storage shared by small processors");
    await page.getByRole("button", { name: "Record opportunity" }).click();
    await page.getByText("Choose what it is about").waitFor();
    await pick(page, "What is it about?", "", "Supply chain");
    await page.getByRole("button", { name: "Record opportunity" }).click();
    const list = page.getByRole("region", { name: /^Opportunities and challenges/ });
    await list.getByText("Cold storage shared by small processors").waitFor();
    await list.getByText("Supply chain", { exact: true }).waitFor();

    // Five partnerships in Wyoming with priorities: enough for the state to be counted on its own.
    for (let i = 1; i <= 5; i++) {
      const w = await apiFromPage<{ id: string }>(page, "POST", "/partnerships", {
        name: `Laramie Makers ${i} ${id}`,
        naics: ["31-33"],
        counties: ["56021"],
        setting: "mixed",
      });
      await apiFromPage(page, "POST", `/partnerships/${w.id}/priorities`, {
        title: "Apprenticeships for machinists",
        theme: "talent_pipeline",
      });
      if (i <= 2)
        await apiFromPage(page, "POST", `/partnerships/${w.id}/priorities`, {
          title: "Local suppliers for machined parts",
          theme: "supply_chain",
        });
    }

    // Across the community: active priorities by theme, in groups of 5 partnerships or more.
    await page.goto("/themes");
    await page.getByRole("heading", { level: 1, name: "What partnerships work on" }).waitFor();
    const themes = page.getByRole("region", { name: "Themes" });
    await themes.getByRole("listitem").first().waitFor();
    expect(await themes.getByRole("progressbar").count()).toBeGreaterThan(2);
    await page.getByRole("region", { name: "By state" }).getByText("Wyoming").waitFor();
    await expectNoSidewaysScroll(page, "the themes page on a phone");
    await expectNoSeriousViolations(page, "the themes page");

    // Narrowing to Wyoming: 5 of its partnerships (or more, if other journeys added some).
    await page.getByRole("combobox", { name: "State" }).selectOption({ label: "Wyoming" });
    await expect
      .poll(async () => (await themes.textContent()) ?? "")
      .toMatch(/Of \d+ partnerships with active priorities/);
    expect(await page.getByRole("region", { name: "By state" }).count()).toBe(0);
    const bar = themes.getByRole("listitem").filter({ hasText: "Supply chain" });
    expect(await bar.textContent()).toMatch(/2 partnerships/);
  });
});
