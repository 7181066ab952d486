import { pgTable, text, timestamp, uuid, index, jsonb } from "drizzle-orm/pg-core";

/** A file sent with a message; `content` is base64 when `encoding` says so, otherwise text. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
  encoding?: "base64";
  /**
   * Set on a calendar invitation (iTIP over e-mail, RFC 6047): the file is also sent as the
   * message's text/calendar alternative with this method, which Outlook and Gmail read as an
   * invitation with Accept and Decline. Kept in the outbox's JSON column: no column of its own.
   */
  method?: "REQUEST" | "CANCEL";
}

/** Every message the app sends; without SMTP it is the only place mail goes. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    /** The recipient's language (the text is written in it): the HTML part's lang attribute. */
    lang: text("lang").notNull().default("en"),
    /** Files sent with the message (an event's .ics); empty for plain mail. */
    attachments: jsonb("attachments").$type<MailAttachment[]>().notNull().default([]),
    /** One-click unsubscribe address sent as List-Unsubscribe (RFC 8058); null for account mail. */
    unsubscribeUrl: text("unsubscribe_url"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    error: text("error"),
  },
  (t) => [index("outbox_created_idx").on(t.createdAt)],
);
