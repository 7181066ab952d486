import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { RubricContent } from "../../core/assessment-scoring.js";
import type { RubricTranslations } from "../../core/rubric-translation.js";
import { users } from "./accounts.js";
import { people } from "./members.js";
import { partnerships } from "./partnerships.js";

/**
 * Versions of the rubric "Is your partnership Next Gen?". A draft is edited by community admins;
 * once published a version is never changed, only succeeded, because rounds keep pointing at it.
 */
export const assessmentRubrics = pgTable("assessment_rubrics", {
  version: integer("version").primaryKey(),
  status: text("status", { enum: ["draft", "published"] }).notNull(),
  content: jsonb("content").$type<RubricContent>().notNull(),
  /** Its texts in other languages, by key; scores never read them (src/core/rubric-translation.ts). */
  translations: jsonb("translations").$type<RubricTranslations>().notNull().default({}),
  /** Optimistic concurrency for drafts: an edit names the revision it read. */
  revision: integer("revision").notNull().default(1),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  publishedAt: timestamp("published_at", { withTimezone: true }),
});

/** A partnership's assessment round: opened by a convener, answered by members, then closed. */
export const assessmentRounds = pgTable(
  "assessment_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    rubricVersion: integer("rubric_version")
      .notNull()
      .references(() => assessmentRubrics.version),
    title: text("title").notNull(),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    openedBy: uuid("opened_by").references(() => users.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid("closed_by").references(() => users.id, { onDelete: "set null" }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    index("assessment_rounds_partnership_idx").on(t.partnershipId, t.openedAt),
    // One open round per partnership, even when two conveners press "open" at once.
    uniqueIndex("assessment_rounds_one_open_idx")
      .on(t.partnershipId)
      .where(sql`status = 'open'`),
  ],
);

/** One response per member and round, replaced while the round is open; never shown to others. */
export const assessmentResponses = pgTable(
  "assessment_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => assessmentRounds.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** The respondent's sector when they answered, from their organization's kind. */
    sector: text("sector", { enum: ["business", "public"] }).notNull(),
    answers: jsonb("answers").$type<Record<string, number>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("assessment_responses_round_person_idx").on(t.roundId, t.personId)],
);

/** A quick check a signed-in member chose to keep with a partnership; visible to them only. */
export const assessmentQuickSaves = pgTable(
  "assessment_quick_saves",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    rubricVersion: integer("rubric_version")
      .notNull()
      .references(() => assessmentRubrics.version),
    sector: text("sector", { enum: ["business", "public"] }).notNull(),
    answers: jsonb("answers").$type<Record<string, number>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("assessment_quick_saves_person_idx").on(t.personId, t.partnershipId)],
);
