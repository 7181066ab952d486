import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import { apiFromPage, expectNoSeriousViolations, field, signIn, signOut, signUp, screenshot } from "./ui.js";

const shots = "/tmp/hub-files";

/** A minimal valid PDF: header, one empty page, cross-reference table and trailer. */
function minimalPdf(text: string): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) body += `${String(at).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** The bytes a link of the page downloads, read with the page's own session. */
async function downloadedBytes(page: Page, href: string) {
  return page.evaluate(async (url) => {
    const res = await fetch(url);
    const bytes = Array.from(new Uint8Array(await res.arrayBuffer()));
    return { status: res.status, type: res.headers.get("content-type"), bytes };
  }, href);
}

describe.skipIf(!!skipReason)(
  "files: a suggested resource with its PDF, and an event's file materials",
  () => {
    let h: Harness;
    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      h = await startHarness();
    });
    afterAll(async () => {
      await h?.stop();
    });

    it("a member suggests a resource with a PDF; a refused file is said so and attached again; the admin reviews it with the file", async () => {
      const page = await h.newPage();
      const id = unique();
      const member = { name: "Fran Files", email: `fran-${id}@example.org`, password: "a-long-password-1" };
      await signUp(page, member);
      const pdf = minimalPdf("Employer survey template");
      const title = `Employer survey template ${id}`;

      await page.goto("/resources/suggest");
      await page.getByRole("heading", { level: 1, name: "Suggest a resource" }).waitFor();
      await field(page, "Title").fill(title);
      await field(page, "Summary").fill("Questions to ask employers before a launch meeting.");
      const fileInput = page.locator("input[type=file]");

      // A file the library does not take is stopped in the browser, before anything is saved.
      await fileInput.setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hi") });
      await page.getByText("notes.txt is not a PDF, Word (.docx) or Excel (.xlsx) file.").waitFor();
      await page.getByRole("button", { name: "Send for review" }).click();
      await page.getByText("notes.txt is not a PDF, Word (.docx) or Excel (.xlsx) file.").waitFor();
      expect(new URL(page.url()).pathname).toBe("/resources/suggest");
      await expectNoSeriousViolations(page, "the suggest form with a refused file");

      // A file named .pdf whose content is not a PDF is stopped in the browser too, by its first bytes.
      await fileInput.setInputFiles({
        name: "survey.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("MZ this is a program, not a PDF"),
      });
      await page.getByRole("button", { name: "Send for review" }).click();
      await page.getByText("survey.pdf is not really a PDF file").waitFor();
      expect(new URL(page.url()).pathname).toBe("/resources/suggest");

      // Should the server still refuse the file (here: made to answer 415 once), the person is told
      // the suggestion was saved without it, with the server's reason, and can attach it again.
      await fileInput.setInputFiles({ name: "survey.pdf", mimeType: "application/pdf", buffer: pdf });
      await page.route(
        /\/api\/resources\/[^/]+\/file(\?|$)/,
        (route) =>
          route.fulfill({
            status: 415,
            contentType: "application/problem+json",
            body: JSON.stringify({
              type: "about:blank",
              title: "Unsupported Media Type",
              status: 415,
              detail: "The file's content is not a PDF file, though it was sent as one.",
            }),
          }),
        { times: 1 },
      );
      await page.getByRole("button", { name: "Send for review" }).click();
      await page.getByRole("alert").filter({ hasText: "Saved without its file" }).waitFor();
      await page.getByText("The file's content is not a PDF file, though it was sent as one.").waitFor();
      await screenshot(page, { path: `${shots}/suggest-saved-without-file.png`, fullPage: true });
      await expectNoSeriousViolations(page, "the saved-without-file screen");

      // Attach the right file: the suggestion then carries it, once (no second resource was made).
      await page.locator("input[type=file]").setInputFiles({
        name: "survey.pdf",
        mimeType: "application/pdf",
        buffer: pdf,
      });
      await page.getByRole("button", { name: "Try attaching again" }).click();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.getByText("Waiting for review").waitFor();
      const download = page.getByRole("link", { name: /^Download PDF/ });
      await download.waitFor();
      const own = await downloadedBytes(page, (await download.getAttribute("href")) ?? "");
      expect(own.status).toBe(200);
      expect(own.type).toBe("application/pdf");
      expect(Buffer.from(own.bytes).equals(pdf)).toBe(true);
      await screenshot(page, { path: `${shots}/suggestion.png`, fullPage: true });
      await expectNoSeriousViolations(page, "the suggestion with its file");
      await signOut(page);

      await signIn(page, demo.admin.email, demo.admin.password, "/admin/resources");
      const item = page.getByRole("listitem").filter({ hasText: title });
      await item.getByText("With a file: survey.pdf (PDF, 1 KB)").waitFor();
      expect(await item.count()).toBe(1);
      await screenshot(page, { path: `${shots}/review.png`, fullPage: true });
      await expectNoSeriousViolations(page, "the review page");
      await item.getByRole("link", { name: title }).click();
      await page.getByRole("link", { name: /^Download PDF/ }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Replace the file" }).waitFor();
      await expectNoSeriousViolations(page, "the resource page as admin");
    });

    it("the admin attaches a file to an event, keeps it through an edit, the event page lists it; then removes it", async () => {
      const page = await h.newPage();
      await signIn(page, demo.admin.email, demo.admin.password);
      const past = await apiFromPage<{ items: { slug: string; title: string }[] }>(
        page,
        "GET",
        "/events?when=past",
      );
      const event = past.items[0];
      if (!event) throw new Error("the demo data has no past event");
      const pdf = minimalPdf("Handout for the exchange");

      await page.goto(`/events/${event.slug}/edit`);
      await page.getByRole("heading", { level: 2, name: "Files" }).waitFor();
      await field(page, "File title").fill("Handout");
      await page.locator("input[type=file]").setInputFiles({
        name: "handout.pdf",
        mimeType: "application/pdf",
        buffer: pdf,
      });
      await page.getByRole("button", { name: "Upload the file" }).click();
      const files = page.getByRole("list", { name: "Files of this event" });
      await files.getByText("handout.pdf · PDF · 1 KB").waitFor();
      await screenshot(page, { path: `${shots}/event-files.png`, fullPage: true });
      await expectNoSeriousViolations(page, "the event editor with a file");

      // Saving the event's form (its links) keeps the file.
      await page.getByRole("button", { name: "Save the event" }).click();
      await page.getByRole("heading", { level: 1, name: event.title }).waitFor();
      const link = page.getByRole("link", { name: "Handout", exact: true });
      await link.waitFor();
      await page.getByText("(handout.pdf · PDF · 1 KB)").waitFor();
      const got = await downloadedBytes(page, (await link.getAttribute("href")) ?? "");
      expect(got.status).toBe(200);
      expect(got.type).toBe("application/pdf");
      expect(Buffer.from(got.bytes).equals(pdf)).toBe(true);
      await screenshot(page, { path: `${shots}/event-with-file.png`, fullPage: true });
      await expectNoSeriousViolations(page, "the event page with a file");

      // A visitor sees and downloads it too.
      const visitor = await h.newPage();
      await visitor.goto(`/events/${event.slug}`);
      await visitor.getByRole("link", { name: "Handout", exact: true }).waitFor();

      await page.goto(`/events/${event.slug}/edit`);
      await page.getByRole("button", { name: "Remove Handout" }).click();
      await page.getByText("No files yet.", { exact: false }).waitFor();
      await page.goto(`/events/${event.slug}`);
      await page.getByRole("heading", { level: 1, name: event.title }).waitFor();
      expect(await page.getByRole("link", { name: "Handout", exact: true }).count()).toBe(0);
    });
  },
);
