import { useState } from "react";
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  tokenAccessLabels,
  type ApiToken,
  type CreatedToken,
  type TokenAccess,
} from "../../../core/api-tokens.js";
import { formatDateTime } from "../../../core/format.js";
import { CopyField } from "../../components/CopyField.js";
import { RevokeTokenModal, TokenStatusCell } from "../../components/TokenParts.js";
import { ApiError, errorMessage } from "../../lib/api.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { AccountSection } from "./AccountSection.js";
import { tokensApi, tokensKey, useApiTokens } from "./tokens-api.js";

const expiryChoices = [
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
  { value: "never", label: "Never (until revoked)" },
];
const accessChoices = (Object.keys(tokenAccessLabels) as TokenAccess[]).map((value) => ({
  value,
  label: tokenAccessLabels[value],
}));
function NewTokenForm({ onMade }: { onMade: (token: CreatedToken) => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: { name: "", access: "read", expiry: "90" },
    validate: {
      name: (v) => (v.trim() ? null : "Give the token a name, such as the system that will use it"),
    },
  });
  const make = useMutation({
    mutationFn: tokensApi.create,
    onSuccess: async (made) => {
      form.reset();
      onMade(made);
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (err) => {
      const fields = err instanceof ApiError ? err.fieldErrors() : {};
      if (Object.keys(fields).length) form.setErrors({ ...fields, expiry: fields.expiresInDays });
      else notifications.show({ color: "red", message: errorMessage(err) });
    },
  });
  return (
    <form
      noValidate
      aria-label="New API token"
      onSubmit={form.onSubmit(
        (v) =>
          make.mutate({
            name: v.name.trim(),
            access: v.access as TokenAccess,
            expiresInDays: v.expiry === "never" ? null : Number(v.expiry),
          }),
        focusFirstError,
      )}
    >
      <Stack gap="sm">
        <TextInput
          label="Token name"
          description="Say what will use it, e.g. “Ohio workforce dashboard”"
          required
          maxLength={80}
          {...form.getInputProps("name")}
        />
        <Group grow align="flex-start">
          <Select
            label="Access"
            data={accessChoices}
            allowDeselect={false}
            {...form.getInputProps("access")}
          />
          <Select
            label="Expires"
            data={expiryChoices}
            allowDeselect={false}
            {...form.getInputProps("expiry")}
          />
        </Group>
        <Group>
          <Button type="submit" variant="default" loading={make.isPending}>
            Make a token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShownOnce({ made, onDone }: { made: CreatedToken; onDone: () => void }) {
  return (
    <Alert color="table" variant="light" title={`Your new token “${made.name}”`}>
      <Stack gap="xs">
        <Text size="sm">Copy it now: it is shown only this once. Anyone who has it can act as you.</Text>
        <CopyField label="Token" value={made.token} monospace />
        <Text size="sm">
          Send it as <code>Authorization: Bearer {made.prefix}…</code> to the API described at{" "}
          <a href="/api/docs">/api/docs</a>.
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

function TokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="sm" className="stack-on-phone">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Token</Table.Th>
            <Table.Th scope="col">Access</Table.Th>
            <Table.Th scope="col">Last used</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {t.name}
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {t.prefix}…
                </Text>
              </Table.Td>
              <Table.Td data-label="Access">
                <Text span size="sm">
                  {tokenAccessLabels[t.access]}
                </Text>
              </Table.Td>
              <Table.Td data-label="Last used">
                <Text span size="sm">
                  {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never"}
                </Text>
              </Table.Td>
              <Table.Td>
                <TokenStatusCell token={t} />
              </Table.Td>
              <Table.Td>
                {t.status === "active" && (
                  <Button size="xs" variant="default" onClick={() => onRevoke(t)}>
                    Revoke <VisuallyHidden>{t.name}</VisuallyHidden>
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The account page's API tokens: make one (shown once), see each one's last use, revoke. */
export function ApiTokensSection() {
  const tokens = useApiTokens();
  const queryClient = useQueryClient();
  const [made, setMade] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => tokensApi.revoke(id),
    onSuccess: async (t) => {
      setRevoking(null);
      if (made?.id === t.id) setMade(null);
      notifications.show({ color: "table", message: `“${t.name}” is revoked and works no more.` });
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });
  return (
    <AccountSection title="API tokens">
      <Text>
        A token lets a system of yours, such as a state dashboard or a script, read (or change) what you may
        through the API, without your password.
      </Text>
      {made && <ShownOnce made={made} onDone={() => setMade(null)} />}
      <NewTokenForm onMade={setMade} />
      {tokens.isError && <Text c="red.8">{errorMessage(tokens.error)}</Text>}
      {tokens.data && tokens.data.items.length > 0 && (
        <TokenTable tokens={tokens.data.items} onRevoke={setRevoking} />
      )}
      <RevokeTokenModal
        token={revoking}
        consequence="Whatever uses this token stops working at once. This cannot be undone."
        pending={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={(id) => revoke.mutate(id)}
      />
    </AccountSection>
  );
}
