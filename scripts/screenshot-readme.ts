/** Retakes the README's screenshot of the directory: `npx tsx scripts/screenshot-readme.ts` (needs Chromium). */
import { startHarness } from "../e2e/harness.js";

const h = await startHarness();
try {
  const page = await h.newPage();
  await page.setViewportSize({ width: 1280, height: 1250 });
  await page.goto("/");
  await page
    .getByRole("button", { name: /^Colorado: \d+ partnerships?/ })
    .first()
    .waitFor();
  await page.getByRole("heading", { name: "Partnerships", exact: true }).waitFor();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "docs/directory.png" });
  console.log("docs/directory.png written");
} finally {
  await h.stop();
}
