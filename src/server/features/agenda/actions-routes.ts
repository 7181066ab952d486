import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  actionBody,
  actionDetail,
  actionPatch,
  actionSchema,
  actionUpdateBody,
} from "../../../core/agenda.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { addActionUpdate, createAction, getAction, updateAction } from "./actions-service.js";
import { idParam, readProblems, writeProblems } from "./votes-routes.js";

export function actionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/action-teams/:id/actions",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Add an action to a team (convener or the team's champions)",
          params: idParam,
          body: actionBody,
          response: { 201: actionSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createAction(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      "/actions/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "An action with its dated updates (members)",
          params: idParam,
          response: { 200: actionDetail, ...readProblems },
        },
      },
      async (request) => getAction(deps, request.actor, request.params.id),
    );

    app.patch(
      "/actions/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary:
            "Edit an action; a stale version answers 409 with the current record (convener, the team's champions, the owner)",
          params: idParam,
          body: actionPatch,
          response: { 200: actionDetail, 409: problemSchema, ...writeProblems },
        },
      },
      async (request) => updateAction(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/actions/:id/updates",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Add a dated progress note (convener, the team's champions, the owner)",
          params: idParam,
          body: actionUpdateBody,
          response: { 201: actionDetail, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addActionUpdate(deps, requireActor(request), request.params.id, request.body)),
    );
  };
}
