import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { countiesQuery, countyEntry, naicsEntry, naicsSearchQuery } from "../../../core/reference.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { listCounties, listStates, searchNaics } from "./service.js";

export function referenceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/reference/naics",
      {
        config: { access: "public" },
        schema: {
          tags: ["reference"],
          summary: "Search NAICS industry codes and titles (public)",
          querystring: naicsSearchQuery,
          response: { 200: z.object({ items: z.array(naicsEntry) }), 400: problemSchema },
        },
      },
      async (request) => searchNaics(deps.db, request.query),
    );
    app.get(
      "/reference/states",
      {
        config: { access: "public" },
        schema: {
          tags: ["reference"],
          summary: "US states and territories (public)",
          response: {
            200: z.object({
              items: z.array(z.object({ fips: z.string(), abbr: z.string(), name: z.string() })),
            }),
          },
        },
      },
      async () => listStates(deps.db),
    );
    app.get(
      "/reference/counties",
      {
        config: { access: "public" },
        schema: {
          tags: ["reference"],
          summary: "US counties by state, name or FIPS code (public)",
          querystring: countiesQuery,
          response: { 200: z.object({ items: z.array(countyEntry) }), 400: problemSchema },
        },
      },
      async (request) => listCounties(deps.db, request.query),
    );
  };
}
