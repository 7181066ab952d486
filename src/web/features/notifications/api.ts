import { useQuery } from "@tanstack/react-query";
import type {
  NotificationList,
  Preferences,
  PreferencesChange,
  UnsubscribeCheck,
  UnsubscribeResult,
} from "../../../core/discussions.js";
import { api, request } from "../../lib/api.js";

export const notificationsKey = ["notifications"] as const;

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationsKey,
    queryFn: ({ signal }) => api.get<NotificationList>("/notifications", signal),
    enabled,
    refetchInterval: 60_000,
  });
}

export const notificationsApi = {
  read: (ids?: string[]) => api.post<{ unread: number }>("/notifications/read", ids ? { ids } : {}),
  preferences: () => api.get<Preferences>("/me/preferences"),
  setPreferences: (body: PreferencesChange) => request<Preferences>("PUT", "/me/preferences", body),
};

/** An e-mail's unsubscribe link: reading it changes nothing; only `stop` (a POST) turns the list off. */
export const unsubscribeApi = {
  check: (token: string, signal?: AbortSignal) =>
    api.get<UnsubscribeCheck>(`/unsubscribe?token=${encodeURIComponent(token)}`, signal),
  stop: (token: string) => api.post<UnsubscribeResult>(`/unsubscribe?token=${encodeURIComponent(token)}`),
};
