import { useEffect, useState } from "react";
import type { Arrival, CheckInBoard } from "../../../core/checkin.js";

export interface CheckInStream {
  board: CheckInBoard | null;
  /** Newest first: who arrived while the screen was open. */
  recent: Arrival[];
  /** Names picked by someone, waiting for that member's e-mail confirmation. */
  pending: string[];
  /** Whether the stream is connected; the browser reconnects by itself when it drops. */
  live: boolean;
  /** Why the server ended the stream for good (the meeting was deleted, the right was lost). */
  ended: string | null;
}

/** The convener's board, kept current by the server's events (EventSource sends the session cookie). */
export function useCheckInStream(meetingId: string, initial: CheckInBoard | undefined): CheckInStream {
  const [state, setState] = useState<CheckInStream>({
    board: null,
    recent: [],
    pending: [],
    live: false,
    ended: null,
  });
  useEffect(() => {
    const source = new EventSource(`/api/meetings/${meetingId}/check-in/events`);
    const read = <T>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;
    source.onopen = () => setState((s) => ({ ...s, live: true }));
    source.onerror = () => setState((s) => ({ ...s, live: false }));
    source.addEventListener("board", (e) =>
      setState((s) => ({ ...s, live: true, board: read<CheckInBoard>(e) })),
    );
    source.addEventListener("arrival", (e) => {
      const arrival = read<Arrival>(e);
      setState((s) => ({
        ...s,
        recent: [arrival, ...s.recent].slice(0, 8),
        // A confirmed name is no longer waiting.
        pending: s.pending.filter((name) => name !== arrival.name),
      }));
    });
    source.addEventListener("pending", (e) => {
      const { name } = read<{ name: string }>(e);
      setState((s) => ({ ...s, pending: s.pending.includes(name) ? s.pending : [...s.pending, name] }));
    });
    source.addEventListener("end", (e) => {
      source.close();
      setState((s) => ({ ...s, live: false, ended: read<{ reason: string }>(e).reason }));
    });
    return () => source.close();
  }, [meetingId]);
  return { ...state, board: state.board ?? initial ?? null };
}
