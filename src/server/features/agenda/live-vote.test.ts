import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveGuestResult, LiveVotePhone, LiveVoteScreen } from "../../../core/live-vote.js";
import { queryRows } from "../../../db/query.js";
import { createPartnership } from "../../test-support.js";
import { meetingNow } from "../checkin/test-meeting.js";
import { agendaFixture, raise, type AgendaFixture } from "./test-fixture.js";

let f: AgendaFixture;
let opp: string[];
let roundId: string;
let meetingId: string;
let code: string;

const openRound = async (method: "dots" | "rating" = "dots") => {
  const res = await f.call(f.convener, "POST", `/api/partnerships/${f.partnership.id}/vote-rounds`, {
    title: method === "dots" ? "Launch dot vote" : "Launch rating",
    method,
    opportunityIds: opp,
    ...(method === "dots" ? { dotsPerVoter: 3 } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};

const start = (who: AgendaFixture["convener"] | null, round: string, meeting: string) =>
  f.call(who, "POST", `/api/vote-rounds/${round}/live`, { meetingId: meeting });

const phone = (who: AgendaFixture["convener"] | null, query: Record<string, string>) =>
  f.call(who, "GET", `/api/live-vote?${new URLSearchParams(query).toString()}`);

const join = (round: string, name: string, organization: string, sector: "business" | "public") =>
  f.call(null, "POST", "/api/live-vote/guests", { code, roundId: round, name, organization, sector });

const guestVote = (round: string, token: string, allocations: { opportunityId: string; dots: number }[]) =>
  f.call(null, "PUT", `/api/vote-rounds/${round}/guest-ballot`, { token, allocations });

beforeAll(async () => {
  f = await agendaFixture();
  opp = await raise(f, f.business1, ["Apprenticeships for machinists", "Broadband for small shops"]);
  roundId = await openRound();
  const meeting = await meetingNow(f.ctx, f.partnership.id, f.convener.cookie, {
    kind: "launch",
    title: "Launch meeting",
  });
  meetingId = meeting.id;
});
afterAll(() => f.ctx.close());

describe("starting a live vote", () => {
  it("is refused to everyone but a convener (403, 401) and nothing is stored", async () => {
    for (const who of [f.business1, f.champion, f.support, f.observer, f.outsider]) {
      const res = await start(who, roundId, meetingId);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    expect((await start(null, roundId, meetingId)).statusCode).toBe(401);
    expect(await f.count("live_votes")).toBe(0);
  });

  it("needs a meeting of the same partnership and an open round (400 naming the field)", async () => {
    const other = await createPartnership(f.ctx, f.outsider.cookie, { name: "Other partnership" });
    const foreign = await meetingNow(f.ctx, other.id, f.outsider.cookie);
    const res = await start(f.convener, roundId, foreign.id);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: "meetingId", message: "is not a meeting of this partnership" },
    ]);

    const closedRound = await openRound();
    expect((await f.call(f.convener, "POST", `/api/vote-rounds/${closedRound}/close`)).statusCode).toBe(200);
    const closed = await start(f.convener, closedRound, meetingId);
    expect(closed.statusCode).toBe(400);
    expect(closed.json().errors[0].field).toBe("round");
    expect(await f.count("live_votes")).toBe(0);
  });

  it("gives the convener a projector: QR code to the join page, short code, items, count, no results", async () => {
    const res = await start(f.convener, roundId, meetingId);
    expect(res.statusCode, res.body).toBe(201);
    const screen = res.json<LiveVoteScreen>();
    expect(screen.round).toMatchObject({ id: roundId, status: "open", voterCount: 0 });
    expect(screen.round.items.map((i) => i.title)).toEqual([
      "Apprenticeships for machinists",
      "Broadband for small shops",
    ]);
    expect(screen.results).toBeNull();
    expect(screen.open).toBe(true);
    expect(screen.qrSvg).toContain("<svg");
    expect(screen.shortCode).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    const join = new URL(screen.joinUrl);
    expect(join.pathname).toBe("/live");
    expect(join.searchParams.get("round")).toBe(roundId);
    code = join.searchParams.get("code") ?? "";
    expect(code.length).toBeGreaterThan(20);
    // Again: the same live vote, not a second one.
    expect((await start(f.convener, roundId, meetingId)).statusCode).toBe(200);
    expect(await f.count("live_votes")).toBe(1);

    const again = await f.call(f.convener, "GET", `/api/vote-rounds/${roundId}/live`);
    expect(again.statusCode).toBe(200);
    for (const who of [f.business1, f.support, f.outsider]) {
      expect((await f.call(who, "GET", `/api/vote-rounds/${roundId}/live`)).statusCode).toBe(403);
      expect((await f.call(who, "GET", `/api/vote-rounds/${roundId}/live/events`)).statusCode).toBe(403);
    }
    expect((await f.call(null, "GET", `/api/vote-rounds/${roundId}/live/events`)).statusCode).toBe(401);
  });
});

describe("voting live on phones", () => {
  it("lets a signed-in business member vote as themselves, also by the short code", async () => {
    const page = await phone(f.business1, { code, round: roundId });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json<LiveVotePhone>()).toMatchObject({
      viewer: "member",
      name: "Bea Builder",
      myBallot: null,
      note: null,
      round: { id: roundId, voterCount: 0 },
    });
    const screen = (
      await f.call(f.convener, "GET", `/api/vote-rounds/${roundId}/live`)
    ).json<LiveVoteScreen>();
    const typed = await phone(f.business2, { code: screen.shortCode.toLowerCase() });
    expect(typed.statusCode).toBe(200);
    expect(typed.json<LiveVotePhone>()).toMatchObject({ viewer: "member", code, round: { id: roundId } });

    const vote = await f.call(f.business1, "PUT", `/api/vote-rounds/${roundId}/ballot`, {
      allocations: [{ opportunityId: opp[0], dots: 3 }],
    });
    expect(vote.statusCode, vote.body).toBe(200);
    const after = (await phone(f.business1, { code, round: roundId })).json<LiveVotePhone>();
    expect(after.myBallot?.allocations).toEqual([{ opportunityId: opp[0], dots: 3 }]);
    expect(after.round.voterCount).toBe(1);
  });

  it("shows a public member that public partners watch, and refuses their ballot (403)", async () => {
    const page = (await phone(f.support, { code, round: roundId })).json<LiveVotePhone>();
    expect(page.viewer).toBe("watch");
    expect(page.note).toMatch(/Public partners watch/);
    const vote = await f.call(f.support, "PUT", `/api/vote-rounds/${roundId}/ballot`, {
      allocations: [{ opportunityId: opp[1], dots: 1 }],
    });
    expect(vote.statusCode).toBe(403);
    expect(await f.count("ballots", `person_id = '${f.support.personId}'`)).toBe(0);
  });

  it("checks a business guest in, links a person and lets them cast one ballot, replaced when sent again", async () => {
    const before = await f.count("people");
    const res = await join(roundId, "Gina Guest", "Gear Works", "business");
    expect(res.statusCode, res.body).toBe(201);
    const guest = res.json<LiveGuestResult>();
    expect(guest).toMatchObject({ name: "Gina Guest", sector: "business" });
    expect(guest.token).toMatch(new RegExp(`^${roundId}\\.`));
    expect(await f.count("people")).toBe(before + 1);
    expect(await f.count("meeting_guests", `name = 'Gina Guest' and person_id is not null`)).toBe(1);

    // The same name and organization again is the same guest, with the same person.
    const again = await join(roundId, "gina guest", "GEAR WORKS", "business");
    expect(again.statusCode).toBe(200);
    expect(await f.count("people")).toBe(before + 1);
    const token = guest.token ?? "";

    const page = (await phone(null, { code, round: roundId, guest: token })).json<LiveVotePhone>();
    expect(page).toMatchObject({ viewer: "guest", name: "Gina Guest", myBallot: null });

    const first = await guestVote(roundId, token, [{ opportunityId: opp[1], dots: 2 }]);
    expect(first.statusCode, first.body).toBe(200);
    const second = await guestVote(roundId, token, [
      { opportunityId: opp[0], dots: 1 },
      { opportunityId: opp[1], dots: 2 },
    ]);
    expect(second.statusCode).toBe(200);
    expect(second.json().myBallot.allocations).toEqual([
      { opportunityId: opp[0], dots: 1 },
      { opportunityId: opp[1], dots: 2 },
    ]);
    const [{ person_id: personId }] = await queryRows<{ person_id: string }>(
      f.ctx.deps.db,
      sql`select person_id from meeting_guests where name = 'Gina Guest'`,
    );
    expect(await f.count("ballots", `round_id = '${roundId}' and person_id = '${personId}'`)).toBe(1);
    // The guest appears on the check-in board as a business guest.
    const board = await f.call(f.convener, "GET", `/api/meetings/${meetingId}/check-in`);
    expect(board.json().board.attendance).toMatchObject({ business: 1 });

    // Too many dots: refused as any ballot is, and the earlier ballot stays.
    const tooMany = await guestVote(roundId, token, [{ opportunityId: opp[0], dots: 4 }]);
    expect(tooMany.statusCode).toBe(400);
    expect(
      await f.count(
        "ballot_entries",
        `ballot_id in (select id from ballots where person_id = '${personId}')`,
      ),
    ).toBe(2);
  });

  it("checks a public guest in to watch: no token, no person, no ballot", async () => {
    const before = await f.count("people");
    const res = await join(roundId, "Paul Public", "County Library", "public");
    expect(res.statusCode).toBe(201);
    expect(res.json<LiveGuestResult>()).toEqual({
      name: "Paul Public",
      sector: "public",
      token: null,
      expiresAt: null,
    });
    expect(await f.count("people")).toBe(before);
    // Claiming to be a business under the same name later changes nothing: the record says public.
    const claim = await join(roundId, "Paul Public", "County Library", "business");
    expect(claim.json<LiveGuestResult>().token).toBeNull();
    expect(await f.count("people")).toBe(before);
  });

  it("refuses a tampered, malformed, other-round or foreign guest token, with nothing changed", async () => {
    const token =
      (await join(roundId, "Gina Guest", "Gear Works", "business")).json<LiveGuestResult>().token ?? "";
    const ballotsBefore = await f.count("ballots");
    const entriesBefore = await f.count("ballot_entries");
    const last = token.at(-1) === "A" ? "B" : "A";
    const tampered = await guestVote(roundId, `${token.slice(0, -1)}${last}`, [
      { opportunityId: opp[0], dots: 3 },
    ]);
    expect(tampered.statusCode).toBe(400);
    expect(tampered.headers["content-type"]).toContain("application/problem+json");
    const malformed = await guestVote(roundId, "not-a-token", [{ opportunityId: opp[0], dots: 3 }]);
    expect(malformed.statusCode).toBe(400);
    // Another person's id under the same signature.
    const parts = token.split(".");
    const swapped = [parts[0], f.business2.personId, parts[2], parts[3]].join(".");
    expect((await guestVote(roundId, swapped, [{ opportunityId: opp[0], dots: 3 }])).statusCode).toBe(400);

    // A round that is live too, at the same meeting: the first round's token does not vote in it.
    const second = await openRound();
    expect((await start(f.convener, second, meetingId)).statusCode).toBe(201);
    const other = await guestVote(second, token, [{ opportunityId: opp[0], dots: 1 }]);
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toMatch(/another vote round/);
    // Nor does the phone page take it as a guest of the second round.
    expect((await phone(null, { code, round: second, guest: token })).json<LiveVotePhone>().viewer).toBe(
      "join",
    );
    expect(await f.count("ballots")).toBe(ballotsBefore);
    expect(await f.count("ballot_entries")).toBe(entriesBefore);
  });

  it("refuses bad codes like check-in does, and a round not live at that meeting (404)", async () => {
    expect((await phone(null, { code: "not a code" })).statusCode).toBe(400);
    expect((await phone(null, { code, round: "00000000-0000-4000-8000-000000000000" })).statusCode).toBe(404);
    const res = await f.call(null, "POST", "/api/live-vote/guests", {
      code,
      roundId: "00000000-0000-4000-8000-000000000000",
      name: "Nina",
      organization: "Nowhere",
      sector: "business",
    });
    expect(res.statusCode).toBe(404);
  });
});

