import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PARTNERSHIP_FILE_QUOTA_BYTES, type Meeting, type MeetingFile } from "../../../core/meetings.js";
import { queryRows } from "../../../db/query.js";
import { removeOrphanFiles } from "../../lib/file-cleanup.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";
import { tableFixture } from "./table-fixture.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;
type User = { cookie: string };

const MB = 1024 * 1024;
const pdf = (fill: number, size = 3000) =>
  Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(size, fill), Buffer.from("\n%%EOF\n")]);
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(800, 9)]);

const launch = {
  kind: "full_partnership",
  title: "Quarterly full partnership",
  startsAt: "2026-03-05T08:00",
  timeZone: "America/Denver",
};

async function planMeeting(title = launch.title, partnershipId = t.partnership.id, who: User = t.convener) {
  const res = await ctx.app.inject({
    method: "POST",
    url: `/api/partnerships/${partnershipId}/meetings`,
    headers: { cookie: who.cookie },
    payload: { ...launch, title },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Meeting>();
}

function upload(
  meetingId: string,
  body: Buffer | Readable,
  query: string,
  who: User | null = t.convener,
  type = "application/pdf",
) {
  return ctx.app.inject({
    method: "POST",
    url: `/api/meetings/${meetingId}/files?${query}`,
    headers: { "content-type": type, ...(who ? { cookie: who.cookie } : {}) },
    payload: body,
  });
}

const get = (url: string, who: User | null) =>
  ctx.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });

const remove = (meetingId: string, fileId: string, who: User | null = t.convener) =>
  ctx.app.inject({
    method: "DELETE",
    url: `/api/meetings/${meetingId}/files/${fileId}`,
    headers: who ? { cookie: who.cookie } : {},
  });

const detail = async (meetingId: string, who: User = t.convener) => {
  const res = await get(`/api/meetings/${meetingId}`, who);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Meeting>();
};

