import { useQuery } from "@tanstack/react-query";
import type {
  AttendanceBody,
  Meeting,
  MeetingCreate,
  MeetingFeed,
  MeetingFile,
  MeetingList,
  MeetingPatch,
} from "../../../core/meetings.js";
import type { RsvpAnswer, RsvpLinkInfo } from "../../../core/meeting-rsvps.js";
import { uploadFile } from "../../components/fileUpload.js";
import { api, request } from "../../lib/api.js";

export const meetingsKey = (partnershipId: string) => ["meetings", partnershipId] as const;
export const meetingKey = (meetingId: string) => ["meeting", meetingId] as const;
export const meetingFeedKey = ["meeting-feed"] as const;

export function useMeetings(partnershipId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: meetingsKey(partnershipId ?? ""),
    queryFn: ({ signal }) => api.get<MeetingList>(`/partnerships/${partnershipId ?? ""}/meetings`, signal),
    enabled: !!partnershipId && enabled,
  });
}

export function useMeeting(meetingId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: meetingKey(meetingId ?? ""),
    queryFn: ({ signal }) => api.get<Meeting>(`/meetings/${meetingId ?? ""}`, signal),
    enabled: !!meetingId && enabled,
  });
}

export const meetingsApi = {
  create: (partnershipId: string, body: MeetingCreate) =>
    api.post<Meeting>(`/partnerships/${partnershipId}/meetings`, body),
  patch: (id: string, body: MeetingPatch) => api.patch<Meeting>(`/meetings/${id}`, body),
  attendance: (id: string, body: AttendanceBody) =>
    request<Meeting>("PUT", `/meetings/${id}/attendance`, body),
  /** Keeps a file with the meeting; a refusal (type, 20 files, the partnership's quota) throws its reason. */
  uploadFile: (id: string, title: string, file: File) =>
    uploadFile<MeetingFile>(
      "POST",
      `/meetings/${id}/files?title=${encodeURIComponent(title)}&name=${encodeURIComponent(file.name)}`,
      file,
    ),
  removeFile: (id: string, fileId: string) => request<undefined>("DELETE", `/meetings/${id}/files/${fileId}`),
  /** The signed-in member's answer to the invitation; a later one replaces it. */
  answer: (id: string, answer: RsvpAnswer) => request<Meeting>("PUT", `/meetings/${id}/rsvp`, { answer }),
};

/** An invitation's answer link: what it answers (GET changes nothing), then the answer (POST). */
export const rsvpLinkApi = {
  describe: (meetingId: string, token: string, signal?: AbortSignal) =>
    api.get<RsvpLinkInfo>(
      `/meetings/${encodeURIComponent(meetingId)}/rsvp-link?token=${encodeURIComponent(token)}`,
      signal,
    ),
  answer: (meetingId: string, token: string, answer: RsvpAnswer) =>
    api.post<RsvpLinkInfo>(`/meetings/${encodeURIComponent(meetingId)}/rsvp-link`, { token, answer }),
};

/** The signed-in person's private feed address (null when they have none). */
export function useMyMeetingFeed(enabled: boolean) {
  return useQuery({
    queryKey: meetingFeedKey,
    queryFn: ({ signal }) => api.get<MeetingFeed>("/me/meeting-feed", signal),
    enabled,
  });
}

export const meetingFeedApi = {
  /** A new private address; the previous one stops working. */
  regenerate: () => api.post<MeetingFeed>("/me/meeting-feed"),
  revoke: () => request<undefined>("DELETE", "/me/meeting-feed"),
};

/** The public calendar feed: only meetings marked public, with their title, kind and time. */
export function calendarFeedUrl(slug: string): string {
  return `${window.location.origin}/api/partnerships/${slug}/calendar.ics`;
}
