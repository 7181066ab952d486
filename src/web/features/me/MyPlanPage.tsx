import { Alert, Anchor, Badge, Card, Group, Progress, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useNetwork } from "@mantine/hooks";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "react-router";
import { defineMessages, FormattedMessage, useIntl, type IntlShape } from "react-intl";
import { actionStatusLabels } from "../../../core/agenda.js";
import { formatMeetingSpan, meetingKindLabels } from "../../../core/meeting-time.js";
import type { MyPlanAction, MyPlanMeeting } from "../../../core/my-plan.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { formatDate, formatDateTime } from "../../lib/format.js";
import { forgetPersonalCopies } from "../../lib/offline.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { useMyPlan } from "./plan-api.js";

const words = defineMessages({
  pageTitle: { id: "me.plan.pageTitle", defaultMessage: "My actions and meetings" },
  offline: { id: "me.plan.offline", defaultMessage: "You are offline" },
});

/** When the action is due, and the priority it serves. */
function dueLine(intl: IntlShape, action: MyPlanAction): string {
  const priority = action.priorityTitle;
  if (!action.dueDate)
    return intl.formatMessage(
      { id: "me.plan.action.noDueDate", defaultMessage: "No due date · for “{priority}”" },
      { priority },
    );
  const date = formatDate(action.dueDate);
  return action.late
    ? intl.formatMessage(
        { id: "me.plan.action.wasDue", defaultMessage: "Was due {date} · for “{priority}”" },
        { date, priority },
      )
    : intl.formatMessage(
        { id: "me.plan.action.due", defaultMessage: "Due {date} · for “{priority}”" },
        { date, priority },
      );
}

function ActionRow({ action }: { action: MyPlanAction }) {
  const intl = useIntl();
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      style={action.late ? { borderLeft: "4px solid var(--mantine-color-red-8)" } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs">
          {action.late && (
            <Badge variant="filled" color="red.9" radius="sm" tt="none">
              <FormattedMessage id="me.plan.action.late" defaultMessage="Late" />
            </Badge>
          )}
          <Badge variant="light" color="gray" c="gray.9" radius="sm" tt="none">
            {actionStatusLabels[action.status]}
          </Badge>
          <Text size="xs" c="dimmed">
            {action.partnershipName}
          </Text>
        </Group>
        <Anchor component={Link} to={action.link} fw={700}>
          {action.title}
        </Anchor>
        <Text size="sm" c={action.late ? "red.9" : "dimmed"}>
          {dueLine(intl, action)}
        </Text>
        <Progress
          value={action.progress}
          size="sm"
          aria-label={intl.formatMessage(
            { id: "me.plan.action.progress", defaultMessage: "{title}: {progress}% done" },
            { title: action.title, progress: action.progress },
          )}
          color={action.late ? "red.8" : "table"}
        />
      </Stack>
    </Card>
  );
}

