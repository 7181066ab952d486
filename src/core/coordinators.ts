/** State and regional coordinators: their scopes, and the log of what they read. */
import { rules } from "./rules.js";
import { z } from "zod";
import { uuidSchema } from "./ids.js";
import { stages } from "./vocabulary.js";

export const scopeKinds = ["state", "region"] as const;
export type ScopeKind = (typeof scopeKinds)[number];

const stateFips = z.string().regex(/^\d{2}$/, { error: () => rules.mustBeATwoDigitStateFIPS });
const countyFips = z.string().regex(/^\d{5}$/, { error: () => rules.mustBeAFiveDigitCountyFIPS });
const cbsaCode = z.string().regex(/^\d{5}$/, { error: () => rules.mustBeAFiveDigitCBSACode });

/**
 * Assigning a scope to a person (by e-mail): a state, or a region given as counties or as a CBSA
 * (expanded to its counties). The service checks that a region names at least one county.
 */
export const assignScopeBody = z.strictObject({
  email: z.email({ error: () => rules.mustBeAnEMailAddress }).max(254),
  kind: z.enum(scopeKinds),
  /** The state of a state scope; optional for a region (taken from its counties). */
  stateFips: stateFips.optional(),
  /** A region's name ("Northeast Ohio"). */
  name: z.string().trim().max(120).optional(),
  counties: z.array(countyFips).max(500).optional(),
  cbsaCode: cbsaCode.optional(),
});
export type AssignScopeBody = z.infer<typeof assignScopeBody>;

export const scopesQuery = z.strictObject({
  stateFips: stateFips.optional(),
});

export const scopeSchema = z.object({
  id: uuidSchema,
  userId: uuidSchema,
  email: z.string(),
  userName: z.string(),
  kind: z.enum(scopeKinds),
  stateFips: z.string(),
  /** The state's name, or the region's. */
  name: z.string(),
  cbsaCode: z.string().nullable(),
  /** A region's counties (FIPS); empty for a state. */
  counties: z.array(z.string()),
  assignedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Scope = z.infer<typeof scopeSchema>;

export const scopeListSchema = z.object({ items: z.array(scopeSchema) });
export type ScopeList = z.infer<typeof scopeListSchema>;

export const scopePartnershipSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  slug: z.string(),
  stage: z.enum(stages),
  /** The state abbreviations its counties touch. */
  states: z.array(z.string()),
  /** The caller's own role when they sit at its table; null when they read it through a scope. */
  role: z.string().nullable(),
  /** The caller's scopes that include it. */
  scopeIds: z.array(uuidSchema),
});
export type ScopePartnership = z.infer<typeof scopePartnershipSchema>;

export const myScopesSchema = z.object({
  scopes: z.array(scopeSchema),
  partnerships: z.array(scopePartnershipSchema),
});
export type MyScopes = z.infer<typeof myScopesSchema>;

export const accessLogQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const accessLogEntrySchema = z.object({
  id: uuidSchema,
  userName: z.string(),
  email: z.string(),
  /** True when the reader is a state system's service token (named by the token's name). */
  viaServiceToken: z.boolean(),
  /** What was read, in words ("impact values"). */
  what: z.string(),
  at: z.string(),
});

export const accessLogSchema = z.object({
  items: z.array(accessLogEntrySchema),
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type AccessLog = z.infer<typeof accessLogSchema>;

/**
 * Which partnerships a portfolio or a report covers: one of the caller's scopes, or a whole
 * state (the community admin, or a state coordinator of that state); neither means every
 * scope of the caller (for the community admin, every partnership).
 */
export const scopeSelectionQuery = z.strictObject({
  scope: uuidSchema.optional(),
  state: stateFips.optional(),
});
export type ScopeSelection = z.infer<typeof scopeSelectionQuery>;
