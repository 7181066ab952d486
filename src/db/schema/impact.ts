import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { partnerships } from "./partnerships.js";
import { users } from "./accounts.js";

const areaEnum = [
  "businesses",
  "regional_economy",
  "people",
  "community",
  "public_programs",
  "systems_change",
] as const;
const visibilityEnum = ["partnership", "community", "public"] as const;

/** The indicator catalog of the Community of Practice; a retired indicator keeps its data. */
export const indicators = pgTable(
  "indicators",
  {
    key: text("key").primaryKey(),
    name: text("name").notNull(),
    definition: text("definition").notNull().default(""),
    area: text("area", { enum: areaEnum }).notNull(),
    unit: text("unit", { enum: ["count", "percent", "days", "dollars", "yes_no"] }).notNull(),
    direction: text("direction", { enum: ["higher", "lower"] }).notNull(),
    rollup: text("rollup", { enum: ["sum", "compare", "share"] }).notNull(),
    /** For leveraged funding (dollars): where the money came from, so reports can add it up by source. */
    fundingSource: text("funding_source", {
      enum: ["federal", "state", "local", "private", "philanthropic"],
    }),
    /** Order within its area in the default catalog; added indicators come after. */
    position: integer("position").notNull().default(1000),
    /**
     * Set for a partnership's own indicator: tracked and charted like the catalog's, but out of
     * benchmarks and roll-ups until a community admin adopts it (clears this; values stay with it).
     */
    ownerPartnershipId: uuid("owner_partnership_id").references(() => partnerships.id, {
      onDelete: "cascade",
    }),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("indicators_owner_idx").on(t.ownerPartnershipId)],
);

/** The indicators a partnership tracks, with its "story behind the numbers" for each. */
export const trackedIndicators = pgTable(
  "tracked_indicators",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    indicatorKey: text("indicator_key")
      .notNull()
      .references(() => indicators.key),
    whatHappened: text("what_happened").notNull().default(""),
    partners: text("partners").notNull().default(""),
    whatWorks: text("what_works").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    storyVisibility: text("story_visibility", { enum: visibilityEnum }).notNull().default("partnership"),
    storyUpdatedAt: timestamp("story_updated_at", { withTimezone: true }),
    storyUpdatedBy: uuid("story_updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.indicatorKey] })],
);

/** One value per partnership, indicator, kind and period; edits move the old row to revisions. */
export const measurements = pgTable(
  "measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    indicatorKey: text("indicator_key")
      .notNull()
      .references(() => indicators.key),
    kind: text("kind", { enum: ["actual", "baseline", "target"] }).notNull(),
    period: text("period").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source").notNull().default(""),
    note: text("note").notNull().default(""),
    visibility: text("visibility", { enum: visibilityEnum }).notNull(),
    enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("measurements_identity_idx").on(t.partnershipId, t.indicatorKey, t.kind, t.period),
    // Benchmarks and roll-ups read every partnership's actual value of one indicator and period.
    index("measurements_peers_idx").on(
      t.indicatorKey,
      t.period,
      t.kind,
      t.visibility,
      t.partnershipId,
      t.value,
    ),
    index("measurements_period_idx").on(t.period, t.kind, t.visibility),
    // A sync: the values entered or changed after a moment, in that order.
    index("measurements_entered_at_idx").on(t.enteredAt, t.id),
  ],
);

/** Earlier versions of measurements: who entered what, when, until it was replaced. */
export const measurementRevisions = pgTable(
  "measurement_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    measurementId: uuid("measurement_id")
      .notNull()
      .references(() => measurements.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source").notNull(),
    note: text("note").notNull(),
    visibility: text("visibility", { enum: visibilityEnum }).notNull(),
    enteredBy: uuid("entered_by"),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
    replacedBy: uuid("replaced_by"),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("measurement_revisions_measurement_idx").on(t.measurementId)],
);

/** Impact stories: the narratives numbers cannot tell. Markdown, rendered and sanitized on read. */
export const impactStories = pgTable(
  "impact_stories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    storyDate: date("story_date").notNull(),
    area: text("area", { enum: areaEnum }).notNull(),
    body: text("body").notNull().default(""),
    indicatorKeys: text("indicator_keys").array().notNull().default([]),
    priorityIds: text("priority_ids").array().notNull().default([]),
    visibility: text("visibility", { enum: visibilityEnum }).notNull(),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("impact_stories_partnership_idx").on(t.partnershipId, t.storyDate)],
);

/** A partnership's impact choices: whether peers may see its name in benchmarks. */
export const impactSettings = pgTable("impact_settings", {
  partnershipId: uuid("partnership_id")
    .primaryKey()
    .references(() => partnerships.id, { onDelete: "cascade" }),
  namedInBenchmarks: boolean("named_in_benchmarks").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Measurements that were deleted (not replaced), kept so that a state system syncing with
 * `GET /api/sync/measurements?updatedSince=` learns they are gone. Only the visibility is kept:
 * a reader is told of a deletion only when they could read the value.
 */
export const measurementDeletions = pgTable(
  "measurement_deletions",
  {
    measurementId: uuid("measurement_id").primaryKey(),
    partnershipId: uuid("partnership_id").notNull(),
    visibility: text("visibility", { enum: visibilityEnum }).notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("measurement_deletions_deleted_at_idx").on(t.deletedAt)],
);

/**
 * The employer value check: once a year a partnership asks its business members three questions
 * ("Is this partnership worth your time?" 0-10, what it changed for your company, what to change).
 */
export const employerValueChecks = pgTable(
  "employer_value_checks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    openedBy: uuid("opened_by").references(() => users.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("employer_value_checks_year_idx").on(t.partnershipId, t.year)],
);

/** One business member's answers to a value check; individual answers are never shown. */
export const employerValueAnswers = pgTable(
  "employer_value_answers",
  {
    checkId: uuid("check_id")
      .notNull()
      .references(() => employerValueChecks.id, { onDelete: "cascade" }),
    /** The person answering (people.id): one answer per business member, replaced while open. */
    personId: uuid("person_id").notNull(),
    worth: integer("worth").notNull(),
    changed: text("changed").notNull().default(""),
    toChange: text("to_change").notNull().default(""),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.personId] })],
);
