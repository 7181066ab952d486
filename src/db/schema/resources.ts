import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./accounts.js";
import { bytea } from "./bytea.js";

/**
 * PostgreSQL's text-search vector. Kept up to date by the service on every write (not a generated
 * column) so the whole-database export and import, which inserts every column, round-trips it.
 */
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** The Community of Practice's library: toolkit chapters, templates, examples and links. */
export const resources = pgTable(
  "resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    kind: text("kind", { enum: ["toolkit_chapter", "template", "example", "link"] }).notNull(),
    stage: text("stage", { enum: ["civic_infrastructure", "prepare", "launch", "act", "sustain"] }),
    topics: text("topics")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    audience: text("audience")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    url: text("url"),
    status: text("status", { enum: ["published", "suggested", "rejected"] }).notNull(),
    suggestedBy: uuid("suggested_by").references(() => users.id, { onDelete: "set null" }),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    search: tsvector("search").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("resources_slug_key").on(t.slug),
    index("resources_search_idx").using("gin", t.search),
    index("resources_status_idx").on(t.status, t.stage),
  ],
);

/**
 * A resource's title, summary and body in another language. A reader of that language gets it; a
 * reader of a language without one gets the original, marked as such.
 */
export const resourceTranslations = pgTable(
  "resource_translations",
  {
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => resources.id, { onDelete: "cascade" }),
    lang: text("lang").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    body: text("body").notNull().default(""),
    /** Its text-search vector in its language's configuration (spanish for es). */
    search: tsvector("search").notNull(),
    translatedBy: uuid("translated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.lang] }),
    index("resource_translations_search_idx").using("gin", t.search),
  ],
);

/** The file attached to a resource: in the database or, by its SHA-256, on disk (src/db/files.ts). */
export const resourceFiles = pgTable("resource_files", {
  resourceId: uuid("resource_id")
    .primaryKey()
    .references(() => resources.id, { onDelete: "cascade" }),
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
