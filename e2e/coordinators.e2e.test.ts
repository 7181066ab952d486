import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, createAccount, expectNoSeriousViolations, field, pick, signIn } from "./ui.js";

interface Detail {
  slug: string;
  name: string;
  states: { fips: string; name: string }[];
}

describe.skipIf(!!skipReason)(
  "journey: a state coordinator reads a partnership, its convener sees it",
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.stop();
    });

    it("admin assigns a state coordinator; they open My scope and an impact page read-only; the convener sees the access", async () => {
      // The demo convener's partnership and its state.
      const convener = await h.newPage();
      await signIn(convener, demo.convener.email, demo.convener.password);
      const me = await apiFromPage<{ partnerships: { slug: string }[] }>(convener, "GET", "/me");
      const slug = me.partnerships[0]!.slug;
      const detail = await apiFromPage<Detail>(convener, "GET", `/partnerships/${slug}`);
      const state = detail.states[0]!;

      // A fresh account, to become that state's coordinator.
      const coordinator = await h.newPage();
      const person = {
        name: `Stella State ${unique()}`,
        email: `state-${unique()}@example.org`,
        password: "coordinator-pw-1",
      };
      await createAccount(coordinator, person);

      // The community admin assigns them on the Coordinators page.
      const admin = await h.newPage();
      await signIn(admin, demo.admin.email, demo.admin.password, "/admin");
      await admin.getByRole("link", { name: "Coordinators" }).click();
      await admin.getByRole("heading", { level: 1, name: "Coordinators" }).waitFor();
      await field(admin, "E-mail of the person").fill(person.email);
      await pick(admin, "State", state.name, state.name);
      await admin.getByRole("button", { name: "Assign", exact: true }).click();
      await admin.getByText(`${person.name} now coordinates ${state.name}.`).waitFor();
      await admin.getByRole("cell", { name: new RegExp(person.email) }).waitFor();
      await expectNoSeriousViolations(admin, "the coordinators admin page");

      // The coordinator finds the partnership in My scope and opens its impact page: no entry tab.
      await coordinator.goto("/me/scope");
      await coordinator.getByRole("heading", { level: 1, name: "My scope" }).waitFor();
      await coordinator.getByRole("link", { name: detail.name, exact: true }).waitFor();
      await expectNoSeriousViolations(coordinator, "My scope");
      await coordinator.getByRole("link", { name: `Impact of ${detail.name}`, exact: true }).click();
      await coordinator.getByRole("heading", { level: 1, name: "Impact" }).waitFor();
      await coordinator.getByRole("tab", { name: "Indicators" }).waitFor();
      expect(await coordinator.getByRole("tab", { name: "Enter values" }).count()).toBe(0);
      await expectNoSeriousViolations(coordinator, "the impact page read by a coordinator");
      // A write is refused.
      const write = await coordinator.evaluate(async (s) => {
        const res = await fetch(`/api/partnerships/${s}/measurements`, {
          method: "PUT",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            items: [
              {
                indicator: "jobs_created",
                period: "2025",
                value: 1,
                kind: "actual",
                visibility: "partnership",
              },
            ],
          }),
        });
        return res.status;
      }, slug);
      expect(write).toBe(403);

      // The convener sees the read under Members, in "Coordinator access".
      await convener.goto(`/p/${slug}/members`);
      const section = convener.getByRole("region", { name: "Coordinator access" });
      await section.waitFor();
      await section.getByRole("cell", { name: "impact values" }).first().waitFor();
      expect(await section.getByText(person.name).count()).toBeGreaterThan(0);
      await expectNoSeriousViolations(convener, "the members page with coordinator access");

      // At 390 px the pages fit without sideways scrolling.
      await coordinator.setViewportSize({ width: 390, height: 800 });
      await coordinator.goto("/me/scope");
      await coordinator.getByRole("heading", { level: 1, name: "My scope" }).waitFor();
      const overflow = await coordinator.evaluate(
        () => document.documentElement.scrollWidth > window.innerWidth,
      );
      expect(overflow).toBe(false);
    });
  },
);