function MeetingRow({ meeting }: { meeting: MyPlanMeeting }) {
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          {meetingKindLabels[meeting.kind]} · {meeting.partnershipName}
        </Text>
        <Anchor component={Link} to={meeting.link} fw={700}>
          {meeting.title}
        </Anchor>
        <Text size="sm">{formatMeetingSpan(meeting.startsAt, meeting.endsAt, meeting.timeZone)}</Text>
        {meeting.place && (
          <Text size="sm" c="dimmed">
            {meeting.place}
          </Text>
        )}
        {meeting.callLink && (
          <Anchor href={meeting.callLink} size="sm" target="_blank" rel="noreferrer">
            <FormattedMessage id="me.plan.meeting.join" defaultMessage="Join the call" />
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

/** Says how old the page is when it cannot be refreshed: offline, or the server out of reach. */
function Freshness({ updatedAt, offline, failed }: { updatedAt: number; offline: boolean; failed: boolean }) {
  const intl = useIntl();
  const when = formatDateTime(new Date(updatedAt).toISOString());
  if (offline || failed) {
    return (
      <Alert
        color="harvest"
        variant="light"
        title={
          offline
            ? intl.formatMessage(words.offline)
            : intl.formatMessage({ id: "me.plan.refreshFailed", defaultMessage: "Could not refresh" })
        }
      >
        <FormattedMessage
          id="me.plan.lastSeen"
          defaultMessage="This is what you last saw, updated {when}. It refreshes by itself when you are back online."
          values={{ when }}
        />
      </Alert>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      <FormattedMessage id="me.plan.updated" defaultMessage="Updated {when}" values={{ when }} />
    </Text>
  );
}

/** A network failure or a server error, rather than an answer about the person. */
function outOfReach(error: Error | null): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

function NoCopyYet() {
  return (
    <Alert color="harvest" variant="light" title={<FormattedMessage {...words.offline} />}>
      <FormattedMessage
        id="me.plan.noCopy"
        defaultMessage="This phone has no copy of your actions yet. Open this page once while online, and it will open without signal after that."
      />
    </Alert>
  );
}

/**
 * "My actions and meetings": the page a business leader opens on a phone between meetings. The
 * installed app keeps the last copy (lib/offline.ts), so it opens without signal too.
 */
export default function MyPlanPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.pageTitle));
  const me = useMe();
  const plan = useMyPlan(Boolean(me.data));
  const network = useNetwork();
  const queryClient = useQueryClient();
  const visitor = me.isSuccess && me.data === null;
  // The server says nobody is signed in here: a copy kept from someone's visit goes.
  useEffect(() => {
    if (visitor) forgetPersonalCopies(queryClient);
  }, [visitor, queryClient]);

  // Who is signed in cannot be asked (no signal, or the server out of reach): the kept copy shows.
  const unreachable = !me.data && (me.fetchStatus === "paused" || (me.isError && outOfReach(me.error)));
  const kept = plan.data;
  const data = kept && (me.data ? kept.userId === me.data.id : unreachable) ? kept : undefined;

  if (me.isPending && !unreachable) return <PageSkeleton />;
  if (!me.data && !unreachable) {
    return (
      <SignInPrompt
        title={intl.formatMessage(words.pageTitle)}
        reason={intl.formatMessage({
          id: "me.plan.signIn",
          defaultMessage: "Sign in to see your actions and meetings.",
        })}
      />
    );
  }
  if (!data && unreachable) return <NoCopyYet />;

  return (
    <Stack gap="lg" maw={720}>
      <PageHeader
        title={intl.formatMessage(words.pageTitle)}
        description={intl.formatMessage({
          id: "me.plan.description",
          defaultMessage: "What you took on at your tables, and when you meet next.",
        })}
      />
      {data ? (
        <Freshness
          updatedAt={plan.dataUpdatedAt}
          offline={!network.online || me.fetchStatus === "paused"}
          failed={unreachable || plan.isError}
        />
      ) : plan.error ? (
        <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />
      ) : null}

      <section aria-labelledby="my-actions-heading">
        <Title order={2} fz="lg" id="my-actions-heading" mb="sm">
          {data ? (
            <FormattedMessage
              id="me.plan.actions.titleCount"
              defaultMessage="My actions ({count})"
              values={{ count: data.actions.length }}
            />
          ) : (
            <FormattedMessage id="me.plan.actions.title" defaultMessage="My actions" />
          )}
        </Title>
        {!data ? (
          <Stack
            gap="sm"
            aria-label={intl.formatMessage({
              id: "me.plan.actions.loading",
              defaultMessage: "Loading your actions",
            })}
          >
            <Skeleton h={96} radius="md" />
            <Skeleton h={96} radius="md" />
          </Stack>
        ) : data.actions.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage
              id="me.plan.actions.empty"
              defaultMessage="No open actions. When you own an action on an action team, it shows here with its due date."
            />
          </Text>
        ) : (
          <>
            {data.actions.some((a) => a.late) && (
              <Text size="sm" c="red.9" mb="xs">
                <FormattedMessage
                  id="me.plan.actions.late"
                  defaultMessage="{count, plural, one {# action is} other {# actions are}} late."
                  values={{ count: data.actions.filter((a) => a.late).length }}
                />
              </Text>
            )}
            <Stack component="ul" gap="sm" className="plain-list">
              {data.actions.map((a) => (
                <ActionRow key={a.id} action={a} />
              ))}
            </Stack>
          </>
        )}
      </section>

      <section aria-labelledby="my-meetings-heading">
        <Title order={2} fz="lg" id="my-meetings-heading" mb="sm">
          <FormattedMessage id="me.plan.meetings.title" defaultMessage="My next meetings" />
        </Title>
        {!data ? (
          <Skeleton h={80} radius="md" />
        ) : data.meetings.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage
              id="me.plan.meetings.empty"
              defaultMessage="No meetings planned at your tables."
            />
          </Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {data.meetings.map((m) => (
              <MeetingRow key={m.id} meeting={m} />
            ))}
          </Stack>
        )}
      </section>
    </Stack>
  );
}
