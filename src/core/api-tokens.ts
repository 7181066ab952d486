import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
import { z } from "zod";
import { uuidSchema } from "./ids.js";

/*
 * Personal API tokens: what a person's machine (a state's system, a script) sends as
 * `Authorization: Bearer st_…` to act as them, read-only or read-write.
 */

export const TOKEN_PREFIX = "st_";
export const tokenAccess = ["read", "write"] as const;
export type TokenAccess = (typeof tokenAccess)[number];
export const tokenAccessMessages = {
  read: msg({ id: "vocab.tokenAccess.read", defaultMessage: "Read only" }),
  write: msg({ id: "vocab.tokenAccess.write", defaultMessage: "Read and write" }),
} satisfies Record<TokenAccess, MessageDescriptor>;
/** In the reader's language (see labelsOf). */
export const tokenAccessLabels: Record<TokenAccess, string> = labelsOf(tokenAccessMessages);
/** How many days a token may live at most when it has an expiry; none means until revoked. */
export const TOKEN_MAX_DAYS = 366;
/** Requests a token may make a minute before it is told to wait (429). */
export const TOKEN_REQUESTS_PER_MINUTE = 300;

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, "give the token a name").max(80, "at most 80 characters"),
  access: z.enum(tokenAccess),
  /** Days until it stops working; null: until revoked. */
  expiresInDays: z
    .number()
    .int("a whole number of days")
    .min(1, "at least 1 day")
    .max(TOKEN_MAX_DAYS, `at most ${TOKEN_MAX_DAYS} days`)
    .nullable(),
});
export type CreateTokenBody = z.infer<typeof createTokenBody>;

export const tokenStatus = ["active", "expired", "revoked"] as const;
export type TokenStatus = (typeof tokenStatus)[number];

export const apiTokenSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  /** The token's first characters, to tell tokens apart. */
  prefix: z.string(),
  access: z.enum(tokenAccess),
  status: z.enum(tokenStatus),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
export const apiTokenList = z.object({ items: z.array(apiTokenSchema) });
/** The answer to creating a token: the only time the token itself is shown. */
export const createdTokenSchema = apiTokenSchema.extend({ token: z.string() });
export type CreatedToken = z.infer<typeof createdTokenSchema>;

/** Whether a token works at `now`. */
export function statusOf(
  token: { revokedAt: Date | string | null; expiresAt: Date | string | null },
  now: Date,
): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now.getTime()) return "expired";
  return "active";
}
