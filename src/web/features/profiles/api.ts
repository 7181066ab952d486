import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Profile,
  ProfileComparison,
  ProfileDraftBody,
  ProfileList,
  ProfileListQuery,
  ProfilePublishBody,
} from "../../../core/profiles.js";
import { api, buildQuery, request } from "../../lib/api.js";

const profileKey = (idOrSlug: string) => ["benchmark-profile", idOrSlug] as const;
const profileUrl = (idOrSlug: string) => `/partnerships/${encodeURIComponent(idOrSlug)}/benchmark-profile`;

export function useProfile(idOrSlug: string | undefined) {
  return useQuery({
    queryKey: profileKey(idOrSlug ?? ""),
    queryFn: ({ signal }) => api.get<Profile>(profileUrl(idOrSlug ?? ""), signal),
    enabled: !!idOrSlug,
  });
}

export function useProfiles(query: ProfileListQuery) {
  return useQuery({
    queryKey: [
      "benchmark-profiles",
      query.industry ?? "",
      query.state ?? "",
      query.stage ?? "",
      query.setting ?? "",
    ],
    queryFn: ({ signal }) => api.get<ProfileList>(`/profiles${buildQuery({ ...query })}`, signal),
    // The filters keep their choices while the next answer comes.
    placeholderData: keepPreviousData,
  });
}

export function useComparison(ids: string) {
  return useQuery({
    queryKey: ["benchmark-profiles", "compare", ids],
    queryFn: ({ signal }) => api.get<ProfileComparison>(`/profiles/compare${buildQuery({ ids })}`, signal),
    enabled: ids.length > 0,
    retry: false,
  });
}

/** Saving, publishing and unpublishing; each answer is the profile as it now stands. */
export function useProfileActions(partnershipId: string, slug: string) {
  const client = useQueryClient();
  const settle = (profile: Profile) => {
    client.setQueryData(profileKey(slug), profile);
    client.setQueryData(profileKey(partnershipId), profile);
    void client.invalidateQueries({ queryKey: ["benchmark-profiles"] });
  };
  return {
    save: useMutation({
      mutationFn: (body: ProfileDraftBody) => request<Profile>("PUT", profileUrl(partnershipId), body),
      onSuccess: settle,
    }),
    publish: useMutation({
      mutationFn: (body: ProfilePublishBody) =>
        api.post<Profile>(`${profileUrl(partnershipId)}/publish`, body),
      onSuccess: settle,
    }),
    unpublish: useMutation({
      mutationFn: (revision: number) =>
        api.post<Profile>(`${profileUrl(partnershipId)}/unpublish`, { revision }),
      onSuccess: settle,
    }),
  };
}
