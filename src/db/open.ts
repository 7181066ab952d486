import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { keepStatementsPrepared } from "./pglite-statements.js";
import { nameRepeatedStatements } from "./postgres-statements.js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.js";
import { acquireDirectoryLock } from "./lock.js";
import { sharedBuffersFor } from "./pglite-buffers.js";
import { projectPath } from "./project-root.js";
import { isUpToDate, newestApplied } from "./migrations-current.js";

export type Schema = typeof schema;
/** Both engines behind one Drizzle type: services never know which one they talk to. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  engine: "pglite" | "postgres";
  /** PGlite only: the whole data directory as a tarball, to open copies of it (test templates). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

const migrationsFolder = projectPath("src", "db", "migrations");
/** Serializes migrations when several processes start on one PostgreSQL database. */
const MIGRATION_LOCK = 727_001;

export interface OpenOptions {
  /** postgres:// URL; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; omitted means in memory (tests). */
  dataDir?: string;
  /** For an in-memory PGlite: start from this saved copy (`dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob;
  /**
   * PGlite only: its buffer cache in MB. PGlite runs in this process and fills the whole cache
   * when it starts, so a command that streams a file through once (an import) keeps about 100 MB
   * less resident with a small one, at the same speed. Without it, a data directory gets a cache
   * sized to its database (sharedBuffersFor) and an in-memory one PostgreSQL's default, 128 MB.
   */
  sharedBuffersMb?: number;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.dataDir, options.loadDataDir, options.sharedBuffersMb);
}

async function openPostgres(url: string): Promise<Database> {
  // Loaded only for PostgreSQL: the embedded engine's start does not pay for the pg driver.
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  const migrator = new pg.Client({ connectionString: url });
  await migrator.connect();
  try {
    const applied = await newestApplied((statement) => migrator.query(statement));
    if (!isUpToDate(applied, migrationsFolder)) {
      await migrator.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migratePg(drizzlePg(migrator, { schema }), { migrationsFolder });
    }
  } finally {
    await migrator.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await migrator.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  nameRepeatedStatements(pool);
  // An idle connection the server closes (restart, failover) must not crash the process; the
  // pool replaces it on the next query.
  pool.on("error", (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, engine: "postgres", close: () => pool.end() };
}

async function openPglite(dataDir?: string, loadDataDir?: Blob, sharedBuffersMb?: number): Promise<Database> {
  let release = (): void => undefined;
  let client: PGlite;
  const buffers = (megabytes: number) => ({
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${megabytes}MB`],
  });
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    release = acquireDirectoryLock(dataDir);
    try {
      const pgliteDir = join(dataDir, "pglite");
      client = await PGlite.create(pgliteDir, buffers(sharedBuffersMb ?? sharedBuffersFor(pgliteDir)));
    } catch (error) {
      release();
      throw error;
    }
  } else {
    const start = sharedBuffersMb === undefined ? {} : buffers(sharedBuffersMb);
    client = await PGlite.create(loadDataDir ? { loadDataDir, ...start } : start);
  }
  const drizzleDb = drizzlePglite(client, { schema });
  const applied = await newestApplied((statement) => client.query(statement));
  if (!isUpToDate(applied, migrationsFolder)) await migratePglite(drizzleDb, { migrationsFolder });
  // After the migrations: their one-off statements need not be kept.
  keepStatementsPrepared(client);
  return {
    db: drizzleDb as unknown as Db,
    engine: "pglite",
    dumpDataDir: () => client.dumpDataDir("none"),
    close: async () => {
      await client.close();
      release();
    },
  };
}
