import type { AppDeps } from "../../deps.js";

/** What a convener's screen hears about its meeting. */
export type HubEvent =
  /** Someone arrived (or attendance changed otherwise): read the board again. */
  | { type: "changed" }
  /** Someone picked a member's name; it counts once that member confirms by e-mail. */
  | { type: "pending"; name: string };

/**
 * Tells the open check-in screens of a meeting, in this process, that something happened. Screens
 * on other server processes (several may serve one PostgreSQL) catch up at their next heartbeat,
 * when they read the board again.
 */
export class CheckInHub {
  private readonly listeners = new Map<string, Set<(event: HubEvent) => void>>();
  private readonly closers = new Set<() => void>();

  subscribe(meetingId: string, listener: (event: HubEvent) => void): () => void {
    let set = this.listeners.get(meetingId);
    if (!set) {
      set = new Set();
      this.listeners.set(meetingId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(meetingId);
    };
  }

  publish(meetingId: string, event: HubEvent): void {
    for (const listener of this.listeners.get(meetingId) ?? []) listener(event);
  }

  /** Screens open on any meeting (for tests and shutdown). */
  get openStreams(): number {
    return this.closers.size;
  }

  /** Registers how to end an open stream, so the server can close while screens are open. */
  track(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  closeAll(): void {
    for (const close of [...this.closers]) close();
  }
}

const hubs = new WeakMap<AppDeps, CheckInHub>();

/** The check-in screens' hub of one app, shared with the live vote, whose guests check in too. */
export function checkInHubOf(deps: AppDeps): CheckInHub {
  let hub = hubs.get(deps);
  if (!hub) {
    hub = new CheckInHub();
    hubs.set(deps, hub);
  }
  return hub;
}
