import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyReply } from "fastify";
import {
  benchmarkResponse,
  benchmarksQuery,
  impactSettingsBody,
  indicatorBody,
  indicatorPatchBody,
  indicatorSchema,
  measurementsBody,
  measurementsQuery,
  measurementsResponse,
  rollupQuery,
  rollupResponse,
  storyBehind,
  trackBody,
  trackedResponse,
} from "../../../core/impact.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { benchmark } from "./benchmarks.js";
import { measurementsCsv, rollupCsv, templateCsv } from "./csv.js";
import { importMeasurements } from "./import.js";
import { createIndicator, listIndicators, updateIndicator } from "./indicators-service.js";
import { itemErrors, listMeasurements, writeMeasurements } from "./measurements-service.js";
import { rollupJson, computeRollup, rollupAudience } from "./rollup.js";
import { storyRoutes } from "./story-routes.js";
import { ownIndicatorRoutes } from "./own-indicator-routes.js";
import { valueCheckRoutes } from "./value-check-routes.js";
import { listTracked, setTracked, writeImpactSettings, writeStoryBehind } from "./tracking.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const readProblems = { 400: problemSchema, 404: problemSchema };
const writeProblems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const CSV = "text/csv; charset=utf-8";
/** About 30 MB: far above a 50,000-row file of measurements. */
const IMPORT_BODY_LIMIT = 30 * 1024 * 1024;

/** Sends JSON that is already serialized (a cached answer): Fastify sends strings as they are. */
function sendJsonText(reply: FastifyReply, body: string) {
  return reply.type("application/json; charset=utf-8").send(body);
}

function sendCsv(reply: FastifyReply, filename: string, body: string) {
  return reply.type(CSV).header("content-disposition", `attachment; filename="${filename}"`).send(body);
}

