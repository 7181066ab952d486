import { useQuery } from "@tanstack/react-query";
import type { IntlShape } from "react-intl";
import type {
  AlikeIndicators,
  BenchmarkAnswer,
  CustomIndicatorBody,
  Indicator,
  Measurement,
  MeasurementInput,
  PeerGroup,
  Rollup,
  Story,
  StoryBehind,
  StoryBody,
  TrackedIndicator,
} from "../../../core/impact.js";
import type { Problem } from "../../../core/problem.js";
import type { ValueCheck, ValueCheckAnswer, ValueChecks } from "../../../core/value-check.js";
import { api, ApiError, buildQuery, request } from "../../lib/api.js";

export interface TrackedResponse {
  items: TrackedIndicator[];
  canEdit: boolean;
  canManage: boolean;
  namedInBenchmarks: boolean;
}

export const impactKey = (partnershipId: string) => ["impact", partnershipId] as const;

export function useIndicators(withRetired = false) {
  return useQuery({
    queryKey: ["indicators", withRetired],
    queryFn: ({ signal }) =>
      api.get<{ items: Indicator[] }>(`/indicators${withRetired ? "?retired=true" : ""}`, signal),
    staleTime: 5 * 60_000,
  });
}

export function useTracked(partnershipId: string | undefined) {
  return useQuery({
    queryKey: [...impactKey(partnershipId ?? ""), "tracked"],
    queryFn: ({ signal }) =>
      api.get<TrackedResponse>(`/partnerships/${partnershipId ?? ""}/indicators`, signal),
    enabled: !!partnershipId,
  });
}

export function useMeasurements(partnershipId: string | undefined) {
  return useQuery({
    queryKey: [...impactKey(partnershipId ?? ""), "measurements"],
    queryFn: ({ signal }) =>
      api.get<{ items: Measurement[] }>(`/partnerships/${partnershipId ?? ""}/measurements`, signal),
    enabled: !!partnershipId,
  });
}

export function useStories(partnershipId: string | undefined) {
  return useQuery({
    queryKey: [...impactKey(partnershipId ?? ""), "stories"],
    queryFn: ({ signal }) =>
      api.get<{ items: Story[] }>(`/partnerships/${partnershipId ?? ""}/stories`, signal),
    enabled: !!partnershipId,
  });
}

export function useBenchmark(
  partnershipId: string,
  indicator: string | null,
  period: string,
  peers: PeerGroup,
) {
  return useQuery({
    queryKey: [...impactKey(partnershipId), "benchmark", indicator, period, peers],
    queryFn: ({ signal }) =>
      api.get<BenchmarkAnswer>(
        `/partnerships/${partnershipId}/benchmarks${buildQuery({ indicator, period, peers })}`,
        signal,
      ),
    enabled: !!indicator,
  });
}

export function useRollup(period: string) {
  return useQuery({
    queryKey: ["rollup", period],
    queryFn: ({ signal }) => api.get<Rollup>(`/community/rollup${buildQuery({ period })}`, signal),
  });
}

/**
 * Sends a CSV file as it is; a rejected file answers a problem listing every bad row. `intl`
 * words the failure when the server's answer says nothing.
 */
async function importCsv(
  partnershipId: string,
  text: string,
  intl: IntlShape,
): Promise<{ imported: number }> {
  const res = await fetch(`/api/partnerships/${partnershipId}/measurements/import`, {
    method: "POST",
    credentials: "same-origin",
    headers: { accept: "application/json", "content-type": "text/csv" },
    body: text,
  });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const problem = (body as Problem | null) ?? {
      type: "about:blank",
      title: intl.formatMessage({ id: "impact.import.failedTitle", defaultMessage: "The import failed" }),
      status: res.status,
      detail: intl.formatMessage(
        { id: "impact.import.failedDetail", defaultMessage: "The import failed ({status})." },
        { status: String(res.status) },
      ),
    };
    throw new ApiError(problem);
  }
  return body as { imported: number };
}

export const impactApi = {
  defineOwnIndicator: (partnershipId: string, body: CustomIndicatorBody) =>
    request<Indicator>("POST", `/partnerships/${partnershipId}/own-indicators`, body),
  alikeIndicators: () => request<AlikeIndicators>("GET", "/admin/indicators/alike"),
  adoptIndicator: (key: string) =>
    request<Indicator>("POST", `/admin/indicators/${encodeURIComponent(key)}/adopt`, {}),
  putMeasurements: (partnershipId: string, items: MeasurementInput[]) =>
    request<{ written: number }>("PUT", `/partnerships/${partnershipId}/measurements`, { items }),
  importCsv,
  setTracked: (partnershipId: string, keys: string[]) =>
    request<TrackedResponse>("PUT", `/partnerships/${partnershipId}/indicators`, { keys }),
  writeStoryBehind: (partnershipId: string, key: string, body: StoryBehind) =>
    request<TrackedResponse>("PUT", `/partnerships/${partnershipId}/indicators/${key}/story`, body),
  setNamed: (partnershipId: string, namedInBenchmarks: boolean) =>
    request<TrackedResponse>("PUT", `/partnerships/${partnershipId}/impact-settings`, { namedInBenchmarks }),
  createStory: (partnershipId: string, body: StoryBody) =>
    request<Story>("POST", `/partnerships/${partnershipId}/stories`, body),
  updateStory: (partnershipId: string, storyId: string, body: StoryBody & { version: number }) =>
    request<Story>("PATCH", `/partnerships/${partnershipId}/stories/${storyId}`, body),
  deleteStory: (partnershipId: string, storyId: string) =>
    request<null>("DELETE", `/partnerships/${partnershipId}/stories/${storyId}`),
  createIndicator: (body: Omit<Indicator, "retired" | "custom">) =>
    request<Indicator>("POST", "/indicators", body),
  updateIndicator: (key: string, patch: Partial<Omit<Indicator, "key" | "unit" | "rollup">>) =>
    request<Indicator>("PATCH", `/indicators/${key}`, patch),
};

export function useValueChecks(partnershipId: string | undefined) {
  return useQuery({
    queryKey: [...impactKey(partnershipId ?? ""), "value-checks"],
    queryFn: ({ signal }) =>
      api.get<ValueChecks>(`/partnerships/${partnershipId ?? ""}/value-checks`, signal),
    enabled: !!partnershipId,
  });
}

export function useComputedValues(partnershipId: string | undefined, period: string) {
  return useQuery({
    queryKey: [...impactKey(partnershipId ?? ""), "computed", period],
    queryFn: ({ signal }) =>
      api.get<{ period: string; items: { indicator: string; value: number }[] }>(
        `/partnerships/${partnershipId ?? ""}/computed-values${buildQuery({ period })}`,
        signal,
      ),
    enabled: !!partnershipId,
  });
}

export const valueCheckApi = {
  open: (partnershipId: string, year: number) =>
    request<ValueCheck>("POST", `/partnerships/${partnershipId}/value-checks`, { year }),
  answer: (partnershipId: string, year: number, body: ValueCheckAnswer) =>
    request<ValueCheck>("PUT", `/partnerships/${partnershipId}/value-checks/${year}/answer`, body),
  close: (partnershipId: string, year: number) =>
    request<ValueCheck>("POST", `/partnerships/${partnershipId}/value-checks/${year}/close`),
};
