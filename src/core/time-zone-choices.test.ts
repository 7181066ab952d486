import { describe, expect, it } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import esCore from "../../locales/es/core.json" with { type: "json" };
import { inFormatLocale } from "./format.js";
import { withTranslator, type Translator } from "./i18n/msg.js";
import {
  offsetLabel,
  plainTimeZoneChoice,
  searchTimeZones,
  timeZoneChoice,
  timeZoneChoices,
  timeZoneLabel,
  timeZoneMatch,
} from "./time-zone-choices.js";

const winter = new Date("2026-01-15T12:00:00Z");
const summer = new Date("2026-07-15T12:00:00Z");
// What a browser knows (old ICU names such as Asia/Calcutta included), in its order.
const supported = [
  "Africa/Abidjan",
  "America/Boise",
  "America/Chicago",
  "America/Denver",
  "America/Detroit",
  "America/Indianapolis",
  "America/Los_Angeles",
  "America/New_York",
  "America/Phoenix",
  "Asia/Calcutta",
  "Asia/Kathmandu",
  "Europe/Paris",
  "Pacific/Enderbury",
];
const choices = timeZoneChoices(winter, supported);
const found = (search: string) => searchTimeZones(choices, search).map((c) => c.value);

describe("time zone choices", () => {
  it("name a zone's time, its place and its offset at the moment", () => {
    expect(timeZoneLabel("America/Denver", winter)).toBe("Mountain time – Denver (UTC−7)");
    expect(timeZoneLabel("America/Denver", summer)).toBe("Mountain time – Denver (UTC−6)");
    expect(timeZoneLabel("America/Phoenix", summer)).toBe("Arizona time – Phoenix (UTC−7)");
    expect(timeZoneLabel("America/New_York", winter)).toBe("Eastern time – New York (UTC−5)");
    expect(timeZoneLabel("UTC", winter)).toBe("Coordinated Universal Time (UTC)");
    expect(offsetLabel("Asia/Kathmandu", winter)).toBe("UTC+5:45");
    expect(offsetLabel("Africa/Abidjan", winter)).toBe("UTC+0");
    expect(timeZoneLabel("Europe/Paris", winter)).toMatch(/^Central European time – Paris \(UTC\+1\)$/);
    expect(plainTimeZoneChoice("America/Argentina/Buenos_Aires").label).toBe("Buenos Aires (America)");
  });

  it("put the leading zones first, then the US, then UTC and every other zone, each once", () => {
    const values = timeZoneChoices(winter, supported, ["America/Chicago", "America/Denver"]).map(
      (c) => c.value,
    );
    expect(values.slice(0, 4)).toEqual([
      "America/Chicago",
      "America/Denver",
      "America/New_York",
      "America/Phoenix",
    ]);
    expect(new Set(values).size).toBe(values.length);
    for (const zone of supported) expect(values).toContain(zone);
    expect(values.indexOf("America/Detroit")).toBeLessThan(values.indexOf("UTC"));
    expect(values.indexOf("UTC")).toBeLessThan(values.indexOf("Africa/Abidjan"));
    // A stored zone this engine does not know is left out rather than breaking the picker.
    expect(timeZoneChoices(winter, supported, ["Mars/Olympus_Mons"]).map((c) => c.value)).not.toContain(
      "Mars/Olympus_Mons",
    );
  });

  it("find zones by the names people use, best first", () => {
    expect(found("Eastern")[0]).toBe("America/New_York");
    expect(found("Central")[0]).toBe("America/Chicago");
    expect(found("Mountain").slice(0, 2)).toEqual(["America/Denver", "America/Boise"]);
    expect(found("Mountain")).toContain("America/Phoenix");
    expect(found("Pacific")[0]).toBe("America/Los_Angeles");
    expect(found("Alaska")[0]).toBe("America/Anchorage");
    expect(found("Hawaii")[0]).toBe("Pacific/Honolulu");
    expect(found("Denver")).toEqual(["America/Denver"]);
    expect(found("Ohio")).toEqual(["America/New_York"]);
    expect(found("phoenix")[0]).toBe("America/Phoenix");
    expect(found("Colorado")).toEqual(["America/Denver"]);
    expect(found("Florida")).toEqual(["America/New_York", "America/Chicago"]);
    expect(found("salt lake")).toEqual(["America/Denver"]);
    expect(found("EST")[0]).toBe("America/New_York");
    expect(found("new york")).toEqual(["America/New_York"]);
    expect(found("utc-7")).toEqual(["America/Denver", "America/Phoenix", "America/Boise"]);
    expect(found("America/Denver")).toEqual(["America/Denver"]);
    expect(found("Mountain time – Denver (UTC−7)")).toEqual(["America/Denver"]);
    expect(found("Québec")).toEqual([]);
    expect(found("paris")).toEqual(["Europe/Paris"]);
    expect(found("calcutta")).toEqual(["Asia/Calcutta"]);
    expect(found("")).toHaveLength(choices.length);
  });

  it("rank a place before a time before any other word", () => {
    const denver = choices.find((c) => c.value === "America/Denver")!;
    expect(timeZoneMatch(denver, "Denver")).toBe(0);
    expect(timeZoneMatch(denver, "Mount")).toBe(1);
    expect(timeZoneMatch(denver, "Utah")).toBe(2);
    expect(timeZoneMatch(denver, "Ohio")).toBeNull();
  });
});

describe("the zones in the reader's language", () => {
  const spanish: Translator = (message, values) =>
    new IntlMessageFormat(
      (esCore as Record<string, string>)[message.id] ?? message.defaultMessage,
      "es-419",
    ).format(values) as string;
  const inSpanish = <T>(read: () => T) => inFormatLocale("es", () => withTranslator(spanish, read));
  const july = new Date("2026-07-01T12:00:00Z");

  it("names a US time, the rest of the world's by Intl, and UTC in Spanish", () => {
    expect(inSpanish(() => timeZoneLabel("America/Denver", july))).toBe(
      "Hora de la Montaña – Denver (UTC−6)",
    );
    expect(inSpanish(() => timeZoneLabel("Europe/Paris", july))).toMatch(
      /^Hora de Europa central – Paris \(UTC\+2\)$/,
    );
    expect(inSpanish(() => timeZoneLabel("UTC", july))).toBe("Tiempo universal coordinado (UTC)");
    expect(timeZoneLabel("America/Denver", july)).toBe("Mountain time – Denver (UTC−6)");
  });

  it("finds a zone by its Spanish time name, and by its English one", () => {
    const denver = inSpanish(() => timeZoneChoice("America/Denver", july));
    expect(timeZoneMatch(denver, "montaña")).toBe(1);
    expect(timeZoneMatch(denver, "mountain")).not.toBeNull();
  });
});
