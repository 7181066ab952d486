import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demo, skipReason, startHarness, unique, type Harness } from "./harness.js";
import {
  apiFromPage,
  expectNoSeriousViolations,
  expectNoSidewaysScroll,
  field,
  screenshot,
  signIn,
} from "./ui.js";

const shots = process.env.MEETING_FILES_SHOTS ?? "/tmp/meeting-files-shots";

/** A minimal valid PDF: header, one page with a line of text, cross-reference table and trailer. */
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

interface MeetingFiles {
  id: string;
  files: { id: string; title: string; url: string }[];
  fileStorage: { usedBytes: number; limitBytes: number };
}

describe.skipIf(!!skipReason)("journey: a convener keeps the files of a meeting", () => {
  let h: Harness;
  let page: Page;
  let slug = "";
  let meetingId = "";
  const title = `Spring full partnership ${unique()}`;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness();
    page = await h.newPage();
    await signIn(page, demo.convener.email, demo.convener.password);
    const me = await apiFromPage<{ partnerships: { slug: string; role: string }[] }>(page, "GET", "/me");
    slug = me.partnerships.find((p) => p.role === "convener")?.slug ?? "";
    expect(slug).not.toBe("");
    const meeting = await apiFromPage<{ id: string }>(page, "POST", `/partnerships/${slug}/meetings`, {
      kind: "full_partnership",
      title,
      startsAt: "2026-04-09T08:00",
      endsAt: "2026-04-09T09:30",
      timeZone: "America/Denver",
      place: "Front Range Community College, Room 104",
    });
    meetingId = meeting.id;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("uploads a PDF, sees it listed, downloads the same bytes, and removes it through the in-app dialog", async () => {
    const pdf = minimalPdf("Agenda for the spring meeting");
    const fileTitle = "Agenda handout";
    await page.goto(`/p/${slug}/meetings/${meetingId}`);
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    const card = page.getByRole("region", { name: "Files", exact: true });
    await card.getByText("No files yet.", { exact: false }).waitFor();
    await card.getByText(/ MB of 200 MB used by this partnership$/).waitFor();

    // A refusal from the server (here the partnership's quota, answered once) shows its reason.
    await page.route(
      new RegExp(`/api/meetings/${meetingId}/files\\?`),
      (route) =>
        route.fulfill({
          status: 413,
          contentType: "application/problem+json",
          body: JSON.stringify({
            type: "https://sharedtable.dev/problems/too_large",
            title: "Too large to keep",
            status: 413,
            detail:
              "This partnership keeps at most 200 MB of meeting files; 199.9 MB are used and this file is 0.0 MB. Remove files you no longer need, or link to the file instead.",
          }),
        }),
      { times: 1 },
    );
    await card.locator("input[type=file]").setInputFiles({
      name: "spring-agenda.pdf",
      mimeType: "application/pdf",
      buffer: pdf,
    });
    // The title is taken from the file's name until one is typed.
    expect(await field(page, "File title").inputValue()).toBe("spring-agenda");
    await field(page, "File title").fill(fileTitle);
    await card.getByRole("button", { name: "Upload the file" }).click();
    const refused = card.getByRole("alert").filter({ hasText: "Not uploaded" });
    await refused.getByText("199.9 MB are used", { exact: false }).waitFor();
    await expectNoSeriousViolations(page, "the meeting page with a refused upload");

    await card.getByRole("button", { name: "Upload the file" }).click();
    const item = card.getByRole("listitem").filter({ hasText: fileTitle });
    await item.getByText(`spring-agenda.pdf · PDF · 1 KB`).waitFor();
    await page.getByText(`${fileTitle} is kept with the meeting.`).waitFor();
    await refused.waitFor({ state: "detached" });
    expect(await field(page, "File title").inputValue()).toBe("");

    const saved = await apiFromPage<MeetingFiles>(page, "GET", `/meetings/${meetingId}`);
    expect(saved.files.map((f) => f.title)).toEqual([fileTitle]);
    expect(saved.fileStorage.usedBytes).toBeGreaterThanOrEqual(pdf.length);

    // The link downloads exactly the uploaded bytes, as an attachment.
    const download = item.getByRole("link", { name: `Download ${fileTitle}` });
    const href = (await download.getAttribute("href")) ?? "";
    expect(href).toBe(saved.files[0]?.url);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    expect(res.headers()["content-disposition"]).toContain('filename="spring-agenda.pdf"');
    expect(Buffer.from(await res.body()).equals(pdf)).toBe(true);

    await screenshot(page, { path: `${shots}/meeting-files.png`, fullPage: true });
    await expectNoSeriousViolations(page, "the meeting page with its Files card");

    // On a 390 px phone the card fits the width: nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await card.scrollIntoViewIfNeeded();
    await item.getByRole("button", { name: `Remove ${fileTitle}` }).waitFor();
    await expectNoSidewaysScroll(page, "the meeting page at 390 px");
    await screenshot(page, { path: `${shots}/meeting-files-390.png`, fullPage: true });
    await expectNoSeriousViolations(page, "the meeting page at 390 px");

    // Removing asks in the app; cancelling keeps the file.
    await item.getByRole("button", { name: `Remove ${fileTitle}` }).click();
    const dialog = page.getByRole("dialog", { name: "Remove this file?" });
    await dialog
      .getByText(`${fileTitle} (spring-agenda.pdf) will no longer be on this meeting`, { exact: false })
      .waitFor();
    await expectNoSeriousViolations(page, "the remove-file dialog");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "hidden" });
    await item.waitFor();

    await item.getByRole("button", { name: `Remove ${fileTitle}` }).click();
    await dialog.getByRole("button", { name: "Remove the file" }).click();
    await dialog.waitFor({ state: "hidden" });
    await item.waitFor({ state: "detached" });
    await card.getByText("No files yet.", { exact: false }).waitFor();
    await page.getByText(`${fileTitle} is removed.`).waitFor();
    const after = await apiFromPage<MeetingFiles>(page, "GET", `/meetings/${meetingId}`);
    expect(after.files).toEqual([]);
    expect((await page.request.get(href)).status()).toBe(404);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
