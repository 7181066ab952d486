import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { expectNoSeriousViolations, expectNoSidewaysScroll, field, pick, signIn } from "./ui.js";

describe.skipIf(!!skipReason)(
  "journey: the admin makes a service token for a state system, then revokes it",
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.stop();
    });

    it("at 390 px: makes an Ohio token shown once, a machine syncs with it, the admin revokes it and it stops", async () => {
      const admin = await h.newPage();
      await admin.setViewportSize({ width: 390, height: 844 });
      await signIn(admin, demo.admin.email, demo.admin.password, "/admin");
      await admin.getByRole("link", { name: "Service tokens" }).click();
      await admin.getByRole("heading", { level: 1, name: "Service tokens" }).waitFor();
      await admin.getByText("Service tokens are read only").waitFor();
      await expectNoSeriousViolations(admin, "the service tokens page");

      const name = `Ohio workforce data sync ${unique()}`;
      await field(admin, "Token name").fill(name);
      await pick(admin, "State", "Ohio", "Ohio");
      await admin.getByRole("button", { name: "Make a read-only token" }).click();
      const shown = admin.getByRole("alert").filter({ hasText: name });
      await shown.waitFor();
      const token = await shown.getByRole("textbox", { name: "Token" }).inputValue();
      expect(token).toMatch(/^st_[A-Za-z0-9_-]{43}$/);
      await shown.getByRole("button", { name: "Copy" }).waitFor();
      await expectNoSeriousViolations(admin, "the service tokens page with a new token");
      await expectNoSidewaysScroll(admin, "the service tokens page at 390 px");

      // Shown once: after "I have copied it" the page (and a reload) never shows it again.
      await shown.getByRole("button", { name: "I have copied it" }).click();
      await admin.reload();
      await admin.getByRole("cell", { name: new RegExp(`^${name} st_`) }).waitFor();
      expect(await admin.content()).not.toContain(token);

      // A state system reads with it, outside any browser.
      const sync = () =>
        fetch(`${h.baseUrl}/api/sync/measurements?limit=5`, {
          headers: { authorization: `Bearer ${token}` },
        });
      const first = await sync();
      expect(first.status).toBe(200);
      expect(Array.isArray(((await first.json()) as { items: unknown[] }).items)).toBe(true);

      // Revoking asks first.
      await admin.getByRole("button", { name: `Revoke ${name}` }).click();
      const dialog = admin.getByRole("dialog", { name: `Revoke “${name}”?` });
      await dialog.waitFor();
      await expectNoSeriousViolations(admin, "the revoke dialog");
      await dialog.getByRole("button", { name: "Revoke the token" }).click();
      await admin.getByText(`“${name}” is revoked and works no more.`).waitFor();
      expect((await sync()).status).toBe(401);
    });
  },
);
