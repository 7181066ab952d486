import { useQuery } from "@tanstack/react-query";
import type { Checklist } from "../../../core/stages.js";
import { api, request } from "../../lib/api.js";

export const checklistKey = (partnershipId: string) => ["checklist", partnershipId] as const;

export function useChecklist(partnershipId: string | undefined) {
  return useQuery({
    queryKey: checklistKey(partnershipId ?? ""),
    queryFn: ({ signal }) => api.get<Checklist>(`/partnerships/${partnershipId ?? ""}/checklist`, signal),
    enabled: !!partnershipId,
  });
}

export const stagesApi = {
  /** A step ticked from the workspace's evidence keeps it as its note. */
  tick: (partnershipId: string, stepKey: string, done: boolean, note?: string) =>
    request<Checklist>("PUT", `/partnerships/${partnershipId}/checklist/${stepKey}`, {
      done,
      ...(note ? { note } : {}),
    }),
  advance: (partnershipId: string, version: number) =>
    api.post<Checklist>(`/partnerships/${partnershipId}/stage/advance`, { version }),
};
