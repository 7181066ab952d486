import { msg, type Msg } from "../../../core/i18n/msg.js";
/**
 * Signing in with a work account over OpenID Connect (authorization code flow, PKCE and nonce,
 * through `openid-client`). Each sign-in is one row of sso_logins from the redirect to the
 * callback: it is named by a random state (only its hash is kept), bound by a cookie to the
 * browser that started it, works once and for ten minutes. The callback checks and uses it in one
 * transaction, so a refused callback changes nothing.
 *
 * The account is found by the work account (issuer and subject) linked to it, else by the e-mail
 * address when the provider says it verified it; failing both, an account without a password is
 * made, as the e-mail-link sign-up does. The community admin may require work-account sign-in for
 * e-mail domains: their addresses may then neither use a password nor ask for e-mail links.
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type * as OpenId from "openid-client";
import { type MySso, type SsoDomain, type SsoProvider, type SsoProviderConfig } from "../../../core/sso.js";
import type { Executor } from "../../../db/open.js";
import { ssoDomains, ssoLogins, userIdentities, users } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, fieldError } from "../../errors.js";
import { hashToken } from "../../lib/tokens.js";
import { createUser, startSession } from "./service.js";
import { requiredProvider } from "./sso-required.js";
import { clearFailures } from "./throttle.js";

/** Minutes between the redirect to the provider and the callback. */
export const SSO_LOGIN_MINUTES = 10;

/** The page the provider sends the browser back to; register `<PUBLIC_URL>` + this with the provider. */
export const callbackPath = (providerId: string) => `/signin/sso/${providerId}/callback`;

export function ssoProviders(deps: AppDeps): SsoProvider[] {
  return deps.config.ssoProviders.map(({ id, name }) => ({ id, name }));
}

function providerConfig(deps: AppDeps, providerId: string): SsoProviderConfig {
  const provider = deps.config.ssoProviders.find((p) => p.id === providerId);
  if (!provider) {
    throw new AppError(
      "not_found",
      msg(
        {
          id: "server.auth.noWorkAccountProviderIs",
          defaultMessage:
            'No work-account provider "{providerId}" is configured here. Sign in with an e-mail link instead, or ask the community admin.',
        },
        { providerId: String(providerId) },
      ),
      { reason: "sso_not_configured" },
    );
  }
  return provider;
}

function providerName(deps: AppDeps, providerId: string): string {
  return deps.config.ssoProviders.find((p) => p.id === providerId)?.name ?? providerId;
}

/**
 * openid-client is loaded on the first work-account sign-in, not at every start: most servers
 * configure no provider.
 */
let loaded: Promise<typeof OpenId> | undefined;
const openid = () => (loaded ??= import("openid-client"));

/** Each app's providers, discovered once (their metadata and keys); a failed discovery is tried again next time. */
const discovered = new WeakMap<object, Map<string, Promise<OpenId.Configuration>>>();

async function providerClient(deps: AppDeps, provider: SsoProviderConfig): Promise<OpenId.Configuration> {
  let byId = discovered.get(deps.config);
  if (!byId) discovered.set(deps.config, (byId = new Map<string, Promise<OpenId.Configuration>>()));
  let config = byId.get(provider.id);
  if (!config) {
    const issuer = new URL(provider.issuer);
    config = openid().then((client) =>
      client.discovery(
        issuer,
        provider.clientId,
        provider.clientSecret,
        undefined,
        // Plain http is allowed by the configuration only for a provider on this machine.
        issuer.protocol === "http:"
          ? { execute: [client.allowInsecureRequests], timeout: 10 }
          : { timeout: 10 },
      ),
    );
    byId.set(provider.id, config);
    config.catch(() => byId.delete(provider.id));
  }
  try {
    return await config;
  } catch {
    throw new AppError(
      "bad_request",
      msg(
        {
          id: "server.auth.couldNotBeReachedTo",
          defaultMessage:
            "{providerName} could not be reached to sign in. Try again in a moment, or sign in with an e-mail link.",
        },
        { providerName: String(provider.name) },
      ),
      { reason: "sso_provider_error" },
    );
  }
}

