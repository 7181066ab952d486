import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { uuidSchema } from "../../../core/ids.js";
import { problemSchema } from "../../../core/problem.js";
import {
  createdServiceTokenSchema,
  createServiceTokenBody,
  serviceTokenList,
  serviceTokenSchema,
} from "../../../core/service-tokens.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { createServiceToken, listServiceTokens, revokeServiceToken } from "./service-tokens.js";

const adminOnly = { 401: problemSchema, 403: problemSchema };

/** The admin's service tokens: read-only tokens for a state or a region, for state systems. */
export function serviceTokenRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/admin/service-tokens",
      {
        config: { access: "user" },
        schema: {
          tags: ["admin"],
          summary:
            "Service tokens, newest first, with their scope, status, expiry and last use (community admin, signed in)",
          response: { 200: serviceTokenList, ...adminOnly },
        },
      },
      async (request) => listServiceTokens(deps, requireActor(request)),
    );
    app.post(
      "/admin/service-tokens",
      {
        config: { access: "user" },
        schema: {
          tags: ["admin"],
          summary:
            "Make a read-only service token for a state or a region (counties or a CBSA); the answer is the only time it is shown (community admin, signed in)",
          body: createServiceTokenBody,
          response: { 201: createdServiceTokenSchema, 400: problemSchema, ...adminOnly },
        },
      },
      async (request, reply) => {
        void reply.header("cache-control", "no-store");
        return reply.code(201).send(await createServiceToken(deps, requireActor(request), request.body));
      },
    );
    app.post(
      "/admin/service-tokens/:id/revoke",
      {
        config: { access: "user" },
        schema: {
          tags: ["admin"],
          summary: "Revoke a service token: it stops working at once (community admin, signed in)",
          params: z.strictObject({ id: uuidSchema }),
          response: { 200: serviceTokenSchema, 400: problemSchema, 404: problemSchema, ...adminOnly },
        },
      },
      async (request) => revokeServiceToken(deps, requireActor(request), request.params.id),
    );
  };
}
