import { z } from "zod";
import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import {
  resourceBody,
  resourceListResponse,
  resourceQuery,
  resourceSchema,
  resourceTranslationBody,
  reviewBody,
  translationLangParam,
  reviewListResponse,
} from "../../../core/resources.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { acceptUploads, contentDisposition, receiveUpload, UPLOAD_MAX_BYTES } from "../../lib/uploads.js";
import {
  attachFile,
  createResource,
  getResource,
  listResources,
  listSuggestions,
  readFile,
  reviewResource,
} from "./service.js";
import { removeTranslation, saveTranslation } from "./translations.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const translationParams = idParam.extend({ lang: translationLangParam });
const writeProblems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

const maxMb = UPLOAD_MAX_BYTES / 1024 / 1024;

export function resourceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/resources",
      {
        config: { access: "public" },
        schema: {
          tags: ["resources"],
          summary: "The published library: ranked full-text search with highlighted passages, and filters",
          querystring: resourceQuery,
          response: { 200: resourceListResponse, 400: problemSchema },
        },
      },
      async (request) => listResources(deps, request.query, request.locale),
    );

    app.get(
      "/resources/suggestions",
      {
        config: { access: "admin" },
        schema: {
          tags: ["resources"],
          summary: "Resources suggested by members, waiting for review (community admins)",
          response: { 200: reviewListResponse, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) => listSuggestions(deps, requireActor(request)),
    );

    app.get(
      "/resources/:id",
      {
        config: { access: "public" },
        schema: {
          tags: ["resources"],
          summary: "One resource by id or slug, its Markdown rendered and sanitized",
          params: idParam,
          response: { 200: resourceSchema, 404: problemSchema },
        },
      },
      async (request) => getResource(deps, request.actor, request.params.id, request.locale),
    );

    app.post(
      "/resources",
      {
        config: { access: "user" },
        schema: {
          tags: ["resources"],
          summary: "Publish a resource (community admins) or suggest one for review (signed-in members)",
          body: resourceBody,
          response: { 201: resourceSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createResource(deps, requireActor(request), request.body, request.locale)),
    );

    app.post(
      "/resources/:id/review",
      {
        config: { access: "admin" },
        schema: {
          tags: ["resources"],
          summary: "Publish or reject a resource (community admins)",
          params: idParam,
          body: reviewBody,
          response: { 200: resourceSchema, ...writeProblems },
        },
      },
      async (request) =>
        reviewResource(deps, requireActor(request), request.params.id, request.body, request.locale),
    );

    app.put(
      "/resources/:id/translations/:lang",
      {
        config: { access: "admin" },
        schema: {
          tags: ["resources"],
          summary: "Write a resource's title, summary and body in another language (community admins)",
          params: translationParams,
          body: resourceTranslationBody,
          response: { 200: resourceSchema, ...writeProblems },
        },
      },
      async (request) =>
        saveTranslation(
          deps,
          requireActor(request),
          request.params.id,
          request.params.lang,
          request.body,
          request.locale,
        ),
    );

    app.delete(
      "/resources/:id/translations/:lang",
      {
        config: { access: "admin" },
        schema: {
          tags: ["resources"],
          summary: "Remove a translation: its readers get the original again (community admins)",
          params: translationParams,
          response: { 200: resourceSchema, ...writeProblems },
        },
      },
      async (request) =>
        removeTranslation(
          deps,
          requireActor(request),
          request.params.id,
          request.params.lang,
          request.locale,
        ),
    );

    app.get(
      "/resources/:id/file",
      {
        config: { access: "public" },
        schema: {
          tags: ["resources"],
          summary: "The resource's attached file, with its type and file name",
          params: idParam,
        },
      },
      async (request, reply) => {
        const file = await readFile(deps, request.actor, request.params.id);
        return reply
          .type(file.contentType)
          .header("content-disposition", contentDisposition(file.name))
          .header("content-length", file.size)
          .send(deps.files.open(file));
      },
    );

    // The upload takes raw bytes; its parsers and larger body limit apply to this route only.
    await app.register(async (upload) => {
      acceptUploads(upload);
      upload.withTypeProvider<ZodTypeProvider>().put(
        "/resources/:id/file",
        {
          config: { access: "user" },
          schema: {
            tags: ["resources"],
            summary: `Attach a file (PDF, DOCX or XLSX up to ${maxMb} MB) as the raw body; ?name= gives its file name (admins; the author before review)`,
            params: idParam,
            querystring: z.strictObject({ name: z.string().trim().min(1).max(200) }),
            response: { 200: resourceSchema, ...writeProblems, 413: problemSchema, 415: problemSchema },
          },
        },
        async (request) => {
          const file = await receiveUpload(deps, request, request.query.name);
          try {
            return await attachFile(deps, requireActor(request), request.params.id, file, request.locale);
          } finally {
            // Kept files have moved to their place; a refused one is removed here.
            await file.file.discard();
          }
        },
      );
    });
  };
}
