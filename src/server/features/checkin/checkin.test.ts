import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, type TestContext } from "../../test-support.js";
import { tableFixture } from "../meetings/table-fixture.js";
import { meetingNow } from "./test-meeting.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;

type Method = "GET" | "POST" | "PATCH";
const call = (method: Method, url: string, cookie?: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

interface Screen {
  shortCode: string;
  token: string;
  url: string;
  qrSvg: string;
  open: boolean;
  expiresAt: string;
  board: { attendance: Record<string, unknown>; arrivals: { name: string }[] };
}

async function screen(meetingId: string): Promise<Screen> {
  const res = await call("GET", `/api/meetings/${meetingId}/check-in`, t.convener.cookie);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const count = async (table: "meeting_attendance" | "meeting_guests", meetingId: string) =>
  (
    await queryRows<{ n: number }>(
      ctx.deps.db,
      sql`select count(*)::int as n from ${sql.raw(table)} where meeting_id = ${meetingId}`,
    )
  )[0].n;

const attendanceOf = async (meetingId: string) =>
  (await call("GET", `/api/meetings/${meetingId}`, t.convener.cookie)).json<{
    attendance: Record<string, unknown>;
    lacksBusinessMajority: boolean;
  }>();

const outboxTo = (email: string) =>
  queryRows<{ subject: string; text: string }>(
    ctx.deps.db,
    sql`select subject, text from outbox where "to" = ${email}`,
  );

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
});
afterAll(() => ctx.close());

