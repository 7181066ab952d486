import { msg } from "../../../core/i18n/msg.js";
/**
 * Service tokens (core/service-tokens.ts): the community admin makes one for a coordinator scope;
 * it acts as its own service account, which holds that scope and nothing else, so the token reads
 * exactly what a coordinator of the scope reads and never writes (its access is "read").
 */
import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { statusOf, TOKEN_PREFIX } from "../../../core/api-tokens.js";
import { stateByFips } from "../../../core/geography.js";
import {
  serviceEmail,
  type CreatedServiceToken,
  type CreateServiceTokenBody,
  type ServiceToken,
  type ServiceTokenList,
} from "../../../core/service-tokens.js";
import type { Executor } from "../../../db/open.js";
import { apiTokens, coordinatorScopes, people, users } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { hashToken, newToken } from "../../lib/tokens.js";
import { insertScope, resolveScopeArea } from "../coordinators/scope-area.js";

/** Only the community admin, signed in (a token never manages tokens). */
function requireAdminSession(actor: Actor) {
  if (actor.token) {
    throw new AppError(
      "forbidden",
      msg({
        id: "server.auth.serviceTokensAreMadeAnd",
        defaultMessage: "Service tokens are made and revoked on the admin pages, not with a token.",
      }),
    );
  }
  if (!actor.isAdmin)
    throw new AppError(
      "forbidden",
      msg({
        id: "server.auth.onlyTheCommunityAdminMay",
        defaultMessage: "Only the community admin may manage service tokens.",
      }),
    );
}

/** Every service token with its scope, newest first, or one of them. */
async function tokensWhere(db: Executor, now: Date, id?: string): Promise<ServiceToken[]> {
  const rows = await db
    .select({ token: apiTokens, scope: coordinatorScopes })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.id, apiTokens.userId), eq(users.isService, true)))
    .leftJoin(coordinatorScopes, eq(coordinatorScopes.userId, users.id))
    .where(id ? eq(apiTokens.id, id) : undefined)
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
  return rows.map(({ token, scope }) => ({
    id: token.id,
    name: token.name,
    scopeId: scope?.id ?? null,
    scopeKind: scope?.kind ?? null,
    scopeLabel: !scope
      ? "No scope"
      : scope.kind === "state"
        ? (stateByFips(scope.stateFips)?.name ?? scope.stateFips)
        : scope.name,
    access: "read",
    prefix: token.prefix,
    status: statusOf(token, now),
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  }));
}

/** Makes the service account, its person, its scope and its token together, or none of them. */
export async function createServiceToken(
  deps: AppDeps,
  actor: Actor,
  body: CreateServiceTokenBody,
): Promise<CreatedServiceToken> {
  requireAdminSession(actor);
  const now = deps.now();
  const token = `${TOKEN_PREFIX}${newToken().token}`;
  const made = await deps.db.transaction(async (tx) => {
    const area = await resolveScopeArea(tx, body.scope, "scope.");
    const [user] = await tx
      .insert(users)
      .values({
        email: serviceEmail(randomUUID()),
        name: body.name,
        passwordHash: null,
        isService: true,
        createdAt: now,
      })
      .returning({ id: users.id });
    // Its person has no e-mail, so no member list, invitation or mention ever matches it.
    await tx.insert(people).values({ name: body.name, email: null, userId: user.id, createdAt: now });
    await insertScope(tx, area, { userId: user.id, assignedBy: actor.userId, createdAt: now });
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: user.id,
        name: body.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        access: "read",
        createdAt: now,
        expiresAt:
          body.expiresInDays === null ? null : new Date(now.getTime() + body.expiresInDays * 86_400_000),
      })
      .returning({ id: apiTokens.id });
    const [described] = await tokensWhere(tx, now, row.id);
    return described;
  });
  return { ...made, token };
}

export async function listServiceTokens(deps: AppDeps, actor: Actor): Promise<ServiceTokenList> {
  requireAdminSession(actor);
  return { items: await tokensWhere(deps.db, deps.now()) };
}

/** Stops a service token at once; revoking twice keeps the first time. */
export async function revokeServiceToken(deps: AppDeps, actor: Actor, id: string): Promise<ServiceToken> {
  requireAdminSession(actor);
  const now = deps.now();
  const [row] = await deps.db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${now.toISOString()}::timestamptz)` })
    .where(
      and(
        eq(apiTokens.id, id),
        sql`exists (select 1 from users u where u.id = ${apiTokens.userId} and u.is_service)`,
      ),
    )
    .returning({ id: apiTokens.id });
  if (!row)
    throw notFound(
      msg({ id: "server.auth.theServiceTokenNotFound", defaultMessage: "The service token was not found." }),
    );
  const [described] = await tokensWhere(deps.db, now, row.id);
  return described;
}
