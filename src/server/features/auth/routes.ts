import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { loginBody, meSchema, resetConfirmBody, resetRequestBody, signupBody } from "../../../core/auth.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { clearSessionCookie, requireActor, setSessionCookie, SESSION_COOKIE } from "../../plugins/auth.js";
import {
  actorFromSession,
  confirmPasswordReset,
  describeMe,
  endSession,
  login,
  requestPasswordReset,
  signup,
} from "./service.js";

const problems = { 400: problemSchema, 401: problemSchema, 429: problemSchema };

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/auth/signup",
      {
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "Create an account (public)",
          body: signupBody,
          response: { 201: meSchema, ...problems },
        },
      },
      async (request, reply) => {
        const { token } = await signup(deps, request.body);
        setSessionCookie(reply, deps, token);
        const actor = await actorFromSession(deps, token);
        return reply.status(201).send(await describeMe(deps, actor!));
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
        const { token } = await login(deps, request.body.email, request.body.password);
        setSessionCookie(reply, deps, token);
        const actor = await actorFromSession(deps, token);
        return describeMe(deps, actor!);
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
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "The signed-in account (signed in)",
          response: { 200: meSchema, 401: problemSchema },
        },
      },
      async (request) => describeMe(deps, requireActor(request)),
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
          detail:
            "If an account uses this address, a reset link is on its way. It works once, within an hour.",
        });
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
          response: { 204: z.null(), 400: problemSchema, 410: problemSchema },
        },
      },
      async (request, reply) => {
        await confirmPasswordReset(deps, request.body.token, request.body.password);
        return reply.status(204).send(null);
      },
    );
  };
}
