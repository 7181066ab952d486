import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { repoRoot } from "./harness.js";

/** The five Central Ohio counties of the committed QCEW fixtures (fixtures/README.md). */
export const centralOhioCounties = ["39041", "39045", "39047", "39049", "39073"];

const files = [
  ...centralOhioCounties.map((f) => `morpc-qcew-2020-a-${f}.csv`),
  "derived-US000-2020-a.csv",
].map((name) => ({ name, text: readFileSync(join(repoRoot, "fixtures/qcew", name), "utf8") }));

/**
 * Imports the Central Ohio county files and the derived US000 through the admin upload, as the
 * page's signed-in community admin. Importing again replaces: journeys sharing a server may each
 * call it.
 */
export async function importCentralOhio(admin: Page): Promise<void> {
  for (const file of files) {
    const status = await admin.evaluate(
      async ({ name, text }) =>
        (
          await fetch(`/api/admin/qcew/imports?name=${encodeURIComponent(name)}`, {
            method: "POST",
            credentials: "same-origin",
            headers: { "content-type": "text/csv" },
            body: text,
          })
        ).status,
      file,
    );
    expect(status, file.name).toBe(201);
  }
}
