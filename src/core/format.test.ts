import { describe, expect, it } from "vitest";
import {
  axisScale,
  endSentence,
  formatChange,
  formatCount,
  formatCountOf,
  formatDate,
  formatDateTime,
  formatMonth,
  formatScore,
  formatDays,
  formatDollars,
  formatNumber,
  formatRange,
  formatRelativeChange,
  formatShare,
  formatTick,
  formatValue,
  inFormatLocale,
  niceTicks,
  noun,
  tickStep,
} from "./format.js";

describe("values of a unit", () => {
  it("writes dollars with the sign before the dollar sign and cents only when there are any", () => {
    expect(formatValue(1234, "dollars")).toBe("$1,234");
    expect(formatValue(-300, "dollars")).toBe("-$300");
    expect(formatValue(19.99, "dollars")).toBe("$19.99");
    expect(formatValue(1234.5, "dollars")).toBe("$1,234.50");
    expect(formatValue(1e12, "dollars")).toBe("$1,000,000,000,000");
    expect(formatDollars(0)).toBe("$0");
  });
  it("writes US dollars with the dollar sign in Spanish too, not as a foreign currency", () => {
    expect(inFormatLocale("es", () => [formatDollars(1234567), formatDollars(-300)])).toEqual([
      "$1,234,567",
      "-$300",
    ]);
  });
  it("writes counts, percents and days as people read them", () => {
    expect(formatValue(1250, "count")).toBe("1,250");
    expect(formatValue(3.5, "count")).toBe("3.5");
    expect(formatValue(45.5, "percent")).toBe("45.5%");
    expect(formatValue(87, "percent")).toBe("87%");
    expect(formatValue(1, "days")).toBe("1 day");
    expect(formatValue(2, "days")).toBe("2 days");
    expect(formatValue(1.5, "days")).toBe("1.5 days");
    expect(formatValue(3650, "days")).toBe("3,650 days");
    expect(formatValue(null, "count")).toBe("–");
    expect(formatDays(0)).toBe("0 days");
  });
  it("writes plain numbers, counts and shares with thousands separators", () => {
    expect(formatNumber(1234567.891)).toBe("1,234,567.9");
    expect(formatNumber(2.345, 2)).toBe("2.35");
    expect(formatCount(1e9)).toBe("1,000,000,000");
    expect(formatShare(0.564)).toBe("56%");
    expect(formatShare(1)).toBe("100%");
    expect(formatShare(null)).toBe("–");
  });
});

describe("changes", () => {
  it("signs every change except zero, the sign before the dollar sign", () => {
    expect(formatChange(1200, "dollars")).toBe("+$1,200");
    expect(formatChange(-300, "dollars")).toBe("-$300");
    expect(formatChange(0, "dollars")).toBe("$0");
    expect(formatChange(5, "count")).toBe("+5");
    expect(formatChange(-1250, "count")).toBe("-1,250");
    expect(formatChange(0, "count")).toBe("0");
  });
  it("counts the change of a percent in percentage points", () => {
    expect(formatChange(5, "percent")).toBe("+5.0 pts");
    expect(formatChange(-2.54, "percent")).toBe("-2.5 pts");
    expect(formatChange(0, "percent")).toBe("0.0 pts");
  });
  it("counts days in the singular for one", () => {
    expect(formatChange(-1, "days")).toBe("-1 day");
    expect(formatChange(3, "days")).toBe("+3 days");
    expect(formatChange(0, "days")).toBe("0 days");
  });
  it("writes a relative change as a whole signed percent", () => {
    expect(formatRelativeChange(12.4)).toBe("+12%");
    expect(formatRelativeChange(-25)).toBe("-25%");
    expect(formatRelativeChange(0)).toBe("0%");
  });
});

