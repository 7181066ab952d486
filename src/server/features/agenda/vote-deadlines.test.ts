import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../db/query.js";
import { hashToken } from "../../lib/tokens.js";
import { sessionCookie } from "../../test-support.js";
import { closeDueRounds, remindVotersBeforeClose } from "./vote-deadlines.js";
import { agendaFixture, raise, type AgendaFixture } from "./test-fixture.js";

let f: AgendaFixture;
let opportunityIds: string[];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  f = await agendaFixture();
  opportunityIds = await raise(f, f.business1, [
    "Apprenticeships for machinists",
    "Broadband for small shops",
  ]);
});
afterAll(() => f.ctx.close());

const roundsUrl = () => `/api/partnerships/${f.partnership.id}/vote-rounds`;
const openRound = async (title: string, closesAt?: Date) => {
  const res = await f.call(f.convener, "POST", roundsUrl(), {
    title,
    method: "dots",
    opportunityIds,
    ...(closesAt ? { closesAt: closesAt.toISOString() } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; closesAt: string | null }>();
};
const mailsLike = (subject: string) =>
  queryRows<{ to: string; text: string }>(
    f.ctx.deps.db,
    sql`select "to", text from outbox where subject like ${subject} order by "to"`,
  );
const later = (ms: number) => new Date(f.ctx.deps.now().getTime() + ms);

describe("vote rounds' closing dates and vote e-mails", () => {
  it("refuse a closing date in the past, too far ahead, or not a date, naming closesAt and storing nothing", async () => {
    const before = await f.count("vote_rounds");
    for (const closesAt of [
      later(-HOUR).toISOString(),
      later(91 * DAY).toISOString(),
      "9999-12-31T00:00:00Z",
      1e308,
      "2030-01-01\u0000",
      "next friday",
    ]) {
      const res = await f.call(f.convener, "POST", roundsUrl(), {
        title: "Refused",
        method: "dots",
        opportunityIds,
        closesAt,
      });
      expect(res.statusCode, String(closesAt)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(["closesAt"]);
    }
    expect(await f.count("vote_rounds")).toBe(before);
  });

  it("mail each business voter, and no public partner, a link that signs them in on their ballot", async () => {
    const closesAt = later(5 * DAY);
    const round = await openRound("Spring priorities", closesAt);
    expect(round.closesAt).toBe(closesAt.toISOString());
    const mails = await mailsLike("Your vote is open: Spring priorities %");
    // The convener opened it; the support partner and the observer do not vote.
    expect(mails.map((m) => m.to)).toEqual([f.business1.email, f.business2.email, f.champion.email].sort());
    for (const m of mails) expect(m.text).toContain("The round closes on");

    const mail = mails.find((m) => m.to === f.business2.email)!;
    const token = /\/signin\/link\/([A-Za-z0-9_-]{43})\n/.exec(mail.text)?.[1];
    expect(token).toBeDefined();
    const [link] = await queryRows<{ user_id: string; next_path: string; valid_ms: number }>(
      f.ctx.deps.db,
      sql`select user_id, next_path, (extract(epoch from expires_at - created_at) * 1000)::float8 as valid_ms
          from sign_in_links where token_hash = ${hashToken(token!)}`,
    );
    const ballot = `/p/${f.partnership.slug}/agenda/votes/${round.id}`;
    expect(link).toEqual({ user_id: f.business2.userId, next_path: ballot, valid_ms: 72 * HOUR });

    const signIn = await f.ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in-link",
      payload: { token },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json<{ next: string; email: string }>()).toMatchObject({
      next: ballot,
      email: f.business2.email,
    });
    const detail = await f.ctx.app.inject({
      method: "GET",
      url: `/api/vote-rounds/${round.id}`,
      headers: { cookie: sessionCookie(signIn) },
    });
    expect(detail.statusCode).toBe(200);
    expect(detail.json<{ permissions: { vote: boolean } }>().permissions.vote).toBe(true);
    // Once only.
    const again = await f.ctx.app.inject({
      method: "POST",
      url: "/api/auth/sign-in-link",
      payload: { token },
    });
    expect(again.statusCode).toBe(410);
  });

  it("remind, once, the voters who have not voted a day before the close; then close the round by itself", async () => {
    const closesAt = later(3 * DAY);
    const round = await openRound("Summer priorities", closesAt);
    const cast = await f.call(f.business1, "PUT", `/api/vote-rounds/${round.id}/ballot`, {
      allocations: [{ opportunityId: opportunityIds[0], dots: 5 }],
    });
    expect(cast.statusCode, cast.body).toBe(200);

    // Two days later the close is more than a day away: nothing yet.
    f.ctx.advance(2 * DAY - HOUR);
    expect(await remindVotersBeforeClose(f.ctx.deps)).toBe(0);
    f.ctx.advance(2 * HOUR);
    expect(await remindVotersBeforeClose(f.ctx.deps)).toBe(2);
    expect(await remindVotersBeforeClose(f.ctx.deps)).toBe(0);
    expect(
      await Promise.all([remindVotersBeforeClose(f.ctx.deps), remindVotersBeforeClose(f.ctx.deps)]),
    ).toEqual([0, 0]);
    const reminders = await mailsLike("Last day to vote: Summer priorities %");
    expect(reminders.map((m) => m.to)).toEqual([f.business2.email, f.champion.email].sort());
    expect(reminders[0].text).toMatch(/\/signin\/link\/[A-Za-z0-9_-]{43}\n/);
    expect(await f.count("reminder_log", `subject_id = '${round.id}'`)).toBe(1);
    const notified = await queryRows<{ user_id: string }>(
      f.ctx.deps.db,
      sql`select user_id from notifications where kind = 'vote_closing' and link like ${`%${round.id}`}`,
    );
    expect(notified.map((n) => n.user_id).sort()).toEqual([f.business2.userId, f.champion.userId].sort());

    // Not yet closed: the job leaves it open.
    expect(await closeDueRounds(f.ctx.deps)).toBe(0);
    f.ctx.advance(DAY);
    // Past the closing date a ballot is refused even before the job has run.
    const tooLate = await f.call(f.business2, "PUT", `/api/vote-rounds/${round.id}/ballot`, {
      allocations: [{ opportunityId: opportunityIds[1], dots: 5 }],
    });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json<{ errors: { field: string }[] }>().errors[0].field).toBe("round");
    expect(await f.count("ballots", `round_id = '${round.id}'`)).toBe(1);

    // Spring's round (five days) is still open; only Summer closes.
    expect(await closeDueRounds(f.ctx.deps)).toBe(1);
    expect(await closeDueRounds(f.ctx.deps)).toBe(0);
    const [row] = await queryRows<{ status: string; closed_at: string; closed_by: string | null }>(
      f.ctx.deps.db,
      sql`select status, closed_at::text as closed_at, closed_by from vote_rounds where id = ${round.id}`,
    );
    expect(row.status).toBe("closed");
    expect(new Date(row.closed_at).toISOString()).toBe(closesAt.toISOString());
    expect(row.closed_by).toBeNull();
    const [line] = await queryRows<{ summary: string }>(
      f.ctx.deps.db,
      sql`select summary from activity where subject_id = ${round.id} and kind = 'vote.closed'`,
    );
    expect(line.summary).toBe("Vote closed at its closing date: Summer priorities (1 voter)");
    const results = await f.call(f.business2, "GET", `/api/vote-rounds/${round.id}/results`);
    expect(results.statusCode, results.body).toBe(200);
  });

  it("send no reminder for a round opened less than a day before its close", async () => {
    const round = await openRound("Quick check", later(12 * HOUR));
    f.ctx.advance(HOUR);
    expect(await remindVotersBeforeClose(f.ctx.deps)).toBe(0);
    expect(await f.count("reminder_log", `subject_id = '${round.id}'`)).toBe(0);
  });
});
