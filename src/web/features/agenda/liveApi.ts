import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { BallotBody } from "../../../core/agenda.js";
import type {
  LiveCount,
  LiveGuestBallotResult,
  LiveGuestBody,
  LiveGuestResult,
  LiveVotePhone,
  LiveVoteScreen,
} from "../../../core/live-vote.js";
import { api, buildQuery, request } from "../../lib/api.js";

export const liveScreenKey = (roundId: string) => ["live-vote-screen", roundId] as const;
export const livePhoneKey = (code: string, round: string) => ["live-vote", code, round] as const;

/** The projector; the count in it is then kept current by the event stream. */
export function useLiveScreen(roundId: string) {
  return useQuery({
    queryKey: liveScreenKey(roundId),
    queryFn: ({ signal }) => api.get<LiveVoteScreen>(`/vote-rounds/${roundId}/live`, signal),
    retry: false,
  });
}

/** What the phone sees; the guest-voter token (if any) says who it votes as. */
export function useLivePhone(code: string, round: string, guest: string | null) {
  return useQuery({
    queryKey: [...livePhoneKey(code, round), guest ?? ""],
    queryFn: ({ signal }) =>
      api.get<LiveVotePhone>(`/live-vote${buildQuery({ code, round, guest: guest ?? undefined })}`, signal),
    enabled: code !== "",
    retry: false,
    // The phone learns that the round closed without a stream of its own.
    refetchInterval: (query) => (query.state.data?.round.status === "open" ? 15_000 : false),
  });
}

export const liveApi = {
  start: (roundId: string, meetingId: string) =>
    api.post<LiveVoteScreen>(`/vote-rounds/${roundId}/live`, { meetingId }),
  join: (body: LiveGuestBody) => api.post<LiveGuestResult>("/live-vote/guests", body),
  guestVote: (roundId: string, token: string, body: BallotBody) =>
    request<LiveGuestBallotResult>("PUT", `/vote-rounds/${roundId}/guest-ballot`, { token, ...body }),
};

/**
 * A business guest's token is kept by the phone for its round only (localStorage), so a reload
 * or a locked screen does not lose the vote; it is worth one ballot in one round.
 */
const tokenKey = (roundId: string) => `live-vote-guest:${roundId}`;
export const guestTokens = {
  get: (roundId: string): string | null => {
    try {
      return localStorage.getItem(tokenKey(roundId));
    } catch {
      return null;
    }
  },
  set: (roundId: string, token: string) => {
    try {
      localStorage.setItem(tokenKey(roundId), token);
    } catch {
      // Private mode without storage: the token lives as long as the page.
    }
  },
};

export interface LiveCountStream {
  count: LiveCount | null;
  live: boolean;
  ended: string | null;
}

/** The projector's count, kept current by the server's events (EventSource sends the session cookie). */
export function useLiveCount(roundId: string): LiveCountStream {
  const [state, setState] = useState<LiveCountStream>({ count: null, live: false, ended: null });
  useEffect(() => {
    const source = new EventSource(`/api/vote-rounds/${roundId}/live/events`);
    const read = <T>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;
    source.onopen = () => setState((s) => ({ ...s, live: true }));
    source.onerror = () => setState((s) => ({ ...s, live: false }));
    source.addEventListener("count", (e) =>
      setState((s) => ({ ...s, live: true, count: read<LiveCount>(e) })),
    );
    source.addEventListener("end", (e) => {
      source.close();
      setState((s) => ({ ...s, live: false, ended: read<{ reason: string }>(e).reason }));
    });
    return () => source.close();
  }, [roundId]);
  return state;
}
