/**
 * `npm run i18n:extract` writes the English catalogs from the code; `npm run check:i18n` fails
 * when a catalog is stale, lacks a message the code uses, keeps one it does not, or a
 * translation's arguments differ from the English (README, "Languages").
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import {
  catalogPath,
  catalogProblems,
  extractPart,
  formatCatalog,
  PARTS,
  type Catalog,
  type Part,
} from "./i18n/catalogs.js";

const command = process.argv[2];
const extracted = Object.fromEntries(
  (Object.keys(PARTS) as Part[]).map((part) => [part, extractPart(part)]),
) as Record<Part, Catalog>;

if (command === "extract") {
  for (const part of Object.keys(PARTS) as Part[]) {
    const path = catalogPath("en", part);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, formatCatalog(extracted[part]));
    console.log(`${path}: ${Object.keys(extracted[part]).length} messages`);
  }
} else if (command === "check") {
  const problems = catalogProblems(extracted);
  for (const problem of problems) console.error(problem);
  if (problems.length) process.exit(1);
  const count = Object.values(extracted).reduce((sum, c) => sum + Object.keys(c).length, 0);
  console.log(`The catalogs are complete: ${count} messages in every language.`);
} else {
  console.error("usage: tsx scripts/i18n.ts extract|check");
  process.exit(2);
}
