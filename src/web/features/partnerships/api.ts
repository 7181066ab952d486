import { useQuery } from "@tanstack/react-query";
import type { PartnershipCreate, PartnershipDetail, PartnershipPatch } from "../../../core/partnerships.js";
import { api } from "../../lib/api.js";

export const partnershipKey = (idOrSlug: string) => ["partnership", idOrSlug] as const;

export function usePartnership(idOrSlug: string | undefined) {
  return useQuery({
    queryKey: partnershipKey(idOrSlug ?? ""),
    queryFn: ({ signal }) =>
      api.get<PartnershipDetail>(`/partnerships/${encodeURIComponent(idOrSlug ?? "")}`, signal),
    enabled: !!idOrSlug,
  });
}

export const partnershipsApi = {
  create: (body: PartnershipCreate) => api.post<PartnershipDetail>("/partnerships", body),
  patch: (id: string, body: PartnershipPatch) => api.patch<PartnershipDetail>(`/partnerships/${id}`, body),
};
