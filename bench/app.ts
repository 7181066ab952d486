/** The app as the benchmarks run it: over their own PostgreSQL database, no SMTP, no logging. */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Database } from "../src/db/open.js";
import { buildApp } from "../src/server/app.js";
import { readConfig } from "../src/server/config.js";
import type { AppDeps } from "../src/server/deps.js";
import { databaseFileStore } from "../src/db/files.js";
import { AnswerCache } from "../src/server/lib/answer-cache.js";
import { Mailer } from "../src/server/lib/mailer.js";

export async function benchApp(
  database: Database,
  url: string,
): Promise<{ app: FastifyInstance; deps: AppDeps }> {
  const config = readConfig({
    NODE_ENV: "production",
    DATABASE_URL: url,
    DEMO_DATA: "false",
    PUBLIC_URL: "http://localhost",
  });
  const deps: AppDeps = {
    db: database.db,
    engine: database.engine,
    config,
    mailer: new Mailer(database.db, undefined, config.MAIL_FROM),
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    answers: new AnswerCache(),
    files: databaseFileStore(),
  };
  return { app: await buildApp(deps, { logger: false }), deps };
}

/** Signs a new person up the ordinary way; answers the cookie header of their session. */
export async function signUpForBench(
  app: FastifyInstance,
  name: string,
): Promise<{ headers: { cookie: string }; personId: string }> {
  const signup = await app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: { email: `bench-${randomUUID()}@example.org`, password: "correct horse battery", name },
  });
  const cookie = signup.cookies.find((c) => c.name === "st_session");
  if (!cookie) throw new Error(`sign-up failed: ${signup.body}`);
  return {
    headers: { cookie: `st_session=${cookie.value}` },
    personId: signup.json<{ personId: string }>().personId,
  };
}
