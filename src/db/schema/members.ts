import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "./partnerships.js";
import { users } from "./accounts.js";
import { organizationKinds, seniorities } from "../../core/vocabulary.js";

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: organizationKinds }).notNull(),
    naics: text("naics"),
    sizeBand: text("size_band", { enum: ["1-9", "10-49", "50-249", "250-999", "1000+"] }),
    website: text("website"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when a convener removes the organization. The row stays so that former members, past
     * attendance and accepted invitations keep naming the organization they came from.
     */
    removedAt: timestamp("removed_at", { withTimezone: true }),
  },
  (t) => [index("organizations_partnership_idx").on(t.partnershipId, t.kind)],
);

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    email: text("email"),
    title: text("title"),
    /** A business member's seniority in their company (vocabulary.ts seniorities); null: not said. */
    seniority: text("seniority", { enum: seniorities }),
    /** Set when the person has an account; one person per account. */
    userId: uuid("user_id")
      .unique()
      .references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("people_email_idx").on(t.email)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id").references(() => organizations.id),
    role: text("role", {
      enum: ["champion", "business_member", "support", "convener", "observer"],
    }).notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when the person leaves or is removed: their attendance, ballots and updates stay. */
    leftAt: timestamp("left_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("memberships_person_partnership_idx").on(t.partnershipId, t.personId),
    index("memberships_person_idx").on(t.personId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", {
      enum: ["champion", "business_member", "support", "convener", "observer"],
    }).notNull(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    /** The language its e-mail is written in for an address without an account (the inviter's choice). */
    lang: text("lang"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("invitations_partnership_idx").on(t.partnershipId)],
);
