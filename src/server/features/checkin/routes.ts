import { guessGuard } from "./guess-guard.js";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  checkInLimits,
  checkInPageSchema,
  checkInResultSchema,
  checkInScreenSchema,
  confirmCheckInBody,
  guestCheckInBody,
  nameClaimBody,
} from "../../../core/checkin.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { findMeeting } from "../meetings/lookup.js";
import { claimName, confirmCheckIn } from "./claims.js";
import { checkInHubOf } from "./hub.js";
import { WindowLimiter } from "./limiter.js";
import { authorizeCheckInScreen } from "./policy.js";
import { checkInGuest, checkInMember, checkInPage, openScreen, type CheckInRuntime } from "./service.js";
import { streamBoard } from "./stream.js";

const idParam = z.strictObject({ id: z.string().min(1).max(120) });
const codeParam = z.strictObject({ code: z.string().min(1).max(120) });
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const codeProblems = { 400: problemSchema, 404: problemSchema, 410: problemSchema, 429: problemSchema };
const windowMs = checkInLimits.windowMinutes * 60_000;

export function checkInRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const runtime: CheckInRuntime = {
      hub: checkInHubOf(deps),
      writes: new WindowLimiter(checkInLimits.writesPerWindow, windowMs),
      mails: new WindowLimiter(1, 5 * 60_000),
    };
    // Open screens would otherwise keep the server from closing.
    app.addHook("preClose", (done) => {
      runtime.hub.closeAll();
      done();
    });

    const guarded = guessGuard(deps, "checkIn");

    app.get(
      "/meetings/:id/check-in",
      {
        config: { access: "user" },
        schema: {
          tags: ["check-in"],
          summary:
            "The meeting's check-in screen: a QR code and a short code that work on the meeting's day, and who is in so far (convener)",
          params: idParam,
          response: { 200: checkInScreenSchema, ...problems },
        },
      },
      async (request) => openScreen(deps, request.actor, request.params.id),
    );

    app.get(
      "/meetings/:id/check-in/events",
      {
        config: { access: "user" },
        schema: {
          tags: ["check-in"],
          summary:
            "Server-sent events of the check-in screen: `board` (everyone in, counts, business majority) at once and after each change, `arrival` per new person, `pending` when a picked name awaits its e-mail, a heartbeat comment every 15 s (convener)",
          params: idParam,
          response: { 200: z.string(), ...problems },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const meeting = await findMeeting(deps.db, request.params.id);
        // Refused before the stream starts, so the refusal is an ordinary problem+json answer.
        await authorizeCheckInScreen(deps.db, meeting, actor);
        streamBoard(deps, runtime, request, reply, meeting, actor);
      },
    );

    app.get(
      "/check-in/:code",
      {
        config: { access: "public" },
        schema: {
          tags: ["check-in"],
          summary:
            "What a scanned or typed check-in code opens: the meeting, its members to pick from, and you when signed in (anyone with the code, on the meeting's day)",
          params: codeParam,
          response: { 200: checkInPageSchema, ...codeProblems },
        },
      },
      async (request, reply) => {
        const page = await guarded(request, () => checkInPage(deps, request.actor, request.params.code));
        return reply.header("cache-control", "private, no-store").send(page);
      },
    );

    app.post(
      "/check-in/:code/me",
      {
        config: { access: "user" },
        schema: {
          tags: ["check-in"],
          summary: "Check yourself in with one tap; a second tap changes nothing (a signed-in member)",
          params: codeParam,
          response: { 200: checkInResultSchema, ...codeProblems, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request) =>
        guarded(request, () => checkInMember(deps, runtime, requireActor(request), request.params.code)),
    );

    app.post(
      "/check-in/:code/claims",
      {
        config: { access: "public" },
        schema: {
          tags: ["check-in"],
          summary: `Pick your name from the members: nothing counts until you confirm with the link e-mailed to that member (202); signed in as that member, you are checked in at once. At most ${checkInLimits.writesPerWindow} names and guests per code in ${checkInLimits.windowMinutes} minutes (anyone with the code)`,
          params: codeParam,
          body: nameClaimBody,
          response: {
            200: checkInResultSchema,
            202: checkInResultSchema,
            ...codeProblems,
            403: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const result = await guarded(request, () =>
          claimName(deps, runtime, request.actor, request.params.code, request.body.personId),
        );
        return reply.status(result.status === "confirmation_sent" ? 202 : 200).send(result);
      },
    );

    app.post(
      "/check-in/:code/guests",
      {
        config: { access: "public" },
        schema: {
          tags: ["check-in"],
          summary: `Add yourself as a guest with your name, organization and sector; the same name and organization again is the same guest (200). At most ${checkInLimits.writesPerWindow} guests and names per code in ${checkInLimits.windowMinutes} minutes (anyone with the code)`,
          params: codeParam,
          body: guestCheckInBody,
          response: { 200: checkInResultSchema, 201: checkInResultSchema, ...codeProblems },
        },
      },
      async (request, reply) => {
        const result = await guarded(request, () =>
          checkInGuest(deps, runtime, request.params.code, request.body),
        );
        return reply.status(result.status === "checked_in" ? 201 : 200).send(result);
      },
    );

    app.post(
      "/check-in/confirm",
      {
        config: { access: "public" },
        schema: {
          tags: ["check-in"],
          summary:
            "Confirm a picked name with the token from the e-mail: the member is then recorded as present (whoever holds the e-mailed link)",
          body: confirmCheckInBody,
          response: {
            200: checkInResultSchema,
            400: problemSchema,
            403: problemSchema,
            404: problemSchema,
            410: problemSchema,
          },
        },
      },
      async (request) => confirmCheckIn(deps, runtime, request.body.token),
    );
  };
}
