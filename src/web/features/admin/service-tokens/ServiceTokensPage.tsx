import { useState } from "react";
import { Alert, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
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
  return (
    <Alert color="table" variant="light" title={`The new token “${made.name}” for ${made.scopeLabel}`}>
      <Stack gap="xs">
        <Text size="sm">
          Copy it now: it is shown only this once. Whoever has it reads every partnership of {made.scopeLabel}
          , members-only data included; conveners see each read.
        </Text>
        <CopyField label="Token" value={made.token} monospace />
        <Text size="sm">
          Send it as <code>Authorization: Bearer {made.prefix}…</code>, for example to{" "}
          <code>/api/sync/measurements?scope={made.scopeId}</code> (see <a href="/api/docs">/api/docs</a>).
        </Text>
        <Group>
          <Button size="xs" variant="subtle" onClick={onDone}>
            I have copied it
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** The community admin's service tokens: read-only access to a state or a region for state systems. */
export default function ServiceTokensPage() {
  usePageTitle("Service tokens");
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
      notifications.show({ color: "table", message: `“${t.name}” is revoked and works no more.` });
      await queryClient.invalidateQueries({ queryKey: serviceTokensKey });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });

  if (me.isPending) return <PageSkeleton />;
  if (!me.data) return <SignInPrompt title="Service tokens" reason="Sign in to manage service tokens." />;
  const header = (
    <PageHeader
      title="Service tokens"
      description="A service token lets a state or regional system copy every partnership of a state or a region, as a coordinator reads it."
    />
  );
  if (!me.data.isAdmin) {
    return (
      <Stack gap="lg">
        {header}
        <Text>Only the community admin makes service tokens.</Text>
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={960}>
      {header}
      <Text>
        Service tokens are read only: a coordinator&apos;s scope lets its holder read, never vote or change a
        partnership&apos;s work. Every read of members-only data is logged under the token&apos;s name for the
        partnership&apos;s conveners.
      </Text>
      {made && <ShownOnce made={made} onDone={() => setMade(null)} />}
      <Card p="lg" component="section" aria-labelledby="new-service-token">
        <Title order={2} fz="lg" id="new-service-token" mb="sm">
          Make a service token
        </Title>
        <ServiceTokenForm onMade={setMade} />
      </Card>
      <Card p="lg" component="section" aria-labelledby="service-token-list">
        <Title order={2} fz="lg" id="service-token-list" mb="sm">
          Service tokens
        </Title>
        {tokens.isPending ? (
          <Text c="dimmed">Loading the tokens…</Text>
        ) : tokens.isError ? (
          <ErrorAlert error={tokens.error} />
        ) : tokens.data.items.length === 0 ? (
          <Text c="dimmed">No service token yet.</Text>
        ) : (
          <ServiceTokenTable tokens={tokens.data.items} onRevoke={setRevoking} />
        )}
      </Card>
      <RevokeTokenModal
        token={revoking}
        consequence="The system that uses this token stops reading at once. This cannot be undone."
        pending={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={(id) => revoke.mutate(id)}
      />
    </Stack>
  );
}
