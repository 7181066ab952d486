import { openEventStream } from "../../lib/event-stream.js";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor, AppDeps } from "../../deps.js";
import { findMeeting, type MeetingRow } from "../meetings/lookup.js";
import { loadBoard } from "./board.js";
import type { HubEvent } from "./hub.js";
import { authorizeCheckInScreen } from "./policy.js";
import type { CheckInRuntime } from "./service.js";

/**
 * Often enough that proxies keep the connection open (many drop one idle for 30 to 60 s), and
 * the moment the board is read again: arrivals made through another server process show up.
 */
export const HEARTBEAT_MS = 15_000;

/**
 * The convener's screen as server-sent events: `board` with everyone in and the counts (at once
 * and after every change), `arrival` for each new person, `pending` when someone picked a
 * member's name and waits for the e-mail, `end` when the stream stops for good. The caller has
 * been authorized already; this is checked again at each heartbeat, so a convener removed from
 * the partnership stops receiving.
 */
export function streamBoard(
  deps: AppDeps,
  runtime: CheckInRuntime,
  request: FastifyRequest,
  reply: FastifyReply,
  meeting: MeetingRow,
  actor: Actor,
): void {
  const stream = openEventStream(reply);
  const { send, end } = stream;
  let lastBoard = "";
  let seen: Set<string> | null = null;

  // One read at a time, in order: a burst of arrivals must not interleave two boards.
  let queue = Promise.resolve();
  const refresh = (recheck: boolean) => {
    queue = queue
      .then(async () => {
        if (stream.closed) return;
        const current = await findMeeting(deps.db, meeting.id);
        if (recheck) await authorizeCheckInScreen(deps.db, current, actor);
        const board = await loadBoard(deps.db, current);
        const json = JSON.stringify(board);
        if (json === lastBoard) return;
        const keys = new Set(board.arrivals.map((a) => `${a.kind}:${a.id}`));
        if (seen) for (const a of board.arrivals) if (!seen.has(`${a.kind}:${a.id}`)) send("arrival", a);
        seen = keys;
        lastBoard = json;
        send("board", board);
      })
      .catch((error: unknown) => {
        // The meeting was deleted or the caller lost the right: say so and stop.
        request.log.info({ err: error, meetingId: meeting.id }, "check-in stream ended");
        send("end", { reason: error instanceof Error ? error.message : "The check-in stream ended." });
        end();
      });
  };

  const onEvent = (event: HubEvent) => {
    if (event.type === "pending") send("pending", { name: event.name });
    else refresh(false);
  };
  const unsubscribe = runtime.hub.subscribe(meeting.id, onEvent);
  const timer = setInterval(() => {
    stream.heartbeat();
    refresh(true);
  }, HEARTBEAT_MS);
  const untrack = runtime.hub.track(end);
  stream.onEnd(() => {
    clearInterval(timer);
    unsubscribe();
    untrack();
  });
  refresh(false);
}
