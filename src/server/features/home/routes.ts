import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { communityStatsSchema, communityStoriesSchema } from "../../../core/home.js";
import type { AppDeps } from "../../deps.js";
import { communityStats, communityStories } from "./service.js";

/** What the home page shows a visitor about the whole community. */
export function homeRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/community/stats",
      {
        config: { access: "public" },
        schema: {
          tags: ["home"],
          summary: "The community in numbers: partnerships, states, industries, businesses at the table",
          response: { 200: communityStatsSchema },
        },
      },
      async () => communityStats(deps),
    );
    app.get(
      "/community/stories",
      {
        config: { access: "public" },
        schema: {
          tags: ["home"],
          summary: "The newest public impact stories across all partnerships",
          querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(20).default(6) }),
          response: { 200: communityStoriesSchema },
        },
      },
      async (request) => communityStories(deps, request.query.limit),
    );
  };
}
