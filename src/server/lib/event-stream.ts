/**
 * A server-sent events answer (the check-in screen, the live vote's projector): takes the reply
 * over, keeps the security headers already set on it, and ends once, whichever side ends it.
 */
import type { FastifyReply } from "fastify";

export interface EventStream {
  /** One named event with a JSON body; nothing once the stream has ended. */
  send: (event: string, data: unknown) => void;
  /** A comment line that keeps proxies from closing an idle stream. */
  heartbeat: () => void;
  /** Runs `cleanup` when the stream ends (the screen went away, or `end()`). */
  onEnd: (cleanup: () => void) => void;
  end: () => void;
  readonly closed: boolean;
}

export function openEventStream(reply: FastifyReply): EventStream {
  reply.hijack();
  const raw = reply.raw;
  // Helmet's headers, set on the reply before it was taken over.
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) raw.setHeader(name, typeof value === "number" ? String(value) : value);
  }
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
    // nginx would otherwise hold events back in its buffer.
    "x-accel-buffering": "no",
  });
  raw.write("retry: 3000\n\n");

  let closed = false;
  const cleanups: (() => void)[] = [];
  const end = () => {
    if (closed) return;
    closed = true;
    for (const cleanup of cleanups) cleanup();
    raw.end();
  };
  // The response closes when the screen goes away (tab closed, network gone) or after end().
  raw.on("close", end);
  raw.on("error", end);
  return {
    send: (event, data) => {
      if (!closed) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    heartbeat: () => {
      if (!closed) raw.write(": heartbeat\n\n");
    },
    onEnd: (cleanup) => {
      cleanups.push(cleanup);
    },
    end,
    get closed() {
      return closed;
    },
  };
}
