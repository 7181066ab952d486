import { guessGuard } from "../checkin/guess-guard.js";
import { z } from "zod";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  liveGuestBallotBody,
  liveGuestBallotResultSchema,
  liveGuestBody,
  liveGuestResultSchema,
  liveVoteLimits,
  liveVotePhoneSchema,
  liveVoteQuery,
  liveVoteScreenSchema,
  startLiveVoteBody,
} from "../../../core/live-vote.js";
import { problemSchema } from "../../../core/problem.js";
import type { AppDeps } from "../../deps.js";
import { requireActor } from "../../plugins/auth.js";
import { WindowLimiter } from "../checkin/limiter.js";
import { liveVoteHub } from "./live-hub.js";
import { streamLiveCount } from "./live-stream.js";
import {
  authorizeLiveStream,
  castGuestBallot,
  joinAsGuest,
  livePhone,
  liveScreen,
  startLiveVote,
  type LiveVoteRuntime,
} from "./live-vote-service.js";
import { idParam, readProblems, writeProblems } from "./votes-routes.js";

const codeProblems = { 400: problemSchema, 404: problemSchema, 410: problemSchema, 429: problemSchema };

export function liveVoteRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const runtime: LiveVoteRuntime = {
      joins: new WindowLimiter(liveVoteLimits.guestJoinsPerWindow, liveVoteLimits.windowMinutes * 60_000),
      guestBallots: new WindowLimiter(liveVoteLimits.guestBallotsPerMinute, 60_000),
    };
    // Open projectors would otherwise keep the server from closing.
    app.addHook("preClose", (done) => {
      liveVoteHub(deps).closeAll();
      done();
    });

    const guarded = guessGuard(deps, "codes");

    app.post(
      "/vote-rounds/:id/live",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary:
            "Show an open round live at a meeting of the partnership on its day: a projector with a QR code, the items and the count of voters; the meeting's business guests may vote (convener)",
          params: idParam,
          body: startLiveVoteBody,
          response: { 200: liveVoteScreenSchema, 201: liveVoteScreenSchema, ...writeProblems },
        },
      },
      async (request, reply) => {
        const { screen, created } = await startLiveVote(
          deps,
          requireActor(request),
          request.params.id,
          request.body.meetingId,
        );
        return reply.status(created ? 201 : 200).send(screen);
      },
    );

    app.get(
      "/vote-rounds/:id/live",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary:
            "The projector of a live vote: QR code and short code to join, the items, the count of voters, and the results once the round is closed (convener)",
          params: idParam,
          response: { 200: liveVoteScreenSchema, ...readProblems },
        },
      },
      async (request) => liveScreen(deps, request.actor, request.params.id),
    );

    app.get(
      "/vote-rounds/:id/live/events",
      {
        config: { access: "user" },
        schema: {
          tags: ["agenda"],
          summary:
            "Server-sent events of the projector: `count` (voters so far and the round's status) at once and after each ballot or the close, a heartbeat comment every 15 s; never the tally (convener)",
          params: idParam,
          response: { 200: z.string(), ...readProblems },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // Refused before the stream starts, so the refusal is an ordinary problem+json answer.
        await authorizeLiveStream(deps, actor, request.params.id);
        streamLiveCount(deps, request, reply, request.params.id, actor);
      },
    );

    app.get(
      "/live-vote",
      {
        config: { access: "public" },
        schema: {
          tags: ["agenda"],
          summary:
            "What a phone sees of the live vote at a meeting: the round's items, the count, and whether the caller votes as a member, as a business guest (with `guest`, their token), watches (public partners) or must check in first; never the tally (anyone with the meeting's check-in code, on its day)",
          querystring: liveVoteQuery,
          response: { 200: liveVotePhoneSchema, ...codeProblems },
        },
      },
      async (request, reply) => {
        const page = await guarded(request, () =>
          livePhone(deps, request.actor, request.query, request.locale),
        );
        return reply.header("cache-control", "private, no-store").send(page);
      },
    );

    app.post(
      "/live-vote/guests",
      {
        config: { access: "public" },
        schema: {
          tags: ["agenda"],
          summary: `Check in as a guest from the live vote (name, organization, sector; the same name and organization again is the same guest) and, for a business, get a guest-voter token for this round only; public partners watch. At most ${liveVoteLimits.guestJoinsPerWindow} new guests per meeting in ${liveVoteLimits.windowMinutes} minutes (anyone with the meeting's check-in code)`,
          body: liveGuestBody,
          response: { 200: liveGuestResultSchema, 201: liveGuestResultSchema, ...codeProblems },
        },
      },
      async (request, reply) => {
        const { result, created } = await guarded(request, () => joinAsGuest(deps, runtime, request.body));
        return reply.status(created ? 201 : 200).send(result);
      },
    );

    app.put(
      "/vote-rounds/:id/guest-ballot",
      {
        config: { access: "public" },
        schema: {
          tags: ["agenda"],
          summary: `Cast or change a business guest's ballot in the live round their guest-voter token names, while it is open. At most ${liveVoteLimits.guestBallotsPerMinute} a minute per guest (whoever holds the token)`,
          params: idParam,
          body: liveGuestBallotBody,
          response: { 200: liveGuestBallotResultSchema, ...codeProblems, 403: problemSchema },
        },
      },
      async (request) =>
        guarded(request, () => castGuestBallot(deps, runtime, request.params.id, request.body)),
    );
  };
}