describe("the convener's check-in screen", () => {
  it("gives the convener a QR code of the check-in address and a six-character code, open today", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const s = await screen(m.id);
    expect(s.shortCode).toMatch(/^[A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3}$/);
    expect(s.url).toBe(`http://shared-table.test/check-in/${s.token}`);
    expect(s.token.startsWith(`${m.id}.`)).toBe(true);
    expect(s.qrSvg.startsWith("<svg")).toBe(true);
    expect(s.open).toBe(true);
    expect(new Date(s.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(s.board.arrivals).toEqual([]);
    expect(s.board.attendance).toEqual({
      business: 0,
      public: 0,
      guests: 0,
      businessShare: null,
      businessMajority: false,
    });
  });

  it("refuses a member who is not a convener (403), an outsider (404) and a visitor (401)", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    expect((await call("GET", `/api/meetings/${m.id}/check-in`, t.member.cookie)).statusCode).toBe(403);
    expect((await call("GET", `/api/meetings/${m.id}/check-in`, t.outsider.cookie)).statusCode).toBe(404);
    expect((await call("GET", `/api/meetings/${m.id}/check-in`)).statusCode).toBe(401);
    for (const cookie of [t.member.cookie, t.outsider.cookie, undefined]) {
      const res = await call("GET", `/api/meetings/${m.id}/check-in/events`, cookie);
      expect(res.statusCode).toBe(cookie === t.member.cookie ? 403 : cookie ? 404 : 401);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});

describe("checking in with the code", () => {
  it("opens the same meeting from the QR code's token and from the typed short code, in any case and without the dash", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const s = await screen(m.id);
    const byToken = await call("GET", `/api/check-in/${s.token}`);
    expect(byToken.statusCode, byToken.body).toBe(200);
    const typed = await call("GET", `/api/check-in/${s.shortCode.replace("-", "").toLowerCase()}`);
    expect(typed.statusCode, typed.body).toBe(200);
    const page = typed.json<{
      token: string;
      me: unknown;
      members: { name: string; checkedIn: boolean }[];
    }>();
    expect(page.token).toBe(s.token);
    expect(page.me).toBeNull();
    // The fixture's table: convener, Bea (by invitation), two business people and three public partners.
    expect(page.members.map((p) => p.name).sort()).toEqual(
      [
        "Ada Owner",
        "Bea Business",
        "Ben Plant",
        "Casey Convener",
        "Pat College",
        "Quinn Board",
        "Rae Board",
      ].sort(),
    );
    const mine = await call("GET", `/api/check-in/${s.token}`, t.member.cookie);
    expect(mine.json().me).toEqual({
      personId: t.member.personId,
      name: "Bea Business",
      member: true,
      checkedIn: false,
    });
  });

  it("checks a signed-in member in with one tap, once, and the meeting page counts them", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const { token } = await screen(m.id);
    const first = await call("POST", `/api/check-in/${token}/me`, t.member.cookie, {});
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ status: "checked_in", name: "Bea Business" });
    const again = await call("POST", `/api/check-in/${token}/me`, t.member.cookie, {});
    expect(again.json()).toMatchObject({ status: "already_checked_in" });
    expect(await count("meeting_attendance", m.id)).toBe(1);
    const meeting = await attendanceOf(m.id);
    expect(meeting.attendance).toEqual({
      business: 1,
      public: 0,
      guests: 0,
      businessShare: 1,
      businessMajority: true,
    });
    expect((await screen(m.id)).board.arrivals).toEqual([
      {
        kind: "member",
        id: t.member.personId,
        name: "Bea Business",
        organization: "Acme Precision Machining",
        sector: "business",
      },
    ]);
    // Not a member: nothing to tap; guests add themselves.
    const outsider = await call("POST", `/api/check-in/${token}/me`, t.outsider.cookie, {});
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().reason).toBe("not_a_member");
    expect((await call("POST", `/api/check-in/${token}/me`, undefined, {})).statusCode).toBe(401);
    expect(await count("meeting_attendance", m.id)).toBe(1);
  });

  it("keeps a check-in when a convener saves an attendance form opened before it (409, nothing dropped)", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const opened = await call("GET", `/api/meetings/${m.id}`, t.convener.cookie);
    const before = opened.json<{ attendanceVersion: string }>().attendanceVersion;
    const { token } = await screen(m.id);
    expect((await call("POST", `/api/check-in/${token}/me`, t.member.cookie, {})).statusCode).toBe(200);
    // The form, filled before the member checked in, names only a public partner.
    const form = { personIds: [t.publicPeople[0]], attendanceVersion: before };
    const stale = await ctx.app.inject({
      method: "PUT",
      url: `/api/meetings/${m.id}/attendance`,
      headers: { cookie: t.convener.cookie },
      payload: form,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().detail).toContain("people checked in");
    const current = stale.json<{
      current: { attendanceVersion: string; attendees: { personId: string }[] };
    }>().current;
    expect(current.attendees.map((a) => a.personId)).toEqual([t.member.personId]);
    expect(current.attendanceVersion).not.toBe(before);
    expect(await count("meeting_attendance", m.id)).toBe(1);
    // Filled again from who is there now, it saves.
    const saved = await ctx.app.inject({
      method: "PUT",
      url: `/api/meetings/${m.id}/attendance`,
      headers: { cookie: t.convener.cookie },
      payload: {
        personIds: [t.member.personId, t.publicPeople[0]],
        attendanceVersion: current.attendanceVersion,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await count("meeting_attendance", m.id)).toBe(2);
  });

  it("adds business and public guests once each and recomputes the business share", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const { token } = await screen(m.id);
    await call("POST", `/api/check-in/${token}/me`, t.member.cookie, {});
    const guest = (name: string, organization: string, sector: "business" | "public") =>
      call("POST", `/api/check-in/${token}/guests`, undefined, { name, organization, sector });

    expect((await guest("Gil Guest", "Gadget Works", "business")).statusCode).toBe(201);
    // The same person tapping again, in another case: one guest.
    const twice = await guest("gil guest", "GADGET WORKS", "business");
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toMatchObject({ status: "already_checked_in", name: "Gil Guest" });
    expect((await guest("Pia Public", "Library District", "public")).statusCode).toBe(201);
    expect(await count("meeting_guests", m.id)).toBe(2);
    // Bea and Gil for business, Pia for the public side: 2 of 3.
    let meeting = await attendanceOf(m.id);
    expect(meeting.attendance).toEqual({
      business: 2,
      public: 1,
      guests: 2,
      businessShare: 0.667,
      businessMajority: true,
    });
    expect(meeting.lacksBusinessMajority).toBe(false);

    expect((await guest("Quill Public", "County Schools", "public")).statusCode).toBe(201);
    expect((await guest("Rory Public", "Regional Chamber", "public")).statusCode).toBe(201);
    // 2 business of 5: no longer a majority, and a full partnership meeting is flagged.
    meeting = await attendanceOf(m.id);
    expect(meeting.attendance).toEqual({
      business: 2,
      public: 3,
      guests: 4,
      businessShare: 0.4,
      businessMajority: false,
    });
    expect(meeting.lacksBusinessMajority).toBe(true);
  });

  it("refuses a guest field with a NUL byte, 10,000 characters or no organization, naming the field; nothing is stored", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const { token } = await screen(m.id);
    const cases: [object, string][] = [
      [{ name: "Nul\u0000Name", organization: "Acme", sector: "business" }, "name"],
      [{ name: "x".repeat(10_000), organization: "Acme", sector: "business" }, "name"],
      [{ name: "Line\nbreak", organization: "Acme", sector: "business" }, "name"],
      [{ name: "Gil Guest", sector: "business" }, "organization"],
      [{ name: "Gil Guest", organization: "y".repeat(201), sector: "public" }, "organization"],
      [{ name: "Gil Guest", organization: "Acme", sector: "both" }, "sector"],
      [{ name: "Gil Guest", organization: "Acme", sector: "public", admin: true }, "admin"],
    ];
    for (const [payload, field] of cases) {
      const res = await call("POST", `/api/check-in/${token}/guests`, undefined, payload);
      expect(res.statusCode, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
    expect(await count("meeting_guests", m.id)).toBe(0);
  });
});

