import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";

/**
 * Personal API tokens: a machine (a state's system, a script) acts as the person who made the
 * token, read-only or read-write, until it expires or is revoked. Only the hash is stored; the
 * token is shown once.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 of the token: a stolen database does not yield live tokens. */
    tokenHash: text("token_hash").notNull().unique(),
    /** The token's first characters, so its owner can tell tokens apart. */
    prefix: text("prefix").notNull(),
    access: text("access", { enum: ["read", "write"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);
