import { translate } from "../../i18n/intl.js";
import { msg } from "../../../core/i18n/msg.js";
import { z } from "zod";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  emailLinkRequestBody,
  linkTokenBody,
  loginBody,
  meSchema,
  resetConfirmBody,
  resetLinkSchema,
  resetRequestBody,
  SIGN_IN_LINK_MINUTES,
  signInLinkBody,
  signInLinkInfoSchema,
  signupBody,
  signUpLinkBody,
  signUpLinkInfoSchema,
} from "../../../core/auth.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { clearSessionCookie, setSessionCookie, SESSION_COOKIE } from "../../plugins/auth.js";
import { apiTokenRoutes } from "./api-token-routes.js";
import { meRoutes } from "./me-routes.js";
import { ssoRoutes } from "./sso-routes.js";
import { confirmPasswordReset, describeResetLink, requestPasswordReset } from "./reset.js";
import { newToken } from "../../lib/tokens.js";
import { describeSignInLink, requestEmailLink, signInWithLink } from "./email-link.js";
import { actorFromSession, describeMe, endSession, login } from "./service.js";
import { describeSignUpLink, requestSignUp, signUpWithLink } from "./sign-up-link.js";

/** The asking browser's random value for the sign-in links it asked for (see email-link.ts). */
const LINK_BROWSER_COOKIE = "st_link_browser";

const problems = { 400: problemSchema, 401: problemSchema, 429: problemSchema };

/**
 * The asking browser keeps a random value (only its hash goes into a link): the link then signs
 * this browser in without a question, and any other browser must confirm.
 */
