import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PartnershipList } from "../../../core/partnerships.js";
import { api, buildQuery } from "../../lib/api.js";
import type { DirectoryFilters } from "./filters.js";

export interface MapCounts {
  states: { fips: string; abbr: string; count: number }[];
  counties: { fips: string; count: number }[];
}

export const pageSize = 24;

export function usePartnershipList(f: DirectoryFilters) {
  const query = buildQuery({
    q: f.q,
    naics: f.naics,
    state: f.state,
    county: f.county,
    stage: f.stage,
    setting: f.setting,
    sort: f.sort,
    page: f.page,
    pageSize,
  });
  return useQuery({
    queryKey: ["partnerships", "list", query],
    queryFn: ({ signal }) => api.get<PartnershipList>(`/partnerships${query}`, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Counts for the map. The state and county filters are left out on purpose: the map shows the
 * whole country so that a reader can pick another state, with the chosen one outlined.
 */
export function usePartnershipMap(f: DirectoryFilters) {
  const query = buildQuery({ q: f.q, naics: f.naics, stage: f.stage, setting: f.setting });
  return useQuery({
    queryKey: ["partnerships", "map", query],
    queryFn: ({ signal }) => api.get<MapCounts>(`/partnerships/map${query}`, signal),
    placeholderData: keepPreviousData,
  });
}
