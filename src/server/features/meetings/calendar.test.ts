import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MeetingFeed } from "../../../core/meetings.js";
import { queryRows } from "../../../db/query.js";
import { createPartnership, createTestContext, signUp, type TestContext } from "../../test-support.js";
import { countRows, tableFixture } from "./table-fixture.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;
type User = Awaited<ReturnType<typeof signUp>>;
const ORIGIN = "http://shared-table.test";
/** [public launch, members-only summer meeting] of the fixture's partnership. */
const ids: string[] = [];
let second: { id: string; slug: string; meetingId: string };

const call = (
  user: User | null,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  url: string,
  payload?: object,
) =>
  ctx.app.inject({
    method,
    url,
    headers: user ? { cookie: user.cookie } : {},
    ...(payload ? { payload } : {}),
  });
const post = (payload: object, partnershipId = t.partnership.id) =>
  call(t.convener, "POST", `/api/partnerships/${partnershipId}/meetings`, payload);
/** A feed's address as the app injects it: the path of the absolute URL. */
const path = (url: string) => url.slice(ORIGIN.length);

function vevents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}
const propertyNames = (e: ICAL.Event) =>
  e.component
    .getAllProperties()
    .map((p) => p.name)
    .sort();
const byUid = (text: string, id: string) => {
  const found = vevents(text).find((e) => e.uid === `${id}@shared-table.test`);
  if (!found) throw new Error(`no event ${id} in the calendar`);
  return found;
};
const uids = (text: string) => vevents(text).map((e) => e.uid.split("@")[0]);

async function myFeed(user: User): Promise<MeetingFeed> {
  const res = await call(user, "GET", "/api/me/meeting-feed");
  expect(res.statusCode, res.body).toBe(200);
  return res.json<MeetingFeed>();
}
async function newFeed(user: User): Promise<string> {
  const res = await call(user, "POST", "/api/me/meeting-feed");
  expect(res.statusCode, res.body).toBe(201);
  const url = res.json<MeetingFeed>().url;
  if (!url) throw new Error("no feed address");
  return url;
}

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
  const denver = await post({
    kind: "launch",
    title: "Launch",
    startsAt: "2026-03-05T08:00",
    endsAt: "2026-03-05T10:00",
    timeZone: "America/Denver",
    place: "Acme, 100 Main St",
    link: "https://meet.example.org/launch",
    agenda: "secret agenda",
    public: true,
  });
  const newYork = await post({
    kind: "full_partnership",
    title: "Summer report-back",
    startsAt: "2026-07-09T17:30",
    timeZone: "America/New_York",
    link: "https://meet.example.org/abc",
  });
  expect(denver.statusCode, denver.body).toBe(201);
  expect(newYork.statusCode, newYork.body).toBe(201);
  ids.push(denver.json<{ id: string }>().id, newYork.json<{ id: string }>().id);
  const patched = await call(t.convener, "PATCH", `/api/meetings/${ids[0]}`, {
    version: 1,
    notes: "private notes",
    decisions: "private decisions",
    nextSteps: "private next steps",
  });
  expect(patched.statusCode).toBe(200);
  const attendance = await call(t.convener, "PUT", `/api/meetings/${ids[0]}/attendance`, {
    personIds: [t.business[0], t.publicPeople[0], t.publicPeople[1]],
    guests: [{ name: "Gus Guest", organization: "State Chamber", sector: "public" }],
  });
  expect(attendance.statusCode).toBe(200);

  // A second partnership the convener runs; the business member is not at its table.
  const other = await createPartnership(ctx, t.convener.cookie, {
    name: "Front Range Hospitals Partnership",
  });
  const meeting = await post(
    {
      kind: "support_team",
      title: "Support team huddle",
      startsAt: "2026-04-01T09:00",
      timeZone: "America/Denver",
    },
    other.id,
  );
  expect(meeting.statusCode, meeting.body).toBe(201);
  second = { id: other.id, slug: other.slug, meetingId: meeting.json<{ id: string }>().id };
});
afterAll(() => ctx.close());

