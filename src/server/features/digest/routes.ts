import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { preferencesSchema } from "../../../core/discussions.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { setDigestChoice } from "../notifications/service.js";
import { verifyUnsubscribeToken } from "./unsubscribe.js";

export function digestRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/unsubscribe",
      {
        config: { access: "public" },
        schema: {
          tags: ["notifications"],
          summary:
            "One-click unsubscribe from the digest with the signed token of an e-mail (anyone holding it)",
          querystring: z.strictObject({ token: z.string().max(200) }),
          response: { 200: preferencesSchema, 400: problemSchema, 403: problemSchema },
        },
      },
      async (request) =>
        deps.db.transaction(async (tx) => {
          const userId = await verifyUnsubscribeToken(deps, tx, request.query.token);
          return setDigestChoice(tx, userId, "none", deps.now());
        }),
    );
  };
}
