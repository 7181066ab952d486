import { msg } from "../../../core/i18n/msg.js";
/**
 * The community admin's rule that people of some e-mail domains sign in with their work account
 * only: apart from the rest of single sign-on, so that password and e-mail-link sign-in can ask.
 */
import { eq } from "drizzle-orm";
import { emailDomain, type SsoProvider } from "../../../core/sso.js";
import type { Executor } from "../../../db/open.js";
import { ssoDomains } from "../../../db/schema/index.js";
import type { AppDeps } from "../../deps.js";
import { AppError } from "../../errors.js";

/** The configured provider an address's domain must sign in with, if any. */
export async function requiredProvider(
  deps: AppDeps,
  db: Executor,
  email: string,
): Promise<SsoProvider | null> {
  if (!deps.config.ssoProviders.length) return null;
  const [rule] = await db
    .select({ providerId: ssoDomains.providerId })
    .from(ssoDomains)
    .where(eq(ssoDomains.domain, emailDomain(email)));
  const provider = rule && deps.config.ssoProviders.find((p) => p.id === rule.providerId);
  return provider ? { id: provider.id, name: provider.name } : null;
}

/** Refuses password and e-mail-link sign-in for an address whose domain must use its work account. */
export async function assertNoSsoRequired(deps: AppDeps, db: Executor, email: string): Promise<void> {
  const provider = await requiredProvider(deps, db, email);
  if (provider) {
    throw new AppError(
      "forbidden",
      msg(
        {
          id: "server.auth.yourOrganizationSignsInWith2",
          defaultMessage:
            'Your organization signs in with {providerName}: use the "Sign in with {providerName}" button.',
        },
        { providerName: String(provider.name) },
      ),
      { reason: "sso_required" },
    );
  }
}