describe("chart axes", () => {
  it("steps by 1, 2 or 5 times a power of ten", () => {
    expect(tickStep(0, 336145, 4)).toBe(100_000);
    expect(tickStep(0, 336145, 5)).toBe(50_000);
    expect(tickStep(0, 10, 4)).toBe(2);
    expect(tickStep(0, 87.5, 4)).toBe(20);
    expect(tickStep(0, 1, 4)).toBe(0.2);
    expect(tickStep(5, 5)).toBe(1);
  });
  it("puts ticks at round numbers past the values, never at a value like 336,145", () => {
    expect(niceTicks(0, 336145, 4)).toEqual([0, 100_000, 200_000, 300_000, 400_000]);
    expect(niceTicks(0.1, 0.7, 3)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(-250, 900, 2)).toEqual([-500, 0, 500, 1000]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });
  it("formats ticks compactly with their unit", () => {
    const counts = axisScale([336145, 120000], "count");
    expect(counts.domain).toEqual([0, 400_000]);
    expect(counts.ticks.map(counts.format)).toEqual(["0", "100K", "200K", "300K", "400K"]);
    const dollars = axisScale([1_150_000, 40_000], "dollars");
    expect(dollars.ticks.map(dollars.format)).toEqual([
      "$0",
      "$200K",
      "$400K",
      "$600K",
      "$800K",
      "$1M",
      "$1.2M",
    ]);
    const percent = axisScale([87.5, 40], "percent");
    expect(percent.ticks.map(percent.format)).toEqual(["0%", "20%", "40%", "60%", "80%", "100%"]);
    const days = axisScale([1, 0.5], "days");
    expect(days.ticks.map(days.format)).toEqual([
      "0 days",
      "0.2 days",
      "0.4 days",
      "0.6 days",
      "0.8 days",
      "1 day",
    ]);
  });
  it("writes a range with its unit once", () => {
    expect(formatRange(20, 30, "days")).toBe("20–30 days");
    expect(formatRange(0, 1, "days")).toBe("0–1 day");
    expect(formatRange(40, 60, "percent")).toBe("40–60%");
    expect(formatRange(100_000, 200_000, "dollars")).toBe("$100K–$200K");
    expect(formatRange(1_000_000, 1_500_000, "count")).toBe("1M–1.5M");
    expect(formatRange(2, 4, "count")).toBe("2–4");
  });
  it("keeps ticks that are close apart distinct and counts whole", () => {
    const near = axisScale([1_040_000], "count", 60);
    expect(near.format(1_020_000)).toBe("1.02M");
    expect(near.format(1_000_000)).toBe("1M");
    const few = axisScale([3], "count");
    expect(few.ticks).toEqual([0, 1, 2, 3]);
    expect(formatTick(-300, "dollars", 100)).toBe("-$300");
    expect(formatTick(2.5e12, "dollars", 5e11)).toBe("$2.5T");
  });
});

describe("words", () => {
  it("puts a count and its noun in agreement", () => {
    expect(formatCountOf(1, "team")).toBe("1 team");
    expect(formatCountOf(3, "team")).toBe("3 teams");
    expect(formatCountOf(0, "team")).toBe("0 teams");
    expect(formatCountOf(1, "county", "counties")).toBe("1 county");
    expect(formatCountOf(1204, "person", "people")).toBe("1,204 people");
    expect(`1 of ${formatCountOf(1, "team")}`).toBe("1 of 1 team");
    expect(`2 of ${formatCountOf(3, "team")}`).toBe("2 of 3 teams");
    expect(noun(1, "reply", "replies")).toBe("reply");
    expect(noun(2, "reply", "replies")).toBe("replies");
  });
  it("ends a sentence with one period, also after a name ending in one", () => {
    expect(endSentence("You left Valley Health Hospital Inc.")).toBe("You left Valley Health Hospital Inc.");
    expect(endSentence("You left Valley Health")).toBe("You left Valley Health.");
    expect(endSentence("Welcome back, Sam Jones Jr. ")).toBe("Welcome back, Sam Jones Jr.");
    expect(endSentence("Who sits at the table of Yes!")).toBe("Who sits at the table of Yes!");
    expect(endSentence("It is “Acme Co.”")).toBe("It is “Acme Co.”");
  });
});

describe("scores and dates", () => {
  it("writes a score with one decimal", () => {
    expect(formatScore((2 / 3) * 100)).toBe("66.7");
    expect(formatScore(3)).toBe("3.0");
    expect(formatScore(2.25)).toBe("2.3");
  });
  it("writes a calendar day without shifting it to a time zone", () => {
    expect(formatDate("2024-03-05")).toBe("March 5, 2024");
    expect(formatDate("2024-03-05T23:30:00Z")).toBe("March 5, 2024");
    expect(formatDate(new Date("2026-12-01T01:00:00Z"))).toBe("December 1, 2026");
    expect(formatDate(null)).toBe("");
    expect(formatDate("not a date")).toBe("not a date");
    expect(formatMonth(new Date("2026-12-01T01:00:00Z"))).toBe("December 2026");
  });
  it("writes a moment in the time zone it is given", () => {
    expect(formatDateTime("2024-03-05T15:04:00Z", "UTC")).toBe("Mar 5, 2024, 3:04 PM");
    expect(formatDateTime("2024-03-05T15:04:00Z", "America/Chicago")).toBe("Mar 5, 2024, 9:04 AM");
    expect(formatDateTime(undefined)).toBe("");
  });
});