describe("picking a name", () => {
  it("counts a picked name only once the member confirms with the e-mailed link", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const { token } = await screen(m.id);
    const pick = await call("POST", `/api/check-in/${token}/claims`, undefined, {
      personId: t.convener.personId,
    });
    expect(pick.statusCode, pick.body).toBe(202);
    expect(pick.json()).toMatchObject({ status: "confirmation_sent", name: "Casey Convener" });
    expect(pick.json().emailHint).toBe(`${t.convener.email[0]}•••@example.org`);
    // Nothing counts yet: whoever holds the phone cannot check the convener in.
    expect(await count("meeting_attendance", m.id)).toBe(0);
    // Picking again within minutes sends no second message.
    expect(
      (await call("POST", `/api/check-in/${token}/claims`, undefined, { personId: t.convener.personId }))
        .statusCode,
    ).toBe(202);
    const mails = await outboxTo(t.convener.email);
    const confirmations = mails.filter(
      (mail) => mail.subject === "Confirm you are at Quarterly full partnership",
    );
    expect(confirmations).toHaveLength(1);
    const link = /\/check-in\/confirm\/(\S+)/.exec(confirmations[0].text)?.[1] ?? "";
    expect(link).not.toBe("");

    const altered = `${link.slice(0, -2)}${link.endsWith("AA") ? "BB" : "AA"}`;
    const tampered = await call("POST", "/api/check-in/confirm", undefined, { token: altered });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.json().reason).toBe("link_tampered");
    expect(await count("meeting_attendance", m.id)).toBe(0);

    const confirmed = await call("POST", "/api/check-in/confirm", undefined, { token: link });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: "checked_in", name: "Casey Convener" });
    expect((await call("POST", "/api/check-in/confirm", undefined, { token: link })).json().status).toBe(
      "already_checked_in",
    );
    expect(await count("meeting_attendance", m.id)).toBe(1);
    // The convener's organization is none: a convener counts on the public side.
    expect((await attendanceOf(m.id)).attendance).toEqual({
      business: 0,
      public: 1,
      guests: 0,
      businessShare: 0,
      businessMajority: false,
    });
  });

  it("checks the picker in at once when they are signed in as that member", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const { token } = await screen(m.id);
    const res = await call("POST", `/api/check-in/${token}/claims`, t.member.cookie, {
      personId: t.member.personId,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("checked_in");
    expect(await count("meeting_attendance", m.id)).toBe(1);
  });

  it("refuses a member without an e-mail address and someone who is not a member", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const { token } = await screen(m.id);
    const noEmail = await call("POST", `/api/check-in/${token}/claims`, undefined, {
      personId: t.business[0],
    });
    expect(noEmail.statusCode).toBe(403);
    expect(noEmail.json().reason).toBe("no_email");
    const stranger = await call("POST", `/api/check-in/${token}/claims`, undefined, {
      personId: t.outsider.personId,
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().errors[0].field).toBe("personId");
    expect(await count("meeting_attendance", m.id)).toBe(0);
  });
});

