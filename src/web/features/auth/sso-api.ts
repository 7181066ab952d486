import { useQuery } from "@tanstack/react-query";
import type { Me } from "../../../core/auth.js";
import type { MySso, SsoDomain, SsoDomains, SsoProviders, SsoRequirement } from "../../../core/sso.js";
import { api, request } from "../../lib/api.js";

export const ssoProvidersKey = ["sso", "providers"] as const;
export const mySsoKey = ["sso", "mine"] as const;
export const ssoDomainsKey = ["admin", "sso-domains"] as const;

/** The work-account providers the server offers; none hides every work-account button. */
export function useSsoProviders() {
  return useQuery({
    queryKey: ssoProvidersKey,
    queryFn: ({ signal }) => api.get<SsoProviders>("/auth/sso/providers", signal),
    staleTime: 5 * 60_000,
  });
}

export const ssoApi = {
  requirement: (email: string, signal?: AbortSignal) =>
    api.get<SsoRequirement>(`/auth/sso/requirement?email=${encodeURIComponent(email)}`, signal),
  start: (providerId: string, body: { next?: string; link?: boolean }) =>
    api.post<{ url: string }>(`/auth/sso/${encodeURIComponent(providerId)}/start`, body),
  finish: (providerId: string, query: string) =>
    api.post<Me & { next: string | null; linked: boolean }>(
      `/auth/sso/${encodeURIComponent(providerId)}/callback`,
      { query },
    ),
  mine: (signal?: AbortSignal) => api.get<MySso>("/me/sso", signal),
  unlink: (providerId: string) => request<undefined>("DELETE", `/me/sso/${encodeURIComponent(providerId)}`),
  domains: (signal?: AbortSignal) => api.get<SsoDomains>("/admin/sso-domains", signal),
  putDomain: (domain: string, providerId: string) =>
    request<SsoDomain>("PUT", `/admin/sso-domains/${encodeURIComponent(domain)}`, { providerId }),
  deleteDomain: (domain: string) =>
    request<undefined>("DELETE", `/admin/sso-domains/${encodeURIComponent(domain)}`),
};

/** Starts a sign-in (or a link) and leaves for the provider's page. */
export async function goToProvider(providerId: string, body: { next?: string; link?: boolean }) {
  const { url } = await ssoApi.start(providerId, body);
  window.location.assign(url);
}
