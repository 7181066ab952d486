import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  actionPlanSchema,
  actionTeamBody,
  actionTeamSchema,
  priorityBody,
  priorityPatch,
  prioritySchema,
} from "../../../core/agenda.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { getActionPlan } from "./plan-service.js";
import { createPriority, createTeam, getPriority, joinTeam, updatePriority } from "./priorities-service.js";
import { idParam, readProblems, writeProblems } from "./votes-routes.js";

export function priorityRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/action-plan",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary:
            "The shared action plan: priorities, teams, champions, actions, what is due in 60 days and what is late (members)",
          params: idParam,
          response: { 200: actionPlanSchema, ...readProblems },
        },
      },
      async (request) => getActionPlan(deps, request.actor, request.params.id),
    );

    app.post(
      "/partnerships/:id/priorities",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Choose a priority, from an opportunity or not (convener)",
          params: idParam,
          body: priorityBody,
          response: { 201: prioritySchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createPriority(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      "/priorities/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "A priority with its teams and actions (members)",
          params: idParam,
          response: { 200: prioritySchema, ...readProblems },
        },
      },
      async (request) => getPriority(deps, request.actor, request.params.id),
    );

    app.patch(
      "/priorities/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary:
            "Edit a priority or mark it achieved or retired; a stale version answers 409 with the current record (convener)",
          params: idParam,
          body: priorityPatch,
          response: { 200: prioritySchema, 409: problemSchema, ...writeProblems },
        },
      },
      async (request) => updatePriority(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/priorities/:id/action-teams",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Form an action team; its champions must be business members (convener)",
          params: idParam,
          body: actionTeamBody,
          response: { 201: actionTeamSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createTeam(deps, requireActor(request), request.params.id, request.body)),
    );

    app.post(
      "/action-teams/:id/join",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Sign up for an action team (members of the partnership but observers)",
          params: idParam,
          response: { 200: actionTeamSchema, ...writeProblems },
        },
      },
      async (request) => joinTeam(deps, requireActor(request), request.params.id, true),
    );

    app.post(
      "/action-teams/:id/leave",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Leave an action team (its only champion cannot)",
          params: idParam,
          response: { 200: actionTeamSchema, ...writeProblems },
        },
      },
      async (request) => joinTeam(deps, requireActor(request), request.params.id, false),
    );
  };
}
