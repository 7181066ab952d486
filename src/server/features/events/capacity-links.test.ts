import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventDetail } from "../../../core/events.js";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";

let ctx: TestContext;
type User = Awaited<ReturnType<typeof signUp>>;
let admin: User;
let people: User[];
const DAY = 86_400_000;
const badLinks = [
  "javascript:alert(document.cookie)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
];

function call(user: User | null, method: "GET" | "POST" | "PATCH", url: string, payload?: object) {
  return ctx.app.inject({ method, url, payload, headers: user ? { cookie: user.cookie } : {} });
}
function wallDaysAhead(days: number, hour = 10): string {
  const d = new Date(ctx.deps.now().getTime() + days * DAY);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
}
const eventBody = (title: string) => ({
  title,
  description: "",
  startsAt: wallDaysAhead(4),
  endsAt: wallDaysAhead(4, 11),
  timeZone: "America/Denver",
  online: true,
  link: "https://meet.example.org/x",
});
const eventRows = () =>
  queryRows<Record<string, unknown>>(
    ctx.deps.db,
    sql`select id, title, link, recording_url, capacity, version from events order by id`,
  );
const materialRows = () =>
  queryRows<Record<string, unknown>>(ctx.deps.db, sql`select * from event_materials order by id`);

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  people = [
    await signUp(ctx, "Ann"),
    await signUp(ctx, "Ben"),
    await signUp(ctx, "Cai"),
    await signUp(ctx, "Dee"),
  ];
});
afterAll(() => ctx.close());

describe("event capacity", () => {
  it("cannot go below the confirmed registrations: 409 saying how many, and nothing changes", async () => {
    const created = await call(admin, "POST", "/api/events", { ...eventBody("Three seats"), capacity: 3 });
    expect(created.statusCode).toBe(201);
    const event = created.json<EventDetail>();
    for (const p of people) await call(p, "POST", `/api/events/${event.id}/registration`);
    const before = await eventRows();
    const res = await call(admin, "PATCH", `/api/events/${event.id}`, {
      version: event.version,
      capacity: 2,
    });
    expect(res.statusCode).toBe(409);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json<{ detail: string }>().detail).toMatch(/3 people are confirmed.*cannot be lower than 3/);
    expect(res.json<{ errors: unknown[] }>().errors).toEqual([
      { field: "capacity", message: "must be at least 3, the confirmed registrations" },
    ]);
    expect(await eventRows()).toEqual(before);
    // The same number is fine, and so is no limit (the waitlisted person then gets a seat).
    const same = await call(admin, "PATCH", `/api/events/${event.id}`, {
      version: event.version,
      capacity: 3,
    });
    expect(same.statusCode).toBe(200);
    const open = await call(admin, "PATCH", `/api/events/${event.id}`, {
      version: event.version + 1,
      capacity: null,
    });
    expect(open.json<EventDetail>()).toMatchObject({ capacity: null, confirmed: 4 });
  });

  it("keeps an upper bound on capacity", async () => {
    const res = await call(admin, "POST", "/api/events", { ...eventBody("Too many seats"), capacity: 1e9 });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["capacity"]);
  });
});

describe("links of events", () => {
  it("refuses javascript:, data:, vbscript: and file: in every link, naming the field, and stores nothing", async () => {
    const before = await eventRows();
    for (const link of badLinks) {
      for (const [payload, field] of [
        [{ link }, "link"],
        [{ recordingUrl: link }, "recordingUrl"],
        [{ materials: [{ title: "Slides", url: link }] }, "materials.0.url"],
      ] as const) {
        const res = await call(admin, "POST", "/api/events", { ...eventBody("Bad link"), ...payload });
        expect(res.statusCode, `${field} ${link}`).toBe(400);
        const errors = res.json<{ errors: { field: string; message: string }[] }>().errors;
        expect(errors.map((e) => e.field)).toEqual([field]);
        expect(errors[0].message).toContain(`${link.split(":")[0]}: link`);
      }
    }
    expect(await eventRows()).toEqual(before);
  });

  it("refuses a bad link in an edit and keeps the event and its materials as they were", async () => {
    const event = (
      await call(admin, "POST", "/api/events", {
        ...eventBody("Good links"),
        materials: [{ title: "Slides", url: "https://files.example.org/slides.pdf" }],
      })
    ).json<EventDetail>();
    const [events, materials] = [await eventRows(), await materialRows()];
    for (const link of badLinks) {
      const res = await call(admin, "PATCH", `/api/events/${event.id}`, {
        version: event.version,
        recordingUrl: link,
        materials: [{ title: "Recording", url: link }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([
        "recordingUrl",
        "materials.0.url",
      ]);
    }
    expect(await eventRows()).toEqual(events);
    expect(await materialRows()).toEqual(materials);
  });
});

describe("websites of partnerships and organizations", () => {
  it("stores a website typed without a scheme as https://, and refuses every bad scheme", async () => {
    const convener = await signUp(ctx, "Casey Convener");
    const p = await createPartnership(ctx, convener.cookie, { website: "acme.example.com" });
    const read = async () =>
      (await call(convener, "GET", `/api/partnerships/${p.id}`)).json<{ website: string; version: number }>();
    expect((await read()).website).toBe("https://acme.example.com");
    for (const website of badLinks) {
      const res = await call(convener, "PATCH", `/api/partnerships/${p.id}`, { version: p.version, website });
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["website"]);
      const org = await call(convener, "POST", `/api/partnerships/${p.id}/organizations`, {
        name: "Acme Tooling",
        kind: "business",
        website,
      });
      expect(org.statusCode).toBe(400);
      expect(org.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["website"]);
    }
    expect(await read()).toMatchObject({ website: "https://acme.example.com", version: p.version });
    const org = await call(convener, "POST", `/api/partnerships/${p.id}/organizations`, {
      name: "Acme Tooling",
      kind: "business",
      website: "www.acme-tooling.example",
    });
    expect(org.statusCode).toBe(201);
    expect(org.json<{ website: string }>().website).toBe("https://www.acme-tooling.example");
  });
});
