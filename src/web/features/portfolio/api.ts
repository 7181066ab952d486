import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Portfolio } from "../../../core/portfolio.js";
import { api, buildQuery } from "../../lib/api.js";
import type { PortfolioParams } from "./params.js";

function queryOf(p: PortfolioParams): string {
  return buildQuery({
    scope: p.scope,
    state: p.state,
    stage: p.stage,
    flag: p.flag,
    inState: p.inState,
    q: p.q,
    sort: p.sort === "name" ? "" : p.sort,
  });
}

export function usePortfolio(p: PortfolioParams, enabled: boolean) {
  const query = queryOf(p);
  return useQuery({
    queryKey: ["portfolio", query],
    queryFn: ({ signal }) => api.get<Portfolio>(`/portfolio${query}`, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The address of an export of what the page shows (same selection, filters and order). */
export function exportHref(kind: "csv" | "xlsx", p: PortfolioParams): string {
  return `/api/portfolio.${kind}${queryOf(p)}`;
}
