import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resource, ResourceList, ReviewList } from "../../../core/resources.js";
import { exportDatabase, importDatabase } from "../../../db/dump.js";
import { queryRows } from "../../../db/query.js";
import { createTestContext, openReferenceDatabase, signUp, type TestContext } from "../../test-support.js";
import { starterLibrary } from "./starter-library.js";
import { ensureStarterResources } from "./starter.js";

let ctx: TestContext;
let admin: string;
let member: string;
let other: string;

const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2000, 65), Buffer.from("\n%%EOF")]);
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

beforeAll(async () => {
  ctx = await createTestContext();
  const a = await signUp(ctx, "Library Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${a.userId}`);
  admin = a.cookie;
  member = (await signUp(ctx, "Member Suggests")).cookie;
  other = (await signUp(ctx, "Someone Else")).cookie;
});
afterAll(async () => ctx.close());

async function list(query: string, cookie?: string) {
  const response = await ctx.app.inject({
    url: `/api/resources?${query}`,
    headers: cookie ? { cookie } : {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ResourceList>();
}

async function publish(body: Record<string, unknown>, cookie = admin) {
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/resources",
    headers: { cookie },
    payload: body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Resource>();
}

const count = async (table: "resources" | "resource_files") =>
  (
    await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from ${sql.identifier(table)}`)
  )[0]?.n;

describe("the starter library", () => {
  it("is published at start, once, whatever the number of starts", async () => {
    expect(starterLibrary.length).toBeGreaterThanOrEqual(12);
    const before = await count("resources");
    await ensureStarterResources(ctx.deps.db);
    expect(await count("resources")).toBe(before);
    const all = await list("pageSize=50");
    expect(all.total).toBe(starterLibrary.length);
    for (const slug of [
      "launch-invitation-letter",
      "launch-meeting-agenda",
      "action-team-charter",
      "meeting-report-back",
    ])
      expect(all.items.map((i) => i.slug)).toContain(slug);
  });
});

describe("search", () => {
  it("ranks a title match above a body mention and highlights the words found", async () => {
    const result = await list(`q=${encodeURIComponent("invitation letter")}`);
    expect(result.items[0]?.slug).toBe("launch-invitation-letter");
    expect(result.total).toBe(result.items.length);
    for (let i = 1; i < result.items.length; i++)
      expect(result.items[i - 1]?.rank).toBeGreaterThanOrEqual(result.items[i]?.rank ?? 0);
    expect(result.items[0]?.highlight).toMatch(/<mark>invit\w*<\/mark>/i);
  });

  it("finds words by their stem (websearch syntax) and answers nothing for an unknown word", async () => {
    expect((await list("q=champions")).items.length).toBeGreaterThan(2);
    expect((await list("q=champion")).total).toBe((await list("q=champions")).total);
    expect(await list("q=zyxwvut")).toEqual({ items: [], total: 0 });
    const phrase = await list(`q=${encodeURIComponent('"dot vote" -template')}`);
    expect(phrase.items.map((i) => i.slug)).toContain("run-a-launch-meeting");
    expect(phrase.items.map((i) => i.slug)).not.toContain("launch-meeting-agenda");
  });

  it("pages a search in its ranked order, with its total past the last page", async () => {
    const whole = await list("q=meeting&pageSize=6");
    expect(whole.items.length).toBe(6);
    const first = await list("q=meeting&pageSize=3&page=1");
    const second = await list("q=meeting&pageSize=3&page=2");
    expect([...first.items, ...second.items]).toEqual(whole.items);
    expect(await list("q=meeting&pageSize=3&page=999")).toEqual({ items: [], total: whole.total });
  });

  it("escapes the passage so only <mark> survives", async () => {
    await publish({
      title: "Escaping check for widgets",
      summary: "",
      body: 'Frobnicate <script>alert(1)</script> <img src=x onerror="alert(2)"> & the frobnicate plan',
    });
    const [item] = (await list("q=frobnicate")).items;
    expect(item?.highlight).toContain("<mark>Frobnicate</mark>");
    expect(item?.highlight).toContain("&amp; the <mark>frobnicate</mark> plan");
    expect(item?.highlight).not.toContain("onerror");
    expect(item?.highlight).not.toMatch(/<(?!\/?mark>)/);
  });

  it("shows passages in plain words, without Markdown debris, in a search and when browsing", async () => {
    await publish({
      title: "Quibbleshire onboarding guide",
      summary: "How **Quibbleshire** shops _welcome_ new hires",
      body: [
        "# Quibbleshire first week",
        "",
        "Pair each hire with a **mentor**; see the [quibbleshire checklist](https://example.org/checklist).",
        "",
        "- Day one: tour",
        "- Day two: quibbleshire safety",
        "1. Badge",
        "",
        "> Keep it simple.",
      ].join("\n"),
      stage: "sustain",
    });
    const [found] = (await list("q=quibbleshire")).items;
    const passage = found?.highlight ?? "";
    expect(passage).toContain("<mark>Quibbleshire</mark>");
    for (const debris of ["**", "#", "](", "https://", "- Day", "1. Badge", "> Keep", "_welcome_"])
      expect(passage, debris).not.toContain(debris);
    expect(passage.replace(/<\/?mark>/g, "")).toContain("Quibbleshire shops welcome new hires");
    expect(passage.replace(/<\/?mark>/g, "")).toMatch(/see the quibbleshire checklist\./i);
    const browsing = (await list("stage=sustain&pageSize=50")).items.find(
      (i) => i.title === "Quibbleshire onboarding guide",
    );
    expect(browsing?.highlight).toBe("How Quibbleshire shops welcome new hires");
    // The summary itself stays as written, for the resource's own page.
    expect(browsing?.summary).toBe("How **Quibbleshire** shops _welcome_ new hires");
  });

  it("filters by stage, topic and audience, alone and together", async () => {
    const launch = await list("stage=launch");
    expect(launch.items.length).toBeGreaterThan(0);
    expect(launch.items.every((i) => i.stage === "launch")).toBe(true);
    const actionTeams = await list("topic=action_teams");
    expect(actionTeams.items.every((i) => i.topics.includes("action_teams"))).toBe(true);
    const leaders = await list("audience=business_leader&stage=act&q=team");
    expect(leaders.items.length).toBeGreaterThan(0);
    expect(leaders.items.every((i) => i.stage === "act" && i.audience.includes("business_leader"))).toBe(
      true,
    );
    const bad = await ctx.app.inject({ url: "/api/resources?stage=orbit" });
    expect(bad.statusCode).toBe(400);
  });

  it("pages with a stable total", async () => {
    const first = await list("pageSize=5&page=1");
    const second = await list("pageSize=5&page=2");
    expect(first.total).toBe(second.total);
    expect(first.items.map((i) => i.id)).not.toEqual(expect.arrayContaining(second.items.map((i) => i.id)));
    expect((await list("pageSize=5&page=99")).total).toBe(first.total);
  });
});

describe("one resource", () => {
  it("is found by slug or id with its body rendered and sanitized", async () => {
    const r = await publish({
      title: "Rendering check",
      body: "**bold** <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
    });
    const bySlug = await ctx.app.inject({ url: `/api/resources/${r.slug}` });
    expect(bySlug.statusCode).toBe(200);
    const byId = await ctx.app.inject({ url: `/api/resources/${r.id}` });
    expect(byId.json<Resource>().id).toBe(r.id);
    const html = bySlug.json<Resource>().html;
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toMatch(/script|javascript:|onerror|<img/);
    expect((await ctx.app.inject({ url: "/api/resources/no-such-thing" })).statusCode).toBe(404);
  });
});

describe("publishing and suggesting", () => {
  it("refuses a visitor (401) and stores nothing", async () => {
    const before = await count("resources");
    const response = await ctx.app.inject({
      method: "POST",
      url: "/api/resources",
      payload: { title: "Anonymous" },
    });
    expect(response.statusCode).toBe(401);
    expect(await count("resources")).toBe(before);
  });

  it("keeps a member's suggestion out of the library until an admin publishes it", async () => {
    const suggestion = await publish(
      {
        title: "Quarterly retention survey",
        body: "A survey on retention for quarterly use",
        stage: "sustain",
      },
      member,
    );
    expect(suggestion.status).toBe("suggested");
    expect((await list("q=retention survey quarterly")).total).toBe(0);
    expect((await ctx.app.inject({ url: `/api/resources/${suggestion.id}` })).statusCode).toBe(404);
    expect(
      (await ctx.app.inject({ url: `/api/resources/${suggestion.id}`, headers: { cookie: other } }))
        .statusCode,
    ).toBe(404);
    expect(
      (await ctx.app.inject({ url: `/api/resources/${suggestion.id}`, headers: { cookie: member } }))
        .statusCode,
    ).toBe(200);

    const queue = await ctx.app.inject({ url: "/api/resources/suggestions", headers: { cookie: admin } });
    expect(queue.json<ReviewList>().items.map((i) => i.id)).toContain(suggestion.id);
    expect(queue.json<ReviewList>().items.find((i) => i.id === suggestion.id)?.suggestedByName).toBe(
      "Member Suggests",
    );
    expect(
      (await ctx.app.inject({ url: "/api/resources/suggestions", headers: { cookie: member } })).statusCode,
    ).toBe(403);

    // A member may not review, even their own suggestion; nothing changes.
    const selfReview = await ctx.app.inject({
      method: "POST",
      url: `/api/resources/${suggestion.id}/review`,
      headers: { cookie: member },
      payload: { decision: "publish" },
    });
    expect(selfReview.statusCode).toBe(403);
    const anonymous = await ctx.app.inject({
      method: "POST",
      url: `/api/resources/${suggestion.id}/review`,
      payload: { decision: "publish" },
    });
    expect(anonymous.statusCode).toBe(401);
    const [still] = await queryRows<{ status: string }>(
      ctx.deps.db,
      sql`select status from resources where id = ${suggestion.id}`,
    );
    expect(still?.status).toBe("suggested");

    const reviewed = await ctx.app.inject({
      method: "POST",
      url: `/api/resources/${suggestion.id}/review`,
      headers: { cookie: admin },
      payload: { decision: "publish" },
    });
    expect(reviewed.json<Resource>().status).toBe("published");
    expect((await list("q=retention survey quarterly")).items[0]?.id).toBe(suggestion.id);
  });

  it("hides a rejected suggestion from everyone but its author and the admins", async () => {
    const s = await publish({ title: "Rejected idea about blimps" }, member);
    await ctx.app.inject({
      method: "POST",
      url: `/api/resources/${s.id}/review`,
      headers: { cookie: admin },
      payload: { decision: "reject" },
    });
    expect((await list("q=blimps")).total).toBe(0);
    expect((await ctx.app.inject({ url: `/api/resources/${s.id}` })).statusCode).toBe(404);
  });
});

describe("attached files", () => {
  let resource: Resource;
  beforeAll(async () => {
    resource = await publish({ title: "Launch checklist as a file", kind: "template", stage: "launch" });
  });

  const upload = (payload: Buffer, type: string, cookie = admin, name = "Launch checklist") =>
    ctx.app.inject({
      method: "PUT",
      url: `/api/resources/${resource.id}/file?name=${encodeURIComponent(name)}`,
      headers: { "content-type": type, ...(cookie ? { cookie } : {}) },
      payload,
    });

  it("stores a PDF and serves it back with its type and file name", async () => {
    const response = await upload(pdf, "application/pdf");
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Resource>().file).toEqual({
      name: "Launch checklist.pdf",
      contentType: "application/pdf",
      size: pdf.length,
    });
    const file = await ctx.app.inject({ url: `/api/resources/${resource.slug}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toContain('filename="Launch checklist.pdf"');
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const listed = (await list("q=checklist file")).items.find((i) => i.id === resource.id);
    expect(listed?.file?.contentType).toBe("application/pdf");
  });

  it("refuses a type not allowed (415) and a file over 20 MB (413), storing nothing", async () => {
    const other = await publish({ title: "Resource without a file yet" });
    const put = (payload: Buffer, type: string) =>
      ctx.app.inject({
        method: "PUT",
        url: `/api/resources/${other.id}/file?name=x`,
        headers: { "content-type": type, cookie: admin },
        payload,
      });
    const before = await count("resource_files");
    const text = await put(Buffer.from("hello"), "text/plain");
    expect(text.statusCode).toBe(415);
    expect(text.json<{ detail: string }>().detail).toMatch(/PDF, Word/);
    const html = await put(Buffer.from("<html>"), "text/html");
    expect(html.statusCode).toBe(415);
    const fake = await put(Buffer.from("not really a pdf"), "application/pdf");
    expect(fake.statusCode).toBe(415);
    const fakeDocx = await put(Buffer.from("plain text"), docxType);
    expect(fakeDocx.statusCode).toBe(415);
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(20 * 1024 * 1024, 65)]);
    const tooLarge = await put(big, "application/pdf");
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json<{ detail: string }>().detail).toMatch(/20 MB/);
    expect(await count("resource_files")).toBe(before);
    expect((await ctx.app.inject({ url: `/api/resources/${other.id}/file` })).statusCode).toBe(404);
  });

  it("refuses uploads by a visitor (401) and by a member who is not the author (403)", async () => {
    const before = await queryRows<{ size: number }>(
      ctx.deps.db,
      sql`select size from resource_files where resource_id = ${resource.id}`,
    );
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]);
    expect((await upload(docx, docxType, "")).statusCode).toBe(401);
    expect((await upload(docx, docxType, member)).statusCode).toBe(403);
    const after = await queryRows<{ size: number }>(
      ctx.deps.db,
      sql`select size from resource_files where resource_id = ${resource.id}`,
    );
    expect(after).toEqual(before);
  });

  it("lets the author attach a file to their suggestion, which stays private until published", async () => {
    const mine = await publish({ title: "My spreadsheet of employers" }, member);
    const xlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 1)]);
    const response = await ctx.app.inject({
      method: "PUT",
      url: `/api/resources/${mine.id}/file?name=employers.xlsx`,
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        cookie: member,
      },
      payload: xlsx,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect((await ctx.app.inject({ url: `/api/resources/${mine.id}/file` })).statusCode).toBe(404);
    const own = await ctx.app.inject({ url: `/api/resources/${mine.id}/file`, headers: { cookie: member } });
    expect(own.headers["content-disposition"]).toContain('filename="employers.xlsx"');
    // The review queue shows the reviewer that the suggestion carries a file.
    const queue = await ctx.app.inject({ url: "/api/resources/suggestions", headers: { cookie: admin } });
    const items = queue.json<ReviewList>().items;
    expect(items.find((i) => i.id === mine.id)?.file).toEqual({
      name: "employers.xlsx",
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      size: xlsx.length,
    });
    expect(items.filter((i) => i.id !== mine.id).every((i) => i.file === null)).toBe(true);
  });
});

describe("export and import", () => {
  it("round-trips the library with its search vectors and file bytes", async () => {
    // On PGlite the files are on disk: the export reads them into their rows.
    const first = await exportDatabase(ctx.deps.db, ctx.deps.files);
    expect(first.tables.resource_files?.length).toBeGreaterThan(0);
    expect(
      first.tables.resource_files?.every((f) => typeof f.bytes === "string" && f.bytes.startsWith("\\x")),
    ).toBe(true);
    const target = await openReferenceDatabase();
    try {
      await importDatabase(target.db, JSON.parse(JSON.stringify(first)));
      const second = await exportDatabase(target.db);
      expect(second.tables.resources).toEqual(first.tables.resources);
      expect(second.tables.resource_files).toEqual(first.tables.resource_files);
      const [hit] = await queryRows<{ n: number }>(
        target.db,
        sql`select count(*)::int as n from resources where search @@ websearch_to_tsquery('english', 'invitation')`,
      );
      expect(hit?.n).toBeGreaterThan(0);
    } finally {
      await target.close();
    }
  });
});
