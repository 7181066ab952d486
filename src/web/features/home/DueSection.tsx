import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import {
  defineMessages,
  FormattedMessage,
  useIntl,
  type IntlShape,
  type MessageDescriptor,
} from "react-intl";
import { Link } from "react-router";
import { DUE_WINDOW_DAYS, type DueItem } from "../../../core/home.js";
import { formatMeetingTime, meetingKindLabels } from "../../../core/meeting-time.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDate } from "../../lib/format.js";

const words = defineMessages({
  action: { id: "home.due.kind.action", defaultMessage: "Action" },
  vote: { id: "home.due.kind.vote", defaultMessage: "Vote" },
  assessment: { id: "home.due.kind.assessment", defaultMessage: "Self-assessment" },
  meeting: { id: "home.due.kind.meeting", defaultMessage: "Meeting" },
  voteAwaited: {
    id: "home.due.voteAwaited",
    defaultMessage: "Your vote is awaited: only business members and champions vote",
  },
  answersAwaited: {
    id: "home.due.answersAwaited",
    defaultMessage: "Your answers are awaited; about ten minutes",
  },
});

const kindBadge: Record<DueItem["kind"], { label: MessageDescriptor; color: string }> = {
  action: { label: words.action, color: "table" },
  vote: { label: words.vote, color: "grape" },
  assessment: { label: words.assessment, color: "cyan" },
  meeting: { label: words.meeting, color: "gray" },
};

function when(intl: IntlShape, item: DueItem): string {
  switch (item.kind) {
    case "action":
      return item.late
        ? intl.formatMessage(
            { id: "home.due.actionLate", defaultMessage: "Was due {date} · {progress}% done" },
            { date: formatDate(item.dueDate), progress: item.progress },
          )
        : intl.formatMessage(
            { id: "home.due.action", defaultMessage: "Due {date} · {progress}% done" },
            { date: formatDate(item.dueDate), progress: item.progress },
          );
    case "vote":
      return intl.formatMessage(words.voteAwaited);
    case "assessment":
      return intl.formatMessage(words.answersAwaited);
    case "meeting":
      return `${meetingKindLabels[item.meetingKind]} · ${formatMeetingTime(item.startsAt, item.timeZone)}`;
  }
}

function DueRow({ item }: { item: DueItem }) {
  const intl = useIntl();
  const badge = kindBadge[item.kind];
  const late = item.kind === "action" && item.late;
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      style={late ? { borderLeft: "4px solid var(--mantine-color-red-8)" } : undefined}
    >
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="light" color={badge.color} c={`${badge.color}.9`} radius="sm" tt="none">
            {intl.formatMessage(badge.label)}
          </Badge>
          {late && (
            <Badge variant="filled" color="red.9" radius="sm" tt="none">
              <FormattedMessage id="home.due.late" defaultMessage="Late" />
            </Badge>
          )}
          <Text size="xs" c="dimmed">
            {item.partnershipName}
          </Text>
        </Group>
        <Anchor component={Link} to={item.link} fw={700}>
          {item.title}
        </Anchor>
        <Text size="sm" c={late ? "red.9" : "dimmed"}>
          {when(intl, item)}
        </Text>
      </Stack>
    </Card>
  );
}

/** What is on the person's plate across their partnerships, soonest first. */
export function DueSection({
  items,
  isPending,
  error,
  onRetry,
}: {
  items: DueItem[] | undefined;
  isPending: boolean;
  error: Error | null;
  onRetry: () => void;
}) {
  const intl = useIntl();
  return (
    <section aria-labelledby="due-heading">
      <Group justify="space-between" align="baseline" mb="sm" gap="xs">
        <Title order={2} fz="lg" id="due-heading">
          <FormattedMessage id="home.due.title" defaultMessage="What is due" />
        </Title>
        <Anchor component={Link} to="/me/plan" size="sm">
          <FormattedMessage id="home.due.all" defaultMessage="All my actions and meetings" />
        </Anchor>
      </Group>
      {error ? (
        <ErrorAlert error={error} onRetry={onRetry} />
      ) : isPending || !items ? (
        <Stack
          gap="sm"
          aria-label={intl.formatMessage({ id: "home.due.loading", defaultMessage: "Loading what is due" })}
        >
          <Skeleton h={72} radius="md" />
          <Skeleton h={72} radius="md" />
        </Stack>
      ) : items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage
            id="home.due.none"
            defaultMessage="Nothing due. Your late and coming actions, the votes and self-assessments that wait on you, and your partnerships' meetings of the next {days, plural, one {# day} other {# days}} show here."
            values={{ days: DUE_WINDOW_DAYS }}
          />
        </Text>
      ) : (
        <Stack component="ul" gap="sm" className="plain-list">
          {items.map((item) => (
            <DueRow key={`${item.kind}-${item.id}`} item={item} />
          ))}
        </Stack>
      )}
    </section>
  );
}
