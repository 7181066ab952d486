import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { usStates } from "../core/geography.js";
import type { Executor } from "./open.js";
import { queryRows } from "./query.js";
import { counties, naicsCodes, states } from "./schema/index.js";

import { projectPath } from "./project-root.js";

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(projectPath("data", "reference", name), "utf8")) as T;
}

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
}

/** Loads the shipped NAICS 2017 codes, states and counties into an empty database. */
export async function ensureReferenceData(db: Executor): Promise<void> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from naics_codes`);
  if ((row?.n ?? 0) > 0) return;
  await db.insert(states).values(usStates).onConflictDoNothing();
  const naics = readJson<{ code: string; title: string; level: number }[]>("naics-2017.json");
  await insertInChunks(naics, (chunk) =>
    db
      .insert(naicsCodes)
      .values(chunk.map((c) => ({ ...c, edition: 2017 })))
      .onConflictDoNothing(),
  );
  const countyRows = readJson<{ fips: string; name: string }[]>("counties.json");
  await insertInChunks(countyRows, (chunk) =>
    db
      .insert(counties)
      .values(chunk.map((c) => ({ ...c, stateFips: c.fips.slice(0, 2) })))
      .onConflictDoNothing(),
  );
}
