import { useQuery } from "@tanstack/react-query";
import type {
  CommunityResponse,
  HistoryResponse,
  QuickResponse,
  ResultsResponse,
  Rubric,
  RubricDraftBody,
  RubricVersions,
  RoundDetail,
  RoundSummary,
  SignalsResponse,
} from "../../../core/assessment.js";
import type { Answers } from "../../../core/assessment-scoring.js";
import { api, request } from "../../lib/api.js";

export const assessmentKeys = {
  rubric: ["assessment", "rubric"] as const,
  rubricVersion: (version: number) => ["assessment", "rubric", version] as const,
  versions: ["assessment", "versions"] as const,
  history: (partnershipId: string) => ["assessment", "history", partnershipId] as const,
  signals: (partnershipId: string) => ["assessment", "signals", partnershipId] as const,
  round: (id: string) => ["assessment", "round", id] as const,
  results: (id: string) => ["assessment", "results", id] as const,
  community: ["assessment", "community"] as const,
};

export function useRubric() {
  return useQuery({
    queryKey: assessmentKeys.rubric,
    queryFn: ({ signal }) => api.get<Rubric>("/assessment/rubric", signal),
    staleTime: 5 * 60_000,
  });
}

export function useRubricVersion(version: number | undefined) {
  return useQuery({
    queryKey: assessmentKeys.rubricVersion(version ?? 0),
    queryFn: ({ signal }) => api.get<Rubric>(`/assessment/rubrics/${version ?? 0}`, signal),
    enabled: !!version,
    staleTime: 5 * 60_000,
  });
}

export function useHistory(partnershipId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.history(partnershipId ?? ""),
    queryFn: ({ signal }) =>
      api.get<HistoryResponse>(`/partnerships/${partnershipId ?? ""}/assessments`, signal),
    enabled: !!partnershipId && enabled,
  });
}

export function useSignals(partnershipId: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.signals(partnershipId ?? ""),
    queryFn: ({ signal }) =>
      api.get<SignalsResponse>(`/partnerships/${partnershipId ?? ""}/assessment-signals`, signal),
    enabled: !!partnershipId,
  });
}

export function useRound(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.round(id ?? ""),
    queryFn: ({ signal }) => api.get<RoundDetail>(`/assessments/${id ?? ""}`, signal),
    enabled: !!id,
  });
}

export function useResults(id: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.results(id ?? ""),
    queryFn: ({ signal }) => api.get<ResultsResponse>(`/assessments/${id ?? ""}/results`, signal),
    enabled: !!id,
  });
}

export function useRubricVersions(enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.versions,
    queryFn: ({ signal }) => api.get<RubricVersions>("/assessment/rubrics", signal),
    enabled,
  });
}

export function useCommunity(enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.community,
    queryFn: ({ signal }) => api.get<CommunityResponse>("/admin/assessment/community", signal),
    enabled,
  });
}

export const assessmentApi = {
  quick: (answers: Answers) => api.post<QuickResponse>("/assessment/quick", { answers }),
  saveQuick: (partnershipId: string, answers: Answers) =>
    api.post<{ id: string }>(`/partnerships/${partnershipId}/assessment-quick-saves`, { answers }),
  open: (partnershipId: string, body: { title?: string; message?: string }) =>
    api.post<RoundSummary & { invited: number }>(`/partnerships/${partnershipId}/assessments`, body),
  respond: (roundId: string, answers: Answers) =>
    request<{ answeredAt: string }>("PUT", `/assessments/${roundId}/response`, { answers }),
  close: (roundId: string) => api.post<RoundSummary>(`/assessments/${roundId}/close`),
  createDraft: () => api.post<Rubric>("/assessment/rubrics"),
  saveDraft: (version: number, body: RubricDraftBody) =>
    request<Rubric>("PUT", `/assessment/rubrics/${version}`, body),
  publish: (version: number) => api.post<Rubric>(`/assessment/rubrics/${version}/publish`),
};