describe("the public calendar feed", () => {
  it("carries only meetings marked public, with exactly their title, kind and time", async () => {
    const res = await call(null, "GET", `/api/partnerships/${t.partnership.id}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/calendar");
    expect(uids(res.body)).toEqual([ids[0]]);
    const launch = byUid(res.body, ids[0]);
    expect(propertyNames(launch)).toEqual(
      [
        "categories",
        "description",
        "dtend",
        "dtstamp",
        "dtstart",
        "sequence",
        "status",
        "summary",
        "uid",
        "url",
      ].sort(),
    );
    expect(launch.summary).toBe("Launch");
    expect(launch.component.getFirstPropertyValue("categories")).toBe("Launch");
    expect(launch.description).toBe(
      "Launch meeting of Metro Denver Manufacturing Partnership (times planned in America/Denver).",
    );
    expect(launch.component.getFirstPropertyValue("url")).toBe(`${ORIGIN}/p/${t.partnership.slug}`);
    expect(launch.startDate.toJSDate().toISOString()).toBe("2026-03-05T15:00:00.000Z");
    expect(launch.endDate.toJSDate().toISOString()).toBe("2026-03-05T17:00:00.000Z");
    expect(launch.startDate.zone.tzid).toBe("UTC");
    expect(launch.sequence).toBe(2);
    // No place, link, agenda, notes, decisions, next steps or attendance, anywhere in the file.
    for (const hidden of [
      "Acme",
      "meet.example.org",
      "secret agenda",
      "private",
      "Gus Guest",
      "Attendance",
      "Summer",
    ]) {
      expect(res.body).not.toContain(hidden);
    }

    const bySlug = await call(null, "GET", `/api/partnerships/${t.partnership.slug}/calendar.ics`);
    expect(uids(bySlug.body)).toEqual([ids[0]]);
  });

  it("lets the convener make a meeting public and private again; a member cannot, and nothing changes", async () => {
    const feed = async () =>
      uids((await call(null, "GET", `/api/partnerships/${t.partnership.id}/calendar.ics`)).body);
    const refused = await call(t.member, "PATCH", `/api/meetings/${ids[1]}`, { version: 1, public: true });
    expect(refused.statusCode).toBe(403);
    const [row] = await queryRows<{ is_public: boolean; version: number }>(
      ctx.deps.db,
      sql`select is_public, version from meetings where id = ${ids[1]}`,
    );
    expect(row).toEqual({ is_public: false, version: 1 });
    expect(await feed()).toEqual([ids[0]]);

    const made = await call(t.convener, "PATCH", `/api/meetings/${ids[1]}`, { version: 1, public: true });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json()).toMatchObject({ public: true, version: 2 });
    expect(await feed()).toEqual(ids);
    const list = await call(t.member, "GET", `/api/partnerships/${t.partnership.id}/meetings`);
    expect(
      list.json<{ items: { id: string; public: boolean }[] }>().items.find((m) => m.id === ids[1])?.public,
    ).toBe(true);

    const back = await call(t.convener, "PATCH", `/api/meetings/${ids[1]}`, { version: 2, public: false });
    expect(back.json()).toMatchObject({ public: false, version: 3 });
    expect(await feed()).toEqual([ids[0]]);
  });

  it("marks a cancelled public meeting CANCELLED with a higher SEQUENCE", async () => {
    const planned = await post({
      kind: "full_partnership",
      title: "Called off",
      startsAt: "2026-09-01T08:00",
      timeZone: "America/Denver",
      public: true,
    });
    const id = planned.json<{ id: string }>().id;
    const res = await call(t.convener, "PATCH", `/api/meetings/${id}`, { version: 1, cancelled: true });
    expect(res.statusCode).toBe(200);
    const feed = await call(null, "GET", `/api/partnerships/${t.partnership.id}/calendar.ics`);
    const cancelled = byUid(feed.body, id);
    expect(cancelled.sequence).toBe(2);
    expect(cancelled.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    await ctx.deps.db.execute(sql`update meetings set deleted_at = now() where id = ${id}`);
  });
});

describe("a member's private feed", () => {
  it("is made, shown again and read without a session, with every detail of the member's meetings", async () => {
    expect((await call(null, "GET", "/api/me/meeting-feed")).statusCode).toBe(401);
    expect((await call(null, "POST", "/api/me/meeting-feed")).statusCode).toBe(401);
    expect(await myFeed(t.member)).toEqual({ url: null, createdAt: null });

    const url = await newFeed(t.member);
    expect(url).toMatch(/^http:\/\/shared-table\.test\/api\/meeting-feeds\/[0-9a-f-]{36}\.[\w-]{43}\.ics$/);
    expect((await myFeed(t.member)).url).toBe(url);

    const res = await call(null, "GET", path(url));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("text/calendar");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    // Both meetings of the member's partnership, public or not; not the other partnership's.
    expect(uids(res.body)).toEqual(ids);
    const launch = byUid(res.body, ids[0]);
    expect(propertyNames(launch)).toEqual(
      [
        "categories",
        "created",
        "description",
        "dtend",
        "dtstamp",
        "dtstart",
        "last-modified",
        "location",
        "sequence",
        "status",
        "summary",
        "uid",
        "url",
      ].sort(),
    );
    expect(launch.location).toBe("Acme, 100 Main St");
    expect(launch.component.getFirstPropertyValue("url")).toBe(
      `${ORIGIN}/p/${t.partnership.slug}/meetings/${ids[0]}`,
    );
    expect(launch.description).toBe(
      [
        "Launch meeting of Metro Denver Manufacturing Partnership (times planned in America/Denver).",
        "Join: https://meet.example.org/launch",
        "Agenda:\nsecret agenda",
        "Notes:\nprivate notes",
        "Decisions:\nprivate decisions",
        "Next steps:\nprivate next steps",
        "Attendance: 1 business, 3 public partners, including 1 guest.",
        `Meeting page: ${ORIGIN}/p/${t.partnership.slug}/meetings/${ids[0]}`,
      ].join("\n\n"),
    );
    const summer = byUid(res.body, ids[1]);
    expect(summer.location).toBe("https://meet.example.org/abc");
    expect(summer.description).toContain("Attendance: not recorded yet.");
  });

  it("covers every partnership of its owner", async () => {
    const res = await call(null, "GET", path(await newFeed(t.convener)));
    expect(res.statusCode).toBe(200);
    expect(uids(res.body).sort()).toEqual([...ids, second.meetingId].sort());
    expect(byUid(res.body, second.meetingId).component.getFirstPropertyValue("url")).toBe(
      `${ORIGIN}/p/${second.slug}/meetings/${second.meetingId}`,
    );
    // An outsider's feed works and is empty.
    const outsider = await call(null, "GET", path(await newFeed(t.outsider)));
    expect(outsider.statusCode).toBe(200);
    expect(uids(outsider.body)).toEqual([]);
  });

  it("answers 404 for a regenerated, revoked, altered or borrowed address", async () => {
    const old = (await myFeed(t.member)).url!;
    const fresh = await newFeed(t.member);
    expect(fresh).not.toBe(old);
    const gone = await call(null, "GET", path(old));
    expect(gone.statusCode).toBe(404);
    expect(gone.headers["content-type"]).toContain("application/problem+json");
    expect(gone.json()).toMatchObject({ status: 404, detail: "This calendar feed was not found." });
    expect((await call(null, "GET", path(fresh))).statusCode).toBe(200);
    expect(await countRows(ctx, "meeting_feeds")).toBe(3);

    // The same feed id with another signature, and another person's id with this signature.
    const [, feedId, signature] = /\/([0-9a-f-]{36})\.([\w-]{43})\.ics$/.exec(fresh)!;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    expect((await call(null, "GET", `/api/meeting-feeds/${feedId}.${flipped}.ics`)).statusCode).toBe(404);
    const convenerId = /\/([0-9a-f-]{36})\./.exec((await myFeed(t.convener)).url!)![1];
    expect((await call(null, "GET", `/api/meeting-feeds/${convenerId}.${signature}.ics`)).statusCode).toBe(
      404,
    );
    expect((await call(null, "GET", `/api/meeting-feeds/not-a-feed.ics`)).statusCode).toBe(404);

    expect((await call(null, "DELETE", "/api/me/meeting-feed")).statusCode).toBe(401);
    expect(await countRows(ctx, "meeting_feeds")).toBe(3);
    expect((await call(t.member, "DELETE", "/api/me/meeting-feed")).statusCode).toBe(204);
    expect((await call(null, "GET", path(fresh))).statusCode).toBe(404);
    expect(await myFeed(t.member)).toEqual({ url: null, createdAt: null });
    const rows = await queryRows<{ user_id: string }>(ctx.deps.db, sql`select user_id from meeting_feeds`);
    expect(rows.map((r) => r.user_id).sort()).toEqual([t.convener.userId, t.outsider.userId].sort());
  });

  it("stops carrying a partnership's meetings once its owner has left it", async () => {
    const url = await newFeed(t.member);
    expect(uids((await call(null, "GET", path(url))).body)).toEqual(ids);
    await ctx.deps.db.execute(
      sql`update memberships set left_at = now() where person_id = ${t.member.personId} and partnership_id = ${t.partnership.id}`,
    );
    try {
      const after = await call(null, "GET", path(url));
      expect(after.statusCode).toBe(200);
      expect(uids(after.body)).toEqual([]);
      expect(after.body).not.toContain("secret agenda");
    } finally {
      await ctx.deps.db.execute(
        sql`update memberships set left_at = null where person_id = ${t.member.personId} and partnership_id = ${t.partnership.id}`,
      );
    }
  });
});

describe("one meeting as a file", () => {
  it("is for members: 401 anonymous, 404 for a non-member, the full meeting for a member", async () => {
    const url = `/api/meetings/${ids[0]}/calendar.ics`;
    const anonymous = await call(null, "GET", url);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers["content-type"]).toContain("application/problem+json");
    const outsider = await call(t.outsider, "GET", url);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json()).toMatchObject({ detail: "The meeting was not found." });
    expect(outsider.body).not.toContain("Launch");

    const res = await call(t.member, "GET", url);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain("attachment");
    const parsed = vevents(res.body);
    expect(parsed.map((e) => e.uid)).toEqual([`${ids[0]}@shared-table.test`]);
    expect(parsed[0].description).toContain("Agenda:\nsecret agenda");
    expect(parsed[0].location).toBe("Acme, 100 Main St");
    const missing = await call(
      t.member,
      "GET",
      `/api/meetings/00000000-0000-4000-8000-000000000000/calendar.ics`,
    );
    expect(missing.statusCode).toBe(404);
  });
});

describe("calendars in the reader's language", () => {
  it("writes a Spanish-speaking member's feed and file in Spanish and an English-speaking one's in English, in the same run", async () => {
    // The convener chose Spanish on the account page; the member keeps English.
    const chose = await call(t.convener, "PATCH", "/api/me", { locale: "es" });
    expect(chose.statusCode, chose.body).toBe(200);
    try {
      // The private feed is read by a calendar app with no cookie and no language: the account decides.
      const spanishFeed = await call(null, "GET", path(await newFeed(t.convener)));
      const englishFeed = await call(null, "GET", path(await newFeed(t.member)));
      expect(spanishFeed.body).toContain("X-WR-CALNAME:");
      const spanish = byUid(spanishFeed.body, ids[0]);
      const english = byUid(englishFeed.body, ids[0]);
      expect(spanish.description).toContain(
        `Lanzamiento: reunión de Metro Denver Manufacturing Partnership (horarios planificados en America/Denver).`,
      );
      expect(spanish.description).toContain("Orden del día:\nsecret agenda");
      expect(spanish.description).toContain("Asistencia: 1 de empresas, 3 aliados públicos, con 1 invitado.");
      expect(spanish.description).toContain("Página de la reunión: http://shared-table.test/p/");
      expect(spanish.component.getFirstPropertyValue("categories")).toBe("Lanzamiento");
      expect(english.description).toContain(
        `Launch meeting of Metro Denver Manufacturing Partnership (times planned in America/Denver).`,
      );
      expect(english.description).toContain("Attendance: 1 business, 3 public partners, including 1 guest.");
      expect(english.component.getFirstPropertyValue("categories")).toBe("Launch");

      // One meeting as a file: the person's choice over what their browser asks for.
      const file = (user: User) =>
        ctx.app.inject({
          method: "GET",
          url: `/api/meetings/${ids[0]}/calendar.ics`,
          headers: { cookie: user.cookie, "accept-language": "en-US" },
        });
      expect(vevents((await file(t.convener)).body)[0].description).toContain("Asistencia:");
      expect(vevents((await file(t.member)).body)[0].description).toContain("Attendance:");

      // The public feed speaks the asking calendar's language.
      const publicFeed = (language: string) =>
        ctx.app.inject({
          method: "GET",
          url: `/api/partnerships/${t.partnership.id}/calendar.ics`,
          headers: { "accept-language": language },
        });
      expect((await publicFeed("es-MX")).body).toContain(
        `X-WR-CALNAME:Metro Denver Manufacturing Partnership: reuniones públicas`,
      );
      expect((await publicFeed("en")).body).toContain(
        `X-WR-CALNAME:Metro Denver Manufacturing Partnership: public meetings`,
      );
    } finally {
      await call(t.convener, "PATCH", "/api/me", { locale: "en" });
    }
  });
});

describe("links in calendars", () => {
  /**
   * The web app's routes (src/web/app/routes.tsx) as patterns; the catch-all "*" is not a page. A
   * relative path is a child of a layout route (an absolute path with children), under each of them.
   */
  const routesFile = readFileSync(new URL("../../../web/app/routes.tsx", import.meta.url), "utf8");
  const paths = [...routesFile.matchAll(/path: "([^"]+)"/g)].map((m) => m[1]).filter((p) => p !== "*");
  const layouts = [...routesFile.matchAll(/path: "(\/[^"]*)",\s*element: [^\n]+\n\s*children:/g)].map(
    (m) => m[1],
  );
  const routes = paths
    .flatMap((p) => (p.startsWith("/") ? [p] : layouts.map((l) => `${l}/${p}`)))
    .map((p) => new RegExp(`^${p.replace(/:[A-Za-z]+/g, "[^/]+")}$`));

  /** Every value in the calendar that is an address of this app: URL properties and links in text. */
  function appLinks(text: string): string[] {
    const links: string[] = [];
    const visit = (c: ICAL.Component) => {
      for (const p of c.getAllProperties()) {
        for (const v of p.getValues()) {
          if (typeof v === "string") links.push(...(v.match(/https?:\/\/[^\s]+/g) ?? []));
        }
      }
      c.getAllSubcomponents().forEach(visit);
    };
    visit(new ICAL.Component(ICAL.parse(text) as unknown[]));
    return links.filter((l) => l.startsWith(ORIGIN));
  }

  it("point only at pages the web app has, for meetings and for community events", async () => {
    const admin = await signUp(ctx, "Ada Admin");
    await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
    const event = await call(admin, "POST", "/api/events", {
      title: "Engaging business champions",
      description: "How conveners keep business leaders at the table.",
      startsAt: "2030-05-05T10:00",
      endsAt: "2030-05-05T11:00",
      timeZone: "America/Denver",
      online: true,
      link: "https://meet.example.org/champions",
    });
    expect(event.statusCode, event.body).toBe(201);
    const { id: eventId, slug: eventSlug } = event.json<{ id: string; slug: string }>();

    const memberFeed = await newFeed(t.member);
    const calendars = {
      public: (await call(null, "GET", `/api/partnerships/${t.partnership.id}/calendar.ics`)).body,
      member: (await call(null, "GET", path(memberFeed))).body,
      convener: (await call(null, "GET", path((await myFeed(t.convener)).url!))).body,
      meeting: (await call(t.member, "GET", `/api/meetings/${ids[1]}/calendar.ics`)).body,
      events: (await call(null, "GET", "/api/events.ics")).body,
      // An admin's copy of the event carries the join link: its URL is still the event's page.
      event: (await call(admin, "GET", `/api/events/${eventId}.ics`)).body,
    };
    for (const [name, text] of Object.entries(calendars)) {
      const links = appLinks(text);
      const urls = vevents(text).map((e) => String(e.component.getFirstPropertyValue("url")));
      expect(urls.length, name).toBeGreaterThan(0);
      // Every event's URL is a page of this app, not a video link or an API address.
      for (const u of urls) expect(u.startsWith(`${ORIGIN}/`), `${name}: ${u}`).toBe(true);
      for (const link of links) {
        const pathname = new URL(link).pathname;
        expect(
          routes.some((r) => r.test(pathname)),
          `${name}: ${link} is not a page of the web app`,
        ).toBe(true);
      }
    }
    expect(appLinks(calendars.event)).toContain(`${ORIGIN}/events/${eventSlug}`);
    expect(String(vevents(calendars.event)[0].component.getFirstPropertyValue("url"))).toBe(
      `${ORIGIN}/events/${eventSlug}`,
    );
    expect(appLinks(calendars.convener)).toContain(`${ORIGIN}/p/${second.slug}/meetings/${second.meetingId}`);

    // The pages named exist: the partnership by its slug, and the meeting within it.
    expect((await call(null, "GET", `/api/partnerships/${t.partnership.slug}`)).statusCode).toBe(200);
    expect((await call(t.member, "GET", `/api/meetings/${ids[0]}`)).statusCode).toBe(200);
  });
});
