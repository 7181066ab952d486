import { useEffect, useState } from "react";
import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { DEFAULT_DOTS, voteMethodLabels } from "../../../core/agenda.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { agendaApi, agendaKey } from "./api.js";
import { liveScreenKey, useLiveCount, useLiveScreen } from "./liveApi.js";
import { agendaWords } from "./messages.js";
import { Results } from "./Results.js";

/**
 * The convener's projector of a live vote: a big QR code to join, the items, the count of
 * business people who have voted (server-sent events), and a Close button; once closed, the
 * results and, for ratings, the 2x2 chart. Large type, to be read from the back of the room.
 */
export default function LiveVoteScreenPage() {
  const intl = useIntl();
  const { roundId = "" } = useParams();
  const query = useLiveScreen(roundId);
  const s = query.data;
  const stream = useLiveCount(roundId);
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  usePageTitle(
    s
      ? intl.formatMessage(
          { id: "agenda.liveScreen.pageTitle", defaultMessage: "Live vote: {title}" },
          { title: s.round.title },
        )
      : intl.formatMessage(agendaWords.liveVote),
  );
  const streamClosed = stream.count?.status === "closed";
  const shownClosed = s?.round.status === "closed";
  // Closed elsewhere (the round page, its closing date): read the results.
  useEffect(() => {
    if (streamClosed && !shownClosed) void query.refetch();
  }, [streamClosed, shownClosed, query]);
  const close = useMutation({
    mutationFn: () => agendaApi.closeRound(roundId),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: liveScreenKey(roundId) });
      if (s) await queryClient.invalidateQueries({ queryKey: agendaKey(s.round.partnershipId) });
    },
  });

  if (query.isPending) return <PageSkeleton label={intl.formatMessage(agendaWords.openingLiveVote)} />;
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (!s) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const closed = s.round.status === "closed";
  const count = stream.count?.voterCount ?? s.round.voterCount;
  const joinAddress = `${new URL(s.joinUrl).host}/live`;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Anchor component={Link} to={`/p/${s.meeting.partnershipSlug}/agenda/votes/${s.round.id}`} size="sm">
          <FormattedMessage id="agenda.liveScreen.backLink" defaultMessage="← Back to the vote round" />
        </Anchor>
        <Button
          variant="default"
          size="xs"
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
        >
          <FormattedMessage id="agenda.liveScreen.fullScreen" defaultMessage="Full screen" />
        </Button>
      </Group>
      <div>
        <Text size="lg" fw={600}>
          <FormattedMessage
            id="agenda.liveScreen.kicker"
            defaultMessage="{meeting} · live vote"
            values={{ meeting: s.meeting.title }}
          />
        </Text>
        <Title order={1} fz={{ base: 28, sm: 44 }} lh={1.15}>
          {s.round.title}
        </Title>
        <Text size="lg">
          {s.round.method === "dots" ? (
            <FormattedMessage
              id="agenda.liveScreen.methodDots"
              defaultMessage="{method}: {count, plural, one {# dot} other {# dots}} for each business leader. Only business people vote; public partners watch."
              values={{ method: voteMethodLabels.dots, count: s.round.dotsPerVoter ?? DEFAULT_DOTS }}
            />
          ) : (
            <FormattedMessage
              id="agenda.liveScreen.methodRating"
              defaultMessage="{method}, each from 1 to 5. Only business people vote; public partners watch."
              values={{ method: voteMethodLabels.rating }}
            />
          )}
        </Text>
      </div>
      {!s.open && !closed && (
        <Alert
          color="yellow"
          variant="light"
          title={intl.formatMessage({
            id: "agenda.liveScreen.codeInactiveTitle",
            defaultMessage: "The join code does not work right now",
          })}
        >
          <FormattedMessage
            id="agenda.liveScreen.codeInactiveText"
            defaultMessage="It works only on the day of the meeting, in the meeting's time zone."
          />
        </Alert>
      )}
      {stream.ended && (
        <Alert
          color="red"
          variant="light"
          title={intl.formatMessage({
            id: "agenda.liveScreen.streamEnded",
            defaultMessage: "Live updates stopped",
          })}
        >
          {stream.ended}
        </Alert>
      )}
      <Grid gap="xl">
        {!closed && (
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Card component="section" aria-labelledby="join-heading" ta="center">
              <Title order={2} id="join-heading" fz={{ base: 22, sm: 32 }} mb="sm">
                <FormattedMessage id="agenda.liveScreen.scanTitle" defaultMessage="Scan to vote" />
              </Title>
              <img
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.qrSvg)}`}
                alt={intl.formatMessage(
                  {
                    id: "agenda.liveScreen.qrAlt",
                    defaultMessage: "QR code of the live vote's address {url}",
                  },
                  { url: s.joinUrl },
                )}
                style={{ width: "100%", maxWidth: 440, aspectRatio: "1", display: "block", margin: "0 auto" }}
              />
              <Text fz={{ base: 18, sm: 24 }} mt="md">
                <FormattedMessage
                  id="agenda.liveScreen.goTo"
                  defaultMessage="or go to <strong>{address}</strong> and type"
                  values={{ address: joinAddress, strong: (chunks) => <strong>{chunks}</strong> }}
                />
              </Text>
              <Text
                fz={{ base: 44, sm: 72 }}
                fw={800}
                ff="monospace"
                lh={1.1}
                aria-label={intl.formatMessage(
                  { id: "agenda.liveScreen.codeLabel", defaultMessage: "Code {code}" },
                  { code: s.shortCode.split("").join(" ") },
                )}
                data-testid="live-short-code"
              >
                {s.shortCode}
              </Text>
            </Card>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: closed ? 12 : 6 }}>
          <Stack gap="lg">
            <Card component="section" aria-labelledby="count-heading">
              <Group justify="space-between" mb="sm">
                <Title order={2} id="count-heading" fz={{ base: 22, sm: 32 }}>
                  {closed ? (
                    <FormattedMessage id="agenda.liveScreen.votingClosed" defaultMessage="Voting closed" />
                  ) : (
                    <FormattedMessage id="agenda.liveScreen.votedSoFar" defaultMessage="Voted so far" />
                  )}
                </Title>
                {!closed && (
                  <Badge
                    variant={stream.live ? "filled" : "light"}
                    color={stream.live ? "table.8" : "gray"}
                    c={stream.live ? undefined : "gray.9"}
                    tt="none"
                  >
                    {stream.live ? (
                      <FormattedMessage id="agenda.liveScreen.live" defaultMessage="Live" />
                    ) : (
                      <FormattedMessage id="agenda.liveScreen.reconnecting" defaultMessage="Reconnecting…" />
                    )}
                  </Badge>
                )}
              </Group>
              <div role="status" aria-live="polite" aria-atomic="true">
                <Text fz={{ base: 72, sm: 120 }} fw={800} lh={1} c="table.8" data-testid="live-voter-count">
                  {count}
                </Text>
                <Text fz={{ base: 20, sm: 28 }} fw={600}>
                  <FormattedMessage
                    id="agenda.liveScreen.countLabel"
                    defaultMessage="{count, plural, one {business leader has} other {business leaders have}} voted"
                    values={{ count }}
                  />
                </Text>
              </div>
              {!closed && (
                <Text mt="sm" size="lg">
                  <FormattedMessage
                    id="agenda.liveScreen.hiddenNote"
                    defaultMessage="Results stay hidden until the vote closes, so that no one is swayed."
                  />
                </Text>
              )}
              {!closed && (
                <Button mt="lg" size="lg" color="red.8" onClick={() => setConfirming(true)}>
                  <FormattedMessage
                    id="agenda.liveScreen.closeButton"
                    defaultMessage="Close the vote and show the results"
                  />
                </Button>
              )}
            </Card>
            {!closed && (
              <Card component="section" aria-labelledby="items-heading">
                <Title order={2} id="items-heading" fz={{ base: 20, sm: 28 }} mb="xs">
                  <FormattedMessage
                    id="agenda.liveScreen.itemsTitle"
                    defaultMessage="{count, plural, one {# opportunity} other {# opportunities}}"
                    values={{ count: s.round.items.length }}
                  />
                </Title>
                <Stack component="ol" gap={6} pl="lg" m={0}>
                  {s.round.items.map((item) => (
                    <Text component="li" key={item.opportunityId} fz={{ base: "lg", sm: 26 }} fw={600}>
                      {item.title}
                    </Text>
                  ))}
                </Stack>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {closed && s.results && (
        <div className="live-results">
          <Results partnershipId={s.round.partnershipId} results={s.results} canManage={false} />
        </div>
      )}
      <ConfirmDialog
        opened={confirming}
        title={intl.formatMessage(
          { id: "agenda.common.closeVoteTitle", defaultMessage: "Close the vote “{title}”?" },
          { title: s.round.title },
        )}
        confirmLabel={intl.formatMessage({
          id: "agenda.liveScreen.closeConfirm",
          defaultMessage: "Close the vote",
        })}
        danger
        pending={close.isPending}
        problem={close.error ? errorMessage(close.error) : null}
        onConfirm={() => close.mutate()}
        onClose={() => {
          close.reset();
          setConfirming(false);
        }}
      >
        <Text size="sm">
          <FormattedMessage
            id="agenda.liveScreen.closeText"
            defaultMessage="Closing counts the {count, plural, one {# ballot} other {# ballots}} cast and shows the results here and to every member. No one can vote or change a ballot afterwards. This cannot be undone."
            values={{ count }}
          />
        </Text>
      </ConfirmDialog>
    </Stack>
  );
}
