import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, signIn } from "./ui.js";

const shots = "/tmp/assessment-shots";

interface RubricStatement {
  key: string;
  text: string;
}
interface Rubric {
  version: number;
  characteristics: { key: string; statements: RubricStatement[] }[];
}

/** Answers every statement on the page by clicking the level's card, as a person would. */
async function answerAll(page: Page, rubric: Rubric, level: (key: string) => string) {
  for (const s of rubric.characteristics.flatMap((c) => c.statements)) {
    const group = page.getByRole("radiogroup", { name: s.text });
    await group.getByRole("radio", { name: new RegExp(`^${level(s.key)}`) }).click();
  }
}

describe.skipIf(!!skipReason)("journey: is our partnership Next Gen?", () => {
  let h: Harness;
  let rubric: Rubric;
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness();
    const page = await h.newPage();
    await page.goto("/");
    rubric = await apiFromPage<Rubric>(page, "GET", "/assessment/rubric");
    await page.context().close();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("an anonymous visitor takes the quick check and sees the score, band, chart and what to work on", async () => {
    const page = await h.newPage();
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Is it Next Gen?" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Is your partnership Next Gen?" }).waitFor();
    await expectNoSeriousViolations(page, "the quick check form");

    // Industry-driven answered "Not yet", the rest "Established": 0 and 66.7 → overall 53.3.
    const industry = new Set(rubric.characteristics[0]!.statements.map((s) => s.key));
    await answerAll(page, rubric, (key) => (industry.has(key) ? "Not yet" : "Established"));
    await page.screenshot({ path: `${shots}/quick-form.png`, fullPage: false });
    await page.getByRole("button", { name: "See my result" }).click();

    await page.getByRole("heading", { name: "Your result" }).waitFor();
    await page.getByText("53.3").first().waitFor();
    await page.getByText("Emerging Next Gen").waitFor();
    const table = page.getByRole("table").filter({ hasText: "Characteristic" });
    expect(await table.getByRole("row", { name: /Industry-driven/ }).textContent()).toContain("0.0");
    const firstSteps = page.getByRole("region", { name: "What to work on first" });
    expect(await firstSteps.getByRole("listitem").first().textContent()).toContain(
      rubric.characteristics[0]!.statements[0]!.text,
    );
    await page.locator(".recharts-surface").first().waitFor();
    await page.getByText("Nothing was stored").waitFor();
    await page.screenshot({ path: `${shots}/quick-result.png`, fullPage: true });
    await expectNoSeriousViolations(page, "the quick check result");
    await page.context().close();
  });

  it("a round with two business and two public respondents shows where they differ", async () => {
    const id = unique();
    const convener = await h.newPage();
    await convener.goto("/");
    await apiFromPage(convener, "POST", "/auth/signup", {
      email: `casey-${id}@example.org`,
      password: "correct-horse-battery",
      name: "Casey Convener",
    });
    const p = await apiFromPage<{ id: string; slug: string }>(convener, "POST", "/partnerships", {
      name: `Front Range Food Makers ${id}`,
      naics: ["311"],
      counties: ["08069"],
      setting: "mixed",
    });
    const org = (body: object) =>
      apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/organizations`, body);
    const orgs = {
      business: [
        await org({ name: "Poudre Bakery", kind: "business" }),
        await org({ name: "Summit Foods", kind: "business" }),
      ],
      public: [
        await org({ name: "Larimer Workforce Center", kind: "workforce_development" }),
        await org({ name: "Front Range College", kind: "postsecondary_education" }),
      ],
    };

    // Four people sign up and accept the convener's invitations (links read from the admin outbox).
    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password);
    const people: { page: Page; sector: "business" | "public"; name: string }[] = [];
    for (const [sector, i] of [
      ["business", 0],
      ["business", 1],
      ["public", 0],
      ["public", 1],
    ] as const) {
      const name = `${sector === "business" ? "Bea" : "Pat"} ${i + 1}`;
      const email = `${sector}-${i}-${id}@example.org`;
      const page = await h.newPage();
      await page.goto("/");
      await apiFromPage(page, "POST", "/auth/signup", { email, password: "correct-horse-battery", name });
      await apiFromPage(convener, "POST", `/partnerships/${p.id}/invitations`, {
        email,
        name,
        role: sector === "business" ? "business_member" : "support",
        organizationId: orgs[sector][i]!.id,
      });
      const outbox = await apiFromPage<{ items: { to: string; text: string }[] }>(
        admin,
        "GET",
        "/admin/outbox",
      );
      const token = /\/invitations\/([\w-]+)/.exec(outbox.items.find((m) => m.to === email)!.text)![1];
      await apiFromPage(page, "POST", `/invitations/${token}/accept`);
      people.push({ page, sector, name });
    }

    // The convener opens a round from the workspace.
    await convener.goto(`/p/${p.slug}`);
    await convener.getByRole("link", { name: "Self-assessment" }).click();
    await convener.getByRole("heading", { level: 1, name: "Self-assessment" }).waitFor();
    await convener.getByRole("textbox", { name: "Name of the round (optional)" }).fill("Spring check-in");
    await convener.getByRole("button", { name: "Open a round and invite the members" }).click();
    await convener.getByRole("heading", { level: 1, name: "Spring check-in" }).waitFor();
    const roundId = /\/assessments\/([\w-]+)/.exec(convener.url())![1]!;
    const outbox = await apiFromPage<{ items: { to: string; subject: string }[] }>(
      admin,
      "GET",
      "/admin/outbox",
    );
    expect(
      outbox.items.filter((m) => m.subject.includes("Next Gen") && m.to.endsWith(`-${id}@example.org`)),
    ).toHaveLength(4);

    // Everyone answers "Established", except on one coordinated support team: business 3 and 3,
    // public 1 and 2, a gap of 1.5 levels. The first business member answers in the page.
    const gapKey = "one_support_team";
    const gapText = rubric.characteristics.flatMap((c) => c.statements).find((s) => s.key === gapKey)!.text;
    const first = people[0]!.page;
    await first.goto(`/assessments/${roundId}`);
    await first.getByRole("heading", { level: 1, name: "Spring check-in" }).waitFor();
    await answerAll(first, rubric, (key) => (key === gapKey ? "Exemplary" : "Established"));
    await first.getByRole("button", { name: "Send my answers" }).click();
    await first.getByText("Your answers are saved").waitFor();
    const keys = rubric.characteristics.flatMap((c) => c.statements.map((s) => s.key));
    const answers = (gapLevel: number) =>
      Object.fromEntries(keys.map((k) => [k, k === gapKey ? gapLevel : 2]));
    await apiFromPage(people[1]!.page, "PUT", `/assessments/${roundId}/response`, { answers: answers(3) });
    await apiFromPage(people[2]!.page, "PUT", `/assessments/${roundId}/response`, { answers: answers(1) });
    await apiFromPage(people[3]!.page, "PUT", `/assessments/${roundId}/response`, { answers: answers(2) });

    // The convener sees who answered, then closes the round.
    await convener.reload();
    const panel = convener.getByRole("region", { name: "Who has answered" });
    await panel.getByText("4 of 5 members", { exact: false }).waitFor();
    await convener.screenshot({ path: `${shots}/round-convener.png`, fullPage: false });
    convener.once("dialog", (dialog) => void dialog.accept());
    await panel.getByRole("button", { name: "Close the round and see results" }).click();

    await convener.getByRole("heading", { level: 1, name: "Results: Spring check-in" }).waitFor();
    await convener.getByText("4 respondents: 2 business, 2 public partners").waitFor();
    const gaps = convener.getByRole("region", { name: "Where to talk" });
    const rows = gaps.getByRole("row");
    await expect.poll(() => rows.count()).toBe(2); // the header and one gap
    const gapRow = gaps.getByRole("row", { name: new RegExp(gapText.slice(0, 30)) });
    expect((await gapRow.getByRole("cell").allTextContents()).map((t) => t.trim())).toEqual([
      "3",
      "1.5",
      "+1.5",
    ]);
    // Community-supported: business (3 + 2 + 2 + 2) / 4 / 3 = 75.0, public (1.5 + 2 + 2 + 2) / 4 / 3 = 62.5.
    const chars = convener.getByRole("table").filter({ hasText: "Characteristic" }).first();
    expect(
      (
        await chars
          .getByRole("row", { name: /Community-supported/ })
          .getByRole("cell")
          .allTextContents()
      ).map((t) => t.trim()),
    ).toEqual(["68.8", "75.0", "62.5"]);
    await convener.locator(".recharts-surface").first().waitFor();
    await convener.screenshot({ path: `${shots}/results.png`, fullPage: true });
    await expectNoSeriousViolations(convener, "the results page");

    // A member who is not the convener sees the same results; the report prints on one page.
    await people[2]!.page.goto(`/assessments/${roundId}/report`);
    await people[2]!.page.getByRole("heading", { level: 1, name: `Front Range Food Makers ${id}` }).waitFor();
    await people[2]!.page.screenshot({ path: `${shots}/report.png`, fullPage: true });
    await people[2]!.page.emulateMedia({ media: "print" });
    await people[2]!.page.screenshot({ path: `${shots}/report-print.png`, fullPage: true });
    expect(await people[2]!.page.locator(".app-header").isVisible()).toBe(false);
  });
});

describe.skipIf(!!skipReason)("the self-assessment in the demo data", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("shows the demo convener scores over time, and the admin the community view and the rubric", async () => {
    const convener = await h.newPage();
    await signIn(convener, demo.convener.email, demo.convener.password);
    const me = await apiFromPage<{ partnerships: { slug: string }[] }>(convener, "GET", "/me");
    await convener.goto(`/p/${me.partnerships[0]!.slug}/assessment`);
    const history = convener.getByRole("region", { name: "Scores over time" });
    await history
      .getByRole("link", { name: /^Results/ })
      .first()
      .waitFor();
    await convener.screenshot({ path: `${shots}/section.png`, fullPage: true });
    await expectNoSeriousViolations(convener, "the self-assessment section");

    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password);
    await admin.goto("/admin/assessment/community");
    const lowest = admin.getByRole("region", { name: "Characteristics, lowest first" });
    await expect.poll(() => lowest.getByRole("row").count()).toBe(6);
    await admin.screenshot({ path: `${shots}/community.png`, fullPage: true });
    await expectNoSeriousViolations(admin, "the community view");

    await admin.goto("/admin/assessment");
    await admin.getByRole("button", { name: "Start a new version" }).click();
    await admin.getByRole("heading", { name: "Draft version 2" }).waitFor();
    await admin.screenshot({ path: `${shots}/rubric-admin.png`, fullPage: false });
    await expectNoSeriousViolations(admin, "the rubric admin page");
  });
});
