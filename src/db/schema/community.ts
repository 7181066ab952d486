import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { partnerships } from "./partnerships.js";

/** Practitioners who chose to appear in the people directory, with what they can help with. */
export const directoryListings = pgTable(
  "directory_listings",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    listed: boolean("listed").notNull().default(false),
    title: text("title").notNull().default(""),
    organizationKind: text("organization_kind").notNull().default("other"),
    /** Two-letter state abbreviation, or empty. */
    state: text("state").notNull().default(""),
    topics: jsonb("topics").$type<string[]>().notNull().default([]),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("directory_listings_listed_idx").on(t.listed, t.state)],
);

/**
 * Scheduled work that must survive a restart and run once: `key` is unique per piece of work
 * (e.g. digest:weekly:<userId>:2026-W48), so scheduling twice schedules once.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    key: text("key").notNull().unique(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    status: text("status", { enum: ["pending", "done", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp("done_at", { withTimezone: true }),
  },
  (t) => [index("jobs_due_idx").on(t.status, t.runAt)],
);

/** Keys the app makes for itself on first use (e.g. the unsubscribe signing key without SESSION_SECRET). */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each "ask to connect" sent from one partnership to another, so the asks of a pair can be
 * counted (at most a few a day); the messages themselves are in the outbox.
 */
export const connectRequests = pgTable(
  "connect_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    fromPartnershipId: uuid("from_partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    toPartnershipId: uuid("to_partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    senderId: uuid("sender_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("connect_requests_pair_idx").on(t.fromPartnershipId, t.toPartnershipId, t.createdAt)],
);
