import { Button } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notifications } from "@mantine/notifications";
import { FormattedMessage } from "react-intl";
import { errorMessage } from "../../lib/api.js";
import { followApi, followKey, useFollow } from "./api.js";

/** Follow or stop following a partnership (signed-in people only: the caller checks). */
export function FollowButton({ partnershipId }: { partnershipId: string }) {
  const queryClient = useQueryClient();
  const follow = useFollow(partnershipId);
  const following = follow.data?.following ?? false;
  const toggle = useMutation({
    mutationFn: () => followApi.set(partnershipId, !following),
    onSuccess: (data) => queryClient.setQueryData(followKey(partnershipId), data),
    onError: (e) =>
      notifications.show({
        color: "red",
        message: errorMessage(e),
      }),
  });
  return (
    <Button
      variant={following ? "light" : "outline"}
      aria-pressed={following}
      onClick={() => toggle.mutate()}
      loading={toggle.isPending || follow.isPending}
    >
      {following ? (
        <FormattedMessage id="activity.follow.following" defaultMessage="Following" />
      ) : (
        <FormattedMessage id="activity.follow.follow" defaultMessage="Follow" />
      )}
    </Button>
  );
}
