import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { createTestContext, type TestContext } from "../../test-support.js";
import { tableFixture } from "./table-fixture.js";

let ctx: TestContext;
let t: Awaited<ReturnType<typeof tableFixture>>;

const DAY = 86_400_000;
const inject = (method: "GET" | "POST" | "PATCH" | "PUT", url: string, cookie?: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

function ahead(days: number, hour = "08:00") {
  return `${new Date(ctx.deps.now().getTime() + days * DAY).toISOString().slice(0, 10)}T${hour}`;
}

interface Links {
  yes: string;
  maybe: string;
  no: string;
  token: string;
}

/** Plans a meeting and returns it with the answer links mailed to Bea. */
async function planned(title: string, days = 10) {
  const res = await inject("POST", `/api/partnerships/${t.partnership.id}/meetings`, t.convener.cookie, {
    kind: "full_partnership",
    title,
    startsAt: ahead(days),
    endsAt: ahead(days, "09:30"),
    timeZone: "America/Denver",
    place: "Acme, 100 Main St",
  });
  expect(res.statusCode, res.body).toBe(201);
  const meeting = res.json<{ id: string; version: number }>();
  const [mail] = await queryRows<{ text: string }>(
    ctx.deps.db,
    sql`select text from outbox where "to" = ${t.member.email} and subject like ${`Invitation: ${title}%`}`,
  );
  const link = (answer: string) =>
    new RegExp(
      `http://shared-table\\.test(/meeting-answer/[\\w-]+\\?answer=${answer}&token=([\\w.-]+))`,
    ).exec(mail.text)!;
  const links: Links = {
    yes: link("yes")[1],
    maybe: link("maybe")[1],
    no: link("no")[1],
    token: link("yes")[2],
  };
  return { meeting, links };
}

const answers = async (meetingId: string) =>
  queryRows<{ person_id: string; answer: string }>(
    ctx.deps.db,
    sql`select person_id, answer from meeting_rsvps where meeting_id = ${meetingId} order by person_id`,
  );

const describeLink = (meetingId: string, token: string) =>
  inject("GET", `/api/meetings/${meetingId}/rsvp-link?token=${encodeURIComponent(token)}`);
const answerLink = (meetingId: string, token: string, answer: string) =>
  inject("POST", `/api/meetings/${meetingId}/rsvp-link`, undefined, { token, answer });

beforeAll(async () => {
  ctx = await createTestContext();
  t = await tableFixture(ctx);
});
afterAll(() => ctx.close());

describe("answering by the invitation's link", () => {
  it("opening the link changes nothing; the button records the answer; answering again replaces it", async () => {
    const { meeting, links } = await planned("Answer by link");
    // The three links share the person's token; only the answer differs.
    expect(links.maybe).toContain(links.token);
    expect(links.no).toContain(links.token);
    const opened = await describeLink(meeting.id, links.token);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.headers["cache-control"]).toBe("private, no-store");
    expect(opened.json()).toMatchObject({
      personName: "Bea Business",
      answer: null,
      meeting: { id: meeting.id, title: "Answer by link", timeZone: "America/Denver" },
    });
    expect(await answers(meeting.id)).toEqual([]);

    const yes = await answerLink(meeting.id, links.token, "yes");
    expect(yes.statusCode, yes.body).toBe(200);
    expect(yes.json().answer).toBe("yes");
    expect(await answers(meeting.id)).toEqual([{ person_id: t.member.personId, answer: "yes" }]);

    const no = await answerLink(meeting.id, links.token, "no");
    expect(no.json().answer).toBe("no");
    expect(await answers(meeting.id)).toEqual([{ person_id: t.member.personId, answer: "no" }]);
    expect((await describeLink(meeting.id, links.token)).json().answer).toBe("no");

    // The convener's meeting page counts it, with the name.
    const page = await inject("GET", `/api/meetings/${meeting.id}`, t.convener.cookie);
    const rsvp = page.json().rsvp;
    expect(rsvp).toMatchObject({ yes: 0, maybe: 0, no: 1, mine: null, canAnswer: true });
    expect(rsvp.noAnswer).toBe(rsvp.people.length - 1);
    expect(rsvp.people).toContainEqual({ personId: t.member.personId, name: "Bea Business", answer: "no" });
  });

  it("refuses a changed token (400 naming it), an expired one (410), another meeting's (403) and a cancelled meeting (410); nothing changes", async () => {
    const first = await planned("Refusals one");
    const second = await planned("Refusals two");
    await answerLink(first.meeting.id, first.links.token, "maybe");
    const before = [...(await answers(first.meeting.id)), ...(await answers(second.meeting.id))];

    // Changed: one character of the signed part, or of the signature.
    const token = first.links.token;
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
    for (const changed of [flip(token, 20), flip(token, token.length - 2)]) {
      const res = await answerLink(first.meeting.id, changed, "yes");
      expect(res.statusCode).toBe(400);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.json().errors[0].field).toBe("token");
      expect((await describeLink(first.meeting.id, changed)).statusCode).toBe(400);
    }
    // Malformed: refused by the schema, naming the field.
    const short = await answerLink(first.meeting.id, "abc", "yes");
    expect(short.statusCode).toBe(400);
    expect(JSON.stringify(short.json().errors)).toContain("token");
    const badAnswer = await answerLink(first.meeting.id, token, "perhaps");
    expect(badAnswer.statusCode).toBe(400);
    expect(JSON.stringify(badAnswer.json().errors)).toContain("answer");

    // Bea's link for the first meeting, used on the second.
    const other = await answerLink(second.meeting.id, token, "yes");
    expect(other.statusCode).toBe(403);
    expect(other.json().reason).toBe("other_meeting");

    // Cancelled.
    const cancel = await inject("PATCH", `/api/meetings/${second.meeting.id}`, t.convener.cookie, {
      version: second.meeting.version,
      cancelled: true,
    });
    expect(cancel.statusCode).toBe(200);
    const onCancelled = await answerLink(second.meeting.id, second.links.token, "yes");
    expect(onCancelled.statusCode).toBe(410);
    expect(onCancelled.json().reason).toBe("cancelled");
    expect((await describeLink(second.meeting.id, second.links.token)).statusCode).toBe(410);

    expect([...(await answers(first.meeting.id)), ...(await answers(second.meeting.id))]).toEqual(before);
  });

  it("refuses once the meeting has ended, and once the link has expired", async () => {
    const { meeting, links } = await planned("Ends soon", 2);
    ctx.advance(3 * DAY);
    try {
      const ended = await answerLink(meeting.id, links.token, "yes");
      expect(ended.statusCode).toBe(410);
      expect(ended.json().reason).toBe("ended");
      // Long after, the link's own expiry refuses it first.
      ctx.advance(40 * DAY);
      const expired = await answerLink(meeting.id, links.token, "yes");
      expect(expired.statusCode).toBe(410);
      expect(expired.json().reason).toBe("expired");
      expect(await answers(meeting.id)).toEqual([]);
    } finally {
      ctx.advance(-43 * DAY);
    }
  });

  it("refuses the link of a person who has left the partnership", async () => {
    const { meeting, links } = await planned("After leaving");
    await queryRows(
      ctx.deps.db,
      sql`update memberships set left_at = now() where person_id = ${t.member.personId} and partnership_id = ${t.partnership.id}`,
    );
    try {
      const res = await answerLink(meeting.id, links.token, "yes");
      expect(res.statusCode).toBe(403);
      expect(res.json().reason).toBe("not_invited");
      expect(await answers(meeting.id)).toEqual([]);
    } finally {
      await queryRows(
        ctx.deps.db,
        sql`update memberships set left_at = null where person_id = ${t.member.personId} and partnership_id = ${t.partnership.id}`,
      );
    }
  });

  it("a meeting that is not a UUID or does not exist answers 400 or 404, never 500", async () => {
    const { links } = await planned("Path checks");
    expect((await answerLink("not-a-uuid", links.token, "yes")).statusCode).toBe(400);
    const missing = await answerLink("00000000-0000-4000-8000-000000000000", links.token, "yes");
    expect(missing.statusCode).toBe(403);
  });
});

