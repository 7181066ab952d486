import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { databaseFileStore, diskFileStore } from "../db/files.js";
import pg from "pg";
import { inject } from "vitest";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { openDatabase, type Database } from "../db/open.js";
import { queryRows } from "../db/query.js";
import { ensureReferenceData } from "../db/reference-data.js";
import { ensureIndicatorCatalog } from "./features/impact/catalog.js";
import { ensureStarterResources } from "./features/resources/starter.js";
import { buildApp } from "./app.js";
import { readConfig } from "./config.js";
import type { AppDeps } from "./deps.js";
import { Mailer } from "./lib/mailer.js";
import { AnswerCache } from "./lib/answer-cache.js";
import { StampedCache } from "./lib/stamped-cache.js";
import { borrowTemplateDatabase } from "./test-pglite-pool.js";

export interface TestContext {
  app: FastifyInstance;
  deps: AppDeps;
  engine: "pglite" | "postgres";
  /** Moves the test clock forward (link expiry, lock-outs) without sleeping. */
  advance(ms: number): void;
  /** The waits the app asked for, newest last. */
  sleeps: number[];
  close(): Promise<void>;
}

/**
 * A fresh database per test file: PGlite in memory, or, when TEST_ENGINE=postgres, a new
 * database on TEST_DATABASE_URL's server that is dropped afterwards. The app is the real one.
 */
/**
 * The PGlite template (44 MB), read once per worker: a Blob is immutable, so every file's
 * database loads from the same one (reading it took about 450 ms a file).
 */
const templateBlobs = new Map<string, Promise<Blob>>();
function templateBlob(path: string): Promise<Blob> {
  let blob = templateBlobs.get(path);
  if (!blob) {
    blob = readFile(path).then((bytes) => new Blob([bytes]));
    templateBlobs.set(path, blob);
  }
  return blob;
}

