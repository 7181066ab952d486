import { Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { formatMeetingSpan, meetingKindLabels } from "../../../core/meeting-time.js";
import type { MeetingSummary } from "../../../core/meetings.js";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { useMeetings } from "./api.js";
import { CalendarSubscribe } from "./CalendarSubscribe.js";
import { AttendanceSummary } from "./AttendanceSummary.js";
import { MeetingForm } from "./MeetingForm.js";
import { MemberGate } from "./MemberGate.js";
import { endSentence } from "../../lib/format.js";
import { recordWords } from "./messages.js";

const pageWords = defineMessages({
  meetings: { id: "meetings.list.title", defaultMessage: "Meetings" },
});

function MeetingItem({ m, slug }: { m: MeetingSummary; slug: string }) {
  return (
    <Card component="li" withBorder padding="md">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2}>
          <Group gap="xs">
            <Badge variant="light" color="gray" c="gray.9" radius="sm" tt="none">
              {meetingKindLabels[m.kind]}
            </Badge>
            {m.cancelled && (
              <Badge variant="outline" color="red" radius="sm" tt="none">
                <FormattedMessage {...recordWords.cancelled} />
              </Badge>
            )}
            {m.public && (
              <Badge variant="outline" color="gray" c="gray.9" radius="sm" tt="none">
                <FormattedMessage {...recordWords.onPublicCalendar} />
              </Badge>
            )}
          </Group>
          <Anchor component={Link} to={`/p/${slug}/meetings/${m.id}`} fw={700} fz="lg">
            {m.title}
          </Anchor>
          <Text size="sm">{formatMeetingSpan(m.startsAt, m.endsAt, m.timeZone)}</Text>
          {(m.place || m.link) && (
            <Text size="sm" c="dimmed">
              {m.place || m.link}
            </Text>
          )}
        </Stack>
        <div style={{ minWidth: 220, flex: "0 1 280px" }}>
          <AttendanceSummary meeting={m} />
        </div>
      </Group>
    </Card>
  );
}

/** `headingId` is the same in every language ("past-meetings-heading"). */
function MeetingList({
  title,
  headingId,
  items,
  slug,
  empty,
}: {
  title: string;
  headingId: string;
  items: MeetingSummary[];
  slug: string;
  empty: string;
}) {
  const id = headingId;
  return (
    <section aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb="sm">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <Stack component="ul" gap="sm" className="plain-list">
          {items.map((m) => (
            <MeetingItem key={m.id} m={m} slug={slug} />
          ))}
        </Stack>
      )}
    </section>
  );
}

function Meetings({ p }: { p: PartnershipDetail }) {
  const intl = useIntl();
  const meetings = useMeetings(p.id, true);
  const now = Date.now();
  const items = meetings.data?.items ?? [];
  const upcoming = items.filter((m) => new Date(m.startsAt).getTime() >= now).reverse();
  const past = items.filter((m) => new Date(m.startsAt).getTime() < now);
  const flagged = past.filter((m) => m.lacksBusinessMajority).length;

  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(pageWords.meetings)}
        description={endSentence(
          intl.formatMessage(
            {
              id: "meetings.list.description",
              defaultMessage: "Launch, full partnership, action team and support team meetings of {name}",
            },
            { name: p.name },
          ),
        )}
      />
      {meetings.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({ id: "meetings.list.loading", defaultMessage: "Loading the meetings" })}
        />
      ) : meetings.isError ? (
        <ErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: meetings.data.permissions.create ? 7 : 12 }}>
            <Stack gap="xl">
              {flagged > 0 && (
                <Card bg="red.0" withBorder style={{ borderColor: "var(--mantine-color-red-3)" }}>
                  <Text size="sm" c="red.9">
                    <FormattedMessage
                      id="meetings.list.flagged"
                      defaultMessage="{count, plural, one {<b>#</b> launch or full partnership meeting} other {<b>#</b> launch or full partnership meetings}} had more public partners than business people. Business leaders should outnumber public partners at the table."
                      values={{ count: flagged, b: (chunks) => <b>{chunks}</b> }}
                    />
                  </Text>
                </Card>
              )}
              <MeetingList
                title={intl.formatMessage({ id: "meetings.list.upcoming", defaultMessage: "Upcoming" })}
                headingId="upcoming-heading"
                items={upcoming}
                slug={p.slug}
                empty={intl.formatMessage({
                  id: "meetings.list.upcomingEmpty",
                  defaultMessage: "No meeting planned yet.",
                })}
              />
              <MeetingList
                title={intl.formatMessage({ id: "meetings.list.past", defaultMessage: "Past meetings" })}
                headingId="past-meetings-heading"
                items={past}
                slug={p.slug}
                empty={intl.formatMessage({
                  id: "meetings.list.pastEmpty",
                  defaultMessage: "No meeting held yet.",
                })}
              />
              <CalendarSubscribe p={p} />
            </Stack>
          </Grid.Col>
          {meetings.data.permissions.create && (
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Card component="section" aria-labelledby="plan-heading" pos="sticky" top={80}>
                <Title order={2} fz="lg" id="plan-heading" mb="xs">
                  <FormattedMessage id="meetings.list.planTitle" defaultMessage="Plan a meeting" />
                </Title>
                <Text size="sm" c="dimmed" mb="md">
                  <FormattedMessage
                    id="meetings.list.planHelp"
                    defaultMessage="Members see it here and in their private calendars. Only a meeting you mark public is on the public calendar, with its title, kind and time."
                  />
                </Text>
                <MeetingForm partnership={p} />
              </Card>
            </Grid.Col>
          )}
        </Grid>
      )}
    </Stack>
  );
}

export default function MeetingsPage() {
  const intl = useIntl();
  return <MemberGate what={intl.formatMessage(pageWords.meetings)}>{(p) => <Meetings p={p} />}</MemberGate>;
}