const fileRows = async (partnershipId = t.partnership.id) =>
  (
    await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from meeting_files where partnership_id = ${partnershipId}`,
    )
  )[0].n;

/** The files kept on disk by the test context's store (none when the database keeps them). */
function filesOnDisk(context: TestContext = ctx): string[] {
  const root = context.deps.files.root;
  if (!root || !existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => d !== "incoming")
    .flatMap((d) => readdirSync(join(root, d)))
    .sort();
}
function incoming(context: TestContext = ctx): string[] {
  const root = context.deps.files.root;
  return root && existsSync(join(root, "incoming")) ? readdirSync(join(root, "incoming")) : [];
}

/** Rows of files kept without going through the upload: their sizes fill the partnership's quota. */
async function insertFiles(meetingId: string, sizes: number[], partnershipId = t.partnership.id) {
  for (const [i, size] of sizes.entries()) {
    await ctx.deps.db.execute(
      sql`insert into meeting_files (meeting_id, partnership_id, title, name, content_type, size, sha256)
          values (${meetingId}, ${partnershipId}, ${`Filler ${i + 1}`}, ${`filler-${i + 1}.pdf`},
                  'application/pdf', ${size}, ${"0".repeat(64)})`,
    );
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
});
afterAll(() => ctx.close());

describe("files of a meeting", () => {
  let meeting: Meeting;
  let minutes: MeetingFile;
  const bytes = pdf(77);

  it("a convener uploads a PDF: 201 with the file, listed on the meeting with the partnership's storage, and in the timeline", async () => {
    meeting = await planMeeting();
    expect(meeting.files).toEqual([]);
    expect(meeting.fileStorage).toEqual({ usedBytes: 0, limitBytes: 200 * MB });
    const res = await upload(
      meeting.id,
      bytes,
      "title=%20Minutes%20&name=" + encodeURIComponent("Minutes March.pdf"),
    );
    expect(res.statusCode, res.body).toBe(201);
    minutes = res.json<MeetingFile>();
    expect(minutes).toEqual({
      id: expect.any(String),
      title: "Minutes",
      fileName: "Minutes March.pdf",
      contentType: "application/pdf",
      size: bytes.length,
      url: `/api/meetings/${meeting.id}/files/${minutes.id}`,
      uploadedAt: expect.any(String),
      uploadedBy: "Casey Convener",
    });
    // Files are kept one by one: the meeting's version (for edits and calendars) stays.
    const after = await detail(meeting.id);
    expect(after.files).toEqual([minutes]);
    expect(after.fileStorage).toEqual({ usedBytes: bytes.length, limitBytes: PARTNERSHIP_FILE_QUOTA_BYTES });
    expect(after.version).toBe(meeting.version);
    const [stored] = await queryRows<{ sha256: string; has_bytes: boolean; uploaded_by: string }>(
      ctx.deps.db,
      sql`select sha256, bytes is not null as has_bytes, uploaded_by from meeting_files where id = ${minutes.id}`,
    );
    expect(stored.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(stored.has_bytes).toBe(ctx.deps.files.kind === "database");
    const activity = await queryRows<{ kind: string; summary: string }>(
      ctx.deps.db,
      sql`select kind, summary from activity where subject_id = ${meeting.id} and kind like 'meeting.file%'`,
    );
    expect(activity).toEqual([
      { kind: "meeting.file_added", summary: "File added to Quarterly full partnership: Minutes" },
    ]);
  });

  it("names a file after its title when no name is given, and takes DOCX", async () => {
    const res = await upload(meeting.id, docx, "title=Sign-in%20sheet", t.convener, docxType);
    expect(res.statusCode, res.body).toBe(201);
    const sheet = res.json<MeetingFile>();
    expect(sheet).toMatchObject({ fileName: "Sign-in sheet.docx", contentType: docxType, size: docx.length });
    expect((await detail(meeting.id)).files.map((f) => f.title)).toEqual(["Minutes", "Sign-in sheet"]);
    expect((await remove(meeting.id, sheet.id)).statusCode).toBe(204);
  });

  it("a member downloads the same bytes, with type, file name, nosniff and no shared caching", async () => {
    const res = await get(minutes.url, t.member);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-length"]).toBe(String(bytes.length));
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="Minutes March.pdf"; filename*=UTF-8''Minutes%20March.pdf`,
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.rawPayload.equals(bytes)).toBe(true);
    // The member sees the files on the meeting, without the right to change them.
    const seen = await detail(meeting.id, t.member);
    expect(seen.files).toEqual([minutes]);
    expect(seen.permissions.edit).toBe(false);
  });

  it("keeps the files for members even when the meeting is public: anonymous 401, a non-member 404", async () => {
    const made = await ctx.app.inject({
      method: "PATCH",
      url: `/api/meetings/${meeting.id}`,
      headers: { cookie: t.convener.cookie },
      payload: { public: true, version: meeting.version },
    });
    expect(made.statusCode, made.body).toBe(200);
    const anonymous = await get(minutes.url, null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["content-type"]).toContain("application/problem+json");
    const outsider = await get(minutes.url, t.outsider);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.headers["content-type"]).toContain("application/problem+json");
    expect(outsider.body).not.toContain("%PDF");
    // The public calendar carries the meeting, never its files.
    const feed = await get(`/api/partnerships/${t.partnership.id}/calendar.ics`, null);
    expect(feed.body).toContain("Quarterly full partnership");
    expect(feed.body).not.toContain("/files/");
  });

  it("a file is found only through its own meeting", async () => {
    const other = await planMeeting("Action team check-in");
    expect((await get(`/api/meetings/${other.id}/files/${minutes.id}`, t.convener)).statusCode).toBe(404);
    expect((await remove(other.id, minutes.id)).statusCode).toBe(404);
    expect((await get(`/api/meetings/${meeting.id}/files/not-a-uuid`, t.convener)).statusCode).toBe(400);
  });

  it("a business member who is not a convener may not upload or remove (403); an outsider 403; anonymous 401; nothing kept", async () => {
    const before = [await fileRows(), filesOnDisk()];
    const member = await upload(meeting.id, pdf(12), "title=Mine", t.member);
    expect(member.statusCode).toBe(403);
    expect(member.headers["content-type"]).toContain("application/problem+json");
    expect(member.json<{ detail: string }>().detail).toBe(
      "Only a convener of this partnership may plan or record its meetings.",
    );
    expect((await upload(meeting.id, pdf(13), "title=Theirs", t.outsider)).statusCode).toBe(403);
    expect((await upload(meeting.id, pdf(14), "title=Nobody's", null)).statusCode).toBe(401);
    expect((await remove(meeting.id, minutes.id, t.member)).statusCode).toBe(403);
    expect((await remove(meeting.id, minutes.id, t.outsider)).statusCode).toBe(403);
    expect((await remove(meeting.id, minutes.id, null)).statusCode).toBe(401);
    expect([await fileRows(), filesOnDisk()]).toEqual(before);
    expect(incoming()).toEqual([]);
  });

  it("refuses a program named .pdf and a type not accepted with 415, a missing title with 400; nothing kept", async () => {
    const before = [await fileRows(), filesOnDisk()];
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4000, 0x90)]);
    const renamed = await upload(meeting.id, exe, "title=Setup&name=setup.pdf");
    expect(renamed.statusCode).toBe(415);
    expect(renamed.headers["content-type"]).toContain("application/problem+json");
    expect(renamed.json<{ detail: string }>().detail).toMatch(/not a PDF file/);
    const program = await upload(meeting.id, exe, "title=Setup", t.convener, "application/x-msdownload");
    expect(program.statusCode).toBe(415);
    expect(program.json<{ detail: string }>().detail).toMatch(/PDF, Word \(\.docx\) or Excel/);
    const text = await upload(meeting.id, Buffer.from("hello"), "title=Notes", t.convener, "text/plain");
    expect(text.statusCode).toBe(415);
    const untitled = await upload(meeting.id, pdf(15), "title=%20%20");
    expect(untitled.statusCode).toBe(400);
    expect(untitled.json<{ errors: { field: string }[] }>().errors[0].field).toBe("title");
    const long = await upload(meeting.id, pdf(15), `title=${"x".repeat(121)}`);
    expect(long.statusCode).toBe(400);
    expect([await fileRows(), filesOnDisk()]).toEqual(before);
    expect(incoming()).toEqual([]);
  });

  it("refuses the 21st file of a meeting with 409, also when its size was not declared; nothing kept", async () => {
    const full = await planMeeting("Support team meeting");
    await insertFiles(
      full.id,
      Array.from({ length: 19 }, () => 1000),
    );
    expect((await upload(full.id, pdf(21), "title=Twentieth")).statusCode).toBe(201);
    const before = [await fileRows(), filesOnDisk()];
    const refused = await upload(full.id, pdf(22), "title=Twenty-first");
    expect(refused.statusCode).toBe(409);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    expect(refused.json<{ detail: string }>().detail).toBe(
      "A meeting keeps at most 20 files; remove one before adding another.",
    );
    // Streamed without a length: read, then refused in the upload's transaction and removed.
    const streamed = await upload(full.id, Readable.from([pdf(23)]), "title=Streamed");
    expect(streamed.statusCode).toBe(409);
    expect([await fileRows(), filesOnDisk()]).toEqual(before);
    expect(incoming()).toEqual([]);
    await ctx.deps.db.execute(sql`delete from meeting_files where meeting_id = ${full.id}`);
  });

  it("removes a file: 204, then its download answers 404, the timeline says so, and the clean-up frees the disk", async () => {
    const res = await remove(meeting.id, minutes.id);
    expect(res.statusCode).toBe(204);
    expect((await get(minutes.url, t.convener)).statusCode).toBe(404);
    expect((await remove(meeting.id, minutes.id)).statusCode).toBe(404);
    expect((await detail(meeting.id)).files).toEqual([]);
    const entries = await queryRows<{ summary: string }>(
      ctx.deps.db,
      sql`select summary from activity where subject_id = ${meeting.id} and kind = 'meeting.file_removed'
          order by summary`,
    );
    expect(entries.map((e) => e.summary)).toEqual([
      "File removed from Quarterly full partnership: Minutes",
      "File removed from Quarterly full partnership: Sign-in sheet",
    ]);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (ctx.deps.files.kind === "disk") {
      expect(filesOnDisk()).toContain(sha256);
      await removeOrphanFiles(ctx.deps, 0);
      expect(filesOnDisk()).not.toContain(sha256);
    }
  });
});

