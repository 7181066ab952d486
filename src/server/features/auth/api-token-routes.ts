import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  apiTokenList,
  apiTokenSchema,
  createdTokenSchema,
  createTokenBody,
} from "../../../core/api-tokens.js";
import { uuidSchema } from "../../../core/ids.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens.js";

const signedIn = { 401: problemSchema, 403: problemSchema };

/** The account page's API tokens: made, listed and revoked by their owner, signed in. */
export function apiTokenRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/me/tokens",
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary:
            "My API tokens, newest first, with their access, expiry and last use (signed in, not with a token)",
          response: { 200: apiTokenList, ...signedIn },
        },
      },
      async (request) => listApiTokens(deps, requireActor(request)),
    );
    app.post(
      "/me/tokens",
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary:
            "Make an API token, read-only or read-write, with an expiry or until revoked; the answer is the only time it is shown (signed in, not with a token)",
          body: createTokenBody,
          response: { 201: createdTokenSchema, 400: problemSchema, ...signedIn },
        },
      },
      async (request, reply) => {
        void reply.header("cache-control", "no-store");
        return reply.code(201).send(await createApiToken(deps, requireActor(request), request.body));
      },
    );
    app.delete(
      "/me/tokens/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["auth"],
          summary: "Revoke one of my API tokens: it stops working at once (signed in, not with a token)",
          params: z.strictObject({ id: uuidSchema }),
          response: { 200: apiTokenSchema, 400: problemSchema, 404: problemSchema, ...signedIn },
        },
      },
      async (request) => revokeApiToken(deps, requireActor(request), request.params.id),
    );
  };
}
