/**
 * The time zone of a place in the United States, from its county or state FIPS code, so that a
 * partnership's meetings default to the zone of its own region. Zones are the main IANA zone of
 * each US time (America/Denver for all of Mountain time with daylight saving): Boise or Detroit
 * keep the same clock today, and one name per time lets a region be "in one zone" or "across two".
 */
import { labelsOf, msg, say, type MessageDescriptor } from "./i18n/msg.js";
import { formatTag } from "./format.js";
import { stateByAbbr } from "./geography.js";

export interface UsZone {
  zone: string;
  /** How people name its time: "Mountain" time. */
  name: string;
  /** The place the picker names it by. */
  city: string;
  /** Other words people look for it by: cities, abbreviations (states are added from the map below). */
  keywords: readonly string[];
}

/** The US zones, east to west: the main zone of each US time, then the territories. */
export const usZones: readonly UsZone[] = [
  {
    zone: "America/New_York",
    name: "Eastern",
    city: "New York",
    keywords: ["ET", "EST", "EDT", "Atlanta", "Boston", "Miami", "Detroit", "Philadelphia", "Pittsburgh"]
      .concat(["Washington DC", "Charlotte", "Cleveland", "Columbus", "Indianapolis", "Louisville"])
      .concat(["Knoxville", "Baltimore", "Orlando", "Tampa"]),
  },
  {
    zone: "America/Chicago",
    name: "Central",
    city: "Chicago",
    keywords: ["CT", "CST", "CDT", "Dallas", "Houston", "San Antonio", "Austin", "Minneapolis", "St. Louis"]
      .concat(["Saint Louis", "Kansas City", "Nashville", "Memphis", "Milwaukee", "New Orleans", "Omaha"])
      .concat(["Oklahoma City", "Des Moines", "Birmingham"]),
  },
  {
    zone: "America/Denver",
    name: "Mountain",
    city: "Denver",
    keywords: ["MT", "MST", "MDT", "Salt Lake City", "Boise", "Albuquerque", "El Paso", "Cheyenne"].concat([
      "Billings",
      "Colorado Springs",
      "Fort Collins",
    ]),
  },
  {
    // Arizona keeps standard time all year: Denver's clock in winter, Los Angeles's in summer.
    zone: "America/Phoenix",
    name: "Arizona",
    city: "Phoenix",
    keywords: ["Mountain", "MST", "Tucson", "Mesa", "Flagstaff"],
  },
  {
    zone: "America/Los_Angeles",
    name: "Pacific",
    city: "Los Angeles",
    keywords: ["PT", "PST", "PDT", "Seattle", "San Francisco", "San Diego", "San Jose", "Portland"].concat([
      "Las Vegas",
      "Sacramento",
      "Spokane",
    ]),
  },
  {
    zone: "America/Anchorage",
    name: "Alaska",
    city: "Anchorage",
    keywords: ["AKST", "AKDT", "Juneau", "Fairbanks"],
  },
  { zone: "Pacific/Honolulu", name: "Hawaii", city: "Honolulu", keywords: ["HST", "Hawaii-Aleutian"] },
  { zone: "America/Adak", name: "Hawaii-Aleutian", city: "Adak", keywords: ["Aleutian Islands", "HST"] },
  { zone: "America/Puerto_Rico", name: "Atlantic", city: "San Juan", keywords: ["AST"] },
  { zone: "America/St_Thomas", name: "Atlantic", city: "St. Thomas", keywords: ["AST", "Saint Thomas"] },
  { zone: "Pacific/Guam", name: "Chamorro", city: "Guam", keywords: ["ChST", "Hagatna"] },
  { zone: "Pacific/Saipan", name: "Chamorro", city: "Saipan", keywords: ["ChST"] },
  { zone: "Pacific/Pago_Pago", name: "Samoa", city: "Pago Pago", keywords: ["SST"] },
];

const EASTERN = "America/New_York";
const CENTRAL = "America/Chicago";
const MOUNTAIN = "America/Denver";
const PACIFIC = "America/Los_Angeles";

