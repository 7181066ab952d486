import { describe, expect, it } from "vitest";
import { usStates } from "./geography.js";
import { isTimeZone } from "./meeting-time.js";
import {
  countyTimeZone,
  regionTimeZones,
  spansZonesHint,
  stateTimeZone,
  statesInZone,
  usZones,
} from "./us-time-zones.js";

describe("the time zone of a place", () => {
  it("knows every state and territory, by FIPS code or abbreviation, with zones Intl knows", () => {
    for (const s of usStates) {
      const zone = stateTimeZone(s.fips);
      expect(zone, s.name).not.toBeNull();
      expect(isTimeZone(zone ?? ""), `${s.name}: ${zone}`).toBe(true);
    }
    expect(stateTimeZone("CO")).toBe("America/Denver");
    expect(stateTimeZone("oh")).toBe("America/New_York");
    expect(stateTimeZone("AZ")).toBe("America/Phoenix");
    expect(stateTimeZone("HI")).toBe("Pacific/Honolulu");
    expect(stateTimeZone("PR")).toBe("America/Puerto_Rico");
    expect(stateTimeZone("XX")).toBeNull();
    expect(stateTimeZone("99")).toBeNull();
  });

  it("reads a county on either side of a line that splits its state", () => {
    expect(countyTimeZone("08031")).toBe("America/Denver"); // Denver
    expect(countyTimeZone("48201")).toBe("America/Chicago"); // Harris, TX (Houston)
    expect(countyTimeZone("48141")).toBe("America/Denver"); // El Paso, TX
    expect(countyTimeZone("12033")).toBe("America/Chicago"); // Escambia, FL (Pensacola)
    expect(countyTimeZone("12086")).toBe("America/New_York"); // Miami-Dade, FL
    expect(countyTimeZone("47157")).toBe("America/Chicago"); // Shelby, TN (Memphis)
    expect(countyTimeZone("47093")).toBe("America/New_York"); // Knox, TN (Knoxville)
    expect(countyTimeZone("21227")).toBe("America/Chicago"); // Warren, KY (Bowling Green)
    expect(countyTimeZone("21111")).toBe("America/New_York"); // Jefferson, KY (Louisville)
    expect(countyTimeZone("18089")).toBe("America/Chicago"); // Lake, IN (Gary)
    expect(countyTimeZone("18097")).toBe("America/New_York"); // Marion, IN (Indianapolis)
    expect(countyTimeZone("16055")).toBe("America/Los_Angeles"); // Kootenai, ID (Coeur d'Alene)
    expect(countyTimeZone("16001")).toBe("America/Denver"); // Ada, ID (Boise)
    expect(countyTimeZone("31157")).toBe("America/Denver"); // Scotts Bluff, NE
    expect(countyTimeZone("31055")).toBe("America/Chicago"); // Douglas, NE (Omaha)
    expect(countyTimeZone("46103")).toBe("America/Denver"); // Pennington, SD (Rapid City)
    expect(countyTimeZone("38089")).toBe("America/Denver"); // Stark, ND (Dickinson)
    expect(countyTimeZone("41045")).toBe("America/Denver"); // Malheur, OR
    expect(countyTimeZone("20181")).toBe("America/Denver"); // Sherman, KS (Goodland)
    expect(countyTimeZone("26053")).toBe("America/Chicago"); // Gogebic, MI
    expect(countyTimeZone("02016")).toBe("America/Adak"); // Aleutians West, AK
    expect(countyTimeZone("02020")).toBe("America/Anchorage");
    expect(countyTimeZone("8031")).toBeNull();
    expect(countyTimeZone("99001")).toBeNull();
  });

  it("gives a region one zone, or every zone it spans with most counties first", () => {
    // Northern Colorado (Larimer, Weld).
    expect(regionTimeZones(["08069", "08123"])).toEqual({
      zone: "America/Denver",
      zones: ["America/Denver"],
    });
    // Greater Kansas City across Missouri and Kansas: one clock.
    expect(regionTimeZones(["29095", "20091"]).zone).toBe("America/Chicago");
    // Across the Nebraska line: two Central counties, one Mountain.
    expect(regionTimeZones(["31157", "31055", "31153"])).toEqual({
      zone: null,
      zones: ["America/Chicago", "America/Denver"],
    });
    expect(regionTimeZones([])).toEqual({ zone: null, zones: [] });
    expect(regionTimeZones(["nonsense"])).toEqual({ zone: null, zones: [] });
  });

  it("says which times a region spans, as people name them", () => {
    expect(spansZonesHint(["America/Denver", "America/Chicago"])).toBe(
      "This partnership spans Mountain and Central time: choose the meeting's zone",
    );
    expect(spansZonesHint(["America/Los_Angeles", "America/Denver", "America/Chicago"])).toBe(
      "This partnership spans Pacific, Mountain, and Central time: choose the meeting's zone",
    );
  });

  it("lists the states of a zone, its own first, then those it shares", () => {
    const central = statesInZone("America/Chicago");
    expect(central).toContain("48"); // Texas
    expect(central.indexOf("12")).toBeGreaterThan(central.indexOf("48")); // Florida's panhandle after
    expect(statesInZone("America/Denver")).toEqual(expect.arrayContaining(["08", "49", "31", "46"]));
    for (const z of usZones) expect(isTimeZone(z.zone), z.zone).toBe(true);
  });
});
