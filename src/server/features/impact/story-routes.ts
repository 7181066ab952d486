import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { storyBody, storyPatchBody, storySchema } from "../../../core/impact.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { createStory, deleteStory, listStories, updateStory } from "./stories.js";
import { uuidSchema } from "../../../core/ids.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const storyParams = z.strictObject({ id: z.string().min(1).max(120), storyId: uuidSchema });
const writeProblems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export function storyRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/stories",
      {
        config: { access: "public" },
        schema: {
          tags: ["impact"],
          summary: "Impact stories the caller may read (public ones for everyone)",
          params: idParam,
          response: { 200: z.object({ items: z.array(storySchema) }), 404: problemSchema },
        },
      },
      async (request) => listStories(deps, request.actor, request.params.id),
    );

    app.post(
      "/partnerships/:id/stories",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Tell an impact story; Markdown, sanitized (members)",
          params: idParam,
          body: storyBody,
          response: { 201: storySchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createStory(deps, requireActor(request), request.params.id, request.body)),
    );

    app.patch(
      "/partnerships/:id/stories/:storyId",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Edit an impact story; a stale version answers 409 with the current story (members)",
          params: storyParams,
          body: storyPatchBody,
          response: { 200: storySchema, ...writeProblems, 409: problemSchema },
        },
      },
      async (request) =>
        updateStory(deps, requireActor(request), request.params.id, request.params.storyId, request.body),
    );

    app.delete(
      "/partnerships/:id/stories/:storyId",
      {
        config: { access: "user" },
        schema: {
          tags: ["impact"],
          summary: "Remove an impact story from the pages (kept in the database) (members)",
          params: storyParams,
          response: { 204: z.null(), ...writeProblems },
        },
      },
      async (request, reply) => {
        await deleteStory(deps, requireActor(request), request.params.id, request.params.storyId);
        return reply.status(204).send(null);
      },
    );
  };
}
