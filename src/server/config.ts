import { z } from "zod";
import { ssoProvidersEnvSchema, type SsoProviderConfig } from "../core/sso.js";

/** Every setting comes from the environment, parsed once here (README lists them). */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: "must be a postgres:// URL" })
    .optional(),
  DATA_DIR: z.string().default("./data"),
  /** Where uploaded files go: "disk" (DATA_DIR/files) or "database"; default disk on PGlite, database on PostgreSQL. */
  FILE_STORAGE: z.enum(["disk", "database"]).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: "must be an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z.string().default("Shared Table <no-reply@sharedtable.local>"),
  PUBLIC_URL: z.url().optional(),
  SESSION_SECRET: z.string().min(16).optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Failed sign-ins one client address may make in 15 minutes, across e-mail addresses. */
  LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).max(100_000).default(50),
  /**
   * Sign-in and sign-up links one client address may ask for in 15 minutes, across e-mail
   * addresses: enough for a room of people signing up behind one network at a launch meeting.
   */
  LINK_REQUESTS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(60),
  DEMO_DATA: z.enum(["auto", "true", "false"]).default("auto"),
  /**
   * Seconds between housekeeping rounds (mail retries, action and event reminders, vote
   * deadlines, scheduled jobs). A minute in production; the end-to-end journeys that wait for a
   * reminder e-mail run it every few seconds.
   */
  HOUSEKEEPING_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /** Where BLS QCEW open-data files are fetched from ({base}/{year}/{a|1-4}/area/{area}.csv); "off" turns fetching off. */
  QCEW_BASE_URL: z.union([z.literal("off"), z.url({ protocol: /^https?$/ })]).optional(),
  /**
   * Work-account sign-in (OpenID Connect): a JSON array of {id, name, issuer, clientId, clientSecret}
   * (and optionally trustEmail). Unset or empty: no work-account sign-in is offered.
   */
  SSO_PROVIDERS: ssoProvidersEnvSchema.optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});

export type Config = Omit<z.infer<typeof envSchema>, "SSO_PROVIDERS"> & {
  publicUrl: string;
  /** The configured OpenID Connect providers, in the order given; empty when none. */
  ssoProviders: SsoProviderConfig[];
  secureCookies: boolean;
  /** QCEW_BASE_URL without its trailing slash; null when fetching is off (tests must set it to reach a server). */
  qcewBaseUrl: string | null;
};

export const BLS_QCEW_BASE_URL = "https://data.bls.gov/cew/data/api";

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const publicUrl = (parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, "");
  const qcew = parsed.data.QCEW_BASE_URL ?? (parsed.data.NODE_ENV === "test" ? "off" : BLS_QCEW_BASE_URL);
  const qcewBaseUrl = qcew === "off" ? null : qcew.replace(/\/+$/, "");
  const { SSO_PROVIDERS, ...rest } = parsed.data;
  return {
    ...rest,
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    qcewBaseUrl,
    ssoProviders: SSO_PROVIDERS ?? [],
  };
}
