import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizationKinds } from "../../core/vocabulary.js";
import { users } from "./accounts.js";
import { people } from "./members.js";

const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updated = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/**
 * A regional support team: the conveners and public partners of a region (counties, no industry
 * yet) who study its economy, shortlist candidate industries and do the first stage of the
 * process together, then start one or more partnerships from it.
 */
export const regionalTeams = pgTable("regional_teams", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** What the team calls its region ("Northeast Colorado"), for suggested partnership names. */
  regionName: text("region_name").notNull().default(""),
  description: text("description").notNull().default(""),
  /** Set when the region was given as a CBSA (its counties at the time are in the county table). */
  cbsaCode: text("cbsa_code"),
  /** The state most of its counties are in: state coordinators see the team. */
  stateFips: text("state_fips").notNull(),
  /** Optimistic concurrency: a write must name the version it read. */
  version: integer("version").notNull().default(1),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: created(),
  updatedAt: updated(),
  /** Set when its conveners close it; its partnerships keep going. */
  archivedAt: timestamp("archived_at", { withTimezone: true }),
});

export const regionalTeamCounties = pgTable(
  "regional_team_counties",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => regionalTeams.id, { onDelete: "cascade" }),
    fips: text("fips").notNull(),
    stateFips: text("state_fips").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.fips] }), index("regional_team_counties_fips_idx").on(t.fips)],
);

/** The team's organizations (workforce board, college, economic development, …). */
export const regionalTeamOrganizations = pgTable(
  "regional_team_organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => regionalTeams.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: organizationKinds }).notNull(),
    website: text("website"),
    createdAt: created(),
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("regional_team_organizations_team_idx").on(t.teamId)],
);

/** The team's people: conveners run it, partners take part. */
export const regionalTeamMembers = pgTable(
  "regional_team_members",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => regionalTeams.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").references(() => regionalTeamOrganizations.id),
    role: text("role", { enum: ["convener", "partner"] }).notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("regional_team_members_person_team_idx").on(t.teamId, t.personId),
    index("regional_team_members_person_idx").on(t.personId),
  ],
);

/** Shared notes of the team (Markdown, sanitized when shown). */
export const regionalTeamNotes = pgTable(
  "regional_team_notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => regionalTeams.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("regional_team_notes_team_idx").on(t.teamId, t.createdAt)],
);

/** The team's shortlist of candidate industries (NAICS codes), with why. */
export const regionalTeamCandidates = pgTable(
  "regional_team_candidates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => regionalTeams.id, { onDelete: "cascade" }),
    naicsCode: text("naics_code").notNull(),
    title: text("title").notNull(),
    note: text("note").notNull().default(""),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex("regional_team_candidates_code_idx").on(t.teamId, t.naicsCode)],
);

/** The first stage's checklist steps, ticked by the team (keys of core/stages.ts). */
export const regionalTeamSteps = pgTable(
  "regional_team_steps",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => regionalTeams.id, { onDelete: "cascade" }),
    stepKey: text("step_key").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }).notNull().defaultNow(),
    doneBy: uuid("done_by").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.stepKey] })],
);
