import { useQuery } from "@tanstack/react-query";
import type { CommunityStats, CommunityStories } from "../../../core/home.js";
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
