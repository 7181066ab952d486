import { useQuery } from "@tanstack/react-query";
import type { CommunityStats, CommunityStories, MeHome } from "../../../core/home.js";
import { api } from "../../lib/api.js";

export function useCommunityStats() {
  return useQuery({
    queryKey: ["community", "stats"],
    queryFn: ({ signal }) => api.get<CommunityStats>("/community/stats", signal),
    staleTime: 5 * 60_000,
  });
}

export function useCommunityStories() {
  return useQuery({
    queryKey: ["community", "stories"],
    queryFn: ({ signal }) => api.get<CommunityStories>("/community/stories?limit=3", signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * The signed-in home: always fetched again when the page is shown, so that a thread just read
 * or a ballot just cast no longer appears.
 */
export function useMeHome(enabled: boolean) {
  return useQuery({
    queryKey: ["me", "home"],
    queryFn: ({ signal }) => api.get<MeHome>("/me/home", signal),
    enabled,
    staleTime: 0,
  });
}
