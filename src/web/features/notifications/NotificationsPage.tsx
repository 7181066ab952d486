import { Anchor, Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { formatDateTime } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { notificationsApi, notificationsKey, useNotifications } from "./api.js";

const kindLabels: Record<string, string> = {
  mention: "Mention",
  reply: "Reply",
  registration: "Event",
  action_due: "Action due",
  action_stuck: "Needs help",
  vote_opened: "Vote",
  vote_closing: "Vote closing",
};

export default function NotificationsPage() {
  usePageTitle("Notifications");
  const me = useMe();
  const list = useNotifications(!!me.data);
  const client = useQueryClient();
  const read = useMutation({
    mutationFn: (ids?: string[]) => notificationsApi.read(ids),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationsKey }),
  });
  if (me.isPending) return <PageSkeleton label="Loading notifications" />;
  if (!me.data) return <SignInPrompt title="Notifications" reason="Sign in to see your notifications." />;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Notifications"
        description={
          <>
            Mentions, replies in discussions you follow, and more.{" "}
            <Anchor component={Link} to="/me/settings">
              E-mail settings
            </Anchor>
          </>
        }
        actions={
          (list.data?.unread ?? 0) > 0 && (
            <Button variant="default" onClick={() => read.mutate(undefined)} loading={read.isPending}>
              Mark all read
            </Button>
          )
        }
      />
      {list.isPending ? (
        <PageSkeleton label="Loading notifications" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">
          Nothing yet. When someone mentions you or replies where you follow, it shows here.
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} style={{ listStyle: "none" }} aria-label="Notifications">
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
                  <Badge variant="light">{kindLabels[n.kind] ?? n.kind}</Badge>
                  {!n.read && <Badge color="red.8">New</Badge>}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
