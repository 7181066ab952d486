import { index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts.js";

const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * A work account (OpenID Connect) linked to a Shared Table account. The issuer and its subject
 * name the person for good; the e-mail is what the issuer said when the link was made.
 */
export const userIdentities = pgTable(
  "user_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    /** The configured provider's key (SSO_PROVIDERS), for its display name and to unlink by it. */
    providerId: text("provider_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    linkedAt: created(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index("user_identities_user_idx").on(t.userId)],
);

/**
 * One sign-in with a provider, from the redirect to the callback: the state names it, the PKCE
 * verifier and nonce are checked when the provider sends the person back, and it works once.
 */
export const ssoLogins = pgTable(
  "sso_logins",
  {
    /** SHA-256 of the state sent to the provider. */
    stateHash: text("state_hash").primaryKey(),
    providerId: text("provider_id").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    nonce: text("nonce").notNull(),
    /** The same-site path to open once signed in. */
    nextPath: text("next_path"),
    /** Set when a signed-in person is linking a provider to their account rather than signing in. */
    linkUserId: uuid("link_user_id").references(() => users.id, { onDelete: "cascade" }),
    /** SHA-256 of the asking browser's cookie: the callback must come back to the same browser. */
    browserHash: text("browser_hash").notNull(),
    createdAt: created(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("sso_logins_expires_idx").on(t.expiresAt)],
);

/** E-mail domains whose people must sign in with their work account (the community admin's rule). */
export const ssoDomains = pgTable("sso_domains", {
  /** Lower case, without the @: "example.edu". */
  domain: text("domain").primaryKey(),
  providerId: text("provider_id").notNull(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: created(),
});
