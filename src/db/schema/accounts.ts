import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** A deleted account keeps its row (its posts point at it) with `deleted-<id>@invalid` here. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** Null for an account made by an invitation or an e-mail link: its owner may add one later. */
  passwordHash: text("password_hash"),
  isAdmin: boolean("is_admin").notNull().default(false),
  /**
   * A service account: made by the community admin for a coordinator scope so a state system's
   * API token reads that scope. It has no password and cannot sign in.
   */
  isService: boolean("is_service").notNull().default(false),
  /**
   * The language the person reads Shared Table in ("en", "es"): pages, e-mails, calendar
   * entries. Null until chosen on the account page; their mail is then in English.
   */
  locale: text("locale"),
  createdAt: created(),
  /** Set when the owner deleted the account: personal data erased, contributions kept. */
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
});

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's token: a stolen database does not yield live sessions. */
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: created(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: created(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("password_resets_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Every reset request per address, known or not: the hourly mail limit counts these, and an
 * unknown address costs the same writes as a known one.
 */
export const resetRequests = pgTable(
  "reset_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    createdAt: created(),
    /** Whether a mail went out; the limit counts sent mails only. */
    sent: boolean("sent").notNull().default(false),
  },
  (t) => [index("reset_requests_email_idx").on(t.email, t.createdAt)],
);

/** Sign-in attempts per e-mail address, shared by every server process through the database. */
export const loginThrottle = pgTable("login_throttle", {
  email: text("email").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
});

/** Failed sign-ins per client address, across e-mail addresses. */
export const loginIpThrottle = pgTable("login_ip_throttle", {
  ip: text("ip").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One-time sign-in links: asked for on the sign-in page (`requested`), or mailed to the owner of
 * an address that too many wrong passwords hit (`locked`).
 */
export const signInLinks = pgTable(
  "sign_in_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: created(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    purpose: text("purpose").notNull().default("locked"),
    /** The same-site path to open once signed in. */
    nextPath: text("next_path"),
    /** SHA-256 of the asking browser's cookie: another browser must confirm before the link signs it in. */
    browserHash: text("browser_hash"),
    /** Where the request came from, as the e-mail and the link's page say it (address and browser). */
    requestedFrom: text("requested_from"),
  },
  (t) => [index("sign_in_links_user_idx").on(t.userId, t.createdAt)],
);

/** Every request for a sign-in link, known address or not: the per-address and per-network limits count them. */
export const signInLinkRequests = pgTable(
  "sign_in_link_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    createdAt: created(),
    /** Whether a mail went out; the per-address limit counts sent mails only. */
    sent: boolean("sent").notNull().default(false),
  },
  (t) => [
    index("sign_in_link_requests_email_idx").on(t.email, t.createdAt),
    index("sign_in_link_requests_ip_idx").on(t.ip, t.createdAt),
  ],
);

/** A change of e-mail address waiting for the link sent to the new address. */
export const emailChanges = pgTable(
  "email_changes",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    newEmail: text("new_email").notNull(),
    createdAt: created(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("email_changes_user_idx").on(t.userId)],
);
