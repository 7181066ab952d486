import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { DUE_WINDOW_DAYS, type DueItem } from "../../../core/home.js";
import { formatMeetingTime, meetingKindLabels } from "../../../core/meeting-time.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDate } from "../../lib/format.js";

const kindBadge: Record<DueItem["kind"], { label: string; color: string }> = {
  action: { label: "Action", color: "table" },
  vote: { label: "Vote", color: "grape" },
  assessment: { label: "Self-assessment", color: "cyan" },
  meeting: { label: "Meeting", color: "gray" },
};

function when(item: DueItem): string {
  switch (item.kind) {
    case "action":
      return `${item.late ? "Was due" : "Due"} ${formatDate(item.dueDate)} · ${item.progress}% done`;
    case "vote":
      return "Your vote is awaited: only business members and champions vote";
    case "assessment":
      return "Your answers are awaited; about ten minutes";
    case "meeting":
      return `${meetingKindLabels[item.meetingKind]} · ${formatMeetingTime(item.startsAt, item.timeZone)}`;
  }
}

function DueRow({ item }: { item: DueItem }) {
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
            {badge.label}
          </Badge>
          {late && (
            <Badge variant="filled" color="red.9" radius="sm" tt="none">
              Late
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
          {when(item)}
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
  return (
    <section aria-labelledby="due-heading">
      <Group justify="space-between" align="baseline" mb="sm" gap="xs">
        <Title order={2} fz="lg" id="due-heading">
          What is due
        </Title>
        <Anchor component={Link} to="/me/plan" size="sm">
          All my actions and meetings
        </Anchor>
      </Group>
      {error ? (
        <ErrorAlert error={error} onRetry={onRetry} />
      ) : isPending || !items ? (
        <Stack gap="sm" aria-label="Loading what is due">
          <Skeleton h={72} radius="md" />
          <Skeleton h={72} radius="md" />
        </Stack>
      ) : items.length === 0 ? (
        <Text c="dimmed">
          Nothing due. Your late and coming actions, the votes and self-assessments that wait on you, and your
          partnerships&apos; meetings of the next {DUE_WINDOW_DAYS} days show here.
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
