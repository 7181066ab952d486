import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { advanceStageBody, checklistSchema, stepTickBody } from "../../../core/stages.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { advanceStage, getChecklist, tickStep } from "./service.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const stepParam = z.strictObject({ id: z.string().min(1).max(120), stepKey: z.string().min(1).max(80) });
const writeProblems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export function stageRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/checklist",
      {
        config: { access: "public" },
        schema: {
          tags: ["stages"],
          summary:
            "The five stages with their steps and which are done; who ticked them is shown to members (public)",
          params: idParam,
          response: { 200: checklistSchema, 404: problemSchema },
        },
      },
      async (request) => getChecklist(deps, request.actor, request.params.id),
    );

    app.put(
      "/partnerships/:id/checklist/:stepKey",
      {
        config: { access: "user" },
        schema: {
          tags: ["stages"],
          summary: "Tick a step off or un-tick it (convener)",
          params: stepParam,
          body: stepTickBody,
          response: { 200: checklistSchema, ...writeProblems },
        },
      },
      async (request) =>
        tickStep(deps, requireActor(request), request.params.id, request.params.stepKey, request.body),
    );

    app.post(
      "/partnerships/:id/stage/advance",
      {
        config: { access: "user" },
        schema: {
          tags: ["stages"],
          summary:
            "Move the partnership to the next stage once the current stage's steps are done; name the partnership version you saw (convener)",
          params: idParam,
          body: advanceStageBody,
          response: { 200: checklistSchema, ...writeProblems, 409: problemSchema },
        },
      },
      async (request) => advanceStage(deps, requireActor(request), request.params.id, request.body.version),
    );
  };
}
