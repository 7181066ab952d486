import { useQuery } from "@tanstack/react-query";
import type { Role } from "../../../core/vocabulary.js";
import { api } from "../../lib/api.js";

/** What an invitation link offers, as GET /api/invitations/:token answers to anyone holding it. */
export interface InvitationView {
  partnershipId: string;
  partnershipName: string;
  partnershipSlug: string;
  email: string;
  name: string;
  role: Role;
  organization: string | null;
  expired: boolean;
  accepted: boolean;
  revoked: boolean;
}

/** The invitation behind a token; shared by the invitation page and the sign-up it leads to. */
export function useInvitation(token: string | null) {
  return useQuery({
    queryKey: ["invitation", token],
    queryFn: ({ signal }) =>
      api.get<InvitationView>(`/invitations/${encodeURIComponent(token ?? "")}`, signal),
    enabled: !!token,
  });
}