/**
 * Makes a sign-in attempt and answers the provider's address to send the browser to. With
 * `linkUser`, the work account is linked to that account instead of signing in.
 */
export async function startSsoLogin(
  deps: AppDeps,
  input: {
    providerId: string;
    next?: string | undefined;
    linkUser?: Actor | undefined;
    browserNonce: string;
  },
): Promise<{ url: string }> {
  const provider = providerConfig(deps, input.providerId);
  const config = await providerClient(deps, provider);
  const client = await openid();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const now = deps.now();
  await deps.db.insert(ssoLogins).values({
    stateHash: hashToken(state),
    providerId: provider.id,
    codeVerifier,
    nonce,
    nextPath: input.next ?? null,
    linkUserId: input.linkUser?.userId ?? null,
    browserHash: hashToken(input.browserNonce),
    createdAt: now,
    expiresAt: new Date(now.getTime() + SSO_LOGIN_MINUTES * 60_000),
  });
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: `${deps.config.publicUrl}${callbackPath(provider.id)}`,
    scope: "openid email profile",
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    // Linking asks the person to sign in at the provider even when it has a session, so that
    // the account linked is the one they choose, not whoever last used this browser there.
    ...(input.linkUser ? { prompt: "login" } : {}),
  });
  return { url: url.href };
}

function refused(reason: string, detail: Msg, code: "bad_request" | "forbidden" | "gone" = "bad_request") {
  return new AppError(code, detail, { reason });
}

interface Claims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** Redeems the provider's code and answers who signed in; throws a refusal when anything does not check out. */
async function redeemCode(
  deps: AppDeps,
  provider: SsoProviderConfig,
  params: URLSearchParams,
  login: { codeVerifier: string; nonce: string },
  state: string,
): Promise<Claims> {
  const config = await providerClient(deps, provider);
  const client = await openid();
  const callbackUrl = new URL(`${deps.config.publicUrl}${callbackPath(provider.id)}`);
  callbackUrl.search = params.toString();
  let tokens: Awaited<ReturnType<typeof OpenId.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: login.codeVerifier,
      expectedNonce: login.nonce,
      expectedState: state,
      idTokenExpected: true,
    });
  } catch (err) {
    throw refusalOf(client, provider, err);
  }
  const idToken = tokens.claims();
  if (!idToken)
    throw refused(
      "sso_invalid_response",
      msg(
        { id: "server.auth.sso.noIdToken", defaultMessage: "{provider} sent no ID token. Try again." },
        { provider: provider.name },
      ),
    );
  let email = typeof idToken.email === "string" ? idToken.email : null;
  let verified: unknown = idToken.email_verified;
  let name = typeof idToken.name === "string" ? idToken.name : null;
  if (!email) {
    // Some providers put the address only in the UserInfo answer.
    try {
      const info = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      email = typeof info.email === "string" ? info.email : null;
      verified = info.email_verified;
      name ??= typeof info.name === "string" ? info.name : null;
    } catch (err) {
      throw refusalOf(client, provider, err);
    }
  }
  // Microsoft Entra ID says `xms_edov` (the address's domain is verified by its owner), when
  // asked for that optional claim, instead of `email_verified`.
  if (verified === undefined) verified = idToken.xms_edov;
  const emailVerified =
    verified === true ||
    verified === "true" ||
    verified === "1" ||
    verified === 1 ||
    (verified === undefined && !!provider.trustEmail);
  return {
    issuer: idToken.iss,
    subject: idToken.sub,
    email: email?.trim().toLowerCase() ?? null,
    emailVerified,
    name: name?.trim() || null,
  };
}

/** Whether the library refused because of the issuer: an ID token's `iss`, or the callback's `iss` parameter. */
function aboutIssuer(err: unknown): boolean {
  for (
    let e = err, depth = 0;
    e && typeof e === "object" && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    if ((e as { claim?: unknown }).claim === "iss") return true;
    if (e instanceof Error && /"iss"/.test(e.message)) return true;
  }
  return false;
}

