import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { PartnershipListQuery } from "../../../core/partnerships.js";

export type SortKey = PartnershipListQuery["sort"];

/** The same keys as core's `sortKeys`, repeated as a type-checked list so zod stays out of the entry chunk. */
export const sortOptions: { value: SortKey; label: string }[] = [
  { value: "name", label: "Name, A to Z" },
  { value: "-name", label: "Name, Z to A" },
  { value: "-launch", label: "Newest launch first" },
  { value: "launch", label: "Oldest launch first" },
  { value: "updated", label: "Recently updated" },
  { value: "stage", label: "Stage" },
];
const sortKeys: readonly string[] = sortOptions.map((o) => o.value);

export interface DirectoryFilters {
  q: string;
  naics: string;
  state: string;
  county: string;
  stage: string;
  setting: string;
  sort: SortKey;
  page: number;
}

const filterKeys = ["q", "naics", "state", "county", "stage", "setting"] as const;
type FilterKey = (typeof filterKeys)[number];

function isSortKey(v: string | null): v is SortKey {
  return v !== null && sortKeys.includes(v);
}

/** The directory's filters live in the URL query, so that every search can be shared. */
export function useDirectoryFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<DirectoryFilters>(() => {
    const sort = params.get("sort");
    const page = Number(params.get("page") ?? "1");
    return {
      q: params.get("q") ?? "",
      naics: params.get("naics") ?? "",
      state: (params.get("state") ?? "").toUpperCase(),
      county: params.get("county") ?? "",
      stage: params.get("stage") ?? "",
      setting: params.get("setting") ?? "",
      sort: isSortKey(sort) ? sort : "name",
      page: Number.isInteger(page) && page > 0 ? page : 1,
    };
  }, [params]);

  /** Changes some filters; any change but the page itself goes back to page 1. */
  const update = useCallback(
    (changes: Partial<Record<FilterKey | "sort" | "page", string | number | null>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === "" || value === undefined) next.delete(key);
            else next.set(key, String(value));
          }
          if (!("page" in changes)) next.delete("page");
          if (next.get("sort") === "name") next.delete("sort");
          if (next.get("page") === "1") next.delete("page");
          return next;
        },
        { replace: !("page" in changes), preventScrollReset: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams()), [setParams]);

  const activeCount = filterKeys.filter((k) => filters[k] !== "").length;

  return { filters, update, clear, activeCount };
}
