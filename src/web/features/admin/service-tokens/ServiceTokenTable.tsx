import { Button, Table, Text, VisuallyHidden } from "@mantine/core";
import { defineMessages, FormattedMessage, useIntl } from "react-intl";
import { formatDate, formatDateTime } from "../../../../core/format.js";
import type { ServiceToken } from "../../../../core/service-tokens.js";
import { TokenStatusCell } from "../../../components/TokenParts.js";

const words = defineMessages({
  reads: { id: "admin.serviceTokens.table.reads", defaultMessage: "Reads" },
  made: { id: "admin.serviceTokens.table.made", defaultMessage: "Made" },
  lastUsed: { id: "admin.serviceTokens.table.lastUsed", defaultMessage: "Last used" },
});

/** The service tokens, one row each; rows stack into cards on a phone. */
export function ServiceTokenTable({
  tokens,
  onRevoke,
}: {
  tokens: ServiceToken[];
  onRevoke: (token: ServiceToken) => void;
}) {
  const intl = useIntl();
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="sm" className="stack-on-phone">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <FormattedMessage id="admin.serviceTokens.table.token" defaultMessage="Token" />
            </Table.Th>
            <Table.Th scope="col">{intl.formatMessage(words.reads)}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage(words.made)}</Table.Th>
            <Table.Th scope="col">{intl.formatMessage(words.lastUsed)}</Table.Th>
            <Table.Th scope="col">
              <FormattedMessage id="admin.serviceTokens.table.status" defaultMessage="Status" />
            </Table.Th>
            <Table.Th scope="col">
              <FormattedMessage id="admin.serviceTokens.table.change" defaultMessage="Change" />
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
              <Table.Td data-label={intl.formatMessage(words.reads)}>
                <Text span size="sm">
                  <FormattedMessage
                    id="admin.serviceTokens.table.scope"
                    defaultMessage="{kind, select, region {Region: {scope}} other {{scope}}} (read only)"
                    values={{ kind: t.scopeKind, scope: t.scopeLabel }}
                  />
                </Text>
              </Table.Td>
              <Table.Td data-label={intl.formatMessage(words.made)}>
                <Text span size="sm">
                  {formatDate(t.createdAt)}
                </Text>
              </Table.Td>
              <Table.Td data-label={intl.formatMessage(words.lastUsed)}>
                <Text span size="sm">
                  {t.lastUsedAt
                    ? formatDateTime(t.lastUsedAt)
                    : intl.formatMessage({ id: "admin.serviceTokens.table.never", defaultMessage: "Never" })}
                </Text>
              </Table.Td>
              <Table.Td>
                <TokenStatusCell token={t} />
              </Table.Td>
              <Table.Td>
                {t.status === "active" && (
                  <Button size="xs" variant="default" onClick={() => onRevoke(t)}>
                    <FormattedMessage id="admin.serviceTokens.table.revoke" defaultMessage="Revoke" />{" "}
                    <VisuallyHidden>{t.name}</VisuallyHidden>
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
