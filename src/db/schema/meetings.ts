import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { partnerships } from "./partnerships.js";
import { people } from "./members.js";
import { users } from "./accounts.js";
import { actionTeams, voteRounds } from "./agenda.js";
import { bytea } from "./bytea.js";

export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["launch", "full_partnership", "action_team", "support_team"] }).notNull(),
    actionTeamId: uuid("action_team_id").references(() => actionTeams.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** IANA zone the meeting was planned in (America/Denver), for calendars and display. */
    timeZone: text("time_zone").notNull(),
    place: text("place").notNull().default(""),
    link: text("link").notNull().default(""),
    /**
     * Shown on the partnership's public calendar (title, kind and time only). Not public unless
     * the convener says so: members only is the default for everything a workspace holds.
     */
    isPublic: boolean("is_public").notNull().default(false),
    agenda: text("agenda").notNull().default(""),
    notes: text("notes").notNull().default(""),
    decisions: text("decisions").notNull().default(""),
    nextSteps: text("next_steps").notNull().default(""),
    /** Bumped on every change so calendar clients pick the change up (iCalendar SEQUENCE). */
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    cancelled: boolean("cancelled").notNull().default(false),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("meetings_partnership_idx").on(t.partnershipId, t.startsAt)],
);

/** Who came: members by person, with their sector as it was on the day. */
export const meetingAttendance = pgTable(
  "meeting_attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    sector: text("sector", { enum: ["business", "public"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** Walk-ins who are not members of the partnership. */
export const meetingGuests = pgTable(
  "meeting_guests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    organization: text("organization").notNull().default(""),
    sector: text("sector", { enum: ["business", "public"] }).notNull(),
    /**
     * Set when a business guest joins a live vote: their ballot is a person's ballot like any
     * other, kept by this person who has no membership.
     */
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
  },
  (t) => [index("meeting_guests_meeting_idx").on(t.meetingId)],
);

/** A member's answer to a meeting's calendar invitation (RFC 5546 REPLY, or the answer link). */
export const meetingRsvps = pgTable(
  "meeting_rsvps",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    answer: text("answer", { enum: ["yes", "no", "maybe"] }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.personId] })],
);

/** A vote round shown live at a meeting: the meeting's business guests may vote in it too. */
export const liveVotes = pgTable(
  "live_votes",
  {
    roundId: uuid("round_id")
      .primaryKey()
      .references(() => voteRounds.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("live_votes_meeting_idx").on(t.meetingId)],
);

/**
 * A person's private meetings feed: one per account, across every partnership they belong to.
 * No secret is stored: the feed address is `<id>.<HMAC of the id>`, recomputed to show it to its
 * owner and compared in constant time when a calendar app asks. Deleting the row revokes the
 * address; regenerating makes a new id, so the old address answers 404.
 */
export const meetingFeeds = pgTable("meeting_feeds", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id")
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A file kept with a meeting (agenda handout, slides, sign-in sheet, minutes): in the database or,
 * by its SHA-256, on disk (src/db/files.ts). The partnership is stored too, so its storage quota
 * is one indexed sum.
 */
export const meetingFiles = pgTable(
  "meeting_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    partnershipId: uuid("partnership_id")
      .notNull()
      .references(() => partnerships.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    /** The file name it is downloaded as. */
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    /** Its SHA-256 (hex): the name of the file on disk when the bytes are not kept here. */
    sha256: text("sha256").notNull(),
    /** The content, when files are kept in the database (FILE_STORAGE=database); null on disk. */
    bytes: bytea("bytes"),
    /** Stays when the uploader deletes their account (the person is renamed, not removed). */
    uploadedBy: uuid("uploaded_by").references(() => people.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("meeting_files_meeting_idx").on(t.meetingId, t.createdAt),
    index("meeting_files_partnership_idx").on(t.partnershipId),
  ],
);
