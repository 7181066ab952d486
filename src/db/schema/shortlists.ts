import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";

/**
 * A regional team's shortlist of candidate industries for one region (counties, or a CBSA and
 * its counties at the time), at one NAICS level and year of the BLS QCEW figures. The person
 * who creates it owns it; teammates they add may read it and edit its notes.
 */
export const industryShortlists = pgTable(
  "industry_shortlists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** What the team calls the region ("Central Ohio"), for the suggested partnership name. */
    regionName: text("region_name").notNull().default(""),
    counties: text("counties").array().notNull(),
    cbsaCode: text("cbsa_code"),
    naicsLevel: text("naics_level").notNull(),
    year: integer("year").notNull(),
    ownership: text("ownership").notNull().default("private"),
    /** Bumped on every change of the shortlist's own fields: a stale edit answers 409. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("industry_shortlists_owner_idx").on(t.ownerId)],
);

export const industryShortlistItems = pgTable(
  "industry_shortlist_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shortlistId: uuid("shortlist_id")
      .notNull()
      .references(() => industryShortlists.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    title: text("title").notNull(),
    note: text("note").notNull().default(""),
    /** Bumped on every note edit: a teammate's stale edit answers 409. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("industry_shortlist_items_code_idx").on(t.shortlistId, t.code)],
);

/** Teammates of a shortlist: they read it and edit its notes. */
export const industryShortlistMembers = pgTable(
  "industry_shortlist_members",
  {
    shortlistId: uuid("shortlist_id")
      .notNull()
      .references(() => industryShortlists.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.shortlistId, t.userId] }),
    index("industry_shortlist_members_user_idx").on(t.userId),
  ],
);
