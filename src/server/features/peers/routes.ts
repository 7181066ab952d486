import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  connectBody,
  listingBody,
  listingSchema,
  peerList,
  peopleList,
  peopleQuery,
} from "../../../core/peers.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { listPeople, myListing, saveListing } from "./people.js";
import { askToConnect, findPeers } from "./service.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });

export function peerRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/peers",
      {
        config: { access: "public" },
        schema: {
          tags: ["peers"],
          summary:
            "Partnerships like this one: same industry elsewhere or same region, most similar first (public)",
          params: idParam,
          response: { 200: peerList, 404: problemSchema },
        },
      },
      async (request) => findPeers(deps, request.params.id),
    );

    app.post(
      "/partnerships/:id/peers/:peerId/connect",
      {
        config: { access: "user" },
        schema: {
          tags: ["peers"],
          summary:
            "Ask a peer partnership's conveners to connect, by e-mail, without showing addresses (members of the asking partnership; at most 5 a day to one peer)",
          params: z.strictObject({ id: z.string().min(1).max(120), peerId: z.string().min(1).max(120) }),
          body: connectBody,
          response: {
            202: z.object({ sent: z.number().int() }),
            400: problemSchema,
            401: problemSchema,
            403: problemSchema,
            404: problemSchema,
            409: problemSchema,
            429: problemSchema,
          },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(
            await askToConnect(
              deps,
              requireActor(request),
              request.params.id,
              request.params.peerId,
              request.body,
            ),
          ),
    );

    app.get(
      "/people",
      {
        config: { access: "user" },
        schema: {
          tags: ["peers"],
          summary: "Practitioners who chose to be listed: role, organization kind, state, topics (signed in)",
          querystring: peopleQuery,
          response: { 200: peopleList, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => listPeople(deps, request.query),
    );

    app.get(
      "/me/listing",
      {
        config: { access: "user" },
        schema: {
          tags: ["peers"],
          summary: "The caller's entry in the people directory (signed in)",
          response: { 200: listingSchema, 401: problemSchema },
        },
      },
      async (request) => myListing(deps, requireActor(request)),
    );

    app.put(
      "/me/listing",
      {
        config: { access: "user" },
        schema: {
          tags: ["peers"],
          summary: "Choose to be listed in the people directory, and with what (signed in)",
          body: listingBody,
          response: { 200: listingSchema, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => saveListing(deps, requireActor(request), request.body),
    );
  };
}
