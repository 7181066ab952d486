import { msg } from "../../../core/i18n/msg.js";
/**
 * Personal API tokens: made and revoked by their owner on the account page, sent by machines as
 * `Authorization: Bearer st_…`. A token acts as its owner with the owner's rights, reading only
 * when it is read-only; only its hash is kept.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import {
  statusOf,
  TOKEN_PREFIX,
  TOKEN_REQUESTS_PER_MINUTE,
  type ApiToken,
  type CreatedToken,
  type CreateTokenBody,
  type TokenAccess,
} from "../../../core/api-tokens.js";
import { queryRows } from "../../../db/query.js";
import { apiTokens } from "../../../db/schema/index.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, notFound } from "../../errors.js";
import { hashToken, newToken } from "../../lib/tokens.js";

type TokenRow = typeof apiTokens.$inferSelect;

function describe(row: TokenRow, now: Date): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    access: row.access,
    status: statusOf(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Tokens are managed by a person signed in, never by another token. */
function requireSession(actor: Actor) {
  if (actor.token)
    throw new AppError(
      "forbidden",
      msg({
        id: "server.auth.apiTokensAreMadeAnd",
        defaultMessage: "API tokens are made and revoked on the account page, not with a token.",
      }),
    );
}

export async function createApiToken(
  deps: AppDeps,
  actor: Actor,
  body: CreateTokenBody,
): Promise<CreatedToken> {
  requireSession(actor);
  const now = deps.now();
  const token = `${TOKEN_PREFIX}${newToken().token}`;
  const [row] = await deps.db
    .insert(apiTokens)
    .values({
      userId: actor.userId,
      name: body.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      access: body.access,
      createdAt: now,
      expiresAt:
        body.expiresInDays === null ? null : new Date(now.getTime() + body.expiresInDays * 86_400_000),
    })
    .returning();
  return { ...describe(row, now), token };
}

export async function listApiTokens(deps: AppDeps, actor: Actor): Promise<{ items: ApiToken[] }> {
  requireSession(actor);
  const now = deps.now();
  const rows = await deps.db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, actor.userId))
    .orderBy(desc(apiTokens.createdAt));
  return { items: rows.map((row) => describe(row, now)) };
}

export async function revokeApiToken(deps: AppDeps, actor: Actor, id: string): Promise<ApiToken> {
  requireSession(actor);
  const now = deps.now();
  // Revoking twice keeps the first time.
  const [row] = await deps.db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, actor.userId)))
    .returning();
  if (!row)
    throw notFound(msg({ id: "server.auth.theTokenNotFound", defaultMessage: "The token was not found." }));
  return describe(row, now);
}

interface TokenActorRow extends Omit<Actor, "token"> {
  tokenId: string;
  access: TokenAccess;
  lastUsedAt: Date | string | null;
}

/** Last use is written at most once a minute per token: a busy sync does not write on every call. */
const LAST_USE_EVERY_MS = 60_000;

/** The person a token acts for, when the token is live and its account is not erased. */
export async function actorFromApiToken(deps: AppDeps, token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const now = deps.now();
  const [row] = await queryRows<TokenActorRow>(
    deps.db,
    sql`select u.id as "userId", u.email, u.name, u.is_admin as "isAdmin", p.id as "personId",
               t.id as "tokenId", t.access, t.last_used_at as "lastUsedAt"
          from api_tokens t
          join users u on u.id = t.user_id and u.deleted_at is null
          join people p on p.user_id = u.id
         where t.token_hash = ${hashToken(token)} and t.revoked_at is null
           and (t.expires_at is null or t.expires_at > ${now.toISOString()}::timestamptz)`,
  );
  if (!row) return null;
  const lastUsed = row.lastUsedAt ? new Date(row.lastUsedAt).getTime() : 0;
  if (now.getTime() - lastUsed >= LAST_USE_EVERY_MS) {
    await deps.db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.tokenId));
  }
  return {
    userId: row.userId,
    personId: row.personId,
    email: row.email,
    name: row.name,
    isAdmin: row.isAdmin,
    token: { id: row.tokenId, access: row.access },
  };
}

/**
 * Requests per token per minute, counted in this process: a runaway script is told to wait
 * (429 with Retry-After) before it slows the partnership's pages.
 */
export class TokenRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly perMinute = TOKEN_REQUESTS_PER_MINUTE) {}

  /** Counts one request; answers the seconds to wait when the token is over its limit, else 0. */
  take(tokenId: string, now: number): number {
    const window = this.windows.get(tokenId);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(tokenId, { start: now, count: 1 });
      return 0;
    }
    window.count += 1;
    return window.count > this.perMinute ? Math.ceil((window.start + 60_000 - now) / 1000) : 0;
  }
}
