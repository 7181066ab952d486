import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  RegionalTeamDetail,
  RegionalTeamList,
  StartedPartnership,
  StartPartnershipBody,
  TeamCandidateBody,
  TeamCreateBody,
  TeamMemberBody,
  TeamOrganizationBody,
  TeamPatchBody,
  TeamStepBody,
} from "../../../core/regional-teams.js";
import { api, request } from "../../lib/api.js";

export const teamsKey = ["regional-teams"] as const;
export const teamKey = (slug: string) => ["regional-teams", slug] as const;

const base = (slug: string) => `/regional-teams/${encodeURIComponent(slug)}`;

export const teamsApi = {
  list: (signal?: AbortSignal) => api.get<RegionalTeamList>("/regional-teams", signal),
  create: (body: TeamCreateBody) => api.post<RegionalTeamDetail>("/regional-teams", body),
  get: (slug: string, signal?: AbortSignal) => api.get<RegionalTeamDetail>(base(slug), signal),
  update: (slug: string, body: TeamPatchBody) => api.patch<RegionalTeamDetail>(base(slug), body),
  addOrganization: (slug: string, body: TeamOrganizationBody) =>
    api.post<RegionalTeamDetail>(`${base(slug)}/organizations`, body),
  removeOrganization: (slug: string, id: string) =>
    request<RegionalTeamDetail>("DELETE", `${base(slug)}/organizations/${id}`),
  addMember: (slug: string, body: TeamMemberBody) =>
    api.post<RegionalTeamDetail>(`${base(slug)}/members`, body),
  removeMember: (slug: string, id: string) =>
    request<RegionalTeamDetail>("DELETE", `${base(slug)}/members/${id}`),
  tick: (slug: string, body: TeamStepBody) => request<RegionalTeamDetail>("PUT", `${base(slug)}/steps`, body),
  addNote: (slug: string, body: string) => api.post<RegionalTeamDetail>(`${base(slug)}/notes`, { body }),
  editNote: (slug: string, id: string, body: { body: string; version: number }) =>
    api.patch<RegionalTeamDetail>(`${base(slug)}/notes/${id}`, body),
  deleteNote: (slug: string, id: string) =>
    request<RegionalTeamDetail>("DELETE", `${base(slug)}/notes/${id}`),
  addCandidate: (slug: string, body: TeamCandidateBody) =>
    api.post<RegionalTeamDetail>(`${base(slug)}/candidates`, body),
  editCandidate: (slug: string, id: string, body: { note: string; version: number }) =>
    api.patch<RegionalTeamDetail>(`${base(slug)}/candidates/${id}`, body),
  removeCandidate: (slug: string, id: string) =>
    request<RegionalTeamDetail>("DELETE", `${base(slug)}/candidates/${id}`),
  start: (slug: string, body: StartPartnershipBody) =>
    api.post<StartedPartnership>(`${base(slug)}/partnerships`, body),
};

export function useTeam(slug: string) {
  return useQuery({
    queryKey: teamKey(slug),
    queryFn: ({ signal }) => teamsApi.get(slug, signal),
    retry: false,
  });
}

/**
 * A write that answers the team as it is now: the page shows that answer at once, and the list
 * is refreshed for its counts.
 */
export function useTeamWrite<T>(slug: string, write: (input: T) => Promise<RegionalTeamDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (team) => {
      client.setQueryData(teamKey(slug), team);
      void client.invalidateQueries({ queryKey: teamsKey, exact: true });
    },
  });
}