function linkBrowserNonce(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): string {
  const browserNonce = request.cookies[LINK_BROWSER_COOKIE] || newToken().token;
  void reply.setCookie(LINK_BROWSER_COOKIE, browserNonce, {
    path: "/api/auth",
    httpOnly: true,
    sameSite: "lax",
    secure: deps.config.secureCookies,
    maxAge: SIGN_IN_LINK_MINUTES * 60,
  });
  return browserNonce;
}

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(meRoutes(deps));
    await app.register(apiTokenRoutes(deps));
    await app.register(ssoRoutes(deps));

    app.post(
      "/auth/signup",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary:
            "Ask to create an account: a link to finish is mailed (public; the same answer whether or not the address has an account, whose owner gets a sign-in link instead)",
          body: signupBody,
          response: { 202: z.object({ detail: z.string() }), 400: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const browserNonce = linkBrowserNonce(request, reply, deps);
        await requestSignUp(deps, {
          email: request.body.email,
          name: request.body.name,
          next: request.body.next,
          ip: request.ip,
          userAgent: request.headers["user-agent"],
          browserNonce,
          locale: request.locale,
        });
        return reply.status(202).send({
          detail: translate(
            request.locale,
            msg(
              {
                id: "server.auth.signUpLinkSent",
                defaultMessage:
                  "We e-mailed a link to {email}: open it within {minutes} minutes to finish. If the address already has an account, the link signs you in to it.",
              },
              { email: request.body.email, minutes: SIGN_IN_LINK_MINUTES },
            ),
          ),
        });
      },
    );

    app.get(
      "/auth/sign-up-link",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary:
            "Describe a sign-up link before using it: the address, the name, asked from where (public; makes nothing)",
          // In the query: a signed link carries the name and address, longer than a path part may be.
          querystring: z.strictObject({ token: signUpLinkBody.shape.token }),
          response: { 200: signUpLinkInfoSchema, 400: problemSchema, 410: problemSchema },
        },
      },
      async (request) => describeSignUpLink(deps, request.query.token, request.cookies[LINK_BROWSER_COOKIE]),
    );

    app.post(
      "/auth/sign-up-link",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary:
            "Create the account of a mailed sign-up link, without a password, and sign in (public; works once)",
          body: signUpLinkBody,
          response: {
            201: meSchema.extend({ next: z.string().nullable() }),
            400: problemSchema,
            409: problemSchema,
            410: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { token, next } = await signUpWithLink(deps, {
          token: request.body.token,
          name: request.body.name,
          confirmOtherBrowser: request.body.confirmOtherBrowser,
          browserNonce: request.cookies[LINK_BROWSER_COOKIE],
        });
        setSessionCookie(reply, deps, token);
        const actor = await actorFromSession(deps, token);
        return reply.status(201).send({ ...(await describeMe(deps, actor!)), next });
      },
    );

    app.post(
      "/auth/login",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "Sign in (public)",
          body: loginBody,
          response: { 200: meSchema, ...problems },
        },
      },
      async (request, reply) => {
        const { token } = await login(deps, request.body.email, request.body.password, request.ip);
        setSessionCookie(reply, deps, token);
        const actor = await actorFromSession(deps, token);
        return describeMe(deps, actor!);
      },
    );

    app.post(
      "/auth/email-link",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "E-mail a one-time sign-in link (public; same answer whether or not the account exists)",
          body: emailLinkRequestBody,
          response: { 202: z.object({ detail: z.string() }), 400: problemSchema, 429: problemSchema },
        },
      },
      async (request, reply) => {
        const browserNonce = linkBrowserNonce(request, reply, deps);
        await requestEmailLink(deps, {
          email: request.body.email,
          next: request.body.next,
          ip: request.ip,
          userAgent: request.headers["user-agent"],
          browserNonce,
          locale: request.locale,
        });
        return reply.status(202).send({
          detail: translate(
            request.locale,
            msg(
              {
                id: "server.auth.signInLinkSent",
                defaultMessage:
                  "If an account uses {email}, a sign-in link is on its way. It works once, within {minutes} minutes.",
              },
              { email: request.body.email, minutes: SIGN_IN_LINK_MINUTES },
            ),
          ),
        });
      },
    );

    app.get(
      "/auth/sign-in-link/:token",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary:
            "Describe a sign-in link before using it: whose, asked from where (public; changes nothing)",
          params: z.strictObject({ token: linkTokenBody.shape.token }),
          response: { 200: signInLinkInfoSchema, 400: problemSchema, 410: problemSchema },
        },
      },
      async (request) => describeSignInLink(deps, request.params.token, request.cookies[LINK_BROWSER_COOKIE]),
    );

    app.post(
      "/auth/sign-in-link",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "Sign in with a one-time link mailed on request or after many failed sign-ins (public)",
          body: signInLinkBody,
          response: {
            200: meSchema.extend({ next: z.string().nullable() }),
            400: problemSchema,
            409: problemSchema,
            410: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const { token, next } = await signInWithLink(deps, {
          token: request.body.token,
          confirmOtherBrowser: request.body.confirmOtherBrowser,
          browserNonce: request.cookies[LINK_BROWSER_COOKIE],
        });
        setSessionCookie(reply, deps, token);
        const actor = await actorFromSession(deps, token);
        return { ...(await describeMe(deps, actor!)), next };
      },
    );

    app.post(
      "/auth/logout",
      {
        config: { access: "public" },
        schema: { tags: ["auth"], summary: "Sign out (anyone)", response: { 204: z.null() } },
      },
      async (request, reply) => {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await endSession(deps, token);
        clearSessionCookie(reply, deps);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/me",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "The signed-in account, or null for a visitor (public)",
          response: { 200: meSchema.nullable() },
        },
      },
      async (request) => (request.actor ? describeMe(deps, request.actor) : null),
    );

    app.post(
      "/auth/password-reset",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "E-mail a password reset link (public; same answer whether or not the account exists)",
          body: resetRequestBody,
          response: { 202: z.object({ detail: z.string() }), 400: problemSchema },
        },
      },
      async (request, reply) => {
        await requestPasswordReset(deps, request.body.email);
        deps.mailer.deliverSoon();
        return reply.status(202).send({
          detail: translate(
            request.locale,
            msg({
              id: "server.auth.resetLinkSent",
              defaultMessage:
                "If an account uses this address, a reset link is on its way. It works once, within an hour; asking again voids the earlier link.",
            }),
          ),
        });
      },
    );

    app.get(
      "/auth/password-reset/:token",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary:
            "Whether a reset link still works, without using it (public; 404 unknown, 410 with the reason: used, expired or replaced)",
          params: z.strictObject({ token: z.string().min(20).max(200) }),
          response: { 200: resetLinkSchema, 400: problemSchema, 404: problemSchema, 410: problemSchema },
        },
      },
      async (request, reply) => {
        const { expiresAt } = await describeResetLink(deps, request.params.token);
        // The answer is about a secret in the address: no cache may keep it.
        return reply.header("cache-control", "no-store").send({ valid: true as const, expiresAt });
      },
    );

    app.post(
      "/auth/password-reset/confirm",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "Set a new password with a reset link's token (public)",
          body: resetConfirmBody,
          response: { 204: z.null(), 400: problemSchema, 404: problemSchema, 410: problemSchema },
        },
      },
      async (request, reply) => {
        await confirmPasswordReset(deps, request.body.token, request.body.password);
        return reply.status(204).send(null);
      },
    );
  };
}
