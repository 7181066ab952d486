import { describe, expect, it } from "vitest";
import {
  addDays,
  ballotBody,
  businessLedShare,
  checkDotBallot,
  checkRatingBallot,
  daysBetween,
  dotsLeft,
  dueState,
  earliestLocalDate,
  mean,
  quadrantOf,
  reminderKind,
  tallyDots,
  tallyRatings,
  voteRoundBody,
} from "./agenda.js";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";
const D = "00000000-0000-4000-8000-00000000000d";
const OUTSIDE = "00000000-0000-4000-8000-0000000000ff";
const round = [A, B, C];

describe("checkDotBallot", () => {
  it("accepts dots spread over the round's items, several on one, up to the allowance", () => {
    expect(
      checkDotBallot(
        [
          { opportunityId: A, dots: 3 },
          { opportunityId: B, dots: 2 },
        ],
        round,
        5,
      ),
    ).toEqual([]);
    expect(checkDotBallot([{ opportunityId: C, dots: 1 }], round, 5)).toEqual([]);
    expect(
      checkDotBallot(
        [
          { opportunityId: C, dots: 5 },
          { opportunityId: A, dots: 0 },
        ],
        round,
        5,
      ),
    ).toEqual([]);
  });

  it("refuses more dots than allowed, with the numbers", () => {
    expect(
      checkDotBallot(
        [
          { opportunityId: A, dots: 4 },
          { opportunityId: B, dots: 2 },
        ],
        round,
        5,
      ),
    ).toEqual([{ field: "allocations", message: "uses 6 dots but each voter has 5" }]);
  });

  it("refuses negative dots even when the total is within the allowance", () => {
    expect(
      checkDotBallot(
        [
          { opportunityId: A, dots: 6 },
          { opportunityId: B, dots: -2 },
        ],
        round,
        5,
      ),
    ).toEqual([
      { field: "allocations.1.dots", message: "cannot be negative" },
      { field: "allocations", message: "uses 6 dots but each voter has 5" },
    ]);
  });

  it("refuses an opportunity outside the round, a repeated one, and an empty ballot", () => {
    expect(checkDotBallot([{ opportunityId: OUTSIDE, dots: 1 }], round, 5)).toEqual([
      { field: "allocations.0.opportunityId", message: "is not an opportunity of this round" },
    ]);
    expect(
      checkDotBallot(
        [
          { opportunityId: A, dots: 1 },
          { opportunityId: A, dots: 1 },
        ],
        round,
        5,
      ),
    ).toEqual([
      {
        field: "allocations.1.opportunityId",
        message: "appears twice; put all the dots for one opportunity in one entry",
      },
    ]);
    expect(checkDotBallot([], round, 5)).toEqual([
      { field: "allocations", message: "place at least one dot" },
    ]);
    expect(checkDotBallot([{ opportunityId: A, dots: 1.5 }], round, 5)).toEqual([
      { field: "allocations.0.dots", message: "must be a whole number" },
    ]);
  });

  it("counts the dots left", () => {
    expect(dotsLeft([{ dots: 2 }, { dots: 1 }], 5)).toBe(2);
    expect(dotsLeft([], 5)).toBe(5);
    expect(dotsLeft([{ dots: 7 }], 5)).toBe(-2);
  });
});

describe("checkRatingBallot", () => {
  it("accepts 1-5 ratings of items in the round and refuses others", () => {
    expect(checkRatingBallot([{ opportunityId: A, importance: 5, feasibility: 1 }], round)).toEqual([]);
    expect(
      checkRatingBallot(
        [
          { opportunityId: A, importance: 0, feasibility: 6 },
          { opportunityId: OUTSIDE, importance: 3, feasibility: 3 },
        ],
        round,
      ),
    ).toEqual([
      { field: "ratings.0.importance", message: "must be a whole number from 1 to 5" },
      { field: "ratings.0.feasibility", message: "must be a whole number from 1 to 5" },
      { field: "ratings.1.opportunityId", message: "is not an opportunity of this round" },
    ]);
    expect(checkRatingBallot([], round)).toEqual([
      { field: "ratings", message: "rate at least one opportunity" },
    ]);
  });
});

describe("tallyDots", () => {
  const items = [
    { opportunityId: A, title: "Apprenticeships" },
    { opportunityId: B, title: "Broadband" },
    { opportunityId: C, title: "Childcare" },
    { opportunityId: D, title: "Daycare vans" },
  ];
  it("adds dots, counts voters per item, orders by dots then voters then title, ties share a rank", () => {
    const entries = [
      // ballot 1: 3 on A, 2 on B
      { ballotId: "1", opportunityId: A, dots: 3 },
      { ballotId: "1", opportunityId: B, dots: 2 },
      // ballot 2: 1 on A, 4 on C
      { ballotId: "2", opportunityId: A, dots: 1 },
      { ballotId: "2", opportunityId: C, dots: 4 },
      // ballot 3: 2 on B, 2 on C, a zero on D that is not a vote
      { ballotId: "3", opportunityId: B, dots: 2 },
      { ballotId: "3", opportunityId: C, dots: 2 },
      { ballotId: "3", opportunityId: D, dots: 0 },
    ];
    expect(tallyDots(items, entries)).toEqual([
      { opportunityId: C, title: "Childcare", rank: 1, dots: 6, voters: 2 },
      { opportunityId: A, title: "Apprenticeships", rank: 2, dots: 4, voters: 2 },
      { opportunityId: B, title: "Broadband", rank: 2, dots: 4, voters: 2 },
      { opportunityId: D, title: "Daycare vans", rank: 4, dots: 0, voters: 0 },
    ]);
  });

  it("puts broader support first when dots tie", () => {
    const entries = [
      { ballotId: "1", opportunityId: A, dots: 4 },
      { ballotId: "2", opportunityId: B, dots: 2 },
      { ballotId: "3", opportunityId: B, dots: 2 },
    ];
    expect(tallyDots(items.slice(0, 2), entries).map((r) => [r.title, r.dots, r.voters, r.rank])).toEqual([
      ["Broadband", 4, 2, 1],
      ["Apprenticeships", 4, 1, 2],
    ]);
  });
});

