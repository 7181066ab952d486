import { useState } from "react";
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { DEFAULT_DOTS, voteMethodLabels } from "../../../core/agenda.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { formatDateTime } from "../../lib/format.js";
import { agendaApi, useRoundResults, useVoteRound } from "./api.js";
import { DotBallot, RatingBallot } from "./Ballots.js";
import { agendaWords } from "./messages.js";
import { Results } from "./Results.js";
import { useAgendaMutation } from "./useAgendaMutation.js";

interface Props {
  partnershipId: string;
  slug: string;
  roundId: string;
}

export function RoundView({ partnershipId, slug, roundId }: Props) {
  const intl = useIntl();
  const round = useVoteRound(partnershipId, roundId);
  const closed = round.data?.status === "closed";
  const results = useRoundResults(partnershipId, closed ? roundId : undefined);
  const [confirming, setConfirming] = useState(false);
  const close = useAgendaMutation({
    partnershipId,
    mutationFn: () => agendaApi.closeRound(roundId),
    success: (r) =>
      intl.formatMessage(
        { id: "agenda.round.closedToast", defaultMessage: "The round is closed: {count} voted." },
        { count: r.voterCount },
      ),
    onSuccess: () => setConfirming(false),
  });
  if (round.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "agenda.round.loading", defaultMessage: "Loading the vote round" })}
      />
    );
  if (round.isError) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  const details = [
    r.method === "dots"
      ? intl.formatMessage(
          {
            id: "agenda.round.methodDots",
            defaultMessage: "{method}: {count, plural, one {# dot} other {# dots}} for each business leader",
          },
          { method: voteMethodLabels.dots, count: r.dotsPerVoter ?? DEFAULT_DOTS },
        )
      : intl.formatMessage(
          { id: "agenda.round.methodRating", defaultMessage: "{method}, each from 1 to 5" },
          { method: voteMethodLabels.rating },
        ),
    intl.formatMessage(
      { id: "agenda.round.openedAt", defaultMessage: "opened {date}" },
      { date: formatDateTime(r.openedAt) },
    ),
    ...(r.closedAt
      ? [
          intl.formatMessage(
            { id: "agenda.round.closedAt", defaultMessage: "closed {date}" },
            { date: formatDateTime(r.closedAt) },
          ),
        ]
      : []),
    ...(!r.closedAt && r.closesAt
      ? [
          intl.formatMessage(
            { id: "agenda.round.closesAt", defaultMessage: "closes {date}" },
            { date: formatDateTime(r.closesAt) },
          ),
        ]
      : []),
  ];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/p/${slug}/agenda/votes`} size="sm">
        <FormattedMessage id="agenda.round.backLink" defaultMessage="← All vote rounds" />
      </Anchor>
      <Card component="section" aria-labelledby="round-heading">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Title order={2} id="round-heading" fz={24}>
              {r.title}
            </Title>
            <Text size="sm" c="dimmed">
              {details.join(" · ")}
            </Text>
          </div>
          <Badge
            size="lg"
            variant={closed ? "light" : "filled"}
            color={closed ? "gray" : "table"}
            c={closed ? "gray.9" : undefined}
            tt="none"
          >
            {intl.formatMessage(closed ? agendaWords.closed : agendaWords.open)}
          </Badge>
        </Group>
        {!closed && (
          <Alert
            variant="light"
            color="harvest"
            c="gray.9"
            mt="md"
            title={intl.formatMessage({
              id: "agenda.round.hiddenTitle",
              defaultMessage: "Results are hidden while the round is open",
            })}
          >
            <FormattedMessage
              id="agenda.round.hiddenText"
              defaultMessage="So that no one is swayed, only the number of voters shows until the convener closes the round: <strong>{count, plural, one {# person has} other {# people have}} voted so far.</strong>"
              values={{
                count: r.voterCount,
                strong: (chunks) => <strong data-testid="voter-count">{chunks}</strong>,
              }}
            />
          </Alert>
        )}
        {!r.permissions.vote && r.voteNote && !closed && (
          <Text mt="md" data-testid="vote-note">
            {r.voteNote}
          </Text>
        )}
        {r.permissions.manage && !closed && (
          <Group mt="md">
            <Button color="red.8" onClick={() => setConfirming(true)}>
              <FormattedMessage
                id="agenda.round.closeButton"
                defaultMessage="Close the round and show the results"
              />
            </Button>
          </Group>
        )}
        {r.permissions.manage && !closed && (
          <ConfirmDialog
            opened={confirming}
            title={intl.formatMessage(
              { id: "agenda.common.closeVoteTitle", defaultMessage: "Close the vote “{title}”?" },
              { title: r.title },
            )}
            confirmLabel={intl.formatMessage({
              id: "agenda.round.closeConfirm",
              defaultMessage: "Close the round",
            })}
            danger
            pending={close.mutation.isPending}
            problem={close.problem}
            onConfirm={() => close.mutation.mutate(undefined)}
            onClose={() => {
              close.setProblem(null);
              setConfirming(false);
            }}
          >
            <Text size="sm">
              <FormattedMessage
                id="agenda.round.closeText"
                defaultMessage="Closing the round counts the {count, plural, one {# ballot} other {# ballots}} cast and shows the results to every member. Business members who have not voted can no longer vote, and no one can change a ballot. This cannot be undone."
                values={{ count: r.voterCount }}
              />
            </Text>
          </ConfirmDialog>
        )}
      </Card>
      {!closed &&
        r.permissions.vote &&
        (r.method === "dots" ? (
          <DotBallot key={r.myBallot?.updatedAt ?? "new"} partnershipId={partnershipId} round={r} />
        ) : (
          <RatingBallot key={r.myBallot?.updatedAt ?? "new"} partnershipId={partnershipId} round={r} />
        ))}
      {closed &&
        (results.isPending ? (
          <PageSkeleton
            label={intl.formatMessage({
              id: "agenda.round.loadingResults",
              defaultMessage: "Loading the results",
            })}
          />
        ) : results.isError ? (
          <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <Results partnershipId={partnershipId} results={results.data} canManage={r.permissions.manage} />
        ))}
    </Stack>
  );
}
