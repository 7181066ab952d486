import { useQuery } from "@tanstack/react-query";
import type { Me, MeUpdateBody, ResetLink, SignInLinkInfo, SignUpLinkInfo } from "../../../core/auth.js";
import { api, request } from "../../lib/api.js";

export const meKey = ["me"] as const;

/** The signed-in account, or null for a visitor (the API answers 200 with null). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => api.get<Me | null>("/me", signal),
    staleTime: 60_000,
  });
}

export const authApi = {
  login: (body: { email: string; password: string }) => api.post<Me>("/auth/login", body),
  requestEmailLink: (body: { email: string; next?: string }) =>
    api.post<{ detail: string }>("/auth/email-link", body),
  describeSignInLink: (token: string, signal?: AbortSignal) =>
    api.get<SignInLinkInfo>(`/auth/sign-in-link/${encodeURIComponent(token)}`, signal),
  signInWithLink: (token: string, confirmOtherBrowser: boolean) =>
    api.post<Me & { next: string | null }>("/auth/sign-in-link", { token, confirmOtherBrowser }),
  signup: (body: { email: string; name: string; next?: string }) =>
    api.post<{ detail: string }>("/auth/signup", body),
  describeSignUpLink: (token: string, signal?: AbortSignal) =>
    api.get<SignUpLinkInfo>(`/auth/sign-up-link?token=${encodeURIComponent(token)}`, signal),
  signUpWithLink: (body: { token: string; name?: string; confirmOtherBrowser: boolean }) =>
    api.post<Me & { next: string | null }>("/auth/sign-up-link", body),
  logout: () => api.post<undefined>("/auth/logout"),
  requestReset: (email: string) => api.post<undefined>("/auth/password-reset", { email }),
  checkReset: (token: string, signal?: AbortSignal) =>
    api.get<ResetLink>(`/auth/password-reset/${encodeURIComponent(token)}`, signal),
  confirmReset: (token: string, password: string) =>
    api.post<undefined>("/auth/password-reset/confirm", { token, password }),
};

export const accountApi = {
  update: (body: MeUpdateBody) => api.patch<Me>("/me", body),
  changeEmail: (body: { email: string; currentPassword: string }) =>
    api.post<{ detail: string }>("/me/email", body),
  confirmEmail: (token: string) => api.post<{ email: string }>("/me/email/confirm", { token }),
  endOtherSessions: () => api.post<{ ended: number }>("/me/sessions/end-others"),
  exportData: () => api.get<unknown>("/me/export"),
  deleteAccount: (currentPassword: string) => request<undefined>("DELETE", "/me", { currentPassword }),
};

/** Only same-site paths are accepted as a place to return to after signing in. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return null;
  return next;
}
