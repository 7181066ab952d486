/**
 * The time zone picker's choices and search: zones named as people say them ("Mountain time –
 * Denver (UTC−7)"), found by time name, city, state or abbreviation, US zones first and every
 * IANA zone still there. Names and offsets come from Intl (the zone database of the browser or
 * Node), so nothing big ships with the app.
 */
import { stateByFips } from "./geography.js";
import { zoneOffsetMs } from "./meeting-time.js";
import { statesInZone, usTimeName, usZones } from "./us-time-zones.js";
import { formatTag } from "./format.js";
import { msg, say } from "./i18n/msg.js";

export interface TimeZoneChoice {
  /** The IANA name, what is stored. */
  value: string;
  /** "Mountain time – Denver (UTC−7)". */
  label: string;
  /** Normalized words it is found by. */
  terms: string[];
  /** Its place, normalized ("new york"): a search it starts with ranks first. */
  place: string;
  /** Its time's name, normalized ("eastern"): a search it starts with ranks next. */
  time: string;
  /** Named by its place alone, to be named in full (`timeZoneLabel`) when shown. */
  plain?: true;
}

/** Other US zones (the same clocks as the main ones today), with the state they serve. */
const moreUsZones: Record<string, string> = {
  "America/Detroit": "Michigan",
  "America/Indiana/Indianapolis": "Indiana",
  "America/Indianapolis": "Indiana",
  "America/Indiana/Knox": "Indiana",
  "America/Indiana/Marengo": "Indiana",
  "America/Indiana/Petersburg": "Indiana",
  "America/Indiana/Tell_City": "Indiana",
  "America/Indiana/Vevay": "Indiana",
  "America/Indiana/Vincennes": "Indiana",
  "America/Indiana/Winamac": "Indiana",
  "America/Kentucky/Louisville": "Kentucky",
  "America/Louisville": "Kentucky",
  "America/Kentucky/Monticello": "Kentucky",
  "America/Menominee": "Michigan",
  "America/North_Dakota/Beulah": "North Dakota",
  "America/North_Dakota/Center": "North Dakota",
  "America/North_Dakota/New_Salem": "North Dakota",
  "America/Boise": "Idaho",
  "America/Juneau": "Alaska",
  "America/Sitka": "Alaska",
  "America/Metlakatla": "Alaska",
  "America/Yakutat": "Alaska",
  "America/Nome": "Alaska",
};

const MINUS = "\u2212";