function refusalOf(client: typeof OpenId, provider: SsoProviderConfig, err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof client.AuthorizationResponseError) {
    const said = (err.error_description ?? err.error).slice(0, 200);
    return refused(
      "sso_provider_error",
      msg(
        {
          id: "server.auth.sso.providerError",
          defaultMessage: "{provider} did not sign you in: {said}. Try again.",
        },
        { provider: provider.name, said },
      ),
    );
  }
  if (aboutIssuer(err)) {
    return refused(
      "sso_issuer",
      msg(
        {
          id: "server.auth.sso.issuer",
          defaultMessage:
            "The answer did not come from {provider} (its issuer is not {issuer}), so it was not used. Try again.",
        },
        { provider: provider.name, issuer: provider.issuer },
      ),
    );
  }
  return refused(
    "sso_invalid_response",
    msg(
      {
        id: "server.auth.sso.invalidResponse",
        defaultMessage:
          "{provider}''s answer did not check out, so it was not used. Start again from the sign-in page.",
      },
      { provider: provider.name },
    ),
  );
}

/**
 * Checks the provider's answer against the attempt it names and, when all holds, signs in (or
 * links). Every refusal throws inside the transaction, so nothing is written.
 */
export async function finishSsoLogin(
  deps: AppDeps,
  input: {
    providerId: string;
    query: string;
    browserNonce: string | undefined;
    /** The account this browser is signed in to now: linking must end in the session that began it. */
    signedInUserId: string | undefined;
  },
): Promise<{ userId: string; next: string | null; token: string | null; linked: boolean }> {
  const provider = providerConfig(deps, input.providerId);
  const params = new URLSearchParams(input.query.startsWith("?") ? input.query.slice(1) : input.query);
  const state = params.get("state");
  if (!state)
    throw fieldError(
      "query",
      msg({
        id: "server.auth.hasNoStateOpenThe",
        defaultMessage: "has no state: open the sign-in page and start again",
      }),
    );
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    // Locked: a second callback with the same state waits, then finds it used.
    const [login] = await tx
      .select()
      .from(ssoLogins)
      .where(eq(ssoLogins.stateHash, hashToken(state)))
      .for("update");
    if (!login || login.providerId !== provider.id) {
      throw refused(
        "sso_state",
        msg({
          id: "server.auth.sso.state",
          defaultMessage: "This sign-in is not one this site started. Start again from the sign-in page.",
        }),
      );
    }
    if (!input.browserNonce || hashToken(input.browserNonce) !== login.browserHash) {
      throw refused(
        "sso_other_browser",
        msg({
          id: "server.auth.sso.otherBrowser",
          defaultMessage:
            "This sign-in was started in another browser. Start again from the sign-in page in this one.",
        }),
        "forbidden",
      );
    }
    if (login.usedAt) {
      throw refused(
        "sso_used",
        msg({
          id: "server.auth.sso.used",
          defaultMessage: "This sign-in was already used. Start again from the sign-in page.",
        }),
        "gone",
      );
    }
    if (login.expiresAt.getTime() <= now.getTime()) {
      throw refused(
        "sso_expired",
        msg(
          {
            id: "server.auth.sso.expired",
            defaultMessage:
              "This sign-in took more than {minutes} minutes and expired. Start again from the sign-in page.",
          },
          { minutes: SSO_LOGIN_MINUTES },
        ),
        "gone",
      );
    }
    const claims = await redeemCode(deps, provider, params, login, state);
    const linked = await tx
      .select({ userId: userIdentities.userId })
      .from(userIdentities)
      .innerJoin(users, eq(users.id, userIdentities.userId))
      .where(
        and(
          eq(userIdentities.issuer, claims.issuer),
          eq(userIdentities.subject, claims.subject),
          isNull(users.deletedAt),
        ),
      );
    const identity = { issuer: claims.issuer, subject: claims.subject, providerId: provider.id };

    if (login.linkUserId) {
      if (input.signedInUserId !== login.linkUserId) {
        throw refused(
          "sso_link_session",
          msg({
            id: "server.auth.sso.linkSession",
            defaultMessage:
              "This browser is no longer signed in to the account you were linking. Sign in to it and link again.",
          }),
          "forbidden",
        );
      }
      const owner = linked[0]?.userId;
      if (owner && owner !== login.linkUserId) {
        throw refused(
          "sso_linked_elsewhere",
          msg(
            {
              id: "server.auth.sso.linkedElsewhere",
              defaultMessage:
                "This {provider} account is already linked to another Shared Table account. Unlink it there first.",
            },
            { provider: provider.name },
          ),
          "forbidden",
        );
      }
      await linkIdentity(tx, { ...identity, userId: login.linkUserId, email: claims.email ?? "" }, now);
      await markUsed(tx, login.stateHash, now);
      return { userId: login.linkUserId, next: login.nextPath, token: null, linked: true };
    }

    let userId = linked[0]?.userId;
    if (!userId) {
      if (!claims.email || !claims.emailVerified) {
        throw refused(
          "sso_email_unverified",
          msg(
            {
              id: "server.auth.sso.emailUnverified",
              defaultMessage:
                "{provider} did not say it verified your e-mail address{hasEmail, select, yes { ({email})} other {}}, so it cannot sign you in to an account by it. Sign in with an e-mail link, then link {provider} on your account page.",
            },
            { provider: provider.name, hasEmail: claims.email ? "yes" : "no", email: claims.email ?? "" },
          ),
          "forbidden",
        );
      }
      // Two callbacks for one new address at once: the second waits, then finds the first's account.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sign-up:${claims.email}`}))`);
      const [byEmail] = await tx
        .select({ id: users.id, isService: users.isService })
        .from(users)
        .where(and(eq(users.email, claims.email), isNull(users.deletedAt)));
      // A service account never signs in; its reserved .invalid address cannot be a provider's verified one.
      if (byEmail?.isService) {
        throw refused(
          "sso_email_unverified",
          msg(
            {
              id: "server.auth.sso.serviceAddress",
              defaultMessage: "{provider} gave an address that cannot sign in to Shared Table.",
            },
            { provider: provider.name },
          ),
          "forbidden",
        );
      }
      userId =
        byEmail?.id ??
        (await createUser(tx, { email: claims.email, name: claims.name ?? claims.email.split("@")[0] }))
          .userId;
    }
    const [account] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    const required = account ? await requiredProvider(deps, tx, account.email) : null;
    if (required && required.id !== provider.id) {
      throw refused(
        "sso_required",
        msg(
          {
            id: "server.auth.sso.required",
            defaultMessage:
              'Your organization signs in with {provider}: use the "Sign in with {provider}" button.',
          },
          { provider: required.name },
        ),
        "forbidden",
      );
    }
    await linkIdentity(tx, { ...identity, userId, email: claims.email ?? account?.email ?? "" }, now);
    await markUsed(tx, login.stateHash, now);
    if (account) await clearFailures(tx, account.email);
    return { userId, next: login.nextPath, token: await startSession(tx, userId, now), linked: false };
  });
}

