import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";

/** In-app notifications: mentions, replies, registrations, actions due. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A stable kind for icons and filters: "mention", "reply", "registration", "action_due", ... */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    /** The in-app path the notification leads to, e.g. /discussions/{id}. */
    link: text("link").notNull().default(""),
    read: boolean("read").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/** Each person's choice of e-mail: the digest's cadence and which other community mail they get. */
export const mailPreferences = pgTable("mail_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  digest: text("digest", { enum: ["none", "daily", "weekly"] })
    .notNull()
    .default("weekly"),
  /** E-mail when someone mentions the person in a discussion. */
  mentionMail: boolean("mention_mail").notNull().default(true),
  /** E-mail when someone replies in a discussion the person follows. */
  replyMail: boolean("reply_mail").notNull().default(true),
  /** E-mail the day before an event the person registered for. */
  eventReminderMail: boolean("event_reminder_mail").notNull().default(true),
  /** E-mail when a vote round opens in a partnership where the person votes (a business member). */
  voteMail: boolean("vote_mail").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
