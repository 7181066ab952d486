/*
 * What the installed app keeps for a phone without signal: the person's actions and meetings, in
 * this browser's storage, with the time they were fetched. Nothing else is kept, and the copy
 * goes at sign-out or when the server says nobody is signed in.
 */
import type { Query, QueryClient } from "@tanstack/react-query";
import { createSyncStoragePersister } from "@tanstack/query-sync-storage-persister";
import type { PersistQueryClientOptions } from "@tanstack/react-query-persist-client";

const STORAGE_KEY = "shared-table-offline";
/** A copy older than this is not worth showing: a month covers the people who visit monthly. */
const MAX_AGE_MS = 31 * 86_400_000;

/**
 * The kept query's time in memory without a page using it: for ever, as the copy on the phone is
 * dropped with it. Not a month in milliseconds: timers overflow past 24.8 days and fire at once.
 */
export const KEPT_IN_MEMORY = Infinity;

/** The one personal query kept for offline use. */
export const myPlanKey = ["me", "plan"] as const;

function keptOffline(query: Query): boolean {
  // A copy that could not be refreshed (offline, a failed fetch) is still the last one seen.
  return query.queryKey[0] === "me" && query.queryKey[1] === "plan" && query.state.data !== undefined;
}

export type OfflineOptions = Omit<PersistQueryClientOptions, "queryClient">;

export function offlinePersistOptions(): OfflineOptions | null {
  if (typeof window === "undefined" || !("localStorage" in window)) return null;
  return {
    persister: createSyncStoragePersister({ storage: window.localStorage, key: STORAGE_KEY }),
    maxAge: MAX_AGE_MS,
    // Bump when the shape of what is kept changes: a phone then starts again rather than misread it.
    buster: "my-plan-2",
    dehydrateOptions: { shouldDehydrateQuery: keptOffline },
  };
}

/** At sign-out: the next person on this browser must not see the last one's plan, online or not. */
export function forgetPersonalCopies(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: myPlanKey });
}
