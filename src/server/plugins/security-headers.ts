import type { FastifyInstance } from "fastify";
import helmet from "helmet";
import type { AppDeps } from "../deps.js";

/**
 * Helmet's security headers (content security policy, no sniffing, frame and referrer rules) on
 * every answer, errors included, set before the route runs. The middleware is built once:
 * @fastify/helmet built it again on every request (its policy parsed anew), a twentieth of
 * a small API answer's time.
 */
export function registerSecurityHeaders(app: FastifyInstance, deps: AppDeps): void {
  const setHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine sets CSS variables in style attributes and tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "https:"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: deps.config.secureCookies ? [] : null,
      },
    },
  });
  app.addHook("onRequest", (request, reply, done) => {
    setHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });
}
