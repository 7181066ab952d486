import { useQuery } from "@tanstack/react-query";
import type {
  Action,
  ActionBody,
  ActionDetail,
  ActionPatch,
  ActionPlan,
  ActionTeam,
  ActionTeamBody,
  ActionUpdateBody,
  BallotBody,
  OpportunitiesResponse,
  Opportunity,
  OpportunityBody,
  Priority,
  PriorityBody,
  PriorityPatch,
  VoteResults,
  VoteRoundBody,
  VoteRoundDetail,
  VoteRoundsResponse,
} from "../../../core/agenda.js";
import { api, request } from "../../lib/api.js";

/** Every agenda query of a partnership starts with this key, so one invalidation refreshes all. */
export const agendaKey = (partnershipId: string) => ["agenda", partnershipId] as const;

export function useOpportunities(partnershipId: string | undefined) {
  return useQuery({
    queryKey: [...agendaKey(partnershipId ?? ""), "opportunities"],
    queryFn: ({ signal }) =>
      api.get<OpportunitiesResponse>(`/partnerships/${partnershipId ?? ""}/opportunities`, signal),
    enabled: !!partnershipId,
  });
}

export function useVoteRounds(partnershipId: string | undefined) {
  return useQuery({
    queryKey: [...agendaKey(partnershipId ?? ""), "rounds"],
    queryFn: ({ signal }) =>
      api.get<VoteRoundsResponse>(`/partnerships/${partnershipId ?? ""}/vote-rounds`, signal),
    enabled: !!partnershipId,
  });
}

export function useVoteRound(partnershipId: string | undefined, roundId: string | undefined) {
  return useQuery({
    queryKey: [...agendaKey(partnershipId ?? ""), "round", roundId ?? ""],
    queryFn: ({ signal }) => api.get<VoteRoundDetail>(`/vote-rounds/${roundId ?? ""}`, signal),
    enabled: !!partnershipId && !!roundId,
  });
}

export function useRoundResults(partnershipId: string | undefined, roundId: string | undefined) {
  return useQuery({
    queryKey: [...agendaKey(partnershipId ?? ""), "results", roundId ?? ""],
    queryFn: ({ signal }) => api.get<VoteResults>(`/vote-rounds/${roundId ?? ""}/results`, signal),
    enabled: !!partnershipId && !!roundId,
  });
}

export function useActionPlan(partnershipId: string | undefined) {
  return useQuery({
    queryKey: [...agendaKey(partnershipId ?? ""), "plan"],
    queryFn: ({ signal }) => api.get<ActionPlan>(`/partnerships/${partnershipId ?? ""}/action-plan`, signal),
    enabled: !!partnershipId,
  });
}

export function useAction(partnershipId: string, actionId: string | null) {
  return useQuery({
    queryKey: [...agendaKey(partnershipId), "action", actionId ?? ""],
    queryFn: ({ signal }) => api.get<ActionDetail>(`/actions/${actionId ?? ""}`, signal),
    enabled: !!actionId,
  });
}

export const agendaApi = {
  raise: (partnershipId: string, body: OpportunityBody) =>
    api.post<Opportunity>(`/partnerships/${partnershipId}/opportunities`, body),
  openRound: (partnershipId: string, body: VoteRoundBody) =>
    api.post<VoteRoundDetail>(`/partnerships/${partnershipId}/vote-rounds`, body),
  vote: (roundId: string, body: BallotBody) =>
    request<VoteRoundDetail>("PUT", `/vote-rounds/${roundId}/ballot`, body),
  closeRound: (roundId: string) => api.post<VoteRoundDetail>(`/vote-rounds/${roundId}/close`),
  createPriority: (partnershipId: string, body: PriorityBody) =>
    api.post<Priority>(`/partnerships/${partnershipId}/priorities`, body),
  updatePriority: (priorityId: string, body: PriorityPatch) =>
    api.patch<Priority>(`/priorities/${priorityId}`, body),
  createTeam: (priorityId: string, body: ActionTeamBody) =>
    api.post<ActionTeam>(`/priorities/${priorityId}/action-teams`, body),
  joinTeam: (teamId: string, join: boolean) =>
    api.post<ActionTeam>(`/action-teams/${teamId}/${join ? "join" : "leave"}`),
  createAction: (teamId: string, body: ActionBody) =>
    api.post<Action>(`/action-teams/${teamId}/actions`, body),
  updateAction: (actionId: string, body: ActionPatch) =>
    api.patch<ActionDetail>(`/actions/${actionId}`, body),
  addUpdate: (actionId: string, body: ActionUpdateBody) =>
    api.post<ActionDetail>(`/actions/${actionId}/updates`, body),
};
