import type { FastifyReply } from "fastify";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import {
  partnershipCreateBody,
  partnershipDetail,
  partnershipList,
  partnershipListQuery,
  partnershipPatchBody,
} from "../../../core/partnerships.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import {
  createPartnership,
  directoryMap,
  getPartnershipDetail,
  listPartnerships,
  updatePartnership,
} from "./service.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const mapQuery = partnershipListQuery.omit({ sort: true, page: true, pageSize: true });
const mapResponse = z.object({
  states: z.array(z.object({ fips: z.string(), abbr: z.string(), count: z.number().int() })),
  counties: z.array(z.object({ fips: z.string(), count: z.number().int() })),
});

/**
 * Sends JSON that is already serialized (a cached answer): Fastify sends strings as they are.
 * The cached text was made from the same service result the response schema describes.
 */
function sendJsonText(reply: FastifyReply, body: string) {
  return reply.type("application/json; charset=utf-8").send(body);
}

export function partnershipRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships",
      {
        config: { access: "public" },
        schema: {
          tags: ["partnerships"],
          summary: "Search the public directory (public)",
          querystring: partnershipListQuery,
          response: { 200: partnershipList, 400: problemSchema },
        },
      },
      async (request, reply) =>
        sendJsonText(
          reply,
          await deps.answers.remember(`list:${JSON.stringify(request.query)}`, () =>
            listPartnerships(deps.db, request.query),
          ),
        ),
    );

    app.get(
      "/partnerships/map",
      {
        config: { access: "public" },
        schema: {
          tags: ["partnerships"],
          summary: "How many partnerships touch each state and county (public)",
          querystring: mapQuery,
          response: { 200: mapResponse, 400: problemSchema },
        },
      },
      async (request, reply) =>
        sendJsonText(
          reply,
          await deps.answers.remember(`map:${JSON.stringify(request.query)}`, () =>
            directoryMap(deps.db, request.query),
          ),
        ),
    );

    app.post(
      "/partnerships",
      {
        config: { access: "user" },
        schema: {
          tags: ["partnerships"],
          summary: "Create a partnership; the caller becomes its convener (signed in)",
          body: partnershipCreateBody,
          response: { 201: partnershipDetail, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        return reply.status(201).send(await createPartnership(deps, actor, request.body));
      },
    );

    app.get(
      "/partnerships/:id",
      {
        config: { access: "public" },
        schema: {
          tags: ["partnerships"],
          summary: "A partnership's public profile, by id or slug (public)",
          params: idParam,
          response: { 200: partnershipDetail, 404: problemSchema },
        },
      },
      async (request) => getPartnershipDetail(deps.db, request.params.id, request.actor),
    );

    app.patch(
      "/partnerships/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["partnerships"],
          summary: "Edit the profile with the version you read (convener or community admin)",
          params: idParam,
          body: partnershipPatchBody,
          response: {
            200: partnershipDetail,
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
          },
        },
      },
      async (request) => updatePartnership(deps, requireActor(request), request.params.id, request.body),
    );
  };
}