/** The zone where most of a state's people live, by state FIPS code. */
const stateZones: Record<string, string> = {
  "01": CENTRAL, // Alabama
  "02": "America/Anchorage", // Alaska
  "04": "America/Phoenix", // Arizona
  "05": CENTRAL, // Arkansas
  "06": PACIFIC, // California
  "08": MOUNTAIN, // Colorado
  "09": EASTERN, // Connecticut
  "10": EASTERN, // Delaware
  "11": EASTERN, // District of Columbia
  "12": EASTERN, // Florida
  "13": EASTERN, // Georgia
  "15": "Pacific/Honolulu", // Hawaii
  "16": MOUNTAIN, // Idaho
  "17": CENTRAL, // Illinois
  "18": EASTERN, // Indiana
  "19": CENTRAL, // Iowa
  "20": CENTRAL, // Kansas
  "21": EASTERN, // Kentucky
  "22": CENTRAL, // Louisiana
  "23": EASTERN, // Maine
  "24": EASTERN, // Maryland
  "25": EASTERN, // Massachusetts
  "26": EASTERN, // Michigan
  "27": CENTRAL, // Minnesota
  "28": CENTRAL, // Mississippi
  "29": CENTRAL, // Missouri
  "30": MOUNTAIN, // Montana
  "31": CENTRAL, // Nebraska
  "32": PACIFIC, // Nevada
  "33": EASTERN, // New Hampshire
  "34": EASTERN, // New Jersey
  "35": MOUNTAIN, // New Mexico
  "36": EASTERN, // New York
  "37": EASTERN, // North Carolina
  "38": CENTRAL, // North Dakota
  "39": EASTERN, // Ohio
  "40": CENTRAL, // Oklahoma
  "41": PACIFIC, // Oregon
  "42": EASTERN, // Pennsylvania
  "44": EASTERN, // Rhode Island
  "45": EASTERN, // South Carolina
  "46": CENTRAL, // South Dakota
  "47": CENTRAL, // Tennessee
  "48": CENTRAL, // Texas
  "49": MOUNTAIN, // Utah
  "50": EASTERN, // Vermont
  "51": EASTERN, // Virginia
  "53": PACIFIC, // Washington
  "54": EASTERN, // West Virginia
  "55": CENTRAL, // Wisconsin
  "56": MOUNTAIN, // Wyoming
  "60": "Pacific/Pago_Pago", // American Samoa
  "66": "Pacific/Guam", // Guam
  "69": "Pacific/Saipan", // Northern Mariana Islands
  "72": "America/Puerto_Rico", // Puerto Rico
  "74": "America/St_Thomas", // U.S. Virgin Islands
};

/**
 * Counties on the other side of a line that splits their state. A county split itself follows
 * its county seat (Gulf, FL: Port St. Joe, Eastern; Idaho County: Grangeville, Pacific; Cherry,
 * NE: Valentine, Central); counties that only partly keep another clock keep the state's.
 */
const countyExceptions: Record<string, readonly string[]> = {
  [CENTRAL]: [
    // Florida's western panhandle.
    ...["12005", "12013", "12033", "12059", "12063", "12091", "12113", "12131", "12133"],
    // Indiana: the Chicago and Evansville corners.
    ...["18051", "18073", "18089", "18091", "18111", "18123", "18127", "18129", "18147", "18149", "18163"],
    "18173",
    // Kentucky west of the line (Bowling Green, Owensboro, Paducah).
    ...["21001", "21003", "21007", "21009", "21027", "21031", "21033", "21035", "21039", "21047", "21053"],
    ...["21055", "21057", "21059", "21061", "21075", "21083", "21085", "21087", "21091", "21099", "21101"],
    ...["21105", "21107", "21139", "21141", "21143", "21145", "21149", "21157", "21169", "21171", "21177"],
    ...["21183", "21207", "21213", "21219", "21221", "21225", "21227", "21233"],
    // Michigan's Upper Peninsula along Wisconsin.
    ...["26043", "26053", "26071", "26109"],
  ],
  [EASTERN]: [
    // East Tennessee (Knoxville, Chattanooga, the Tri-Cities).
    ...["47001", "47009", "47011", "47013", "47019", "47025", "47029", "47057", "47059", "47063", "47065"],
    ...["47067", "47073", "47089", "47091", "47093", "47105", "47107", "47121", "47123", "47129", "47139"],
    ...["47143", "47145", "47151", "47155", "47163", "47171", "47173", "47179"],
  ],
  [MOUNTAIN]: [
    // Western Kansas.
    ...["20071", "20075", "20181", "20199"],
    // The Nebraska panhandle and its neighbours.
    ...["31005", "31007", "31013", "31029", "31033", "31045", "31049", "31057", "31069", "31075", "31091"],
    ...["31101", "31105", "31123", "31135", "31157", "31161", "31165"],
    // Southwest North Dakota.
    ...["38001", "38007", "38011", "38025", "38033", "38037", "38041", "38087", "38089"],
    // Oregon's Malheur County.
    "41045",
    // West River South Dakota (46113 is Oglala Lakota's former code).
    ...["46007", "46019", "46031", "46033", "46041", "46047", "46055", "46063", "46071", "46081", "46093"],
    ...["46102", "46103", "46105", "46113", "46117", "46137"],
    // Far west Texas.
    ...["48141", "48229"],
  ],
  [PACIFIC]: [
    // The Idaho panhandle.
    ...["16009", "16017", "16021", "16035", "16049", "16055", "16057", "16061", "16069", "16079"],
  ],
  "America/Adak": ["02016"], // Aleutians West
};

