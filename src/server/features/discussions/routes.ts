import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  discussionListQuery,
  mentionCandidate,
  replyBody,
  replyModerationBody,
  replySchema,
  reportBody,
  reportSchema,
  threadBody,
  threadDetail,
  threadPageQuery,
  threadList,
  threadModerationBody,
} from "../../../core/discussions.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { addReply, createThread, editReply, getThread, setFollow } from "./service.js";
import { listThreads } from "./list.js";
import { listReports, mentionCandidates, moderateReply, moderateThread, reportPost } from "./moderation.js";
import { uuidSchema } from "../../../core/ids.js";

const idParam = z.strictObject({ id: uuidSchema });
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const received = z.object({ id: uuidSchema, received: z.boolean() });

export function discussionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/discussions",
      {
        config: { access: "user" },
        schema: {
          tags: ["discussions"],
          summary: "Threads by latest activity, with reply counts, 20 a page (signed in)",
          querystring: discussionListQuery,
          response: { 200: threadList, 400: problemSchema, 401: problemSchema },
        },
      },
      async (request) => listThreads(deps, requireActor(request), request.query),
    );

    app.post(
      "/discussions",
      {
        config: { access: "user" },
        schema: {
          tags: ["discussions"],
          summary: "Start a thread in a category; the body is Markdown (signed in)",
          body: threadBody,
          response: { 201: threadDetail, ...problems },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createThread(deps, requireActor(request), request.body)),
    );

    app.get(
      "/discussions/reports",
      {
        config: { access: "admin" },
        schema: {
          tags: ["discussions"],
          summary: "Open reports to the moderators (community admins)",
          response: {
            200: z.object({ items: z.array(reportSchema) }),
            401: problemSchema,
            403: problemSchema,
          },
        },
      },
      async (request) => ({ items: await listReports(deps, requireActor(request)) }),
    );

    app.get(
      "/discussions/mentionable",
      {
        config: { access: "user" },
        schema: {
          tags: ["discussions"],
          summary: "People a post may mention, by name (signed in): listed practitioners and posters",
          querystring: z.strictObject({ q: z.string().trim().min(1).max(80) }),
          response: {
            200: z.object({ items: z.array(mentionCandidate) }),
            400: problemSchema,
            401: problemSchema,
          },
        },
      },
      async (request) => ({ items: await mentionCandidates(deps, request.query.q) }),
    );

    app.get(
      "/discussions/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["discussions"],
          summary:
            "A thread with one page of its replies (50), each as Markdown source and sanitized HTML; without a page, a follower gets the page of their first unread reply (signed in)",
          params: idParam,
          querystring: threadPageQuery,
          response: { 200: threadDetail, ...problems },
        },
      },
      async (request) => getThread(deps, requireActor(request), request.params.id, request.query.page),
    );

    app.post(
      "/discussions/:id/replies",
      {
        config: { access: "user" },
        schema: {
          tags: ["discussions"],
          summary: "Reply in Markdown; mentions @[Name](user:<id>) notify; a locked thread answers 409",
          params: idParam,
          body: replyBody,
          response: { 201: replySchema, ...problems, 409: problemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await addReply(deps, requireActor(request), request.params.id, request.body)),
    );

    app.patch(
      "/replies/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["discussions"],
          summary: "Edit one's own reply within 15 minutes of posting; marked edited (author)",
          params: idParam,
          body: replyBody,
          response: { 200: replySchema, ...problems },
        },
      },
      async (request) => editReply(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/replies/:id/report",
      {
        config: { access: "user" },
        schema: {
          tags: ["discussions"],
          summary: "Report a reply to the moderators (signed in)",
          params: idParam,
          body: reportBody,
          response: { 201: received, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await reportPost(
              deps,
              requireActor(request),
              { replyId: request.params.id },
              request.body.reason,
            ),
          ),
    );

    app.post(
      "/discussions/:id/report",
      {
        config: { access: "user" },
        schema: {
          tags: ["discussions"],
          summary: "Report a thread to the moderators (signed in)",
          params: idParam,
          body: reportBody,
          response: { 201: received, ...problems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await reportPost(
              deps,
              requireActor(request),
              { threadId: request.params.id },
              request.body.reason,
            ),
          ),
    );

    app.patch(
      "/discussions/:id/moderation",
      {
        config: { access: "admin" },
        schema: {
          tags: ["discussions"],
          summary: "Hide or unhide, lock or unlock a thread (community admins)",
          params: idParam,
          body: threadModerationBody,
          response: { 200: threadDetail, ...problems },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await moderateThread(deps, actor, request.params.id, request.body);
        return getThread(deps, actor, request.params.id);
      },
    );

    app.patch(
      "/replies/:id/moderation",
      {
        config: { access: "admin" },
        schema: {
          tags: ["discussions"],
          summary: "Hide or unhide a reply (community admins)",
          params: idParam,
          body: replyModerationBody,
          response: { 200: z.object({ hidden: z.boolean() }), ...problems },
        },
      },
      async (request) => {
        await moderateReply(deps, requireActor(request), request.params.id, request.body.hidden);
        return { hidden: request.body.hidden };
      },
    );

    for (const method of ["PUT", "DELETE"] as const) {
      app.route({
        method,
        url: "/discussions/:id/follow",
        config: { access: "user" },
        schema: {
          tags: ["discussions"],
          summary: `${method === "PUT" ? "Follow" : "Unfollow"} a thread: followers are e-mailed new replies (signed in)`,
          params: idParam,
          response: { 200: z.object({ following: z.boolean() }), ...problems },
        },
        handler: async (request) =>
          setFollow(deps, requireActor(request), request.params.id, method === "PUT"),
      });
    }
  };
}
