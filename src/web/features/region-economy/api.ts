import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CountyEntry } from "../../../core/reference.js";
import type { MetroArea, RegionEconomy } from "../../../core/qcew/profile.js";
import { api, buildQuery } from "../../lib/api.js";

export interface EconomyChoice {
  counties: string[];
  cbsa: string | null;
  year: string | null;
  level: string;
  ownership: string;
}

export function economyQuery(choice: EconomyChoice): string {
  return buildQuery({
    counties: choice.cbsa ? undefined : choice.counties,
    cbsa: choice.cbsa,
    year: choice.year,
    level: choice.level,
    ownership: choice.ownership,
  });
}

/** A region's economy; nothing is asked until counties or a metro area are chosen. */
export function useRegionEconomy(choice: EconomyChoice) {
  const query = economyQuery(choice);
  return useQuery({
    queryKey: ["region-economy", query],
    queryFn: ({ signal }) => api.get<RegionEconomy>(`/regions/economy${query}`, signal),
    enabled: choice.counties.length > 0 || !!choice.cbsa,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** Counties whose name matches a search, across all states, for the county picker. */
export function useCountySearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ["counties", "search", term],
    queryFn: ({ signal }) =>
      api.get<{ items: CountyEntry[] }>(`/reference/counties${buildQuery({ q: term })}`, signal),
    select: (d) => d.items,
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: 24 * 60 * 60 * 1000,
  });
}

/** Metro and micro areas of the reference data matching a title or code (empty until imported). */
export function useMetroSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ["metros", term],
    queryFn: ({ signal }) =>
      api.get<{ items: MetroArea[] }>(`/regions/metros${buildQuery({ q: term })}`, signal),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
    staleTime: 60 * 60 * 1000,
  });
}
