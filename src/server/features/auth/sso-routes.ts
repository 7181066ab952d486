import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { meSchema } from "../../../core/auth.js";
import { problemSchema } from "../../../core/problem.js";
import {
  mySsoSchema,
  ssoCallbackBody,
  ssoDomainBody,
  ssoDomainNameSchema,
  ssoDomainSchema,
  ssoDomainsSchema,
  ssoProviderIdSchema,
  ssoProvidersSchema,
  ssoRequirementQuery,
  ssoRequirementSchema,
  ssoStartBody,
  ssoStartSchema,
} from "../../../core/sso.js";
import type { AppDeps } from "../../deps.js";
import { requireActor, requireAdmin, setSessionCookie } from "../../plugins/auth.js";
import { newToken } from "../../lib/tokens.js";
import { actorFromSession, describeMe } from "./service.js";
import {
  deleteSsoDomain,
  describeMySso,
  finishSsoLogin,
  listSsoDomains,
  putSsoDomain,
  SSO_LOGIN_MINUTES,
  ssoProviders,
  startSsoLogin,
  unlinkProvider,
} from "./sso.js";
import { requiredProvider } from "./sso-required.js";

/** The browser's random value that binds a work-account sign-in to it (only its hash is stored). */
const SSO_BROWSER_COOKIE = "st_sso_browser";

const providerParams = z.strictObject({ providerId: ssoProviderIdSchema });
const domainParams = z.strictObject({ domain: ssoDomainNameSchema });

/** Work-account sign-in (OpenID Connect), the account page's linked work accounts, and the admin's domains. */
export function ssoRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/auth/sso/providers",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "The work-account providers one may sign in with; empty when none is configured (public)",
          response: { 200: ssoProvidersSchema },
        },
      },
      async () => ({ providers: ssoProviders(deps) }),
    );

    app.get(
      "/auth/sso/requirement",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary:
            "Whether an address's e-mail domain must sign in with a work account, and which (public; says nothing about accounts)",
          querystring: ssoRequirementQuery,
          response: { 200: ssoRequirementSchema, 400: problemSchema },
        },
      },
      async (request) => ({ provider: await requiredProvider(deps, deps.db, request.query.email) }),
    );

    app.post(
      "/auth/sso/:providerId/start",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary:
            "Start signing in with a work account, or (signed in, link: true) linking one: answers the provider's address to open (public)",
          params: providerParams,
          body: ssoStartBody,
          response: {
            200: ssoStartSchema,
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const linkUser = request.body.link ? requireActor(request) : undefined;
        const browserNonce = request.cookies[SSO_BROWSER_COOKIE] || newToken().token;
        void reply.setCookie(SSO_BROWSER_COOKIE, browserNonce, {
          path: "/api/auth/sso",
          httpOnly: true,
          sameSite: "lax",
          secure: deps.config.secureCookies,
          maxAge: SSO_LOGIN_MINUTES * 60,
        });
        return startSsoLogin(deps, {
          providerId: request.params.providerId,
          next: request.body.next,
          linkUser,
          browserNonce,
        });
      },
    );

    app.post(
      "/auth/sso/:providerId/callback",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary:
            "Finish a work-account sign-in with the provider's answer (the callback page's query string): signs in, or links (public; works once, in the browser that started it)",
          params: providerParams,
          body: ssoCallbackBody,
          response: {
            200: meSchema.extend({ next: z.string().nullable(), linked: z.boolean() }),
            400: problemSchema,
            403: problemSchema,
            404: problemSchema,
            410: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { token, next, linked } = await finishSsoLogin(deps, {
          providerId: request.params.providerId,
          query: request.body.query,
          browserNonce: request.cookies[SSO_BROWSER_COOKIE],
          signedInUserId: request.actor?.userId,
        });
        if (token) setSessionCookie(reply, deps, token);
        const actor = token ? await actorFromSession(deps, token) : request.actor;
        return { ...(await describeMe(deps, actor!)), next, linked };
      },
    );

    app.get(
      "/me/sso",
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "My linked work accounts, the providers I may link, and my domain's rule (signed in)",
          response: { 200: mySsoSchema, 401: problemSchema },
        },
      },
      async (request) => describeMySso(deps, requireActor(request)),
    );

    app.delete(
      "/me/sso/:providerId",
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary:
            "Unlink my work accounts of a provider; refused when my e-mail domain must sign in with it (signed in)",
          params: providerParams,
          response: {
            204: z.null(),
            400: problemSchema,
            401: problemSchema,
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request, reply) => {
        await unlinkProvider(deps, requireActor(request), request.params.providerId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/admin/sso-domains",
      {
        config: { access: "admin" },
        schema: {
          tags: ["admin"],
          summary: "The e-mail domains whose people must sign in with a work account (community admin)",
          response: { 200: ssoDomainsSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => {
        requireAdmin(request);
        return { domains: await listSsoDomains(deps) };
      },
    );

    app.put(
      "/admin/sso-domains/:domain",
      {
        config: { access: "admin" },
        schema: {
          tags: ["admin"],
          summary:
            "Require work-account sign-in with a provider for an e-mail domain, or change its provider (community admin)",
          params: domainParams,
          body: ssoDomainBody,
          response: {
            200: ssoDomainSchema,
            201: ssoDomainSchema,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { domain, created } = await putSsoDomain(
          deps,
          requireAdmin(request),
          request.params.domain,
          request.body.providerId,
        );
        return reply.status(created ? 201 : 200).send(domain);
      },
    );

    app.delete(
      "/admin/sso-domains/:domain",
      {
        config: { access: "admin" },
        schema: {
          tags: ["admin"],
          summary: "Stop requiring work-account sign-in for an e-mail domain (community admin)",
          params: domainParams,
          response: {
            204: z.null(),
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request, reply) => {
        requireAdmin(request);
        await deleteSsoDomain(deps, request.params.domain);
        return reply.status(204).send(null);
      },
    );
  };
}
