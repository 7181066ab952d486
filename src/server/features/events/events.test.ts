import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventDetail, EventList, Registration } from "../../../core/events.js";
import { queryRows } from "../../../db/query.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";
import { sendEventReminders } from "./reminders.js";

let ctx: TestContext;
type User = Awaited<ReturnType<typeof signUp>>;
let admin: User;
let ann: User;
let ben: User;
let cai: User;
const DAY = 86_400_000;

function call(user: User | null, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) {
  return ctx.app.inject({ method, url, payload, headers: user ? { cookie: user.cookie } : {} });
}

/** A wall time `days` from now in the given zone's notation, e.g. 2026-03-05T08:00. */
function wallDaysAhead(days: number, hour = 10): string {
  const d = new Date(ctx.deps.now().getTime() + days * DAY);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
}

const eventCount = async () =>
  (await queryRows<{ n: number }>(ctx.deps.db, sql`select count(*)::int as n from events`))[0].n;
const registrationCount = async (eventId: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from event_registrations where event_id = ${eventId}`,
    )
  )[0].n;
const mailTo = (email: string) =>
  queryRows<{ subject: string; text: string; attachments: { filename: string; content: string }[] }>(
    ctx.deps.db,
    sql`select subject, text, attachments from outbox where "to" = ${email} order by created_at, subject`,
  );

function vevents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return calendar.getAllSubcomponents("vevent").map((v) => ({
    uid: String(v.getFirstPropertyValue("uid")),
    start: (v.getFirstPropertyValue("dtstart") as ICAL.Time).toJSDate().toISOString(),
    end: (v.getFirstPropertyValue("dtend") as ICAL.Time).toJSDate().toISOString(),
    summary: String(v.getFirstPropertyValue("summary")),
    description: String(v.getFirstPropertyValue("description")),
  }));
}

async function createEvent(body: Record<string, unknown>): Promise<EventDetail> {
  const res = await call(admin, "POST", "/api/events", {
    title: "Engaging business champions",
    description: "How conveners keep **business leaders** at the table.",
    startsAt: wallDaysAhead(3),
    endsAt: wallDaysAhead(3, 11),
    timeZone: "America/Denver",
    online: true,
    link: "https://meet.example.org/champions",
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<EventDetail>();
}

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await signUp(ctx, "Ada Admin");
  await ctx.deps.db.execute(sql`update users set is_admin = true where id = ${admin.userId}`);
  ann = await signUp(ctx, "Ann Convener");
  ben = await signUp(ctx, "Ben Builder");
  cai = await signUp(ctx, "Cai Partner");
});
afterAll(() => ctx.close());

describe("planning events", () => {
  it("lets only community admins create and edit events; others change nothing", async () => {
    const body = {
      title: "Not allowed",
      description: "",
      startsAt: wallDaysAhead(5),
      endsAt: wallDaysAhead(5, 11),
      timeZone: "America/Denver",
      link: "https://meet.example.org/x",
    };
    expect((await call(null, "POST", "/api/events", body)).statusCode).toBe(401);
    expect((await call(ann, "POST", "/api/events", body)).statusCode).toBe(403);
    expect(await eventCount()).toBe(0);

    const event = await createEvent({ title: "Launch basics", capacity: 30 });
    expect(event).toMatchObject({ slug: "launch-basics", capacity: 30, placesLeft: 30, version: 1 });
    expect(event.descriptionHtml).toContain("<strong>business leaders</strong>");
    const refused = await call(ann, "PATCH", `/api/events/${event.id}`, { version: 1, title: "Hijacked" });
    expect(refused.statusCode).toBe(403);
    const again = await call(null, "GET", `/api/events/${event.slug}`);
    expect(again.json<EventDetail>()).toMatchObject({ title: "Launch basics", version: 1 });

    const edited = await call(admin, "PATCH", `/api/events/${event.id}`, { version: 1, capacity: 40 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<EventDetail>()).toMatchObject({ capacity: 40, version: 2 });
    const stale = await call(admin, "PATCH", `/api/events/${event.id}`, { version: 1, title: "Stale" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ current: EventDetail }>().current).toMatchObject({
      title: "Launch basics",
      version: 2,
    });
  });

  it("refuses bad dates and zones with 400 naming the field", async () => {
    const base = {
      title: "Bad input",
      description: "",
      startsAt: wallDaysAhead(5),
      endsAt: wallDaysAhead(5, 11),
      timeZone: "America/Denver",
      link: "https://meet.example.org/x",
    };
    const before = await eventCount();
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: "Mars/Olympus" }, "timeZone"],
      [{ startsAt: "2026-02-30T10:00" }, "startsAt"],
      [{ endsAt: "tomorrow" }, "endsAt"],
      [{ endsAt: wallDaysAhead(5, 9) }, "endsAt"],
      [{ capacity: 0 }, "capacity"],
      [{ online: false, place: "" }, "place"],
    ];
    for (const [change, field] of cases) {
      const res = await call(admin, "POST", "/api/events", { ...base, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
    expect(await eventCount()).toBe(before);
  });

  it("reads a wall time in the event's zone", async () => {
    const event = await createEvent({
      title: "Zone check",
      startsAt: "2031-07-01T09:00",
      endsAt: "2031-07-01T10:30",
      timeZone: "America/New_York",
    });
    expect(event.startsAt).toBe("2031-07-01T13:00:00.000Z");
    expect(event.endsAt).toBe("2031-07-01T14:30:00.000Z");
  });
});

describe("registering", () => {
  it("fills the seats, then the waitlist, and moves the first waiting person up on a cancellation", async () => {
    const event = await createEvent({
      title: "Peer exchange: manufacturing",
      capacity: 1,
      kind: "peer_exchange",
    });
    const url = `/api/events/${event.id}/registration`;
    expect((await call(null, "POST", url)).statusCode).toBe(401);

    const first = await call(ann, "POST", url);
    expect(first.statusCode).toBe(201);
    expect(first.json<Registration>()).toMatchObject({ status: "confirmed", waitlistPosition: null });
    // Twice: the same registration, not two.
    const twice = await call(ann, "POST", url);
    expect(twice.statusCode).toBe(200);
    expect(twice.json<Registration>().id).toBe(first.json<Registration>().id);
    expect(await registrationCount(event.id)).toBe(1);

    const benReg = (await call(ben, "POST", url)).json<Registration>();
    expect(benReg).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect((await call(cai, "POST", url)).json<Registration>()).toMatchObject({
      status: "waitlisted",
      waitlistPosition: 2,
    });

    const seen = (await call(ben, "GET", `/api/events/${event.slug}`)).json<EventDetail>();
    expect(seen).toMatchObject({ confirmed: 1, waitlisted: 2, placesLeft: 0, link: "", linkHidden: true });
    expect(seen.myRegistration).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect((await call(ann, "GET", `/api/events/${event.id}`)).json<EventDetail>().link).toBe(
      "https://meet.example.org/champions",
    );
    expect(
      (await call(null, "GET", `/api/events/${event.id}`)).json<EventDetail>().myRegistration,
    ).toBeNull();

    expect((await mailTo(ben.email)).map((m) => m.subject)).toEqual([
      "On the waitlist: Peer exchange: manufacturing",
    ]);

    const cancelled = await call(ann, "DELETE", url);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<Registration>().status).toBe("cancelled");
    const benNow = (await call(ben, "GET", `/api/events/${event.id}`)).json<EventDetail>();
    expect(benNow.myRegistration).toMatchObject({
      id: benReg.id,
      status: "confirmed",
      waitlistPosition: null,
    });
    expect(benNow.link).toBe("https://meet.example.org/champions");
    const caiNow = (await call(cai, "GET", `/api/events/${event.id}`)).json<EventDetail>();
    expect(caiNow.myRegistration).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });

    const benMail = await mailTo(ben.email);
    expect(benMail.map((m) => m.subject)).toEqual([
      "On the waitlist: Peer exchange: manufacturing",
      "A place opened up: you're in for Peer exchange: manufacturing",
    ]);
    expect(benMail[1].attachments.map((a) => a.filename)).toEqual([`${event.slug}.ics`]);
    const notes = await queryRows<{ kind: string; title: string; link: string }>(
      ctx.deps.db,
      sql`select kind, title, link from notifications where user_id = ${ben.userId} order by created_at`,
    );
    expect(notes.at(-1)).toEqual({
      kind: "registration",
      title: "A place opened up: you're in for Peer exchange: manufacturing",
      link: `/events/${event.slug}`,
    });

    // Cancelling again: nothing to cancel. Coming back: a new place at the end of the waitlist, same row.
    expect((await call(ann, "DELETE", url)).statusCode).toBe(404);
    const back = await call(ann, "POST", url);
    expect(back.json<Registration>()).toMatchObject({
      id: first.json<Registration>().id,
      status: "waitlisted",
      waitlistPosition: 2,
    });
    expect(await registrationCount(event.id)).toBe(3);
  });

  it("never overfills an event when people register at the same moment", async () => {
    const event = await createEvent({ title: "Race for seats", capacity: 2 });
    const people = [ann, ben, cai, await signUp(ctx, "Dee"), await signUp(ctx, "Eve")];
    const answers = await Promise.all(
      people.map((p) => call(p, "POST", `/api/events/${event.id}/registration`)),
    );
    const statuses = answers.map((a) => a.json<Registration>().status).sort();
    expect(statuses).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted", "waitlisted"]);
    const positions = answers
      .map((a) => a.json<Registration>().waitlistPosition)
      .filter((p) => p !== null)
      .sort();
    expect(positions).toEqual([1, 2, 3]);
  });

  it("refuses a past event with 409 and stores nothing", async () => {
    const event = await createEvent({
      title: "Last year's convening",
      startsAt: wallDaysAhead(-30),
      endsAt: wallDaysAhead(-30, 15),
      kind: "convening",
      online: false,
      link: "",
      place: "Denver Convention Center",
      recordingUrl: "https://video.example.org/convening",
      materials: [{ title: "Slides", url: "https://files.example.org/slides.pdf" }],
    });
    const res = await call(ann, "POST", `/api/events/${event.id}/registration`);
    expect(res.statusCode).toBe(409);
    expect(await registrationCount(event.id)).toBe(0);

    const past = (await call(null, "GET", "/api/events?when=past")).json<EventList>();
    expect(past.items.map((e) => e.slug)).toContain(event.slug);
    expect(past.items.find((e) => e.slug === event.slug)?.hasRecording).toBe(true);
    const upcoming = (await call(null, "GET", "/api/events")).json<EventList>();
    expect(upcoming.items.map((e) => e.slug)).not.toContain(event.slug);
    expect(upcoming.permissions.create).toBe(false);
    expect((await call(admin, "GET", "/api/events")).json<EventList>().permissions.create).toBe(true);
    const detail = (await call(null, "GET", `/api/events/${event.slug}`)).json<EventDetail>();
    expect(detail.materials).toMatchObject([
      { title: "Slides", url: "https://files.example.org/slides.pdf" },
    ]);
    expect(detail.permissions.register).toBe(false);
  });
});

describe("calendars and mail", () => {
  it("sends a confirmation with the event as an .ics attachment", async () => {
    const dee = await signUp(ctx, "Dee Calendar");
    const event = await createEvent({ title: "Training: action teams", kind: "training" });
    expect((await call(dee, "POST", `/api/events/${event.id}/registration`)).statusCode).toBe(201);
    const [mail] = await mailTo(dee.email);
    expect(mail.subject).toBe("You're registered: Training: action teams");
    expect(mail.text).toContain("Hello Dee Calendar,");
    expect(mail.text).toMatch(/When: .* (MST|MDT) to /);
    expect(mail.text).toContain(`http://shared-table.test/events/${event.slug}`);
    expect(mail.attachments).toHaveLength(1);
    const [attached] = vevents(mail.attachments[0].content);
    expect(attached).toMatchObject({
      uid: `${event.id}@shared-table.test`,
      start: event.startsAt,
      end: event.endsAt,
      summary: "Training: action teams",
    });
    expect(attached.description).toContain("Join: https://meet.example.org/champions");

    const outbox = await call(admin, "GET", "/api/admin/outbox");
    const item = outbox
      .json<{ items: { to: string; attachments: string[] }[] }>()
      .items.find((m) => m.to === dee.email);
    expect(item?.attachments).toEqual([`${event.slug}.ics`]);
  });

  it("serves every upcoming event, and one event, as iCalendar without the join link", async () => {
    const feed = await call(null, "GET", "/api/events.ics");
    expect(feed.statusCode).toBe(200);
    expect(feed.headers["content-type"]).toContain("text/calendar");
    const list = (await call(null, "GET", "/api/events")).json<EventList>();
    const parsed = vevents(feed.body);
    expect(parsed.map((v) => v.uid).sort()).toEqual(
      list.items.map((e) => `${e.id}@shared-table.test`).sort(),
    );
    for (const e of list.items) {
      expect(parsed.find((v) => v.uid.startsWith(e.id))).toMatchObject({ start: e.startsAt, end: e.endsAt });
    }
    expect(feed.body).not.toContain("meet.example.org");

    const one = await call(null, "GET", `/api/events/${list.items[0].id}.ics`);
    expect(one.statusCode).toBe(200);
    expect(one.headers["content-disposition"]).toContain(`${list.items[0].slug}.ics`);
    expect(vevents(one.body).map((v) => v.uid)).toEqual([`${list.items[0].id}@shared-table.test`]);
    expect((await call(null, "GET", "/api/events/no-such-event.ics")).statusCode).toBe(404);
  });

  it("reminds people with a seat the day before, once", async () => {
    const event = await createEvent({
      title: "Reminder check",
      startsAt: wallDaysAhead(10),
      endsAt: wallDaysAhead(10, 11),
    });
    const fay = await signUp(ctx, "Fay Reminder");
    await call(fay, "POST", `/api/events/${event.id}/registration`);
    const before = await sendEventReminders(ctx.deps);
    expect((await mailTo(fay.email)).map((m) => m.subject)).not.toContain("Tomorrow: Reminder check");

    // To half a day before it starts: "10 days ahead at 10:00 in Denver" is anywhere from 9.7 to
    // 10.7 days away depending on the hour the test runs (a fixed 9.5 days failed after midnight UTC).
    ctx.advance(new Date(event.startsAt).getTime() - DAY / 2 - ctx.deps.now().getTime());
    const sent = await sendEventReminders(ctx.deps);
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(await sendEventReminders(ctx.deps)).toBe(0);
    expect(await Promise.all([sendEventReminders(ctx.deps), sendEventReminders(ctx.deps)])).toEqual([0, 0]);
    const reminders = (await mailTo(fay.email)).filter((m) => m.subject === "Tomorrow: Reminder check");
    expect(reminders).toHaveLength(1);
    expect(reminders[0].text).toContain("Hello Fay Reminder,");
    expect(before).toBe(0);
  });
});