async function linkIdentity(
  tx: Executor,
  row: { issuer: string; subject: string; providerId: string; userId: string; email: string },
  now: Date,
) {
  await tx
    .insert(userIdentities)
    .values({ ...row, linkedAt: now, lastUsedAt: now })
    .onConflictDoUpdate({
      target: [userIdentities.issuer, userIdentities.subject],
      // An identity of a deleted account moves to the account it signs in to now.
      set: { userId: row.userId, lastUsedAt: now, email: row.email, providerId: row.providerId },
    });
}

async function markUsed(tx: Executor, stateHash: string, now: Date) {
  await tx.update(ssoLogins).set({ usedAt: now }).where(eq(ssoLogins.stateHash, stateHash));
}

/** The account page's list: linked work accounts, the providers to link, and the domain's rule. */
export async function describeMySso(deps: AppDeps, actor: Actor): Promise<MySso> {
  const rows = await deps.db
    .select()
    .from(userIdentities)
    .where(eq(userIdentities.userId, actor.userId))
    .orderBy(asc(userIdentities.linkedAt));
  return {
    identities: rows.map((r) => ({
      providerId: r.providerId,
      providerName: providerName(deps, r.providerId),
      configured: deps.config.ssoProviders.some((p) => p.id === r.providerId),
      email: r.email,
      linkedAt: r.linkedAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    })),
    providers: ssoProviders(deps),
    required: await requiredProvider(deps, deps.db, actor.email),
  };
}

