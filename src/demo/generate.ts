/**
 * Pure generation of the fictional demo data set: plain rows, ready to insert, the same for the
 * same seed and size. Nothing here touches the database.
 */
import type {
  memberships,
  organizations,
  partnershipCounties,
  partnershipNaics,
  partnerships,
  people,
  users,
} from "../db/schema/index.js";
import type { Role, Setting, SizeBand, Stage } from "../core/vocabulary.js";
import { naicsWithin } from "../core/naics.js";
import { slugify } from "../server/features/partnerships/slug.js";
import {
  companySuffixes,
  coreKinds,
  curated,
  demoPartnershipCount,
  extraKinds,
  firstNames,
  lastNames,
  nameWords,
  publicNames,
  publicTitles,
  sectorByKey,
  seniorityOfTitle,
  sectors,
  type PublicKind,
  type SectorSpec,
} from "./catalog.js";
import { idFactory, Random } from "./random.js";
import { countyLabel, describeCounties, growRegion, placeName, statesWithCounties } from "./regions.js";
import { formatMonth } from "../core/format.js";

type WithId<T> = T & { id: string };
export type UserRow = WithId<typeof users.$inferInsert>;
export type PartnershipRow = WithId<typeof partnerships.$inferInsert>;
export type PartnershipNaicsRow = typeof partnershipNaics.$inferInsert;
export type PartnershipCountyRow = typeof partnershipCounties.$inferInsert;
export type OrganizationRow = WithId<typeof organizations.$inferInsert>;
export type PersonRow = WithId<typeof people.$inferInsert>;
export type MembershipRow = WithId<typeof memberships.$inferInsert>;

export interface DemoData {
  users: UserRow[];
  partnerships: PartnershipRow[];
  partnershipNaics: PartnershipNaicsRow[];
  partnershipCounties: PartnershipCountyRow[];
  organizations: OrganizationRow[];
  people: PersonRow[];
  memberships: MembershipRow[];
}

/** "national10" is ten times the national set: the scale the benchmarks prove the reads at. */
export type DemoSize = "demo" | "national" | "national10" | number;

export interface GenerateOptions {
  size?: DemoSize;
  seed?: number;
  /** The scrypt hash of the demo password, stored for every demo account. */
  passwordHash: string;
}

export const defaultSeed = 20_260_101;
export const nationalPartnershipCount = 3000;
export const national10PartnershipCount = 30_000;

/** Dates are counted back from this fixed day so the data set does not change with the clock. */
const referenceDay = Date.UTC(2026, 9, 1);
const dayMs = 86_400_000;

export const demoAccounts = {
  admin: {
    email: "admin@demo.sharedtable.org",
    name: "Dana Whitfield",
    title: "Community of Practice Coordinator",
  },
  convener: {
    email: "convener@demo.sharedtable.org",
    name: "Maria Delgado",
    title: "Sector Strategies Lead",
  },
  champion: { email: "champion@demo.sharedtable.org", name: "James Okafor", title: "Plant Manager" },
} as const;

/** The partnerships the demo convener runs (indexes into the generated list; same region). */
const convenerPartnerships = [0, 1];
/** The partnership where the demo champion leads. */
const championPartnership = 0;

export function partnershipCount(size: DemoSize = "demo"): number {
  if (size === "demo") return demoPartnershipCount;
  if (size === "national") return nationalPartnershipCount;
  if (size === "national10") return national10PartnershipCount;
  if (!Number.isInteger(size) || size < 1) throw new Error("size must be a positive whole number");
  return size;
}

interface PartnershipPlan {
  region: string;
  /** Short place name for agencies: "Northern Colorado", "Larimer County". */
  place: string;
  counties: string[];
  setting: Setting;
  sector: SectorSpec;
  codes: readonly string[];
  stage: Stage;
  curated: boolean;
  /** "the Permian Basin" but "Denver Metro". */
  article: boolean;
}

const stageWeights: readonly (readonly [Stage, number])[] = [
  ["civic_infrastructure", 10],
  ["prepare", 15],
  ["launch", 15],
  ["act", 35],
  ["sustain", 25],
];
const settingWeights: readonly (readonly [Setting, number])[] = [
  ["metro", 35],
  ["mixed", 30],
  ["rural", 35],
];
const regionSizes: readonly (readonly [number, number])[] = [
  [2, 3],
  [3, 4],
  [4, 4],
  [5, 3],
  [6, 2],
  [7, 1],
  [8, 1],
];
const peoplePerOrganization: readonly (readonly [number, number])[] = [
  [1, 1],
  [2, 3],
  [3, 6],
];

