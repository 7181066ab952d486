/**
 * Signing in with a work account (OpenID Connect): the providers the server is configured with,
 * the work accounts linked to a Shared Table account, and the e-mail domains whose people must
 * sign in with their work account.
 */
import { rules } from "./rules.js";
import { z } from "zod";
import { emailSchema, nextPathSchema } from "./auth.js";

/** A configured provider's key, as it appears in its callback address: "entra", "google-workspace". */
export const ssoProviderIdSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
  error: () => rules.mustBe1To40LowerCase,
});

/** Hosts an issuer may be reached at over plain http: a provider on this machine, for trying things out. */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const issuerSchema = z.url({ error: () => rules.mustBeTheIssuerSURLSuch }).refine(
  (value) => {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname));
  },
  { error: () => rules.mustStartWithHttpsPlainHttpOnly },
);

/** One provider as SSO_PROVIDERS gives it. */
export const ssoProviderConfigSchema = z.strictObject({
  id: ssoProviderIdSchema,
  /** What the button says: "Sign in with <name>". */
  name: z
    .string()
    .trim()
    .min(1, { error: () => rules.isRequiredTheNamePeopleSeeOn })
    .max(60),
  issuer: issuerSchema,
  clientId: z.string().min(1, { error: () => rules.isRequiredTheApplicationClientIdThe }),
  clientSecret: z.string().min(1, { error: () => rules.isRequiredTheClientSecretTheProvider }),
  /**
   * Whether the provider's e-mail addresses count as verified even when its ID token does not say
   * `email_verified` (Microsoft Entra ID does not): only for a single-tenant issuer whose addresses
   * your organization's administrators set.
   */
  trustEmail: z.boolean().optional(),
});
export type SsoProviderConfig = z.infer<typeof ssoProviderConfigSchema>;

/** SSO_PROVIDERS: a JSON array of providers with distinct ids. */
export const ssoProvidersEnvSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: "custom",
        message:
          'must be a JSON array such as [{"id":"entra","name":"Contoso","issuer":"https://…","clientId":"…","clientSecret":"…"}]',
      });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(ssoProviderConfigSchema, { error: () => rules.mustBeAJSONArrayOfProviders })
      .superRefine((providers, ctx) => {
        const seen = new Set<string>();
        providers.forEach((p, i) => {
          if (seen.has(p.id))
            ctx.addIssue({
              code: "custom",
              path: [i, "id"],
              message: `"${p.id}" is used twice; give each provider its own id`,
            });
          seen.add(p.id);
        });
      }),
  );

/** A provider as the web app sees it: no secrets. */
export const ssoProviderSchema = z.object({ id: z.string(), name: z.string() });
export type SsoProvider = z.infer<typeof ssoProviderSchema>;

export const ssoProvidersSchema = z.object({ providers: z.array(ssoProviderSchema) });
export type SsoProviders = z.infer<typeof ssoProvidersSchema>;

/** Whether an address's domain must sign in with a work account, and with which provider. */
export const ssoRequirementQuery = z.strictObject({ email: emailSchema });
export const ssoRequirementSchema = z.object({ provider: ssoProviderSchema.nullable() });
export type SsoRequirement = z.infer<typeof ssoRequirementSchema>;

/** Starting a sign-in (or, signed in, linking a work account) with a provider. */
export const ssoStartBody = z.strictObject({
  next: nextPathSchema.optional(),
  /** Link the work account to the signed-in account instead of signing in. */
  link: z.boolean().optional(),
});
/** Where to send the browser: the provider's sign-in page. */
export const ssoStartSchema = z.object({ url: z.string() });

/** The provider's answer as it reached the callback page: its query string, as is. */
export const ssoCallbackBody = z.strictObject({
  query: z
    .string()
    .min(1, { error: () => rules.isRequiredTheCallbackSQueryString })
    .max(8000),
});

/** A work account linked to the signed-in account. */
export const ssoIdentitySchema = z.object({
  providerId: z.string(),
  /** The provider's display name; the id when the provider is no longer configured. */
  providerName: z.string(),
  /** Whether the server still offers this provider. */
  configured: z.boolean(),
  email: z.string(),
  linkedAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type SsoIdentity = z.infer<typeof ssoIdentitySchema>;

export const mySsoSchema = z.object({
  identities: z.array(ssoIdentitySchema),
  /** The configured providers, to link. */
  providers: z.array(ssoProviderSchema),
  /** The provider the account's e-mail domain must sign in with, if any. */
  required: ssoProviderSchema.nullable(),
});
export type MySso = z.infer<typeof mySsoSchema>;

/** An e-mail domain, lower case and without the @: "example.edu". */
export const ssoDomainNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, {
    error: () => rules.mustBeAnEMailDomainSuch,
  });

export const ssoDomainSchema = z.object({
  domain: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  /** False when the provider was removed from SSO_PROVIDERS: the rule is then not applied. */
  configured: z.boolean(),
  createdAt: z.string(),
});
export type SsoDomain = z.infer<typeof ssoDomainSchema>;

export const ssoDomainsSchema = z.object({ domains: z.array(ssoDomainSchema) });
export type SsoDomains = z.infer<typeof ssoDomainsSchema>;

export const ssoDomainBody = z.strictObject({ providerId: ssoProviderIdSchema });

/** The domain of an e-mail address, lower case. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/** Why a work-account sign-in was refused (the problem's `reason`). */
export const ssoRefusals = {
  sso_not_configured: "this provider is not configured",
  sso_state: "the sign-in attempt is unknown",
  sso_other_browser: "the sign-in was started in another browser",
  sso_expired: "the sign-in attempt expired",
  sso_used: "the sign-in attempt was already used",
  sso_provider_error: "the provider refused",
  sso_invalid_response: "the provider's answer did not check out",
  sso_issuer: "the answer came from another issuer",
  sso_email_unverified: "the provider has not verified the e-mail address",
  sso_required: "the e-mail domain must sign in with its work account",
  sso_linked_elsewhere: "the work account is linked to another account",
  sso_link_session: "the browser is no longer signed in to the account being linked",
} as const;
