import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, signIn, signOut, signUp } from "./ui.js";

const DAY = 86_400_000;

describe.skipIf(!!skipReason)("journey: the home page, for a visitor and for a practitioner", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.stop();
  });

  async function getJson<T>(path: string): Promise<T> {
    const res = await fetch(`${h.baseUrl}/api${path}`);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  }

  it("shows a visitor the numbers, the map and the next events; a state opens the filtered directory", async () => {
    // Make sure at least one event is coming, planned by the demo community admin.
    const admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password);
    const start = new Date(Date.now() + 2 * DAY);
    await apiFromPage(admin, "POST", "/events", {
      title: `Peer exchange on launch meetings ${unique()}`,
      description: "Conveners compare notes.",
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      timeZone: "America/Denver",
      online: true,
      link: "https://meet.example.org/launch",
    });

    const stats = await getJson<{ partnerships: number; states: number }>("/community/stats");
    const events = await getJson<{ items: { title: string; cancelled: boolean }[] }>("/events");
    const nextTitles = events.items
      .filter((e) => !e.cancelled)
      .slice(0, 3)
      .map((e) => e.title);
    expect(nextTitles.length).toBeGreaterThan(0);
    const map = await getJson<{ states: { abbr: string; count: number }[] }>("/partnerships/map");
    const busiest = [...map.states].sort((a, b) => b.count - a.count)[0];
    expect(busiest?.count).toBeGreaterThan(0);

    const page = await h.newPage();
    await page.goto("/");
    const numbers = page.getByRole("region", { name: "The community today" });
    await expect
      .poll(() => numbers.textContent())
      .toContain(`${stats.partnerships.toLocaleString("en-US")}partnerships`);
    expect(await numbers.textContent()).toContain(`${stats.states}states`);

    const eventsSection = page.getByRole("region", { name: "Upcoming events" });
    await eventsSection.getByRole("link", { name: nextTitles[0] }).waitFor();
    expect(await eventsSection.getByRole("listitem").count()).toBe(nextTitles.length);
    for (const title of nextTitles) await eventsSection.getByRole("link", { name: title }).waitFor();
    // A visitor sees no personal sections.
    expect(await page.getByRole("heading", { name: "What is due" }).count()).toBe(0);

    const mapSection = page.getByRole("region", { name: "Where partnerships work" });
    const state = mapSection.locator(`svg.us-map path[data-state="${busiest!.abbr}"]`);
    await state.waitFor();
    expect(await state.getAttribute("aria-label")).toMatch(new RegExp(`: ${busiest!.count} partnerships?$`));
    await expectNoSeriousViolations(page, "the visitor's home page");

    await state.click();
    await page.waitForURL(new RegExp(`/partnerships\\?state=${busiest!.abbr}$`));
    const count = page.getByTestId("result-count");
    await expect.poll(() => count.textContent()).toMatch(/ in [A-Z][a-z]+/);
    expect(parseInt((await count.textContent()) ?? "0", 10)).toBe(busiest!.count);
  });

  it("shows a practitioner their action under 'What is due' and a new reply under 'New replies'", async () => {
    const id = unique();
    const page = await h.newPage();
    await signUp(page, {
      name: "Hana Home",
      email: `hana-${id}@example.org`,
      password: "correct-horse-battery",
    });

    // Hana convenes a partnership with a champion, a priority, a team and an action she owns.
    const p = await apiFromPage<{ id: string; slug: string }>(page, "POST", "/partnerships", {
      name: `Home Page Manufacturing ${id}`,
      setting: "metro",
      counties: ["08031"],
      naics: ["31-33"],
    });
    const org = await apiFromPage<{ id: string }>(page, "POST", `/partnerships/${p.id}/organizations`, {
      name: "Acme Precision",
      kind: "business",
    });
    const champion = await apiFromPage<{ personId: string }>(page, "POST", `/partnerships/${p.id}/members`, {
      name: "Cleo Champion",
      role: "champion",
      organizationId: org.id,
    });
    const priority = await apiFromPage<{ id: string }>(page, "POST", `/partnerships/${p.id}/priorities`, {
      title: "Grow apprenticeships",
      theme: "talent_pipeline",
    });
    const team = await apiFromPage<{ id: string }>(page, "POST", `/priorities/${priority.id}/action-teams`, {
      name: "Apprenticeship team",
      championIds: [champion.personId],
    });
    const me = await apiFromPage<{ personId: string }>(page, "GET", "/me");
    const actionTitle = `Survey shops on apprentice needs ${id}`;
    await apiFromPage(page, "POST", `/action-teams/${team.id}/actions`, {
      title: actionTitle,
      ownerId: me.personId,
      dueDate: new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10),
    });

    // Hana asks a question (and so follows it); Ravi answers.
    const threadTitle = `Who runs your launch meeting? ${id}`;
    const thread = await apiFromPage<{ id: string }>(page, "POST", "/discussions", {
      title: threadTitle,
      category: "launching",
      body: "We are planning ours.",
    });
    await signOut(page);
    await signUp(page, {
      name: "Ravi Replier",
      email: `ravi-${id}@example.org`,
      password: "correct-horse-battery",
    });
    await apiFromPage(page, "POST", `/discussions/${thread.id}/replies`, {
      body: "A business champion, always.",
    });
    await signOut(page);

    await signIn(page, `hana-${id}@example.org`, "correct-horse-battery");
    await page.goto("/");
    const due = page.getByRole("region", { name: "What is due" });
    const action = due.getByRole("link", { name: actionTitle });
    await action.waitFor();
    expect(await action.getAttribute("href")).toBe(`/p/${p.slug}/agenda/plan`);
    const replies = page.getByRole("region", { name: "New replies" });
    const item = replies.getByRole("listitem").filter({ hasText: threadTitle });
    await item.waitFor();
    expect(await item.textContent()).toContain("1 new reply");
    expect(await item.textContent()).toContain("Last by Ravi Replier");
    await page.getByRole("region", { name: "Upcoming events" }).getByRole("listitem").first().waitFor();
    await page.getByRole("region", { name: "Where partnerships work" }).locator("svg.us-map").waitFor();
    await expectNoSeriousViolations(page, "the signed-in home page");

    // Reading the thread clears it from the home page.
    await item.getByRole("link", { name: threadTitle }).click();
    await page.getByRole("heading", { name: threadTitle }).waitFor();
    await page.goto("/");
    await replies.getByText("No new replies in the discussions you follow.").waitFor();
    await due.getByRole("link", { name: actionTitle }).waitFor();
  });
});
