import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppDeps } from "../../deps.js";
import { actionLinkRoutes } from "./action-links-routes.js";
import { actionRoutes } from "./actions-routes.js";
import { liveVoteRoutes } from "./live-vote-routes.js";
import { priorityRoutes } from "./priorities-routes.js";
import { voteRoutes } from "./votes-routes.js";

/** The shared agenda: opportunities, votes, priorities, action teams and actions. */
export function agendaRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(voteRoutes(deps));
    await app.register(priorityRoutes(deps));
    await app.register(actionRoutes(deps));
    await app.register(actionLinkRoutes(deps));
    await app.register(liveVoteRoutes(deps));
  };
}
