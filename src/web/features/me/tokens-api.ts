import { useQuery } from "@tanstack/react-query";
import type { ApiToken, CreatedToken, CreateTokenBody } from "../../../core/api-tokens.js";
import { api, request } from "../../lib/api.js";

export const tokensKey = ["me", "tokens"] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>("/me/tokens", signal),
  });
}

export const tokensApi = {
  create: (body: CreateTokenBody) => api.post<CreatedToken>("/me/tokens", body),
  revoke: (id: string) => request<ApiToken>("DELETE", `/me/tokens/${id}`),
};
