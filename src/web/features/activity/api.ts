import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { ActivityList, Follow } from "../../../core/activity.js";
import { api, buildQuery, request } from "../../lib/api.js";

export function useActivity(partnershipId: string | undefined) {
  return useInfiniteQuery({
    queryKey: ["activity", partnershipId ?? ""],
    queryFn: ({ signal, pageParam }) =>
      api.get<ActivityList>(
        `/partnerships/${partnershipId ?? ""}/activity${buildQuery({ before: pageParam, limit: 30 })}`,
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled: !!partnershipId,
  });
}

export const followKey = (partnershipId: string) => ["follow", partnershipId] as const;

export function useFollow(partnershipId: string) {
  return useQuery({
    queryKey: followKey(partnershipId),
    queryFn: ({ signal }) => api.get<Follow>(`/partnerships/${partnershipId}/follow`, signal),
  });
}

export const followApi = {
  set: (partnershipId: string, following: boolean) =>
    request<Follow>(following ? "PUT" : "DELETE", `/partnerships/${partnershipId}/follow`),
};
