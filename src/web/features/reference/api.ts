import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { CountyEntry, NaicsEntry } from "../../../core/reference.js";
import { api, buildQuery } from "../../lib/api.js";

interface Items<T> {
  items: T[];
}

const day = 24 * 60 * 60 * 1000;

/** The NAICS sectors (two-digit level, e.g. 31-33 Manufacturing): a short, stable list. */
export function useNaicsSectors() {
  return useQuery({
    queryKey: ["naics", "sectors"],
    queryFn: ({ signal }) =>
      api.get<Items<NaicsEntry>>(`/reference/naics${buildQuery({ level: 2, limit: 100 })}`, signal),
    select: (d) => d.items,
    staleTime: day,
  });
}

/** NAICS codes and titles matching a search, for industry pickers. */
export function useNaicsSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: ["naics", "search", term],
    queryFn: ({ signal }) =>
      api.get<Items<NaicsEntry>>(`/reference/naics${buildQuery({ q: term, limit: 30 })}`, signal),
    select: (d) => d.items,
    enabled: term.length >= 2,
    placeholderData: keepPreviousData,
    staleTime: day,
  });
}

/** Titles of known NAICS codes (for showing what is already chosen). */
export function useNaicsTitles(codes: readonly string[]) {
  const sorted = [...codes].sort();
  return useQuery({
    queryKey: ["naics", "codes", sorted.join(",")],
    queryFn: ({ signal }) =>
      api.get<Items<NaicsEntry>>(`/reference/naics${buildQuery({ codes: sorted, limit: 500 })}`, signal),
    select: (d) => d.items,
    enabled: sorted.length > 0,
    staleTime: day,
  });
}

/** The counties of one state (abbreviation such as "CO"). */
export function useCountiesOfState(state: string | null) {
  return useQuery({
    queryKey: ["counties", "state", state],
    queryFn: ({ signal }) =>
      api.get<Items<CountyEntry>>(`/reference/counties${buildQuery({ state })}`, signal),
    select: (d) => d.items,
    enabled: !!state,
    staleTime: day,
  });
}

/** Names of counties by FIPS code. */
export function useCountiesByFips(fips: readonly string[]) {
  const sorted = [...fips].sort();
  return useQuery({
    queryKey: ["counties", "fips", sorted.join(",")],
    queryFn: ({ signal }) =>
      api.get<Items<CountyEntry>>(`/reference/counties${buildQuery({ fips: sorted })}`, signal),
    select: (d) => d.items,
    enabled: sorted.length > 0,
    staleTime: day,
  });
}
