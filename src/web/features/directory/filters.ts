import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { defineMessages, type IntlShape } from "react-intl";
import { sortKeys, type SortKey } from "../../../core/vocabulary.js";

export type { SortKey };

const sortLabels = defineMessages({
  relevance: { id: "directory.sort.relevance", defaultMessage: "Best match" },
  name: { id: "directory.sort.nameAscending", defaultMessage: "Name, A to Z" },
  "-name": { id: "directory.sort.nameDescending", defaultMessage: "Name, Z to A" },
  "-launch": { id: "directory.sort.newestLaunch", defaultMessage: "Newest launch first" },
  launch: { id: "directory.sort.oldestLaunch", defaultMessage: "Oldest launch first" },
  updated: { id: "directory.sort.updated", defaultMessage: "Recently updated" },
  stage: { id: "directory.sort.stage", defaultMessage: "Stage" },
}) satisfies Record<SortKey, unknown>;

/** The sort choices: "Best match" only means something while searching. */
export function sortOptions(searching: boolean, intl: IntlShape): { value: SortKey; label: string }[] {
  return sortKeys
    .filter((value) => searching || value !== "relevance")
    .map((value) => ({ value, label: intl.formatMessage(sortLabels[value]) }));
}

/** Best match first while searching, else by name: the sort a URL without one means. */
const defaultSort = (q: string | null): SortKey => (q ? "relevance" : "name");

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
  return v !== null && (sortKeys as readonly string[]).includes(v);
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
      sort:
        isSortKey(sort) && (sort !== "relevance" || params.get("q")) ? sort : defaultSort(params.get("q")),
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
          const sort = next.get("sort");
          if (sort === defaultSort(next.get("q")) || (sort === "relevance" && !next.get("q")))
            next.delete("sort");
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
