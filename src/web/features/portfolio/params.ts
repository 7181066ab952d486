import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import {
  portfolioFlags,
  portfolioSorts,
  type PortfolioFlag,
  type PortfolioSort,
} from "../../../core/portfolio.js";
import { stages, type Stage } from "../../../core/vocabulary.js";

/** What the page shows, kept in its address so a view can be bookmarked and shared. */
export interface PortfolioParams {
  scope: string;
  state: string;
  stage: Stage | "";
  flag: PortfolioFlag | "";
  inState: string;
  q: string;
  sort: PortfolioSort;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | "" =>
  values.includes(value as T) ? (value as T) : "";

export function usePortfolioParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo<PortfolioParams>(
    () => ({
      scope: search.get("scope") ?? "",
      state: search.get("state") ?? "",
      stage: oneOf(stages, search.get("stage")),
      flag: oneOf(portfolioFlags, search.get("flag")),
      inState: search.get("inState") ?? "",
      q: search.get("q") ?? "",
      sort: oneOf(portfolioSorts, search.get("sort")) || "name",
    }),
    [search],
  );
  const update = useCallback(
    (change: Partial<PortfolioParams>) => {
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(change)) {
            if (
              value === "" ||
              value === null ||
              value === undefined ||
              (key === "sort" && value === "name")
            ) {
              next.delete(key);
            } else next.set(key, String(value));
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );
  return { params, update };
}
