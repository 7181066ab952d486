/**
 * Vitest global set-up: migrates and seeds one template database per run, so that each API
 * test file starts from a copy of it instead of migrating its own (about 2 s a file on PGlite).
 * PGlite: a saved data directory that each file loads. PostgreSQL (TEST_ENGINE=postgres): a
 * template database that each file's database is created from.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, type Database } from "../db/open.js";
import { ensureReferenceData } from "../db/reference-data.js";
import { ensureIndicatorCatalog } from "./features/impact/catalog.js";
import { ensureStarterResources } from "./features/resources/starter.js";
import { dropTestDatabase } from "./test-support.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A file holding the migrated and seeded PGlite data directory (`dumpDataDir`). */
    pgliteTemplate: string;
    /** On PostgreSQL, the migrated and seeded database to create each test database from. */
    postgresTemplate: string;
  }
}

async function seed(database: Database) {
  await ensureReferenceData(database.db);
  await ensureIndicatorCatalog(database.db);
  await ensureStarterResources(database.db);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = await mkdtemp(join(tmpdir(), "shared-table-template-"));
  const cleanups: (() => Promise<void>)[] = [() => rm(folder, { recursive: true, force: true })];

  const pglite = await openDatabase();
  await seed(pglite);
  const file = join(folder, "pglite.tar");
  await writeFile(file, Buffer.from(await (await pglite.dumpDataDir!()).arrayBuffer()));
  await pglite.close();
  project.provide("pgliteTemplate", file);

  const baseUrl = process.env.TEST_DATABASE_URL;
  if (process.env.TEST_ENGINE === "postgres" && baseUrl) {
    const name = `st_template_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ url: url.toString() });
    await seed(database);
    await database.close();
    // Its pool's connections must be gone before a database can be created from it.
    await waitForNoConnections(baseUrl, name);
    cleanups.push(() => dropTestDatabase(baseUrl, name));
    project.provide("postgresTemplate", name);
  } else {
    project.provide("postgresTemplate", "");
  }
  return async () => {
    for (const cleanup of cleanups) await cleanup();
  };
}

async function waitForNoConnections(baseUrl: string, name: string) {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = $1",
        [name],
      );
      if ((rows[0]?.n ?? 0) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await client.end();
  }
}
