import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const partnerships = pgTable(
  "partnerships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    setting: text("setting", { enum: ["metro", "rural", "mixed"] }).notNull(),
    stage: text("stage", {
      enum: ["civic_infrastructure", "prepare", "launch", "act", "sustain"],
    }).notNull(),
    launchDate: date("launch_date"),
    contactName: text("contact_name").notNull().default(""),
    contactEmail: text("contact_email").notNull().default(""),
    contactPhone: text("contact_phone").notNull().default(""),
    website: text("website").notNull().default(""),
    /** Optimistic concurrency: a write must name the version it read. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /**
     * The regional support team it was started from (regional-teams.ts), if any. No foreign key
     * here so the schema files do not import each other; the migration adds it.
     */
    regionalTeamId: uuid("regional_team_id"),
  },
  (t) => [
    index("partnerships_name_idx").on(t.name),
    index("partnerships_regional_team_idx").on(t.regionalTeamId),
    // A sync: the partnerships changed after a moment, in that order.
    index("partnerships_updated_at_idx").on(t.updatedAt, t.id),
  ],
);

export const partnershipNaics = pgTable(
  "partnership_naics",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    code: text("code").notNull(),
    /** The order the convener gave: the first code is the partnership's main industry. */
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.code] }), index("partnership_naics_code_idx").on(t.code)],
);

export const partnershipCounties = pgTable(
  "partnership_counties",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    fips: text("fips").notNull(),
    stateFips: text("state_fips").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partnershipId, t.fips] }),
    index("partnership_counties_fips_idx").on(t.fips),
    index("partnership_counties_state_idx").on(t.stateFips, t.partnershipId),
  ],
);

/**
 * What the directory lists of each partnership, in one narrow row kept by the triggers of
 * migration 0022 whatever writes the partnership, its industries, counties or organizations.
 * A directory page then reads only the matching cards (found by the array indexes) instead of
 * the wide partnership rows and five lookups per row; its answer cache is cleared by every
 * directory write, so this is the read that people wait for.
 */
export const directoryCards = pgTable(
  "directory_cards",
  {
    /** The partnership's own id: one card per partnership, gone with it. */
    id: uuid("id")
      .primaryKey()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    setting: text("setting", { enum: ["metro", "rural", "mixed"] }).notNull(),
    stage: text("stage", {
      enum: ["civic_infrastructure", "prepare", "launch", "act", "sustain"],
    }).notNull(),
    launchDate: date("launch_date"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    /** Not deleted: the directory shows it. */
    listed: boolean("listed").notNull(),
    /** Its NAICS codes in the convener's order (the first is the main industry). */
    naics: text("naics").array().notNull().default([]),
    /**
     * Every leading part of two or more characters of each code (3363 gives 33, 336, 3363), so
     * that "this code or deeper" is one array overlap: a filter of 31-33 asks for 31, 32 or 33.
     */
    naicsKeys: text("naics_keys").array().notNull().default([]),
    counties: text("counties").array().notNull().default([]),
    stateFips: text("state_fips").array().notNull().default([]),
    /**
     * Each state with each industry key ("48:31" for a Texas manufacturing card), written by
     * PostgreSQL from the two (migration 0024): a page of a state's industry is one overlap on
     * one index, where the two overlaps read every card of the industry nationwide.
     */
    stateIndustryKeys: text("state_industry_keys")
      .array()
      .notNull()
      .generatedAlwaysAs(sql`directory_state_industry_keys(state_fips, naics_keys)`),
    businessCount: integer("business_count").notNull().default(0),
    publicCount: integer("public_count").notNull().default(0),
  },
  (t) => [
    index("directory_cards_naics_keys_idx").using("gin", t.naicsKeys),
    index("directory_cards_naics_idx").using("gin", t.naics),
    index("directory_cards_state_idx").using("gin", t.stateFips),
    index("directory_cards_state_industry_idx").using("gin", t.stateIndustryKeys),
    index("directory_cards_counties_idx").using("gin", t.counties),
    index("directory_cards_name_idx").on(t.name, t.id),
    index("directory_cards_updated_idx").on(t.updatedAt, t.id),
  ],
);

/**
 * One row for each state-and-industry key of each listed card, with the card's name (kept by the
 * triggers of migration 0025 from directory_cards). Its primary key is in the directory's order
 * within a key, so a state's industry page is the first rows of a few key ranges and its count
 * those ranges' distinct ids, both read from the index alone: the card table's GIN index finds
 * the same cards but then reads each one's row, for the count as for the page.
 */
export const directoryCardKeys = pgTable(
  "directory_card_keys",
  {
    key: text("key").notNull(),
    name: text("name").notNull(),
    id: uuid("id")
      .notNull()
      .references(() => directoryCards.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.key, t.name, t.id] }), index("directory_card_keys_id_idx").on(t.id)],
);

/** Previous versions of a partnership's profile: nothing a user enters is lost. */
export const partnershipRevisions = pgTable("partnership_revisions", {
  id: uuid("id").primaryKey().defaultRandom(),
  partnershipId: uuid("partnership_id")
    .notNull()
    .references(() => partnerships.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
  snapshot: text("snapshot").notNull(),
  changedBy: uuid("changed_by"),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});
