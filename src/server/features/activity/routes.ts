import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { activityListSchema, activityQuery, followSchema } from "../../../core/activity.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { getFollow, listActivity, setFollow } from "./service.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });

export function activityRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/activity",
      {
        config: { access: "user" },
        schema: {
          tags: ["activity"],
          summary: "The partnership's timeline: what happened and who did it, newest first (members)",
          params: idParam,
          querystring: activityQuery,
          response: {
            200: activityListSchema,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => listActivity(deps, request.actor, request.params.id, request.query, request.locale),
    );

    app.get(
      "/partnerships/:id/follow",
      {
        config: { access: "public" },
        schema: {
          tags: ["activity"],
          summary: "How many follow the partnership and whether the caller does (public)",
          params: idParam,
          response: { 200: followSchema, 404: problemSchema },
        },
      },
      async (request) => getFollow(deps, request.actor, request.params.id),
    );

    app.put(
      "/partnerships/:id/follow",
      {
        config: { access: "user" },
        schema: {
          tags: ["activity"],
          summary: "Follow the partnership (signed in)",
          params: idParam,
          response: { 200: followSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request) => setFollow(deps, requireActor(request), request.params.id, true),
    );

    app.delete(
      "/partnerships/:id/follow",
      {
        config: { access: "user" },
        schema: {
          tags: ["activity"],
          summary: "Stop following the partnership (signed in)",
          params: idParam,
          response: { 200: followSchema, 401: problemSchema, 404: problemSchema },
        },
      },
      async (request) => setFollow(deps, requireActor(request), request.params.id, false),
    );
  };
}
