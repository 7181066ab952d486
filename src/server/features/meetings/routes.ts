import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  attendanceBody,
  meetingCreateBody,
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
import { nextStepToAction } from "./next-steps.js";
import { createMeeting, getMeeting, listMeetings, setAttendance, updateMeeting } from "./service.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
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
            "The partnership's meetings as an iCalendar feed to subscribe to: titles, times, places and links only (public)",
          params: idParam,
          response: { 200: z.string(), 404: problemSchema },
        },
      },
      async (request, reply) => reply.type(CALENDAR).send(await partnershipCalendar(deps, request.params.id)),
    );

    app.get(
      "/meetings/:id/calendar.ics",
      {
        config: { access: "public" },
        schema: {
          tags: ["meetings"],
          summary: "One meeting as an iCalendar file (public: title, time, place and link)",
          params: idParam,
          response: { 200: z.string(), 404: problemSchema },
        },
      },
      async (request, reply) =>
        reply
          .type(CALENDAR)
          .header("content-disposition", 'attachment; filename="meeting.ics"')
          .send(await meetingCalendar(deps, request.params.id)),
    );
  };
}
