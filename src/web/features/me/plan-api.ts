import { useQuery } from "@tanstack/react-query";
import type { MyPlan } from "../../../core/my-plan.js";
import { api } from "../../lib/api.js";
import { KEPT_IN_MEMORY, myPlanKey } from "../../lib/offline.js";

/**
 * Fetched again whenever the page opens while someone is signed in; otherwise (offline, the
 * server out of reach) the copy kept from the last visit is what it answers.
 */
export function useMyPlan(signedIn: boolean) {
  return useQuery({
    queryKey: myPlanKey,
    queryFn: ({ signal }) => api.get<MyPlan>("/me/plan", signal),
    enabled: signedIn,
    staleTime: 0,
    // Never dropped from memory, so the copy kept on the phone is not dropped with it.
    gcTime: KEPT_IN_MEMORY,
  });
}
