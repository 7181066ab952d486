import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ballotBody,
  opportunitiesResponse,
  opportunityBody,
  opportunitySchema,
  voteResultsSchema,
  voteRoundBody,
  voteRoundDetail,
  voteRoundsResponse,
} from "../../../core/agenda.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import {
  castBallot,
  closeRound,
  getRound,
  listOpportunities,
  listRounds,
  openRound,
  raiseOpportunity,
  roundResults,
} from "./votes-service.js";

export const idParam = z.strictObject({ id: z.string().min(1).max(120) });
export const readProblems = { 401: problemSchema, 403: problemSchema, 404: problemSchema };
export const writeProblems = { 400: problemSchema, ...readProblems };

export function voteRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/opportunities",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Opportunities and challenges raised for the industry's growth (members)",
          params: idParam,
          response: { 200: opportunitiesResponse, ...readProblems },
        },
      },
      async (request) => listOpportunities(deps, request.actor, request.params.id),
    );

    app.post(
      "/partnerships/:id/opportunities",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Record an opportunity or challenge (business members, champions, conveners)",
          params: idParam,
          body: opportunityBody,
          response: { 201: opportunitySchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await raiseOpportunity(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      "/partnerships/:id/vote-rounds",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Vote rounds of a partnership, open ones first (members)",
          params: idParam,
          response: { 200: voteRoundsResponse, ...readProblems },
        },
      },
      async (request) => listRounds(deps, request.actor, request.params.id),
    );

    app.post(
      "/partnerships/:id/vote-rounds",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Open a dot vote or a rating of importance and feasibility on opportunities (convener)",
          params: idParam,
          body: voteRoundBody,
          response: { 201: voteRoundDetail, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await openRound(deps, requireActor(request), request.params.id, request.body, request.locale),
          ),
    );

    app.get(
      "/vote-rounds/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "A vote round with its items, the caller's ballot and what the caller may do (members)",
          params: idParam,
          response: { 200: voteRoundDetail, ...readProblems },
        },
      },
      async (request) => getRound(deps, request.actor, request.params.id, request.locale),
    );

    app.put(
      "/vote-rounds/:id/ballot",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary:
            "Cast or change one's ballot while the round is open (business members and champions only)",
          params: idParam,
          body: ballotBody,
          response: { 200: voteRoundDetail, ...writeProblems },
        },
      },
      async (request) =>
        castBallot(deps, requireActor(request), request.params.id, request.body, request.locale),
    );

    app.get(
      "/vote-rounds/:id/results",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary:
            "Results in order once the round is closed; while open, only the number of voters (members)",
          params: idParam,
          response: { 200: voteResultsSchema, ...readProblems },
        },
      },
      async (request) => roundResults(deps, request.actor, request.params.id),
    );

    app.post(
      "/vote-rounds/:id/close",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary: "Close a round: no more ballots, results shown (convener)",
          params: idParam,
          response: { 200: voteRoundDetail, ...writeProblems },
        },
      },
      async (request) => closeRound(deps, requireActor(request), request.params.id, request.locale),
    );
  };
}
