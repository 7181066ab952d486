import { useQuery } from "@tanstack/react-query";
import type {
  CreatedServiceToken,
  CreateServiceTokenBody,
  ServiceToken,
  ServiceTokenList,
} from "../../../../core/service-tokens.js";
import { api } from "../../../lib/api.js";

export const serviceTokensKey = ["admin", "service-tokens"] as const;

export function useServiceTokens(enabled: boolean) {
  return useQuery({
    queryKey: serviceTokensKey,
    queryFn: ({ signal }) => api.get<ServiceTokenList>("/admin/service-tokens", signal),
    enabled,
    retry: false,
  });
}

export const serviceTokensApi = {
  create: (body: CreateServiceTokenBody) => api.post<CreatedServiceToken>("/admin/service-tokens", body),
  revoke: (id: string) => api.post<ServiceToken>(`/admin/service-tokens/${encodeURIComponent(id)}/revoke`),
};
