import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";

const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const discussionThreads = pgTable(
  "discussion_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    /** One of the fixed categories in src/core/discussion-categories.ts. */
    category: text("category").notNull(),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Markdown source as written; HTML is rendered and sanitized on the way out. */
    body: text("body").notNull(),
    locked: boolean("locked").notNull().default(false),
    hidden: boolean("hidden").notNull().default(false),
    createdAt: created(),
    /** The thread's last activity (its creation until the first reply): the list's order. */
    lastReplyAt: timestamp("last_reply_at", { withTimezone: true }).notNull().defaultNow(),
    /** Visible replies, kept with each write so the list needs no count over all replies. */
    replyCount: integer("reply_count").notNull().default(0),
  },
  (t) => [
    index("discussion_threads_activity_idx").on(t.lastReplyAt),
    index("discussion_threads_category_idx").on(t.category, t.lastReplyAt),
  ],
);

export const discussionReplies = pgTable(
  "discussion_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    hidden: boolean("hidden").notNull().default(false),
    createdAt: created(),
  },
  (t) => [index("discussion_replies_thread_idx").on(t.threadId, t.createdAt)],
);

/** A reader's report of a thread or a reply to the moderators (community admins). */
export const discussionReports = pgTable(
  "discussion_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    /** Null when the thread itself is reported. */
    replyId: uuid("reply_id").references(() => discussionReplies.id, { onDelete: "cascade" }),
    reporterId: uuid("reporter_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
    createdAt: created(),
    resolved: boolean("resolved").notNull().default(false),
  },
  (t) => [index("discussion_reports_open_idx").on(t.resolved, t.createdAt)],
);

export const threadFollows = pgTable(
  "thread_follows",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => discussionThreads.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: created(),
    /** When the follower last opened the thread: later replies are "new" on their home page. */
    lastReadAt: timestamp("last_read_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index("thread_follows_user_idx").on(t.userId)],
);
