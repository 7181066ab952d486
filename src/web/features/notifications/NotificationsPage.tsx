import { Anchor, Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from "react-intl";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { formatDateTime } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { notificationsApi, notificationsKey, useNotifications } from "./api.js";

const kindLabels: Record<string, MessageDescriptor> = defineMessages({
  mention: { id: "notifications.kind.mention", defaultMessage: "Mention" },
  reply: { id: "notifications.kind.reply", defaultMessage: "Reply" },
  registration: { id: "notifications.kind.registration", defaultMessage: "Event" },
  action_due: { id: "notifications.kind.actionDue", defaultMessage: "Action due" },
  action_stuck: { id: "notifications.kind.actionStuck", defaultMessage: "Needs help" },
  vote_opened: { id: "notifications.kind.voteOpened", defaultMessage: "Vote" },
  vote_closing: { id: "notifications.kind.voteClosing", defaultMessage: "Vote closing" },
});

const words = defineMessages({
  title: { id: "notifications.list.title", defaultMessage: "Notifications" },
  loading: { id: "notifications.list.loading", defaultMessage: "Loading notifications" },
});

export default function NotificationsPage() {
  const intl = useIntl();
  usePageTitle(intl.formatMessage(words.title));
  const me = useMe();
  const list = useNotifications(!!me.data);
  const client = useQueryClient();
  const read = useMutation({
    mutationFn: (ids?: string[]) => notificationsApi.read(ids),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationsKey }),
  });
  if (me.isPending) return <PageSkeleton label={intl.formatMessage(words.loading)} />;
  if (!me.data)
    return (
      <SignInPrompt
        title={intl.formatMessage(words.title)}
        reason={intl.formatMessage({
          id: "notifications.list.signIn",
          defaultMessage: "Sign in to see your notifications.",
        })}
      />
    );
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage(words.title)}
        description={
          <>
            <FormattedMessage
              id="notifications.list.description"
              defaultMessage="Mentions, replies in discussions you follow, and more."
            />{" "}
            <Anchor component={Link} to="/me/settings">
              <FormattedMessage id="notifications.list.settingsLink" defaultMessage="E-mail settings" />
            </Anchor>
          </>
        }
        actions={
          (list.data?.unread ?? 0) > 0 && (
            <Button variant="default" onClick={() => read.mutate(undefined)} loading={read.isPending}>
              <FormattedMessage id="notifications.list.markAllRead" defaultMessage="Mark all read" />
            </Button>
          )
        }
      />
      {list.isPending ? (
        <PageSkeleton label={intl.formatMessage(words.loading)} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">
          <FormattedMessage
            id="notifications.list.empty"
            defaultMessage="Nothing yet. When someone mentions you or replies where you follow, it shows here."
          />
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          p={0}
          style={{ listStyle: "none" }}
          aria-label={intl.formatMessage(words.title)}
        >
          {list.data.items.map((n) => (
            <Card component="li" key={n.id} withBorder bg={n.read ? undefined : "table.0"}>
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Anchor
                    component={Link}
                    to={n.link || "/"}
                    fw={n.read ? 400 : 700}
                    onClick={() => !n.read && read.mutate([n.id])}
                  >
                    {n.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  <Badge variant="light">
                    {kindLabels[n.kind] ? intl.formatMessage(kindLabels[n.kind]) : n.kind}
                  </Badge>
                  {!n.read && (
                    <Badge color="red.8">
                      <FormattedMessage id="notifications.list.new" defaultMessage="New" />
                    </Badge>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
