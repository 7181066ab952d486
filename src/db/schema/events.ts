import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { bytea } from "./bytea.js";

/** Community of Practice events: webinars, peer exchanges, trainings and convenings. */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    slug: text("slug").notNull().unique(),
    kind: text("kind", { enum: ["webinar", "peer_exchange", "training", "convening"] }).notNull(),
    /** Markdown source. */
    description: text("description").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    /** IANA zone the event was planned in (America/Denver), for display and calendars. */
    timeZone: text("time_zone").notNull(),
    online: boolean("online").notNull().default(true),
    /** The join link: shown only to people registered for the event. */
    link: text("link").notNull().default(""),
    place: text("place").notNull().default(""),
    /** Null: no limit. */
    capacity: integer("capacity"),
    audience: text("audience").array().notNull().default([]),
    recordingUrl: text("recording_url").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Bumped on every change: stale edits answer 409, calendars read it as SEQUENCE. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    cancelled: boolean("cancelled").notNull().default(false),
  },
  (t) => [index("events_starts_idx").on(t.startsAt)],
);

/** One row per person and event; cancelling keeps the row so registering again reuses it. */
export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["confirmed", "waitlisted", "cancelled"] }).notNull(),
    /** The waitlist order: a sequence number taken when the person joined it. */
    position: integer("position"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("event_registrations_event_user_idx").on(t.eventId, t.userId),
    index("event_registrations_user_idx").on(t.userId),
  ],
);

/** Slides, handouts and links kept with an event, mostly after it took place. */
export const eventMaterials = pgTable(
  "event_materials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    url: text("url").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("event_materials_event_idx").on(t.eventId)],
);

/** A file kept as an event material (slides, handouts): in the database or, by its SHA-256, on disk (src/db/files.ts). */
export const eventMaterialFiles = pgTable("event_material_files", {
  materialId: uuid("material_id")
    .primaryKey()
    .references(() => eventMaterials.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  contentType: text("content_type").notNull(),
  size: integer("size").notNull(),
  /** Its SHA-256 (hex): the name of the file on disk when the bytes are not kept here. */
  sha256: text("sha256").notNull(),
  /** The content, when files are kept in the database (FILE_STORAGE=database); null on disk. */
  bytes: bytea("bytes"),
  uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
