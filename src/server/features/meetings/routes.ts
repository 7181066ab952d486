import { z } from "zod";
import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import {
  attendanceBody,
  meetingCreateBody,
  meetingFeedSchema,
  meetingFileQuery,
  meetingFileSchema,
  meetingLimits,
  meetingListSchema,
  meetingPatchBody,
  meetingSchema,
  nextStepActionBody,
  PARTNERSHIP_FILE_QUOTA_BYTES,
} from "../../../core/meetings.js";
import { actionSchema } from "../../../core/agenda.js";
import { meetingRsvpBody, rsvpLinkBody, rsvpLinkInfo, rsvpLinkQuery } from "../../../core/meeting-rsvps.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { acceptUploads, contentDisposition, receiveUpload, UPLOAD_MAX_BYTES } from "../../lib/uploads.js";
import { requireActor } from "../../plugins/auth.js";
import { meetingCalendar, partnershipCalendar } from "./calendar.js";
import { getMyFeed, privateFeed, regenerateMyFeed, revokeMyFeed } from "./feeds.js";
import { addMeetingFile, checkMeetingUpload, deleteMeetingFile, readMeetingFile } from "./files.js";
import { nextStepToAction } from "./next-steps.js";
import { answerByLink, describeRsvpLink } from "./rsvps.js";
import {
  answerMeeting,
  createMeeting,
  getMeeting,
  listMeetings,
  setAttendance,
  updateMeeting,
} from "./service.js";
import { uuidSchema } from "../../../core/ids.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const feedParam = z.strictObject({ file: z.string().min(1).max(200) });
const fileParam = z.strictObject({ id: z.string().min(1).max(120), fileId: uuidSchema });
const maxMb = UPLOAD_MAX_BYTES / 1024 / 1024;
const quotaMb = PARTNERSHIP_FILE_QUOTA_BYTES / 1024 / 1024;
const readProblems = { 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeProblems = { 400: problemSchema, ...readProblems };
const CALENDAR = "text/calendar; charset=utf-8";
const meetingIdParam = z.strictObject({ id: uuidSchema });
const linkProblems = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 410: problemSchema };

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

    app.put(
      "/meetings/:id/rsvp",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary:
            "Answer the meeting's invitation: yes, maybe or no; a later answer replaces the earlier one (the members the meeting is for, until it ends or is cancelled)",
          params: idParam,
          body: meetingRsvpBody,
          response: { 200: meetingSchema, ...writeProblems, 410: problemSchema },
        },
      },
      async (request) => answerMeeting(deps, requireActor(request), request.params.id, request.body.answer),
    );

    app.get(
      "/meetings/:id/rsvp-link",
      {
        config: { access: "public" },
        schema: {
          tags: ["meetings"],
          summary:
            "Describe an answer link from a meeting invitation: the meeting, the person and their answer so far (public with the link's token; changes nothing)",
          params: meetingIdParam,
          querystring: rsvpLinkQuery,
          response: { 200: rsvpLinkInfo, ...linkProblems },
        },
      },
      async (request, reply) =>
        reply
          .header("cache-control", "private, no-store")
          .header("referrer-policy", "no-referrer")
          .send(await describeRsvpLink(deps, request.params.id, request.query.token)),
    );

    app.post(
      "/meetings/:id/rsvp-link",
      {
        config: { access: "public" },
        schema: {
          tags: ["meetings"],
          summary:
            "Record the answer of an invitation's answer link: yes, maybe or no, replacing the person's earlier answer (public with the link's token; refused once the meeting ended or was cancelled)",
          params: meetingIdParam,
          body: rsvpLinkBody,
          response: { 200: rsvpLinkInfo, ...linkProblems },
        },
      },
      async (request) => answerByLink(deps, request.params.id, request.body.token, request.body.answer),
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
      async (request, reply) =>
        reply.type(CALENDAR).send(await partnershipCalendar(deps, request.locale, request.params.id)),
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
          .send(await meetingCalendar(deps, request.locale, request.actor, request.params.id)),
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

    app.get(
      "/meetings/:id/files/:fileId",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary:
            "A file kept with the meeting, with its type and file name (members, also for a public meeting; 404 for others)",
          params: fileParam,
        },
      },
      async (request, reply) => {
        const file = await readMeetingFile(deps, request.actor, request.params.id, request.params.fileId);
        return (
          reply
            .type(file.contentType)
            .header("content-disposition", contentDisposition(file.name))
            .header("content-length", file.size)
            // Members only: no shared cache keeps a copy.
            .header("cache-control", "private, no-store")
            .send(deps.files.open(file))
        );
      },
    );

    app.delete(
      "/meetings/:id/files/:fileId",
      {
        config: { access: "user" },
        schema: {
          tags: ["meetings"],
          summary: "Remove a file from the meeting (convener)",
          params: fileParam,
          response: { 204: z.null(), ...readProblems },
        },
      },
      async (request, reply) => {
        await deleteMeetingFile(deps, requireActor(request), request.params.id, request.params.fileId);
        return reply.status(204).send(null);
      },
    );

    // The upload takes raw bytes; its parsers and larger body limit apply to this route only.
    await app.register(async (upload) => {
      acceptUploads(upload);
      upload.withTypeProvider<ZodTypeProvider>().post(
        "/meetings/:id/files",
        {
          config: { access: "user" },
          schema: {
            tags: ["meetings"],
            summary: `Keep a file (PDF, DOCX or XLSX up to ${maxMb} MB, the raw body) with the meeting; ?title= names it, ?name= gives its file name. At most ${meetingLimits.filesPerMeeting} files a meeting (409) and ${quotaMb} MB for the files of all the partnership's meetings (413) (convener)`,
            params: idParam,
            querystring: meetingFileQuery,
            response: {
              201: meetingFileSchema,
              ...writeProblems,
              409: problemSchema,
              413: problemSchema,
              415: problemSchema,
            },
          },
        },
        async (request, reply) => {
          const actor = requireActor(request);
          const { title, name } = request.query;
          const length = Number(request.headers["content-length"]);
          // Who may upload, and whether a file of the declared size fits, before reading it.
          await checkMeetingUpload(deps, actor, request.params.id, Number.isFinite(length) ? length : null);
          const file = await receiveUpload(deps, request, name ?? title);
          try {
            return reply.status(201).send(await addMeetingFile(deps, actor, request.params.id, title, file));
          } finally {
            // Kept files have moved to their place; a refused one is removed here.
            await file.file.discard();
          }
        },
      );
    });
  };
}
