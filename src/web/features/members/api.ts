import { useQuery } from "@tanstack/react-query";
import type {
  AddMemberBody,
  InvitationBody,
  Member,
  MembersResponse,
  Organization,
  OrganizationBody,
} from "../../../core/members.js";
import { api } from "../../lib/api.js";

export const membersKey = (partnershipId: string) => ["members", partnershipId] as const;

export function useMembers(partnershipId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: membersKey(partnershipId ?? ""),
    queryFn: ({ signal }) => api.get<MembersResponse>(`/partnerships/${partnershipId ?? ""}/members`, signal),
    enabled: !!partnershipId && enabled,
  });
}

export type Invitation = MembersResponse["invitations"][number];

export const membersApi = {
  addOrganization: (id: string, body: OrganizationBody) =>
    api.post<Organization>(`/partnerships/${id}/organizations`, body),
  addMember: (id: string, body: AddMemberBody) => api.post<Member>(`/partnerships/${id}/members`, body),
  invite: (id: string, body: InvitationBody) => api.post<Invitation>(`/partnerships/${id}/invitations`, body),
};