describe("results", () => {
  it("stay hidden on every answer until the round closes", async () => {
    const results = await f.call(f.business1, "GET", `/api/vote-rounds/${roundId}/results`);
    expect(results.json()).toMatchObject({ hidden: true, items: [], voterCount: 2 });
    const screen = (
      await f.call(f.convener, "GET", `/api/vote-rounds/${roundId}/live`)
    ).json<LiveVoteScreen>();
    expect(screen.results).toBeNull();
    expect(screen.round.voterCount).toBe(2);
    const page = await phone(f.business1, { code, round: roundId });
    expect(JSON.stringify(page.json())).not.toMatch(/"rank"|"importance"|"voters"/);
    expect(page.json()).not.toHaveProperty("results");
  });

  it("are refused to close by anyone but a convener, and shown on the projector once closed", async () => {
    for (const who of [f.business1, f.support]) {
      expect((await f.call(who, "POST", `/api/vote-rounds/${roundId}/close`)).statusCode).toBe(403);
    }
    const close = await f.call(f.convener, "POST", `/api/vote-rounds/${roundId}/close`);
    expect(close.statusCode).toBe(200);
    const screen = (
      await f.call(f.convener, "GET", `/api/vote-rounds/${roundId}/live`)
    ).json<LiveVoteScreen>();
    expect(screen.round.status).toBe("closed");
    expect(screen.results).toMatchObject({ hidden: false, voterCount: 2 });
    // Bea: 3 on the first; Gina: 1 on the first, 2 on the second.
    expect(screen.results?.items.map((i) => [i.title, i.dots, i.voters])).toEqual([
      ["Apprenticeships for machinists", 4, 2],
      ["Broadband for small shops", 2, 1],
    ]);
    const page = (await phone(f.business1, { code, round: roundId })).json<LiveVotePhone>();
    expect(page.note).toMatch(/closed/);
  });

  it("refuse guest ballots and new guests after the close", async () => {
    const token = await join(roundId, "Gina Guest", "Gear Works", "business");
    expect(token.statusCode).toBe(400);
    expect(token.json().errors[0].field).toBe("round");
  });
});

