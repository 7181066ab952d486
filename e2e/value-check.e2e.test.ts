import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import {
  apiFromPage,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  field,
  signIn,
  signUp,
} from "./ui.js";

const phone = { width: 390, height: 844 };

describe.skipIf(!!skipReason)("journey: the employer value check", () => {
  let h: Harness;
  let admin: Page;
  let convener: Page;
  let p: { id: string; slug: string };
  const id = unique();
  const year = new Date().getUTCFullYear();

  /** Signs a person up and seats them by an invitation the convener sends. */
  async function join(name: string, role: string, organizationId: string) {
    const email = `${name.split(" ")[0]!.toLowerCase()}-${id}@example.org`;
    const page = await h.newPage();
    await page.setViewportSize(phone);
    await signUp(page, { name, email, password: "correct-horse-battery" });
    await apiFromPage(convener, "POST", `/partnerships/${p.id}/invitations`, {
      email,
      name,
      role,
      organizationId,
    });
    const outbox = await apiFromPage<{ items: { to: string; text: string }[] }>(
      admin,
      "GET",
      "/admin/outbox",
    );
    const token = /\/invitations\/([\w-]+)/.exec(outbox.items.find((m) => m.to === email)?.text ?? "")?.[1];
    expect(token).toBeTruthy();
    await apiFromPage(page, "POST", `/invitations/${token}/accept`);
    return { page, email };
  }

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.newPage();
    await signIn(admin, demo.admin.email, demo.admin.password, "/admin");
    convener = await h.newPage();
    await signIn(convener, demo.convener.email, demo.convener.password);
    p = await apiFromPage<{ id: string; slug: string }>(convener, "POST", "/partnerships", {
      name: `Value Check Machining ${id}`,
      naics: ["31-33"],
      counties: ["08031"],
      setting: "metro",
      stage: "act",
    });
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("the convener opens the check, business members answer on a phone, the aggregate shows once closed with 3 answers", async () => {
    const org = (name: string, kind: string) =>
      apiFromPage<{ id: string }>(convener, "POST", `/partnerships/${p.id}/organizations`, { name, kind });
    const acme = await org("Acme Precision", "business");
    const college = await org("Red Rocks College", "postsecondary_education");
    const members = [
      await join("Bea Builder", "business_member", acme.id),
      await join("Ben Bolt", "business_member", acme.id),
      await join("Cleo Champion", "champion", acme.id),
    ];
    const pat = await join("Pat Public", "support", college.id);

    // The convener finds the check from the impact page and opens this year's.
    await convener.goto(`/p/${p.slug}/impact`);
    await convener.getByRole("link", { name: "Employer value check" }).click();
    await convener.getByRole("heading", { level: 1, name: "Employer value check" }).waitFor();
    await convener.getByText("No value check has been opened yet.").waitFor();
    await expectNoSeriousViolations(convener, "the value check page before any check (convener)");
    await convener.getByRole("button", { name: `Open the ${year} value check` }).click();
    await convener.getByRole("heading", { name: `Value check ${year}` }).waitFor();
    await convener.getByText("0 answers.", { exact: true }).waitFor();

    // Each business member got an e-mail with the link to the check.
    const outbox = await apiFromPage<{ items: { to: string; text: string }[] }>(
      admin,
      "GET",
      "/admin/outbox",
    );
    const link = `/p/${p.slug}/value-check`;
    for (const m of members) {
      expect(outbox.items.some((mail) => mail.to === m.email && mail.text.includes(link))).toBe(true);
    }
    expect(outbox.items.some((mail) => mail.to === pat.email && mail.text.includes(link))).toBe(false);

    // The public partner sees the check but no questions to answer.
    await pat.page.goto(link);
    await pat.page.getByRole("heading", { name: `Value check ${year}` }).waitFor();
    expect(await pat.page.getByRole("button", { name: "Send my answer" }).count()).toBe(0);

    // Three business members answer on a phone: 6, 8 and 10.
    const worths = ["6", "8", "10"];
    for (const [i, m] of members.entries()) {
      await m.page.goto(link);
      await m.page.getByRole("heading", { name: `Value check ${year}` }).waitFor();
      await m.page
        .getByRole("combobox", { name: "Is this partnership worth your time?" })
        .selectOption(worths[i]!);
      await field(m.page, "What did it change for your company?").fill(`We hired faster (${i})`);
      await field(m.page, "What should change?").fill(`Shorter meetings (${i})`);
      await m.page.getByRole("button", { name: "Send my answer" }).click();
      await m.page.getByText("Thank you: your answer is saved.").waitFor();
      await m.page.getByText(`${i + 1} ${i === 0 ? "answer" : "answers"} (yours included).`).waitFor();
      if (i === 0) {
        await expectNoSidewaysScroll(m.page, "the value check on a phone");
        await expectNoSeriousViolations(m.page, "the value check answer form on a phone");
      }
    }
    // While open, only the count: an average that moves with each answer would tell it.
    await members[0]!.page.reload();
    await members[0]!.page.getByText("3 answers (yours included).").waitFor();
    expect(await members[0]!.page.getByText(/Worth their time/).count()).toBe(0);

    // The convener closes the check: every member sees the average and the bands, no answer of anyone.
    await convener.reload();
    await convener.getByText("3 answers.", { exact: true }).waitFor();
    await convener.getByRole("button", { name: `Close the ${year} check` }).click();
    await convener.getByText("Worth their time: 8.0 out of 10").waitFor();
    await convener.getByText("0 to 6: 1 · 7 or 8: 1 · 9 or 10: 1").waitFor();
    await expectNoSeriousViolations(convener, "the closed value check with its results");
    await pat.page.reload();
    await pat.page.getByText("Worth their time: 8.0 out of 10").waitFor();
    const page = await pat.page.content();
    expect(page).not.toContain("We hired faster");
    expect(page).not.toContain("Shorter meetings");

    // The average became the year's value of the businesses' indicator.
    const values = await apiFromPage<{ items: { indicator: string; period: string; value: number }[] }>(
      convener,
      "GET",
      `/partnerships/${p.id}/measurements?indicator=employer_value_worth`,
    );
    expect(values.items).toEqual([expect.objectContaining({ period: String(year), value: 8 })]);
  });

  it("the convener answers a yes/no outcome with Yes in the grid, and sees funding by source and businesses engaged", async () => {
    await apiFromPage(convener, "PUT", `/partnerships/${p.id}/indicators`, {
      keys: [
        "employer_value_worth",
        "shared_data_support_orgs",
        "leveraged_funding_federal",
        "leveraged_funding_state",
      ],
    });
    await apiFromPage(convener, "PUT", `/partnerships/${p.id}/measurements`, {
      items: [
        {
          indicator: "leveraged_funding_federal",
          period: String(year),
          value: 1500.5,
          kind: "actual",
          visibility: "community",
        },
        {
          indicator: "leveraged_funding_state",
          period: String(year),
          value: 250,
          kind: "actual",
          visibility: "community",
        },
      ],
    });
    await convener.goto(`/p/${p.slug}/impact`);
    await convener.getByRole("heading", { level: 1, name: "Impact" }).waitFor();
    await convener.getByRole("tab", { name: "Enter values" }).click();
    const cell = convener.getByRole("combobox", {
      name: `Shared data across support organizations, ${year}`,
    });
    await cell.selectOption({ label: "Yes" });
    await convener.getByRole("button", { name: "Save 1 value" }).click();
    await convener.getByRole("status").filter({ hasText: "Saved 1 value." }).waitFor();
    const saved = await apiFromPage<{ items: { indicator: string; value: number }[] }>(
      convener,
      "GET",
      `/partnerships/${p.id}/measurements?indicator=shared_data_support_orgs`,
    );
    expect(saved.items).toEqual([expect.objectContaining({ value: 1 })]);
    // Computed indicators take no typed value: the grid does not offer them.
    expect(
      await convener
        .getByRole("textbox", { name: new RegExp(`^Employer value: worth their time, ${year}$`) })
        .count(),
    ).toBe(0);

    await convener.getByRole("tab", { name: "Indicators" }).click();
    const panel = convener.getByRole("region", { name: "Funding and businesses engaged" });
    await panel.getByText(`Businesses engaged in ${year}:`).waitFor();
    // Bea, Ben and Cleo all came from Acme: one business.
    await expect
      .poll(async () => (await panel.innerText()).includes(`Businesses engaged in ${year}: 1`))
      .toBe(true);
    const funding = panel.getByRole("table", { name: "Leveraged funding by source" });
    await funding.getByRole("row", { name: /Federal \$1,500\.50/ }).waitFor();
    await funding.getByRole("row", { name: /State \$250/ }).waitFor();
    await expectNoSeriousViolations(convener, "the impact page with funding by source");
  });
});