/** "UTC−7", "UTC+5:30", "UTC+0": a zone's offset at an instant. */
export function offsetLabel(zone: string, at: Date): string {
  const minutes = Math.round(zoneOffsetMs(at, zone) / 60_000);
  const abs = Math.abs(minutes);
  const hours = Math.floor(abs / 60);
  const rest = abs % 60;
  return `UTC${minutes < 0 ? MINUS : "+"}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

/**
 * "Central European" (in English, its " Time" left to the label's words), "Hora de Europa central"
 * (in another language, Intl's whole name): Intl's generic name of a zone's time in the reader's
 * language, or null where it only knows an offset.
 */
function genericName(zone: string, at: Date): string | null {
  try {
    const tag = formatTag();
    const part = new Intl.DateTimeFormat(tag, { timeZone: zone, timeZoneName: "longGeneric" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    if (!part || /^(GMT|UTC)/.test(part)) return null;
    if (tag.startsWith("en")) return part.replace(/ (Standard )?Time$/, "");
    return part.charAt(0).toLocaleUpperCase(tag) + part.slice(1);
  } catch {
    return null;
  }
}

const placeOf = (zone: string) => (zone.split("/").pop() ?? zone).replace(/_/g, " ");
const cityOf = (zone: string) => usZones.find((z) => z.zone === zone)?.city ?? placeOf(zone);

/** A zone's name in the reader's words: a US time ("Mountain"), else Intl's, else none. */
type ZoneName = { us: string } | { generic: string } | null;

function label(zone: string, name: ZoneName, at: Date): string {
  if (zone === "UTC" || zone === "Etc/UTC")
    return say(msg({ id: "vocab.timeZones.utc", defaultMessage: "Coordinated Universal Time (UTC)" }));
  const place = { city: cityOf(zone), offset: offsetLabel(zone, at) };
  if (!name) return `${place.city} (${place.offset})`;
  return "us" in name
    ? say(msg({ id: "vocab.timeZones.usLabel", defaultMessage: "{name} time – {city} ({offset})" }), {
        name: name.us,
        ...place,
      })
    : say(msg({ id: "vocab.timeZones.genericLabel", defaultMessage: "{name} time – {city} ({offset})" }), {
        name: name.generic,
        ...place,
      });
}

function zoneName(zone: string, at: Date): ZoneName {
  const us = usTimeName(zone);
  if (us) return { us };
  const generic = genericName(zone, at);
  return generic ? { generic } : null;
}

/** "Mountain time – Denver (UTC−7)"; a zone Intl has no name for reads "Kathmandu (UTC+5:45)". */
export function timeZoneLabel(zone: string, at: Date): string {
  return label(zone, zoneName(zone, at), at);
}

/** Lower case, accents dropped, the minus sign a hyphen. */
function normalize(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\u2212/g, "-")
    .toLowerCase();
}

const words = (text: string) =>
  normalize(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** Words that lead a time's name in some languages ("hora del Este") and that nobody types. */
const articles = new Set(["de", "del", "la", "el", "los", "las"]);

/** A zone named and found by its time, place, states and offset (asks Intl: about 1 ms a zone). */
export function timeZoneChoice(zone: string, at: Date): TimeZoneChoice {
  const us = usZones.find((z) => z.zone === zone);
  const name = zoneName(zone, at);
  const timeWords = name ? ("us" in name ? name.us : name.generic) : "";
  const states = us
    ? statesInZone(zone).flatMap((fips) => {
        const s = stateByFips(fips);
        return s ? [s.name, s.abbr] : [];
      })
    : [moreUsZones[zone] ?? ""];
  const offset = normalize(offsetLabel(zone, at));
  const text = label(zone, name, at);
  // Found by its English time name too ("Mountain"), whatever the reader's language.
  const terms = words([text, zone, us?.name ?? "", ...(us?.keywords ?? []), ...states].join(" "));
  return {
    value: zone,
    label: text,
    terms: [...new Set([...terms, offset, offset.replace("utc", "gmt")])],
    place: words(cityOf(zone)).join(" "),
    // "de la Montaña" is found by "montaña": the little words before a name do not count.
    time: words(timeWords)
      .filter((w) => !articles.has(w))
      .join(" "),
  };
}

/**
 * A zone of the rest of the world named by its IANA place alone ("Paris (Europe)"): free to make
 * for hundreds of zones; the picker shows its offset when the option is on screen.
 */
export function plainTimeZoneChoice(zone: string): TimeZoneChoice {
  const parts = zone.split("/");
  const region = parts.length > 1 ? parts[0].replace(/_/g, " ") : "";
  const place = placeOf(zone);
  return {
    value: zone,
    label: region ? `${place} (${region})` : place,
    terms: words(zone),
    place: words(place).join(" "),
    time: "",
    plain: true,
  };
}

const isUs = (zone: string) => usZones.some((z) => z.zone === zone) || zone in moreUsZones;

/**
 * Every zone to pick from: `first` (the partnership's zones, the current one), then the US zones,
 * then every other zone Intl knows (`supported`, Intl.supportedValuesOf("timeZone")). The first
 * and the US zones carry their names and offsets; the others their place (see plainTimeZoneChoice).
 */
export function timeZoneChoices(
  at: Date,
  supported: readonly string[],
  first: readonly string[] = [],
): TimeZoneChoice[] {
  const us = [
    ...usZones.map((z) => z.zone),
    ...Object.keys(moreUsZones).filter((z) => supported.includes(z)),
  ];
  const rest = supported.filter((z) => !isUs(z)).sort();
  const all = [...new Set([...first.filter(Boolean), ...us, "UTC", ...rest])];
  return all.flatMap((zone) => {
    try {
      return [
        first.includes(zone) || isUs(zone) || zone === "UTC"
          ? timeZoneChoice(zone, at)
          : plainTimeZoneChoice(zone),
      ];
    } catch {
      // A name this engine does not know (an old stored value): not offered.
      return [];
    }
  });
}

/**
 * How well a choice answers a search: 0 when its place starts with it ("Phoenix", "New York"), 1
 * when its time does ("Eastern"), 2 when every word typed starts a word it is known by ("Ohio",
 * "EST", "salt lake", "utc-7"), null otherwise.
 */
export function timeZoneMatch(c: TimeZoneChoice, search: string): 0 | 1 | 2 | null {
  const typed = normalize(search)
    .split(/\s+/)
    // A dash between words ("Mountain time – Denver") is no word.
    .filter((t) => /[a-z0-9]/.test(t));
  if (typed.length === 0) return 2;
  const starts = (part: string) => c.terms.some((term) => term.startsWith(part));
  const found = typed.every(
    // "utc-7" is a term; "hawaii-aleutian" and "st.thomas" are found word by word.
    (t) => starts(t) || t.split(/[^a-z0-9]+/).every((part) => !part || starts(part)),
  );
  if (!found) return null;
  const query = words(search).join(" ");
  if (c.place.startsWith(query)) return 0;
  if (c.time && c.time.startsWith(query)) return 1;
  return 2;
}

/** The choices that answer a search, best first, otherwise in their order (US zones first). */
export function searchTimeZones(choices: readonly TimeZoneChoice[], search: string): TimeZoneChoice[] {
  return choices
    .map((c, i) => ({ c, i, rank: timeZoneMatch(c, search) }))
    .filter((x): x is { c: TimeZoneChoice; i: number; rank: 0 | 1 | 2 } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((x) => x.c);
}
