import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import {
  metroArea,
  metroAreasQuery,
  regionEconomy as regionEconomySchema,
  regionEconomyQuery,
} from "../../../core/qcew/profile.js";
import type { AppDeps } from "../../deps.js";
import { regionEconomyCsv, regionEconomyFilename } from "./profile-csv.js";
import { listMetroAreas, regionEconomy } from "./profile.js";

/** Explore a region: public figures from the imported BLS QCEW files, as JSON and as CSV. */
export function regionEconomyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/regions/metros",
      {
        config: { access: "public" },
        schema: {
          tags: ["qcew"],
          summary: "Metro and micro areas (CBSAs) of the reference data matching a title or code (public)",
          querystring: metroAreasQuery,
          response: { 200: z.object({ items: z.array(metroArea) }), 400: problemSchema },
        },
      },
      async (request) => listMetroAreas(deps.db, request.query.q),
    );
    app.get(
      "/regions/economy",
      {
        config: { access: "public" },
        schema: {
          tags: ["qcew"],
          summary:
            "A region's economy from BLS QCEW annual averages: totals over the imported years and every industry at a NAICS level with jobs, share, pay, location quotient and change (public)",
          querystring: regionEconomyQuery,
          response: { 200: regionEconomySchema, 400: problemSchema, 404: problemSchema },
        },
      },
      async (request) => regionEconomy(deps.db, request.query, request.locale),
    );
    app.get(
      "/regions/economy.csv",
      {
        config: { access: "public" },
        schema: {
          tags: ["qcew"],
          summary: "The industry table of a region's economy as CSV (public)",
          querystring: regionEconomyQuery,
          response: { 200: z.string(), 400: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) => {
        const profile = await regionEconomy(deps.db, request.query, request.locale);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="${regionEconomyFilename(profile)}"`)
          .send(regionEconomyCsv(profile, request.locale));
      },
    );
  };
}
