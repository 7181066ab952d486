import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventDetail, FileMaterial } from "../../../core/events.js";
import { queryRows } from "../../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
type User = Awaited<ReturnType<typeof signUp>>;
let admin: User;
let member: User;
let event: EventDetail;
let eventBody: Record<string, unknown>;

const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(3000, 66), Buffer.from("\n%%EOF\n")]);
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(500, 7)]);

const count = async (table: "event_materials" | "event_material_files", eventId = event.id) =>
  (
    await queryRows<{ n: number }>(
      ctx.deps.db,
      table === "event_materials"
        ? sql`select count(*)::int as n from event_materials where event_id = ${eventId}`
        : sql`select count(*)::int as n from event_material_files f
                join event_materials m on m.id = f.material_id where m.event_id = ${eventId}`,
    )
  )[0].n;

function upload(payload: Buffer, type: string, query: string, user: User | null = admin) {
  return ctx.app.inject({
    method: "POST",
    url: `/api/events/${event.id}/materials/files?${query}`,
    headers: { "content-type": type, ...(user ? { cookie: user.cookie } : {}) },
    payload,
  });
}

const detail = async (user: User | null = null) =>
  (
    await ctx.app.inject({ url: `/api/events/${event.slug}`, headers: user ? { cookie: user.cookie } : {} })
  ).json<EventDetail>();

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  member = await signUp(ctx, "Mo Member");
  const day = new Date(ctx.deps.now().getTime() - 10 * 86_400_000).toISOString().slice(0, 10);
  eventBody = {
    title: "Peer exchange: launch meetings",
    description: "What worked at launch.",
    startsAt: `${day}T10:00`,
    endsAt: `${day}T11:30`,
    timeZone: "America/Chicago",
    online: true,
    link: "https://meet.example.org/launch",
  };
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/events",
    headers: { cookie: admin.cookie },
    payload: { ...eventBody, materials: [{ title: "Agenda", url: "https://files.example.org/agenda" }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  event = res.json<EventDetail>();
});
afterAll(() => ctx.close());

