import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { partnerships } from "./partnerships.js";

const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * A state or regional coordinator's scope: every partnership of a state, or of a region (a set of
 * counties, e.g. a CBSA's), read-only unless they are invited to a table.
 */
export const coordinatorScopes = pgTable(
  "coordinator_scopes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["state", "region"] }).notNull(),
    /** The state of a state scope; for a region, the state most of its counties are in. */
    stateFips: text("state_fips").notNull(),
    /** A region's name ("Northeast Ohio"); a state scope is named by its state. */
    name: text("name").notNull().default(""),
    /** Set when the region was given as a CBSA: its counties are in coordinator_scope_counties. */
    cbsaCode: text("cbsa_code"),
    assignedBy: uuid("assigned_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: created(),
  },
  (t) => [index("coordinator_scopes_user_idx").on(t.userId)],
);

/** The counties of a regional scope. */
export const coordinatorScopeCounties = pgTable(
  "coordinator_scope_counties",
  {
    scopeId: uuid("scope_id")
      .notNull()
      .references(() => coordinatorScopes.id, { onDelete: "cascade" }),
    countyFips: text("county_fips").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scopeId, t.countyFips] }),
    index("coordinator_scope_counties_county_idx").on(t.countyFips),
  ],
);

/** Every time a coordinator reads a partnership's members-only data: its conveners see the list. */
export const coordinatorAccessLog = pgTable(
  "coordinator_access_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    /** What was read, in words ("impact values", "assessment results"). */
    what: text("what").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("coordinator_access_log_partnership_idx").on(t.partnershipId, t.at)],
);
