import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartnership } from "../../test-support.js";
import { agendaFixture, raise, type AgendaFixture } from "./test-fixture.js";

let f: AgendaFixture;
let opp: string[];
let roundId: string;

beforeAll(async () => {
  f = await agendaFixture();
  opp = await raise(f, f.business1, ["Apprenticeships for machinists", "Broadband for small shops"]);
  opp.push(...(await raise(f, f.convener, ["Childcare near the plants"])));
});
afterAll(() => f.ctx.close());

const url = () => `/api/partnerships/${f.partnership.id}`;

describe("opportunities", () => {
  it("are recorded by business members, champions and conveners, with who raised them", async () => {
    const res = await f.call(f.champion, "POST", `${url()}/opportunities`, {
      title: "Shared welding lab",
      description: "Pool equipment across firms.",
      theme: "innovation_technology",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: "Shared welding lab",
      description: "Pool equipment across firms.",
      raisedBy: { personId: f.champion.personId, name: "Cleo Champion" },
      roundCount: 0,
      priorityId: null,
    });
    const list = await f.call(f.support, "GET", `${url()}/opportunities`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(4);
    expect(list.json().permissions).toEqual({ raise: false, manage: false });
    expect((await f.call(f.convener, "GET", `${url()}/opportunities`)).json().permissions).toEqual({
      raise: true,
      manage: true,
    });
    const activity = await f.count("activity", `kind = 'opportunity.raised'`);
    expect(activity).toBe(4);
  });

  it("are refused from a support partner, an observer and an outsider (403), and a stranger (401)", async () => {
    const before = await f.count("opportunities");
    for (const who of [f.support, f.observer, f.outsider]) {
      const res = await f.call(who, "POST", `${url()}/opportunities`, {
        title: "Public partner idea",
        theme: "other",
      });
      expect(res.statusCode).toBe(403);
    }
    expect(
      (await f.call(null, "POST", `${url()}/opportunities`, { title: "Anonymous idea", theme: "other" }))
        .statusCode,
    ).toBe(401);
    expect((await f.call(f.outsider, "GET", `${url()}/opportunities`)).statusCode).toBe(403);
    expect(await f.count("opportunities")).toBe(before);
  });

  it("need a title", async () => {
    const res = await f.call(f.business1, "POST", `${url()}/opportunities`, { title: "ab", theme: "other" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: "title", message: "must be at least 3 characters" }]);
  });
});

describe("opening a round", () => {
  it("is for conveners: a business member gets 403", async () => {
    const res = await f.call(f.business1, "POST", `${url()}/vote-rounds`, {
      title: "Launch vote",
      method: "dots",
      opportunityIds: opp,
    });
    expect(res.statusCode).toBe(403);
    expect(await f.count("vote_rounds")).toBe(0);
  });

  it("refuses an opportunity of another partnership, naming it", async () => {
    const other = await createPartnership(f.ctx, f.outsider.cookie, { name: "Other Partnership" });
    const res = await f.ctx.app.inject({
      method: "POST",
      url: `/api/partnerships/${other.id}/opportunities`,
      headers: { cookie: f.outsider.cookie },
      payload: { title: "Their idea", theme: "other" },
    });
    const foreign = res.json<{ id: string }>().id;
    const refused = await f.call(f.convener, "POST", `${url()}/vote-rounds`, {
      title: "Launch vote",
      method: "dots",
      opportunityIds: [opp[0], foreign],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      { field: "opportunityIds.1", message: "is not an opportunity of this partnership" },
    ]);
  });

  it("opens a dot vote with 5 dots by default", async () => {
    const res = await f.call(f.convener, "POST", `${url()}/vote-rounds`, {
      title: "Launch vote",
      method: "dots",
      opportunityIds: opp,
    });
    expect(res.statusCode).toBe(201);
    const round = res.json();
    roundId = round.id;
    expect(round).toMatchObject({
      method: "dots",
      dotsPerVoter: 5,
      status: "open",
      itemCount: 3,
      voterCount: 0,
      myBallot: null,
      permissions: { vote: false, manage: true, seeResults: false },
    });
    // A convener from a public partner does not vote.
    expect(round.voteNote).toMatch(/Only business members and champions vote/);
    expect(round.items.map((i: { opportunityId: string }) => i.opportunityId)).toEqual(opp);
  });
});

