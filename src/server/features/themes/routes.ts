import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import { themeRollupQuery, themeRollupResponse } from "../../../core/themes.js";
import type { AppDeps } from "../../deps.js";
import { themeRollup } from "./service.js";

export function themeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/community/themes",
      {
        // Agendas are members-only: the community sees counts, signed in, in groups of 5 or more.
        config: { access: "user" },
        schema: {
          tags: ["community"],
          summary:
            "What partnerships work on: active priorities counted by theme, by industry sector and by state (signed in; groups under 5 partnerships are left out)",
          querystring: themeRollupQuery,
          response: { 200: themeRollupResponse, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => themeRollup(deps, request.query),
    );
  };
}
