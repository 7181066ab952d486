import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { msg } from "../../core/i18n/msg.js";
import type { Actor, AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { actorFromApiToken, TokenRateLimiter } from "../features/auth/api-tokens.js";
import { actorFromSession, SESSION_DAYS } from "../features/auth/service.js";

export const SESSION_COOKIE = "st_session";

/** Who may call a route, declared next to its schema: public, any signed-in user, or an admin. */
export type Access = "public" | "user" | "admin";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Reads the session cookie once per request; routes then ask `requireActor`. */
export function registerAuth(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest("actor", null);
  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/") && route.url !== "/api/openapi.json" && !route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare its access`);
    }
  });
  const limiter = new TokenRateLimiter();
  app.addHook("onRequest", async (request) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined && request.url.startsWith("/api/")) {
      request.actor = await actorFromAuthorization(deps, limiter, request.method, authorization);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await actorFromSession(deps, token) : null;
    if (request.actor?.locale) request.locale = request.actor.locale;
  });
  // Before validation, so a caller without the right learns that first, not what a body lacks.
  app.addHook("preValidation", async (request) => {
    const access = request.routeOptions.config.access;
    if (access === "user") requireActor(request);
    if (access === "admin") requireAdmin(request);
  });
}

const READING = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The person an `Authorization: Bearer st_…` header speaks for. A header that is there but
 * does not hold a live token is refused outright (401) rather than read as a visitor, so a
 * machine learns at once that its token stopped working; a read-only token may only read.
 */
async function actorFromAuthorization(
  deps: AppDeps,
  limiter: TokenRateLimiter,
  method: string,
  authorization: string,
): Promise<Actor> {
  const bearer = /^Bearer +(\S+)$/i.exec(authorization.trim());
  if (!bearer) {
    throw new AppError(
      "unauthenticated",
      msg({
        id: "server.auth.token.format",
        defaultMessage: "Send an API token as `Authorization: Bearer st_…`.",
      }),
      { reason: "token_format" },
    );
  }
  const actor = await actorFromApiToken(deps, bearer[1]);
  if (!actor?.token) {
    throw new AppError(
      "unauthenticated",
      msg({
        id: "server.auth.token.invalid",
        defaultMessage:
          "This API token does not work: it is mistyped, expired or revoked. Make a new one on your account page.",
      }),
      { reason: "token_invalid" },
    );
  }
  const wait = limiter.take(actor.token.id, deps.now().getTime());
  if (wait > 0) {
    throw new AppError(
      "too_many_requests",
      msg(
        {
          id: "server.auth.token.tooManyRequests",
          defaultMessage: "This token made too many requests; try again in {wait} s.",
        },
        { wait },
      ),
      { retryAfterSeconds: wait },
    );
  }
  if (actor.token.access === "read" && !READING.has(method)) {
    throw new AppError(
      "forbidden",
      msg({
        id: "server.auth.token.readOnly",
        defaultMessage: "This API token is read-only: make a read-and-write token to change things.",
      }),
      {
        reason: "token_read_only",
      },
    );
  }
  return actor;
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor)
    throw new AppError(
      "unauthenticated",
      msg({ id: "server.auth.signInToDoThis", defaultMessage: "Sign in to do this." }),
    );
  return request.actor;
}

export function requireAdmin(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (!actor.isAdmin)
    throw new AppError(
      "forbidden",
      msg({ id: "server.auth.adminsOnly", defaultMessage: "Only a community admin may do this." }),
    );
  return actor;
}

export function setSessionCookie(reply: FastifyReply, deps: AppDeps, token: string) {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.secureCookies,
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply, deps: AppDeps) {
  void reply.clearCookie(SESSION_COOKIE, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.secureCookies,
  });
}
