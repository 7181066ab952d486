import { useQuery } from "@tanstack/react-query";
import type {
  AddMemberBody,
  InvitationBody,
  LeadersBenchmark,
  Member,
  MembersResponse,
  Organization,
  OrganizationBody,
  RemovalPreview,
  UpdateMemberBody,
  UpdateOrganizationBody,
} from "../../../core/members.js";
import { api, request } from "../../lib/api.js";

export const membersKey = (partnershipId: string) => ["members", partnershipId] as const;

export function useMembers(partnershipId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: membersKey(partnershipId ?? ""),
    queryFn: ({ signal }) => api.get<MembersResponse>(`/partnerships/${partnershipId ?? ""}/members`, signal),
    enabled: !!partnershipId && enabled,
  });
}

/** Under the members key: any change at the table refreshes the comparison too. */
export function useLeadersBenchmark(partnershipId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...membersKey(partnershipId), "leaders-benchmark"],
    queryFn: ({ signal }) =>
      api.get<LeadersBenchmark>(`/partnerships/${partnershipId}/leaders-benchmark`, signal),
    enabled,
  });
}

export type Invitation = MembersResponse["invitations"][number];

export const membersApi = {
  addOrganization: (id: string, body: OrganizationBody) =>
    api.post<Organization>(`/partnerships/${id}/organizations`, body),
  addMember: (id: string, body: AddMemberBody) => api.post<Member>(`/partnerships/${id}/members`, body),
  invite: (id: string, body: InvitationBody) => api.post<Invitation>(`/partnerships/${id}/invitations`, body),
  updateMember: (id: string, membershipId: string, body: UpdateMemberBody) =>
    api.patch<Member>(`/partnerships/${id}/members/${membershipId}`, body),
  removalPreview: (id: string, membershipId: string, signal?: AbortSignal) =>
    api.get<RemovalPreview>(`/partnerships/${id}/members/${membershipId}/removal-preview`, signal),
  removeMember: (id: string, membershipId: string, version: number, openActionIds: string[]) =>
    request<RemovalPreview>("DELETE", `/partnerships/${id}/members/${membershipId}`, {
      version,
      openActionIds,
    }),
  leave: (id: string) => api.post<undefined>(`/partnerships/${id}/members/me/leave`),
  updateOrganization: (id: string, organizationId: string, body: UpdateOrganizationBody) =>
    api.patch<Organization>(`/partnerships/${id}/organizations/${organizationId}`, body),
  removeOrganization: (id: string, organizationId: string, version: number) =>
    request<undefined>("DELETE", `/partnerships/${id}/organizations/${organizationId}`, { version }),
  revokeInvitation: (id: string, invitationId: string, version: number) =>
    request<Invitation>("DELETE", `/partnerships/${id}/invitations/${invitationId}`, { version }),
  resendInvitation: (id: string, invitationId: string, version: number) =>
    api.post<Invitation>(`/partnerships/${id}/invitations/${invitationId}/resend`, { version }),
};