describe("ballots", () => {
  const ballot = (allocations: [number, number][]) => ({
    allocations: allocations.map(([i, dots]) => ({ opportunityId: opp[i], dots })),
  });

  it("business members vote, several dots on one item, and can change their ballot while open", async () => {
    const first = await f.call(f.business1, "PUT", `/api/vote-rounds/${roundId}/ballot`, ballot([[0, 5]]));
    expect(first.statusCode).toBe(200);
    const changed = await f.call(
      f.business1,
      "PUT",
      `/api/vote-rounds/${roundId}/ballot`,
      ballot([
        [0, 3],
        [1, 2],
      ]),
    );
    expect(changed.statusCode).toBe(200);
    expect(changed.json().myBallot.allocations).toEqual([
      { opportunityId: opp[0], dots: 3 },
      { opportunityId: opp[1], dots: 2 },
    ]);
    // The answer to a vote is built from what was written: it must be what a read gives back.
    expect((await f.call(f.business1, "GET", `/api/vote-rounds/${roundId}`)).json()).toEqual(changed.json());
    const second = await f.call(
      f.business2,
      "PUT",
      `/api/vote-rounds/${roundId}/ballot`,
      ballot([
        [2, 4],
        [0, 1],
      ]),
    );
    expect(second.statusCode).toBe(200);
    expect(second.json().myBallot.allocations).toEqual([
      { opportunityId: opp[0], dots: 1 },
      { opportunityId: opp[2], dots: 4 },
    ]);
    expect((await f.call(f.business2, "GET", `/api/vote-rounds/${roundId}`)).json()).toEqual(second.json());
    const champ = await f.call(
      f.champion,
      "PUT",
      `/api/vote-rounds/${roundId}/ballot`,
      ballot([
        [1, 2],
        [2, 2],
      ]),
    );
    expect(champ.statusCode).toBe(200);
    expect(champ.json()).toMatchObject({ voterCount: 3, permissions: { vote: true }, voteNote: null });
    expect(await f.count("ballots")).toBe(3);
  });

  it("while open, results show only how many have voted", async () => {
    const res = await f.call(f.support, "GET", `/api/vote-rounds/${roundId}/results`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      roundId,
      method: "dots",
      status: "open",
      hidden: true,
      voterCount: 3,
      items: [],
    });
  });

  it("a public partner's, an observer's or a non-business convener's ballot: 403 and the tally unchanged", async () => {
    const before = { ballots: await f.count("ballots"), entries: await f.count("ballot_entries") };
    for (const who of [f.support, f.observer, f.convener]) {
      const res = await f.call(who, "PUT", `/api/vote-rounds/${roundId}/ballot`, ballot([[2, 5]]));
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toMatch(/Only business members and champions vote/);
    }
    expect(
      (await f.call(f.outsider, "PUT", `/api/vote-rounds/${roundId}/ballot`, ballot([[2, 5]]))).statusCode,
    ).toBe(403);
    expect(await f.count("ballots")).toBe(before.ballots);
    expect(await f.count("ballot_entries")).toBe(before.entries);
    const round = await f.call(f.support, "GET", `/api/vote-rounds/${roundId}`);
    expect(round.json()).toMatchObject({ voterCount: 3, myBallot: null, permissions: { vote: false } });
    expect(round.json().voteNote).toMatch(/see its results once it closes/);
  });

  it("too many dots, negative dots, an opportunity outside the round: 400 with the reason, nothing stored", async () => {
    const entries = await f.count("ballot_entries");
    const tooMany = await f.call(
      f.business2,
      "PUT",
      `/api/vote-rounds/${roundId}/ballot`,
      ballot([
        [0, 4],
        [1, 2],
      ]),
    );
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([
      { field: "allocations", message: "uses 6 dots but each voter has 5" },
    ]);

    const negative = await f.call(
      f.business2,
      "PUT",
      `/api/vote-rounds/${roundId}/ballot`,
      ballot([
        [0, 6],
        [1, -1],
      ]),
    );
    expect(negative.statusCode).toBe(400);
    expect(negative.json().errors).toContainEqual({
      field: "allocations.1.dots",
      message: "cannot be negative",
    });

    const outside = await f.call(f.business2, "PUT", `/api/vote-rounds/${roundId}/ballot`, {
      allocations: [{ opportunityId: "00000000-0000-4000-8000-000000000000", dots: 1 }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([
      { field: "allocations.0.opportunityId", message: "is not an opportunity of this round" },
    ]);

    const wrongKind = await f.call(f.business2, "PUT", `/api/vote-rounds/${roundId}/ballot`, {
      ratings: [{ opportunityId: opp[0], importance: 3, feasibility: 3 }],
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().detail).toContain("dot vote");
    expect(await f.count("ballot_entries")).toBe(entries);
    // Business member 2's ballot is still the one they cast.
    const mine = await f.call(f.business2, "GET", `/api/vote-rounds/${roundId}`);
    expect(mine.json().myBallot.allocations).toEqual([
      { opportunityId: opp[0], dots: 1 },
      { opportunityId: opp[2], dots: 4 },
    ]);
  });

  it("a ballot that is not one of the two shapes, or has fractional dots, is refused by field", async () => {
    const fraction = await f.call(f.business2, "PUT", `/api/vote-rounds/${roundId}/ballot`, {
      allocations: [{ opportunityId: opp[0], dots: 1.5 }],
    });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().errors).toEqual([
      { field: "allocations.0.dots", message: "must be a whole number" },
    ]);
    for (const payload of [{}, { allocations: [], ratings: [] }]) {
      const res = await f.call(f.business2, "PUT", `/api/vote-rounds/${roundId}/ballot`, payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().detail).toContain("send either allocations (a dot vote) or ratings (a rating round)");
    }
  });

  it("the round is closed by a convener only; then no ballot is taken, and results are shown in order", async () => {
    expect((await f.call(f.business1, "POST", `/api/vote-rounds/${roundId}/close`)).statusCode).toBe(403);
    const closed = await f.call(f.convener, "POST", `/api/vote-rounds/${roundId}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: "closed", permissions: { vote: false, seeResults: true } });

    const late = await f.call(f.business1, "PUT", `/api/vote-rounds/${roundId}/ballot`, ballot([[2, 5]]));
    expect(late.statusCode).toBe(400);
    expect(late.json().detail).toMatch(/this round closed on .*; ballots can no longer be cast or changed/);
    const again = await f.call(f.convener, "POST", `/api/vote-rounds/${roundId}/close`);
    expect(again.statusCode).toBe(400);

    const results = await f.call(f.observer, "GET", `/api/vote-rounds/${roundId}/results`);
    expect(results.statusCode).toBe(200);
    // business1: 3 on A, 2 on B; business2: 1 on A, 4 on C; champion: 2 on B, 2 on C.
    expect(results.json()).toEqual({
      roundId,
      method: "dots",
      status: "closed",
      hidden: false,
      voterCount: 3,
      items: [
        {
          opportunityId: opp[2],
          title: "Childcare near the plants",
          rank: 1,
          dots: 6,
          voters: 2,
          priorityId: null,
        },
        {
          opportunityId: opp[0],
          title: "Apprenticeships for machinists",
          rank: 2,
          dots: 4,
          voters: 2,
          priorityId: null,
        },
        {
          opportunityId: opp[1],
          title: "Broadband for small shops",
          rank: 2,
          dots: 4,
          voters: 2,
          priorityId: null,
        },
      ],
    });
    const kinds = await f.count("activity", `kind in ('vote.opened', 'vote.closed')`);
    expect(kinds).toBe(2);
    const list = await f.call(f.support, "GET", `${url()}/vote-rounds`);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: roundId, status: "closed", voterCount: 3 }),
    ]);
  });
});

describe("a rating round", () => {
  it("takes importance and feasibility 1-5 and answers means per item", async () => {
    const res = await f.call(f.convener, "POST", `${url()}/vote-rounds`, {
      title: "Rate the ideas",
      method: "rating",
      opportunityIds: [opp[0], opp[1]],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().dotsPerVoter).toBeNull();
    const id = res.json<{ id: string }>().id;
    const rate = (who: typeof f.business1, a: [number, number], b: [number, number]) =>
      f.call(who, "PUT", `/api/vote-rounds/${id}/ballot`, {
        ratings: [
          { opportunityId: opp[0], importance: a[0], feasibility: a[1] },
          { opportunityId: opp[1], importance: b[0], feasibility: b[1] },
        ],
      });
    const bad = await rate(f.business1, [6, 3], [0, 2]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: "ratings.0.importance", message: "must be a whole number from 1 to 5" },
      { field: "ratings.1.importance", message: "must be a whole number from 1 to 5" },
    ]);
    expect((await rate(f.business1, [5, 2], [3, 4])).statusCode).toBe(200);
    expect((await rate(f.business2, [4, 3], [2, 4])).statusCode).toBe(200);
    expect((await rate(f.champion, [4, 3], [3, 5])).statusCode).toBe(200);
    expect((await rate(f.support, [1, 1], [1, 1])).statusCode).toBe(403);
    await f.call(f.convener, "POST", `/api/vote-rounds/${id}/close`);
    const results = await f.call(f.business1, "GET", `/api/vote-rounds/${id}/results`);
    expect(results.json().items).toEqual([
      {
        opportunityId: opp[0],
        title: "Apprenticeships for machinists",
        rank: 1,
        importance: 4.33,
        feasibility: 2.67,
        voters: 3,
        priorityId: null,
      },
      {
        opportunityId: opp[1],
        title: "Broadband for small shops",
        rank: 2,
        importance: 2.67,
        feasibility: 4.33,
        voters: 3,
        priorityId: null,
      },
    ]);
  });
});