export function impactRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser(
      "text/csv",
      { parseAs: "string", bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );

    app.get(
      "/indicators",
      {
        config: { access: "public" },
        schema: {
          tags: ["impact"],
          summary: "The indicator catalog in six outcome areas; `retired=true` adds retired ones (public)",
          querystring: z.strictObject({ retired: z.enum(["true", "false"]).optional() }),
          response: { 200: z.object({ items: z.array(indicatorSchema) }), 400: problemSchema },
        },
      },
      async (request) => ({ items: await listIndicators(deps.db, request.query.retired === "true") }),
    );

    app.post(
      "/indicators",
      {
        config: { access: "admin" },
        schema: {
          tags: ["impact"],
          summary: "Add an indicator to the catalog (community admin)",
          body: indicatorBody,
          response: { 201: indicatorSchema, ...writeProblems },
        },
      },
      async (request, reply) => reply.status(201).send(await createIndicator(deps, request.body)),
    );

    app.patch(
      "/indicators/:key",
      {
        config: { access: "admin" },
        schema: {
          tags: ["impact"],
          summary: "Edit or retire an indicator; a retired indicator keeps its data (community admin)",
          params: z.strictObject({ key: z.string().min(1).max(60) }),
          body: indicatorPatchBody,
          response: { 200: indicatorSchema, ...writeProblems },
        },
      },
      async (request) => updateIndicator(deps, request.params.key, request.body),
    );

    app.get(
      "/partnerships/:id/indicators",
      {
        config: { access: "public" },
        schema: {
          tags: ["impact"],
          summary:
            "The indicators a partnership tracks, with the story behind the numbers the caller may read",
          params: idParam,
          response: { 200: trackedResponse, ...readProblems },
        },
      },
      async (request) => listTracked(deps, request.actor, request.params.id),
    );

    app.put(
      "/partnerships/:id/indicators",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Choose the indicators the partnership tracks (members)",
          params: idParam,
          body: trackBody,
          response: { 200: trackedResponse, ...writeProblems },
        },
      },
      async (request) => setTracked(deps, requireActor(request), request.params.id, request.body.keys),
    );

    app.put(
      "/partnerships/:id/indicators/:key/story",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Write the story behind the numbers of one indicator (members)",
          params: z.strictObject({ id: z.string().min(1).max(120), key: z.string().min(1).max(60) }),
          body: storyBehind,
          response: { 200: trackedResponse, ...writeProblems },
        },
      },
      async (request) =>
        writeStoryBehind(deps, requireActor(request), request.params.id, request.params.key, request.body),
    );

    app.put(
      "/partnerships/:id/impact-settings",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Choose whether peers see the partnership's name in benchmarks (convener)",
          params: idParam,
          body: impactSettingsBody,
          response: { 200: trackedResponse, ...writeProblems },
        },
      },
      async (request) =>
        writeImpactSettings(deps, requireActor(request), request.params.id, request.body.namedInBenchmarks),
    );

    app.get(
      "/partnerships/:id/measurements",
      {
        config: { access: "public" },
        schema: {
          tags: ["impact"],
          summary:
            "A partnership's measurements the caller may see: members all, practitioners community and public, visitors public",
          params: idParam,
          querystring: measurementsQuery,
          response: { 200: measurementsResponse, ...readProblems },
        },
      },
      async (request) => listMeasurements(deps, request.actor, request.params.id, request.query),
    );

    app.put(
      "/partnerships/:id/measurements",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary:
            "Record values, baselines and targets, all or nothing; edits keep the earlier value; an item with the version its writer saw answers 409 when the value changed since (members)",
          params: idParam,
          body: measurementsBody,
          response: {
            200: z.object({ written: z.number().int() }),
            ...writeProblems,
            409: problemSchema,
          },
        },
      },
      async (request) => ({
        written: await writeMeasurements(
          deps,
          requireActor(request),
          request.params.id,
          request.body.items,
          (problems) => itemErrors(problems, request.locale),
          request.locale,
        ),
      }),
    );

    app.get(
      "/partnerships/:id/measurements.csv",
      {
        config: { access: "public" },
        schema: {
          tags: ["impact"],
          summary: "The measurements the caller may see as CSV, in the import's columns",
          params: idParam,
          response: { 200: z.string(), ...readProblems },
        },
      },
      async (request, reply) =>
        sendCsv(
          reply,
          "measurements.csv",
          measurementsCsv((await listMeasurements(deps, request.actor, request.params.id, {})).items),
        ),
    );

    app.post(
      "/partnerships/:id/measurements/import",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary:
            "Import measurements from CSV (indicator by key or exact name, period, value, kind, visibility, source, note), all or nothing; every bad row is reported; rows left blank are skipped (members)",
          params: idParam,
          consumes: ["text/csv"],
          body: z.string(),
          response: { 200: z.object({ imported: z.number().int() }), ...writeProblems },
        },
      },
      async (request) =>
        importMeasurements(deps, requireActor(request), request.params.id, request.body, request.locale),
    );

    app.get(
      "/impact/template.csv",
      {
        config: { access: "public" },
        schema: {
          tags: ["impact"],
          summary:
            "A CSV template for the measurement import listing every indicator of the catalog with its key, name, unit and allowed values (public)",
          response: { 200: z.string() },
        },
      },
      async (_request, reply) =>
        sendCsv(reply, "measurements-template.csv", templateCsv(await listIndicators(deps.db, false))),
    );

    app.get(
      "/partnerships/:id/measurements/template.csv",
      {
        config: { access: "public" },
        schema: {
          tags: ["impact"],
          summary:
            "A CSV template for the measurement import listing the indicators the partnership tracks with their key, name, unit and allowed values",
          params: idParam,
          response: { 200: z.string(), ...readProblems },
        },
      },
      async (request, reply) => {
        const tracked = await listTracked(deps, request.actor, request.params.id);
        return sendCsv(
          reply,
          "measurements-template.csv",
          templateCsv(tracked.items.filter((i) => !i.retired)),
        );
      },
    );

    app.get(
      "/partnerships/:id/benchmarks",
      {
        config: { access: "public" },
        schema: {
          tags: ["impact"],
          summary:
            "Where the partnership stands among peers for an indicator and period; fewer than 5 peers shows only the count",
          params: idParam,
          querystring: benchmarksQuery,
          response: { 200: benchmarkResponse, ...readProblems },
        },
      },
      async (request) => benchmark(deps, request.actor, request.params.id, request.query),
    );

    app.get(
      "/community/rollup",
      {
        config: { access: "public" },
        schema: {
          tags: ["impact"],
          summary:
            "Totals and medians of the indicators across partnerships for a year; visitors who are not signed in get it built from public values only",
          querystring: rollupQuery,
          response: { 200: rollupResponse, 400: problemSchema },
        },
      },
      // The cached text was made from the same computeRollup result the schema describes.
      async (request, reply) =>
        sendJsonText(reply, await rollupJson(deps, request.actor, request.query.period)),
    );

    app.get(
      "/community/rollup.csv",
      {
        config: { access: "public" },
        schema: {
          tags: ["impact"],
          summary: "The community roll-up of a year as CSV (public values only for visitors)",
          querystring: rollupQuery,
          response: { 200: z.string(), 400: problemSchema },
        },
      },
      async (request, reply) =>
        sendCsv(
          reply,
          `rollup-${request.query.period}.csv`,
          rollupCsv(
            await computeRollup(deps, request.query.period, rollupAudience(request.actor)),
            request.locale,
          ),
        ),
    );

    await app.register(storyRoutes(deps));
    await app.register(ownIndicatorRoutes(deps));
    await app.register(valueCheckRoutes(deps));
  };
}
