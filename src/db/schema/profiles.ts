import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { partnerships } from "./partnerships.js";

const visibilityEnum = ["partnership", "community", "public"] as const;

/**
 * A partnership's benchmarking profile: its story in the framework's six parts, the indicators
 * and stories it features (their values are read live, never copied here), and whether it is
 * published and to whom. One per partnership; `revision` guards against a stale edit.
 */
export const benchmarkProfiles = pgTable(
  "benchmark_profiles",
  {
    partnershipId: uuid("partnership_id")
      .primaryKey()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    motivations: text("motivations").notNull().default(""),
    mechanisms: text("mechanisms").notNull().default(""),
    moments: text("moments").notNull().default(""),
    results: text("results").notNull().default(""),
    ingredients: text("ingredients").notNull().default(""),
    plans: text("plans").notNull().default(""),
    indicatorKeys: text("indicator_keys").array().notNull().default([]),
    storyIds: text("story_ids").array().notNull().default([]),
    status: text("status", { enum: ["draft", "published"] })
      .notNull()
      .default("draft"),
    visibility: text("visibility", { enum: visibilityEnum }).notNull().default("partnership"),
    revision: integer("revision").notNull().default(1),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("benchmark_profiles_published_idx").on(t.status, t.visibility)],
);

/** Earlier revisions of a profile: nothing a convener wrote is lost to the next edit. */
export const benchmarkProfileRevisions = pgTable(
  "benchmark_profile_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    editedBy: uuid("edited_by").references(() => users.id, { onDelete: "set null" }),
    editedAt: timestamp("edited_at", { withTimezone: true }).notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("benchmark_profile_revisions_partnership_idx").on(t.partnershipId, t.revision)],
);
