import { translate } from "../../i18n/intl.js";
import { msg } from "../../../core/i18n/msg.js";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  deleteMeBody,
  emailChangeBody,
  linkTokenBody,
  meSchema,
  meUpdateBody,
  myDataSchema,
  sessionsEndedSchema,
} from "../../../core/auth.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { clearSessionCookie, requireActor, SESSION_COOKIE } from "../../plugins/auth.js";
import {
  confirmEmailChange,
  deleteMe,
  endOtherSessions,
  exportMyData,
  requestEmailChange,
  updateMe,
} from "./account.js";
import { actorFromSession, describeMe } from "./service.js";

const problems = { 400: problemSchema, 401: problemSchema };

/** The account page: everyone's own name, password, address, sessions, data and deletion. */
export function meRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.patch(
      "/me",
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "Change my name, or my password with the current one (signed in)",
          body: meUpdateBody,
          response: { 200: meSchema, ...problems },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const token = request.cookies[SESSION_COOKIE] ?? "";
        await updateMe(deps, actor, request.body, token);
        return describeMe(deps, (await actorFromSession(deps, token))!);
      },
    );

    app.post(
      "/me/email",
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "Change my e-mail address: a link goes to the new one (signed in)",
          body: emailChangeBody,
          response: { 202: z.object({ detail: z.string() }), ...problems },
        },
      },
      async (request, reply) => {
        await requestEmailChange(
          deps,
          requireActor(request),
          request.body.email,
          request.body.currentPassword,
        );
        return reply.status(202).send({
          detail: translate(
            request.locale,
            msg(
              {
                id: "server.auth.emailChangeSent",
                defaultMessage:
                  "We sent a link to {email}. Your address changes when you open it (within 24 hours).",
              },
              { email: request.body.email },
            ),
          ),
        });
      },
    );

    app.post(
      "/me/email/confirm",
      {
        // Public: the link may be opened in a browser that is not signed in; the token is the proof.
        config: { access: "public" },
        schema: {
          tags: ["auth"],
          summary: "Confirm a new e-mail address with the link's token (public)",
          body: linkTokenBody,
          response: {
            200: z.object({ email: z.string() }),
            400: problemSchema,
            409: problemSchema,
            410: problemSchema,
          },
        },
      },
      async (request) => confirmEmailChange(deps, request.body.token),
    );

    app.post(
      "/me/sessions/end-others",
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "Sign out of every other session (signed in)",
          response: { 200: sessionsEndedSchema, 401: problemSchema },
        },
      },
      async (request) => ({
        ended: await endOtherSessions(deps, requireActor(request), request.cookies[SESSION_COOKIE] ?? ""),
      }),
    );

    app.get(
      "/me/export",
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "Everything stored about me, as JSON (signed in)",
          response: { 200: myDataSchema, 401: problemSchema },
        },
      },
      async (request, reply) => {
        void reply.header("content-disposition", 'attachment; filename="shared-table-my-data.json"');
        void reply.header("cache-control", "no-store");
        return exportMyData(deps, requireActor(request));
      },
    );

    app.delete(
      "/me",
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "Delete my account: personal data erased, contributions kept (signed in)",
          body: deleteMeBody,
          response: { 204: z.null(), ...problems, 409: problemSchema },
        },
      },
      async (request, reply) => {
        await deleteMe(deps, requireActor(request), request.body.currentPassword);
        clearSessionCookie(reply, deps);
        return reply.status(204).send(null);
      },
    );
  };
}
