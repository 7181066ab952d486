/** The app as the benchmarks run it: over their own PostgreSQL database, no SMTP, no logging. */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { sql } from "drizzle-orm";
import type { Database, Executor } from "../src/db/open.js";
import { queryRows } from "../src/db/query.js";
import { buildApp } from "../src/server/app.js";
import { readConfig } from "../src/server/config.js";
import type { AppDeps } from "../src/server/deps.js";
import { databaseFileStore } from "../src/db/files.js";
import { serverDeps } from "../src/server/server-deps.js";

export async function benchApp(
  database: Database,
  /** The PostgreSQL URL, or the settings of the database (DATA_DIR for PGlite). */
  where: string | Record<string, string>,
): Promise<{ app: FastifyInstance; deps: AppDeps }> {
  const config = readConfig({
    NODE_ENV: "production",
    ...(typeof where === "string" ? { DATABASE_URL: where } : where),
    DEMO_DATA: "false",
    PUBLIC_URL: "http://localhost",
  });
  // Composed as the server composes it: on PostgreSQL it listens to the database's notices and
  // remembers sessions, as a deployed server does.
  const { deps, close } = serverDeps(database, config, { files: databaseFileStore() });
  const app = await buildApp(deps, { logger: false });
  app.addHook("onClose", close);
  return { app, deps };
}

/**
 * Signs a new person up the ordinary way (asks, opens the mailed link in the same browser);
 * answers the cookie header of their session.
 */
export async function signUpForBench(
  app: FastifyInstance,
  db: Executor,
  name: string,
): Promise<{ headers: { cookie: string }; personId: string }> {
  const email = `bench-${randomUUID()}@example.org`;
  const asked = await app.inject({ method: "POST", url: "/api/auth/signup", payload: { email, name } });
  if (asked.statusCode !== 202) throw new Error(`sign-up failed: ${asked.body}`);
  const browser = asked.cookies.find((c) => c.name === "st_link_browser")?.value ?? "";
  const [mail] = await queryRows<{ text: string }>(db, sql`select text from outbox where "to" = ${email}`);
  const token = mail && /token=([\w.-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no sign-up link was mailed to ${email}`);
  const made = await app.inject({
    method: "POST",
    url: "/api/auth/sign-up-link",
    payload: { token },
    cookies: { st_link_browser: browser },
  });
  const cookie = made.cookies.find((c) => c.name === "st_session");
  if (!cookie) throw new Error(`sign-up failed: ${made.body}`);
  return {
    headers: { cookie: `st_session=${cookie.value}` },
    personId: made.json<{ personId: string }>().personId,
  };
}