/** A new database on TEST_DATABASE_URL's server, made from `template` when one is named. */
async function createPostgresTestDatabase(template: string) {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("TEST_ENGINE=postgres needs TEST_DATABASE_URL");
  const name = `st_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}${template ? ` template ${template}` : ""}`);
    // A test database is thrown away: its commits need not wait for the disk (about 0.5 ms each here).
    await admin.query(`alter database ${name} set synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return { database, drop: () => dropTestDatabase(baseUrl, name) };
}

/**
 * A database of the engine under test with the schema and the reference data only (no app
 * seeds, no users): an import's target, or the demo loader's. Closing it drops it.
 */
export async function openReferenceDatabase(): Promise<Database> {
  if (process.env.TEST_ENGINE === "postgres") {
    const { database, drop } = await createPostgresTestDatabase(inject("postgresReferenceTemplate"));
    await ensureReferenceData(database.db);
    return {
      ...database,
      close: async () => {
        await database.close();
        await drop();
      },
    };
  }
  const template = inject("pgliteReferenceTemplate");
  const database = await openDatabase(template ? { loadDataDir: await templateBlob(template) } : {});
  await ensureReferenceData(database.db);
  return database;
}

export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const usePostgres = process.env.TEST_ENGINE === "postgres";
  let database: Database;
  let release: () => Promise<void>;
  if (usePostgres) {
    let drop: () => Promise<void>;
    ({ database, drop } = await createPostgresTestDatabase(inject("postgresTemplate")));
    release = async () => {
      await database.close();
      await drop();
    };
  } else {
    const template = inject("pgliteTemplate");
    const borrowed = await borrowTemplateDatabase(async () =>
      openDatabase(template ? { loadDataDir: await templateBlob(template) } : {}),
    );
    database = borrowed.database;
    release = () => borrowed.giveBack();
  }
  await ensureReferenceData(database.db);
  await ensureIndicatorCatalog(database.db);
  await ensureStarterResources(database.db);
  // Files go to disk on PGlite, as in a server: a fresh folder per test file.
  const filesDir = await mkdtemp(join(tmpdir(), "shared-table-files-"));
  let offset = 0;
  const sleeps: number[] = [];
  const config = readConfig({ NODE_ENV: "test", PUBLIC_URL: "http://shared-table.test", ...env });
  const deps: AppDeps = {
    db: database.db,
    engine: database.engine,
    config,
    mailer: new Mailer(database.db, undefined, config.MAIL_FROM),
    now: () => new Date(Date.now() + offset),
    answers: new AnswerCache(),
    stamped: new StampedCache(),
    // As in a server: FILE_STORAGE when given, else disk on PGlite and the database on PostgreSQL.
    files:
      (config.FILE_STORAGE ?? (usePostgres ? "database" : "disk")) === "disk"
        ? diskFileStore(filesDir)
        : databaseFileStore(),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
  const app = await buildApp(deps);
  return {
    app,
    deps,
    engine: database.engine,
    sleeps,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      await app.close();
      await release();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

/** The session cookie of a response, ready to send back. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "st_session");
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `st_session=${cookie.value}`;
}

/**
 * Drops a test database once the closed pools' connections are really gone: killing a backend
 * that is still saying goodbye reaches its client as an uncaught "terminating connection" error.
 */
export async function dropTestDatabase(baseUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = $1",
        [name],
      );
      if ((rows[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

let counter = 0;
const SIGN_UP_PASSWORD = "correct horse battery";

/**
 * Signs up a fresh user as a person does (asks, opens the mailed link in the same browser), then
 * adds a password ("correct horse battery") so tests may sign in with one; answers their cookie
 * and identity. Each sign-up comes from a network of its own, so the per-network limit on mailed
 * links (a room of people at a launch) never stops a test that makes many accounts.
 */
export async function signUp(ctx: TestContext, name = "Test User", options: { email?: string } = {}) {
  counter += 1;
  const email = options.email ?? `user${counter}-${randomBytes(3).toString("hex")}@example.org`;
  const remoteAddress = `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
  const asked = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: { email, name },
    remoteAddress,
  });
  if (asked.statusCode !== 202) throw new Error(`signup failed: ${asked.body}`);
  const browser = asked.cookies.find((c) => c.name === "st_link_browser")?.value ?? "";
  const [mail] = await queryRows<{ id: string; text: string }>(
    ctx.deps.db,
    sql`select id, text from outbox where "to" = ${email} order by created_at desc limit 1`,
  );
  const token = mail && /\/signup\/link\?token=([\w.-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no sign-up link was mailed to ${email}`);
  const made = await ctx.app.inject({
    method: "POST",
    url: "/api/auth/sign-up-link",
    payload: { token },
    cookies: { st_link_browser: browser },
  });
  if (made.statusCode !== 201) throw new Error(`sign-up link failed: ${made.body}`);
  // The person read that mail: tests then find in the outbox only what their own steps sent.
  await ctx.deps.db.execute(sql`delete from outbox where id = ${mail.id}`);
  const cookie = sessionCookie(made);
  const password = await ctx.app.inject({
    method: "PATCH",
    url: "/api/me",
    payload: { newPassword: SIGN_UP_PASSWORD },
    headers: { cookie },
  });
  if (password.statusCode !== 200) throw new Error(`adding a password failed: ${password.body}`);
  const me = made.json<{ id: string; personId: string }>();
  return { cookie, email, userId: me.id, personId: me.personId };
}

/**
 * Signs a person up and seats them at a partnership through a real invitation, accepted by the
 * link mailed to them; answers the person as `signUp` does.
 */
export async function seatByInvitation(
  ctx: TestContext,
  partnershipId: string,
  byCookie: string,
  name: string,
  organizationId: string,
  role: string,
) {
  const user = await signUp(ctx, name);
  const invited = await ctx.app.inject({
    method: "POST",
    url: `/api/partnerships/${partnershipId}/invitations`,
    headers: { cookie: byCookie },
    payload: { email: user.email, name, role, organizationId },
  });
  if (invited.statusCode !== 201) throw new Error(`invitation failed: ${invited.body}`);
  const [mail] = await queryRows<{ text: string }>(
    ctx.deps.db,
    sql`select text from outbox where "to" = ${user.email} order by created_at desc limit 1`,
  );
  const token = mail && /\/invitations\/([\w-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no invitation was mailed to ${user.email}`);
  const accepted = await ctx.app.inject({
    method: "POST",
    url: `/api/invitations/${token}/accept`,
    headers: { cookie: user.cookie },
  });
  if (accepted.statusCode !== 200) throw new Error(`accepting failed: ${accepted.body}`);
  return user;
}

export const denverRegion = { counties: ["08031", "08005", "08059"], naics: ["31-33"] };

export async function createPartnership(
  ctx: TestContext,
  cookie: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; slug: string; version: number }> {
  const response = await ctx.app.inject({
    method: "POST",
    url: "/api/partnerships",
    headers: { cookie },
    payload: { name: "Metro Denver Manufacturing Partnership", setting: "metro", ...denverRegion, ...body },
  });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.body}`);
  return response.json();
}