describe("answering on the meeting page", () => {
  it("a member answers and changes their answer; the page shows counts and names", async () => {
    const { meeting } = await planned("Answer on the page");
    const shown = await inject("GET", `/api/meetings/${meeting.id}`, t.member.cookie);
    expect(shown.json().rsvp).toMatchObject({ mine: null, canAnswer: true, yes: 0 });

    const maybe = await inject("PUT", `/api/meetings/${meeting.id}/rsvp`, t.member.cookie, {
      answer: "maybe",
    });
    expect(maybe.statusCode, maybe.body).toBe(200);
    expect(maybe.json().rsvp).toMatchObject({ mine: "maybe", maybe: 1 });
    const yes = await inject("PUT", `/api/meetings/${meeting.id}/rsvp`, t.member.cookie, { answer: "yes" });
    expect(yes.json().rsvp).toMatchObject({ mine: "yes", yes: 1, maybe: 0 });
    expect(await answers(meeting.id)).toEqual([{ person_id: t.member.personId, answer: "yes" }]);

    // The convener answers for themselves too.
    const convener = await inject("PUT", `/api/meetings/${meeting.id}/rsvp`, t.convener.cookie, {
      answer: "no",
    });
    expect(convener.json().rsvp).toMatchObject({ mine: "no", yes: 1, no: 1 });
  });

  it("refuses anonymous (401), an outsider (404), a bad answer (400) and a cancelled meeting (410)", async () => {
    const { meeting } = await planned("Page refusals");
    expect(
      (await inject("PUT", `/api/meetings/${meeting.id}/rsvp`, undefined, { answer: "yes" })).statusCode,
    ).toBe(401);
    expect(
      (await inject("PUT", `/api/meetings/${meeting.id}/rsvp`, t.outsider.cookie, { answer: "yes" }))
        .statusCode,
    ).toBe(404);
    const bad = await inject("PUT", `/api/meetings/${meeting.id}/rsvp`, t.member.cookie, { answer: "sure" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("answer");
    await inject("PATCH", `/api/meetings/${meeting.id}`, t.convener.cookie, {
      version: meeting.version,
      cancelled: true,
    });
    const cancelled = await inject("PUT", `/api/meetings/${meeting.id}/rsvp`, t.member.cookie, {
      answer: "yes",
    });
    expect(cancelled.statusCode).toBe(410);
    expect(await answers(meeting.id)).toEqual([]);
    const page = await inject("GET", `/api/meetings/${meeting.id}`, t.member.cookie);
    expect(page.json().rsvp.canAnswer).toBe(false);
  });
});
