import { Anchor, Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import { eventKindLabels } from "../../../core/event-vocabulary.js";
import type { HomeEvent } from "../../../core/home.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { eventTimeText } from "../events/EventTime.js";

/** An upcoming event as the home page shows it; `myRegistration` is absent for visitors. */
export type UpcomingEvent = Omit<HomeEvent, "myRegistration"> & {
  myRegistration?: HomeEvent["myRegistration"];
};

function Registration({ mine }: { mine: HomeEvent["myRegistration"] | undefined }) {
  if (mine?.status === "confirmed") {
    return (
      <Badge variant="light" color="green" c="green.9" radius="sm" tt="none">
        <FormattedMessage id="home.events.registered" defaultMessage="You are registered" />
      </Badge>
    );
  }
  if (mine?.status === "waitlisted") {
    return (
      <Badge variant="light" color="yellow" c="yellow.9" radius="sm" tt="none">
        {mine.waitlistPosition ? (
          <FormattedMessage
            id="home.events.waitlistedAt"
            defaultMessage="On the waitlist (#{position})"
            values={{ position: mine.waitlistPosition }}
          />
        ) : (
          <FormattedMessage id="home.events.waitlisted" defaultMessage="On the waitlist" />
        )}
      </Badge>
    );
  }
  return null;
}

/** The next community events, with the person's registration when signed in. */
export function UpcomingEvents({
  events,
  isPending,
  error,
  onRetry,
}: {
  events: UpcomingEvent[] | undefined;
  isPending: boolean;
  error: Error | null;
  onRetry: () => void;
}) {
  const intl = useIntl();
  const online = intl.formatMessage({ id: "home.events.online", defaultMessage: "Online" });
  const full = intl.formatMessage({ id: "home.events.full", defaultMessage: "Full: waitlist open" });
  return (
    <section aria-labelledby="events-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="events-heading">
          <FormattedMessage id="home.events.title" defaultMessage="Upcoming events" />
        </Title>
        <Anchor component={Link} to="/events" size="sm">
          <FormattedMessage id="home.events.all" defaultMessage="All events" />
        </Anchor>
      </Group>
      {error ? (
        <ErrorAlert error={error} onRetry={onRetry} />
      ) : isPending || !events ? (
        <Skeleton
          h={110}
          radius="md"
          aria-label={intl.formatMessage({
            id: "home.events.loading",
            defaultMessage: "Loading upcoming events",
          })}
        />
      ) : events.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage
            id="home.events.none"
            defaultMessage="No event is planned yet. Webinars, peer exchanges and trainings will show here."
          />
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md" component="ul" className="plain-list">
          {events.map((e) => (
            <Card component="li" key={e.id} withBorder padding="md">
              <Stack gap={6}>
                <Group gap="xs">
                  <Badge variant="light" color="gray" c="gray.9" radius="sm" tt="none">
                    {eventKindLabels[e.kind]}
                  </Badge>
                  <Registration mine={e.myRegistration} />
                </Group>
                <Anchor component={Link} to={`/events/${e.slug}`} fw={700}>
                  {e.title}
                </Anchor>
                <Text size="sm">{eventTimeText(intl, e.startsAt, e.endsAt, e.timeZone)}</Text>
                <Text size="sm" c="dimmed">
                  {[e.online ? online : "", e.place, e.placesLeft === 0 ? full : ""]
                    .filter(Boolean)
                    .join(" · ")}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </section>
  );
}