/**
 * Unlinks the account's work accounts of one provider. E-mail links still sign in afterwards, so
 * the last one may go, unless the account's domain must sign in with that provider.
 */
export async function unlinkProvider(deps: AppDeps, actor: Actor, providerId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for("update");
    const rows = await tx
      .select({ providerId: userIdentities.providerId })
      .from(userIdentities)
      .where(and(eq(userIdentities.userId, actor.userId), eq(userIdentities.providerId, providerId)));
    if (!rows.length)
      throw new AppError(
        "not_found",
        msg(
          { id: "server.auth.sso.notLinked", defaultMessage: "No {provider} account is linked to yours." },
          { provider: providerName(deps, providerId) },
        ),
      );
    const required = await requiredProvider(deps, tx, actor.email);
    if (required?.id === providerId) {
      throw new AppError(
        "conflict",
        msg(
          {
            id: "server.auth.yourOrganizationSignsInWith",
            defaultMessage:
              "Your organization signs in with {requiredName}, so its account stays linked to yours.",
          },
          { requiredName: String(required.name) },
        ),
        { reason: "sso_required" },
      );
    }
    await tx
      .delete(userIdentities)
      .where(and(eq(userIdentities.userId, actor.userId), eq(userIdentities.providerId, providerId)));
  });
}

export async function listSsoDomains(deps: AppDeps): Promise<SsoDomain[]> {
  const rows = await deps.db.select().from(ssoDomains).orderBy(asc(ssoDomains.domain));
  return rows.map((r) => describeDomain(deps, r));
}

function describeDomain(deps: AppDeps, r: typeof ssoDomains.$inferSelect): SsoDomain {
  return {
    domain: r.domain,
    providerId: r.providerId,
    providerName: providerName(deps, r.providerId),
    configured: deps.config.ssoProviders.some((p) => p.id === r.providerId),
    createdAt: r.createdAt.toISOString(),
  };
}

/** Requires work-account sign-in with a configured provider for an e-mail domain (or changes its provider). */
export async function putSsoDomain(
  deps: AppDeps,
  actor: Actor,
  domain: string,
  providerId: string,
): Promise<{ domain: SsoDomain; created: boolean }> {
  if (!deps.config.ssoProviders.some((p) => p.id === providerId)) {
    throw fieldError(
      "providerId",
      msg(
        {
          id: "server.auth.sso.notConfigured",
          defaultMessage: "is not a configured provider; choose one of: {list}",
        },
        {
          list:
            deps.config.ssoProviders.map((p) => p.id).join(", ") || "(none is configured: set SSO_PROVIDERS)",
        },
      ),
    );
  }
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(ssoDomains).where(eq(ssoDomains.domain, domain)).for("update");
    const [row] = await tx
      .insert(ssoDomains)
      .values({ domain, providerId, createdBy: actor.userId, createdAt: deps.now() })
      .onConflictDoUpdate({ target: ssoDomains.domain, set: { providerId } })
      .returning();
    return { domain: describeDomain(deps, row), created: !before };
  });
}

export async function deleteSsoDomain(deps: AppDeps, domain: string): Promise<void> {
  const gone = await deps.db
    .delete(ssoDomains)
    .where(eq(ssoDomains.domain, domain))
    .returning({ domain: ssoDomains.domain });
  if (!gone.length)
    throw new AppError(
      "not_found",
      msg(
        {
          id: "server.auth.doesNotRequireWorkAccount",
          defaultMessage: "{domain} does not require work-account sign-in.",
        },
        { domain: String(domain) },
      ),
    );
}
