import { z } from "zod";
import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import {
  eventCreateBody,
  eventListQuery,
  eventListSchema,
  eventPatchBody,
  eventSchema,
  fileMaterialSchema,
  materialFileQuery,
  registrationSchema,
} from "../../../core/events.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { acceptUploads, contentDisposition, receiveUpload, UPLOAD_MAX_BYTES } from "../../lib/uploads.js";
import { requireActor } from "../../plugins/auth.js";
import { oneEventCalendar, upcomingCalendar } from "./calendar.js";
import { addMaterialFile, deleteMaterial, readMaterialFile } from "./materials.js";
import { cancelRegistration, register } from "./registration.js";
import { createEvent, getEvent, listEvents, updateEvent } from "./service.js";
import { uuidSchema } from "../../../core/ids.js";

/** An event's id, or its slug (the web app's pages use slugs). */
const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const icsParam = z.strictObject({
  file: z.string().regex(/^[^/]{1,120}\.ics$/, { error: "must end in .ics" }),
});
const materialParam = z.strictObject({ id: z.string().min(1).max(120), materialId: uuidSchema });
const maxMb = UPLOAD_MAX_BYTES / 1024 / 1024;
const readProblems = { 401: problemSchema, 403: problemSchema, 404: problemSchema };
const writeProblems = { 400: problemSchema, ...readProblems };
const CALENDAR = "text/calendar; charset=utf-8";

export function eventRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/events",
      {
        config: { access: "public" },
        schema: {
          tags: ["events"],
          summary:
            "Community events: upcoming (soonest first) or past (latest first), with seats taken (public)",
          querystring: eventListQuery,
          response: { 200: eventListSchema, 400: problemSchema },
        },
      },
      async (request) => listEvents(deps, request.actor, request.query.when),
    );

    app.post(
      "/events",
      {
        config: { access: "user" },
        schema: {
          tags: ["events"],
          summary:
            "Plan an event: title, description (Markdown), start and end (wall time in timeZone, or ISO instants), IANA time zone, capacity, online link or place (community admin)",
          body: eventCreateBody,
          response: { 201: eventSchema, ...writeProblems },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await createEvent(deps, requireActor(request), request.body)),
    );

    app.get(
      "/events.ics",
      {
        config: { access: "public" },
        schema: {
          tags: ["events"],
          summary:
            "Every upcoming event as an iCalendar feed to subscribe to (public; join links stay on the event page)",
          response: { 200: z.string() },
        },
      },
      async (request, reply) => reply.type(CALENDAR).send(await upcomingCalendar(deps, request.locale)),
    );

    // `/events/{id}.ics` shares its path segment with `/events/{id}`, so the file form is told apart here.
    app.get(
      "/events/:id",
      {
        config: { access: "public" },
        schema: {
          tags: ["events"],
          summary:
            "An event by id or slug, with seats taken and, for a signed-in caller, myRegistration; the online link only for registered people. With .ics at the end: the event as an iCalendar file (public)",
          params: z.strictObject({ id: z.string().min(1).max(124) }),
          response: { 200: eventSchema.or(z.string()), 404: problemSchema },
        },
      },
      async (request, reply) => {
        const file = request.params.id;
        const ics = icsParam.safeParse({ file });
        if (ics.success) {
          const calendar = await oneEventCalendar(
            deps,
            request.locale,
            request.actor,
            file.slice(0, -".ics".length),
          );
          return reply
            .type(CALENDAR)
            .header("content-disposition", `attachment; filename="${calendar.slug}.ics"`)
            .send(calendar.text);
        }
        return getEvent(deps, request.actor, file);
      },
    );

    app.patch(
      "/events/:id",
      {
        config: { access: "user" },
        schema: {
          tags: ["events"],
          summary:
            "Edit, cancel, add a recording or materials to an event; name the version you read (community admin)",
          params: idParam,
          body: eventPatchBody,
          response: { 200: eventSchema, ...writeProblems, 409: problemSchema },
        },
      },
      async (request) => updateEvent(deps, requireActor(request), request.params.id, request.body),
    );

    app.post(
      "/events/:id/registration",
      {
        config: { access: "user" },
        schema: {
          tags: ["events"],
          summary:
            "Register for an event: confirmed while seats remain, otherwise waitlisted; registering again answers the same registration (signed in)",
          params: idParam,
          response: { 200: registrationSchema, 201: registrationSchema, ...readProblems, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const { registration, created } = await register(deps, requireActor(request), request.params.id);
        return reply.status(created ? 201 : 200).send(registration);
      },
    );

    app.delete(
      "/events/:id/registration",
      {
        config: { access: "user" },
        schema: {
          tags: ["events"],
          summary:
            "Cancel your registration; the first person on the waitlist moves up and is e-mailed (signed in)",
          params: idParam,
          response: { 200: registrationSchema, ...readProblems, 409: problemSchema },
        },
      },
      async (request) => cancelRegistration(deps, requireActor(request), request.params.id),
    );

    app.get(
      "/events/:id/materials/:materialId/file",
      {
        config: { access: "public" },
        schema: {
          tags: ["events"],
          summary: "A file kept as a material of the event, with its type and file name (public)",
          params: materialParam,
        },
      },
      async (request, reply) => {
        const file = await readMaterialFile(deps, request.params.id, request.params.materialId);
        return reply
          .type(file.contentType)
          .header("content-disposition", contentDisposition(file.name))
          .header("content-length", file.size)
          .send(deps.files.open(file));
      },
    );

    app.delete(
      "/events/:id/materials/:materialId",
      {
        config: { access: "admin" },
        schema: {
          tags: ["events"],
          summary: "Remove a material (a link or a file) from an event (community admin)",
          params: materialParam,
          response: { 204: z.null(), ...readProblems },
        },
      },
      async (request, reply) => {
        await deleteMaterial(deps, requireActor(request), request.params.id, request.params.materialId);
        return reply.status(204).send(null);
      },
    );

    // The upload takes raw bytes; its parsers and larger body limit apply to this route only.
    await app.register(async (upload) => {
      acceptUploads(upload);
      upload.withTypeProvider<ZodTypeProvider>().post(
        "/events/:id/materials/files",
        {
          config: { access: "admin" },
          schema: {
            tags: ["events"],
            summary: `Keep a file (PDF, DOCX or XLSX up to ${maxMb} MB, the raw body) as a material of the event; ?title= names it, ?name= gives its file name (community admin)`,
            params: idParam,
            querystring: materialFileQuery,
            response: {
              201: fileMaterialSchema,
              ...writeProblems,
              409: problemSchema,
              413: problemSchema,
              415: problemSchema,
            },
          },
        },
        async (request, reply) => {
          const { title, name } = request.query;
          const file = await receiveUpload(deps, request, name ?? title);
          try {
            const material = await addMaterialFile(
              deps,
              requireActor(request),
              request.params.id,
              title,
              file,
            );
            return reply.status(201).send(material);
          } finally {
            // Kept files have moved to their place; a refused one is removed here.
            await file.file.discard();
          }
        },
      );
    });
  };
}
