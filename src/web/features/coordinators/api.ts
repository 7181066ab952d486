import type { AccessLog, AssignScopeBody, MyScopes, Scope, ScopeList } from "../../../core/coordinators.js";
import { api, request } from "../../lib/api.js";

export const scopesKey = ["coordinators"] as const;
export const myScopesKey = ["me", "scopes"] as const;
export const accessLogKey = (partnershipId: string, offset: number) =>
  ["coordinator-access", partnershipId, offset] as const;

export const coordinatorsApi = {
  list: (signal?: AbortSignal) => api.get<ScopeList>("/coordinators", signal),
  assign: (body: AssignScopeBody) => api.post<Scope>("/coordinators", body),
  remove: (id: string) => request<undefined>("DELETE", `/coordinators/${encodeURIComponent(id)}`),
  mine: (signal?: AbortSignal) => api.get<MyScopes>("/me/scopes", signal),
  accessLog: (partnershipId: string, offset: number, limit: number, signal?: AbortSignal) =>
    api.get<AccessLog>(
      `/partnerships/${encodeURIComponent(partnershipId)}/coordinator-access?offset=${offset}&limit=${limit}`,
      signal,
    ),
};
