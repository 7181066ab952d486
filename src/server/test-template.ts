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
    /** The same before the catalogue and starter library: migrated, with the reference data only. */
    pgliteReferenceTemplate: string;
    /** On PostgreSQL, the migrated and seeded database to create each test database from. */
    postgresTemplate: string;
    /** On PostgreSQL, the migrated database with the reference data only. */
    postgresReferenceTemplate: string;
  }
}

/** What every app database holds beyond the reference data: the catalogue and the starter library. */
async function seedApp(database: Database) {
  await ensureIndicatorCatalog(database.db);
  await ensureStarterResources(database.db);
}

interface Templates {
  provided: {
    pgliteTemplate: string;
    pgliteReferenceTemplate: string;
    postgresTemplate: string;
    postgresReferenceTemplate: string;
  };
  cleanup(): Promise<void>;
}

/**
 * Both projects of the run (vitest.config.ts) call this set-up in one process: they share one
 * set of templates, made once (about 8 s) and removed when the last of them ends.
 */
const shared = globalThis as typeof globalThis & {
  sharedTableTemplates?: { made: Promise<Templates>; users: number };
};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.sharedTableTemplates ??= { made: makeTemplates(), users: 0 };
  const templates = shared.sharedTableTemplates;
  templates.users += 1;
  const made = await templates.made;
  const { provided } = made;
  for (const [key, value] of Object.entries(provided))
    project.provide(key as keyof Templates["provided"], value);
  return async () => {
    templates.users -= 1;
    if (templates.users > 0) return;
    shared.sharedTableTemplates = undefined;
    await made.cleanup();
  };
}

async function makeTemplates(): Promise<Templates> {
  const folder = await mkdtemp(join(tmpdir(), "shared-table-template-"));
  const cleanups: (() => Promise<void>)[] = [() => rm(folder, { recursive: true, force: true })];

  // Migrating an empty PGlite takes about 5 s: a test that needs a database without the app's
  // seeds (an import target, the demo loader) loads the first copy instead (about 1.3 s).
  const pglite = await openDatabase();
  await ensureReferenceData(pglite.db);
  const dump = async (name: string) => {
    const file = join(folder, name);
    await writeFile(file, Buffer.from(await (await pglite.dumpDataDir!()).arrayBuffer()));
    return file;
  };
  const pgliteReferenceTemplate = await dump("pglite-reference.tar");
  await seedApp(pglite);
  const pgliteTemplate = await dump("pglite.tar");
  await pglite.close();

  let postgresReferenceTemplate = "";
  let postgresTemplate = "";
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (process.env.TEST_ENGINE === "postgres" && baseUrl) {
    const suffix = randomBytes(6).toString("hex");
    const reference = `st_template_reference_${suffix}`;
    const name = `st_template_${suffix}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${reference}`);
      cleanups.push(() => dropTestDatabase(baseUrl, reference));
      await withDatabase(baseUrl, reference, (database) => ensureReferenceData(database.db));
      await admin.query(`create database ${name} template ${reference}`);
      cleanups.push(() => dropTestDatabase(baseUrl, name));
      await withDatabase(baseUrl, name, seedApp);
    } finally {
      await admin.end();
    }
    postgresReferenceTemplate = reference;
    postgresTemplate = name;
  }
  return {
    provided: { pgliteTemplate, pgliteReferenceTemplate, postgresTemplate, postgresReferenceTemplate },
    cleanup: async () => {
      for (const cleanup of cleanups) await cleanup();
    },
  };
}

/** Opens (and so migrates) a database of the server, runs `work`, and waits until its connections are gone. */
async function withDatabase(baseUrl: string, name: string, work: (database: Database) => Promise<unknown>) {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await work(database);
  } finally {
    await database.close();
  }
  // Its pool's connections must be gone before a database can be created from it.
  await waitForNoConnections(baseUrl, name);
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
