import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { alikeIndicatorsSchema, customIndicatorBody, indicatorSchema } from "../../../core/impact.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { adoptIndicator, alikeIndicators, defineOwnIndicator } from "./own-indicators.js";

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export function ownIndicatorRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/partnerships/:id/own-indicators",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary:
            "Define an indicator of the partnership's own, tracked at once; kept out of benchmarks and roll-ups until adopted (convener)",
          params: z.strictObject({ id: z.string().min(1).max(120) }),
          body: customIndicatorBody,
          response: { 201: indicatorSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await defineOwnIndicator(deps, request.actor, request.params.id, request.body)),
    );

    app.get(
      "/admin/indicators/alike",
      {
        config: { access: "admin" },
        schema: {
          tags: ["impact"],
          summary:
            "Partnerships' own indicators that two or more defined alike (same name and unit), to adopt (community admin)",
          response: { 200: alikeIndicatorsSchema, 401: problemSchema, 403: problemSchema },
        },
      },
      async () => alikeIndicators(deps),
    );

    app.post(
      "/admin/indicators/:key/adopt",
      {
        config: { access: "admin" },
        schema: {
          tags: ["impact"],
          summary:
            "Adopt a partnership's own indicator into the catalog; its values come with it (community admin)",
          params: z.strictObject({ key: z.string().min(1).max(60) }),
          response: { 200: indicatorSchema, ...problems, 409: problemSchema },
        },
      },
      async (request) => adoptIndicator(deps, request.params.key),
    );
  };
}