describe("codes that do not work", () => {
  const guest = { name: "Gil Guest", organization: "Gadget Works", sector: "business" };

  async function refused(code: string, status: number, reason: string, meetingId?: string) {
    for (const res of [
      await call("GET", `/api/check-in/${code}`),
      await call("POST", `/api/check-in/${code}/guests`, undefined, guest),
      await call("POST", `/api/check-in/${code}/me`, t.member.cookie, {}),
    ]) {
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().reason).toBe(reason);
    }
    if (meetingId) {
      expect(await count("meeting_guests", meetingId)).toBe(0);
      expect(await count("meeting_attendance", meetingId)).toBe(0);
    }
  }

  it("refuses a malformed code, an altered one and an unknown short code (400), changing nothing", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const { token } = await screen(m.id);
    await refused("hello", 400, "code_malformed", m.id);
    const last = token.at(-1) === "A" ? "B" : "A";
    await refused(`${token.slice(0, -1)}${last}`, 400, "code_tampered", m.id);
    // Another meeting's id under this meeting's signature.
    const other = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    await refused(token.replace(m.id, other.id), 400, "code_tampered", other.id);
    await refused("ZZZZZZ", 400, "code_unknown");
  });

  it("refuses a meeting's code before its day (400), after it moved or was cancelled (410)", async () => {
    const later = await meetingNow(ctx, t.partnership.id, t.convener.cookie, {
      startsAt: new Date(ctx.deps.now().getTime() + 3 * 86_400_000).toISOString(),
    });
    const s = await screen(later.id);
    expect(s.open).toBe(false);
    await refused(s.token, 400, "code_not_open", later.id);

    const moved = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const movedCode = (await screen(moved.id)).token;
    const patch = await call("PATCH", `/api/meetings/${moved.id}`, t.convener.cookie, {
      version: moved.version,
      startsAt: new Date(ctx.deps.now().getTime() - 3 * 86_400_000).toISOString(),
    });
    expect(patch.statusCode, patch.body).toBe(200);
    await refused(movedCode, 410, "code_moved", moved.id);

    const cancelled = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const cancelledCode = (await screen(cancelled.id)).token;
    await call("PATCH", `/api/meetings/${cancelled.id}`, t.convener.cookie, {
      version: cancelled.version,
      cancelled: true,
    });
    await refused(cancelledCode, 410, "meeting_cancelled", cancelled.id);
  });

  it("limits guest additions per code and stops an address guessing short codes (429)", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const { token } = await screen(m.id);
    for (let i = 0; i < 60; i++) {
      const res = await call("POST", `/api/check-in/${token}/guests`, undefined, {
        ...guest,
        name: `Guest ${i}`,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const over = await call("POST", `/api/check-in/${token}/guests`, undefined, {
      ...guest,
      name: "Guest 60",
    });
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    // Someone already in tapping again is not an addition.
    expect(
      (await call("POST", `/api/check-in/${token}/guests`, undefined, { ...guest, name: "Guest 1" }))
        .statusCode,
    ).toBe(200);
    expect(await count("meeting_guests", m.id)).toBe(60);

    // From an address of its own: 20 codes that open nothing, then even a good one is refused.
    const from = (url: string) => ctx.app.inject({ method: "GET", url, remoteAddress: "203.0.113.9" });
    for (let i = 0; i < 20; i++) expect((await from("/api/check-in/ZZZZZZ")).statusCode).toBe(400);
    const guessing = await from(`/api/check-in/${token}`);
    expect(guessing.statusCode).toBe(429);
    // Another address is not held back.
    expect((await call("GET", `/api/check-in/${token}`)).statusCode).toBe(200);
  });

  it("refuses a code once its day is over (410), the QR code's and the typed one alike", async () => {
    const m = await meetingNow(ctx, t.partnership.id, t.convener.cookie);
    const s = await screen(m.id);
    ctx.advance(new Date(s.expiresAt).getTime() - ctx.deps.now().getTime() + 1000);
    // The guessing limit above is per address and counts 10 minutes: this moved past it too.
    await refused(s.token, 410, "code_expired", m.id);
    const typed = await call("GET", `/api/check-in/${s.shortCode}`);
    expect(typed.statusCode).toBe(410);
    expect(typed.json().reason).toBe("code_expired");
  });
});
