import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { FormattedMessage, useIntl } from "react-intl";
import { Link } from "react-router";
import type { NewRepliesItem } from "../../../core/home.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { formatDateTime } from "../../lib/format.js";

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
  const intl = useIntl();
  return (
    <section aria-labelledby="replies-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="replies-heading">
          <FormattedMessage id="home.replies.title" defaultMessage="New replies" />
        </Title>
        <Anchor component={Link} to="/discussions" size="sm">
          <FormattedMessage id="home.replies.all" defaultMessage="All discussions" />
        </Anchor>
      </Group>
      {error ? (
        <ErrorAlert error={error} onRetry={onRetry} />
      ) : isPending || !items ? (
        <Skeleton
          h={72}
          radius="md"
          aria-label={intl.formatMessage({
            id: "home.replies.loading",
            defaultMessage: "Loading new replies",
          })}
        />
      ) : items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage
            id="home.replies.none"
            defaultMessage="No new replies in the discussions you follow."
          />
        </Text>
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
                    <FormattedMessage
                      id="home.replies.count"
                      defaultMessage="{count, plural, one {# new reply} other {# new replies}}"
                      values={{ count: t.newReplies }}
                    />
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  <FormattedMessage
                    id="home.replies.lastBy"
                    defaultMessage="Last by {author}, {when}"
                    values={{ author: t.lastReplyAuthor, when: formatDateTime(t.lastReplyAt) }}
                  />
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </section>
  );
}
