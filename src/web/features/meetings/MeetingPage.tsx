import { Anchor, Badge, Button, Card, Grid, Group, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import { historyName } from "../../../core/members.js";
import { formatMeetingSpan, meetingKindLabels } from "../../../core/meeting-time.js";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { useMembers } from "../members/api.js";
import { useMeeting } from "./api.js";
import { AttendanceForm } from "./AttendanceForm.js";
import { AttendanceSummary } from "./AttendanceSummary.js";
import { MeetingFiles } from "./MeetingFiles.js";
import { MeetingRsvp } from "./MeetingRsvp.js";
import { MemberGate } from "./MemberGate.js";
import { NextStepAction } from "./NextStepAction.js";
import { RecordForm } from "./RecordForm.js";
import { CheckInButton } from "../checkin/CheckInButton.js";
import { recordWords } from "./messages.js";

/** `slug` names the heading's id ("next-steps-heading"), the same in every language. */
function Section({ title, slug, text }: { title: string; slug: string; text: string }) {
  const id = `${slug}-heading`;
  return (
    <Card component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id} mb="xs">
        {title}
      </Title>
      {text ? (
        <Text style={{ whiteSpace: "pre-line" }}>{text}</Text>
      ) : (
        <Text c="dimmed" size="sm">
          <FormattedMessage id="meetings.page.nothingRecorded" defaultMessage="Nothing recorded yet." />
        </Text>
      )}
    </Card>
  );
}

function MeetingView({ p, meetingId }: { p: PartnershipDetail; meetingId: string }) {
  const intl = useIntl();
  const query = useMeeting(meetingId, true);
  const m = query.data;
  const members = useMembers(p.id, !!m?.permissions.edit);
  if (query.isPending) {
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "meetings.page.loading", defaultMessage: "Loading the meeting" })}
      />
    );
  }
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (!m) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/p/${p.slug}/meetings`} size="sm">
        <FormattedMessage
          id="meetings.page.backToMeetings"
          defaultMessage="← Meetings of {name}"
          values={{ name: p.name }}
        />
      </Anchor>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Stack gap={6}>
          <Group gap="xs">
            <Badge variant="light" color="gray" c="gray.9" radius="sm" tt="none">
              <FormattedMessage
                id="meetings.page.kindBadge"
                defaultMessage="{kind} meeting"
                values={{ kind: meetingKindLabels[m.kind] }}
              />
            </Badge>
            {m.cancelled && (
              <Badge variant="filled" color="red.9" radius="sm" tt="none">
                <FormattedMessage {...recordWords.cancelled} />
              </Badge>
            )}
          </Group>
          <Title order={1} fz={{ base: 28, sm: 34 }} lh={1.15}>
            {m.title}
          </Title>
          <Text size="lg">{formatMeetingSpan(m.startsAt, m.endsAt, m.timeZone)}</Text>
          {m.place && <Text c="dimmed">{m.place}</Text>}
          {m.link && (
            <Anchor href={m.link} target="_blank" rel="noopener noreferrer">
              {m.link}
            </Anchor>
          )}
        </Stack>
        <Group gap="sm">
          {m.permissions.edit && !m.cancelled && <CheckInButton meetingId={m.id} />}
          <Button component="a" href={`/api/meetings/${m.id}/calendar.ics`} variant="default" download>
            <FormattedMessage id="meetings.page.addToCalendar" defaultMessage="Add to calendar (.ics)" />
          </Button>
        </Group>
      </Group>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <MeetingRsvp meeting={m} />
            <Card component="section" aria-labelledby="attendance-heading">
              <Title order={2} fz="lg" id="attendance-heading" mb="sm">
                <FormattedMessage id="meetings.page.attendanceTitle" defaultMessage="Attendance" />
              </Title>
              {m.permissions.edit ? (
                members.isPending ? (
                  <PageSkeleton
                    label={intl.formatMessage({
                      id: "meetings.page.loadingMembers",
                      defaultMessage: "Loading the members",
                    })}
                  />
                ) : members.isError ? (
                  <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
                ) : (
                  <AttendanceForm
                    key={`${m.updatedAt}:${m.attendanceVersion}`}
                    meeting={m}
                    members={members.data.items}
                  />
                )
              ) : (
                <Stack gap="sm">
                  <AttendanceSummary meeting={m} size="md" />
                  {m.attendees.length + m.guests.length > 0 && (
                    <Stack component="ul" gap={2} className="plain-list">
                      {m.attendees.map((a) => (
                        <Text component="li" key={a.personId} size="sm">
                          {historyName(a)}
                          {a.organization && (
                            <Text span c="dimmed">
                              , {a.organization}
                            </Text>
                          )}
                        </Text>
                      ))}
                      {m.guests.map((g) => (
                        <Text component="li" key={g.id} size="sm">
                          {g.name}
                          <Text span c="dimmed">
                            {g.organization ? `, ${g.organization}` : ""}{" "}
                            <FormattedMessage id="meetings.page.guestMark" defaultMessage="(guest)" />
                          </Text>
                        </Text>
                      ))}
                    </Stack>
                  )}
                </Stack>
              )}
            </Card>
            <MeetingFiles meeting={m} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          {m.permissions.edit ? (
            <Card component="section" aria-labelledby="record-heading">
              <Title order={2} fz="lg" id="record-heading" mb="sm">
                <FormattedMessage id="meetings.page.recordTitle" defaultMessage="Record of the meeting" />
              </Title>
              <RecordForm key={m.version} meeting={m} />
            </Card>
          ) : null}
          {m.permissions.edit ? (
            <Card component="section" aria-labelledby="next-step-heading" mt="lg">
              <Title order={2} fz="lg" id="next-step-heading" mb="sm">
                <FormattedMessage id="meetings.page.nextStepTitle" defaultMessage="Next step to action" />
              </Title>
              <NextStepAction key={m.version} meeting={m} />
            </Card>
          ) : (
            <Stack gap="lg">
              <Section title={intl.formatMessage(recordWords.agenda)} slug="agenda" text={m.agenda} />
              <Section title={intl.formatMessage(recordWords.notes)} slug="notes" text={m.notes} />
              <Section
                title={intl.formatMessage(recordWords.decisions)}
                slug="decisions"
                text={m.decisions}
              />
              <Section
                title={intl.formatMessage(recordWords.nextSteps)}
                slug="next-steps"
                text={m.nextSteps}
              />
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export default function MeetingPage() {
  const { meetingId } = useParams();
  const intl = useIntl();
  return (
    <MemberGate what={intl.formatMessage({ id: "meetings.page.what", defaultMessage: "Meeting" })}>
      {(p) => <MeetingView p={p} meetingId={meetingId ?? ""} />}
    </MemberGate>
  );
}
