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
import { Link } from "react-router";
import { eventAudienceLabels, eventKindLabels, placesLeftLabel } from "../../../core/event-vocabulary.js";
import type { EventSummary } from "../../../core/events.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { eventsFeedUrl, useEvents } from "./api.js";
import { eventTimeText } from "./EventTime.js";

function EventCard({ e, past }: { e: EventSummary; past: boolean }) {
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
                Cancelled
              </Badge>
            )}
            {past && e.hasRecording && (
              <Badge variant="light" color="table" radius="sm" tt="none">
                Recording available
              </Badge>
            )}
          </Group>
          <Anchor component={Link} to={`/events/${e.slug}`} fw={700} fz="lg">
            {e.title}
          </Anchor>
          <Text size="sm">{eventTimeText(e.startsAt, e.endsAt, e.timeZone)}</Text>
          <Text size="sm" c="dimmed">
            {[e.online ? "Online" : "", e.place].filter(Boolean).join(" · ")}
            {e.audience.length > 0 &&
              ` · For ${e.audience.map((a) => eventAudienceLabels[a].toLowerCase()).join(", ")}`}
          </Text>
        </Stack>
        {!past && !e.cancelled && (
          <Stack gap={2} align="flex-end">
            <Text fw={700} c={e.placesLeft === 0 ? "red.9" : undefined}>
              {placesLeftLabel(e.capacity, e.confirmed)}
            </Text>
            {e.capacity !== null && (
              <Text size="sm" c="dimmed">
                {e.confirmed} of {e.capacity} registered
                {e.waitlisted > 0 && `, ${e.waitlisted} waiting`}
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
  if (query.isPending) return <PageSkeleton label="Loading the events" />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) {
    return <Text c="dimmed">{when === "upcoming" ? "No event is planned yet." : "No past events yet."}</Text>;
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
  usePageTitle("Events");
  const [when, setWhen] = useState<"upcoming" | "past">("upcoming");
  const upcoming = useEvents("upcoming");
  const feed = eventsFeedUrl();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Events"
        description="Webinars, peer exchanges, trainings and convenings of the Next Gen Community of Practice: learn from conveners, business leaders and support partners across the country."
        actions={
          <>
            <CopyButton value={feed}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} title={feed}>
                  {copied ? "Calendar link copied" : "Subscribe: copy calendar link"}
                </Button>
              )}
            </CopyButton>
            {upcoming.data?.permissions.create && (
              <Button component={Link} to="/events/new">
                Plan an event
              </Button>
            )}
          </>
        }
      />
      <section aria-labelledby="events-heading">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="lg" id="events-heading">
            {when === "upcoming" ? "Upcoming events" : "Past events, with recordings and materials"}
          </Title>
          <SegmentedControl
            aria-label="Which events"
            value={when}
            onChange={(v) => setWhen(v === "past" ? "past" : "upcoming")}
            data={[
              { value: "upcoming", label: "Upcoming" },
              { value: "past", label: "Past" },
            ]}
          />
        </Group>
        <EventList when={when} />
      </section>
    </Stack>
  );
}
