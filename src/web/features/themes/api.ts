import { useQuery } from "@tanstack/react-query";
import type { ThemeRollup, ThemeRollupQuery } from "../../../core/themes.js";
import { api, buildQuery } from "../../lib/api.js";

export function useThemeRollup(query: ThemeRollupQuery, enabled: boolean) {
  return useQuery({
    queryKey: ["theme-rollup", query.industry ?? "", query.state ?? ""],
    queryFn: ({ signal }) => api.get<ThemeRollup>(`/community/themes${buildQuery(query)}`, signal),
    enabled,
  });
}
