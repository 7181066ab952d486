import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor, AppDeps } from "../deps.js";
import { AppError } from "../errors.js";
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
  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await actorFromSession(deps, token) : null;
  });
  // Before validation, so a caller without the right learns that first, not what a body lacks.
  app.addHook("preValidation", async (request) => {
    const access = request.routeOptions.config.access;
    if (access === "user") requireActor(request);
    if (access === "admin") requireAdmin(request);
  });
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError("unauthenticated", "Sign in to do this.");
  return request.actor;
}

export function requireAdmin(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (!actor.isAdmin) throw new AppError("forbidden", "Only a community admin may do this.");
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
