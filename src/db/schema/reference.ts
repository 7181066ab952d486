import { integer, pgTable, text, index } from "drizzle-orm/pg-core";

export const naicsCodes = pgTable("naics_codes", {
  code: text("code").primaryKey(),
  title: text("title").notNull(),
  level: integer("level").notNull(),
  edition: integer("edition").notNull(),
});

export const states = pgTable("states", {
  fips: text("fips").primaryKey(),
  abbr: text("abbr").notNull().unique(),
  name: text("name").notNull(),
});

export const counties = pgTable(
  "counties",
  {
    fips: text("fips").primaryKey(),
    name: text("name").notNull(),
    stateFips: text("state_fips").notNull(),
    cbsaCode: text("cbsa_code"),
    cbsaTitle: text("cbsa_title"),
    /** metro, micro or noncore; null until a CBSA delineation is imported. */
    cbsaType: text("cbsa_type", { enum: ["metro", "micro", "noncore"] }),
  },
  (t) => [index("counties_state_idx").on(t.stateFips)],
);
