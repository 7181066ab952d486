import { useState } from "react";
import { Button, Card, Group, NativeSelect, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { errorMessage } from "../../lib/api.js";
import { useVoteRounds } from "./api.js";
import { liveApi } from "./liveApi.js";

/**
 * On the check-in screen: the convener shows one of the partnership's open vote rounds live at
 * this meeting, on the projector, for the phones in the room.
 */
export function StartLiveVote({
  partnershipId,
  meetingId,
  slug,
}: {
  partnershipId: string;
  meetingId: string;
  slug: string;
}) {
  const intl = useIntl();
  const rounds = useVoteRounds(partnershipId);
  const navigate = useNavigate();
  const open = (rounds.data?.items ?? []).filter((r) => r.status === "open");
  const [chosen, setChosen] = useState("");
  const roundId = chosen || open[0]?.id || "";
  const start = useMutation({
    mutationFn: () => liveApi.start(roundId, meetingId),
    onSuccess: (screen) => void navigate(`/vote-rounds/${screen.round.id}/live`),
  });
  return (
    <Card component="section" aria-labelledby="live-vote-heading">
      <Title order={2} id="live-vote-heading" fz="lg" mb="xs">
        <FormattedMessage id="agenda.startLive.title" defaultMessage="Vote live" />
      </Title>
      {rounds.isPending ? (
        <Text c="dimmed">
          <FormattedMessage id="agenda.startLive.loading" defaultMessage="Looking for open vote rounds…" />
        </Text>
      ) : open.length === 0 ? (
        <Text>
          <FormattedMessage
            id="agenda.startLive.noneOpen"
            defaultMessage="No vote round is open. <link>Open one on the agenda</link>, then show it here: business people vote on their phones while the projector counts."
            values={{ link: (chunks) => <Link to={`/p/${slug}/agenda/votes`}>{chunks}</Link> }}
          />
        </Text>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate();
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            {open.length > 1 ? (
              <NativeSelect
                label={intl.formatMessage({
                  id: "agenda.startLive.roundLabel",
                  defaultMessage: "Vote round",
                })}
                data={open.map((r) => ({ value: r.id, label: r.title }))}
                value={roundId}
                onChange={(e) => setChosen(e.currentTarget.value)}
              />
            ) : (
              <Text>{open[0].title}</Text>
            )}
            <Button type="submit" loading={start.isPending}>
              <FormattedMessage id="agenda.startLive.submitButton" defaultMessage="Show the vote live" />
            </Button>
          </Group>
          {start.error && (
            <Text role="alert" c="red.9" mt="xs">
              {errorMessage(start.error)}
            </Text>
          )}
        </form>
      )}
    </Card>
  );
}
