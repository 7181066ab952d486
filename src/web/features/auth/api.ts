import { useQuery } from "@tanstack/react-query";
import type { Me } from "../../../core/auth.js";
import { api, ApiError } from "../../lib/api.js";

export const meKey = ["me"] as const;

/** The signed-in account, or null when signed out (401 is an answer, not an error). */
async function fetchMe(signal: AbortSignal): Promise<Me | null> {
  try {
    return await api.get<Me>("/me", signal);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => fetchMe(signal), staleTime: 60_000 });
}

export const authApi = {
  login: (body: { email: string; password: string }) => api.post<Me>("/auth/login", body),
  signup: (body: { email: string; password: string; name: string }) => api.post<Me>("/auth/signup", body),
  logout: () => api.post<undefined>("/auth/logout"),
  requestReset: (email: string) => api.post<undefined>("/auth/password-reset", { email }),
  confirmReset: (token: string, password: string) =>
    api.post<undefined>("/auth/password-reset/confirm", { token, password }),
};

/** Only same-site paths are accepted as a place to return to after signing in. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return null;
  return next;
}
