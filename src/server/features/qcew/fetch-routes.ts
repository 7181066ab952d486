import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import { msg } from "../../../core/i18n/msg.js";
import type { AppDeps } from "../../deps.js";
import { translate } from "../../i18n/intl.js";
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
        const t = (message: Parameters<typeof translate>[1]) => translate(request.locale, message);
        if (!baseUrl)
          return sendProblem(reply, 409, {
            type: "https://sharedtable.dev/problems/qcew-fetch-off",
            title: t(
              msg({
                id: "server.qcew.fetchOff.title",
                defaultMessage: "Fetching from the BLS is turned off",
              }),
            ),
            detail: t(
              msg({
                id: "server.qcew.fetchOff.detail",
                defaultMessage:
                  "This server has QCEW_BASE_URL set to off: download the files from the BLS and upload them instead.",
              }),
            ),
          });
        try {
          return await fetchQcew(deps, request.body, {
            baseUrl,
            via: "upload",
            importedBy: actor.userId,
            sleep: deps.sleep,
            locale: request.locale,
          });
        } catch (error) {
          if (!(error instanceof QcewUnreachableError)) throw error;
          return sendProblem(reply, 502, {
            type: "https://sharedtable.dev/problems/bls-unreachable",
            title: t(
              msg({ id: "server.qcew.unreachable.title", defaultMessage: "The BLS could not be reached" }),
            ),
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
