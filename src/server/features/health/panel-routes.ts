import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { healthPanelSchema } from "../../../core/health.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { healthPanel } from "./panel-service.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });

export function healthPanelRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/health",
      {
        config: { access: "user" },
        schema: {
          tags: ["health"],
          summary:
            "Health panel per year: business share of attendance, business-led action teams, meetings, business members added and retained, public partner kinds engaged (members)",
          params: idParam,
          response: { 200: healthPanelSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      async (request) => healthPanel(deps, request.actor, request.params.id),
    );
  };
}
