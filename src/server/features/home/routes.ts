import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { communityStatsSchema, communityStoriesSchema, meHomeSchema } from "../../../core/home.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { meHome } from "./me-service.js";
import { myPlan } from "./my-plan.js";
import { MY_PLAN_MEETINGS, myPlanSchema } from "../../../core/my-plan.js";
import { communityStats, communityStories } from "./service.js";

/** What the home page shows: the whole community to a visitor, and a signed-in person their own plate. */
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
    app.get(
      "/me/home",
      {
        config: { access: "user" },
        schema: {
          tags: ["home"],
          summary:
            "The signed-in home page: what is due across the caller's partnerships (late and coming actions, votes and self-assessments to answer, meetings in the next 14 days), new replies in followed discussions, and the next events with the caller's registration (signed in)",
          response: { 200: meHomeSchema, 401: problemSchema },
        },
      },
      async (request) => meHome(deps, requireActor(request)),
    );
    app.get(
      "/me/plan",
      {
        config: { access: "user" },
        schema: {
          tags: ["home"],
          summary: `My actions and meetings: every open action the caller owns (late first, then by due date) and the next ${MY_PLAN_MEETINGS} meetings of their partnerships, with when it was answered (signed in)`,
          response: { 200: myPlanSchema, 401: problemSchema },
        },
      },
      async (request, reply) => {
        // Personal: never kept by a shared cache; the installed app keeps its own copy.
        void reply.header("cache-control", "private, no-store");
        return myPlan(deps, requireActor(request));
      },
    );
  };
}
