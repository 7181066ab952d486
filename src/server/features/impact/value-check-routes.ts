import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import {
  computedValuesQuery,
  computedValuesResponse,
  openValueCheckBody,
  valueCheckAnswerBody,
  valueCheckParams,
  valueCheckSchema,
  valueChecksResponse,
} from "../../../core/value-check.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { impactAccess } from "./access.js";
import { BUSINESSES_ENGAGED } from "./catalog.js";
import { businessesEngaged } from "./rollup.js";
import { answerValueCheck, closeValueCheck, listValueChecks, openValueCheck } from "./value-check.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const readProblems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const problems = { ...readProblems, 409: problemSchema };

/** The employer value check, and the values Shared Table computes for a partnership. */
export function valueCheckRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/value-checks",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Employer value checks; aggregates once closed with 3+ answers (members)",
          params: idParam,
          response: { 200: valueChecksResponse, ...readProblems },
        },
      },
      async (request) => listValueChecks(deps, requireActor(request), request.params.id),
    );

    app.post(
      "/partnerships/:id/value-checks",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Open the year's employer value check; one a year (convener)",
          params: idParam,
          body: openValueCheckBody,
          response: { 201: valueCheckSchema, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await openValueCheck(deps, requireActor(request), request.params.id, request.body.year)),
    );

    app.put(
      "/partnerships/:id/value-checks/:year/answer",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Answer, or replace your answer, while open (business members)",
          params: valueCheckParams,
          body: valueCheckAnswerBody,
          response: { 200: valueCheckSchema, ...problems },
        },
      },
      async (request) =>
        answerValueCheck(deps, requireActor(request), request.params.id, request.params.year, request.body),
    );

    app.post(
      "/partnerships/:id/value-checks/:year/close",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Close the check; its average becomes an indicator value (convener)",
          params: valueCheckParams,
          response: { 200: valueCheckSchema, ...problems },
        },
      },
      async (request) => closeValueCheck(deps, requireActor(request), request.params.id, request.params.year),
    );

    app.get(
      "/partnerships/:id/computed-values",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Values computed from the table for a year (signed in)",
          params: idParam,
          querystring: computedValuesQuery,
          response: { 200: computedValuesResponse, ...readProblems },
        },
      },
      async (request) => {
        requireActor(request);
        const access = await impactAccess(deps.db, request.params.id, request.actor);
        const { period } = request.query;
        const engaged = await businessesEngaged(deps.db, Number(period), access.partnership.id);
        return {
          period,
          items: [{ indicator: BUSINESSES_ENGAGED, value: engaged.get(access.partnership.id) ?? 0 }],
        };
      },
    );
  };
}
