import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { openDatabase, type Database, type Db } from "../db/open.js";
import { ensureReferenceData } from "../db/reference-data.js";
import { analyzeChangedTables } from "../db/pglite-analyze.js";
import { ensureIndicatorCatalog } from "./features/impact/catalog.js";
import { ensureStarterResources } from "./features/resources/starter.js";
import { buildApp } from "./app.js";
import { readConfig, type Config } from "./config.js";
import { serverDeps } from "./server-deps.js";
import type { Actor } from "./deps.js";
import type { SessionCache } from "./lib/session-cache.js";
import { ensureAdmin, purgeExpired } from "./features/auth/service.js";
import { sendActionReminders } from "./features/agenda/reminders.js";
import { runVoteDeadlines } from "./features/agenda/vote-deadlines.js";
import { runDueJobs } from "./features/digest/digest.js";
import { sendEventReminders } from "./features/events/reminders.js";
import { ORPHAN_GRACE_MS, removeOrphanFiles } from "./lib/file-cleanup.js";
import { queryRows } from "../db/query.js";

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** Remembered sessions, on PostgreSQL (see SessionCache). */
  sessions: SessionCache<Actor> | undefined;
  stop(): Promise<void>;
}

async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select (select count(*) from users) + (select count(*) from partnerships) as n`,
  );
  return Number(row?.n ?? 0) === 0;
}

/** Secret tokens travel in some URLs (invitations); they never reach the logs. */
export function redactUrl(url: string): string {
  return (
    url
      .replace(
        /\/(invitations|reset-password|password-reset|signin\/link|sign-in-link|me\/email|meeting-feeds|email-link)\/(?!confirm(?:[/?#]|$))[^/?#]+/g,
        "/$1/[token]",
      )
      // The one-tap page of an action reminder: /action-link/<action>/<token>.
      .replace(/\/action-link\/([^/?#]+)\/[^/?#]+/g, "/action-link/$1/[token]")
      .replace(/([?&]token=)[^&#]+/g, "$1[token]")
  );
}

function loggerOptions(config: Config) {
  const level = config.LOG_LEVEL ?? (config.NODE_ENV === "test" ? "warn" : "info");
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
    },
    ...(config.NODE_ENV === "development"
      ? {
          transport: {
            target: "pino-pretty",
            options: { translateTime: "HH:MM:ss", ignore: "pid,hostname" },
          },
        }
      : {}),
  };
}

/** Opens the database, prepares it, and listens; `stop` closes both cleanly. */
export interface StartOptions {
  /**
   * Loads demo data (DEMO_DATA=true, or auto on an empty database). The CLI passes the demo
   * loader: the server itself knows nothing of demo data.
   */
  loadDemoData?: (db: Db) => Promise<unknown>;
}

export async function startServer(
  config: Config = readConfig(),
  options: StartOptions = {},
): Promise<RunningServer> {
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  let stopListening = async () => {};
  try {
    const logger = loggerOptions(config);
    const composed = serverDeps(database, config);
    stopListening = composed.close;
    const { deps } = composed;
    await ensureReferenceData(database.db);
    await ensureIndicatorCatalog(database.db);
    await ensureStarterResources(database.db);
    const firstRun = await isEmpty(database);
    if (options.loadDemoData && (config.DEMO_DATA === "true" || (config.DEMO_DATA === "auto" && firstRun))) {
      await options.loadDemoData(database.db);
    }
    if (config.ADMIN_EMAIL && config.ADMIN_PASSWORD)
      await ensureAdmin(deps, config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    const app = await buildApp(deps, { logger, web: true });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const url = config.PUBLIC_URL ?? `http://localhost:${port}`;
    // Once a minute (HOUSEKEEPING_SECONDS): retry mail that failed, forget expired sessions, remind owners of due actions,
    // close vote rounds at their closing date and remind voters the day before; on PGlite, analyze changed tables.
    const housekeeping = setInterval(() => {
      deps.mailer.deliver().catch((error: unknown) => app.log.warn({ err: error }, "mail delivery failed"));
      purgeExpired(deps).catch((error: unknown) => app.log.warn({ err: error }, "session cleanup failed"));
      sendActionReminders(deps).catch((error: unknown) =>
        app.log.warn({ err: error }, "action reminders failed"),
      );
      runVoteDeadlines(deps).catch((error: unknown) => app.log.warn({ err: error }, "vote deadlines failed"));
      sendEventReminders(deps).catch((error: unknown) =>
        app.log.warn({ err: error }, "event reminders failed"),
      );
      runDueJobs(deps).catch((error: unknown) => app.log.warn({ err: error }, "scheduled jobs failed"));
      // PostgreSQL's autovacuum keeps the planner's statistics fresh; PGlite has none.
      if (database.engine === "pglite")
        analyzeChangedTables(database.db).catch((error: unknown) =>
          app.log.warn({ err: error }, "refreshing the planner's statistics failed"),
        );
    }, config.HOUSEKEEPING_SECONDS * 1000);
    housekeeping.unref();
    // Hourly, and once at start: files on disk that no row names any more.
    let sweeping: Promise<unknown> = Promise.resolve();
    const sweepFiles = () => {
      sweeping = removeOrphanFiles(deps).catch((error: unknown) =>
        app.log.warn({ err: error }, "file clean-up failed"),
      );
    };
    sweepFiles();
    const fileSweep = setInterval(sweepFiles, ORPHAN_GRACE_MS);
    fileSweep.unref();
    deps.mailer.deliverSoon();
    return {
      app,
      database,
      url,
      sessions: deps.sessions,
      stop: async () => {
        clearInterval(housekeeping);
        clearInterval(fileSweep);
        await sweeping;
        await stopListening();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await stopListening();
    await database.close();
    throw error;
  }
}