describe("tallyRatings", () => {
  it("answers mean importance and feasibility to two decimals, ordered by their sum", () => {
    const items = [
      { opportunityId: A, title: "Apprenticeships" },
      { opportunityId: B, title: "Broadband" },
      { opportunityId: C, title: "Childcare" },
    ];
    const entries = [
      { ballotId: "1", opportunityId: A, importance: 5, feasibility: 2 },
      { ballotId: "2", opportunityId: A, importance: 4, feasibility: 3 },
      { ballotId: "3", opportunityId: A, importance: 4, feasibility: 3 },
      { ballotId: "1", opportunityId: B, importance: 3, feasibility: 5 },
      { ballotId: "2", opportunityId: B, importance: 4, feasibility: 5 },
    ];
    expect(tallyRatings(items, entries)).toEqual([
      { opportunityId: B, title: "Broadband", rank: 1, importance: 3.5, feasibility: 5, voters: 2 },
      { opportunityId: A, title: "Apprenticeships", rank: 2, importance: 4.33, feasibility: 2.67, voters: 3 },
      { opportunityId: C, title: "Childcare", rank: 3, importance: null, feasibility: null, voters: 0 },
    ]);
  });

  it("rounds means to two decimals", () => {
    expect(mean([1, 2, 2])).toBe(1.67);
    expect(mean([5])).toBe(5);
    expect(mean([])).toBeNull();
  });

  it("places items on the 2x2 with the midpoint counted as high", () => {
    expect(quadrantOf(3, 3)).toBe("do_first");
    expect(quadrantOf(4.5, 2.99)).toBe("plan_for");
    expect(quadrantOf(2, 4)).toBe("quick_win");
    expect(quadrantOf(1, 1)).toBe("later");
  });
});

describe("schemas", () => {
  it("a ballot is either allocations or ratings", () => {
    expect(ballotBody.safeParse({ allocations: [{ opportunityId: A, dots: 2 }] }).success).toBe(true);
    expect(
      ballotBody.safeParse({ ratings: [{ opportunityId: A, importance: 2, feasibility: 4 }] }).success,
    ).toBe(true);
    expect(ballotBody.safeParse({ allocations: [], ratings: [] }).success).toBe(false);
  });

  it("a round needs two distinct opportunities, and dots only for a dot vote", () => {
    expect(
      voteRoundBody.safeParse({ title: "Launch vote", method: "dots", opportunityIds: [A, B] }).success,
    ).toBe(true);
    expect(
      voteRoundBody.safeParse({ title: "Launch vote", method: "dots", opportunityIds: [A, A] }).success,
    ).toBe(false);
    const rating = voteRoundBody.safeParse({
      title: "Launch vote",
      method: "rating",
      dotsPerVoter: 5,
      opportunityIds: [A, B],
    });
    expect(rating.success).toBe(false);
    expect(rating.error?.issues[0]?.path).toEqual(["dotsPerVoter"]);
  });
});

describe("dates of actions", () => {
  const today = "2026-03-10";
  it("counts days and moves dates across month ends", () => {
    expect(daysBetween("2026-02-27", "2026-03-02")).toBe(3);
    expect(addDays("2026-02-27", 60)).toBe("2026-04-28");
    expect(earliestLocalDate(new Date("2026-03-10T05:00:00Z"))).toBe("2026-03-09");
    expect(earliestLocalDate(new Date("2026-03-10T13:00:00Z"))).toBe("2026-03-10");
  });

  it("classifies actions as late, due soon (60 days), later, done or undated", () => {
    expect(dueState({ status: "planned", dueDate: "2026-03-09" }, today)).toBe("late");
    expect(dueState({ status: "stuck", dueDate: "2026-03-10" }, today)).toBe("due_soon");
    expect(dueState({ status: "in_progress", dueDate: "2026-05-09" }, today)).toBe("due_soon");
    expect(dueState({ status: "planned", dueDate: "2026-05-10" }, today)).toBe("later");
    expect(dueState({ status: "done", dueDate: "2026-01-01" }, today)).toBe("done");
    expect(dueState({ status: "planned", dueDate: null }, today)).toBe("none");
  });

  it("reminds three days ahead and when late, never for done actions", () => {
    expect(reminderKind({ status: "planned", dueDate: "2026-03-13" }, today)).toBe("due_soon");
    expect(reminderKind({ status: "planned", dueDate: "2026-03-14" }, today)).toBeNull();
    expect(reminderKind({ status: "in_progress", dueDate: "2026-03-10" }, today)).toBe("due_soon");
    expect(reminderKind({ status: "stuck", dueDate: "2026-03-09" }, today)).toBe("late");
    expect(reminderKind({ status: "done", dueDate: "2026-03-09" }, today)).toBeNull();
  });

  it("computes the share of teams led by a business champion", () => {
    expect(businessLedShare([{ champions: [1] }, { champions: [] }, { champions: [1, 2] }])).toBe(0.667);
    expect(businessLedShare([])).toBeNull();
  });
});
