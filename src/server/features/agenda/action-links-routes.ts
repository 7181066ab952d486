import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  actionLinkBody,
  actionLinkInfo,
  actionLinkParams,
  actionLinkResult,
} from "../../../core/action-links.js";
import { uuidSchema } from "../../../core/ids.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { describeActionLink, useActionLink } from "./action-links.js";

const linkProblems = { 400: problemSchema, 403: problemSchema, 410: problemSchema };

/** The one-tap links of action reminders: public, because the link itself is the authority. */
export function actionLinkRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/actions/:id/email-link/:token",
      {
        config: { access: "public" },
        schema: {
          tags: ["agenda"],
          summary:
            "Describe a one-tap link from an action reminder: the action and the change it makes (public with the link; changes nothing)",
          params: actionLinkParams,
          response: { 200: actionLinkInfo, ...linkProblems },
        },
      },
      async (request) => describeActionLink(deps, request.params.id, request.params.token),
    );

    app.post(
      "/actions/:id/email-link",
      {
        config: { access: "public" },
        schema: {
          tags: ["agenda"],
          summary:
            "Make the change of a one-tap link from an action reminder: Done, On track (with progress) or Stuck (public with the link; works once, for the action's owner)",
          params: z.strictObject({ id: uuidSchema }),
          body: actionLinkBody,
          response: { 200: actionLinkResult, ...linkProblems },
        },
      },
      async (request) => useActionLink(deps, request.params.id, request.body),
    );
  };
}