/** The plans: the hand-picked partnerships first, then regions grown across every state. */
function plan(random: Random, count: number): PartnershipPlan[] {
  const plans: PartnershipPlan[] = curated.slice(0, count).map((c) => {
    const sector = sectorByKey(c.sector);
    return {
      region: c.region,
      place: c.region,
      counties: [...c.counties],
      setting: c.setting,
      sector,
      codes: sector.codeSets[c.codeSet] ?? sector.codeSets[0],
      stage: c.stage,
      curated: true,
      article: c.article ?? false,
    };
  });
  const states = [...statesWithCounties()];
  const stateWeights = states.map(([state, list]) => [state, list.length] as const);
  const sectorWeights = sectors.map((s) => [s, s.weight] as const);
  for (let i = 0; plans.length < count; i++) {
    // One partnership in every state first, then more where there are more counties.
    const state = i < states.length ? states[i][0] : random.weighted(stateWeights);
    const seed = random.pick(statesWithCounties().get(state)!);
    const counties = growRegion(random, seed, random.weighted(regionSizes));
    const sector = random.weighted(sectorWeights);
    plans.push({
      region: `Greater ${placeName(seed)}`,
      place: placeName(seed),
      counties,
      setting: state === "11" ? "metro" : random.weighted(settingWeights),
      sector,
      codes: random.pick(sector.codeSets),
      stage: random.weighted(stageWeights),
      curated: false,
      article: false,
    });
  }
  return plans;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function monthYear(iso: string): string {
  return formatMonth(new Date(`${iso}T00:00:00Z`));
}

function launchDateFor(random: Random, stage: Stage): string | null {
  switch (stage) {
    case "civic_infrastructure":
    case "prepare":
      return null;
    case "launch":
      return isoDate(referenceDay - random.int(20, 300) * dayMs);
    case "act":
      return isoDate(referenceDay - random.int(300, 1500) * dayMs);
    case "sustain":
      return isoDate(referenceDay - random.int(1500, 3600) * dayMs);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describe(random: Random, p: PartnershipPlan, launchDate: string | null): string {
  const [first, second] = random.shuffle(p.sector.priorities);
  const priorities = `${first} and ${second}`;
  const where = p.curated
    ? `${p.article ? "the " : ""}${p.region} (${describeCounties(p.counties)})`
    : `the ${p.place} area (${describeCounties(p.counties)})`;
  const sentences = [
    `${capitalize(p.sector.firms)} across ${where} work together on the challenges they share.`,
  ];
  switch (p.stage) {
    case "civic_infrastructure":
      sentences.push(
        `Early conversations point to ${priorities}.`,
        "Workforce, education and economic development partners are forming one support team and studying labor-market data before they invite business leaders.",
      );
      break;
    case "prepare":
      sentences.push(
        `Early conversations point to ${priorities}.`,
        "The support team is meeting business champions one on one and planning the launch meeting.",
      );
      break;
    case "launch":
      sentences.push(
        `Business leaders met for the launch in ${monthYear(launchDate!)} and chose ${priorities} as their first priorities.`,
        "Action teams led by business champions are forming now.",
      );
      break;
    case "act":
      sentences.push(
        `Since the launch in ${monthYear(launchDate!)}, action teams led by business champions have worked on ${priorities}, and they report back to the full partnership.`,
      );
      break;
    case "sustain":
      sentences.push(
        `Launched in ${launchDate!.slice(0, 4)}, the partnership meets every quarter, welcomes new members and refreshes its priorities each year; today it focuses on ${priorities}.`,
      );
      break;
  }
  sentences.push("Fictional demo data.");
  return sentences.join(" ");
}

function businessCount(random: Random, stage: Stage): number {
  switch (stage) {
    case "civic_infrastructure":
      return random.int(5, 8);
    case "prepare":
      return random.int(5, 12);
    case "launch":
      return random.int(8, 20);
    case "act":
    case "sustain":
      return random.int(10, 25);
  }
}

/** The kinds of public partners at the table; some partnerships lack a kind or two on purpose. */
function publicKinds(random: Random): PublicKind[] {
  const count = random.int(3, 8);
  let core = random.shuffle(coreKinds.filter((k) => k !== "workforce_development"));
  if (random.chance(0.35)) core = core.slice(random.int(1, 2));
  const kinds: PublicKind[] = ["workforce_development", ...core];
  for (const kind of random.shuffle(extraKinds))
    if (kinds.length < count && random.chance(0.6)) kinds.push(kind);
  // A second college or school district when the table is bigger than the kinds.
  const repeatable = kinds.filter((k) => k === "k12_education" || k === "postsecondary_education");
  while (kinds.length < count) kinds.push(random.pick(repeatable.length > 0 ? repeatable : kinds));
  return kinds.slice(0, Math.max(count, 3));
}

interface NameBook {
  emails: Map<string, number>;
}

function personName(random: Random): { first: string; last: string } {
  return { first: random.pick(firstNames), last: random.pick(lastNames) };
}

function emailFor(book: NameBook, first: string, last: string): string {
  const base = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "");
  const n = (book.emails.get(base) ?? 0) + 1;
  book.emails.set(base, n);
  return `${base}${n === 1 ? "" : n}@example.org`;
}

function companyName(random: Random, stems: readonly string[], used: Set<string>): string {
  for (let attempt = 0; attempt < 20; attempt++) {
    const head = random.chance(0.3) ? random.pick(lastNames) : random.pick(nameWords);
    const name = `${head} ${random.pick(stems)}${random.weighted(companySuffixes)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const fallback = `${random.pick(nameWords)} ${random.pick(stems)} ${used.size + 1}`;
  used.add(fallback);
  return fallback;
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = `${base} Partnership (demo)`;
  for (let n = 2; taken.has(name); n++) name = `${base} Partnership ${n} (demo)`;
  taken.add(name);
  return name;
}

/** Generates the whole data set. */
export function generateDemoData(options: GenerateOptions): DemoData {
  const seed = options.seed ?? defaultSeed;
  const count = partnershipCount(options.size);
  const random = new Random(seed);
  const nextId = idFactory(seed);
  const book: NameBook = { emails: new Map() };
  const out: DemoData = {
    users: [],
    partnerships: [],
    partnershipNaics: [],
    partnershipCounties: [],
    organizations: [],
    people: [],
    memberships: [],
  };

  const account = (key: keyof typeof demoAccounts, isAdmin: boolean): PersonRow => {
    const a = demoAccounts[key];
    const userId = nextId();
    out.users.push({ id: userId, email: a.email, name: a.name, passwordHash: options.passwordHash, isAdmin });
    const person: PersonRow = { id: nextId(), name: a.name, email: a.email, title: a.title, userId };
    out.people.push(person);
    return person;
  };
  account("admin", true);
  const convenerAccount = account("convener", false);
  const championAccount = account("champion", false);

  const names = new Set<string>();
  const slugs = new Set<string>();
  const plans = plan(random.fork("regions"), count);
  plans.forEach((p, index) => {
    const r = random.fork(`partnership-${index}`);
    const id = nextId();
    const name = uniqueName(`${p.region} ${p.sector.label}`, names);
    const baseSlug = slugify(name.replace(/ \(demo\)$/, ""));
    let slug = baseSlug;
    for (let n = 2; slugs.has(slug); n++) slug = `${baseSlug}-${n}`;
    slugs.add(slug);
    const launchDate = launchDateFor(r, p.stage);
    const startedMs = (launchDate ? Date.parse(launchDate) : referenceDay) - r.int(60, 400) * dayMs;
    const joinedAt = () =>
      new Date(startedMs + r.int(0, Math.max(1, (referenceDay - startedMs) / dayMs)) * dayMs);

    p.codes.forEach((code, position) => out.partnershipNaics.push({ partnershipId: id, code, position }));
    for (const fips of p.counties)
      out.partnershipCounties.push({ partnershipId: id, fips, stateFips: fips.slice(0, 2) });

    // Organizations and their people.
    const companyNames = new Set<string>();
    const types = p.sector.types.filter((t) => p.codes.some((code) => naicsWithin(t.naics, code)));
    const businessPeople: { person: PersonRow; organizationId: string }[] = [];
    const publicPeople: { person: PersonRow; organizationId: string; kind: PublicKind }[] = [];
    const addPeople = (organizationId: string, titles: readonly string[]) => {
      const made: PersonRow[] = [];
      const n = r.weighted(peoplePerOrganization);
      for (let k = 0; k < n; k++) {
        const { first, last } = personName(r);
        const person: PersonRow = {
          id: nextId(),
          name: `${first} ${last}`,
          email: emailFor(book, first, last),
          title: r.pick(titles),
        };
        out.people.push(person);
        made.push(person);
      }
      return made;
    };
    const businessOrgs: OrganizationRow[] = [];
    for (let b = businessCount(r, p.stage); b > 0; b--) {
      const type = r.pick(types);
      const org: OrganizationRow = {
        id: nextId(),
        partnershipId: id,
        name: companyName(r, type.stems, companyNames),
        kind: "business",
        naics: type.naics,
        sizeBand: r.weighted<SizeBand>(type.sizes),
      };
      out.organizations.push(org);
      businessOrgs.push(org);
      for (const person of addPeople(org.id, p.sector.businessTitles)) {
        person.seniority = seniorityOfTitle(person.title);
        businessPeople.push({ person, organizationId: org.id });
      }
    }
    const agencyNames = new Set<string>();
    const kinds = publicKinds(r);
    const workforceOrgs: OrganizationRow[] = [];
    for (const kind of kinds) {
      const patterns = publicNames[kind];
      let agency = "";
      // The first workforce board of a hand-picked region is always named the same way, so the
      // demo convener's two partnerships share one board.
      if (p.curated && kind === "workforce_development" && workforceOrgs.length === 0) {
        agency = patterns[0].replace("{R}", p.place);
      } else {
        for (let attempt = 0; attempt < 10 && (agency === "" || agencyNames.has(agency)); attempt++) {
          agency = r
            .pick(patterns)
            .replace("{R}", p.place)
            .replace("{C}", countyLabel(r.pick(p.counties)));
        }
        if (agencyNames.has(agency)) continue;
      }
      agencyNames.add(agency);
      const org: OrganizationRow = { id: nextId(), partnershipId: id, name: agency, kind };
      out.organizations.push(org);
      if (kind === "workforce_development") workforceOrgs.push(org);
      for (const person of addPeople(org.id, publicTitles[kind]))
        publicPeople.push({ person, organizationId: org.id, kind });
    }

    // Roles: business champions, business members, conveners from a public partner, support.
    const roles = new Map<string, Role>();
    const hasChampionAccount = index === championPartnership;
    const maxChampions = p.stage === "civic_infrastructure" ? 1 : p.stage === "prepare" ? 2 : 4;
    const champions = Math.max(1, r.int(1, maxChampions) - (hasChampionAccount ? 1 : 0));
    const championOrgs = new Set<string>();
    for (const { person, organizationId } of r.shuffle(businessPeople)) {
      if (championOrgs.size >= champions) break;
      if (championOrgs.has(organizationId)) continue;
      championOrgs.add(organizationId);
      roles.set(person.id, "champion");
    }
    const hasConvenerAccount = convenerPartnerships.includes(index);
    const convenerPool = publicPeople.filter(
      (x) => x.kind === "workforce_development" || x.kind === "economic_development",
    );
    const convenerCount = Math.max(hasConvenerAccount ? 0 : 1, r.int(1, 2) - (hasConvenerAccount ? 1 : 0));
    for (const { person } of r
      .shuffle(convenerPool.length > 0 ? convenerPool : publicPeople)
      .slice(0, convenerCount)) {
      roles.set(person.id, "convener");
    }
    if (r.chance(0.3)) {
      const observers = publicPeople.filter(
        (x) => !roles.has(x.person.id) && (x.kind === "government" || x.kind === "philanthropy"),
      );
      if (observers.length > 0) roles.set(r.pick(observers).person.id, "observer");
    }
    const membership = (personId: string, organizationId: string, role: Role) =>
      out.memberships.push({
        id: nextId(),
        partnershipId: id,
        personId,
        organizationId,
        role,
        joinedAt: joinedAt(),
      });
    for (const { person, organizationId } of businessPeople) {
      membership(person.id, organizationId, roles.get(person.id) ?? "business_member");
    }
    for (const { person, organizationId } of publicPeople) {
      membership(person.id, organizationId, roles.get(person.id) ?? "support");
    }
    if (hasChampionAccount && businessOrgs.length > 0) {
      membership(championAccount.id, businessOrgs[0].id, "champion");
    }
    if (hasConvenerAccount && workforceOrgs.length > 0) {
      membership(convenerAccount.id, workforceOrgs[0].id, "convener");
    }

    const contact = hasConvenerAccount
      ? convenerAccount
      : (publicPeople.find((x) => roles.get(x.person.id) === "convener")?.person ?? publicPeople[0]?.person);
    out.partnerships.push({
      id,
      slug,
      name,
      description: describe(r, p, launchDate),
      setting: p.setting,
      stage: p.stage,
      launchDate,
      contactName: contact?.name ?? "",
      contactEmail: contact?.email ?? "",
      contactPhone: `555-01${String(r.int(0, 99)).padStart(2, "0")}`,
      website: r.chance(0.6) ? `https://${slug}.example.org` : "",
      createdAt: new Date(startedMs),
      updatedAt: new Date(referenceDay - r.int(0, 120) * dayMs),
    });
  });
  return out;
}
