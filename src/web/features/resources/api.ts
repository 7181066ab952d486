import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type {
  Resource,
  ResourceBody,
  ResourceList,
  ResourceTranslationBody,
  ReviewList,
} from "../../../core/resources.js";
import { uploadFile } from "../../components/fileUpload.js";
import { api, buildQuery, request } from "../../lib/api.js";

export interface LibraryFilters {
  q: string;
  stage: string;
  topic: string;
  audience: string;
  page: number;
}

export const resourcesKey = ["resources"] as const;

export function useLibrary(filters: LibraryFilters) {
  return useQuery({
    queryKey: [...resourcesKey, "list", filters],
    queryFn: ({ signal }) =>
      api.get<ResourceList>(
        `/resources${buildQuery({ ...filters, page: filters.page > 1 ? filters.page : null, pageSize: 20 })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useResource(slug: string) {
  return useQuery({
    queryKey: [...resourcesKey, "one", slug],
    queryFn: ({ signal }) => api.get<Resource>(`/resources/${encodeURIComponent(slug)}`, signal),
    enabled: !!slug,
  });
}

export function useSuggestions(enabled: boolean) {
  return useQuery({
    queryKey: [...resourcesKey, "suggestions"],
    queryFn: ({ signal }) => api.get<ReviewList>("/resources/suggestions", signal),
    enabled,
  });
}

export const resourcesApi = {
  create: (body: Partial<ResourceBody> & { title: string }) => api.post<Resource>("/resources", body),
  review: (id: string, decision: "publish" | "reject") =>
    api.post<Resource>(`/resources/${id}/review`, { decision }),
  /** Writes (or replaces) the resource's text in one language (admins). */
  translate: (id: string, lang: string, body: ResourceTranslationBody) =>
    request<Resource>("PUT", `/resources/${id}/translations/${lang}`, body),
  removeTranslation: (id: string, lang: string) =>
    request<Resource>("DELETE", `/resources/${id}/translations/${lang}`),
  /** Attaches (or replaces) the file: admins, or the author while the suggestion awaits review. */
  attach: (id: string, file: File) =>
    uploadFile<Resource>("PUT", `/resources/${id}/file?name=${encodeURIComponent(file.name)}`, file),
};

export const fileUrl = (slug: string) => `/api/resources/${encodeURIComponent(slug)}/file`;

/**
 * The library's search and filters ("?q=…&stage=…"), carried to a resource in the history entry's
 * state so that its "← Resource library" link returns to the same results.
 */
export function librarySearchState(search: string): { librarySearch: string } {
  return { librarySearch: search };
}

/** Where "← Resource library" leads: back to the search the reader came from, or the library. */
export function libraryBackLink(state: unknown): string {
  const search =
    typeof state === "object" && state !== null && "librarySearch" in state ? state.librarySearch : "";
  // Only a query string of the library itself: the state is the history's, not ours alone.
  return typeof search === "string" && /^\?[^#]*$/.test(search) ? `/resources${search}` : "/resources";
}
