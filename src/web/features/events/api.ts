import { useQuery } from "@tanstack/react-query";
import type {
  EventCreate,
  EventDetail,
  EventList,
  EventPatch,
  FileMaterial,
  Registration,
} from "../../../core/events.js";
import { uploadFile } from "../../components/fileUpload.js";
import { api, request } from "../../lib/api.js";

export const eventsKey = ["events"] as const;
export const eventKey = (slug: string) => ["events", "one", slug] as const;

export function useEvents(when: "upcoming" | "past") {
  return useQuery({
    queryKey: [...eventsKey, when],
    queryFn: ({ signal }) => api.get<EventList>(`/events?when=${when}`, signal),
  });
}

export function useEvent(slug: string) {
  return useQuery({
    queryKey: eventKey(slug),
    queryFn: ({ signal }) => api.get<EventDetail>(`/events/${encodeURIComponent(slug)}`, signal),
    enabled: !!slug,
  });
}

export const eventsApi = {
  create: (body: EventCreate) => api.post<EventDetail>("/events", body),
  patch: (id: string, body: EventPatch) => api.patch<EventDetail>(`/events/${id}`, body),
  register: (id: string) => api.post<Registration>(`/events/${id}/registration`),
  cancel: (id: string) => request<Registration>("DELETE", `/events/${id}/registration`),
  uploadMaterial: (id: string, title: string, file: File) =>
    uploadFile<FileMaterial>(
      "POST",
      `/events/${id}/materials/files?title=${encodeURIComponent(title)}&name=${encodeURIComponent(file.name)}`,
      file,
    ),
  removeMaterial: (id: string, materialId: string) =>
    request<undefined>("DELETE", `/events/${id}/materials/${materialId}`),
};

/** The feed of every upcoming event, for calendar apps to subscribe to. */
export function eventsFeedUrl(): string {
  return `${window.location.origin}/api/events.ics`;
}
