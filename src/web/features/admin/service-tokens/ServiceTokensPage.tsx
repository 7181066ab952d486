import { useState } from "react";
import { Alert, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import type { CreatedServiceToken, ServiceToken } from "../../../../core/service-tokens.js";
import { CopyField } from "../../../components/CopyField.js";
import { ErrorAlert } from "../../../components/ErrorAlert.js";
import { PageHeader } from "../../../components/PageHeader.js";
import { PageSkeleton } from "../../../components/PageSkeleton.js";
import { RevokeTokenModal } from "../../../components/TokenParts.js";
import { errorMessage } from "../../../lib/api.js";
import { usePageTitle } from "../../../lib/usePageTitle.js";
import { useMe } from "../../auth/api.js";
import { SignInPrompt } from "../../auth/SignInPrompt.js";
import { serviceTokensApi, serviceTokensKey, useServiceTokens } from "./api.js";
import { ServiceTokenForm } from "./ServiceTokenForm.js";
import { ServiceTokenTable } from "./ServiceTokenTable.js";

function ShownOnce({ made, onDone }: { made: CreatedServiceToken; onDone: () => void }) {
  const intl = useIntl();
  return (
    <Alert
      color="table"
      variant="light"
      title={intl.formatMessage(
        { id: "admin.serviceTokens.shownOnce.title", defaultMessage: "The new token “{name}” for {scope}" },
        { name: made.name, scope: made.scopeLabel },
      )}
    >
      <Stack gap="xs">
        <Text size="sm">
          <FormattedMessage
            id="admin.serviceTokens.shownOnce.copyNow"
            defaultMessage="Copy it now: it is shown only this once. Whoever has it reads every partnership of {scope}, members-only data included; conveners see each read."
            values={{ scope: made.scopeLabel }}
          />
        </Text>
        <CopyField
          label={intl.formatMessage({
            id: "admin.serviceTokens.shownOnce.tokenLabel",
            defaultMessage: "Token",
          })}
          value={made.token}
          monospace
        />
        <Text size="sm">
          <FormattedMessage
            id="admin.serviceTokens.shownOnce.howToUse"
            defaultMessage="Send it as {header}, for example to {path} (see <docs>/api/docs</docs>)."
            values={{
              header: <code>Authorization: Bearer {made.prefix}…</code>,
              path: <code>/api/sync/measurements?scope={made.scopeId}</code>,
              docs: (chunks) => <a href="/api/docs">{chunks}</a>,
            }}
          />
        </Text>
        <Group>
          <Button size="xs" variant="subtle" onClick={onDone}>
            <FormattedMessage id="admin.serviceTokens.shownOnce.done" defaultMessage="I have copied it" />
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The community admin's service tokens: read-only access to a state or a region for state systems. */
export default function ServiceTokensPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "admin.serviceTokens.title", defaultMessage: "Service tokens" });
  usePageTitle(title);
  const me = useMe();
  const tokens = useServiceTokens(!!me.data?.isAdmin);
  const queryClient = useQueryClient();
  const [made, setMade] = useState<CreatedServiceToken | null>(null);
  const [revoking, setRevoking] = useState<ServiceToken | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => serviceTokensApi.revoke(id),
    onSuccess: async (t) => {
      setRevoking(null);
      if (made?.id === t.id) setMade(null);
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          {
            id: "admin.serviceTokens.revokedToast",
            defaultMessage: "“{name}” is revoked and works no more.",
          },
          { name: t.name },
        ),
      });
      await queryClient.invalidateQueries({ queryKey: serviceTokensKey });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });

  if (me.isPending) return <PageSkeleton />;
  if (!me.data)
    return (
      <SignInPrompt
        title={title}
        reason={intl.formatMessage({
          id: "admin.serviceTokens.signInReason",
          defaultMessage: "Sign in to manage service tokens.",
        })}
      />
    );
  const header = (
    <PageHeader
      title={title}
      description={intl.formatMessage({
        id: "admin.serviceTokens.description",
        defaultMessage:
          "A service token lets a state or regional system copy every partnership of a state or a region, as a coordinator reads it.",
      })}
    />
  );
  if (!me.data.isAdmin) {
    return (
      <Stack gap="lg">
        {header}
        <Text>
          <FormattedMessage
            id="admin.serviceTokens.adminOnly"
            defaultMessage="Only the community admin makes service tokens."
          />
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={960}>
      {header}
      <Text>
        <FormattedMessage
          id="admin.serviceTokens.readOnlyNote"
          defaultMessage="Service tokens are read only: a coordinator's scope lets its holder read, never vote or change a partnership's work. Every read of members-only data is logged under the token's name for the partnership's conveners."
        />
      </Text>
      {made && <ShownOnce made={made} onDone={() => setMade(null)} />}
      <Card p="lg" component="section" aria-labelledby="new-service-token">
        <Title order={2} fz="lg" id="new-service-token" mb="sm">
          <FormattedMessage id="admin.serviceTokens.makeHeading" defaultMessage="Make a service token" />
        </Title>
        <ServiceTokenForm onMade={setMade} />
      </Card>
      <Card p="lg" component="section" aria-labelledby="service-token-list">
        <Title order={2} fz="lg" id="service-token-list" mb="sm">
          {title}
        </Title>
        {tokens.isPending ? (
          <Text c="dimmed">
            <FormattedMessage id="admin.serviceTokens.loading" defaultMessage="Loading the tokens…" />
          </Text>
        ) : tokens.isError ? (
          <ErrorAlert error={tokens.error} />
        ) : tokens.data.items.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage id="admin.serviceTokens.empty" defaultMessage="No service token yet." />
          </Text>
        ) : (
          <ServiceTokenTable tokens={tokens.data.items} onRevoke={setRevoking} />
        )}
      </Card>
      <RevokeTokenModal
        token={revoking}
        consequence={intl.formatMessage({
          id: "admin.serviceTokens.revokeConsequence",
          defaultMessage: "The system that uses this token stops reading at once. This cannot be undone.",
        })}
        pending={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={(id) => revoke.mutate(id)}
      />
    </Stack>
  );
}
