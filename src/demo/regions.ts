/**
 * Counties for the demo data: names from data/reference/counties.json and, for the national data
 * set, which counties touch (from the us-atlas county shapes), so that made-up regions are made of
 * adjacent counties like a real labor market.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { neighbors } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { stateByFips } from "../core/geography.js";
import type { Random } from "./random.js";
import { projectPath } from "../db/project-root.js";

export interface County {
  fips: string;
  name: string;
}

let countyCache: Map<string, County> | undefined;

/** Every county in the shipped reference file, by FIPS code. */
export function countiesByFips(): Map<string, County> {
  if (!countyCache) {
    const file = projectPath("data", "reference", "counties.json");
    const rows = JSON.parse(readFileSync(file, "utf8")) as County[];
    countyCache = new Map(rows.map((c) => [c.fips, c]));
  }
  return countyCache;
}

/** The 50 states and DC (the national data set leaves out the territories). */
export function statesWithCounties(): Map<string, string[]> {
  const byState = new Map<string, string[]>();
  for (const fips of countiesByFips().keys()) {
    const state = fips.slice(0, 2);
    if (Number(state) > 56) continue;
    const list = byState.get(state) ?? [];
    list.push(fips);
    byState.set(state, list);
  }
  return byState;
}

let adjacencyCache: Map<string, string[]> | undefined;

/** Counties that share a border, by FIPS code. */
export function countyNeighbors(): Map<string, string[]> {
  if (!adjacencyCache) {
    const require = createRequire(import.meta.url);
    const file = require.resolve("us-atlas/counties-10m.json");
    const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{
      counties: GeometryCollection;
    }>;
    const geometries = topology.objects.counties.geometries;
    const ids = geometries.map((g) => String(g.id));
    const lists = neighbors(geometries);
    adjacencyCache = new Map(ids.map((id, i) => [id, (lists[i] ?? []).map((j) => ids[j])]));
  }
  return adjacencyCache;
}

/** How a county is called in a sentence: "Larimer County", "Orleans Parish", "City of Richmond". */
export function countyLabel(fips: string): string {
  const county = countiesByFips().get(fips);
  if (!county) throw new Error(`unknown county ${fips}`);
  const state = fips.slice(0, 2);
  if (state === "11") return county.name;
  if (state === "22") return `${county.name} Parish`;
  if (state === "02") return county.name;
  if (["24", "29", "51"].includes(state) && Number(fips.slice(2)) >= 500) return `City of ${county.name}`;
  if (/City$/.test(county.name)) return county.name;
  return `${county.name} County`;
}

/** A short place name for a region grown from a county: "Larimer County", "Richmond". */
export function placeName(fips: string): string {
  const label = countyLabel(fips);
  return label.startsWith("City of ") ? label.slice("City of ".length) : label;
}

/**
 * The counties of a region in plain English, grouped by state:
 * "Larimer and Weld counties, Colorado" or "Jackson and Clay counties in Missouri and Johnson
 * County in Kansas".
 */
export function describeCounties(fipsList: readonly string[]): string {
  const byState = new Map<string, string[]>();
  for (const fips of fipsList) {
    const list = byState.get(fips.slice(0, 2)) ?? [];
    list.push(fips);
    byState.set(fips.slice(0, 2), list);
  }
  const groups = [...byState].map(([state, list]) => ({
    names: describeGroup(list),
    state: stateByFips(state)?.name ?? state,
  }));
  if (groups.length === 1) return `${groups[0].names}, ${groups[0].state}`;
  return joinAnd(groups.map((g) => `${g.names} in ${g.state}`));
}

function describeGroup(list: string[]): string {
  const labels = list.map(countyLabel);
  if (labels.every((l) => l.endsWith(" County"))) {
    const names = labels.map((l) => l.slice(0, -" County".length));
    return `${joinAnd(names)} ${names.length === 1 ? "County" : "counties"}`;
  }
  return joinAnd(labels);
}

export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Grows a region of `size` adjacent counties from `seed`, staying in the state except now and
 * then (labor markets cross state lines). An island county gets a second county of its state.
 */
export function growRegion(random: Random, seed: string, size: number): string[] {
  const adjacency = countyNeighbors();
  const known = countiesByFips();
  const region = [seed];
  const taken = new Set(region);
  const state = seed.slice(0, 2);
  for (let guard = 0; region.length < size && guard < 50; guard++) {
    const candidates = region
      .flatMap((fips) => adjacency.get(fips) ?? [])
      .filter((f) => !taken.has(f) && known.has(f));
    const inState = candidates.filter((f) => f.startsWith(state));
    const pool = inState.length > 0 && !random.chance(0.08) ? inState : candidates;
    if (pool.length === 0) break;
    const next = random.pick(pool);
    region.push(next);
    taken.add(next);
  }
  if (region.length === 1) {
    const others = (statesWithCounties().get(state) ?? []).filter((f) => f !== seed);
    if (others.length > 0) region.push(random.pick(others));
  }
  return region;
}
