import { useQuery } from "@tanstack/react-query";
import type { HealthPanel } from "../../../core/health.js";
import { api } from "../../lib/api.js";

export function useHealth(partnershipId: string | undefined) {
  return useQuery({
    queryKey: ["health", partnershipId ?? ""],
    queryFn: ({ signal }) => api.get<HealthPanel>(`/partnerships/${partnershipId ?? ""}/health`, signal),
    enabled: !!partnershipId,
  });
}
