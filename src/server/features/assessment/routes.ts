import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  answersBody,
  communityResponse,
  historyResponse,
  openRoundBody,
  openRoundResponse,
  quickResponse,
  quickSaveResponse,
  responseSaved,
  resultsResponse,
  roundDetail as roundDetailSchema,
  roundSummary,
  rubricDraftBody,
  rubricSchema,
  rubricVersionsResponse,
  signalsResponse,
  versionParam,
} from "../../../core/assessment.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor, requireAdmin } from "../../plugins/auth.js";
import { communityView } from "./community.js";
import { quickCheck, saveQuickCheck } from "./quick-service.js";
import { closeRound, history, openRound, respond, roundDetail, roundResults } from "./round-service.js";
import {
  createDraft,
  currentRubricRow,
  listRubricVersions,
  publishDraft,
  rubricVersion,
  toRubric,
  updateDraft,
} from "./rubric-service.js";
import { evidenceSignals } from "./signals.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const readProblems = { 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeProblems = { 400: problemSchema, ...readProblems, 409: problemSchema };
const tags = ["assessment"];

export function assessmentRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/assessment/rubric",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary:
            "The current rubric: its characteristics (the six of the Next Gen indicators since version 2), their statements, levels and resources (anyone)",
          response: { 200: rubricSchema },
        },
      },
      async (request) => toRubric(await currentRubricRow(deps), request.locale),
    );

    app.post(
      "/assessment/quick",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary: "Score a quick check against the current rubric; stores nothing (anyone)",
          body: answersBody,
          response: { 200: quickResponse, 400: problemSchema },
        },
      },
      async (request) => quickCheck(deps, request.body.answers),
    );

    app.get(
      "/assessment/rubrics",
      {
        config: { access: "admin" },
        schema: {
          tags,
          summary: "Every version of the rubric, newest first (community admin)",
          response: { 200: rubricVersionsResponse, 401: problemSchema, 403: problemSchema },
        },
      },
      async () => listRubricVersions(deps),
    );

    app.get(
      "/assessment/rubrics/:version",
      {
        config: { access: "public" },
        schema: {
          tags,
          summary: "One version of the rubric (published: anyone; draft: community admin)",
          params: versionParam,
          response: { 200: rubricSchema, 404: problemSchema },
        },
      },
      async (request) => rubricVersion(deps, request.actor, request.params.version, request.locale),
    );

    app.post(
      "/assessment/rubrics",
      {
        config: { access: "admin" },
        schema: {
          tags,
          summary: "Start the next version as a draft copy of the current one (community admin)",
          response: { 201: rubricSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createDraft(deps, requireAdmin(request), request.locale)),
    );

    app.put(
      "/assessment/rubrics/:version",
      {
        config: { access: "admin" },
        schema: {
          tags,
          summary: "Edit a draft version; a published version never changes (community admin)",
          params: versionParam,
          body: rubricDraftBody,
          response: { 200: rubricSchema, ...writeProblems },
        },
      },
      async (request) => updateDraft(deps, request.params.version, request.body, request.locale),
    );

    app.post(
      "/assessment/rubrics/:version/publish",
      {
        config: { access: "admin" },
        schema: {
          tags,
          summary: "Publish a draft: it becomes the current rubric for new rounds (community admin)",
          params: versionParam,
          response: { 200: rubricSchema, ...writeProblems },
        },
      },
      async (request) => publishDraft(deps, request.params.version, request.locale),
    );

    app.get(
      "/admin/assessment/community",
      {
        config: { access: "admin" },
        schema: {
          tags,
          summary: "How partnerships assess themselves, aggregated over 5 or more (community admin)",
          response: { 200: communityResponse, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => communityView(deps, request.locale),
    );

    app.get(
      "/partnerships/:id/assessments",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "The partnership's open round and closed rounds with scores over time (members)",
          params: idParam,
          response: { 200: historyResponse, ...readProblems },
        },
      },
      async (request) => history(deps, request.actor, request.params.id, request.locale),
    );

    app.post(
      "/partnerships/:id/assessments",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Open an assessment round and e-mail the members (convener)",
          params: idParam,
          body: openRoundBody.optional(),
          response: { 201: openRoundResponse, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await openRound(deps, requireActor(request), request.params.id, request.body ?? {})),
    );

    app.get(
      "/partnerships/:id/assessment-signals",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Evidence the software holds for the matching statements (members)",
          params: idParam,
          response: { 200: signalsResponse, ...readProblems },
        },
      },
      async (request) => evidenceSignals(deps, request.actor, request.params.id),
    );

    app.post(
      "/partnerships/:id/assessment-quick-saves",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Keep a quick check with a partnership you belong to (members)",
          params: idParam,
          body: answersBody,
          response: { 201: quickSaveResponse, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await saveQuickCheck(deps, requireActor(request), request.params.id, request.body.answers)),
    );

    app.get(
      "/assessments/:id",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "A round: its state, my own answers, and for conveners who has answered (members)",
          params: idParam,
          response: { 200: roundDetailSchema, ...readProblems },
        },
      },
      async (request) => roundDetail(deps, request.actor, request.params.id),
    );

    app.put(
      "/assessments/:id/response",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Answer the round, or change my answers while it is open (members)",
          params: idParam,
          body: answersBody,
          response: { 200: responseSaved, ...writeProblems },
        },
      },
      async (request) => respond(deps, requireActor(request), request.params.id, request.body.answers),
    );

    app.post(
      "/assessments/:id/close",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "Close the round; its results become visible to the members (convener)",
          params: idParam,
          response: { 200: roundSummary, ...writeProblems },
        },
      },
      async (request) => closeRound(deps, requireActor(request), request.params.id),
    );

    app.get(
      "/assessments/:id/results",
      {
        config: { access: "user" },
        schema: {
          tags,
          summary: "A closed round's results: overall, band, characteristics by sector, gaps (members)",
          params: idParam,
          response: { 200: resultsResponse, ...readProblems, 409: problemSchema },
        },
      },
      async (request) => roundResults(deps, request.actor, request.params.id, request.locale),
    );
  };
}
