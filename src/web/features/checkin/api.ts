import { useQuery } from "@tanstack/react-query";
import type { CheckInPage, CheckInResult, CheckInScreen, GuestCheckIn } from "../../../core/checkin.js";
import { api } from "../../lib/api.js";

export const checkInScreenKey = (meetingId: string) => ["check-in-screen", meetingId] as const;
export const checkInPageKey = (code: string) => ["check-in", code] as const;

/** The convener's screen; the board in it is then kept current by the event stream. */
export function useCheckInScreen(meetingId: string) {
  return useQuery({
    queryKey: checkInScreenKey(meetingId),
    queryFn: ({ signal }) => api.get<CheckInScreen>(`/meetings/${meetingId}/check-in`, signal),
    retry: false,
  });
}

/** What a scanned or typed code opens; a refused code is an answer to show, not to retry. */
export function useCheckInPage(code: string) {
  return useQuery({
    queryKey: checkInPageKey(code),
    queryFn: ({ signal }) => api.get<CheckInPage>(`/check-in/${encodeURIComponent(code)}`, signal),
    enabled: code !== "",
    retry: false,
  });
}

export const checkInApi = {
  me: (token: string) => api.post<CheckInResult>(`/check-in/${token}/me`, {}),
  claim: (token: string, personId: string) =>
    api.post<CheckInResult>(`/check-in/${token}/claims`, { personId }),
  guest: (token: string, guest: GuestCheckIn) => api.post<CheckInResult>(`/check-in/${token}/guests`, guest),
  confirm: (token: string) => api.post<CheckInResult>("/check-in/confirm", { token }),
};