describe(`the partnership's storage quota of ${PARTNERSHIP_FILE_QUOTA_BYTES / MB} MB`, () => {
  let first: Meeting;
  let second: Meeting;
  const small = pdf(31, 200 * 1024 - 16);

  beforeAll(async () => {
    await ctx.deps.db.execute(sql`delete from meeting_files where partnership_id = ${t.partnership.id}`);
    first = await planMeeting("Launch follow-up");
    second = await planMeeting("Welding team meeting");
  });

  it("sums the files of every meeting of the partnership", async () => {
    await insertFiles(first.id, [150 * MB]);
    await insertFiles(second.id, [Math.round(49.9 * MB)]);
    const storage = (await detail(first.id)).fileStorage;
    expect(storage).toEqual({ usedBytes: 150 * MB + Math.round(49.9 * MB), limitBytes: 200 * MB });
    expect((await detail(second.id)).fileStorage).toEqual(storage);
  });

  it("answers 413 naming what is used and the file's size, keeping nothing, with or without a declared size", async () => {
    expect(small.length).toBe(200 * 1024);
    const rows = await fileRows();
    const onDisk = filesOnDisk();
    const refused = await upload(second.id, small, "title=Handout");
    expect(refused.statusCode).toBe(413);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    const problem = refused.json<{ type: string; status: number; detail: string }>();
    expect(problem).toMatchObject({ status: 413, type: "https://sharedtable.dev/problems/too_large" });
    expect(problem.detail).toBe(
      "This partnership keeps at most 200 MB of meeting files; 199.9 MB are used and this file is 0.2 MB. " +
        "Remove files you no longer need, or link to the file instead.",
    );
    // Streamed without a length, the file is read, refused in the transaction and removed.
    const streamed = await upload(second.id, Readable.from([small]), "title=Handout");
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json<{ detail: string }>().detail).toBe(problem.detail);
    expect(await fileRows()).toBe(rows);
    expect(filesOnDisk()).toEqual(onDisk);
    expect(incoming()).toEqual([]);
    const [added] = await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from activity where subject_id = ${second.id} and kind = 'meeting.file_added'`,
    );
    expect(added.n).toBe(0);
  });

  it("leaves other partnerships' quotas alone", async () => {
    const own = await createPartnership(ctx, t.outsider.cookie, { name: "Outsider Health Partnership" });
    const theirs = await planMeeting("Their launch", own.id, t.outsider);
    expect(theirs.fileStorage.usedBytes).toBe(0);
    const res = await upload(theirs.id, small, "title=Handout", t.outsider);
    expect(res.statusCode, res.body).toBe(201);
    expect(await fileRows(own.id)).toBe(1);
  });

  it("of two uploads at once that fit alone but not together, keeps one and refuses the other with 413", async () => {
    // 199.5 MB used: room for one 300 KB file, not for two.
    await ctx.deps.db.execute(
      sql`update meeting_files set size = ${Math.round(49.5 * MB)} where meeting_id = ${second.id}`,
    );
    const rows = await fileRows();
    const onDisk = filesOnDisk();
    const [a, b] = await Promise.all([
      upload(first.id, pdf(41, 300 * 1024), "title=Slides%20A"),
      upload(second.id, pdf(42, 300 * 1024), "title=Slides%20B"),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 413]);
    expect(await fileRows()).toBe(rows + 1);
    const kept = (a.statusCode === 201 ? a : b).json<MeetingFile>();
    if (ctx.deps.files.kind === "disk") expect(filesOnDisk()).toHaveLength(onDisk.length + 1);
    expect(incoming()).toEqual([]);
    const storage = (await detail(first.id)).fileStorage;
    expect(storage.usedBytes).toBe(150 * MB + Math.round(49.5 * MB) + kept.size);
    expect(storage.usedBytes).toBeLessThanOrEqual(storage.limitBytes);
  });

  it("takes the file once files are removed to make room", async () => {
    await ctx.deps.db.execute(
      sql`delete from meeting_files where meeting_id = ${first.id} and size = ${150 * MB}`,
    );
    const res = await upload(second.id, small, "title=Handout");
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe.each(["disk", "database"] as const)("with FILE_STORAGE=%s", (storage) => {
  let own: TestContext;
  let convener: Awaited<ReturnType<typeof signUp>>;
  let meetingId: string;

  beforeAll(async () => {
    own = await createTestContext({ FILE_STORAGE: storage });
    convener = await signUp(own, "Storage Convener");
    const p = await createPartnership(own, convener.cookie, { name: `Storage ${storage} Partnership` });
    const res = await own.app.inject({
      method: "POST",
      url: `/api/partnerships/${p.id}/meetings`,
      headers: { cookie: convener.cookie },
      payload: launch,
    });
    meetingId = res.json<Meeting>().id;
  });
  afterAll(() => own.close());

  it("keeps the bytes where the store says, serves them back, and the export of the uploader holds the file without its bytes; deleting the account keeps it", async () => {
    expect(own.deps.files.kind).toBe(storage);
    const bytes = pdf(storage === "disk" ? 51 : 52);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    // A second convener uploads, so that they may delete their account afterwards.
    const uploader = await signUp(own, "Uploading Convener");
    const [{ partnership_id: partnershipId }] = await queryRows<{ partnership_id: string }>(
      own.deps.db,
      sql`select partnership_id from meetings where id = ${meetingId}`,
    );
    await own.deps.db.execute(
      sql`insert into memberships (partnership_id, person_id, role) values (${partnershipId}, ${uploader.personId}, 'convener')`,
    );
    const res = await own.app.inject({
      method: "POST",
      url: `/api/meetings/${meetingId}/files?title=Agenda%20handout&name=agenda.pdf`,
      headers: { cookie: uploader.cookie, "content-type": "application/pdf" },
      payload: bytes,
    });
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json<MeetingFile>();
    const [row] = await queryRows<{ has_bytes: boolean; sha256: string }>(
      own.deps.db,
      sql`select bytes is not null as has_bytes, sha256 from meeting_files where id = ${file.id}`,
    );
    expect(row).toEqual({ has_bytes: storage === "database", sha256 });
    expect(filesOnDisk(own)).toEqual(storage === "disk" ? [sha256] : []);
    const download = await own.app.inject({ url: file.url, headers: { cookie: convener.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);

    const exported = await own.app.inject({ url: "/api/me/export", headers: { cookie: uploader.cookie } });
    expect(exported.statusCode).toBe(200);
    const data = exported.json<{ other: Record<string, Record<string, unknown>[]> }>();
    expect(data.other.meeting_files).toEqual([
      expect.objectContaining({
        id: file.id,
        title: "Agenda handout",
        name: "agenda.pdf",
        size: bytes.length,
      }),
    ]);
    expect(Object.keys(data.other.meeting_files[0])).not.toContain("bytes");
    // Neither the bytes nor their hex form are anywhere in the export.
    expect(exported.body).not.toContain("%PDF");
    expect(exported.body).not.toContain(bytes.subarray(0, 12).toString("hex"));

    const deleted = await own.app.inject({
      method: "DELETE",
      url: "/api/me",
      headers: { cookie: uploader.cookie },
      payload: { currentPassword: "correct horse battery" },
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    const meeting = await own.app.inject({
      url: `/api/meetings/${meetingId}`,
      headers: { cookie: convener.cookie },
    });
    expect(meeting.json<Meeting>().files).toEqual([{ ...file, uploadedBy: "Former member" }]);
    const again = await own.app.inject({ url: file.url, headers: { cookie: convener.cookie } });
    expect(again.rawPayload.equals(bytes)).toBe(true);
  });
});
