import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { skipReason, startHarness, unique, type Harness, type StorageState } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, signUp } from "./ui.js";

describe.skipIf(!!skipReason)("accessibility: no serious or critical axe violations", () => {
  let h: Harness;
  let slug = "";
  let convener: StorageState;

  beforeAll(async () => {
    h = await startHarness();
    const page = await h.newPage();
    await signUp(page, {
      name: "Axe Convener",
      email: `axe-${unique()}@example.org`,
      password: "correct-horse-battery",
    });
    const p = await apiFromPage<{ slug: string }>(page, "POST", "/partnerships", {
      name: `Accessible Manufacturing ${unique()}`,
      naics: ["31-33", "3363"],
      counties: ["08031", "08005", "56021"],
      setting: "metro",
      stage: "act",
      description: "A partnership made for the accessibility scan.",
      contactName: "Axe Convener",
      contactEmail: "axe@example.org",
    });
    slug = p.slug;
    convener = await page.context().storageState();
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("directory with the map", async () => {
    const page = await h.newPage();
    await page.goto("/partnerships");
    await page.locator("svg.us-map path.state").first().waitFor();
    await page.locator("svg.us-map path.county").first().waitFor();
    await expect.poll(() => page.getByTestId("result-count").textContent()).toMatch(/partnership/);
    await expectNoSeriousViolations(page, "the directory");
  });

  it("public profile", async () => {
    const page = await h.newPage();
    await page.goto(`/p/${slug}`);
    await page.getByRole("heading", { name: "Region" }).waitFor();
    await expectNoSeriousViolations(page, "the public profile");
  });

  it("sign-in page, also with its error messages", async () => {
    const page = await h.newPage();
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in" }).last().waitFor();
    await expectNoSeriousViolations(page, "the sign-in page");
    await page.getByRole("button", { name: "Sign in" }).last().click();
    await page.getByText("Enter your password").waitFor();
    await expectNoSeriousViolations(page, "the sign-in page with errors");
  });

  it("members page of a convener", async () => {
    const page = await h.newPage({ storageState: convener });
    await page.goto(`/p/${slug}/members`);
    await page.getByRole("button", { name: "Add organization" }).waitFor();
    await expectNoSeriousViolations(page, "the members page");
  });

  it("profile form with validation errors", async () => {
    const page = await h.newPage({ storageState: convener });
    await page.goto(`/p/${slug}/edit`);
    await page.getByText("Chosen:").waitFor();
    await page.getByRole("textbox", { name: "Name", exact: true }).fill("");
    await page.getByRole("textbox", { name: "Website" }).fill("not a web address");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Must be at least 3 characters").waitFor();
    await expectNoSeriousViolations(page, "the edit form");
  });
});
