import { useState } from "react";
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { DEFAULT_DOTS, voteMethodLabels } from "../../../core/agenda.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { formatDateTime, plural } from "../../lib/format.js";
import { agendaApi, useRoundResults, useVoteRound } from "./api.js";
import { DotBallot, RatingBallot } from "./Ballots.js";
import { Results } from "./Results.js";
import { useAgendaMutation } from "./useAgendaMutation.js";
import { formatCountOf, noun } from "../../../core/format.js";

interface Props {
  partnershipId: string;
  slug: string;
  roundId: string;
}

export function RoundView({ partnershipId, slug, roundId }: Props) {
  const round = useVoteRound(partnershipId, roundId);
  const closed = round.data?.status === "closed";
  const results = useRoundResults(partnershipId, closed ? roundId : undefined);
  const [confirming, setConfirming] = useState(false);
  const close = useAgendaMutation({
    partnershipId,
    mutationFn: () => agendaApi.closeRound(roundId),
    success: (r) => `The round is closed: ${r.voterCount} voted.`,
    onSuccess: () => setConfirming(false),
  });
  if (round.isPending) return <PageSkeleton label="Loading the vote round" />;
  if (round.isError) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/p/${slug}/agenda/votes`} size="sm">
        ← All vote rounds
      </Anchor>
      <Card component="section" aria-labelledby="round-heading">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div>
            <Title order={2} id="round-heading" fz={24}>
              {r.title}
            </Title>
            <Text size="sm" c="dimmed">
              {r.method === "dots"
                ? `${voteMethodLabels.dots}: ${r.dotsPerVoter ?? DEFAULT_DOTS} dots for each business leader`
                : `${voteMethodLabels.rating}, each from 1 to 5`}{" "}
              · opened {formatDateTime(r.openedAt)}
              {r.closedAt ? ` · closed ${formatDateTime(r.closedAt)}` : ""}
              {!r.closedAt && r.closesAt ? ` · closes ${formatDateTime(r.closesAt)}` : ""}
            </Text>
          </div>
          <Badge
            size="lg"
            variant={closed ? "light" : "filled"}
            color={closed ? "gray" : "table"}
            c={closed ? "gray.9" : undefined}
            tt="none"
          >
            {closed ? "Closed" : "Open"}
          </Badge>
        </Group>
        {!closed && (
          <Alert
            variant="light"
            color="harvest"
            c="gray.9"
            mt="md"
            title="Results are hidden while the round is open"
          >
            So that no one is swayed, only the number of voters shows until the convener closes the round:{" "}
            <strong data-testid="voter-count">
              {formatCountOf(r.voterCount, "person", "people")} {noun(r.voterCount, "has", "have")} voted so
              far.
            </strong>
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
              Close the round and show the results
            </Button>
          </Group>
        )}
        {r.permissions.manage && !closed && (
          <ConfirmDialog
            opened={confirming}
            title={`Close the vote “${r.title}”?`}
            confirmLabel="Close the round"
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
              Closing the round counts the {plural(r.voterCount, "ballot", "ballots")} cast and shows the
              results to every member. Business members who have not voted can no longer vote, and no one can
              change a ballot. This cannot be undone.
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
          <PageSkeleton label="Loading the results" />
        ) : results.isError ? (
          <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <Results partnershipId={partnershipId} results={results.data} canManage={r.permissions.manage} />
        ))}
    </Stack>
  );
}
