import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import { measurementsSyncPage, partnershipsSyncPage, syncQuery } from "../../../core/sync.js";
import type { AppDeps } from "../../deps.js";
import { syncMeasurements, syncPartnerships } from "./service.js";

/** Bulk reading for machines (a state system's nightly copy): what changed since a moment. */
export function syncRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/sync/partnerships",
      {
        config: { access: "public" },
        schema: {
          tags: ["sync"],
          summary:
            "The partnerships changed since `updatedSince` (all of them without it), oldest change first, a page at a time: send `until` back as `updatedSince` next time; `state` narrows it for anyone, `scope` to one of the caller's coordinator scopes (public)",
          querystring: syncQuery,
          response: {
            200: partnershipsSyncPage,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => syncPartnerships(deps, request.actor, request.query),
    );
    app.get(
      "/sync/measurements",
      {
        config: { access: "public" },
        schema: {
          tags: ["sync"],
          summary:
            "The impact values changed since `updatedSince` that the caller may read (public ones for anyone, community ones when signed in or with a token, a partnership's own for its members and for the coordinators and service tokens of its scope, logged), with the indicator's unit (`yes_no`: outcomes), and those deleted or no longer shared with them as removed, a page at a time; `scope` or `state` narrows it",
          querystring: syncQuery,
          response: {
            200: measurementsSyncPage,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
          },
        },
      },
      async (request) => syncMeasurements(deps, request.actor, request.query),
    );
  };
}
