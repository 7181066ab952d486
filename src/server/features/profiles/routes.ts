import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { problemSchema } from "../../../core/problem.js";
import {
  profileCompareQuery,
  profileCompareResponse,
  profileDraftBody,
  profileListQuery,
  profileListResponse,
  profilePublishBody,
  profileSchema,
  profileUnpublishBody,
} from "../../../core/profiles.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { compareProfiles, listProfiles } from "./collection.js";
import { publishProfile, readProfile, saveProfile, unpublishProfile } from "./service.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const writeProblems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
};

export function profileRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/profiles",
      {
        config: { access: "public" },
        schema: {
          tags: ["profiles"],
          summary:
            "Published benchmarking profiles the caller may read (public for everyone, community signed in, members-only for members), by industry sector, state, stage and setting",
          querystring: profileListQuery,
          response: { 200: profileListResponse, 400: problemSchema },
        },
      },
      async (request) => listProfiles(deps, request.actor, request.query),
    );

    app.get(
      "/profiles/compare",
      {
        config: { access: "public" },
        schema: {
          tags: ["profiles"],
          summary: "Two or three published profiles the caller may read, side by side (ids or slugs)",
          querystring: profileCompareQuery,
          response: { 200: profileCompareResponse, 400: problemSchema },
        },
      },
      async (request) => compareProfiles(deps, request.actor, request.query.ids),
    );

    app.get(
      "/partnerships/:id/benchmark-profile",
      {
        config: { access: "public" },
        schema: {
          tags: ["profiles"],
          summary:
            "A partnership's benchmarking profile with its results read live for the caller (the draft for members and editors; a blank one at revision 0 before the first save)",
          params: idParam,
          response: { 200: profileSchema, 404: problemSchema },
        },
      },
      async (request) => readProfile(deps, request.actor, request.params.id),
    );

    app.put(
      "/partnerships/:id/benchmark-profile",
      {
        config: { access: "user" },
        schema: {
          tags: ["profiles"],
          summary:
            "Write the profile's six parts and what it features; a stale revision answers 409 with the current profile (conveners, community admins)",
          params: idParam,
          body: profileDraftBody,
          response: { 200: profileSchema, ...writeProblems },
        },
      },
      async (request) => saveProfile(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/partnerships/:id/benchmark-profile/publish",
      {
        config: { access: "user" },
        schema: {
          tags: ["profiles"],
          summary:
            "Publish the profile to members, the community or the public (conveners, community admins)",
          params: idParam,
          body: profilePublishBody,
          response: { 200: profileSchema, ...writeProblems },
        },
      },
      async (request) => publishProfile(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/partnerships/:id/benchmark-profile/unpublish",
      {
        config: { access: "user" },
        schema: {
          tags: ["profiles"],
          summary: "Return the profile to a draft only members see (conveners, community admins)",
          params: idParam,
          body: profileUnpublishBody,
          response: { 200: profileSchema, ...writeProblems },
        },
      },
      async (request) =>
        unpublishProfile(deps, requireActor(request), request.params.id, request.body.revision),
    );
  };
}
