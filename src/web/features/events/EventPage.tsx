import { Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useParams } from "react-router";
import { eventAudienceLabels, eventKindLabels } from "../../../core/event-vocabulary.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { fileFacts } from "../../components/fileUpload.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { useEvent } from "./api.js";

import { eventTimeText } from "./EventTime.js";
import { RegistrationPanel } from "./RegistrationPanel.js";

export default function EventPage() {
  const { slug = "" } = useParams();
  const query = useEvent(slug);
  const e = query.data;
  const intl = useIntl();
  usePageTitle(e?.title ?? intl.formatMessage({ id: "events.event.pageTitle", defaultMessage: "Event" }));
  if (query.isPending) {
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "events.event.loading", defaultMessage: "Loading the event" })}
      />
    );
  }
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (!e) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const past = new Date(e.endsAt).getTime() <= Date.now();

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/events" size="sm">
        <FormattedMessage id="events.event.allEvents" defaultMessage="← All events" />
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Stack gap={6} maw={760}>
          <Group gap="xs">
            <Badge variant="light" color="gray" c="gray.9" radius="sm" tt="none">
              {eventKindLabels[e.kind]}
            </Badge>
            {e.cancelled && (
              <Badge variant="filled" color="red.9" radius="sm" tt="none">
                <FormattedMessage id="events.event.cancelled" defaultMessage="Cancelled" />
              </Badge>
            )}
          </Group>
          <Title order={1} fz={{ base: 28, sm: 34 }} lh={1.15}>
            {e.title}
          </Title>
          <Text size="lg">{eventTimeText(intl, e.startsAt, e.endsAt, e.timeZone)}</Text>
          {e.place && <Text c="dimmed">{e.place}</Text>}
          {e.online && e.link && !past && (
            <Text>
              <FormattedMessage
                id="events.event.joinOnline"
                defaultMessage="Join online: <a>{url}</a>"
                values={{
                  url: e.link,
                  a: (chunks) => (
                    <Anchor href={e.link} target="_blank" rel="noopener noreferrer">
                      {chunks}
                    </Anchor>
                  ),
                }}
              />
            </Text>
          )}
          {e.online && e.linkHidden && !past && (
            <Text c="dimmed">
              <FormattedMessage
                id="events.event.linkHidden"
                defaultMessage="Online: the link appears here once you are registered."
              />
            </Text>
          )}
          {e.audience.length > 0 && (
            <Text size="sm" c="dimmed">
              <FormattedMessage
                id="events.event.forAudience"
                defaultMessage="For {audience}"
                values={{ audience: e.audience.map((a) => eventAudienceLabels[a].toLowerCase()).join(", ") }}
              />
            </Text>
          )}
        </Stack>
        <Group gap="sm">
          {e.permissions.edit && (
            <Button component={Link} to={`/events/${e.slug}/edit`} variant="default">
              <FormattedMessage id="events.event.editButton" defaultMessage="Edit event" />
            </Button>
          )}
          <Button component="a" href={`/api/events/${e.id}.ics`} variant="default" download>
            <FormattedMessage id="events.event.addToCalendar" defaultMessage="Add to calendar (.ics)" />
          </Button>
        </Group>
      </Group>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Card component="section" aria-labelledby="about-heading">
              <Title order={2} fz="lg" id="about-heading" mb="xs">
                <FormattedMessage id="events.event.aboutTitle" defaultMessage="About this event" />
              </Title>
              {e.descriptionHtml ? (
                <div className="prose" dangerouslySetInnerHTML={{ __html: e.descriptionHtml }} />
              ) : (
                <Text c="dimmed">
                  <FormattedMessage id="events.event.noDescription" defaultMessage="No description yet." />
                </Text>
              )}
            </Card>
            {(past || e.recordingUrl || e.materials.length > 0) && (
              <Card component="section" aria-labelledby="materials-heading">
                <Title order={2} fz="lg" id="materials-heading" mb="xs">
                  <FormattedMessage
                    id="events.event.materialsTitle"
                    defaultMessage="Recording and materials"
                  />
                </Title>
                {e.recordingUrl && (
                  <Group mb="sm">
                    <Button component="a" href={e.recordingUrl} target="_blank" rel="noopener noreferrer">
                      <FormattedMessage
                        id="events.event.watchRecording"
                        defaultMessage="Watch the recording"
                      />
                    </Button>
                  </Group>
                )}
                {e.materials.length > 0 ? (
                  <Stack component="ul" gap={4} className="plain-list">
                    {e.materials.map((m) => (
                      <li key={m.id}>
                        {m.kind === "file" ? (
                          <>
                            <Anchor href={m.url} download={m.fileName}>
                              {m.title}
                            </Anchor>{" "}
                            <Text span size="sm" c="dimmed">
                              ({fileFacts(m)})
                            </Text>
                          </>
                        ) : (
                          <Anchor href={m.url} target="_blank" rel="noopener noreferrer">
                            {m.title}
                          </Anchor>
                        )}
                      </li>
                    ))}
                  </Stack>
                ) : (
                  !e.recordingUrl && (
                    <Text c="dimmed">
                      <FormattedMessage
                        id="events.event.nothingShared"
                        defaultMessage="Nothing shared yet."
                      />
                    </Text>
                  )
                )}
              </Card>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RegistrationPanel e={e} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
