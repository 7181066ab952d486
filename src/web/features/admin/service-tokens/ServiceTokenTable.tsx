import { Button, Table, Text, VisuallyHidden } from "@mantine/core";
import { formatDate, formatDateTime } from "../../../../core/format.js";
import type { ServiceToken } from "../../../../core/service-tokens.js";
import { TokenStatusCell } from "../../../components/TokenParts.js";

/** The service tokens, one row each; rows stack into cards on a phone. */
export function ServiceTokenTable({
  tokens,
  onRevoke,
}: {
  tokens: ServiceToken[];
  onRevoke: (token: ServiceToken) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="sm" className="stack-on-phone">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Token</Table.Th>
            <Table.Th scope="col">Reads</Table.Th>
            <Table.Th scope="col">Made</Table.Th>
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
              <Table.Td data-label="Reads">
                <Text span size="sm">
                  {t.scopeKind === "region" ? `Region: ${t.scopeLabel}` : t.scopeLabel} (read only)
                </Text>
              </Table.Td>
              <Table.Td data-label="Made">
                <Text span size="sm">
                  {formatDate(t.createdAt)}
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
