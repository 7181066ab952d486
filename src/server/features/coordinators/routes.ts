import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  accessLogQuery,
  accessLogSchema,
  assignScopeBody,
  myScopesSchema,
  scopeListSchema,
  scopeSchema,
  scopesQuery,
} from "../../../core/coordinators.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { accessLog, assignScope, listScopes, myScopes, removeScope } from "./service.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export function coordinatorRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/coordinators",
      {
        config: { access: "user" },
        schema: {
          tags: ["coordinators"],
          summary: "Coordinator scopes (admin: all; state coordinator: their states')",
          querystring: scopesQuery,
          response: { 200: scopeListSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => listScopes(deps, requireActor(request), request.query),
    );

    app.post(
      "/coordinators",
      {
        config: { access: "user" },
        schema: {
          tags: ["coordinators"],
          summary: "Assign a coordinator scope (admin; state coordinator: regions in their state)",
          body: assignScopeBody,
          response: { 201: scopeSchema, ...problems },
        },
      },
      async (request, reply) => {
        const scope = await assignScope(deps, requireActor(request), request.body);
        return reply.status(201).send(scope);
      },
    );

    app.delete(
      "/coordinators/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["coordinators"],
          summary: "Remove a coordinator scope (admin; state coordinator: regions in their state)",
          params: idParam,
          response: { 204: z.null(), ...problems },
        },
      },
      async (request, reply) => {
        await removeScope(deps, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/me/scopes",
      {
        config: { access: "user" },
        schema: {
          tags: ["coordinators"],
          summary: "The caller's coordinator scopes and their partnerships (signed in)",
          response: { 200: myScopesSchema, 401: problemSchema },
        },
      },
      async (request) => myScopes(deps, requireActor(request)),
    );

    app.get(
      "/partnerships/:id/coordinator-access",
      {
        config: { access: "user" },
        schema: {
          tags: ["coordinators"],
          summary: "Coordinators' reads of members-only data, newest first (conveners)",
          params: idParam,
          querystring: accessLogQuery,
          response: { 200: accessLogSchema, ...problems },
        },
      },
      async (request) =>
        accessLog(deps, requireActor(request), request.params.id, request.query, request.locale),
    );
  };
}
