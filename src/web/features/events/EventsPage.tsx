import {
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { eventAudienceLabels, eventKindLabels } from "../../../core/event-vocabulary.js";
import type { EventSummary } from "../../../core/events.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { eventsFeedUrl, useEvents } from "./api.js";
import { eventTimeText } from "./EventTime.js";
import { placesLeftText } from "./placesLeftText.js";

function EventCard({ e, past }: { e: EventSummary; past: boolean }) {
  const intl = useIntl();
  return (
    <Card component="li" withBorder padding="md">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={4} maw={640}>
          <Group gap="xs">
            <Badge variant="light" color="gray" c="gray.9" radius="sm" tt="none">
              {eventKindLabels[e.kind]}
            </Badge>
            {e.cancelled && (
              <Badge variant="filled" color="red.9" radius="sm" tt="none">
                <FormattedMessage id="events.card.cancelled" defaultMessage="Cancelled" />
              </Badge>
            )}
            {past && e.hasRecording && (
              <Badge variant="light" color="table" radius="sm" tt="none">
                <FormattedMessage id="events.card.recordingAvailable" defaultMessage="Recording available" />
              </Badge>
            )}
          </Group>
          <Anchor component={Link} to={`/events/${e.slug}`} fw={700} fz="lg">
            {e.title}
          </Anchor>
          <Text size="sm">{eventTimeText(intl, e.startsAt, e.endsAt, e.timeZone)}</Text>
          <Text size="sm" c="dimmed">
            {[
              e.online ? intl.formatMessage({ id: "events.card.online", defaultMessage: "Online" }) : "",
              e.place,
            ]
              .filter(Boolean)
              .join(" · ")}
            {e.audience.length > 0 &&
              ` · ${intl.formatMessage(
                { id: "events.card.forAudience", defaultMessage: "For {audience}" },
                { audience: e.audience.map((a) => eventAudienceLabels[a].toLowerCase()).join(", ") },
              )}`}
          </Text>
        </Stack>
        {!past && !e.cancelled && (
          <Stack gap={2} align="flex-end">
            <Text fw={700} c={e.placesLeft === 0 ? "red.9" : undefined}>
              {placesLeftText(intl, e.capacity, e.confirmed)}
            </Text>
            {e.capacity !== null && (
              <Text size="sm" c="dimmed">
                {e.waitlisted > 0 ? (
                  <FormattedMessage
                    id="events.card.registeredWaiting"
                    defaultMessage="{confirmed} of {capacity} registered, {waitlisted} waiting"
                    values={{ confirmed: e.confirmed, capacity: e.capacity, waitlisted: e.waitlisted }}
                  />
                ) : (
                  <FormattedMessage
                    id="events.card.registered"
                    defaultMessage="{confirmed} of {capacity} registered"
                    values={{ confirmed: e.confirmed, capacity: e.capacity }}
                  />
                )}
              </Text>
            )}
          </Stack>
        )}
      </Group>
    </Card>
  );
}

function EventList({ when }: { when: "upcoming" | "past" }) {
  const query = useEvents(when);
  const intl = useIntl();
  if (query.isPending) {
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "events.list.loading", defaultMessage: "Loading the events" })}
      />
    );
  }
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) {
    return (
      <Text c="dimmed">
        {when === "upcoming" ? (
          <FormattedMessage id="events.list.noneUpcoming" defaultMessage="No event is planned yet." />
        ) : (
          <FormattedMessage id="events.list.nonePast" defaultMessage="No past events yet." />
        )}
      </Text>
    );
  }
  return (
    <Stack component="ul" gap="sm" className="plain-list">
      {query.data.items.map((e) => (
        <EventCard key={e.id} e={e} past={when === "past"} />
      ))}
    </Stack>
  );
}

export default function EventsPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "events.page.title", defaultMessage: "Events" });
  usePageTitle(title);
  const [when, setWhen] = useState<"upcoming" | "past">("upcoming");
  const upcoming = useEvents("upcoming");
  const feed = eventsFeedUrl();
  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={intl.formatMessage({
          id: "events.page.description",
          defaultMessage:
            "Webinars, peer exchanges, trainings and convenings of the Next Gen Community of Practice: learn from conveners, business leaders and support partners across the country.",
        })}
        actions={
          <>
            <CopyButton value={feed}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} title={feed}>
                  {copied ? (
                    <FormattedMessage id="events.page.feedCopied" defaultMessage="Calendar link copied" />
                  ) : (
                    <FormattedMessage
                      id="events.page.feedCopy"
                      defaultMessage="Subscribe: copy calendar link"
                    />
                  )}
                </Button>
              )}
            </CopyButton>
            {upcoming.data?.permissions.create && (
              <Button component={Link} to="/events/new">
                <FormattedMessage id="events.page.planButton" defaultMessage="Plan an event" />
              </Button>
            )}
          </>
        }
      />
      <section aria-labelledby="events-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg" id="events-heading">
            {when === "upcoming" ? (
              <FormattedMessage id="events.page.upcomingTitle" defaultMessage="Upcoming events" />
            ) : (
              <FormattedMessage
                id="events.page.pastTitle"
                defaultMessage="Past events, with recordings and materials"
              />
            )}
          </Title>
          <SegmentedControl
            aria-label={intl.formatMessage({ id: "events.page.whichLabel", defaultMessage: "Which events" })}
            value={when}
            onChange={(v) => setWhen(v === "past" ? "past" : "upcoming")}
            data={[
              {
                value: "upcoming",
                label: intl.formatMessage({ id: "events.page.upcomingOption", defaultMessage: "Upcoming" }),
              },
              {
                value: "past",
                label: intl.formatMessage({ id: "events.page.pastOption", defaultMessage: "Past" }),
              },
            ]}
          />
        </Group>
        <EventList when={when} />
      </section>
    </Stack>
  );
}
