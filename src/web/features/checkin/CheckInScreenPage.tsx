import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import type { CheckInBoard } from "../../../core/checkin.js";
import { formatMeetingSpan } from "../../../core/meeting-time.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { StartLiveVote } from "../agenda/StartLiveVote.js";
import { useCheckInScreen } from "./api.js";
import { useCheckInStream } from "./useCheckInStream.js";

/** Counts by sector and the rule-1 flag, large enough to read from the back of the room. */
function Counts({ board, kindLed }: { board: CheckInBoard; kindLed: boolean }) {
  const a = board.attendance;
  const total = a.business + a.public;
  return (
    <Stack gap="xs">
      <Group gap="xl" wrap="wrap">
        <div>
          <Text fz={48} fw={800} lh={1} c="table.8" data-testid="business-count">
            {a.business}
          </Text>
          <Text fw={600}>
            <FormattedMessage id="checkin.screen.business" defaultMessage="business" />
          </Text>
        </div>
        <div>
          <Text fz={48} fw={800} lh={1} c="gray.8" data-testid="public-count">
            {a.public}
          </Text>
          <Text fw={600}>
            <FormattedMessage id="checkin.screen.public" defaultMessage="public" />
          </Text>
        </div>
        <div>
          <Text fz={48} fw={800} lh={1}>
            {total === 0 ? "–" : `${Math.round((a.business / total) * 100)}%`}
          </Text>
          <Text fw={600}>
            <FormattedMessage id="checkin.screen.businessShare" defaultMessage="business share" />
          </Text>
        </div>
      </Group>
      {/* Read out when it changes, so the convener hears the flag without looking. */}
      <div role="status" aria-live="polite">
        {total === 0 ? (
          <Text c="dimmed">
            <FormattedMessage id="checkin.screen.nobody" defaultMessage="Nobody has checked in yet." />
          </Text>
        ) : a.businessMajority ? (
          <Badge size="xl" color="table.8" variant="filled" radius="sm" tt="none">
            <FormattedMessage id="checkin.screen.majority" defaultMessage="Business majority" />
          </Badge>
        ) : (
          <Badge size="xl" color="red.9" variant="filled" radius="sm" tt="none">
            <FormattedMessage id="checkin.screen.noMajority" defaultMessage="No business majority" />
          </Badge>
        )}
        {total > 0 && !a.businessMajority && kindLed && (
          <Text size="sm" mt={4}>
            <FormattedMessage
              id="checkin.screen.majorityHint"
              defaultMessage="Business leaders should outnumber public partners at this meeting."
            />
          </Text>
        )}
      </div>
    </Stack>
  );
}

/**
 * The convener's check-in screen, for a projector or a tablet by the door: a big QR code, the
 * short code to type, and arrivals as they come (server-sent events).
 */
