import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { NewRepliesItem } from "../../../core/home.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDateTime, plural } from "../../lib/format.js";

/** Discussions the person follows that others replied to since they last opened them. */
export function NewRepliesSection({
  items,
  isPending,
  error,
  onRetry,
}: {
  items: NewRepliesItem[] | undefined;
  isPending: boolean;
  error: Error | null;
  onRetry: () => void;
}) {
  return (
    <section aria-labelledby="replies-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="replies-heading">
          New replies
        </Title>
        <Anchor component={Link} to="/discussions" size="sm">
          All discussions
        </Anchor>
      </Group>
      {error ? (
        <ErrorAlert error={error} onRetry={onRetry} />
      ) : isPending || !items ? (
        <Skeleton h={72} radius="md" aria-label="Loading new replies" />
      ) : items.length === 0 ? (
        <Text c="dimmed">No new replies in the discussions you follow.</Text>
      ) : (
        <Stack component="ul" gap="sm" className="plain-list">
          {items.map((t) => (
            <Card component="li" key={t.threadId} withBorder padding="sm">
              <Stack gap={4}>
                <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                  <Anchor component={Link} to={`/discussions/${t.threadId}`} fw={700}>
                    {t.title}
                  </Anchor>
                  <Badge variant="filled" color="table.8" radius="xl" tt="none" style={{ flexShrink: 0 }}>
                    {plural(t.newReplies, "new reply", "new replies")}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  Last by {t.lastReplyAuthor}, {formatDateTime(t.lastReplyAt)}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
