import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import { industryRanking as industryRankingSchema, rankingQuery } from "../../../core/qcew/ranking.js";
import {
  shortlistCreateBody,
  shortlistDetail,
  shortlistItemInput,
  shortlistItemParams,
  shortlistItemPatchBody,
  shortlistMemberBody,
  shortlistMemberParams,
  shortlistParams,
  shortlistPatchBody,
  shortlistSummary,
} from "../../../core/qcew/shortlist.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { industryRanking } from "./ranking.js";
import {
  addShortlistItem,
  addTeammate,
  createShortlist,
  deleteShortlist,
  getShortlist,
  listShortlists,
  removeShortlistItem,
  removeTeammate,
  updateShortlist,
  updateShortlistItem,
} from "./shortlists.js";

const readProblems = { 400: problemSchema, 401: problemSchema, 404: problemSchema };
const writeProblems = { ...readProblems, 403: problemSchema, 409: problemSchema };
const tags = ["qcew"];

/** Choosing an industry: the public ranking, and the signed-in team's shortlists. */
export function industryChoiceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/regions/ranking",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary:
            "Candidate industries of a region ranked on concentration (LQ), size, growth and pay, each weighted 0-5 (public)",
          querystring: rankingQuery,
          response: { 200: industryRankingSchema, 400: problemSchema, 404: problemSchema },
        },
      },
      async (request) => industryRanking(deps.db, request.query),
    );

    app.get(
      "/shortlists",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "The industry shortlists the caller owns or was added to as a teammate (signed in)",
          response: { 200: z.object({ items: z.array(shortlistSummary) }), 401: problemSchema },
        },
      },
      async (request) => listShortlists(deps, requireActor(request)),
    );
    app.post(
      "/shortlists",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Save a shortlist of industries for a region; the caller owns it (signed in)",
          body: shortlistCreateBody,
          response: { 201: shortlistDetail, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createShortlist(deps, requireActor(request), request.body)),
    );
    app.get(
      "/shortlists/:id",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "A shortlist with its industries, notes and teammates (owner or teammate; others 404)",
          params: shortlistParams,
          response: { 200: shortlistDetail, ...readProblems },
        },
      },
      async (request) => getShortlist(deps, requireActor(request), request.params.id),
    );
    app.patch(
      "/shortlists/:id",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Rename a shortlist or its region (owner; 409 on a stale version)",
          params: shortlistParams,
          body: shortlistPatchBody,
          response: { 200: shortlistDetail, ...writeProblems },
        },
      },
      async (request) => updateShortlist(deps, requireActor(request), request.params.id, request.body),
    );
    app.delete(
      "/shortlists/:id",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Delete a shortlist (owner)",
          params: shortlistParams,
          response: { 204: z.null(), ...writeProblems },
        },
      },
      async (request, reply) => {
        await deleteShortlist(deps, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );
    app.post(
      "/shortlists/:id/items",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Add an industry to a shortlist, with a note (owner)",
          params: shortlistParams,
          body: shortlistItemInput,
          response: { 201: shortlistDetail, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addShortlistItem(deps, requireActor(request), request.params.id, request.body)),
    );
    app.patch(
      "/shortlists/:id/items/:itemId",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Edit an industry's note (owner or teammate; 409 on a stale version)",
          params: shortlistItemParams,
          body: shortlistItemPatchBody,
          response: { 200: shortlistDetail, ...writeProblems },
        },
      },
      async (request) =>
        updateShortlistItem(
          deps,
          requireActor(request),
          request.params.id,
          request.params.itemId,
          request.body,
        ),
    );
    app.delete(
      "/shortlists/:id/items/:itemId",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Remove an industry from a shortlist (owner)",
          params: shortlistItemParams,
          response: { 200: shortlistDetail, ...writeProblems },
        },
      },
      async (request) =>
        removeShortlistItem(deps, requireActor(request), request.params.id, request.params.itemId),
    );
    app.post(
      "/shortlists/:id/teammates",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Add a teammate by the e-mail address of their account (owner)",
          params: shortlistParams,
          body: shortlistMemberBody,
          response: { 201: shortlistDetail, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await addTeammate(deps, requireActor(request), request.params.id, request.body.email)),
    );
    app.delete(
      "/shortlists/:id/teammates/:userId",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Remove a teammate (owner), or leave a shortlist (the teammate)",
          params: shortlistMemberParams,
          response: { 200: shortlistDetail, 204: z.null(), ...writeProblems },
        },
      },
      async (request, reply) => {
        const detail = await removeTeammate(
          deps,
          requireActor(request),
          request.params.id,
          request.params.userId,
        );
        return detail ? detail : reply.status(204).send(null);
      },
    );
  };
}