describe("file materials of an event", () => {
  let slides: FileMaterial;

  it("stores an uploaded PDF and serves the same bytes back, with its type and a safe file name", async () => {
    const res = await upload(
      pdf,
      "application/pdf",
      "title=Slides&name=" + encodeURIComponent('Slides "v2"'),
    );
    expect(res.statusCode, res.body).toBe(201);
    slides = res.json<FileMaterial>();
    expect(slides).toMatchObject({
      kind: "file",
      title: "Slides",
      fileName: "Slides _v2_.pdf",
      contentType: "application/pdf",
      size: pdf.length,
      url: `/api/events/${event.id}/materials/${slides.id}/file`,
    });

    // Public: a visitor sees it on the event and downloads it.
    const materials = (await detail()).materials;
    expect(materials).toEqual([
      { id: expect.any(String), kind: "link", title: "Agenda", url: "https://files.example.org/agenda" },
      slides,
    ]);
    const file = await ctx.app.inject({ url: slides.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-length"]).toBe(String(pdf.length));
    expect(file.headers["content-disposition"]).toBe(
      `attachment; filename="Slides _v2_.pdf"; filename*=UTF-8''Slides%20_v2_.pdf`,
    );
    expect(file.rawPayload.equals(pdf)).toBe(true);
    // Through the slug as well, but not through another event's path.
    const bySlug = await ctx.app.inject({ url: `/api/events/${event.slug}/materials/${slides.id}/file` });
    expect(bySlug.statusCode).toBe(200);
    const other = await ctx.app.inject({
      method: "POST",
      url: "/api/events",
      headers: { cookie: admin.cookie },
      payload: { ...eventBody, title: "Another exchange" },
    });
    const elsewhere = `/api/events/${other.json<EventDetail>().id}/materials/${slides.id}/file`;
    expect((await ctx.app.inject({ url: elsewhere })).statusCode).toBe(404);
  });

  it("names a file after its title when no name is given and takes XLSX too", async () => {
    const res = await upload(xlsx, xlsxType, "title=" + encodeURIComponent("Sign-in sheet"));
    expect(res.statusCode, res.body).toBe(201);
    const sheet = res.json<FileMaterial>();
    expect(sheet.fileName).toBe("Sign-in sheet.xlsx");
    const file = await ctx.app.inject({ url: sheet.url });
    expect(file.headers["content-type"]).toBe(xlsxType);
    expect(file.rawPayload.equals(xlsx)).toBe(true);
    expect(await count("event_material_files")).toBe(2);
  });

  it("refuses a file over 20 MB with 413 and its reason, storing nothing", async () => {
    const before = [await count("event_materials"), await count("event_material_files")];
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(21 * 1024 * 1024, 65)]);
    const res = await upload(big, "application/pdf", "title=Huge");
    expect(res.statusCode).toBe(413);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json<{ detail: string }>().detail).toMatch(/larger than 20 MB/);
    expect([await count("event_materials"), await count("event_material_files")]).toEqual(before);
  });

  it("refuses a program renamed .pdf, and a type not accepted, with 415 and their reason, storing nothing", async () => {
    const before = [await count("event_materials"), await count("event_material_files")];
    // What a browser sends for setup.exe renamed setup.pdf: the type from the name, the bytes of a program.
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4000, 0x90)]);
    const renamed = await upload(exe, "application/pdf", "title=Setup&name=setup.pdf");
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json<{ detail: string }>().detail).toMatch(/not a PDF file/);
    const program = await upload(exe, "application/x-msdownload", "title=Setup&name=setup.exe");
    expect(program.statusCode).toBe(415);
    expect(program.json<{ detail: string }>().detail).toMatch(/PDF, Word \(\.docx\) or Excel/);
    const text = await upload(Buffer.from("hello"), "text/plain", "title=Notes");
    expect(text.statusCode).toBe(415);
    expect([await count("event_materials"), await count("event_material_files")]).toEqual(before);
  });

  it("lets only community admins upload (401, 403) and remove; others store and remove nothing", async () => {
    const before = [await count("event_materials"), await count("event_material_files")];
    expect((await upload(pdf, "application/pdf", "title=Mine", member)).statusCode).toBe(403);
    expect((await upload(pdf, "application/pdf", "title=Mine", null)).statusCode).toBe(401);
    // The right is checked before the body is read: a large body from them is refused the same way.
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(21 * 1024 * 1024, 65)]);
    expect((await upload(big, "application/pdf", "title=Mine", null)).statusCode).toBe(401);
    expect((await upload(big, "application/pdf", "title=Mine", member)).statusCode).toBe(403);
    const remove = (user: User | null) =>
      ctx.app.inject({
        method: "DELETE",
        url: `/api/events/${event.id}/materials/${slides.id}`,
        headers: user ? { cookie: user.cookie } : {},
      });
    expect((await remove(member)).statusCode).toBe(403);
    expect((await remove(null)).statusCode).toBe(401);
    expect([await count("event_materials"), await count("event_material_files")]).toEqual(before);
  });

  it("asks for a title and refuses an unknown event", async () => {
    const noTitle = await upload(pdf, "application/pdf", "title=%20");
    expect(noTitle.statusCode).toBe(400);
    const elsewhere = await ctx.app.inject({
      method: "POST",
      url: "/api/events/no-such-event/materials/files?title=Slides",
      headers: { "content-type": "application/pdf", cookie: admin.cookie },
      payload: pdf,
    });
    expect(elsewhere.statusCode).toBe(404);
    expect(await count("event_material_files")).toBe(2);
  });

  it("keeps the files when the event is edited: an edit replaces only its links", async () => {
    const current = await detail(admin);
    const res = await ctx.app.inject({
      method: "PATCH",
      url: `/api/events/${event.id}`,
      headers: { cookie: admin.cookie },
      payload: {
        version: current.version,
        description: "What worked at launch, with the slides.",
        materials: [{ title: "Recording notes", url: "https://files.example.org/notes" }],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<EventDetail>().materials;
    expect(after.filter((m) => m.kind === "link").map((m) => m.title)).toEqual(["Recording notes"]);
    expect(after.filter((m) => m.kind === "file").map((m) => m.title)).toEqual(["Slides", "Sign-in sheet"]);
    expect(await count("event_material_files")).toBe(2);
    expect((await ctx.app.inject({ url: slides.url })).rawPayload.equals(pdf)).toBe(true);

    // An edit with no links at all still keeps the files.
    const cleared = await ctx.app.inject({
      method: "PATCH",
      url: `/api/events/${event.id}`,
      headers: { cookie: admin.cookie },
      payload: { version: current.version + 1, materials: [] },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json<EventDetail>().materials.map((m) => m.kind)).toEqual(["file", "file"]);

    // Links and kept files together stay within the limit of 30: 29 links next to 2 files is
    // refused with the reason, and nothing of the edit is kept.
    const tooMany = await ctx.app.inject({
      method: "PATCH",
      url: `/api/events/${event.id}`,
      headers: { cookie: admin.cookie },
      payload: {
        version: current.version + 2,
        description: "Not saved",
        materials: Array.from({ length: 29 }, (_, i) => ({
          title: `Link ${i}`,
          url: `https://x.example.org/${i}`,
        })),
      },
    });
    expect(tooMany.statusCode, tooMany.body).toBe(400);
    expect(tooMany.body).toContain("keep at most 28 links");
    const unchanged = await detail(admin);
    expect(unchanged.version).toBe(current.version + 2);
    expect(unchanged.description).not.toBe("Not saved");
    expect(unchanged.materials.map((m) => m.kind)).toEqual(["file", "file"]);
  });

  it("removes a file material with its bytes; the download then answers 404", async () => {
    const res = await ctx.app.inject({
      method: "DELETE",
      url: `/api/events/${event.id}/materials/${slides.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(await count("event_material_files")).toBe(1);
    expect(await count("event_materials")).toBe(1);
    expect((await detail()).materials.map((m) => m.title)).toEqual(["Sign-in sheet"]);
    expect((await ctx.app.inject({ url: slides.url })).statusCode).toBe(404);
    const again = await ctx.app.inject({
      method: "DELETE",
      url: `/api/events/${event.id}/materials/${slides.id}`,
      headers: { cookie: admin.cookie },
    });
    expect(again.statusCode).toBe(404);
  });
});
