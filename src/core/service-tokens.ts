/**
 * Service tokens: made by the community admin for a coordinator scope (a state, or a region by
 * counties or a CBSA) so a state system reads that scope with `Authorization: Bearer st_…`.
 * Each token has its own service account (no password, never signs in) that holds the scope; a
 * scope grants reading only, so every service token is read-only.
 */
import { rules } from "./rules.js";
import { z } from "zod";
import { TOKEN_MAX_DAYS, tokenStatus } from "./api-tokens.js";
import { scopeKinds } from "./coordinators.js";
import { uuidSchema } from "./ids.js";

/** The e-mail domain of service accounts: `.invalid` is reserved, so no mail can ever reach one. */
export const SERVICE_EMAIL_DOMAIN = "service.invalid";

export function serviceEmail(id: string): string {
  return `service-${id}@${SERVICE_EMAIL_DOMAIN}`;
}

/** Whether an address is shaped like a service account's (they are refused wherever people sign in). */
export function isServiceEmail(email: string): boolean {
  return email.trim().toLowerCase().endsWith(`@${SERVICE_EMAIL_DOMAIN}`);
}

const stateFips = z.string().regex(/^\d{2}$/, { error: () => rules.mustBeATwoDigitStateFIPS });
const countyFips = z.string().regex(/^\d{5}$/, { error: () => rules.mustBeAFiveDigitCountyFIPS });
const cbsaCode = z.string().regex(/^\d{5}$/, { error: () => rules.mustBeAFiveDigitCBSACode });

/** The area a service token reads, as for a coordinator: a state, or a region of counties or a CBSA. */
export const serviceScopeBody = z.strictObject({
  kind: z.enum(scopeKinds),
  stateFips: stateFips.optional(),
  /** A region's name ("Northeast Ohio"). */
  name: z.string().trim().max(120).optional(),
  counties: z.array(countyFips).max(500).optional(),
  cbsaCode: cbsaCode.optional(),
});

export const createServiceTokenBody = z.strictObject({
  name: z.string().trim().min(1, "give the token a name").max(80, "at most 80 characters"),
  scope: serviceScopeBody,
  /** Days until it stops working; null: until revoked. */
  expiresInDays: z
    .number()
    .int("a whole number of days")
    .min(1, "at least 1 day")
    .max(TOKEN_MAX_DAYS, `at most ${TOKEN_MAX_DAYS} days`)
    .nullable(),
});
export type CreateServiceTokenBody = z.infer<typeof createServiceTokenBody>;

export const serviceTokenSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  /** The scope's id: `scope=<id>` on the sync endpoints narrows a copy to it. */
  scopeId: uuidSchema.nullable(),
  scopeKind: z.enum(scopeKinds).nullable(),
  /** The state's name or the region's ("Ohio", "Northeast Ohio"). */
  scopeLabel: z.string(),
  /** Always "read": a coordinator scope gives no writes. */
  access: z.literal("read"),
  prefix: z.string(),
  status: z.enum(tokenStatus),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ServiceToken = z.infer<typeof serviceTokenSchema>;
export const serviceTokenList = z.object({ items: z.array(serviceTokenSchema) });
export type ServiceTokenList = z.infer<typeof serviceTokenList>;
/** The answer to making one: the only time the token itself is shown. */
export const createdServiceTokenSchema = serviceTokenSchema.extend({ token: z.string() });
export type CreatedServiceToken = z.infer<typeof createdServiceTokenSchema>;
