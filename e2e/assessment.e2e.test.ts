import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import {
  apiFromPage,
  createAccount,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  signIn,
  screenshot,
} from "./ui.js";

const shots = "/tmp/assessment-shots";

interface RubricStatement {
  key: string;
  text: string;
}
interface Rubric {
  version: number;
  characteristics: { key: string; statements: RubricStatement[] }[];
}

/** Calls the API with the page's cookies without loading the web app in it. */
async function apiAs<T = unknown>(page: Page, method: string, path: string, data?: unknown): Promise<T> {
  const res = await page.request.fetch(`/api${path}`, { method, ...(data === undefined ? {} : { data }) });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
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
    // Version 2: the six characteristics of the published Next Gen indicators.
    expect(rubric.version).toBe(2);
    await page.getByText("against the 6 characteristics", { exact: false }).waitFor();
    await page.getByText("(rubric version 2)", { exact: false }).waitFor();
    await expectNoSeriousViolations(page, "the quick check form");

    // A regional labor market answered "Not yet", the other five "Established": 0 and 66.7 each,
    // so overall (0 + 5 × 66.67) / 6 = 55.6.
    const industry = new Set(rubric.characteristics[0]!.statements.map((s) => s.key));
    await answerAll(page, rubric, (key) => (industry.has(key) ? "Not yet" : "Established"));
    await screenshot(page, { path: `${shots}/quick-form.png`, fullPage: false });
    await page.getByRole("button", { name: "See my result" }).click();

    await page.getByRole("heading", { name: "Your result" }).waitFor();
    await page.getByText("55.6").first().waitFor();
    await page.getByText("Emerging Next Gen").waitFor();
    const table = page.getByRole("table").filter({ hasText: "Characteristic" });
    expect(await table.getByRole("row", { name: /A regional labor market/ }).textContent()).toContain("0.0");
    expect(await table.getByRole("row", { name: /Industry-identified solutions/ }).textContent()).toContain(
      "66.7",
    );
    const firstSteps = page.getByRole("region", { name: "What to work on first" });
    expect(await firstSteps.getByRole("listitem").first().textContent()).toContain(
      rubric.characteristics[0]!.statements[0]!.text,
    );
    await page.locator(".recharts-surface").first().waitFor();
    await page.getByText("Nothing was stored").waitFor();
    await screenshot(page, { path: `${shots}/quick-result.png`, fullPage: true });
    await expectNoSeriousViolations(page, "the quick check result");
    await page.context().close();
  });

  it("a round with three business and three public respondents shows where they differ; a smaller group stays hidden", async () => {
    const id = unique();
    const convener = await h.newPage();
    await convener.goto("/");
    await createAccount(convener, {
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
        await org({ name: "Horsetooth Creamery", kind: "business" }),
      ],
      public: [
        await org({ name: "Larimer Workforce Center", kind: "workforce_development" }),
        await org({ name: "Front Range College", kind: "postsecondary_education" }),
        await org({ name: "Northern Colorado EDC", kind: "economic_development" }),
      ],
    };

    // Six people sign up and accept the convener's invitations (links read from the admin outbox):
    // results of a group appear only when at least 3 of its people answered.
    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password);
    const people: { page: Page; sector: "business" | "public"; name: string }[] = [];
    for (const [sector, i] of [
      ["business", 0],
      ["business", 1],
      ["business", 2],
      ["public", 0],
      ["public", 1],
      ["public", 2],
    ] as const) {
      const name = `${sector === "business" ? "Bea" : "Pat"} ${i + 1}`;
      const email = `${sector}-${i}-${id}@example.org`;
      // Their pages open the web app only when a step needs it: six app loads would slow the run.
      const page = await h.newPage();
      await createAccount(page, { email, password: "correct-horse-battery", name });
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
      await apiAs(page, "POST", `/invitations/${token}/accept`);
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
    ).toHaveLength(6);

    // Everyone answers "Established", except on one coordinated support team: business 3, 3 and 3,
    // public 0, 0 and 0 ("not yet"), a gap of 3 levels. The first business member answers in the page.
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
    for (const [i, level] of [
      [1, 3],
      [2, 3],
      [3, 0],
      [4, 0],
      [5, 0],
    ] as const) {
      await apiAs(people[i]!.page, "PUT", `/assessments/${roundId}/response`, {
        answers: answers(level),
      });
    }

    // The convener sees who answered, then closes the round.
    await convener.reload();
    const panel = convener.getByRole("region", { name: "Who has answered" });
    await panel.getByText("6 of 7 members", { exact: false }).waitFor();
    await screenshot(convener, { path: `${shots}/round-convener.png`, fullPage: false });
    await panel.getByRole("button", { name: "Close the round and see results" }).click();
    const closing = convener.getByRole("dialog", { name: "Close “Spring check-in”?" });
    await closing.getByText("counts the answers of 6 of 7 members", { exact: false }).waitFor();
    await expectNoSeriousViolations(convener, "the close-the-round dialog");
    await closing.getByRole("button", { name: "Close the round" }).click();

    await convener.getByRole("heading", { level: 1, name: "Results: Spring check-in" }).waitFor();
    await convener.getByText("6 respondents: 3 business, 3 public partners").waitFor();
    const gaps = convener.getByRole("region", { name: "Where to talk" });
    const rows = gaps.getByRole("row");
    await expect.poll(() => rows.count()).toBe(2); // the header and one gap
    const gapRow = gaps.getByRole("row", { name: new RegExp(gapText.slice(0, 30)) });
    // Level 0 reads as "not yet", never as a blank.
    expect((await gapRow.getByRole("cell").allTextContents()).map((t) => t.trim())).toEqual([
      "3 – exemplary",
      "0 – not yet",
      "+3",
    ]);
    // A coordinated team of public partners: business (3 + 2 + 2 + 2) / 4 / 3 = 75.0, public (0 + 2 + 2 + 2) / 4 / 3 = 50.0,
    // all (1.5 + 2 + 2 + 2) / 4 / 3 = 62.5.
    const chars = convener.getByRole("table").filter({ hasText: "Characteristic" }).first();
    expect(
      (
        await chars
          .getByRole("row", { name: /A coordinated team of public partners/ })
          .getByRole("cell")
          .allTextContents()
      ).map((t) => t.trim()),
    ).toEqual(["62.5", "75.0", "50.0"]);
    await convener.locator(".recharts-surface").first().waitFor();
    await screenshot(convener, { path: `${shots}/results.png`, fullPage: true });
    await expectNoSeriousViolations(convener, "the results page");

    // On a phone (390 px) the results read without a sideways scroll: the gap and each statement
    // become a card with the business and public levels in view.
    const phone = await h.newPage({ storageState: await convener.context().storageState() });
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`/assessments/${roundId}/results`);
    await phone.getByRole("heading", { level: 1, name: "Results: Spring check-in" }).waitFor();
    await phone.locator(".recharts-surface").first().waitFor();
    const phoneGap = phone
      .getByRole("region", { name: "Where to talk" })
      .getByRole("row", { name: new RegExp(gapText.slice(0, 30)) });
    const notYet = await phoneGap.getByText("0 – not yet").boundingBox();
    expect(notYet && notYet.x + notYet.width <= 390).toBe(true);
    await screenshot(phone, { path: `${shots}/results-phone.png`, fullPage: true });
    await expectNoSidewaysScroll(phone, "the results page on a phone");
    await expectNoSeriousViolations(phone, "the results page on a phone");
    await phone.context().close();

    // A member who is not the convener sees the same results; the report prints on one page.
    await people[2]!.page.goto(`/assessments/${roundId}/report`);
    await people[2]!.page.getByRole("heading", { level: 1, name: `Front Range Food Makers ${id}` }).waitFor();
    await people[2]!.page
      .getByRole("region", { name: /^Where to talk/ })
      .getByText("(business 3 – exemplary, public 0 – not yet)")
      .waitFor();
    await screenshot(people[2]!.page, { path: `${shots}/report.png`, fullPage: true });
    await people[2]!.page.emulateMedia({ media: "print" });
    await screenshot(people[2]!.page, { path: `${shots}/report-print.png`, fullPage: true });
    expect(await people[2]!.page.locator(".app-header").isVisible()).toBe(false);

    // A second round that only one public partner answers: everyone's scores show, the business
    // and public split stays hidden (beside everyone's, it would reveal that person's answers).
    const small = await apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/assessments`, {
      title: "Summer check-in",
    });
    for (const i of [0, 1, 2, 3]) {
      await apiAs(people[i]!.page, "PUT", `/assessments/${small.id}/response`, { answers: answers(2) });
    }
    await apiFromPage(convener, "POST", `/assessments/${small.id}/close`);
    await convener.goto(`/assessments/${small.id}/results`);
    await convener.getByRole("heading", { level: 1, name: "Results: Summer check-in" }).waitFor();
    await convener.getByText("4 respondents: 3 business, 1 public partner").waitFor();
    await convener
      .getByText(
        "Fewer than 3 public partners answered: their results stay hidden so that no one's answers can be inferred.",
      )
      .waitFor();
    await convener.getByText("Business results stay hidden too", { exact: false }).waitFor();
    await convener
      .getByRole("region", { name: "Where to talk" })
      .getByText("Business and public answers are not compared in this round", { exact: false })
      .waitFor();
    const smallChars = convener.getByRole("table").filter({ hasText: "Characteristic" }).first();
    expect(
      (
        await smallChars
          .getByRole("row", { name: /A coordinated team of public partners/ })
          .getByRole("cell")
          .allTextContents()
      ).map((t) => t.trim()),
    ).toEqual(["66.7", "hidden", "hidden"]);
    await screenshot(convener, { path: `${shots}/results-hidden.png`, fullPage: true });
    await expectNoSeriousViolations(convener, "the results page with hidden groups");
  }, 150_000);
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
    // The latest round is on rubric version 2, the one before on version 1: the history says
    // how they compare.
    const rows = history.getByRole("row");
    expect(await rows.nth(1).textContent()).toContain("version 2");
    expect(await rows.nth(2).textContent()).toContain("version 1");
    await history
      .getByText("New in version 2, not compared: Industry-identified solutions with economic impact.", {
        exact: false,
      })
      .first()
      .waitFor();
    await screenshot(convener, { path: `${shots}/section.png`, fullPage: true });
    await expectNoSeriousViolations(convener, "the self-assessment section");

    // The version 2 round's results say what was compared, and show the workspace's evidence.
    await history
      .getByRole("link", { name: /^Results/ })
      .first()
      .click();
    await convener.getByText("this round version 2", { exact: false }).first().waitFor();
    await convener.getByText("compares the 5 characteristics both hold", { exact: false }).first().waitFor();
    await convener
      .getByText(/an owner, CEO or executive|owners, CEOs or executives/)
      .first()
      .waitFor();
    await convener
      .getByText(/The region: \d+ counties in 1 state/)
      .first()
      .waitFor();
    await convener
      .getByText("the action plan has no priorities or actions", { exact: false })
      .first()
      .waitFor();
    await screenshot(convener, { path: `${shots}/results-v2.png`, fullPage: true });
    await expectNoSeriousViolations(convener, "the results of a version 2 round after a version 1 round");

    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password);
    await admin.goto("/admin/assessment/community");
    const lowest = admin.getByRole("region", { name: "Characteristics, lowest first" });
    // The header and the six characteristics: every demo partnership's latest round is on version 2.
    await expect.poll(() => lowest.getByRole("row").count(), { timeout: 15_000 }).toBe(7);
    await screenshot(admin, { path: `${shots}/community.png`, fullPage: true });
    await expectNoSeriousViolations(admin, "the community view");

    await admin.goto("/admin/assessment");
    // Another journey on this server (the translated content's) may have started the draft first.
    const start = admin.getByRole("button", { name: "Start a new version" });
    const draftHeading = admin.getByRole("heading", { name: "Draft version 3" });
    await start.or(draftHeading).first().waitFor();
    if (await start.isVisible()) await start.click();
    await draftHeading.waitFor();
    await screenshot(admin, { path: `${shots}/rubric-admin.png`, fullPage: false });
    await expectNoSeriousViolations(admin, "the rubric admin page");
    // Publishing asks in the app first; cancelled here, since every journey shares this server's rubric.
    await admin.getByRole("button", { name: "Save and publish" }).click();
    const publishing = admin.getByRole("dialog", { name: "Publish version 3?" });
    await publishing.getByText("can never be changed", { exact: false }).waitFor();
    await expectNoSeriousViolations(admin, "the publish dialog");
    await publishing.getByRole("button", { name: "Cancel" }).click();
    await publishing.waitFor({ state: "hidden" });
    const versions = await apiFromPage<{ items: { version: number; status: string }[] }>(
      admin,
      "GET",
      "/assessment/rubrics",
    );
    expect(versions.items.find((v) => v.version === 3)?.status).toBe("draft");
  });
});
