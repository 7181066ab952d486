import { useQuery } from "@tanstack/react-query";
import type { EventCreate, EventDetail, EventList, EventPatch, Registration } from "../../../core/events.js";
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
};

/** The feed of every upcoming event, for calendar apps to subscribe to. */
export function eventsFeedUrl(): string {
  return `${window.location.origin}/api/events.ics`;
}
