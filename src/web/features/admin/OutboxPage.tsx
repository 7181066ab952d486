import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
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
  const intl = useIntl();
  const title = intl.formatMessage({ id: "admin.outbox.title", defaultMessage: "Outbox" });
  usePageTitle(title);
  const me = useMe();
  const isAdmin = !!me.data?.isAdmin;
  const outbox = useQuery({
    queryKey: ["admin", "outbox"],
    queryFn: ({ signal }) => api.get<{ items: OutboxItem[] }>("/admin/outbox", signal),
    enabled: isAdmin,
    refetchInterval: 15_000,
  });

  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={title}
        reason={intl.formatMessage({
          id: "admin.outbox.signInReason",
          defaultMessage: "Sign in as a community admin.",
        })}
      />
    );
  if (!isAdmin) {
    return (
      <Card maw={560} mx="auto" p="xl">
        <Title order={1} fz={24} mb="sm">
          {title}
        </Title>
        <Text c="dimmed">
          <FormattedMessage
            id="admin.outbox.adminsOnly"
            defaultMessage="Only community admins can read the outbox."
          />
        </Text>
      </Card>
    );
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={intl.formatMessage({
          id: "admin.outbox.description",
          defaultMessage:
            "E-mails the server wrote. Without an SMTP server they wait here, and their links still work.",
        })}
      />
      {outbox.isPending ? (
        <PageSkeleton
          label={intl.formatMessage({ id: "admin.outbox.loading", defaultMessage: "Loading the outbox" })}
        />
      ) : outbox.isError ? (
        <ErrorAlert error={outbox.error} onRetry={() => void outbox.refetch()} />
      ) : outbox.data.items.length === 0 ? (
        <Card p="xl">
          <Text c="dimmed">
            <FormattedMessage id="admin.outbox.empty" defaultMessage="No e-mail yet." />
          </Text>
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
                    <FormattedMessage
                      id="admin.outbox.to"
                      defaultMessage="To {to} · {time}"
                      values={{ to: m.to, time: formatDateTime(m.createdAt) }}
                    />
                  </Text>
                </Stack>
                {m.sentAt ? (
                  <Badge color="table" variant="light" tt="none">
                    <FormattedMessage
                      id="admin.outbox.sent"
                      defaultMessage="Sent {time}"
                      values={{ time: formatDateTime(m.sentAt) }}
                    />
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light" c="gray.9" tt="none">
                    <FormattedMessage id="admin.outbox.notSent" defaultMessage="Not sent (no mail server)" />
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
        <Anchor href="#main">
          <FormattedMessage id="admin.outbox.backToTop" defaultMessage="Back to top" />
        </Anchor>
      </Text>
    </Stack>
  );
}