describe("delivery", () => {
  it("hands the .ics to the SMTP transport as a real attachment", async () => {
    const { Mailer } = await import("../../lib/mailer.js");
    const nodemailer = await import("nodemailer");
    const raw: string[] = [];
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const original = transport.sendMail.bind(transport);
    transport.sendMail = async (mail: Parameters<typeof original>[0]) => {
      const info = await original(mail);
      raw.push(String((info as unknown as { message: Buffer }).message));
      return info;
    };
    const mailer = new Mailer(ctx.deps.db, transport, "events@shared-table.test");
    const sent = await mailer.deliver();
    expect(sent).toBeGreaterThan(0);
    const withIcs = raw.find((m) => m.includes("Training: action teams") && m.includes("You're registered"));
    expect(withIcs).toBeDefined();
    expect(withIcs).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/);
    expect(withIcs).toMatch(/filename=training-action-teams\.ics/);
    // Nodemailer encodes the attachment in base64; 15 bytes make exactly 20 characters of it.
    expect(withIcs).toContain(Buffer.from("BEGIN:VCALENDAR").toString("base64"));
  });
});

describe.skipIf(process.env.TEST_ENGINE !== "postgres")("registrations side by side (PostgreSQL)", () => {
  it("share an uncapped event's row, take a capped one's in turn, and keep an edit waiting", async () => {
    const open = await createEvent({ title: "Open house for employers" });
    const capped = await createEvent({ title: "Small room session", capacity: 5 });
    const waited = (pending: Promise<unknown>, ms = 700) =>
      Promise.race([
        pending.then(() => "answered"),
        new Promise((resolve) => setTimeout(() => resolve("waiting"), ms)),
      ]);
    // Another transaction holds both rows shared, as a registration in progress does.
    const seen = await ctx.deps.db.transaction(async (tx) => {
      await tx.execute(sql`select id from events where id in (${open.id}, ${capped.id}) for share`);
      const openPending = call(cai, "POST", `/api/events/${open.id}/registration`);
      const openState = await waited(openPending, 10_000);
      const cappedPending = call(cai, "POST", `/api/events/${capped.id}/registration`);
      const editPending = call(admin, "PATCH", `/api/events/${open.id}`, { version: 1, capacity: 50 });
      return {
        open: openState,
        capped: await waited(cappedPending),
        edit: await waited(editPending),
        pending: [openPending, cappedPending, editPending] as const,
      };
    });
    expect(seen).toMatchObject({ open: "answered", capped: "waiting", edit: "waiting" });
    const [openAnswer, cappedAnswer, editAnswer] = await Promise.all(seen.pending);
    expect(openAnswer.statusCode).toBe(201);
    expect(cappedAnswer.statusCode).toBe(201);
    expect(editAnswer.statusCode).toBe(200);
  });
});
