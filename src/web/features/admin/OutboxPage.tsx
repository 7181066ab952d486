import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { api } from "../../lib/api.js";
import { formatDateTime } from "../../lib/format.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { Linkified } from "./Linkified.js";

interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  sentAt: string | null;
}

export default function OutboxPage() {
  usePageTitle("Outbox");
  const me = useMe();
  const isAdmin = !!me.data?.isAdmin;
  const outbox = useQuery({
    queryKey: ["admin", "outbox"],
    queryFn: ({ signal }) => api.get<{ items: OutboxItem[] }>("/admin/outbox", signal),
    enabled: isAdmin,
    refetchInterval: 15_000,
  });

  if (me.isPending) return <PageSkeleton />;
  if (!me.data) return <SignInPrompt title="Outbox" reason="Sign in as a community admin." />;
  if (!isAdmin) {
    return (
      <Card maw={560} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          Outbox
        </Title>
        <Text c="dimmed">Only community admins can read the outbox.</Text>
      </Card>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title="Outbox"
        description="E-mails the server wrote. Without an SMTP server they wait here, and their links still work."
      />
      {outbox.isPending ? (
        <PageSkeleton label="Loading the outbox" />
      ) : outbox.isError ? (
        <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : outbox.data.items.length === 0 ? (
        <Card p="xl">
          <Text c="dimmed">No e-mail yet.</Text>
        </Card>
      ) : (
        <Stack gap="md" component="ul" className="plain-list">
          {outbox.data.items.map((m) => (
            <Card component="li" key={m.id} data-testid="outbox-item">
              <Group justify="space-between" align="flex-start" gap="sm" mb="xs">
                <Stack gap={2}>
                  <Title order={2} fz="md">
                    {m.subject}
                  </Title>
                  <Text size="sm" c="dimmed">
                    To {m.to} · {formatDateTime(m.createdAt)}
                  </Text>
                </Stack>
                {m.sentAt ? (
                  <Badge color="table" variant="light" tt="none">
                    Sent {formatDateTime(m.sentAt)}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light" c="gray.9" tt="none">
                    Not sent (no mail server)
                  </Badge>
                )}
              </Group>
              <pre className="mail-text">
                <Linkified text={m.text} />
              </pre>
            </Card>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        <Anchor href="#main">Back to top</Anchor>
      </Text>
    </Stack>
  );
}
