import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  attendanceBody,
  meetingCreateBody,
  meetingFeedSchema,
  meetingListSchema,
  meetingPatchBody,
  meetingSchema,
  nextStepActionBody,
} from "../../../core/meetings.js";
import { actionSchema } from "../../../core/agenda.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { meetingCalendar, partnershipCalendar } from "./calendar.js";
import { getMyFeed, privateFeed, regenerateMyFeed, revokeMyFeed } from "./feeds.js";
import { nextStepToAction } from "./next-steps.js";
import { createMeeting, getMeeting, listMeetings, setAttendance, updateMeeting } from "./service.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const feedParam = z.strictObject({ file: z.string().min(1).max(200) });
const readProblems = { 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeProblems = { 400: problemSchema, ...readProblems };
const CALENDAR = "text/calendar; charset=utf-8";

export function meetingRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/partnerships/:id/meetings",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary: "The partnership's meetings with attendance by sector, newest first (members)",
          params: idParam,
          response: { 200: meetingListSchema, ...readProblems },
        },
      },
      async (request) => listMeetings(deps, request.actor, request.params.id),
    );

    app.post(
      "/partnerships/:id/meetings",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary:
            "Plan a meeting: kind, title, start (wall time in timeZone, or an ISO instant), IANA time zone, place or link, agenda (convener)",
          params: idParam,
          body: meetingCreateBody,
          response: { 201: meetingSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await createMeeting(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      "/meetings/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary: "A meeting with its agenda, notes, decisions, next steps and attendance (members)",
          params: idParam,
          response: { 200: meetingSchema, ...readProblems },
        },
      },
      async (request) => getMeeting(deps, request.actor, request.params.id),
    );

    app.patch(
      "/meetings/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary:
            "Edit a meeting, record notes and decisions, or cancel it; name the version you read (convener)",
          params: idParam,
          body: meetingPatchBody,
          response: { 200: meetingSchema, ...writeProblems, 409: problemSchema },
        },
      },
      async (request) => updateMeeting(deps, requireActor(request), request.params.id, request.body),
    );

    app.put(
      "/meetings/:id/attendance",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary:
            "Record who came: members by person id, walk-ins as guests with organization and sector (convener)",
          params: idParam,
          body: attendanceBody,
          response: { 200: meetingSchema, ...writeProblems },
        },
      },
      async (request) => setAttendance(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/meetings/:id/actions",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary:
            "Make a next step of the meeting an action of one of the partnership's action teams (convener)",
          params: idParam,
          body: nextStepActionBody,
          response: { 201: actionSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await nextStepToAction(deps, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      "/partnerships/:id/calendar.ics",
      {
        config: { access: "public" },
        schema: {
          tags: ["meetings"],
          summary:
            "The partnership's public meetings as an iCalendar feed: only meetings marked public, with their title, kind and time (public)",
          params: idParam,
          response: { 200: z.string(), 404: problemSchema },
        },
      },
      async (request, reply) => reply.type(CALENDAR).send(await partnershipCalendar(deps, request.params.id)),
    );

    app.get(
      "/meetings/:id/calendar.ics",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary:
            "One meeting as an iCalendar file with its place, link, agenda, notes and attendance (members; 404 for others)",
          params: idParam,
          response: { 200: z.string(), 401: problemSchema, 404: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .type(CALENDAR)
          .header("content-disposition", 'attachment; filename="meeting.ics"')
          .send(await meetingCalendar(deps, request.actor, request.params.id)),
    );

    app.get(
      "/me/meeting-feed",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary: "The address of your private meetings feed, or null when you have none (signed in)",
          response: { 200: meetingFeedSchema, 401: problemSchema },
        },
      },
      async (request) => getMyFeed(deps, requireActor(request)),
    );

    app.post(
      "/me/meeting-feed",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary:
            "Make a new private meetings feed address for every partnership you belong to; the previous address stops working (signed in)",
          response: { 201: meetingFeedSchema, 401: problemSchema },
        },
      },
      async (request, reply) => reply.status(201).send(await regenerateMyFeed(deps, requireActor(request))),
    );

    app.delete(
      "/me/meeting-feed",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary: "Turn your private meetings feed off; its address answers 404 from then on (signed in)",
          response: { 204: z.null(), 401: problemSchema },
        },
      },
      async (request, reply) => {
        await revokeMyFeed(deps, requireActor(request));
        return reply.status(204).send(null);
      },
    );

    app.get(
      "/meeting-feeds/:file",
      {
        config: { access: "public" },
        schema: {
          tags: ["meetings"],
          summary:
            "A private meetings feed by its secret address: the full meetings of every partnership its owner belongs to (anyone with the address; 404 once revoked)",
          params: feedParam,
          response: { 200: z.string(), 404: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .type(CALENDAR)
          .header("cache-control", "private, no-store")
          .header("referrer-policy", "no-referrer")
          .send(await privateFeed(deps, request.params.file)),
    );
  };
}
