import type { Locale } from "../core/i18n/locales.js";
import type { TokenAccess } from "../core/api-tokens.js";
import type { FileStore } from "../db/files.js";
import type { Db } from "../db/open.js";
import type { Config } from "./config.js";
import type { AnswerCache } from "./lib/answer-cache.js";
import type { Mailer } from "./lib/mailer.js";
import type { SessionCache } from "./lib/session-cache.js";
import type { StampedCache } from "./lib/stamped-cache.js";

/** Everything a request needs from outside; the same shape in the server and in every test. */
export interface AppDeps {
  db: Db;
  engine: "pglite" | "postgres";
  config: Config;
  mailer: Mailer;
  /** The clock, so tests can move time (expiry of links, lock-outs) without sleeping. */
  now: () => Date;
  /** Waiting, injected so tests can see the sign-in slow-down without spending the time. */
  sleep: (ms: number) => Promise<void>;
  /** Cached answers of the public directory; services invalidate it when they change its data. */
  answers: AnswerCache;
  /** Uploaded files: on disk under the data directory, or in the database. */
  files: FileStore;
  /** Answers kept with the database's change stamp they were read at (action plans' rows). */
  stamped: StampedCache;
  /**
   * Who recent session cookies stand for, where the database's notices keep it true (a server
   * on PostgreSQL, listening); without it every signed-in request looks its session up.
   */
  sessions?: SessionCache<Actor>;
}

export interface Actor {
  userId: string;
  personId: string;
  email: string;
  name: string;
  isAdmin: boolean;
  /** The language the person chose on the account page; absent until they choose. */
  locale?: Locale;
  /** Set when the request came with an API token instead of a session. */
  token?: { id: string; access: TokenAccess };
}
