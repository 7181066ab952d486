import { useQuery } from "@tanstack/react-query";
import type { DiscussionCategory } from "../../../core/discussion-categories.js";
import type { Reply, ThreadDetail, ThreadList } from "../../../core/discussions.js";
import { api, buildQuery, request } from "../../lib/api.js";

export const threadKey = (id: string) => ["discussion", id] as const;

/** The threads, for signed-in people only (`enabled`): a visitor's page asks nothing that would fail. */
export function useThreads(category: DiscussionCategory | undefined, page: number, enabled: boolean) {
  return useQuery({
    queryKey: ["discussions", category ?? "all", page],
    queryFn: ({ signal }) => api.get<ThreadList>(`/discussions${buildQuery({ category, page })}`, signal),
    enabled,
  });
}

/** A thread with one page of its replies; without a page the server picks (a follower's first unread). */
export function useThread(id: string | undefined, page: number | undefined) {
  return useQuery({
    queryKey: [...threadKey(id ?? ""), page ?? "where I stopped"],
    queryFn: ({ signal }) => api.get<ThreadDetail>(`/discussions/${id ?? ""}${buildQuery({ page })}`, signal),
    enabled: !!id,
  });
}

export const discussionsApi = {
  create: (body: { title: string; category: DiscussionCategory; body: string }) =>
    api.post<ThreadDetail>("/discussions", body),
  reply: (id: string, body: string) => api.post<Reply>(`/discussions/${id}/replies`, { body }),
  edit: (replyId: string, body: string) => api.patch<Reply>(`/replies/${replyId}`, { body }),
  report: (replyId: string, reason: string) => api.post(`/replies/${replyId}/report`, { reason }),
  hideReply: (replyId: string, hidden: boolean) => api.patch(`/replies/${replyId}/moderation`, { hidden }),
  moderate: (id: string, change: { hidden?: boolean; locked?: boolean }) =>
    api.patch<ThreadDetail>(`/discussions/${id}/moderation`, change),
  follow: (id: string, follow: boolean) =>
    request<{ following: boolean }>(follow ? "PUT" : "DELETE", `/discussions/${id}/follow`),
  mentionable: (q: string, signal?: AbortSignal) =>
    api.get<{ items: { id: string; name: string }[] }>(
      `/discussions/mentionable${buildQuery({ q })}`,
      signal,
    ),
};
