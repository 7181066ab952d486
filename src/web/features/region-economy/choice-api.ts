import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { IndustryRanking, RankingWeights } from "../../../core/qcew/ranking.js";
import type { ShortlistCreate, ShortlistDetail, ShortlistSummary } from "../../../core/qcew/shortlist.js";
import { api, buildQuery, request } from "../../lib/api.js";
import { economyQuery, type EconomyChoice } from "./api.js";

export function rankingQueryString(
  choice: EconomyChoice,
  weights: RankingWeights,
  minJobs: number | null,
): string {
  const region = economyQuery(choice).replace(/^\?/, "");
  const rest = buildQuery({ ...weights, minJobs }).replace(/^\?/, "");
  return `?${[region, rest].filter(Boolean).join("&")}`;
}

/** The ranking of a region's industries; asked only once a region is chosen. */
export function useIndustryRanking(choice: EconomyChoice, weights: RankingWeights, minJobs: number | null) {
  const query = rankingQueryString(choice, weights, minJobs);
  return useQuery({
    queryKey: ["region-ranking", query],
    queryFn: ({ signal }) => api.get<IndustryRanking>(`/regions/ranking${query}`, signal),
    enabled: choice.counties.length > 0 || !!choice.cbsa,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

const shortlistsKey = ["shortlists"] as const;
const shortlistKey = (id: string) => ["shortlists", id] as const;

export function useMyShortlists(enabled: boolean) {
  return useQuery({
    queryKey: shortlistsKey,
    queryFn: ({ signal }) => api.get<{ items: ShortlistSummary[] }>("/shortlists", signal),
    select: (d) => d.items,
    enabled,
  });
}

export function useShortlist(id: string | null) {
  return useQuery({
    queryKey: shortlistKey(id ?? ""),
    queryFn: ({ signal }) => api.get<ShortlistDetail>(`/shortlists/${id}`, signal),
    enabled: !!id,
  });
}

/** Every write answers the shortlist as it is now: put it in the cache and refresh the list. */
function useShortlistWrite<V>(write: (v: V) => Promise<ShortlistDetail | null>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (detail) => {
      if (detail) client.setQueryData(shortlistKey(detail.id), detail);
      await client.invalidateQueries({ queryKey: shortlistsKey, exact: true });
    },
  });
}

export const useCreateShortlist = () =>
  useShortlistWrite((body: Omit<ShortlistCreate, "ownership"> & { ownership?: string }) =>
    api.post<ShortlistDetail>("/shortlists", body),
  );
export const useAddShortlistItem = (id: string) =>
  useShortlistWrite((item: { code: string; title: string; note?: string }) =>
    api.post<ShortlistDetail>(`/shortlists/${id}/items`, item),
  );
export const useEditShortlistNote = (id: string) =>
  useShortlistWrite((v: { itemId: string; version: number; note: string }) =>
    api.patch<ShortlistDetail>(`/shortlists/${id}/items/${v.itemId}`, { version: v.version, note: v.note }),
  );
export const useRemoveShortlistItem = (id: string) =>
  useShortlistWrite((itemId: string) =>
    request<ShortlistDetail>("DELETE", `/shortlists/${id}/items/${itemId}`),
  );
export const useAddTeammate = (id: string) =>
  useShortlistWrite((email: string) => api.post<ShortlistDetail>(`/shortlists/${id}/teammates`, { email }));
export const useRemoveTeammate = (id: string) =>
  useShortlistWrite((userId: string) =>
    request<ShortlistDetail | null>("DELETE", `/shortlists/${id}/teammates/${userId}`),
  );