describe("a rating round live", () => {
  it("takes a business guest's ratings as an ordinary ballot and reveals the means on close", async () => {
    const rating = await openRound("rating");
    expect((await start(f.convener, rating, meetingId)).statusCode).toBe(201);
    const guest = (await join(rating, "Rita Rater", "Rivet Co", "business")).json<LiveGuestResult>();
    const res = await f.call(null, "PUT", `/api/vote-rounds/${rating}/guest-ballot`, {
      token: guest.token,
      ratings: [
        { opportunityId: opp[0], importance: 5, feasibility: 4 },
        { opportunityId: opp[1], importance: 2, feasibility: 3 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const wrongKind = await f.call(null, "PUT", `/api/vote-rounds/${rating}/guest-ballot`, {
      token: guest.token,
      allocations: [{ opportunityId: opp[0], dots: 1 }],
    });
    expect(wrongKind.statusCode).toBe(400);
    await f.call(f.convener, "POST", `/api/vote-rounds/${rating}/close`);
    const screen = (
      await f.call(f.convener, "GET", `/api/vote-rounds/${rating}/live`)
    ).json<LiveVoteScreen>();
    expect(screen.results?.items.map((i) => [i.title, i.importance, i.feasibility])).toEqual([
      ["Apprenticeships for machinists", 5, 4],
      ["Broadband for small shops", 2, 3],
    ]);
  });
});

describe("limits", () => {
  it("takes at most 30 ballots a minute from one guest (429), like check-in's limits", async () => {
    const round = await openRound();
    expect((await start(f.convener, round, meetingId)).statusCode).toBe(201);
    const guest = (await join(round, "Tap Happy", "Clicks Inc", "business")).json<LiveGuestResult>();
    for (let i = 0; i < 30; i++) {
      const res = await guestVote(round, guest.token ?? "", [{ opportunityId: opp[i % 2], dots: 1 }]);
      expect(res.statusCode).toBe(200);
    }
    const refused = await guestVote(round, guest.token ?? "", [{ opportunityId: opp[0], dots: 2 }]);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    // The last ballot that got in stands.
    const page = (await phone(null, { code, round, guest: guest.token ?? "" })).json<LiveVotePhone>();
    expect(page.myBallot?.allocations).toEqual([{ opportunityId: opp[1], dots: 1 }]);
  });
});
