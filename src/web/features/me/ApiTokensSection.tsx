import { useState } from "react";
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput, VisuallyHidden } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
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

const words = defineMessages({
  in30: { id: "me.tokens.expiry.in30", defaultMessage: "In 30 days" },
  in90: { id: "me.tokens.expiry.in90", defaultMessage: "In 90 days" },
  inYear: { id: "me.tokens.expiry.inYear", defaultMessage: "In a year" },
  never: { id: "me.tokens.expiry.never", defaultMessage: "Never (until revoked)" },
  token: { id: "me.tokens.token", defaultMessage: "Token" },
  access: { id: "me.tokens.access", defaultMessage: "Access" },
  lastUsed: { id: "me.tokens.lastUsed", defaultMessage: "Last used" },
});

const expiryChoices = [
  { value: "30", label: words.in30 },
  { value: "90", label: words.in90 },
  { value: "365", label: words.inYear },
  { value: "never", label: words.never },
];
const accessChoices = (Object.keys(tokenAccessLabels) as TokenAccess[]).map((value) => ({
  value,
  label: tokenAccessLabels[value],
}));
function NewTokenForm({ onMade }: { onMade: (token: CreatedToken) => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: "controlled",
    initialValues: { name: "", access: "read", expiry: "90" },
    validate: {
      name: (v) =>
        v.trim()
          ? null
          : intl.formatMessage({
              id: "me.tokens.nameRequired",
              defaultMessage: "Give the token a name, such as the system that will use it",
            }),
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
      aria-label={intl.formatMessage({ id: "me.tokens.newForm", defaultMessage: "New API token" })}
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
          label={intl.formatMessage({ id: "me.tokens.name", defaultMessage: "Token name" })}
          description={intl.formatMessage({
            id: "me.tokens.nameHelp",
            defaultMessage: "Say what will use it, e.g. “Ohio workforce dashboard”",
          })}
          required
          maxLength={80}
          {...form.getInputProps("name")}
        />
        <Group grow align="flex-start">
          <Select
            label={intl.formatMessage(words.access)}
            data={accessChoices}
            allowDeselect={false}
            {...form.getInputProps("access")}
          />
          <Select
            label={intl.formatMessage({ id: "me.tokens.expires", defaultMessage: "Expires" })}
            data={expiryChoices.map((c) => ({ value: c.value, label: intl.formatMessage(c.label) }))}
            allowDeselect={false}
            {...form.getInputProps("expiry")}
          />
        </Group>
        <Group>
          <Button type="submit" variant="default" loading={make.isPending}>
            <FormattedMessage id="me.tokens.make" defaultMessage="Make a token" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ShownOnce({ made, onDone }: { made: CreatedToken; onDone: () => void }) {
  const intl = useIntl();
  return (
    <Alert
      color="table"
      variant="light"
      title={intl.formatMessage(
        { id: "me.tokens.shownOnce.title", defaultMessage: "Your new token “{name}”" },
        { name: made.name },
      )}
    >
      <Stack gap="xs">
        <Text size="sm">
          <FormattedMessage
            id="me.tokens.shownOnce.warning"
            defaultMessage="Copy it now: it is shown only this once. Anyone who has it can act as you."
          />
        </Text>
        <CopyField label={intl.formatMessage(words.token)} value={made.token} monospace />
        <Text size="sm">
          <FormattedMessage
            id="me.tokens.shownOnce.usage"
            defaultMessage="Send it as <code>Authorization: Bearer {prefix}…</code> to the API described at <link>/api/docs</link>."
            values={{
              prefix: made.prefix,
              code: (chunks) => <code>{chunks}</code>,
              link: (chunks) => <a href="/api/docs">{chunks}</a>,
            }}
          />
        </Text>
        <Group>
          <Button size="xs" variant="subtle" onClick={onDone}>
            <FormattedMessage id="me.tokens.shownOnce.done" defaultMessage="I have copied it" />
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function TokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const intl = useIntl();
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="sm" className="stack-on-phone">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <FormattedMessage {...words.token} />
            </Table.Th>
            <Table.Th scope="col">
              <FormattedMessage {...words.access} />
            </Table.Th>
            <Table.Th scope="col">
              <FormattedMessage {...words.lastUsed} />
            </Table.Th>
            <Table.Th scope="col">
              <FormattedMessage id="me.tokens.status" defaultMessage="Status" />
            </Table.Th>
            <Table.Th scope="col">
              <FormattedMessage id="me.tokens.change" defaultMessage="Change" />
            </Table.Th>
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
              <Table.Td data-label={intl.formatMessage(words.access)}>
                <Text span size="sm">
                  {tokenAccessLabels[t.access]}
                </Text>
              </Table.Td>
              <Table.Td data-label={intl.formatMessage(words.lastUsed)}>
                <Text span size="sm">
                  {t.lastUsedAt
                    ? formatDateTime(t.lastUsedAt)
                    : intl.formatMessage({ id: "me.tokens.neverUsed", defaultMessage: "Never" })}
                </Text>
              </Table.Td>
              <Table.Td>
                <TokenStatusCell token={t} />
              </Table.Td>
              <Table.Td>
                {t.status === "active" && (
                  <Button size="xs" variant="default" onClick={() => onRevoke(t)}>
                    <FormattedMessage
                      id="me.tokens.revoke"
                      defaultMessage="Revoke <hidden>{name}</hidden>"
                      values={{ name: t.name, hidden: (chunks) => <VisuallyHidden>{chunks}</VisuallyHidden> }}
                    />
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
  const intl = useIntl();
  const tokens = useApiTokens();
  const queryClient = useQueryClient();
  const [made, setMade] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => tokensApi.revoke(id),
    onSuccess: async (t) => {
      setRevoking(null);
      if (made?.id === t.id) setMade(null);
      notifications.show({
        color: "table",
        message: intl.formatMessage(
          { id: "me.tokens.revoked", defaultMessage: "“{name}” is revoked and works no more." },
          { name: t.name },
        ),
      });
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (err) => notifications.show({ color: "red", message: errorMessage(err) }),
  });
  return (
    <AccountSection title={intl.formatMessage({ id: "me.tokens.title", defaultMessage: "API tokens" })}>
      <Text>
        <FormattedMessage
          id="me.tokens.help"
          defaultMessage="A token lets a system of yours, such as a state dashboard or a script, read (or change) what you may through the API, without your password."
        />
      </Text>
      {made && <ShownOnce made={made} onDone={() => setMade(null)} />}
      <NewTokenForm onMade={setMade} />
      {tokens.isError && <Text c="red.8">{errorMessage(tokens.error)}</Text>}
      {tokens.data && tokens.data.items.length > 0 && (
        <TokenTable tokens={tokens.data.items} onRevoke={setRevoking} />
      )}
      <RevokeTokenModal
        token={revoking}
        consequence={intl.formatMessage({
          id: "me.tokens.revokeConsequence",
          defaultMessage: "Whatever uses this token stops working at once. This cannot be undone.",
        })}
        pending={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={(id) => revoke.mutate(id)}
      />
    </AccountSection>
  );
}
