import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../db/open.js";
import { openFileStore, type FileStore } from "../db/files.js";
import type { Config } from "./config.js";
import type { Actor, AppDeps } from "./deps.js";
import { AnswerCache } from "./lib/answer-cache.js";
import { StampedCache } from "./lib/stamped-cache.js";
import { listenForChanges } from "./lib/change-feed.js";
import { Mailer } from "./lib/mailer.js";
import { SessionCache } from "./lib/session-cache.js";

export interface ServerDeps {
  deps: AppDeps;
  /** Stops listening to the database's notices (PostgreSQL only). */
  close: () => Promise<void>;
}

/**
 * What a running server hands its requests: the real clock, mail, files and caches, and on
 * PostgreSQL the feed of every process's changes, which keeps the answer cache and the
 * remembered sessions true. The server and the benchmarks compose it here, so that what the
 * benchmarks measure is what runs.
 */
export function serverDeps(
  database: Database,
  config: Config,
  options: { files?: FileStore; log?: FastifyBaseLogger } = {},
): ServerDeps {
  const sessions = config.DATABASE_URL ? new SessionCache<Actor>() : undefined;
  const deps: AppDeps = {
    db: database.db,
    engine: database.engine,
    config,
    mailer: new Mailer(database.db, config.SMTP_URL, config.MAIL_FROM),
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    answers: new AnswerCache(),
    stamped: new StampedCache(),
    files:
      options.files ??
      openFileStore({ storage: config.FILE_STORAGE, engine: database.engine, dataDir: config.DATA_DIR }),
    sessions,
  };
  const feed = config.DATABASE_URL
    ? listenForChanges(
        config.DATABASE_URL,
        {
          directory: (only) => deps.answers.invalidate(only),
          sessions: sessions && {
            forget: (userId) => (userId ? sessions.forgetUser(userId) : sessions.forgetEveryone()),
            listening: (heard) => sessions.setListening(heard),
          },
        },
        options.log,
      )
    : null;
  return { deps, close: async () => feed?.close() };
}