const byCounty = new Map<string, string>(
  Object.entries(countyExceptions).flatMap(([zone, counties]) => counties.map((c) => [c, zone] as const)),
);

/** The zone of a state, by FIPS code ("08") or USPS abbreviation ("CO"); null when unknown. */
export function stateTimeZone(state: string): string | null {
  const fips = /^\d{2}$/.test(state) ? state : stateByAbbr(state)?.fips;
  return (fips && stateZones[fips]) || null;
}

/** The states (FIPS codes) with at least one county in a zone: its main states first, then those it shares. */
export function statesInZone(zone: string): string[] {
  const main = Object.keys(stateZones).filter((fips) => stateZones[fips] === zone);
  const shared = [...new Set((countyExceptions[zone] ?? []).map((c) => c.slice(0, 2)))];
  return [...main, ...shared.filter((s) => !main.includes(s))];
}

/** The zone of a county by its five-digit FIPS code; its state's main zone when the line does not split it. */
export function countyTimeZone(fips: string): string | null {
  if (!/^\d{5}$/.test(fips)) return null;
  return byCounty.get(fips) ?? stateZones[fips.slice(0, 2)] ?? null;
}

export interface RegionZones {
  /** The region's one zone, or null when its counties keep different clocks (or none is known). */
  zone: string | null;
  /** Every zone of the region, most counties first (ties: the one met first). */
  zones: string[];
}

/** The zones of a region given as county FIPS codes. */
export function regionTimeZones(countyFips: readonly string[]): RegionZones {
  const counts = new Map<string, number>();
  for (const fips of countyFips) {
    const zone = countyTimeZone(fips);
    if (zone) counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  const zones = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([zone]) => zone);
  return { zone: zones.length === 1 ? zones[0] : null, zones };
}

/** How people name each US time, in the reader's language ("Mountain", "de la Montaña"). */
const timeNameMessages = {
  Eastern: msg({ id: "vocab.timeZones.name.eastern", defaultMessage: "Eastern" }),
  Central: msg({ id: "vocab.timeZones.name.central", defaultMessage: "Central" }),
  Mountain: msg({ id: "vocab.timeZones.name.mountain", defaultMessage: "Mountain" }),
  Arizona: msg({ id: "vocab.timeZones.name.arizona", defaultMessage: "Arizona" }),
  Pacific: msg({ id: "vocab.timeZones.name.pacific", defaultMessage: "Pacific" }),
  Alaska: msg({ id: "vocab.timeZones.name.alaska", defaultMessage: "Alaska" }),
  Hawaii: msg({ id: "vocab.timeZones.name.hawaii", defaultMessage: "Hawaii" }),
  "Hawaii-Aleutian": msg({ id: "vocab.timeZones.name.hawaiiAleutian", defaultMessage: "Hawaii-Aleutian" }),
  Atlantic: msg({ id: "vocab.timeZones.name.atlantic", defaultMessage: "Atlantic" }),
  Chamorro: msg({ id: "vocab.timeZones.name.chamorro", defaultMessage: "Chamorro" }),
  Samoa: msg({ id: "vocab.timeZones.name.samoa", defaultMessage: "Samoa" }),
} satisfies Record<string, MessageDescriptor>;
const timeNameLabels: Record<string, string> = labelsOf(timeNameMessages);

/** "Mountain", "Central": how people name the time of a US zone (reader's language); null outside the US list. */
export function usTimeName(zone: string): string | null {
  const name = usZones.find((z) => z.zone === zone)?.name;
  return name ? (timeNameLabels[name] ?? name) : null;
}

/** "This partnership spans Mountain and Central time: choose the meeting's zone". */
export function spansZonesHint(zones: readonly string[]): string {
  const names = [...new Set(zones.map((z) => usTimeName(z) ?? z))];
  // "Mountain and Central", "Mountain y Central": joined as the reader's language joins a list.
  const list = new Intl.ListFormat(formatTag(), { type: "conjunction" }).format(names);
  return say(
    msg({
      id: "vocab.timeZones.spans",
      defaultMessage: "This partnership spans {list} time: choose the meeting''s zone",
    }),
    { list },
  );
}
