import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireAdmin } from "../../plugins/auth.js";
import { sendProblem } from "../../plugins/errors.js";
import { fetchQcew, qcewFetchRequest, qcewFetchResult, QcewUnreachableError } from "./fetch.js";

export function qcewFetchRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/admin/qcew/fetch",
      {
        config: { access: "admin" },
        schema: {
          tags: ["qcew"],
          summary:
            "Fetch BLS QCEW area files of a year (annual or one quarter) and import them, with the national file (community admin)",
          body: qcewFetchRequest,
          response: {
            200: qcewFetchResult,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            409: problemSchema,
            502: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const actor = requireAdmin(request);
        const baseUrl = deps.config.qcewBaseUrl;
        if (!baseUrl)
          return sendProblem(reply, 409, {
            type: "https://sharedtable.dev/problems/qcew-fetch-off",
            title: "Fetching from the BLS is turned off",
            detail:
              "This server has QCEW_BASE_URL set to off: download the files from the BLS and upload them instead.",
          });
        try {
          return await fetchQcew(deps, request.body, {
            baseUrl,
            via: "upload",
            importedBy: actor.userId,
            sleep: deps.sleep,
          });
        } catch (error) {
          if (!(error instanceof QcewUnreachableError)) throw error;
          return sendProblem(reply, 502, {
            type: "https://sharedtable.dev/problems/bls-unreachable",
            title: "The BLS could not be reached",
            detail: error.message,
          });
        } finally {
          // Each fetched file that was imported wrote BLS QCEW indicator values: cached
          // benchmarks and roll-ups are stale, also when a later file failed.
          deps.answers.invalidate();
        }
      },
    );
  };
}
