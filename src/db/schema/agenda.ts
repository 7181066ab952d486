import { sql } from "drizzle-orm";
import {
  bigint,
  date,
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
import { people } from "./members.js";
import { users } from "./accounts.js";
import { themes } from "../../core/vocabulary.js";

const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** Opportunities and challenges for the industry's growth, raised by business leaders. */
export const opportunities = pgTable(
  "opportunities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** What it is about (vocabulary.ts themes); null for those raised before themes existed. */
    theme: text("theme", { enum: themes }),
    raisedBy: uuid("raised_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: created(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("opportunities_partnership_idx").on(t.partnershipId)],
);

export const voteRounds = pgTable(
  "vote_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    method: text("method", { enum: ["dots", "rating"] }).notNull(),
    dotsPerVoter: integer("dots_per_voter"),
    status: text("status", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    openedBy: uuid("opened_by").references(() => users.id, { onDelete: "set null" }),
    openedAt: created(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id, { onDelete: "set null" }),
    /** When the round closes by itself (vote-deadlines.ts); null: when the convener closes it. */
    closesAt: timestamp("closes_at", { withTimezone: true }),
  },
  (t) => [
    index("vote_rounds_partnership_idx").on(t.partnershipId),
    index("vote_rounds_open_closes_idx")
      .on(t.closesAt)
      .where(sql`status = 'open'`),
  ],
);

export const voteRoundItems = pgTable(
  "vote_round_items",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => voteRounds.id, { onDelete: "cascade" }),
    opportunityId: uuid("opportunity_id")
      .notNull()
      .references(() => opportunities.id),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.opportunityId] })],
);

/** One ballot per voter and round; replaced whole while the round is open. */
export const ballots = pgTable(
  "ballots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => voteRounds.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: created(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ballots_round_person_idx").on(t.roundId, t.personId)],
);

export const ballotEntries = pgTable(
  "ballot_entries",
  {
    ballotId: uuid("ballot_id")
      .notNull()
      .references(() => ballots.id, { onDelete: "cascade" }),
    opportunityId: uuid("opportunity_id")
      .notNull()
      .references(() => opportunities.id),
    dots: integer("dots"),
    importance: integer("importance"),
    feasibility: integer("feasibility"),
  },
  (t) => [primaryKey({ columns: [t.ballotId, t.opportunityId] })],
);

export const priorities = pgTable(
  "priorities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    opportunityId: uuid("opportunity_id").references(() => opportunities.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    problem: text("problem").notNull().default(""),
    goal: text("goal").notNull().default(""),
    /** What it is about (vocabulary.ts themes); null for those raised before themes existed. */
    theme: text("theme", { enum: themes }),
    status: text("status", { enum: ["active", "achieved", "retired"] })
      .notNull()
      .default("active"),
    chosenAt: timestamp("chosen_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("priorities_partnership_idx").on(t.partnershipId, t.status)],
);

export const actionTeams = pgTable(
  "action_teams",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    priorityId: uuid("priority_id")
      .notNull()
      .references(() => priorities.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    index("action_teams_priority_idx").on(t.priorityId),
    index("action_teams_partnership_idx").on(t.partnershipId),
  ],
);

/** Champions must be business members (rule 1); members and support partners sign up. */
export const actionTeamMembers = pgTable(
  "action_team_members",
  {
    teamId: uuid("team_id")
      .notNull()
      .references(() => actionTeams.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["champion", "member", "support"] }).notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.personId] })],
);

export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => actionTeams.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    ownerId: uuid("owner_id").references(() => people.id, { onDelete: "set null" }),
    dueDate: date("due_date"),
    status: text("status", { enum: ["planned", "in_progress", "done", "stuck"] })
      .notNull()
      .default("planned"),
    progress: integer("progress").notNull().default(0),
    result: text("result").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: created(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("actions_team_idx").on(t.teamId),
    index("actions_partnership_due_idx").on(t.partnershipId, t.dueDate),
    index("actions_owner_idx").on(t.ownerId),
  ],
);

/** Dated progress notes on an action. */
export const actionUpdates = pgTable(
  "action_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    note: text("note").notNull(),
    progress: integer("progress"),
    status: text("status", { enum: ["planned", "in_progress", "done", "stuck"] }),
    authorId: uuid("author_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: created(),
  },
  (t) => [index("action_updates_action_idx").on(t.actionId)],
);

/**
 * Earlier versions of agenda records (priorities, actions, teams): nothing a user enters is
 * lost. `entity` names the table, `snapshot` is the row as JSON before the change.
 */
/**
 * A count per partnership moved by every change to what its action plan shows (priorities,
 * teams and their people, actions and their updates, members, their organizations and names),
 * by the triggers of migration 0023. A server keeps a plan's rows with the count it read them
 * at, and reads the count with the partnership: equal counts mean the kept rows are current,
 * in every server process, without a notice having to reach it first.
 */
export const agendaStamps = pgTable("agenda_stamps", {
  partnershipId: uuid("partnership_id")
    .primaryKey()
    .references(() => partnerships.id, { onDelete: "cascade" }),
  stamp: bigint("stamp", { mode: "number" }).notNull().default(0),
});

export const agendaRevisions = pgTable(
  "agenda_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entity: text("entity", { enum: ["priority", "action", "action_team"] }).notNull(),
    entityId: uuid("entity_id").notNull(),
    version: integer("version").notNull(),
    snapshot: text("snapshot").notNull(),
    changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agenda_revisions_entity_idx").on(t.entity, t.entityId)],
);

/**
 * One-tap links mailed with an action reminder (Done, On track, Stuck): each authorizes exactly
 * one change, on one action, for the person who owned it when it was mailed. Only the token's
 * hash is kept; a link works once (`used_at`) and until `expires_at`.
 */
export const actionLinks = pgTable(
  "action_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    choice: text("choice", { enum: ["done", "on_track", "stuck"] }).notNull(),
    createdAt: created(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("action_links_action_idx").on(t.actionId)],
);
