import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import { partnershipEconomy as partnershipEconomySchema } from "../../../core/qcew/partnership-panel.js";
import type { AppDeps } from "../../deps.js";
import { partnershipEconomy } from "./partnership-sync.js";

/** The partnership's own regional economy panel: public, like its profile and the BLS figures. */
export function partnershipEconomyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/regional-economy",
      {
        config: { access: "public" },
        schema: {
          tags: ["qcew"],
          summary:
            "Jobs, establishments and average annual pay of the partnership's industry codes in its counties from the imported BLS QCEW annual averages, per code and together, over the imported years, with location quotients and the indicator values they give (public)",
          params: z.strictObject({ id: z.string().min(1).max(120) }),
          response: { 200: partnershipEconomySchema, 400: problemSchema, 404: problemSchema },
        },
      },
      async (request) => partnershipEconomy(deps.db, request.params.id),
    );
  };
}
