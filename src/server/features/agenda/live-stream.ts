import { openEventStream } from "../../lib/event-stream.js";
import type { FastifyReply, FastifyRequest } from "fastify";
import { msg } from "../../../core/i18n/msg.js";
import type { Actor, AppDeps } from "../../deps.js";
import { AppError, inLanguage } from "../../errors.js";
import { translate } from "../../i18n/intl.js";
import { HEARTBEAT_MS } from "../checkin/stream.js";
import { liveVoteHub } from "./live-hub.js";
import { authorizeLiveStream, liveCount } from "./live-vote-service.js";

/**
 * How often a projector reads the count even without news from this process: ballots sent to
 * another server process (several may serve one PostgreSQL) and a round closed by its closing
 * date show up within this. One indexed count per projector; a room has one projector.
 */
export const LIVE_POLL_MS = 3_000;

/**
 * The projector's stream as server-sent events: `count` (voters so far and the round's status)
 * at once and after each change, `end` when the stream stops for good. Never the tally: results
 * stay hidden until the round is closed, and the projector then reads them from its screen route.
 * The caller has been authorized already; it is checked again at each heartbeat.
 */
export function streamLiveCount(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  roundId: string,
  actor: Actor,
): void {
  const hub = liveVoteHub(deps);
  const stream = openEventStream(reply);
  const { send, end } = stream;
  let last = "";

  // One read at a time, in order; a burst of 150 ballots needs one read after the last, not 150.
  let queue = Promise.resolve();
  let waiting = false;
  const refresh = (recheck: boolean) => {
    if (waiting && !recheck) return;
    waiting = true;
    queue = queue
      .then(async () => {
        waiting = false;
        if (stream.closed) return;
        if (recheck) await authorizeLiveStream(deps, actor, roundId);
        const count = await liveCount(deps.db, roundId);
        const json = JSON.stringify(count);
        if (json === last) return;
        last = json;
        send("count", count);
      })
      .catch((error: unknown) => {
        request.log.info({ err: error, roundId }, "live vote stream ended");
        // The projector shows why, in the convener's language; an internal failure says only that it ended.
        const reason =
          error instanceof AppError
            ? inLanguage(error.detail, request.locale)
            : translate(
                request.locale,
                msg({ id: "server.agenda.live.streamEnded", defaultMessage: "The live vote stream ended." }),
              );
        send("end", { reason });
        end();
      });
  };

  const unsubscribe = hub.subscribe(roundId, () => refresh(false));
  let sinceHeartbeat = 0;
  const timer = setInterval(() => {
    sinceHeartbeat += LIVE_POLL_MS;
    const heartbeat = sinceHeartbeat >= HEARTBEAT_MS;
    if (heartbeat) {
      sinceHeartbeat = 0;
      stream.heartbeat();
    }
    refresh(heartbeat);
  }, LIVE_POLL_MS);
  const untrack = hub.track(end);
  stream.onEnd(() => {
    clearInterval(timer);
    unsubscribe();
    untrack();
  });
  refresh(false);
}
