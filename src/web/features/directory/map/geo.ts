import { geoAlbersUsa, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import statesUrl from "us-atlas/states-10m.json?url";
import countiesUrl from "us-atlas/counties-10m.json?url";

/** The size of the map's coordinate space (us-atlas' own convention for Albers USA). */
export const mapWidth = 975;
export const mapHeight = 610;

export interface Shape {
  /** FIPS code: two digits for a state, five for a county. */
  id: string;
  name: string;
  d: string;
}

type NamedCollection = GeometryCollection<{ name: string }>;

const projection = geoAlbersUsa()
  .scale(1300)
  .translate([mapWidth / 2, mapHeight / 2]);
const path = geoPath(projection);

async function loadTopology(url: string): Promise<Topology> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load the map (${res.status}).`);
  return (await res.json()) as Topology;
}

function toShapes(topology: Topology, objectName: string): Shape[] {
  const object = topology.objects[objectName] as NamedCollection | undefined;
  if (!object) return [];
  const collection = feature(topology, object);
  const shapes: Shape[] = [];
  for (const f of collection.features) {
    const d = path(f);
    // Territories outside the Albers USA insets project to nothing.
    if (!d || f.id === undefined) continue;
    shapes.push({ id: String(f.id), name: f.properties.name, d });
  }
  return shapes;
}

let statesPromise: Promise<Shape[]> | undefined;
let countiesPromise: Promise<Shape[]> | undefined;

/** State outlines (about 115 KB of TopoJSON), fetched once. */
export function loadStates(): Promise<Shape[]> {
  statesPromise ??= loadTopology(statesUrl).then((t) => toShapes(t, "states"));
  return statesPromise;
}

/** County outlines (about 840 KB), fetched only when some county must be drawn. */
export function loadCounties(): Promise<Shape[]> {
  countiesPromise ??= loadTopology(countiesUrl).then((t) => toShapes(t, "counties"));
  return countiesPromise;
}
