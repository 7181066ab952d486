import { rules } from "./rules.js";
import { z } from "zod";
import { localeSchema } from "./i18n/locales.js";
import { labelsOf, msg, type MessageDescriptor } from "./i18n/msg.js";
import { limits } from "./limits.js";
import { uuidSchema } from "./ids.js";

export const emailSchema = z
  .email({ error: () => rules.mustBeAnEMailAddressSuch })
  .max(limits.email)
  .transform((e) => e.trim().toLowerCase());

export const passwordSchema = z
  .string()
  .min(limits.passwordMin, { error: `must be at least ${limits.passwordMin} characters` })
  .max(limits.passwordMax);

/** A same-site path to return to after signing in: starts with one slash, never two. */
export const nextPathSchema = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, { error: () => rules.mustBeAPathOfThisSite });

const personName = z
  .string()
  .trim()
  .min(1, { error: () => rules.isRequired })
  .max(limits.personName);

/** A new account's identity; a password is optional (added later on the account page). */
export interface NewAccount {
  email: string;
  name: string;
  password?: string;
}

/**
 * Asking to create an account: a name and an address, no password. The answer is the same
 * whether or not the address has an account (its owner gets a sign-in link instead), so
 * signing up never tells anyone who uses Shared Table.
 */
export const signupBody = z.strictObject({
  email: emailSchema,
  name: personName,
  next: nextPathSchema.optional(),
});
export type SignupBody = z.infer<typeof signupBody>;

/** Joining by an invitation's link; the name corrects the convener's spelling when given. */
export const invitationJoinBody = z.strictObject({ name: personName.optional() });

/** Using a sign-up link: the name may be corrected; another browser must say it is sure. */
export const signUpLinkBody = z.strictObject({
  token: z.string().min(20).max(2000),
  name: personName.optional(),
  confirmOtherBrowser: z.boolean().optional(),
});

/** What a sign-up link's page shows before the click that makes the account (opening it changes nothing). */
export const signUpLinkInfoSchema = z.object({
  email: z.string(),
  name: z.string(),
  /** Whether this browser is the one that asked (false when unknown). */
  sameBrowser: z.boolean(),
  requestedFrom: z.string(),
  next: z.string().nullable(),
  expiresAt: z.string(),
});
export type SignUpLinkInfo = z.infer<typeof signUpLinkInfoSchema>;

export const loginBody = z.strictObject({
  email: emailSchema,
  password: z
    .string()
    .min(1, { error: () => rules.isRequired })
    .max(limits.passwordMax),
});

export const resetRequestBody = z.strictObject({ email: emailSchema });
export const resetConfirmBody = z.strictObject({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

/** Why a reset link no longer works (the problem's `reason` in a 410 answer). */
export const resetLinkReasons = ["used", "expired", "replaced"] as const;
export type ResetLinkReason = (typeof resetLinkReasons)[number];
const resetLinkWords = {
  used: msg({ id: "vocab.resetLink.used", defaultMessage: "This link was already used" }),
  expired: msg({ id: "vocab.resetLink.expired", defaultMessage: "This link has expired" }),
  replaced: msg({ id: "vocab.resetLink.replaced", defaultMessage: "This link was replaced by a newer one" }),
} satisfies Record<ResetLinkReason, MessageDescriptor>;
/** Why a reset link stopped working, in the reader's language (see labelsOf). */
export const resetLinkMessages: Record<ResetLinkReason, string> = labelsOf(resetLinkWords);

/** A reset link that still works: the page may show the password form. */
export const resetLinkSchema = z.object({ valid: z.literal(true), expiresAt: z.string() });
export type ResetLink = z.infer<typeof resetLinkSchema>;

export const meSchema = z.object({
  id: uuidSchema,
  personId: uuidSchema,
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
  /** The language chosen on the account page; null until chosen (the browser's language then). */
  locale: localeSchema.nullable(),
  /** False for an account made from an invitation or an e-mail link until its owner adds one. */
  hasPassword: z.boolean(),
  partnerships: z.array(z.object({ id: uuidSchema, slug: z.string(), name: z.string(), role: z.string() })),
});
export type Me = z.infer<typeof meSchema>;

/** A one-time link's token (sign-in link, e-mail change). */
export const linkTokenBody = z.strictObject({ token: z.string().min(20).max(200) });

/** Asking for a sign-in link by e-mail, instead of a password. */
export const emailLinkRequestBody = z.strictObject({ email: emailSchema, next: nextPathSchema.optional() });

/** Using a sign-in link; another browser than the one that asked must say it is sure. */
export const signInLinkBody = z.strictObject({
  token: z.string().min(20).max(200),
  confirmOtherBrowser: z.boolean().optional(),
});

/** What a sign-in link's page shows before the click that uses it (opening it changes nothing). */
export const signInLinkInfoSchema = z.object({
  email: z.string(),
  purpose: z.enum(["requested", "locked"]),
  /** Whether this browser is the one that asked for the link (false when unknown). */
  sameBrowser: z.boolean(),
  requestedFrom: z.string().nullable(),
  next: z.string().nullable(),
  expiresAt: z.string(),
});
export type SignInLinkInfo = z.infer<typeof signInLinkInfoSchema>;

/** Minutes a sign-in link works. */
export const SIGN_IN_LINK_MINUTES = 15;

const currentPassword = z
  .string()
  .min(1, { error: () => rules.isRequiredTypeYourCurrentPassword })
  .max(limits.passwordMax);

/** The account page's edit: a new name, a new password (with the current one), or both. */
export const meUpdateBody = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, { error: () => rules.isRequired })
      .max(limits.personName)
      .optional(),
    currentPassword: currentPassword.optional(),
    newPassword: passwordSchema.optional(),
    locale: localeSchema.optional(),
  })
  // The current password is checked by the server: an account without one yet adds one without.
  .refine((b) => b.name !== undefined || b.newPassword !== undefined || b.locale !== undefined, {
    error: () => rules.sendANewNameANewPassword,
    path: ["name"],
  });
export type MeUpdateBody = z.infer<typeof meUpdateBody>;

export const emailChangeBody = z.strictObject({ email: emailSchema, currentPassword });
export const deleteMeBody = z.strictObject({ currentPassword });

export const sessionsEndedSchema = z.object({ ended: z.number().int() });

/** Everything the database holds about the signed-in person, as `GET /api/me/export` answers it. */
export const myDataSchema = z.object({
  exportedAt: z.string(),
  account: z.object({
    id: uuidSchema,
    email: z.string(),
    name: z.string(),
    isAdmin: z.boolean(),
    createdAt: z.string(),
  }),
  person: z.object({
    id: uuidSchema,
    name: z.string(),
    email: z.string().nullable(),
    title: z.string().nullable(),
  }),
  memberships: z.array(z.record(z.string(), z.unknown())),
  ballots: z.array(z.record(z.string(), z.unknown())),
  attendance: z.array(z.record(z.string(), z.unknown())),
  posts: z.array(z.record(z.string(), z.unknown())),
  other: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type MyData = z.infer<typeof myDataSchema>;

/** The advice shown under every new-password field, in the words of the server's refusals. */
export const passwordHint = `At least ${limits.passwordMin} characters. A few unrelated words work well; avoid names and common phrases.`;
