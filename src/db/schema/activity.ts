import type { StoredMessage } from "../../core/i18n/msg.js";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "./partnerships.js";
import { people } from "./members.js";
import { users } from "./accounts.js";

/** The partnership's timeline: what happened and who did it. */
export const activity = pgTable(
  "activity",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    summary: text("summary").notNull(),
    /**
     * The summary as a message (id, English, values), so each reader reads it in their language;
     * null for lines written before (their English summary is what there is).
     */
    message: jsonb("message").$type<StoredMessage>(),
    subjectType: text("subject_type"),
    subjectId: uuid("subject_id"),
    actorPersonId: uuid("actor_person_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("activity_partnership_idx").on(t.partnershipId, t.createdAt)],
);

export const follows = pgTable(
  "follows",
  {
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partnershipId, t.userId] })],
);

/** Reminders already sent, so a restart or a second server never sends one twice. */
export const reminderLog = pgTable(
  "reminder_log",
  {
    subjectId: uuid("subject_id").notNull(),
    kind: text("kind").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subjectId, t.kind] })],
);
