import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
