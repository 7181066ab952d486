import { describe, expect, it } from "vitest";
import {
  formatMailTime,
  formatMeetingSpan,
  formatMeetingTime,
  isTimeZone,
  lacksBusinessMajority,
  resolveInstant,
  summarizeAttendance,
  toWallTime,
  zoneAbbreviation,
} from "./meeting-time.js";

const b = { sector: "business" as const };
const p = { sector: "public" as const };

describe("time zones", () => {
  it("knows IANA zones and refuses others", () => {
    expect(isTimeZone("America/Denver")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mountain Time")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("reads a wall time in its zone, across daylight saving", () => {
    expect(resolveInstant("2026-03-05T08:00", "America/Denver")?.toISOString()).toBe(
      "2026-03-05T15:00:00.000Z",
    );
    expect(resolveInstant("2026-03-09T08:00", "America/Denver")?.toISOString()).toBe(
      "2026-03-09T14:00:00.000Z",
    );
    expect(resolveInstant("2026-11-01T01:30", "America/New_York")?.toISOString()).toMatch(
      /^2026-11-01T0[56]:30/,
    );
    expect(resolveInstant("2026-06-15T09:00", "Europe/Berlin")?.toISOString()).toBe(
      "2026-06-15T07:00:00.000Z",
    );
    expect(resolveInstant("2026-03-05T15:00:00Z", "America/Denver")?.toISOString()).toBe(
      "2026-03-05T15:00:00.000Z",
    );
    expect(resolveInstant("2026-03-05T08:00-07:00", "UTC")?.toISOString()).toBe("2026-03-05T15:00:00.000Z");
  });

  it("refuses what does not parse or does not exist", () => {
    expect(resolveInstant("tomorrow", "UTC")).toBeNull();
    expect(resolveInstant("2026-02-30T08:00", "UTC")).toBeNull();
    expect(resolveInstant("2026-13-01T08:00", "UTC")).toBeNull();
    expect(resolveInstant("2026-03-05T25:00", "UTC")).toBeNull();
  });

  it("shows an instant in the meeting's zone with its abbreviation", () => {
    const instant = new Date("2026-03-05T15:00:00Z");
    expect(toWallTime(instant, "America/Denver")).toBe("2026-03-05T08:00");
    expect(zoneAbbreviation(instant, "America/Denver")).toBe("MST");
    expect(zoneAbbreviation(new Date("2026-07-05T15:00:00Z"), "America/Denver")).toBe("MDT");
    expect(formatMeetingTime("2026-03-05T15:00:00Z", "America/New_York")).toBe(
      "Thu, Mar 5, 2026, 10:00 AM EST",
    );
  });

  it("shows a meeting from its start to its end, the half of the day said once", () => {
    const denver = "America/Denver";
    expect(formatMeetingSpan("2026-03-10T16:00:00Z", "2026-03-10T17:30:00Z", denver)).toBe(
      "Tue, Mar 10, 2026, 10:00–11:30 AM MDT",
    );
    expect(formatMeetingSpan("2026-03-10T16:00:00Z", "2026-03-10T20:30:00Z", denver)).toBe(
      "Tue, Mar 10, 2026, 10:00 AM–2:30 PM MDT",
    );
    expect(formatMeetingSpan("2026-03-10T16:00:00Z", "2026-03-11T20:30:00Z", denver)).toBe(
      "Tue, Mar 10, 2026, 10:00 AM – Wed, Mar 11, 2026, 2:30 PM MDT",
    );
    // Clocks go forward at 2 AM on March 8, 2026, during this night's meeting.
    expect(formatMeetingSpan("2026-03-08T07:00:00Z", "2026-03-08T10:00:00Z", denver)).toBe(
      "Sun, Mar 8, 2026, 12:00 AM MST–4:00 AM MDT",
    );
    expect(formatMeetingSpan("2026-03-05T15:00:00Z", null, denver)).toBe("Thu, Mar 5, 2026, 8:00 AM MST");
  });

  it("writes a time for an e-mail in the reader's zone with the zone's name", () => {
    expect(formatMailTime("2026-12-10T15:00:00Z", "America/New_York")).toBe("Thu, Dec 10, 10:00 AM EST");
    expect(formatMailTime("2026-12-10T15:00:00Z", "America/Denver")).toBe("Thu, Dec 10, 8:00 AM MST");
    expect(formatMailTime("2026-07-10T15:00:00Z", "America/Los_Angeles")).toBe("Fri, Jul 10, 8:00 AM PDT");
  });
});

describe("attendance", () => {
  it("counts guests on their side and computes the business share", () => {
    expect(summarizeAttendance([b, b, p], [p])).toEqual({
      business: 2,
      public: 2,
      guests: 1,
      businessShare: 0.5,
      businessMajority: false,
    });
    expect(summarizeAttendance([b, b, p], [])).toEqual({
      business: 2,
      public: 1,
      guests: 0,
      businessShare: 0.667,
      businessMajority: true,
    });
    expect(summarizeAttendance([], []).businessShare).toBeNull();
  });

  it("flags only launch and full partnership meetings that had people but no business majority", () => {
    const tie = summarizeAttendance([b, p], []);
    expect(lacksBusinessMajority("launch", tie)).toBe(true);
    expect(lacksBusinessMajority("full_partnership", tie)).toBe(true);
    expect(lacksBusinessMajority("action_team", tie)).toBe(false);
    expect(lacksBusinessMajority("launch", summarizeAttendance([], []))).toBe(false);
    expect(lacksBusinessMajority("launch", summarizeAttendance([b, b], [p]))).toBe(false);
  });
});
