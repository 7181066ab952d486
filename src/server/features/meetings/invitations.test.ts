import { sql } from "drizzle-orm";
import ICAL from "ical.js";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import type { MailAttachment } from "../../../db/schema/index.js";
import { Mailer } from "../../lib/mailer.js";
import { createTestContext, signUp, type TestContext } from "../../test-support.js";
import { tableFixture } from "./table-fixture.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;

const DAY = 86_400_000;
const inject = (method: "GET" | "POST" | "PATCH" | "PUT", url: string, cookie?: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

/** A wall time in Denver some days ahead of the test clock. */
function ahead(days: number, hour = "08:00") {
  return `${new Date(ctx.deps.now().getTime() + days * DAY).toISOString().slice(0, 10)}T${hour}`;
}

interface Mail {
  to: string;
  subject: string;
  text: string;
  attachments: MailAttachment[];
}

async function mailsSince(since: Date): Promise<Mail[]> {
  return queryRows<Mail>(
    ctx.deps.db,
    sql`select "to", subject, text, attachments from outbox where created_at >= ${since.toISOString()} order by "to"`,
  );
}

async function plan(payload: Record<string, unknown> = {}) {
  const since = new Date();
  const res = await inject("POST", `/api/partnerships/${t.partnership.id}/meetings`, t.convener.cookie, {
    kind: "full_partnership",
    title: "Quarterly partnership meeting",
    startsAt: ahead(10),
    endsAt: ahead(10, "09:30"),
    timeZone: "America/Denver",
    place: "Front Range Community College, Room 104",
    link: "https://meet.example.org/quarterly",
    ...payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { meeting: res.json<{ id: string; version: number }>(), mails: await mailsSince(since) };
}

async function patch(id: string, body: Record<string, unknown>) {
  const since = new Date();
  const res = await inject("PATCH", `/api/meetings/${id}`, t.convener.cookie, body);
  expect(res.statusCode, res.body).toBe(200);
  return { meeting: res.json<{ id: string; version: number }>(), mails: await mailsSince(since) };
}

function parse(mail: Mail) {
  const [ics] = mail.attachments;
  const calendar = new ICAL.Component(ICAL.parse(ics.content) as unknown[]);
  const event = calendar.getFirstSubcomponent("vevent")!;
  const attendee = event.getFirstProperty("attendee")!;
  return {
    attachment: ics,
    method: calendar.getFirstPropertyValue("method"),
    uid: event.getFirstPropertyValue("uid"),
    sequence: Number(event.getFirstPropertyValue("sequence")),
    status: event.getFirstPropertyValue("status"),
    organizer: String(event.getFirstPropertyValue("organizer")),
    attendee: String(attendee.getFirstValue()),
    rsvp: attendee.getParameter("rsvp"),
    partstat: attendee.getParameter("partstat"),
    dtstart: event.getFirstProperty("dtstart")!,
    dtend: event.getFirstProperty("dtend")!,
    location: event.getFirstPropertyValue("location"),
    url: event.getFirstPropertyValue("url"),
    description: String(event.getFirstPropertyValue("description")),
    timezones: calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid")),
    raw: ics.content,
  };
}

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
});
afterAll(() => ctx.close());

describe("meeting invitations are calendar invitations", () => {
  it("planning a meeting mails each member with an address a METHOD:REQUEST invitation with their own answer links", async () => {
    const { meeting, mails } = await plan();
    // The member with an account gets it; the convener who planned it (the organizer) does not,
    // and people recorded without an address cannot.
    expect(mails.map((m) => m.to)).toEqual([t.member.email]);
    const [mail] = mails;
    expect(mail.subject).toMatch(/^Invitation: Quarterly partnership meeting \(/);
    const ics = parse(mail);
    expect(ics.attachment.contentType).toBe("text/calendar; method=REQUEST; charset=UTF-8");
    expect(ics.attachment.method).toBe("REQUEST");
    expect(ics.method).toBe("REQUEST");
    expect(ics.uid).toBe(`${meeting.id}@shared-table.test`);
    expect(ics.sequence).toBe(meeting.version);
    expect(ics.status).toBe("CONFIRMED");
    expect(ics.organizer.toLowerCase()).toBe(`mailto:${t.convener.email}`);
    expect(ics.attendee.toLowerCase()).toBe(`mailto:${t.member.email}`);
    expect(ics.rsvp).toBe("TRUE");
    expect(ics.partstat).toBe("NEEDS-ACTION");
    // Wall time in the meeting's own zone, which the calendar defines.
    expect(ics.dtstart.getParameter("tzid")).toBe("America/Denver");
    expect(ics.raw).toMatch(/DTSTART;TZID=America\/Denver:\d{8}T080000\r\n/);
    expect(ics.raw).toMatch(/DTEND;TZID=America\/Denver:\d{8}T093000\r\n/);
    expect(ics.raw).toMatch(/DTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(ics.timezones).toEqual(["America/Denver"]);
    expect(ics.location).toBe("Front Range Community College, Room 104");
    expect(ics.url).toBe(`http://shared-table.test/p/${t.partnership.slug}/meetings/${meeting.id}`);
    // The answer links, in the mail and in the event, each the person's own.
    for (const answer of ["yes", "maybe", "no"]) {
      const link = new RegExp(
        `http://shared-table\\.test/meeting-answer/${meeting.id}\\?answer=${answer}&token=[\\w-]{48}\\.[\\w-]{43}`,
      );
      expect(mail.text).toMatch(link);
      expect(ics.description.replace(/\s/g, "")).toMatch(link);
    }
    // Parsed by ical.js, the event's start is 8:00 in Denver.
    const start = ics.dtstart.getFirstValue() as ICAL.Time;
    expect(start.hour).toBe(8);
    expect(start.zone?.tzid).toBe("America/Denver");
  });

  it("a change of time keeps the UID, raises SEQUENCE and sends the update; a change of notes sends nothing", async () => {
    const { meeting, mails } = await plan({ title: "Changing meeting" });
    const first = parse(mails[0]);
    const moved = await patch(meeting.id, {
      version: meeting.version,
      startsAt: ahead(11),
      endsAt: ahead(11, "10:00"),
    });
    expect(moved.mails.map((m) => m.to)).toEqual([t.member.email]);
    expect(moved.mails[0].subject).toMatch(/^Updated invitation: Changing meeting/);
    const second = parse(moved.mails[0]);
    expect(second.method).toBe("REQUEST");
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBeGreaterThan(first.sequence);
    expect(second.sequence).toBe(moved.meeting.version);
    expect(second.rsvp).toBe("TRUE");
    expect(second.raw).toMatch(/DTEND;TZID=America\/Denver:\d{8}T100000\r\n/);

    const noted = await patch(meeting.id, {
      version: moved.meeting.version,
      notes: "Bring the survey results",
    });
    expect(noted.mails).toEqual([]);

    const placed = await patch(meeting.id, { version: noted.meeting.version, place: "Acme, 100 Main St" });
    const third = parse(placed.mails[0]);
    expect(third.sequence).toBeGreaterThan(second.sequence);
    expect(third.location).toBe("Acme, 100 Main St");
  });

  it("cancelling sends METHOD:CANCEL with the same UID and STATUS:CANCELLED; taking it back invites again", async () => {
    const { meeting, mails } = await plan({ title: "Meeting to cancel" });
    const request = parse(mails[0]);
    const cancelled = await patch(meeting.id, { version: meeting.version, cancelled: true });
    expect(cancelled.mails.map((m) => m.to)).toEqual([t.member.email]);
    expect(cancelled.mails[0].subject).toMatch(/^Cancelled: Meeting to cancel/);
    const cancel = parse(cancelled.mails[0]);
    expect(cancel.attachment.contentType).toBe("text/calendar; method=CANCEL; charset=UTF-8");
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.status).toBe("CANCELLED");
    expect(cancel.uid).toBe(request.uid);
    expect(cancel.sequence).toBeGreaterThan(request.sequence);
    expect(cancelled.mails[0].text).not.toContain("/meeting-answer/");

    const again = await patch(meeting.id, { version: cancelled.meeting.version, notes: "still off" });
    expect(again.mails).toEqual([]);
    const back = await patch(meeting.id, { version: again.meeting.version, cancelled: false });
    expect(parse(back.mails[0]).method).toBe("REQUEST");
  });

  it("a meeting already over (recorded afterwards) sends nothing", async () => {
    const past = new Date(ctx.deps.now().getTime() - 3 * DAY).toISOString().slice(0, 10);
    const { mails } = await plan({
      title: "Recorded afterwards",
      startsAt: `${past}T08:00`,
      endsAt: `${past}T09:00`,
    });
    expect(mails).toEqual([]);
  });

  it("an action team meeting goes to the team's members only; a new team invites them and cancels it for the others", async () => {
    const teamMember = await signUp(ctx, "Tia Team");
    // Tia joins the partnership, then the action team; Bea is not on the team.
    const inviteRes = await inject(
      "POST",
      `/api/partnerships/${t.partnership.id}/invitations`,
      t.convener.cookie,
      { email: teamMember.email, name: "Tia Team", role: "business_member", organizationId: t.orgs.bolt.id },
    );
    expect(inviteRes.statusCode, inviteRes.body).toBe(201);
    const [invite] = await queryRows<{ text: string }>(
      ctx.deps.db,
      sql`select text from outbox where "to" = ${teamMember.email} order by created_at desc limit 1`,
    );
    const token = /\/invitations\/([\w-]+)/.exec(invite.text)?.[1] ?? "";
    expect((await inject("POST", `/api/invitations/${token}/accept`, teamMember.cookie, {})).statusCode).toBe(
      200,
    );
    const [priority] = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`insert into priorities (partnership_id, title) values (${t.partnership.id}, 'Welding pipeline') returning id`,
    );
    const [team] = await queryRows<{ id: string }>(
      ctx.deps.db,
      sql`insert into action_teams (partnership_id, priority_id, name)
          values (${t.partnership.id}, ${priority.id}, 'Welding team') returning id`,
    );
    await queryRows(
      ctx.deps.db,
      sql`insert into action_team_members (team_id, person_id, role) values (${team.id}, ${teamMember.personId}, 'member')`,
    );
    const { meeting, mails } = await plan({
      kind: "action_team",
      actionTeamId: team.id,
      title: "Welding team huddle",
    });
    expect(mails.map((m) => m.to)).toEqual([teamMember.email]);

    // Made a full partnership meeting: Bea is invited now; Tia already was, so she gets nothing new.
    const widened = await patch(meeting.id, { version: meeting.version, kind: "full_partnership" });
    expect(widened.mails.map((m) => [m.to, parse(m).method])).toEqual([[t.member.email, "REQUEST"]]);
    // Back to the team: Bea's invitation is cancelled.
    const narrowed = await patch(meeting.id, { version: widened.meeting.version, kind: "action_team" });
    expect(narrowed.mails.map((m) => [m.to, parse(m).method])).toEqual([[t.member.email, "CANCEL"]]);
  });
});

describe("delivery over SMTP", () => {
  it("sends the invitation as a text/calendar alternative with its method, and as an attachment", async () => {
    const { mails } = await plan({ title: "Delivered invitation" });
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "\r\n" });
    const sent: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = async (options: Parameters<typeof original>[0]) => {
      const info = await original(options);
      sent.push(String((info as unknown as { message: Buffer }).message));
      return info;
    };
    // Only this mail waits: the others are marked sent.
    await queryRows(
      ctx.deps.db,
      sql`update outbox set sent_at = now() where sent_at is null and subject not like 'Invitation: Delivered invitation%'`,
    );
    const mailer = new Mailer(ctx.deps.db, transport, "Shared Table <no-reply@shared-table.test>");
    expect(await mailer.deliver()).toBe(mails.length);
    const raw = sent[0];
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(
      /Content-Type: text\/calendar; method=REQUEST; charset=UTF-8\r\nContent-Transfer-Encoding/,
    );
    expect(raw).toMatch(/Content-Type: text\/calendar; method=REQUEST; charset=UTF-8; name=invite\.ics/);
    expect(raw).toMatch(/Content-Disposition: attachment; filename=invite\.ics/);
  });
});