export default function CheckInScreenPage() {
  const { meetingId = "" } = useParams();
  const query = useCheckInScreen(meetingId);
  const s = query.data;
  const stream = useCheckInStream(meetingId, s?.board);
  const intl = useIntl();
  usePageTitle(
    s
      ? intl.formatMessage(
          { id: "checkin.screen.pageTitleMeeting", defaultMessage: "Check-in: {meeting}" },
          { meeting: s.meeting.title },
        )
      : intl.formatMessage({ id: "checkin.screen.pageTitle", defaultMessage: "Check-in" }),
  );

  if (query.isPending) {
    return (
      <PageSkeleton
        label={intl.formatMessage({
          id: "checkin.screen.loading",
          defaultMessage: "Opening the check-in screen",
        })}
      />
    );
  }
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (!s) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const board = stream.board ?? s.board;
  const checkInAddress = `${new URL(s.url).host}/check-in`;
  const kindLed = s.meeting.kind === "launch" || s.meeting.kind === "full_partnership";

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Anchor component={Link} to={`/p/${s.meeting.partnershipSlug}/meetings/${s.meeting.id}`} size="sm">
          <FormattedMessage id="checkin.screen.backLink" defaultMessage="← Back to the meeting" />
        </Anchor>
        <Button
          variant="default"
          size="xs"
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
        >
          <FormattedMessage id="checkin.screen.fullScreen" defaultMessage="Full screen" />
        </Button>
      </Group>
      <div>
        <Title order={1} fz={{ base: 28, sm: 40 }} lh={1.15}>
          <FormattedMessage
            id="checkin.screen.title"
            defaultMessage="Check in: {meeting}"
            values={{ meeting: s.meeting.title }}
          />
        </Title>
        <Text size="lg">{formatMeetingSpan(s.meeting.startsAt, s.meeting.endsAt, s.meeting.timeZone)}</Text>
      </div>
      {!s.open && (
        <Alert
          color="yellow"
          variant="light"
          title={intl.formatMessage({
            id: "checkin.screen.closedTitle",
            defaultMessage: "These codes do not work right now",
          })}
        >
          {s.meeting.cancelled ? (
            <FormattedMessage
              id="checkin.screen.meetingCancelled"
              defaultMessage="The meeting is cancelled."
            />
          ) : (
            <FormattedMessage
              id="checkin.screen.onlyOnTheDay"
              defaultMessage="They work only on the day of the meeting, in the meeting's time zone."
            />
          )}
        </Alert>
      )}
      {stream.ended && (
        <Alert
          color="red"
          variant="light"
          title={intl.formatMessage({
            id: "checkin.screen.streamEnded",
            defaultMessage: "Live updates stopped",
          })}
        >
          {stream.ended}
        </Alert>
      )}
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card component="section" aria-labelledby="scan-heading" ta="center">
            <Title order={2} id="scan-heading" fz={{ base: 22, sm: 30 }} mb="sm">
              <FormattedMessage id="checkin.screen.scan" defaultMessage="Scan to check in" />
            </Title>
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.qrSvg)}`}
              alt={intl.formatMessage(
                { id: "checkin.screen.qrAlt", defaultMessage: "QR code of the check-in address {url}" },
                { url: s.url },
              )}
              style={{ width: "100%", maxWidth: 440, aspectRatio: "1", display: "block", margin: "0 auto" }}
            />
            <Text fz={{ base: 18, sm: 24 }} mt="md">
              <FormattedMessage
                id="checkin.screen.orGoTo"
                defaultMessage="or go to <strong>{address}</strong> and type"
                values={{ address: checkInAddress, strong: (chunks) => <strong>{chunks}</strong> }}
              />
            </Text>
            <Text
              fz={{ base: 44, sm: 72 }}
              fw={800}
              ff="monospace"
              lh={1.1}
              aria-label={intl.formatMessage(
                { id: "checkin.screen.codeLabel", defaultMessage: "Check-in code {code}" },
                { code: s.shortCode.split("").join(" ") },
              )}
              data-testid="short-code"
            >
              {s.shortCode}
            </Text>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            <Card component="section" aria-labelledby="in-room-heading">
              <Group justify="space-between" mb="sm">
                <Title order={2} id="in-room-heading" fz={{ base: 22, sm: 30 }}>
                  <FormattedMessage id="checkin.screen.inRoom" defaultMessage="In the room" />
                </Title>
                <Badge
                  variant={stream.live ? "filled" : "light"}
                  color={stream.live ? "table.8" : "gray"}
                  c={stream.live ? undefined : "gray.9"}
                  tt="none"
                >
                  {stream.live ? (
                    <FormattedMessage id="checkin.screen.live" defaultMessage="Live" />
                  ) : (
                    <FormattedMessage id="checkin.screen.reconnecting" defaultMessage="Reconnecting…" />
                  )}
                </Badge>
              </Group>
              <Counts board={board} kindLed={kindLed} />
            </Card>
            {stream.pending.length > 0 && (
              <Card component="section" aria-labelledby="pending-heading">
                <Title order={2} id="pending-heading" fz="lg" mb="xs">
                  <FormattedMessage
                    id="checkin.screen.pending"
                    defaultMessage="Waiting for e-mail confirmation"
                  />
                </Title>
                <Text>{stream.pending.join(", ")}</Text>
              </Card>
            )}
            {s.open && (
              <StartLiveVote
                partnershipId={s.meeting.partnershipId}
                meetingId={s.meeting.id}
                slug={s.meeting.partnershipSlug}
              />
            )}
            <Card component="section" aria-labelledby="arrivals-heading">
              <Title order={2} id="arrivals-heading" fz="lg" mb="xs">
                <FormattedMessage
                  id="checkin.screen.arrivals"
                  defaultMessage="Arrivals ({count})"
                  values={{ count: board.arrivals.length }}
                />
              </Title>
              {/* The newest arrival, announced once; the full list below stays quiet. */}
              <Text aria-live="polite" fw={600} mb="xs" data-testid="latest-arrival">
                {stream.recent[0]
                  ? intl.formatMessage(
                      { id: "checkin.screen.welcome", defaultMessage: "Welcome, {name}!" },
                      { name: stream.recent[0].name },
                    )
                  : ""}
              </Text>
              {board.arrivals.length === 0 ? (
                <Text c="dimmed">
                  <FormattedMessage
                    id="checkin.screen.noArrivals"
                    defaultMessage="Arrivals appear here as people check in."
                  />
                </Text>
              ) : (
                <Stack
                  component="ul"
                  gap={4}
                  className="plain-list"
                  aria-label={intl.formatMessage({
                    id: "checkin.screen.checkedInLabel",
                    defaultMessage: "Checked in",
                  })}
                >
                  {board.arrivals.map((a) => (
                    <Text component="li" key={`${a.kind}:${a.id}`} fz={{ base: "md", sm: "lg" }}>
                      <strong>{a.name}</strong>
                      {a.organization ? `, ${a.organization}` : ""} ·{" "}
                      <FormattedMessage
                        id="checkin.screen.arrivalSector"
                        defaultMessage="{sector, select, business {business} other {public}}{guest, select, yes { (guest)} other {}}"
                        values={{ sector: a.sector, guest: a.kind === "guest" ? "yes" : "no" }}
                      />
                    </Text>
                  ))}
                </Stack>
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
